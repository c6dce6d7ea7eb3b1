"""法治评议 entry point: wires the command line (fazhi_desktop) to the window (ui)."""
from __future__ import annotations

import sys

from fazhi_desktop.startup import defer_import

# Before anything imports it: sqlite-utils is loaded on first use, after the window's first paint
# (fazhi_desktop/startup.py).
defer_import("sqlite_utils")


def _gui(request) -> int:
    from ui.app import run_gui

    return run_gui(request)


def main(argv: list[str] | None = None) -> int:
    from fazhi_desktop.cli import run

    return run(sys.argv[1:] if argv is None else argv, gui=_gui)


if __name__ == "__main__":
    sys.exit(main())
