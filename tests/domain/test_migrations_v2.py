"""Upgrading a checked-in version-2 database (follow-ups, no letters yet) to the current one."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import peewee
import pytest

from desktop.domain.clock import Clock
from desktop.domain.compose import LetterDrafter
from desktop.domain.contacts import ContactService
from desktop.domain.database import make_database, open_database
from desktop.domain.english_dates import english_long_date
from desktop.domain.followups import FollowUpService
from desktop.domain.letter_history import LetterOutput, LetterService
from desktop.domain.migrations import SCHEMA_VERSION, migrate, schema_version
from desktop.domain.models import ALL_MODELS
from desktop.domain.opportunities import OpportunityService
from desktop.domain.paths import DATABASE_FILENAME
from desktop.domain.preferences import Preferences, PreferencesService
from desktop.domain.profile import Profile, ProfileService
from desktop.domain.template_store import TemplateService
from desktop.domain.vocabulary import Channel, FollowUpStatus, Situation
from tests.conftest import NOW
from tests.domain.fixtures.make_v2_db import FIXTURE, TABLE_ORDER, V2_ROWS

DANA_ID, LEE_ID, ZOE_ID = 1, 2, 3
SENT_ID, PENDING_ID, DISMISSED_ID = 1, 2, 3
V2_TABLES = {
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
    "sqlite_sequence",
    "sqlite_autoindex_opportunity_contact_1",
    "sqlite_autoindex_event_contact_1",
    "sqlite_autoindex_setting_1",
}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir() if p.name.startswith(path.name)}


def _rows(db: peewee.SqliteDatabase, table: str) -> list[tuple[object, ...]]:
    columns, _ = V2_ROWS[table]
    order = ", ".join(columns)
    return [tuple(row) for row in db.execute_sql(f"SELECT {order} FROM {table} ORDER BY {order}")]


@pytest.fixture
def v2_data_dir(tmp_path: Path) -> Path:
    """A data directory holding a copy of the version-2 fixture (never the fixture itself)."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(FIXTURE, data_dir / DATABASE_FILENAME)
    return data_dir


@pytest.fixture
def upgraded(v2_data_dir: Path) -> Iterator[peewee.SqliteDatabase]:
    database = open_database(v2_data_dir)
    yield database
    database.close()


@pytest.fixture
def follow_ups(upgraded: peewee.SqliteDatabase, clock: Clock) -> FollowUpService:
    return FollowUpService(upgraded, clock, PreferencesService(upgraded))


# --- the fixture file --------------------------------------------------------------------


