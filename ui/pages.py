"""The pages shown for an open session, in tab order. Each page is a QWidget class taking
``(db, session_id, parent=None)`` with a ``refresh()`` slot that the main window calls when the
page is shown (another page may have changed the data)."""
from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    icon: str
    target: str  # "module:Class"

    def load(self) -> type:
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)


PAGES = [
    Page("setup", "会前筹备", "meeting", "ui.setup.view:SetupView"),
    Page("live", "现场评议", "live", "ui.live.console:ConsolePage"),
    Page("scoring", "评分录入", "scores", "ui.scoring.panel:ScoringPage"),
    Page("results", "评议结果", "results", "ui.scoring.results_view:ResultsPage"),
]


def available_pages() -> list[Page]:
    """The pages, in tab order (every module ships: a missing one is a broken build and fails loudly)."""
    return list(PAGES)
