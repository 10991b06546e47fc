"""Upgrading a checked-in version-3 database (letters, no search index yet) to the current one.

Version 4 adds the day a contact was met and the search index; an old database must be
searchable the moment it is opened, with everyone's last contact taken from their history.
"""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import peewee
import pytest

from desktop.domain.clock import Clock
from desktop.domain.contact_search import (
    ContactDirectory,
    ContactFilter,
    ContactOrder,
    FollowUpFilter,
    SortColumn,
)
from desktop.domain.contacts import ContactService
from desktop.domain.database import make_database, open_database
from desktop.domain.followups import FollowUpService
from desktop.domain.letter_history import LetterOutput, LetterService
from desktop.domain.migrations import SCHEMA_VERSION, migrate, schema_version
from desktop.domain.models import ALL_MODELS
from desktop.domain.paths import DATABASE_FILENAME
from desktop.domain.preferences import Preferences, PreferencesService
from desktop.domain.profile import Profile, ProfileService
from desktop.domain.template_store import TemplateService
from desktop.domain.vocabulary import Channel, FollowUpStatus, Situation
from tests.conftest import NOW
from tests.domain.fixtures.make_v3_db import FIXTURE, TABLE_ORDER, V3_ROWS

DANA_ID, LEE_ID, ZOE_ID, EMILE_ID = 1, 2, 3, 4
V3_TABLES = {
    "contact",
    "contact_family_given",
    "opportunity",
    "opportunity_contact",
    "opportunity_contact_contact",
    "event",
    "event_contact",
    "event_contact_contact",
    "follow_up",
    "follow_up_status_closes",
    "follow_up_contact",
    "setting",
    "letter_template",
    "letter_template_override",
    "letter_template_name",
    "letter",
    "letter_contact",
    "sqlite_sequence",
    "sqlite_autoindex_opportunity_contact_1",
    "sqlite_autoindex_event_contact_1",
    "sqlite_autoindex_setting_1",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir() if p.name.startswith(path.name)}


def _rows(execute: Callable[[str], Iterable[Any]], table: str) -> list[tuple[object, ...]]:
    """A version-3 table's columns, every row, sorted: ``execute`` is ``execute_sql`` of a
    peewee database or ``execute`` of a plain sqlite3 connection."""
    columns = ", ".join(V3_ROWS[table][0])
    return [tuple(row) for row in execute(f"SELECT {columns} FROM {table} ORDER BY {columns}")]


