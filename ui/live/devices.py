"""专家设备: the chair's view of the experts' own-device scoring, a tab of the live console.

The chair picks the network the experts' phones are on (the laptop's hotspot or the meeting
router; loopback only for a try-out), starts the scoring server, and shows each expert their QR
code (or prints the access cards). The table shows, live, each expert's device (last seen), their
progress on the presenting unit and how many units they have submitted. The chair can revoke a
lost phone's link (a new one is issued at once) and can take over an expert's column in the grid
with a reason; while an expert scores on a device, their column in the grid is read-only, so two
people never type the same sheet.

Nothing here polls the database: the server reports each committed write through ``on_change``
(from its own threads); a queued signal brings it to this thread, which re-reads the progress once.
A 5 s timer only repaints the "seen N s ago" texts from what is already in memory.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSpinBox, QSplitter, QTableView, QVBoxLayout, QWidget)

from fazhi_desktop.changes import Change
from fazhi_desktop.db import database_file
from fazhi_desktop.errors import UserError
from fazhi_desktop.export.access_cards import Card, qr_png, write_access_cards
from fazhi_desktop.serve import access
from fazhi_desktop.sessions import get_session

from .. import dialogs, operations
from ..i18n import arg, label, translate
from ..icons import icon

DEFAULT_PORT = 8765
ONLINE_S = 30  # a device seen within this many seconds counts as online


def interfaces() -> list[tuple[str, str]]:
    """(label, IPv4 address) of every interface that is up, the meeting networks first and the
    loopback last (a phone cannot reach it: for trying the page on this laptop only)."""
    found: list[tuple[str, str]] = []
    flags = QNetworkInterface.InterfaceFlag
    for iface in QNetworkInterface.allInterfaces():
        f = iface.flags()
        if not (f & flags.IsUp and f & flags.IsRunning) or f & flags.IsLoopBack:
            continue
        for entry in iface.addressEntries():
            ip = entry.ip()
            if ip.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
                found.append((f"{iface.humanReadableName()}　{ip.toString()}", ip.toString()))
    found.append((translate("DevicesPanel", "本机 127.0.0.1（仅供本机试用，手机无法连接）"), "127.0.0.1"))
    return found


def _seen_text(last_seen: str | None, now: dt.datetime) -> tuple[str, bool]:
    if not last_seen:
        return translate("DevicesPanel", "未连接"), False
    try:
        at = dt.datetime.fromisoformat(last_seen)
    except ValueError:
        return last_seen, False
    if at.tzinfo is None:
        at = at.replace(tzinfo=now.tzinfo)
    ago = max(0, int((now - at).total_seconds()))
    if ago < 60:
        return arg(translate("DevicesPanel", "在线（%1 秒前）"), ago), ago <= ONLINE_S
    if ago < 3600:
        return arg(translate("DevicesPanel", "%1 分钟前"), ago // 60), False
    return at.strftime("%H:%M"), False


class DevicesModel(QAbstractTableModel):
    """One row per expert: name, device, progress on the presenting unit, units submitted, then one
    column per unit (✓ submitted, n/m scored, 回避), the presenting unit's column shaded."""

    HEADERS = (QT_TRANSLATE_NOOP("DevicesPanel", "专家"), QT_TRANSLATE_NOOP("DevicesPanel", "设备"),
               QT_TRANSLATE_NOOP("DevicesPanel", "本单位"), QT_TRANSLATE_NOOP("DevicesPanel", "已提交"))
    FIRST_UNIT = len(HEADERS)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list = []  # access.ExpertProgress
        self.units: list = []  # access.UnitProgress of the first row: ids and names in presentation order
        self.unit_id: int | None = None
        self.serving = False

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.units = list(self.rows[0].units.values()) if self.rows else []
        self.endResetModel()

    def set_unit(self, unit_id: int | None) -> None:
        self.unit_id = unit_id
        if self.rows:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self.rows) - 1, self.columnCount() - 1))

    def repaint_seen(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.rows) - 1, 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.FIRST_UNIT + len(self.units)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section < self.FIRST_UNIT:
            return label("DevicesPanel", self.HEADERS[section]) if role == Qt.ItemDataRole.DisplayRole else None
        unit = self.units[section - self.FIRST_UNIT]
        if role == Qt.ItemDataRole.DisplayRole:  # the agenda's number: ten names would push the experts off the pane
            return str(section - self.FIRST_UNIT + 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return unit.unit
        return None

    def unit_text(self, row) -> str:
        p = row.units.get(self.unit_id) if self.unit_id is not None else None
        if p is None:
            return "—"
        if p.recused:
            return translate("DevicesPanel", "回避")
        if p.submitted:
            return translate("DevicesPanel", "已提交")
        return arg(translate("DevicesPanel", "已评 %1/%2"), p.scored, p.total)

    @staticmethod
    def cell_text(p) -> str:
        if p is None:
            return ""
        if p.recused:
            return translate("DevicesPanel", "回避")
        if p.submitted:
            return "✓"
        return f"{p.scored}/{p.total}" if p.scored else ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        unit = self.units[col - self.FIRST_UNIT] if col >= self.FIRST_UNIT else None
        p = row.units.get(unit.unit_id) if unit is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.expert
            if col == 1:
                if not row.has_token:
                    return translate("DevicesPanel", "无有效链接")
                return _seen_text(row.last_seen, dt.datetime.now().astimezone())[0]
            if col == 2:
                return self.unit_text(row)
            if col == 3:
                done = sum(1 for p in row.units.values() if p.submitted)
                return f"{done}/{sum(1 for p in row.units.values() if not p.recused)}"
            return self.cell_text(p)
        if role == Qt.ItemDataRole.TextAlignmentRole and unit is not None:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and unit is not None and p is not None:
            return f"{row.expert} · {unit.unit}：" + (translate("DevicesPanel", "回避") if p.recused else translate("DevicesPanel", "已提交") if p.submitted else
                                                       arg(translate("DevicesPanel", "已评 %1/%2"), p.scored, p.total))
        if role == Qt.ItemDataRole.BackgroundRole and unit is not None and unit.unit_id == self.unit_id:
            return QBrush(QColor("#e3f2fd"))
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 1:
                online = row.has_token and _seen_text(row.last_seen, dt.datetime.now().astimezone())[1]
                return QBrush(QColor("#2e7d32" if online and self.serving else "#78909c"))
            if (col == 2 and "已提交" in self.unit_text(row)) or (p is not None and p.submitted):
                return QBrush(QColor("#2e7d32"))
            if p is not None and p.recused:
                return QBrush(QColor("#9e9e9e"))
        return None


class _Bridge(QObject):
    """Carries the server's change reports (from its threads) into the GUI thread: a signal
    emitted from another thread reaches a receiver of this thread through a queued connection."""
    changed = Signal(object)


class DevicesPanel(operations.Listener, QWidget):
    """The experts' phones. The server's change reports (from its threads) come into the window's
    thread and go to the app-wide hub as change records, like the window's own writes. The panel
    re-reads the progress after each report of its own server, and after other pages' changes when
    it is shown."""

    device_experts_changed = Signal(object)  # set of expert ids whose column a device is filling
    message = Signal(str)

    def __init__(self, db, session_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.session_id = db, session_id
        self.server = None
        self._bridge = _Bridge(self)
        self._bridge.changed.connect(self._on_change)
        self._access: dict[int, object] = {}
        self._device_experts: set[int] = set()
        self._build()
        self._seen_timer = QTimer(self, interval=5000)  # "seen 2 min ago" from the rows in memory: no read
        self._seen_timer.timeout.connect(self._repaint_seen)
        server_ref = self._server_holder = [None]  # stopped when the console goes, even without close()
        self.destroyed.connect(lambda *_: _stop(server_ref))
        self.listen(db, session_id)
        self.reload()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.iface_box = QComboBox()
        self.iface_box.setToolTip(translate("DevicesPanel", "专家手机所连的网络：笔记本开的热点，或会场的路由器"))
        self.port_box = QSpinBox()
        self.port_box.setRange(1024, 65535)
        self.port_box.setValue(DEFAULT_PORT)
        self.port_box.setToolTip(translate("DevicesPanel", "端口：打印入场卡后请勿更改（二维码里含有地址和端口）"))
        self.start_button = QPushButton(icon("start"), translate("DevicesPanel", "开启扫码评分"))
        self.start_button.clicked.connect(self.toggle_server)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("DevicesPanel", "网络")))
        top.addWidget(self.iface_box, 1)
        top.addWidget(QLabel(translate("DevicesPanel", "端口")))
        top.addWidget(self.port_box)
        top.addWidget(self.start_button)

        self.model = DevicesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a long unit name: 市人力… with the whole in its tooltip
        header.setMinimumSectionSize(44)
        self.model.modelReset.connect(self._fit_columns)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_qr())

        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr_label.setMinimumSize(150, 150)  # scannable at this size; grows with the pane (fits a 768-px-high screen)
        self.qr_label.setStyleSheet("background: white;")
        self.url_label = QLabel()
        self.url_label.setWordWrap(True)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label.setStyleSheet("color: #455a64;")
        self.revoke_button = QPushButton(icon("reopen"), translate("DevicesPanel", "作废并发新码…"))
        self.revoke_button.setToolTip(translate("DevicesPanel", "手机遗失或链接外传时：旧链接立即失效，换发新的二维码"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.takeover_button = QPushButton(icon("scores"), translate("DevicesPanel", "接管评分…"))
        self.takeover_button.setToolTip(translate("DevicesPanel", "专家无法继续用手机评分时：作废其链接，由会务人员在评分表中代为录入（须说明原因）"))
        self.takeover_button.clicked.connect(self.take_over_selected)
        self.cards_button = QPushButton(icon("export"), translate("DevicesPanel", "打印入场卡…"))
        self.cards_button.clicked.connect(self.save_cards)
        side = QVBoxLayout()
        side.addWidget(self.qr_label, 1)
        side.addWidget(self.url_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.takeover_button)
        side.addLayout(buttons)
        side.addWidget(self.cards_button)
        right = QWidget()
        right.setLayout(side)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status_label)
        layout.addWidget(split, 1)

    def _fit_columns(self) -> None:
        """Every column as wide as its title and values; a unit's column is titled with its number
        in the agenda (its name in the tooltip), so a whole meeting's units fit beside the experts."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    # -- state ----------------------------------------------------------------------------------
    @property
    def serving(self) -> bool:
        return self.server is not None

    def reload(self) -> None:
        """Re-read tokens and progress (on opening, after a revoke, after each device write)."""
        session = get_session(self.db, self.session_id)
        open_for_scores = session.status in ("draft", "live")
        if self.serving and not open_for_scores:  # ended from the menu: the links are dead, the server goes
            _stop(self._server_holder)
            self.server = None
            self._seen_timer.stop()
        refusal = None
        if open_for_scores:
            try:
                for a in access.ensure_tokens(self.db, self.session_id):
                    self._access[a.expert_id] = a
            except UserError as exc:  # no experts yet, or a 示范创建 assessment (rated, not scored)
                refusal = str(exc)
                open_for_scores = False
        rows = access.progress(self.db, self.session_id)
        keep = self._selected_expert()
        self.model.serving = self.serving
        self.model.set_rows(rows)
        if keep is not None:
            self._select(keep)
        elif rows:
            self.table.selectRow(0)
        if not self.serving:
            self.iface_box.clear()
            for name, ip in interfaces():
                self.iface_box.addItem(name, ip)
        self.iface_box.setEnabled(not self.serving)
        self.port_box.setEnabled(not self.serving)
        self.start_button.setEnabled(open_for_scores or self.serving)
        self.start_button.setText(translate("DevicesPanel", "停止扫码评分") if self.serving else translate("DevicesPanel", "开启扫码评分"))
        if refusal:
            self.status_label.setText(refusal)
        elif not open_for_scores:
            self.status_label.setText(translate("DevicesPanel", "评议会已结束：专家的评分链接已失效。"))
        elif self.serving:
            text = arg(translate("DevicesPanel", "扫码评分已开启：%1。请专家连接同一网络后扫描自己的二维码。"), self.server.base_url)
            if self.server.host in ("127.0.0.1", "::1", "localhost"):
                text += "\n" + translate("DevicesPanel", "注意：现在只有本机能打开，手机无法连接；正式使用请停止后选择热点或会场网络。")
            self.status_label.setText(text)
        else:
            self.status_label.setText(translate("DevicesPanel", "选择专家手机所连的网络，然后开启扫码评分。二维码含地址和端口："
                                          "先开启再打印入场卡。"))
        self._update_device_experts()
        self._show_qr()

    def _update_device_experts(self) -> None:
        """Experts whose column a device fills: a live token that a device has used, while serving."""
        ids = {r.expert_id for r in self.model.rows if self.serving and r.has_token and r.last_seen}
        if ids != self._device_experts:
            self._device_experts = ids
            self.device_experts_changed.emit(set(ids))

    def set_unit(self, unit_id: int | None) -> None:
        self.model.set_unit(unit_id)

    def _selected_expert(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()].expert_id if index.isValid() and index.row() < len(self.model.rows) else None

    def _select(self, expert_id: int) -> None:
        for r, row in enumerate(self.model.rows):
            if row.expert_id == expert_id:
                self.table.selectRow(r)
                return

    def url_for(self, expert_id: int) -> str | None:
        a = self._access.get(expert_id)
        if a is None or self.server is None:
            return None
        return self.server.url(a.token)

    def _show_qr(self) -> None:
        expert = self._selected_expert()
        url = self.url_for(expert) if expert is not None else None
        for b in (self.revoke_button, self.takeover_button):
            b.setEnabled(expert is not None and expert in self._access)
        self.cards_button.setEnabled(self.serving)
        if url is None:
            self.qr_label.setPixmap(QPixmap())
            self.qr_label.setText(translate("DevicesPanel", "开启扫码评分后，这里显示所选专家的二维码") if expert is not None else "")
            self.url_label.setText("")
            return
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png(url, scale=6), "PNG")
        self.qr_label.setPixmap(pixmap)
        name = next((r.expert for r in self.model.rows if r.expert_id == expert), "")
        self.url_label.setText(arg(translate("DevicesPanel", "%1 的评分链接（仅限本人）：%2"), name, url))

    def _repaint_seen(self) -> None:
        self.model.repaint_seen()

    # -- actions --------------------------------------------------------------------------------
    def toggle_server(self) -> bool:
        if self.serving:
            self.stop_server()
            return True
        return self.start_server()

    def start_server(self, host: str | None = None, port: int | None = None) -> bool:
        from fazhi_desktop.serve.server import ScoringServer

        host = host or self.iface_box.currentData() or "127.0.0.1"
        port = self.port_box.value() if port is None else port
        bridge = self._bridge
        server = ScoringServer(database_file(self.db), self.session_id, host=host, port=port,
                               on_change=lambda change: bridge.changed.emit(change))
        try:
            server.start()
        except OSError as exc:
            self.message.emit(arg(translate("DevicesPanel", "无法在 %1:%2 开启扫码评分（%3）。端口可能已被占用：请换一个端口。"),
                                  host, port, exc.strerror or str(exc)))
            return False
        except UserError as exc:
            self.message.emit(str(exc))
            return False
        self.server = self._server_holder[0] = server
        self._seen_timer.start()
        self.reload()
        at = self.iface_box.findData(host)
        if at >= 0:
            self.iface_box.setCurrentIndex(at)
        self.message.emit("")
        return True

    def stop_server(self) -> None:
        _stop(self._server_holder)
        self.server = None
        self._seen_timer.stop()
        self.reload()

    def ask_reason(self, title: str, prompt: str) -> str | None:
        """A reason typed by the chair, or None (tests replace this)."""
        return dialogs.ask_text(self, title, prompt)

    def _revoke(self, expert_id: int, title: str, prompt: str) -> bool:
        reason = self.ask_reason(title, prompt)
        if not reason:
            return False
        operator = get_session(self.db, self.session_id).secretary
        self._reporting = True  # reloaded below, not by the hub's echo
        try:
            done = operations.run(self.db, lambda: access.revoke_token(
                self.db, session_id=self.session_id, expert_id=expert_id, reason=reason, operator=operator),
                say=self.message.emit)  # its record (the links) goes to the hub
        finally:
            self._reporting = False
        if not done.ok:
            return False
        self._access[expert_id] = done.value
        self.reload()
        return True

    def revoke_selected(self) -> bool:
        expert = self._selected_expert()
        return expert is not None and self._revoke(
            expert, translate("DevicesPanel", "作废评分链接"), translate("DevicesPanel", "作废原因（如：手机遗失）。旧链接立即失效，并换发新的二维码："))

    def take_over_selected(self) -> bool:
        expert = self._selected_expert()
        return expert is not None and self._revoke(
            expert, translate("DevicesPanel", "接管评分"), translate("DevicesPanel", "接管原因（如：手机没电，由会务人员按纸质评分表代录）。该专家的链接将作废，"
                                        "评分表中该列改由本机录入："))

    def choose_cards_path(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, translate("DevicesPanel", "保存入场卡"), translate("DevicesPanel", "专家评分入场卡.pdf"), "PDF (*.pdf)")
        return path or None

    def save_cards(self, path: str | None = None) -> Path | None:
        if not self.serving:
            return None
        path = path or self.choose_cards_path()
        if not path:
            return None
        from fazhi_desktop.export import atomic_write

        cards = [Card(r.expert, self.url_for(r.expert_id)) for r in self.model.rows
                 if self.url_for(r.expert_id) is not None]
        title = get_session(self.db, self.session_id).title
        target = Path(path)
        try:
            atomic_write(target, lambda fh: write_access_cards(title, cards, fh))
        except UserError as exc:
            self.message.emit(str(exc))
            return None
        self.message.emit(arg(translate("DevicesPanel", "入场卡已保存：%1"), target))
        return target

    def _on_change(self, report: dict) -> None:
        """A device's write is committed: its change record goes to the hub (every page hears it,
        this one too). A device seen for the first time changes which columns are read-only.
        This page publishes it itself: the write was the scoring server's (another thread, another
        connection), not an operation of this window, and its report is all this window learns of it."""
        kinds = {"devices"}
        if report.get("kind") in ("score", "submit"):
            kinds.add("scores")
        unit = report.get("unit_id")
        self._reporting = True
        try:
            operations.hub(self.db).publish(Change.of(kinds, int(report.get("session_id") or self.session_id),
                                               [int(unit)] if unit is not None else []))
        finally:
            self._reporting = False
        self._refresh_progress()  # this panel runs the server: its rows follow each report (4 queries)

    _reporting = False

    def _on_changes(self, change: Change) -> None:
        if not self._reporting:  # its own server's report: followed by _on_change
            super()._on_changes(change)

    def apply(self, change: Change) -> None:
        if change.touches("status"):
            self.reload()
        elif change.touches("scores", "devices", "units", "experts"):
            self._refresh_progress()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.show_pending()

    def _refresh_progress(self) -> None:
        rows = access.progress(self.db, self.session_id)
        self.model.serving = self.serving
        keep = self._selected_expert()
        self.model.set_rows(rows)
        if keep is not None:
            self._select(keep)
        self._update_device_experts()


def _stop(holder: list) -> None:
    server, holder[0] = holder[0], None
    if server is not None:
        server.stop()
