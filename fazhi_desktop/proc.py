"""When did this process start, as the operating system records it? Used for ``startup_ms``
(CONTRACT.md: from the process's start to the main window's first paint), so the figure includes
the interpreter's own start-up and every import, not just our code."""
from __future__ import annotations

import os
import sys
import time

_IMPORTED_AT = time.time()


def process_start_time() -> float:
    """The process start as a Unix timestamp (seconds). Falls back to when this module was
    first imported where the system does not say."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_start()
        if sys.platform == "win32":
            return _windows_start()
    except (OSError, ValueError, AttributeError):
        pass
    return _IMPORTED_AT


def _linux_start() -> float:
    with open(f"/proc/{os.getpid()}/stat", "rb") as f:
        stat = f.read().decode()
    # Field 22 (starttime, clock ticks since boot) counted after the ')' that ends the command name.
    fields = stat[stat.rindex(")") + 2:].split()
    ticks = int(fields[19])
    since_boot = ticks / os.sysconf("SC_CLK_TCK")
    uptime = time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.time() - (uptime - since_boot)


def _windows_start() -> float:
    import ctypes
    from ctypes import wintypes

    creation, exit_, kernel, user = (wintypes.FILETIME() for _ in range(4))
    handle = ctypes.windll.kernel32.GetCurrentProcess()
    if not ctypes.windll.kernel32.GetProcessTimes(handle, ctypes.byref(creation), ctypes.byref(exit_),
                                                  ctypes.byref(kernel), ctypes.byref(user)):
        raise OSError("GetProcessTimes failed")
    value = (creation.dwHighDateTime << 32) | creation.dwLowDateTime
    return value / 10_000_000 - 11_644_473_600  # FILETIME (1601, 100 ns) → Unix seconds


def ms_since_start() -> int:
    return int(round((time.time() - process_start_time()) * 1000))
