"""Small Qt helpers for the in-process benchmarks (imports only PySide6)."""

from __future__ import annotations

import ctypes
import sys
import time

from PySide6.QtWidgets import QApplication, QWidget

# PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a Qt method that
# returns nothing (None is immortal only from Python 3.12 on), so a long enough run of Qt
# calls ends in "Fatal Python error: none_dealloc". The benchmarks make hundreds of
# thousands of calls; they hold enough extra references to None to outlast them, in a list
# that is never freed (freeing it at exit would take them all back at once). This only
# keeps the measurements running: it is not a fix for the app (PySide6 6.11 has no such bug).
_NONE_RESERVE: list[None] = []
NONE_RESERVE_SIZE = 2_000_000


def _reserve_references_to_none() -> None:
    if sys.version_info >= (3, 12) or _NONE_RESERVE:
        return
    _NONE_RESERVE.extend([None] * NONE_RESERVE_SIZE)
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(_NONE_RESERVE))  # kept to the very end


def application() -> QApplication:
    _reserve_references_to_none()
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(sys.argv[:1])


def show_and_settle(window: QWidget, timeout: float = 5.0) -> None:
    """Show ``window`` and let Qt expose, lay out and paint it before anything is timed."""
    app = application()
    window.show()
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        app.processEvents()
        handle = window.windowHandle()
        if handle is not None and handle.isExposed():
            break
    window.grab()  # one complete paint, so later timings see only what changed
    app.processEvents()
