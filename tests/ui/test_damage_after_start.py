"""The whole-file check after the window appears: start-up reads only the database's first
page and schema, then a thread checks every page before today's backup. Damage found then is
told (never silently), is not copied over the good backups, and the newest good backup can be
restored without a restart; damage the window itself reads at start takes the damaged-at-start
way."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.app import EXIT_STARTUP_ERROR, AppSession, main, open_context
from desktop.domain.backups import BackupKind
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard
from desktop.domain.database import check_database_file
from desktop.domain.errors import DamagedDatabaseError
from desktop.domain.paths import DATABASE_FILENAME
from tests.ui.helpers import answer_next_message_box, table_names


class PaintSeen(QObject):
    """Notes whether ``widget`` has painted yet."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override of QObject.eventFilter."""
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def prepared(data_dir: Path, clock: Clock) -> Path:
    """Two contacts, and a good backup (made before an import) holding the first only."""
    context = open_context(data_dir, clock, daily_backup=False)
    contacts = context.services.contacts
    contacts.add_contact(ContactCard(given_name="Dana"))
    context.services.backups.before(BackupKind.BEFORE_IMPORT)
    contacts.add_contact(ContactCard(given_name="Sam"))
    context.close()
    return data_dir / DATABASE_FILENAME


def spoil_table(database: Path, table: str) -> bytes:
    """Fill the first page of ``table`` with noise (the file closed); return its bytes."""
    conn = sqlite3.connect(database)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
    finally:
        conn.close()
    data = bytearray(database.read_bytes())
    start = (root[0] - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    database.write_bytes(bytes(data))
    return bytes(data)


def daily_backups(data_dir: Path) -> list[Path]:
    return list((data_dir / "backups").glob("*-daily.sqlite3"))


def test_damage_past_the_first_page_is_told_once_the_window_has_painted(
    qtbot: QtBot, session: AppSession, data_dir: Path, clock: Clock
) -> None:
    # Letters are not read before the first paint: only the whole-file check finds this.
    spoil_table(prepared(data_dir, clock), "letter")
    said: list[str] = []
    painted_before: list[bool] = []

    def not_now(box: QMessageBox) -> QWidget | None:
        painted_before.append(seen.painted)
        return next((b for b in box.buttons() if b.text() == "Not Now"), None)

    assert session.open(), "the window opens on it"
    window = session.window
    assert window is not None
    seen = PaintSeen(window)
    answer_next_message_box(qtbot, not_now, said)
    with qtbot.waitSignal(session.database_damaged, timeout=10_000):
        pass

    assert painted_before == [True], "the window painted first, then the warning came"
    assert "found that it is damaged" in said[0]
    assert "SQLite" in said[0], "the reason, as at start"
    assert "The newest good backup is from" in said[0] and "1 contact." in said[0]
    assert daily_backups(data_dir) == [], "a damaged database is not copied as today's backup"
    assert session.window is window, "Not Now keeps the window"
    assert "damaged" in window.statusBar().currentMessage()


def test_the_newest_good_backup_replaces_a_database_found_damaged_after_start(
    qtbot: QtBot, session: AppSession, data_dir: Path, clock: Clock
) -> None:
    spoil_table(prepared(data_dir, clock), "letter")
    said: list[str] = []
    answer_next_message_box(
        qtbot,
        lambda box: next(b for b in box.buttons() if b.text() == "Restore the Newest Backup"),
        said,
    )
    assert session.open()
    old_window = session.window

    with qtbot.waitSignal(session.database_damaged, timeout=10_000):
        pass

    window = session.window
    assert window is not None and window is not old_window, "rebuilt, no restart"
    assert table_names(window) == ["Dana"], "the backup is the database now"
    assert "Restored" in window.statusBar().currentMessage()
    kept = [p for p in data_dir.iterdir() if ".damaged-" in p.name and p.suffix == ".sqlite3"]
    assert len(kept) == 1, "the damaged file is kept aside, for a rescue"
    with pytest.raises(DamagedDatabaseError):
        check_database_file(kept[0])


def test_a_sound_database_gets_todays_backup_and_no_warning(
    qtbot: QtBot, session: AppSession, data_dir: Path, clock: Clock
) -> None:
    prepared(data_dir, clock)
    assert session.open()

    with (
        qtbot.assertNotEmitted(session.database_damaged, wait=0),
        qtbot.waitSignal(session.daily_backup_done, timeout=10_000) as done,
    ):
        pass

    assert done.args == [""]
    assert len(daily_backups(data_dir)) == 1


def test_damage_the_window_reads_at_start_is_explained_as_at_start(
    qtbot: QtBot, data_dir: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The contacts are read to build the window: the quick checks pass, the window does not.
    damaged = spoil_table(prepared(data_dir, clock), "contact")
    monkeypatch.setattr(QMessageBox, "critical", lambda *_a: None)
    said: list[str] = []
    answer_next_message_box(
        qtbot, lambda box: next(b for b in box.buttons() if b.text() == "Quit"), said
    )

    assert main(["followup-desk", "--data-dir", str(data_dir)]) == EXIT_STARTUP_ERROR

    assert "cannot be opened because it is damaged" in said[0]
    assert "The newest good backup is from" in said[0]
    assert (data_dir / DATABASE_FILENAME).read_bytes() == damaged, "not one byte changed"
