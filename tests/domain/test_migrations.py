"""Upgrading real databases: a checked-in version-1 file; an empty one is damaged."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import peewee
import pytest

from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard, ContactService
from desktop.domain.database import make_database, open_database
from desktop.domain.errors import DamagedDatabaseError
from desktop.domain.followups import EventDraft, FollowUpService
from desktop.domain.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version
from desktop.domain.models import ALL_MODELS
from desktop.domain.opportunities import OpportunityDraft, OpportunityService
from desktop.domain.paths import DATABASE_FILENAME
from desktop.domain.preferences import Preferences, PreferencesService
from desktop.domain.vocabulary import EventKind, Situation
from tests.conftest import NOW
from tests.domain.fixtures.make_v1_db import FIXTURE, V1_COLUMNS, V1_CONTACTS

V1_IDS = [contact_id for contact_id, _ in V1_CONTACTS]
ZOE_ID = 1


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir() if p.name.startswith(path.name)}


@pytest.fixture
def v1_data_dir(tmp_path: Path) -> Path:
    """A data directory holding a copy of the version-1 fixture (never the fixture itself)."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(FIXTURE, data_dir / DATABASE_FILENAME)
    return data_dir


@pytest.fixture
def upgraded(v1_data_dir: Path) -> Iterator[peewee.SqliteDatabase]:
    database = open_database(v1_data_dir)
    yield database
    database.close()


# --- the fixture file --------------------------------------------------------------------


def test_the_fixture_is_one_self_contained_version_1_file() -> None:
    assert FIXTURE.is_file()
    assert _siblings(FIXTURE) == {FIXTURE.name}  # no -wal or -shm beside it
    header = FIXTURE.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert header[18:20] == b"\x01\x01"  # rollback journal, not WAL
    with sqlite3.connect(f"file:{FIXTURE}?mode=ro&immutable=1", uri=True) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (1,)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        count = conn.execute("SELECT count(*) FROM contact").fetchone()[0]
    conn.close()
    assert tables == {"contact", "contact_family_given", "sqlite_sequence"}
    assert count == len(V1_CONTACTS)


def test_upgrading_a_copy_leaves_the_fixture_untouched(v1_data_dir: Path, clock: Clock) -> None:
    before = _sha256(FIXTURE)

    db = open_database(v1_data_dir)
    try:
        ContactService(db, clock).add_contact(ContactCard(given_name="New"))
    finally:
        db.close()

    assert _sha256(FIXTURE) == before
    assert _siblings(FIXTURE) == {FIXTURE.name}


# --- upgrading version 1 -----------------------------------------------------------------


def test_a_version_1_database_is_brought_to_the_current_version(
    upgraded: peewee.SqliteDatabase,
) -> None:
    assert schema_version(upgraded) == SCHEMA_VERSION
    assert {m._meta.table_name for m in ALL_MODELS} <= set(upgraded.get_tables())
    assert upgraded.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    assert upgraded.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_only_the_missing_steps_run(v1_data_dir: Path) -> None:
    db = make_database(v1_data_dir / DATABASE_FILENAME)
    db.connect()
    try:
        assert schema_version(db) == 1
        assert migrate(db) == SCHEMA_VERSION - 1
        assert migrate(db) == 0
    finally:
        db.close()


def test_every_contact_row_survives_field_for_field(upgraded: peewee.SqliteDatabase) -> None:
    columns = ", ".join(("id", *V1_COLUMNS, "introduced_by_id"))
    rows = upgraded.execute_sql(f"SELECT {columns} FROM contact ORDER BY id").fetchall()

    expected = [
        (contact_id, *(values[name] for name in V1_COLUMNS), None)
        for contact_id, values in V1_CONTACTS
    ]
    assert rows == expected


def test_old_contacts_read_back_through_the_service(
    upgraded: peewee.SqliteDatabase, clock: Clock
) -> None:
    service = ContactService(upgraded, clock)

    assert sorted(c.id for c in service.list_contacts()) == V1_IDS
    for contact_id, values in V1_CONTACTS:
        record = service.get_contact(contact_id)
        for name in V1_COLUMNS:
            if name in ("created_at", "updated_at"):
                assert getattr(record, name) == datetime.fromisoformat(values[name])
            else:
                assert getattr(record, name) == values[name], name
        assert record.introduced_by_id is None


def test_new_tables_work_with_old_contacts(upgraded: peewee.SqliteDatabase, clock: Clock) -> None:
    contacts = ContactService(upgraded, clock)
    follow_ups = FollowUpService(upgraded, clock, PreferencesService(upgraded))

    logged = follow_ups.log_event(
        EventDraft(kind=EventKind.INTERVIEW.value, occurred_at=NOW, contact_ids=(ZOE_ID, 2))
    )
    acme = OpportunityService(upgraded, clock).save(
        OpportunityDraft(company="Acme", contact_ids=(ZOE_ID,))
    )
    PreferencesService(upgraded).save(Preferences(cooldown_days=10))

    zoe_follow_up = logged.follow_ups[0]
    assert zoe_follow_up.contact_name == "Ms. Zoë Ölund-Ångström"
    assert zoe_follow_up.situation is Situation.AFTER_INTERVIEW
    assert follow_ups.agenda(NOW).owed_count == 2
    assert acme.record.contact_ids == (ZOE_ID,)
    assert PreferencesService(upgraded).load().cooldown_days == 10
    # AUTOINCREMENT carries on after the highest id version 1 handed out.
    assert contacts.add_contact(ContactCard(given_name="New")).id == max(V1_IDS) + 1


def test_the_introduced_by_column_added_to_old_rows_behaves(
    upgraded: peewee.SqliteDatabase, clock: Clock
) -> None:
    contacts = ContactService(upgraded, clock)
    li = contacts.get_contact(2)

    contacts.update_contact(li.id, dataclasses.replace(li.card, introduced_by_id=ZOE_ID))
    assert contacts.get_contact(li.id).introduced_by_id == ZOE_ID

    contacts.delete_contact(ZOE_ID)
    assert contacts.get_contact(li.id).introduced_by_id is None


# --- upgrading an empty database ---------------------------------------------------------


def test_an_empty_database_runs_every_step(tmp_path: Path) -> None:
    db = make_database(tmp_path / "empty.sqlite3")
    db.connect()
    try:
        assert schema_version(db) == 0
        assert db.get_tables() == []

        assert migrate(db) == len(MIGRATIONS) == SCHEMA_VERSION

        assert schema_version(db) == SCHEMA_VERSION
        tables = set(db.get_tables())
        assert {m._meta.table_name for m in ALL_MODELS} <= tables
        # The search index (plain tables, and FTS5's shadow tables of the two text indexes).
        index = {"contact_search", "contact_search_queue", "contact_text"}
        assert index <= tables
        assert all(
            name.startswith("contact_text_")
            for name in tables
            - index
            - {m._meta.table_name for m in ALL_MODELS}
            - {"sqlite_sequence"}
        )
    finally:
        db.close()


def test_an_empty_file_is_damaged_and_left_as_it_is(tmp_path: Path) -> None:
    """A crash or a full disk can leave a zero-length database: not a new one to fill, but
    a damaged one, so the app offers the newest backup (or a fresh start) instead."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = data_dir / DATABASE_FILENAME
    path.write_bytes(b"")

    with pytest.raises(DamagedDatabaseError, match="empty") as excinfo:
        open_database(data_dir)

    assert excinfo.value.path == path
    assert path.read_bytes() == b""
    assert sorted(p.name for p in data_dir.iterdir()) == [DATABASE_FILENAME]
