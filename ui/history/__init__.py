"""History window (past sessions, search, unit dossier, rectification ledger) and the open-items
panel that the live console embeds."""
from __future__ import annotations

from .open_items import OpenItemsPanel
from .window import HistoryWindow

__all__ = ["HistoryWindow", "OpenItemsPanel"]
