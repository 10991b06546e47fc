"""Planning and applying: duplicates and what to do with them, one transaction, progress."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import peewee
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.categories import Category
from desktop.domain.clock import Clock, fixed_clock
from desktop.domain.contact_search import ContactDirectory, ContactFilter
from desktop.domain.contacts import ContactCard, ContactService
from desktop.domain.importing import (
    DuplicateChoice,
    ImportCancelled,
    ImportResult,
    apply_import,
)
from desktop.domain.importing.plan import fast_name_key
from desktop.domain.text_folding import name_key
from tests.domain.importing.conftest import WriteFile, planned, snapshot

PEOPLE = (
    "Name,Email,Company,Job Title,Phone,Notes\n"
    "Dana Davis,  DANA@Example.com ,Acme,Head of Talent,,From the fair\n"  # same email
    "Eve Evans,eve.new@example.com,Globex,,+1 555 0199,\n"  # same name and company
    "Frank Fischer,frank@example.com,Initech,CTO,,\n"  # new
    "Frank Fischer,,Initech,Chief Technology Officer,+1 555 0111,\n"  # as on line 4
    "Gus,not-an-email,,,,\n"  # rejected
)


@pytest.fixture
def people(contacts: ContactService) -> dict[str, int]:
    dana = contacts.add_contact(
        ContactCard(
            given_name="Dana",
            family_name="Davis",
            email="dana@example.com",
            phone="+1 555 0100",
            notes="Prefers email.",
        )
    )
    eve = contacts.add_contact(
        ContactCard(
            given_name="Eve",
            family_name="Evans",
            company="Globex",
            job_title="Recruiter",
            category=Category.PAST_CLIENT.value,
        )
    )
    return {"dana": dana.id, "eve": eve.id}


def test_the_plan_sorts_new_duplicate_and_rejected_rows(
    db: peewee.SqliteDatabase, write_file: WriteFile, people: dict[str, int]
) -> None:
    plan = planned(db, write_file("people.csv", PEOPLE))

    assert [c.card.full_name for c in plan.new] == ["Frank Fischer"]
    assert [(d.existing_id, d.existing_name, d.reason) for d in plan.duplicates] == [
        (people["dana"], "Dana Davis", "same email DANA@Example.com"),
        (people["eve"], "Eve Evans", "same name and company"),
        (None, "Frank Fischer", "same name and company"),
    ]
    assert plan.duplicates[2].earlier_line == 4
    assert [r.line for r in plan.rejected] == [6]
    assert "Email" in plan.rejected[0].reason and "“not-an-email”" in plan.rejected[0].reason


def test_skip_leaves_existing_contacts_alone(
    db: peewee.SqliteDatabase,
    clock: Clock,
    contacts: ContactService,
    write_file: WriteFile,
    people: dict[str, int],
) -> None:
    before = {r.id: r for r in contacts.list_contacts()}

    result = apply_import(db, planned(db, write_file("p.csv", PEOPLE)), clock)

    assert result == ImportResult(added=1, updated=0, skipped=3, rejected=1)
    assert contacts.get_contact(people["dana"]) == before[people["dana"]]
    assert contacts.get_contact(people["eve"]) == before[people["eve"]]
    assert contacts.count() == 3


def test_update_overwrites_what_the_file_gives_and_keeps_the_rest(
    db: peewee.SqliteDatabase,
    contacts: ContactService,
    write_file: WriteFile,
    people: dict[str, int],
) -> None:
    later = fixed_clock(datetime(2026, 12, 1, 9, 15, 30, 123456, tzinfo=UTC))

    result = apply_import(
        db, planned(db, write_file("p.csv", PEOPLE)), later, DuplicateChoice.UPDATE
    )

    assert result == ImportResult(added=1, updated=3, skipped=0, rejected=1)
    dana = contacts.get_contact(people["dana"])
    assert (dana.company, dana.job_title) == ("Acme", "Head of Talent")
    assert dana.phone == "+1 555 0100"  # the file had none: kept
    assert dana.email == "DANA@Example.com"
    assert dana.notes == "Prefers email.\nFrom the fair"  # added to, not replaced
    assert dana.updated_at == datetime(2026, 12, 1, 9, 15, 30, tzinfo=UTC)
    eve = contacts.get_contact(people["eve"])
    assert (eve.email, eve.phone, eve.job_title) == (
        "eve.new@example.com",
        "+1 555 0199",
        "Recruiter",
    )
    # The file named no category: the one the user chose stays.
    assert eve.category == Category.PAST_CLIENT.value
    # The second Frank row was merged into the first before it was added.
    (frank,) = [r for r in contacts.list_contacts() if r.given_name == "Frank"]
    assert (frank.email, frank.job_title, frank.phone) == (
        "frank@example.com",
        "Chief Technology Officer",
        "+1 555 0111",
    )


def test_keep_both_adds_everyone(
    db: peewee.SqliteDatabase,
    clock: Clock,
    contacts: ContactService,
    write_file: WriteFile,
    people: dict[str, int],
) -> None:
    result = apply_import(
        db, planned(db, write_file("p.csv", PEOPLE)), clock, DuplicateChoice.KEEP_BOTH
    )

    assert result == ImportResult(added=4, updated=0, skipped=0, rejected=1)
    names = sorted(r.full_name for r in contacts.list_contacts())
    assert names == [
        "Dana Davis",
        "Dana Davis",
        "Eve Evans",
        "Eve Evans",
        "Frank Fischer",
        "Frank Fischer",
    ]


def test_a_choice_per_duplicate(
    db: peewee.SqliteDatabase,
    clock: Clock,
    contacts: ContactService,
    write_file: WriteFile,
    people: dict[str, int],
) -> None:
    plan = planned(db, write_file("p.csv", PEOPLE))

    result = apply_import(
        db, plan, clock, {0: DuplicateChoice.UPDATE, 2: DuplicateChoice.KEEP_BOTH}
    )

    assert result == ImportResult(added=2, updated=1, skipped=1, rejected=1)
    assert contacts.get_contact(people["dana"]).company == "Acme"
    assert contacts.get_contact(people["eve"]).email == ""  # no choice given: skipped
    assert [r.full_name for r in contacts.list_contacts()].count("Frank Fischer") == 2


def test_importing_twice_finds_everyone_the_second_time(
    db: peewee.SqliteDatabase, clock: Clock, write_file: WriteFile
) -> None:
    path = write_file("p.csv", "Name,Company\nZoë Ölund,Nordic AB\nzoe  OLUND,nordic ab\n")

    first = planned(db, path)
    apply_import(db, first, clock)
    second = planned(db, path)

    assert len(first.new) == 1 and len(first.duplicates) == 1  # accents and case folded
    assert second.new == () and len(second.duplicates) == 2


def test_imported_contacts_are_searchable_at_once(
    db: peewee.SqliteDatabase, clock: Clock, contacts: ContactService, write_file: WriteFile
) -> None:
    path = write_file("p.csv", "Name,Company,City\nZoë Ölund,Nordic AB,Malmö\nDana Davis,Acme,\n")

    apply_import(db, planned(db, path), clock)

    directory = ContactDirectory(db, clock)
    assert db.execute_sql("SELECT count(*) FROM contact_search_queue").fetchone() == (0,)
    (found,) = directory.matching_ids(ContactFilter(text="malmo"))
    assert contacts.get_contact(found).full_name == "Zoë Ölund"
    record = contacts.get_contact(found)
    assert record.created_at == record.updated_at == datetime(2026, 11, 25, 14, 30, tzinfo=UTC)


# -- all or nothing ---------------------------------------------------------------------------
def many_people(count: int) -> str:
    rows = [f"Person{i},Number{i},p{i}@example.com" for i in range(count)]
    return "Given Name,Family Name,Email\n" + "\n".join(rows) + "\n"


def test_progress_is_reported_every_few_hundred_rows(
    db: peewee.SqliteDatabase, clock: Clock, write_file: WriteFile
) -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    result = apply_import(
        db, planned(db, write_file("p.csv", many_people(1200))), clock, progress=progress
    )

    assert result.added == 1200
    assert calls[0] == (0, 1200) and calls[-1] == (1200, 1200)
    dones = [done for done, _total in calls]
    assert dones == sorted(dones)
    assert max(b - a for a, b in itertools.pairwise(dones)) <= 500


@pytest.mark.parametrize("stop_after", [0, 500, 1200])
def test_cancelling_leaves_the_database_exactly_as_it_was(
    db: peewee.SqliteDatabase,
    clock: Clock,
    write_file: WriteFile,
    people: dict[str, int],
    stop_after: int,
) -> None:
    plan = planned(db, write_file("p.csv", many_people(1200)))
    before = snapshot(db)

    with pytest.raises(ImportCancelled, match="no contacts were added or changed"):
        apply_import(db, plan, clock, DuplicateChoice.UPDATE, lambda done, total: done < stop_after)

    assert snapshot(db) == before


def test_a_failure_mid_import_writes_nothing(
    db: peewee.SqliteDatabase,
    clock: Clock,
    write_file: WriteFile,
    people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan = planned(db, write_file("p.csv", PEOPLE + many_people(900).split("\n", 1)[1]))
    before = snapshot(db)

    def broken(self: ContactDirectory) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(ContactDirectory, "refresh_index", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        apply_import(db, plan, clock, DuplicateChoice.UPDATE)

    assert snapshot(db) == before


def test_a_failing_progress_callback_writes_nothing(
    db: peewee.SqliteDatabase, clock: Clock, write_file: WriteFile
) -> None:
    plan = planned(db, write_file("p.csv", many_people(800)))
    before = snapshot(db)

    def progress(done: int, total: int) -> bool:
        if done >= 500:
            raise KeyboardInterrupt
        return True

    with pytest.raises(KeyboardInterrupt):
        apply_import(db, plan, clock, progress=progress)

    assert snapshot(db) == before


@settings(max_examples=200, deadline=None)
@given(parts=st.tuples(st.text(max_size=12), st.text(max_size=12), st.text(max_size=12)))
def test_the_fast_name_key_is_the_name_key(parts: tuple[str, str, str]) -> None:
    # Duplicates found with the fast key must be exactly those the card form would flag.
    assert fast_name_key(*parts) == name_key(*parts)
