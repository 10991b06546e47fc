"""Small Qt helpers for the in-process benchmarks (imports only PySide6)."""

from __future__ import annotations

import sys
import time

from PySide6.QtWidgets import QApplication, QWidget


def application() -> QApplication:
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
