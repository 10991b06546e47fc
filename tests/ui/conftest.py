"""UI fixtures: a real main window over a real database in a temporary data directory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEventLoop, QLocale, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import AppContext, AppSession, create_main_window, open_context
from desktop.domain.clock import Clock
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import keep_window

OpenWindow = Callable[[], MainWindow]

# Local time in the UI tests: not UTC, so a missed conversion shows.
CHICAGO = ZoneInfo("America/Chicago")


@pytest.fixture(autouse=True)
def _event_loops_still_run(qapp: QApplication) -> Iterator[None]:
    """Fail the test that leaves a quit pending, not the hundred after it: once
    QCoreApplication::exit runs outside exec(), every later QEventLoop returns at once."""
    yield
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    assert loop.exec() == 0, "this test left the application quitting: event loops no longer run"


@pytest.fixture(autouse=True)
def _us_english_locale() -> Iterator[None]:
    """Dates and paper as a US user sees them, whatever locale the machine has."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def open_window(qtbot: QtBot, data_dir: Path, clock: Clock) -> Iterator[OpenWindow]:
    """Start the app on ``data_dir`` the way app.main does; may be called again to restart."""
    contexts: list[AppContext] = []

    def start() -> MainWindow:
        context = open_context(data_dir, clock)
        contexts.append(context)
        window = create_main_window(context, zone=lambda: CHICAGO)
        keep_window(qtbot, window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield start
    for context in contexts:
        context.close()


@pytest.fixture
def window(open_window: OpenWindow) -> MainWindow:
    return open_window()


@pytest.fixture
def session(qtbot: QtBot, data_dir: Path, clock: Clock) -> Iterator[AppSession]:
    """The app's session on ``data_dir``, not yet opened; at the end its window is closed
    and its database shut."""
    app_session = AppSession(data_dir, clock, lambda: CHICAGO)
    yield app_session
    if app_session.window is not None:
        app_session.window.close()
    app_session.close()
