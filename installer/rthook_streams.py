"""PyInstaller runtime hook: a windowed build (Windows) has no console, so sys.stdout and
sys.stderr are None there; give them a sink so that a message written to standard error (the
command line's refusals, a warning) never becomes an AttributeError."""
import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives with the process
