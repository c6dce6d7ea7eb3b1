"""法治评议 entry point: wires the command line (fazhi_desktop) to the window (ui)."""
from __future__ import annotations

import sys

from fazhi_desktop.startup import defer_import, hold_collector, release_collector

# Before anything imports it: sqlite-utils is loaded on first use, after the window's first paint
# (fazhi_desktop/startup.py).
defer_import("sqlite_utils")


def _gui(request) -> int:
    from ui.app import run_gui

    return run_gui(request)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # No cyclic garbage collection until the window has painted (fazhi_desktop/startup.py); a
    # command gets it back at once, and every run when it ends.
    hold_collector()
    try:
        from fazhi_desktop.cli import _plain_start, run

        if _plain_start(argv) is None:
            release_collector()
        return run(argv, gui=_gui)
    finally:
        release_collector()


if __name__ == "__main__":
    sys.exit(main())
