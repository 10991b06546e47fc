"""Backups from the window: back up now, restore without a restart, and a damaged database
at start met with an explanation and a way out, the damaged file kept byte for byte."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import EXIT_STARTUP_ERROR, AppSession, main, open_context
from desktop.domain.backups import BackupKind
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard
from desktop.domain.paths import DATABASE_FILENAME
from desktop.ui.backup_dialogs import RestoreDialog
from tests.ui.conftest import CHICAGO
from tests.ui.dialog_helpers import answer_next_dialog
from tests.ui.helpers import answer_next_message_box, table_names
from tests.ui.test_app import close_main_window_soon


def names_in(database: Path) -> list[str]:
    conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT given_name FROM contact ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture
def session(qtbot: QtBot, session: AppSession) -> AppSession:
    """The session opened, its window on screen."""
    assert session.open()
    assert session.window is not None
    qtbot.waitExposed(session.window)
    return session


def add(session: AppSession, given: str) -> None:
    assert session.context is not None and session.window is not None
    session.context.services.contacts.add_contact(ContactCard(given_name=given))
    session.window.reload_contacts()


def test_back_up_now_writes_a_copy_where_the_user_says(
    qtbot: QtBot, session: AppSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(session, "Dana")
    target = tmp_path / "elsewhere" / "my-backup"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    assert session.window is not None

    session.window.backup_action.trigger()

    copy = target.with_suffix(".sqlite3")
    assert names_in(copy) == ["Dana"]
    assert str(copy) in session.window.statusBar().currentMessage()


def test_restoring_a_backup_reloads_the_window_on_it(
    qtbot: QtBot, session: AppSession, data_dir: Path
) -> None:
    add(session, "Dana")
    assert session.context is not None
    session.context.services.backups.before(BackupKind.BEFORE_IMPORT)
    add(session, "Sam")
    old_window = session.window
    assert old_window is not None and table_names(old_window) == ["Dana", "Sam"]

    def choose_newest(dialog: RestoreDialog) -> None:
        assert dialog.model.rowCount() >= 1
        assert dialog.model.index(0, 1).data() == "Before an import"
        assert dialog.model.index(0, 2).data() == "1"
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    errors = answer_next_dialog(qtbot, RestoreDialog, choose_newest)
    said: list[str] = []
    answer_next_message_box(
        qtbot, lambda box: next(b for b in box.buttons() if b.text() == "Restore"), said
    )

    old_window.restore_action.trigger()

    assert errors == []
    assert said and said[0].startswith("Restore followup-desk-")
    window = session.window
    assert window is not None and window is not old_window
    assert table_names(window) == ["Dana"]
    assert "Restored" in window.statusBar().currentMessage()
    assert QApplication.instance().quitOnLastWindowClosed(), "put back after the reload"
    before_restore = [
        b
        for b in session.context.services.backups.list_backups()  # type: ignore[union-attr]
        if b.kind is BackupKind.BEFORE_RESTORE
    ]
    assert len(before_restore) == 1
    assert names_in(before_restore[0].path) == ["Dana", "Sam"], "the replaced state is kept"


def damage(path: Path, how: str) -> bytes:
    if how == "random bytes":
        data = os.urandom(8192)
    elif how == "zero length":
        data = b""
    elif how == "truncated":
        data = path.read_bytes()[:1500]
    else:  # a PNG
        data = b"\x89PNG\r\n\x1a\n" + b"\0" * 2048
    path.write_bytes(data)
    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
    return data


def prepared(data_dir: Path, clock: Clock) -> None:
    """A data folder with two contacts and a good backup holding one of them."""
    context = open_context(data_dir, clock)
    contacts = context.services.contacts
    contacts.add_contact(ContactCard(given_name="Dana"))
    context.services.backups.before(BackupKind.BEFORE_IMPORT)
    contacts.add_contact(ContactCard(given_name="Sam"))
    context.close()


@pytest.mark.parametrize("how", ["random bytes", "zero length", "truncated", "not SQLite"])
def test_a_damaged_database_at_start_is_explained_and_kept_untouched(
    qtbot: QtBot,
    data_dir: Path,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    prepared(data_dir, clock)
    database = data_dir / DATABASE_FILENAME
    damaged = damage(database, how)
    monkeypatch.setattr(QMessageBox, "critical", lambda *_a: None)
    said: list[str] = []
    answer_next_message_box(
        qtbot, lambda box: next(b for b in box.buttons() if b.text() == "Quit"), said
    )

    assert main(["followup-desk", "--data-dir", str(data_dir)]) == EXIT_STARTUP_ERROR

    assert "cannot be opened because it is damaged" in said[0]
    assert "The newest good backup is from" in said[0]
    assert database.read_bytes() == damaged, "not one byte changed"


def test_restoring_the_newest_backup_at_start_opens_it_and_keeps_the_damaged_file(
    qtbot: QtBot, data_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared(data_dir, clock)
    database = data_dir / DATABASE_FILENAME
    damaged = damage(database, "random bytes")
    said: list[str] = []
    answer_next_message_box(
        qtbot,
        lambda box: next(b for b in box.buttons() if b.text() == "Restore the Newest Backup"),
        said,
    )
    seen: list[str] = []
    close_main_window_soon(seen)

    assert main(["followup-desk", "--data-dir", str(data_dir)]) == 0

    assert names_in(database) == ["Dana"], "the backup is the database now"
    kept = [p for p in data_dir.iterdir() if ".damaged-" in p.name and p.suffix == ".sqlite3"]
    assert len(kept) == 1
    assert kept[0].read_bytes() == damaged


def test_starting_empty_keeps_the_damaged_file_too(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    data_dir.mkdir(parents=True)
    database = data_dir / DATABASE_FILENAME
    database.write_bytes(b"")
    said: list[str] = []
    answer_next_message_box(
        qtbot,
        lambda box: next(b for b in box.buttons() if "Empty" in b.text()),
        said,
    )
    seen: list[str] = []
    close_main_window_soon(seen)

    assert main(["followup-desk", "--data-dir", str(data_dir)]) == 0

    assert "There is no backup in the data folder to restore." in said[0]
    assert names_in(database) == []
    assert any(".damaged-" in p.name for p in data_dir.iterdir())


def test_todays_backup_is_written_after_the_window_appears(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> None:
    context = open_context(data_dir, clock, daily_backup=False)
    context.services.contacts.add_contact(ContactCard(given_name="Dana"))
    context.close()
    session = AppSession(data_dir, clock, lambda: CHICAGO)
    try:
        assert session.open()
        assert session.window is not None
        with qtbot.waitSignal(session.daily_backup_done, timeout=10_000) as done:
            pass
        assert done.args == [""], "no warning"
        daily = list((data_dir / "backups").glob("*-daily.sqlite3"))
        assert len(daily) == 1
        assert names_in(daily[0]) == ["Dana"]
    finally:
        if session.window is not None:
            session.window.close()
        session.close()
