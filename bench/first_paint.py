"""Wait for a top-level window's first paint; shared by both start-up children.

The window's first Paint event is observed with an event filter; the moment counted as
"painted" is the next turn of the event loop after it, when Qt has painted the whole widget
tree and flushed it to the window surface. If the platform never exposes the window (so it
is never painted), ``grab()`` forces a full render after ``FALLBACK_MS`` and the result says
so. Imports only PySide6, so the floor pays for nothing the app does not.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 5000


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, done: Callable[[float, bool], None]) -> None:
        super().__init__(window)
        self._window = window
        self._done = done
        self._finished = False
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self._force)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override of QObject.eventFilter: note the first paint, never swallow events."""
        if event.type() == QEvent.Type.Paint and not self._finished:
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        self._finish(time.perf_counter(), False)

    def _force(self) -> None:
        if not self._finished:
            self._window.grab()
            self._finish(time.perf_counter(), True)

    def _finish(self, at: float, forced: bool) -> None:
        if self._finished:
            return
        self._finished = True
        self._window.removeEventFilter(self)
        self._done(at, forced)


def on_first_paint(window: QWidget, done: Callable[[float, bool], None]) -> None:
    """Call ``done(perf_counter_at_paint, forced)`` once ``window`` has been painted."""
    _FirstPaint(window, done)