@pytest.fixture
def v3_data_dir(tmp_path: Path) -> Path:
    """A data directory holding a copy of the version-3 fixture (never the fixture itself)."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(FIXTURE, data_dir / DATABASE_FILENAME)
    return data_dir


@pytest.fixture
def upgraded(v3_data_dir: Path) -> Iterator[peewee.SqliteDatabase]:
    database = open_database(v3_data_dir)
    yield database
    database.close()


@pytest.fixture
def directory(upgraded: peewee.SqliteDatabase, clock: Clock) -> ContactDirectory:
    return ContactDirectory(upgraded, clock)


# --- the fixture file --------------------------------------------------------------------


def test_the_fixture_is_one_self_contained_version_3_file() -> None:
    assert FIXTURE.is_file()
    assert _siblings(FIXTURE) == {FIXTURE.name}  # no -wal or -shm beside it
    header = FIXTURE.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert header[18:20] == b"\x01\x01"  # rollback journal, not WAL
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro&immutable=1", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone() == (3,)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        contents = {table: _rows(conn.execute, table) for table in TABLE_ORDER}
    finally:
        conn.close()
    assert names == V3_TABLES
    assert contents == {table: sorted(rows) for table, (_, rows) in V3_ROWS.items()}


def test_upgrading_a_copy_leaves_the_fixture_untouched(v3_data_dir: Path, clock: Clock) -> None:
    before = _sha256(FIXTURE)

    db = open_database(v3_data_dir)
    try:
        ContactDirectory(db, clock).matching_ids(ContactFilter(text="dana"))
        ContactService(db, clock).delete_contact(EMILE_ID)
    finally:
        db.close()

    assert _sha256(FIXTURE) == before
    assert _siblings(FIXTURE) == {FIXTURE.name}


# --- upgrading ---------------------------------------------------------------------------


def test_a_version_3_database_is_brought_to_the_current_version(
    upgraded: peewee.SqliteDatabase,
) -> None:
    assert schema_version(upgraded) == SCHEMA_VERSION
    tables = set(upgraded.get_tables())
    assert {m._meta.table_name for m in ALL_MODELS} <= tables
    assert {"contact_search", "contact_search_queue", "contact_text"} <= tables
    assert upgraded.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    assert upgraded.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert upgraded.execute_sql("PRAGMA journal_mode").fetchone() == ("wal",)


def test_only_the_missing_step_runs(v3_data_dir: Path) -> None:
    db = make_database(v3_data_dir / DATABASE_FILENAME)
    db.connect()
    try:
        assert schema_version(db) == 3
        assert migrate(db) == SCHEMA_VERSION - 3
        assert migrate(db) == 0
    finally:
        db.close()


@pytest.mark.parametrize("table", TABLE_ORDER)
def test_every_row_survives_field_for_field(upgraded: peewee.SqliteDatabase, table: str) -> None:
    _, rows = V3_ROWS[table]
    assert _rows(upgraded.execute_sql, table) == sorted(rows)


def test_old_contacts_have_no_day_met(upgraded: peewee.SqliteDatabase, clock: Clock) -> None:
    assert upgraded.execute_sql("SELECT id, met_on FROM contact ORDER BY id").fetchall() == [
        (DANA_ID, None),
        (LEE_ID, None),
        (ZOE_ID, None),
        (EMILE_ID, None),
    ]
    contacts = ContactService(upgraded, clock)
    assert all(record.met_on is None for record in contacts.list_contacts())


def test_the_upgrade_queues_every_old_contact_for_the_index(
    upgraded: peewee.SqliteDatabase, directory: ContactDirectory
) -> None:
    queued = upgraded.execute_sql("SELECT contact_id FROM contact_search_queue ORDER BY 1")
    assert [row[0] for row in queued] == [DANA_ID, LEE_ID, ZOE_ID, EMILE_ID]

    assert directory.refresh_index() == 4
    assert directory.refresh_index() == 0


# --- the old rows through the search index -----------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [DANA_ID, ZOE_ID, LEE_ID, EMILE_ID]),  # Davis, Ölund (as O), Park, Zola
        ("zoe olund", [ZOE_ID]),
        ("strasse", [ZOE_ID]),
        ("munchen", [ZOE_ID]),
        ("co-worker", [ZOE_ID]),  # her category's label
        ("emile", [EMILE_ID]),
        ("krakow", [EMILE_ID]),
        ("5550102233", [DANA_ID]),  # the phone's digits
        ("da", [DANA_ID]),  # the start of a word
        ("warehouse robot", [DANA_ID]),  # what was discussed at the interview
        ("interview", [DANA_ID]),  # the kind of event
        ("nordic stand", [DANA_ID, ZOE_ID]),  # the fair they both were at
        ("job fair", [DANA_ID, ZOE_ID]),  # "Job fair / job club", and Dana's met_at
        ("introduction", [LEE_ID]),
        ("letters", [DANA_ID]),  # notes
        ("spaces kept", [ZOE_ID]),
        ("Danke", []),  # follow-up summaries are not searched
    ],
)
def test_old_contacts_are_found_right_after_opening(
    directory: ContactDirectory, query: str, expected: list[int]
) -> None:
    assert directory.matching_ids(ContactFilter(text=query)) == expected


def test_last_contact_comes_from_old_events_and_sent_follow_ups(
    directory: ContactDirectory,
) -> None:
    listed = directory.listings([DANA_ID, LEE_ID, ZOE_ID, EMILE_ID])

    assert {i: listing.last_contact_at for i, listing in listed.items()} == {
        # The interview (after the letter sent for the fair).
        DANA_ID: datetime(2026, 11, 24, 15, 0, tzinfo=UTC),
        # The thank-you sent the day after the help.
        LEE_ID: datetime(2026, 10, 2, 9, 0, tzinfo=UTC),
        # The fair: her follow-up was dismissed, not sent.
        ZOE_ID: datetime(2026, 9, 15, 8, 30, tzinfo=UTC),
        EMILE_ID: None,
    }
    order = ContactOrder(SortColumn.LAST_CONTACT, descending=True)
    assert directory.matching_ids(order=order) == [DANA_ID, LEE_ID, ZOE_ID, EMILE_ID]
    quiet = ContactFilter(not_contacted_days=30)
    assert directory.matching_ids(quiet, now=NOW) == [ZOE_ID, LEE_ID, EMILE_ID]


def test_old_follow_ups_and_opportunities_filter_the_table(directory: ContactDirectory) -> None:
    def state(follow_up: FollowUpFilter) -> list[int]:
        return directory.matching_ids(ContactFilter(follow_up=follow_up), now=NOW)

    assert state(FollowUpFilter.DUE) == [DANA_ID]  # the interview, yesterday
    assert state(FollowUpFilter.UPCOMING) == [LEE_ID]  # keep-warm in January
    assert state(FollowUpFilter.OVERDUE) == []
    assert state(FollowUpFilter.NONE) == [ZOE_ID, EMILE_ID]
    assert directory.matching_ids(ContactFilter(opportunity_id=1)) == [DANA_ID]
    assert directory.matching_ids(ContactFilter(category="friend")) == [EMILE_ID]


def test_listings_read_the_old_rows_as_the_contact_service_does(
    upgraded: peewee.SqliteDatabase, directory: ContactDirectory, clock: Clock
) -> None:
    contacts = ContactService(upgraded, clock)
    listed = directory.listings([EMILE_ID, ZOE_ID, 99])

    assert sorted(listed) == [ZOE_ID, EMILE_ID]
    assert listed[ZOE_ID].record == contacts.get_contact(ZOE_ID)
    assert listed[ZOE_ID].record.introduced_by_id == LEE_ID
    assert listed[ZOE_ID].record.notes == "  spaces kept  "
    assert listed[EMILE_ID].record.formal_name == "Mx. Émile Zola"


# --- the old rows through today's services -----------------------------------------------


def test_old_letters_templates_and_settings_read_back(
    upgraded: peewee.SqliteDatabase, clock: Clock
) -> None:
    preferences = PreferencesService(upgraded)
    follow_ups = FollowUpService(upgraded, clock, preferences)
    letters = LetterService(upgraded, clock, follow_ups)
    (letter,) = letters.for_contact(LEE_ID)
    assert letter.follow_up_id == 3
    assert letter.output is LetterOutput.EMAIL
    assert letter.final_text == "Thank you, Lee."
    assert letters.for_contact(DANA_ID)[0].output is LetterOutput.PRINTED

    templates = TemplateService(upgraded, clock)
    interview = templates.default_for(Situation.AFTER_INTERVIEW)
    assert interview.is_modified
    assert "Schöne Grüße" in interview.body
    names = [t.name for t in templates.list_templates(Situation.THANK_HELPER)]
    assert names == ["Standard: thank a helper", "Short thanks"]

    assert preferences.load() == Preferences(cooldown_days=10, keep_warm_days=60)
    assert ProfileService(upgraded).load() == Profile(
        name="Alex Candidate", email="alex@example.org", paper="a4"
    )


def test_writes_after_the_upgrade_keep_the_index_fresh(
    upgraded: peewee.SqliteDatabase, directory: ContactDirectory, clock: Clock
) -> None:
    contacts = ContactService(upgraded, clock)
    follow_ups = FollowUpService(upgraded, clock, PreferencesService(upgraded))
    assert directory.matching_ids(ContactFilter(text="zoe")) == [ZOE_ID]

    zoe = contacts.get_contact(ZOE_ID)
    met = date(2025, 5, 20)
    contacts.update_contact(ZOE_ID, dataclasses.replace(zoe.card, met_on=met, company="Initech"))
    sent = follow_ups.mark_sent(4, channel=Channel.TYPED_LETTER, sent_at=NOW)

    assert sent.follow_up.status is FollowUpStatus.SENT
    assert directory.matching_ids(ContactFilter(text="initech")) == [ZOE_ID]
    assert directory.matching_ids(ContactFilter(text="nordlicht")) == []
    assert directory.matching_ids(order=ContactOrder(SortColumn.MET_ON)) == [
        ZOE_ID,
        DANA_ID,
        LEE_ID,
        EMILE_ID,
    ]
    assert directory.listings([DANA_ID])[DANA_ID].last_contact_at == NOW
    assert directory.matching_ids(ContactFilter(follow_up=FollowUpFilter.DUE)) == []

    # Deleting a contact takes their card and the event that was theirs alone out of the
    # index; the shared fair stays in Zoë's history.
    contacts.delete_contact(DANA_ID)
    assert directory.matching_ids(ContactFilter(text="warehouse")) == []
    assert directory.matching_ids(ContactFilter(text="nordic")) == [ZOE_ID]
