"""Small Qt helpers for the in-process benchmarks (imports only PySide6)."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject
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


class PaintWatcher(QObject):
    """Counts the Paint events a widget receives (never swallows any)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override of QObject.eventFilter."""
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def settle(watcher: PaintWatcher, since: int, grace: float = 0.05) -> tuple[float, bool]:
    """Run the event loop until the watched widget has painted again; return the moment
    and whether it painted. If nothing was painted by the first turn, keep turning for
    ``grace`` seconds (a timer-driven repaint) and, failing that, return the first turn's end:
    nothing on screen had to change."""
    app = application()
    app.processEvents()
    end = time.perf_counter()
    if watcher.paints > since:
        return end, True
    limit = end + grace
    while time.perf_counter() < limit:
        app.processEvents()
        if watcher.paints > since:
            return time.perf_counter(), True
    return end, False
