"""The Qt layer. Importing it first applies the PySide6 emit reference fix (see signal_refcount_fix)."""
from . import signal_refcount_fix  # noqa: F401
