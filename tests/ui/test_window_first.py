"""Start-up paints the window before it opens the database, then completes it on it."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import desktop.app as app_module
from desktop.app import AppContext, AppSession, main
from desktop.domain.appearance import Theme
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard
from desktop.ui.main_window import MainWindow
from desktop.ui.theme import THEME_SETTING, apply_theme, current_theme, is_dark
from tests.ui.conftest import CHICAGO


@pytest.fixture(autouse=True)
def _back_to_system(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme(qapp, "system")


def shown_main_windows() -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


def add_dana(data_dir: Path, clock: Clock) -> None:
    context = app_module.open_context(data_dir, clock, daily_backup=False)
    context.services.contacts.add_contact(ContactCard(given_name="Dana", family_name="Davis"))
    context.close()


def on_screen(window: MainWindow) -> QImage:
    """What the window system has of the window now (not a fresh render of the widgets)."""
    return window.screen().grabWindow(window.winId()).toImage()


def test_the_window_has_painted_before_the_database_is_opened(
    qtbot: QtBot,
    data_dir: Path,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add_dana(data_dir, clock)
    at_open: list[tuple[str, int, bool, str]] = []
    real_open_context = app_module.open_context

    def spying_open_context(*args: object, **kwargs: object) -> AppContext:
        windows = shown_main_windows()
        at_open.append(
            (
                capsys.readouterr().out,
                len(windows),
                windows[0].is_attached,
                windows[0].statusBar().currentMessage(),
            )
        )
        return real_open_context(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app_module, "open_context", spying_open_context)

    code = main(["followup-desk", "--data-dir", str(data_dir), "--quit-after-first-paint"])

    assert code == 0
    assert at_open == [("painted\n", 1, False, "Opening your contacts…")]
    assert capsys.readouterr().out == "contacts\nready\n", "the lists, then the whole window"


def test_the_frame_has_the_whole_windows_menus_toolbar_and_tabs(
    qtbot: QtBot, session: AppSession
) -> None:
    frame = session.show_frame()
    qtbot.waitExposed(frame)
    menus = [a.text() for a in frame.menuBar().actions()]
    tabs = [frame.left_tabs.tabText(i) for i in range(frame.left_tabs.count())]
    tools = [a.text() for a in frame.toolbar.actions() if not a.isSeparator()]
    assert not frame.is_attached

    assert session.open()

    assert session.window is frame, "the same window, completed: no second window"
    assert frame.is_attached
    assert [a.text() for a in frame.menuBar().actions()] == menus
    assert [frame.left_tabs.tabText(i) for i in range(3)] == tabs
    assert [a.text() for a in frame.toolbar.actions() if not a.isSeparator()] == tools
    assert frame.left_tabs.widget(0) is frame.contacts_pane
    assert frame.card_scroll.widget() is frame.card_form
    assert frame.card_splitter.widget(1) is frame.card_photo
    assert frame.file_menu.actions(), "the menus were filled"
    assert frame.statusBar().currentMessage() != "Opening your contacts…"


def test_closing_the_frame_before_the_database_opens_just_closes(
    qtbot: QtBot, session: AppSession, data_dir: Path
) -> None:
    frame = session.show_frame()
    qtbot.waitExposed(frame)
    assert frame.close(), "no card to ask about: it closes"
    assert not frame.isVisible()
    assert session.settings.value("main_window/geometry") is not None, "its layout was kept"
    assert not (data_dir / "followup-desk.sqlite3").exists(), "nothing was opened"


def test_the_frame_wears_the_theme_the_window_last_closed_in(
    qtbot: QtBot, qapp: QApplication, data_dir: Path, clock: Clock
) -> None:
    context = app_module.open_context(data_dir, clock, daily_backup=False)
    preferences = context.services.preferences
    preferences.save(dataclasses.replace(preferences.load(), theme=Theme.DARK))
    context.close()
    session = AppSession(data_dir, clock, lambda: CHICAGO)
    try:
        assert session.open()
        assert current_theme() is Theme.DARK
        assert session.window is not None
        session.window.close()
        assert session.settings.value(THEME_SETTING) == "dark", "remembered on closing"
    finally:
        session.close()

    apply_theme(qapp, "light")
    again = AppSession(data_dir, clock, lambda: CHICAGO)
    try:
        frame = again.show_frame()
        assert current_theme() is Theme.DARK, "before the database (and the preference) opens"
        assert is_dark(QApplication.palette())
        frame.close()
    finally:
        again.close()


def test_the_window_module_does_not_load_the_database_stack() -> None:
    """What the first paint must wait for: only Qt and the window's light modules."""
    script = textwrap.dedent(
        """
        import sys
        import desktop.app
        heavy = ("peewee", "sqlite3", "jinja2", "qtawesome", "email_validator",
                 "desktop.domain.services", "desktop.domain.models", "desktop.cli",
                 "desktop.ui.contacts_pane", "desktop.ui.business_card_form",
                 "desktop.ui.letter_composer", "desktop.printing")
        print(",".join(name for name in heavy if name in sys.modules))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip() == ""


def test_the_contacts_are_painted_before_the_card_and_letter_are_built(
    qtbot: QtBot, session: AppSession, data_dir: Path, clock: Clock
) -> None:
    add_dana(data_dir, clock)
    frame = session.show_frame()
    qtbot.waitExposed(frame)
    qtbot.waitUntil(lambda: not on_screen(frame).isNull())
    empty = on_screen(frame)
    painted: list[tuple[int, bool, bool]] = []

    def on_lists_shown() -> None:
        listed, card_built = frame.contact_model.rowCount(), hasattr(frame, "card_form")
        painted.append((listed, card_built, on_screen(frame) != empty))

    frame.lists_shown.connect(on_lists_shown)
    assert session.open()

    assert painted == [(1, False, True)], "one contact listed and on screen, no card yet"
    assert frame.card_form.contact_id is None, "then the card was built: a blank one"


def test_the_frames_property_values_are_the_qt_enums_they_stand_for() -> None:
    from PySide6.QtCore import Qt

    from desktop.ui.main_window import _FRAME_VALUES

    assert {
        "vertical": Qt.Orientation.Vertical.value,
        "text_beside_icon": Qt.ToolButtonStyle.ToolButtonTextBesideIcon.value,
        "align_center": Qt.AlignmentFlag.AlignCenter.value,
    } == _FRAME_VALUES


def test_the_first_paint_does_not_wait_for_pysides_qt_namespace(tmp_path: Path) -> None:
    """PySide builds the Qt namespace's some 100 enums on first use (10-15 ms): the frame
    is painted without it, and then it is built (the window uses it from ``attach`` on)."""
    script = textwrap.dedent(
        """
        import sys
        import PySide6.QtCore as QtCore
        import desktop.app

        def report(self):
            print("Qt" in QtCore.__dict__, flush=True)
            return real_open(self)

        real_open = desktop.app.AppSession.open
        desktop.app.AppSession.open = report
        sys.exit(desktop.app.main(sys.argv))
        """
    )
    # Its own icon cache: the first start draws the icons with qtawesome, which needs the Qt
    # namespace anyway; every later start paints them from the cache.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path)}
    command = [sys.executable, "-c", script, "--data-dir", str(tmp_path / "data")]
    command.append("--quit-after-first-paint")
    said = []
    for _start in ("first", "second"):
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=120, env=env, check=False
        )
        assert result.returncode == 0, result.stderr
        said.append(result.stdout.split())
    assert said[1] == ["painted", "False", "contacts", "ready"]
