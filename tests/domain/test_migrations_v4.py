"""Upgrading a checked-in version-4 database (search index, no card photos yet) to the
current one.

Version 5 adds the photo of a business card, in a table of its own. Everything an old
database held must read back unchanged; its contacts start without photos, can be given
one, and lose it with the card.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import peewee
import pytest

from desktop.domain.backups import BackupKind, list_backups
from desktop.domain.card_photos import CardPhotoService, PhotoUpload
from desktop.domain.clock import Clock
from desktop.domain.contact_search import ContactDirectory, ContactFilter
from desktop.domain.contacts import ContactService
from desktop.domain.database import make_database, open_database
from desktop.domain.migrations import SCHEMA_VERSION, migrate, schema_version
from desktop.domain.models import ALL_MODELS
from desktop.domain.paths import DATABASE_FILENAME, backups_dir
from tests.domain.fixtures.make_v4_db import FIXTURE, TABLE_ORDER, V4_ROWS

DANA_ID, LEE_ID, ZOE_ID, EMILE_ID = 1, 2, 3, 4
PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir() if p.name.startswith(path.name)}


def _rows(execute: Callable[[str], Iterable[Any]], table: str) -> list[tuple[object, ...]]:
    """A version-4 table's columns, every row, sorted: ``execute`` is ``execute_sql`` of a
    peewee database or ``execute`` of a plain sqlite3 connection."""
    columns = ", ".join(V4_ROWS[table][0])
    return [tuple(row) for row in execute(f"SELECT {columns} FROM {table} ORDER BY {columns}")]


@pytest.fixture
def v4_data_dir(tmp_path: Path) -> Path:
    """A data directory holding a copy of the version-4 fixture (never the fixture itself)."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(FIXTURE, data_dir / DATABASE_FILENAME)
    return data_dir


@pytest.fixture
def upgraded(v4_data_dir: Path, clock: Clock) -> Iterator[peewee.SqliteDatabase]:
    database = open_database(v4_data_dir, clock)
    yield database
    database.close()


# --- the fixture file --------------------------------------------------------------------


def test_the_fixture_is_one_self_contained_version_4_file() -> None:
    assert _siblings(FIXTURE) == {FIXTURE.name}  # no -wal or -shm beside it
    header = FIXTURE.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert header[18:20] == b"\x01\x01"  # rollback journal, not WAL
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro&immutable=1", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone() == (4,)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        contents = {table: _rows(conn.execute, table) for table in TABLE_ORDER}
    finally:
        conn.close()
    assert {"contact_search", "contact_search_queue", "contact_text"} <= tables
    assert "card_photo" not in tables
    assert contents == {table: sorted(rows) for table, (_, rows) in V4_ROWS.items()}


def test_upgrading_a_copy_leaves_the_fixture_untouched(v4_data_dir: Path, clock: Clock) -> None:
    before = _sha256(FIXTURE)

    db = open_database(v4_data_dir, clock)
    try:
        CardPhotoService(db, clock).save(DANA_ID, PhotoUpload(PHOTO))
    finally:
        db.close()

    assert _sha256(FIXTURE) == before
    assert _siblings(FIXTURE) == {FIXTURE.name}


# --- upgrading ---------------------------------------------------------------------------


def test_a_version_4_database_is_brought_to_the_current_version(
    upgraded: peewee.SqliteDatabase,
) -> None:
    assert schema_version(upgraded) == SCHEMA_VERSION
    assert {m._meta.table_name for m in ALL_MODELS} <= set(upgraded.get_tables())
    assert upgraded.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    assert upgraded.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert upgraded.execute_sql("SELECT count(*) FROM card_photo").fetchone() == (0,)


def test_only_the_missing_step_runs(v4_data_dir: Path) -> None:
    db = make_database(v4_data_dir / DATABASE_FILENAME)
    db.connect()
    try:
        assert schema_version(db) == 4
        assert migrate(db) == SCHEMA_VERSION - 4
        assert migrate(db) == 0
    finally:
        db.close()


def test_a_copy_of_the_version_4_file_is_kept_before_the_upgrade(
    v4_data_dir: Path, upgraded: peewee.SqliteDatabase
) -> None:
    (copy,) = list_backups(backups_dir(v4_data_dir))
    assert copy.kind is BackupKind.BEFORE_MIGRATION
    assert (copy.schema_version, copy.contact_count) == (4, 4)


@pytest.mark.parametrize("table", TABLE_ORDER)
def test_every_row_survives_field_for_field(upgraded: peewee.SqliteDatabase, table: str) -> None:
    _, rows = V4_ROWS[table]
    assert _rows(upgraded.execute_sql, table) == sorted(rows)


def test_old_contacts_read_back_and_are_found(
    upgraded: peewee.SqliteDatabase, clock: Clock
) -> None:
    contacts = ContactService(upgraded, clock)
    assert contacts.get_contact(DANA_ID).met_on == date(2026, 9, 15)
    assert contacts.get_contact(ZOE_ID).formal_name == "Zoë Ölund"
    directory = ContactDirectory(upgraded, clock)
    assert directory.matching_ids(ContactFilter(text="warehouse robot")) == [DANA_ID]


# --- photos on the old contacts ----------------------------------------------------------


def test_old_contacts_have_no_photo_until_given_one(
    upgraded: peewee.SqliteDatabase, clock: Clock
) -> None:
    contacts = ContactService(upgraded, clock)
    photos = CardPhotoService(upgraded, clock)
    assert photos.contacts_with_photos() == set()

    zoe = contacts.get_contact(ZOE_ID)
    contacts.update_contact(ZOE_ID, zoe.card, photo=PhotoUpload(PHOTO, "image/jpeg"))

    stored = photos.get(ZOE_ID)
    assert stored is not None and stored.data == PHOTO
    assert contacts.get_contact(ZOE_ID).card == zoe.card


def test_an_old_contact_deleted_takes_their_photo_and_undo_brings_it_back(
    upgraded: peewee.SqliteDatabase, clock: Clock
) -> None:
    contacts = ContactService(upgraded, clock)
    photos = CardPhotoService(upgraded, clock)
    stored = photos.save(DANA_ID, PhotoUpload(PHOTO))

    deleted = contacts.delete_contacts([DANA_ID, ZOE_ID])
    assert photos.contacts_with_photos() == set()
    contacts.restore_deleted(deleted)

    assert photos.get(DANA_ID) == stored
    assert _rows(upgraded.execute_sql, "contact") == sorted(V4_ROWS["contact"][1])
