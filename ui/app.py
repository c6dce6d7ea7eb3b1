"""The Qt application: translations, fonts, the database, and the main window.

``run_gui`` is what ``main.py`` calls for "no command", ``live ID`` and ``--self-test``.
"""
from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import PySide6  # noqa: F401 - loads shibokensupport, whose scan table is answered below


def _spare_pyside_source_scans() -> None:
    """Answer in advance the question PySide6 asks of every module an import statement returns
    once it is loaded: does the module's source mention "PySide6"? (shibokensupport's feature.py
    reads the whole source file of each, typing and inspect among them, to know which modules may
    switch on its ``__feature__`` options, snake_case and true_property: 20-30 ms of the start,
    for ~70 modules.) No module of this program or its libraries switches them on, and then the
    answer changes nothing: every module sees the features off. Our ui modules are marked as using
    PySide (0), everything else as "ignore" (-1), which is what the scan says of a module without
    Qt; a module it already answered keeps its answer. A PySide6 without this table (another
    version) is left to scan as before."""
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in (*sys.modules, *sys.stdlib_module_names):
        table.setdefault(name, -1)
    here = os.path.dirname(os.path.abspath(__file__))
    for package, answer in ((__package__, 0), ("fazhi_desktop", -1)):
        root = os.path.join(os.path.dirname(here), package)
        for folder, _dirs, files in os.walk(root):  # none in a frozen build: the scan runs there as before
            prefix = package + folder[len(root):].replace(os.sep, ".")
            for file in files:
                if file.endswith(".py"):
                    table.setdefault(prefix if file == "__init__.py" else f"{prefix}.{file[:-3]}", answer)


_spare_pyside_source_scans()

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from fazhi_desktop import APP_NAME, __version__
from fazhi_desktop.cli import GuiRequest
from fazhi_desktop.db import open_db
from fazhi_desktop.errors import DatabaseError, UserError
from fazhi_desktop.paths import default_data_dir
from fazhi_desktop.resources import resource_path
from fazhi_desktop.startup import complete

from . import binding, crashlog
from .i18n import app_name
from .settings import ORG

# Fonts that cover simplified Chinese, best first (Windows, Linux, macOS, domestic Linux).
CJK_FAMILIES = ["Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "文泉驿微米黑", "PingFang SC", "Droid Sans Fallback", "SimSun", "宋体"]


def _language() -> str:
    return os.environ.get("FAZHI_LANG") or QLocale.system().name()


def install_translations(app: QApplication) -> list[QTranslator]:
    """Chinese is the source language; English (and others) come from resources/i18n/*.qm.
    Qt's own dialogs (buttons such as OK/Cancel) use Qt's qtbase translations."""
    lang = _language()
    installed = []
    qt_lang = "zh_CN" if lang.startswith("zh") or not lang.startswith("en") else None
    if qt_lang:
        qt = QTranslator(app)
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{qt_lang}", folder) or qt.load(f"qtbase_{qt_lang}", str(resource_path("i18n"))):
            app.installTranslator(qt)
            installed.append(qt)
    else:
        ours = QTranslator(app)
        if ours.load(f"fazhi_{lang}", str(resource_path("i18n"))) or ours.load("fazhi_en_US", str(resource_path("i18n"))):
            app.installTranslator(ours)
            installed.append(ours)
    return installed


def cjk_font_family() -> str | None:
    """A family that renders simplified Chinese, adding a bundled font (frozen builds) first."""
    fonts = resource_path("fonts")
    if fonts.is_dir():
        for path in sorted(fonts.iterdir()):
            if path.suffix.lower() in (".ttf", ".ttc", ".otf"):
                QFontDatabase.addApplicationFont(str(path))
    chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for family in CJK_FAMILIES:
        if family in chinese:
            return family
    return sorted(chinese)[0] if chinese else None


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG)
    install_translations(app)
    app.setApplicationDisplayName(app_name())
    family = cjk_font_family()
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *font.families()])
        if font.pointSizeF() < 10:
            font.setPointSizeF(10)
        app.setFont(font)
    app.setProperty("cjk_family", family or "")
    return app


def open_database(path: Path, parent=None):
    """Open the store, or explain in a dialog why not (the file is left untouched). Reads only
    until :func:`after_first_paint` (sqlite-utils is imported then, fazhi_desktop/startup.py)."""
    try:
        return open_db(path, lazy=True)
    except UserError as exc:
        from PySide6.QtWidgets import QMessageBox  # only to explain a refusal

        text = str(exc)
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME,
                          QApplication.translate("app", "无法打开数据库。"), QMessageBox.StandardButton.Ok, parent)
        box.setInformativeText(text)
        offer = _offer_snapshot(path, box) if isinstance(exc, DatabaseError) else None
        if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            box.exec()
        if offer is not None and box.clickedButton() is offer:
            return _restore_latest(path)
        return None


def _offer_snapshot(path: Path, box: QMessageBox):
    """Offer the latest good snapshot of this database, if there is one."""
    from PySide6.QtWidgets import QMessageBox

    from fazhi_desktop import backup

    try:
        snap = backup.latest_good_snapshot(path)
    except (OSError, sqlite3.Error, UserError):  # only an offer: the dialog still explains the failure
        return None
    if snap is None:
        return None
    return box.addButton(QApplication.translate("app", "恢复最近的完好快照"), QMessageBox.ButtonRole.AcceptRole)


def _restore_latest(path: Path):
    from fazhi_desktop import backup

    snap = backup.latest_good_snapshot(path)
    backup.restore(snap, path) if snap is not None else None
    return open_db(path)


def after_first_paint(window, db) -> None:
    """Once the window has painted, finish what its start left out: sqlite-utils (the database
    object becomes the full one, fazhi_desktop/startup.py) and the menu's shortcuts (QKeySequence,
    ~16 ms). Queued, so the paint is on screen first."""
    window.painted.connect(lambda: QTimer.singleShot(0, lambda: (complete(db), window.finish_start())))


def _has_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(request: GuiRequest) -> int:
    if not _has_display():
        if request.self_test:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        else:
            sys.stderr.write("错误：没有可用的显示器（DISPLAY 未设置），无法打开窗口。"
                             "可在图形桌面中运行，或用 xvfb-run 启动。\n")
            return 2
    app = create_application()
    # Before any window: an unsound binding would abort mid-meeting (see ui/binding.py).
    report = binding.check(show=binding.show_dialog if QGuiApplication.platformName() != "offscreen" else None)
    if not report.sound:
        return binding.EXIT_UNSOUND
    if request.self_test:
        from .selftest import run_self_test

        return run_self_test(app, binding_report=report)
    crashlog.install(default_data_dir())
    db = open_database(request.db_path)
    if db is None:
        return 2
    from .main_window import MainWindow

    window = MainWindow(db, request.db_path, defer_shortcuts=True)
    after_first_paint(window, db)
    window.show()
    if request.session_id is not None:
        if not window.open_session(request.session_id, page="live" if request.live else None):
            sys.stderr.write(f"错误：没有编号为 {request.session_id} 的评议会。\n")
    code = app.exec()
    db.conn.close()
    return code
