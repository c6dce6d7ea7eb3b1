"""The dossier's chart: a unit's final score and its per-criterion scores (as % of each leaf's
maximum) over the sessions, with its rank under each point. Painted with QPainter, so it needs
nothing beyond QtGui and looks the same in every build."""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from fazhi_desktop.history import DossierEntry

from ..i18n import arg

FINAL_COLOUR = QColor("#c62828")
PALETTE = [QColor(c) for c in ("#1565c0", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#ad1457",
                                "#9e9d24", "#455a64", "#283593")]


class ScoreChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries: list[DossierEntry] = []
        self.show_criteria = True
        self._cache: dict | None = None
        self._lo_hi: tuple[float, float] | None = None
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(True)

    def sizeHint(self) -> QSize:
        return QSize(640, 300)

    def set_entries(self, entries: list[DossierEntry]) -> None:
        self.entries = list(entries)
        self._cache = self._lo_hi = None
        self.update()

    def set_show_criteria(self, on: bool) -> None:
        self.show_criteria = on
        self._cache = self._lo_hi = None
        self.update()

    def series(self) -> dict[str, list[float | None]]:
        """{name: one value per session}: 综合得分 first, then each criterion in first-seen order."""
        if self._cache is None:
            self._cache = self._series()
        return self._cache

    def _series(self) -> dict[str, list[float | None]]:
        out: dict[str, list[float | None]] = {self.tr("综合得分"): [e.final for e in self.entries]}
        if self.show_criteria:
            names: list[str] = []
            for e in self.entries:
                names += [n for n in e.criteria if n not in names]
            for n in names:
                out[n] = [e.criteria.get(n) for e in self.entries]
        return out

    def plot_rect(self) -> QRectF:
        legend_w = 190 if self.show_criteria else 110
        return QRectF(48, 28, max(50, self.width() - 48 - legend_w - 16), max(40, self.height() - 28 - 58))

    def point_at(self, series_index: int, entry_index: int) -> QPointF | None:
        values = list(self.series().values())[series_index]
        value = values[entry_index]
        if value is None:
            return None
        lo, hi = self._lo_hi or self._range()
        r = self.plot_rect()
        n = len(self.entries)
        x = r.left() + (r.width() * (entry_index + 0.5) / n)
        y = r.bottom() - (value - lo) / (hi - lo) * r.height()
        return QPointF(x, y)

    def _range(self) -> tuple[float, float]:
        values = [v for s in self.series().values() for v in s if v is not None]
        lo = min(values, default=60.0)
        return (max(0.0, math.floor((lo - 5) / 10) * 10), 100.0)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        r = self.plot_rect()
        if not self.entries:
            p.setPen(QColor("#78909c"))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("请选择一个单位，查看其历次评议得分。"))
            return
        lo, hi = self._lo_hi = self._range()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        p.setFont(small)
        # grid and y labels
        for step in range(int(lo), int(hi) + 1, 10):
            y = r.bottom() - (step - lo) / (hi - lo) * r.height()
            p.setPen(QPen(QColor("#e0e0e0"), 1))
            p.drawLine(QPointF(r.left(), y), QPointF(r.right(), y))
            p.setPen(QColor("#607d8b"))
            p.drawText(QRectF(0, y - 8, r.left() - 6, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       str(step))
        p.setPen(QColor("#455a64"))
        p.drawText(QRectF(r.left(), 4, r.width(), 20), Qt.AlignmentFlag.AlignLeft,
                   self.tr("得分（综合得分；各指标为占该项满分的百分比）"))
        # x labels: date and rank
        n = len(self.entries)
        for i, e in enumerate(self.entries):
            x = r.left() + r.width() * (i + 0.5) / n
            label = (e.date or "")[:7] if n <= 12 else (e.date or "")[:4]
            p.setPen(QColor("#37474f"))
            p.drawText(QRectF(x - 40, r.bottom() + 4, 80, 16), Qt.AlignmentFlag.AlignCenter, label)
            if n <= 20:
                rank = arg(self.tr("第%1/%2名"), e.rank, e.ranked) if e.rank else self.tr("未排名")
                p.setPen(FINAL_COLOUR)
                p.drawText(QRectF(x - 45, r.bottom() + 20, 90, 16), Qt.AlignmentFlag.AlignCenter, rank)
        # series, the final on top
        all_series = list(self.series().items())
        order = list(range(1, len(all_series))) + [0]
        for k in order:
            name, values = all_series[k]
            colour = FINAL_COLOUR if k == 0 else PALETTE[(k - 1) % len(PALETTE)]
            pen = QPen(colour, 3 if k == 0 else 1.4)
            if k:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            path = QPainterPath()
            started = False
            points = [self.point_at(k, i) for i in range(n)]
            for pt in points:
                if pt is None:
                    started = False
                    continue
                if started:
                    path.lineTo(pt)
                else:
                    path.moveTo(pt)
                    started = True
            p.drawPath(path)
            p.setBrush(colour)
            for pt in points:
                if pt is not None:
                    p.drawEllipse(pt, 4.5 if k == 0 else 2.5, 4.5 if k == 0 else 2.5)
            if k == 0:
                p.setPen(FINAL_COLOUR)
                for pt, v in zip(points, values):
                    if pt is not None and n <= 20:
                        p.drawText(QRectF(pt.x() - 30, pt.y() - 22, 60, 16), Qt.AlignmentFlag.AlignCenter, f"{v:.2f}")
            p.setBrush(Qt.BrushStyle.NoBrush)
        # legend
        lx, ly = r.right() + 16, r.top()
        for k, (name, _v) in enumerate(all_series):
            colour = FINAL_COLOUR if k == 0 else PALETTE[(k - 1) % len(PALETTE)]
            p.setPen(QPen(colour, 3 if k == 0 else 1.4))
            p.drawLine(QPointF(lx, ly + 8), QPointF(lx + 18, ly + 8))
            p.setPen(QColor("#263238"))
            text = p.fontMetrics().elidedText(name.split("/")[-1], Qt.TextElideMode.ElideRight, int(self.width() - lx - 30))
            p.drawText(QRectF(lx + 24, ly, self.width() - lx - 24, 16), Qt.AlignmentFlag.AlignVCenter, text)
            ly += 18
        p.end()
