"""The pages shown for an open session, in tab order. Each page is a QWidget class taking
``(db, session_id, parent=None)`` with a ``refresh()`` slot that the main window calls when the
page is shown (another page may have changed the data)."""
from __future__ import annotations

import functools
import importlib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP

# Extra keyword arguments for the pages of one key, set by page_options() (the soak gives the
# live console its injected clock this way; the main window itself never passes any).
_OPTIONS: dict[str, dict] = {}


@dataclass(frozen=True)
class Page:
    key: str
    title: str  # marked QT_TRANSLATE_NOOP("pages", …); shown with ui.i18n.label("pages", title)
    icon: str
    target: str  # "module:Class"

    def load(self) -> Callable:
        """The page's class (with the options of page_options() bound, while they are set)."""
        module, _, name = self.target.partition(":")
        cls = getattr(importlib.import_module(module), name)
        options = _OPTIONS.get(self.key)
        return functools.partial(cls, **options) if options else cls


@contextmanager
def page_options(key: str, **options) -> Iterator[None]:
    """Pages of ``key`` built inside the block get ``options`` as keyword arguments, e.g.
    ``page_options("live", clock=fake, wall=fake.wall)``."""
    before = _OPTIONS.get(key)
    _OPTIONS[key] = options
    try:
        yield
    finally:
        if before is None:
            _OPTIONS.pop(key, None)
        else:
            _OPTIONS[key] = before


PAGES = [
    Page("setup", QT_TRANSLATE_NOOP("pages", "会前筹备"), "meeting", "ui.setup.view:SetupView"),
    Page("live", QT_TRANSLATE_NOOP("pages", "现场评议"), "live", "ui.live.console:ConsolePage"),
    Page("scoring", QT_TRANSLATE_NOOP("pages", "评分录入"), "scores", "ui.scoring.panel:ScoringPage"),
    Page("results", QT_TRANSLATE_NOOP("pages", "评议结果"), "results", "ui.scoring.results_view:ResultsPage"),
]


# A checklist session (示范创建) has no live console or score sheets: its candidates are rated
# indicator by indicator, and their path from 自查自评 to 命名 is recorded.
CHECKLIST_PAGES = [
    Page("setup", QT_TRANSLATE_NOOP("pages", "会前筹备"), "meeting", "ui.setup.view:SetupView"),
    Page("ratings", QT_TRANSLATE_NOOP("pages", "指标评定"), "scores", "ui.checklist.rating_page:RatingPage"),
    Page("results", QT_TRANSLATE_NOOP("pages", "评估结果"), "results", "ui.checklist.results_page:ChecklistResultsPage"),
    Page("path", QT_TRANSLATE_NOOP("pages", "创建进程"), "next", "ui.checklist.path_page:PathPage"),
]


def available_pages(checklist: bool = False) -> list[Page]:
    """The pages, in tab order (every module ships: a missing one is a broken build and fails loudly)."""
    return list(CHECKLIST_PAGES if checklist else PAGES)