def test_the_fixture_is_one_self_contained_version_2_file() -> None:
    assert FIXTURE.is_file()
    assert _siblings(FIXTURE) == {FIXTURE.name}  # no -wal or -shm beside it
    header = FIXTURE.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert header[18:20] == b"\x01\x01"  # rollback journal, not WAL
    conn = sqlite3.connect(f"file:{FIXTURE}?mode=ro&immutable=1", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone() == (2,)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        contents = {
            table: [
                tuple(row)
                for row in conn.execute(
                    f"SELECT {', '.join(V2_ROWS[table][0])} FROM {table} "
                    f"ORDER BY {', '.join(V2_ROWS[table][0])}"
                )
            ]
            for table in TABLE_ORDER
        }
    finally:
        conn.close()
    assert names == V2_TABLES
    assert contents == {table: sorted(rows) for table, (_, rows) in V2_ROWS.items()}


def test_upgrading_a_copy_leaves_the_fixture_untouched(v2_data_dir: Path, clock: Clock) -> None:
    before = _sha256(FIXTURE)

    db = open_database(v2_data_dir)
    try:
        TemplateService(db, clock).save_body("builtin:keep-warm", "Still interested.")
    finally:
        db.close()

    assert _sha256(FIXTURE) == before
    assert _siblings(FIXTURE) == {FIXTURE.name}


# --- upgrading ---------------------------------------------------------------------------


def test_a_version_2_database_is_brought_to_the_current_version(
    upgraded: peewee.SqliteDatabase,
) -> None:
    assert schema_version(upgraded) == SCHEMA_VERSION
    assert {m._meta.table_name for m in ALL_MODELS} <= set(upgraded.get_tables())
    assert upgraded.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
    assert upgraded.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert upgraded.execute_sql("PRAGMA journal_mode").fetchone() == ("wal",)


def test_only_the_missing_step_runs(v2_data_dir: Path) -> None:
    db = make_database(v2_data_dir / DATABASE_FILENAME)
    db.connect()
    try:
        assert schema_version(db) == 2
        assert migrate(db) == SCHEMA_VERSION - 2
        assert migrate(db) == 0
    finally:
        db.close()


@pytest.mark.parametrize("table", TABLE_ORDER)
def test_every_row_survives_field_for_field(upgraded: peewee.SqliteDatabase, table: str) -> None:
    _, rows = V2_ROWS[table]
    assert _rows(upgraded, table) == sorted(rows)


def test_the_new_tables_start_empty(upgraded: peewee.SqliteDatabase) -> None:
    for table in ("letter_template", "letter"):
        assert upgraded.execute_sql(f"SELECT count(*) FROM {table}").fetchone() == (0,)


# --- the old rows through today's services -----------------------------------------------


def test_old_follow_ups_read_back(follow_ups: FollowUpService) -> None:
    sent = follow_ups.get(SENT_ID)
    assert sent.status is FollowUpStatus.SENT
    assert sent.sent_at == datetime(2026, 10, 2, 9, 0, tzinfo=UTC)
    assert sent.sent_channel is Channel.EMAIL
    assert sent.summary == "Thanked Lee for the introduction."
    assert sent.contact_name == "Dr. Lee Park"

    pending = follow_ups.get(PENDING_ID)
    assert pending.status is FollowUpStatus.PENDING
    assert pending.situation is Situation.AFTER_INTERVIEW
    assert pending.event_kind == "interview"
    assert pending.discussed == "the warehouse-robot fleet migration"

    assert follow_ups.get(DISMISSED_ID).status is FollowUpStatus.DISMISSED
    agenda = follow_ups.agenda(NOW)
    assert [r.id for r in agenda.all()] == [PENDING_ID]
    assert follow_ups.history(LEE_ID).sent_count == 1


def test_old_contacts_opportunities_and_settings_read_back(
    upgraded: peewee.SqliteDatabase, clock: Clock
) -> None:
    contacts = ContactService(upgraded, clock)
    assert sorted(c.id for c in contacts.list_contacts()) == [DANA_ID, LEE_ID, ZOE_ID]
    assert contacts.get_contact(ZOE_ID).introduced_by_id == LEE_ID
    assert contacts.get_contact(ZOE_ID).notes == "  spaces kept  "
    assert contacts.get_contact(DANA_ID).street == "100 Main Street\nSuite 200"

    acme = OpportunityService(upgraded, clock).get(1)
    assert acme.title == "Engineering Manager at Acme Robotics"
    assert acme.contact_ids == (DANA_ID,)

    assert PreferencesService(upgraded).load() == Preferences(cooldown_days=10, keep_warm_days=60)
    assert ProfileService(upgraded).load() == Profile()


# --- the new tables with the old rows ----------------------------------------------------


def test_a_template_override_can_be_saved_and_reset(
    upgraded: peewee.SqliteDatabase, clock: Clock
) -> None:
    templates = TemplateService(upgraded, clock)

    edited = templates.save_body("builtin:after-interview", "Thank you, {{ contact.given_name }}.")
    copy = templates.duplicate("builtin:after-interview", "Short")

    assert edited.is_modified
    assert [r.key for r in templates.list_templates(Situation.AFTER_INTERVIEW)] == [
        "builtin:after-interview",
        copy.key,
    ]
    assert not templates.reset_builtin(Situation.AFTER_INTERVIEW).is_modified


def test_a_letter_is_drafted_recorded_and_its_follow_up_marked_sent(
    upgraded: peewee.SqliteDatabase, clock: Clock, follow_ups: FollowUpService
) -> None:
    contacts = ContactService(upgraded, clock)
    templates = TemplateService(upgraded, clock)
    profile = ProfileService(upgraded)
    profile.save(Profile(name="Alex Candidate", email="alex@example.org"))
    drafter = LetterDrafter(contacts, follow_ups, templates, profile)
    letters = LetterService(upgraded, clock, follow_ups)

    draft = drafter.draft(DANA_ID, day=NOW.date(), write_date=english_long_date)

    assert draft.situation is Situation.AFTER_INTERVIEW
    assert draft.follow_up is not None
    assert draft.follow_up.id == PENDING_ID
    assert "on November 24, 2026" in draft.body
    assert "the Engineering Manager position at Acme Robotics." in draft.body
    assert "the warehouse-robot fleet migration." in draft.body
    text = draft.letter().plain_text()
    assert "Ms. Dana Davis\nDirector of Engineering\nPlatform\nAcme Robotics\n" in text
    assert "\n\nDear Ms. Davis:\n\n" in text
    assert text.endswith("Alex Candidate\n")

    recorded = letters.record(
        contact_id=DANA_ID,
        situation=draft.situation,
        template_name=draft.template.label,
        final_text=text,
        channel=Channel.TYPED_LETTER,
        output=LetterOutput.PDF,
        follow_up_id=PENDING_ID,
        mark_sent=True,
    )

    assert letters.for_contact(DANA_ID) == [recorded.letter]
    assert recorded.letter.id == 1
    assert follow_ups.get(PENDING_ID).status is FollowUpStatus.SENT
    # The old rows are otherwise as they were.
    assert _rows(upgraded, "contact") == sorted(V2_ROWS["contact"][1])
    assert follow_ups.get(SENT_ID).status is FollowUpStatus.SENT
    assert follow_ups.get(DISMISSED_ID).status is FollowUpStatus.DISMISSED


def test_letters_follow_the_old_rows_foreign_keys(
    upgraded: peewee.SqliteDatabase, clock: Clock, follow_ups: FollowUpService
) -> None:
    letters = LetterService(upgraded, clock, follow_ups)
    letter = letters.record(
        contact_id=LEE_ID,
        situation=Situation.THANK_HELPER,
        template_name="Standard: thank a helper",
        final_text="Thank you, Lee.",
        channel=Channel.EMAIL,
        output=LetterOutput.EMAIL,
        follow_up_id=SENT_ID,
    ).letter

    # Deleting the event keeps its sent follow-up; the letter keeps its link to it.
    assert follow_ups.delete_event(1) == (0, 1)
    assert letters.for_contact(LEE_ID) == [letter]

    ContactService(upgraded, clock).delete_contact(LEE_ID)
    assert letters.for_contact(LEE_ID) == []
    assert ContactService(upgraded, clock).get_contact(ZOE_ID).introduced_by_id is None
