"""Deleting contacts with everything that goes with them, and putting it all back exactly."""

from __future__ import annotations

import dataclasses

import peewee
import pytest

from desktop.domain.card_photos import CardPhotoService, PhotoUpload
from desktop.domain.clock import Clock
from desktop.domain.contact_search import ContactDirectory, ContactFilter
from desktop.domain.contact_snapshot import ContactsNotRestored
from desktop.domain.contacts import ContactCard, ContactService
from desktop.domain.followups import FollowUpService
from desktop.domain.letter_history import LetterService
from desktop.domain.opportunities import OpportunityService
from tests.conftest import NOW
from tests.domain.deletion_world import DANA_PHOTO, World, build_world, dump


@pytest.fixture
def world(
    contacts: ContactService,
    follow_ups: FollowUpService,
    opportunities: OpportunityService,
    letters: LetterService,
) -> World:
    return build_world(contacts, follow_ups, opportunities, letters)


def ids_of(db: peewee.SqliteDatabase, sql: str) -> set[int | None]:
    return {row[0] for row in db.execute_sql(sql)}


def test_deleting_two_contacts_takes_what_was_theirs_and_keeps_what_was_shared(
    db: peewee.SqliteDatabase, contacts: ContactService, world: World
) -> None:
    deleted = contacts.delete_contacts([world.dana, world.sam])

    assert deleted.ids == (world.dana, world.sam)
    assert [r.formal_name for r in deleted.records] == ["Ms. Dana Davis", "Sam Okafor"]
    assert deleted.describe() == "2 contacts"
    assert ids_of(db, "SELECT id FROM contact") == {world.lee, world.ivy}
    assert ids_of(db, "SELECT id FROM event") == {world.shared_event}
    assert ids_of(db, "SELECT contact_id FROM event_contact") == {world.lee}
    assert ids_of(db, "SELECT contact_id FROM follow_up") == {world.lee}
    assert ids_of(db, "SELECT contact_id FROM letter") == {world.lee}
    assert ids_of(db, "SELECT contact_id FROM opportunity_contact") == {world.lee}
    # References the schema set to NULL.
    assert ids_of(db, "SELECT introduced_by_id FROM contact") == {None}
    assert ids_of(db, "SELECT previous_id FROM follow_up") == {None}
    assert ids_of(db, "SELECT follow_up_id FROM letter") == {None}
    # What was taken: each status of follow-up, both events, both letters.
    statuses = deleted.rows.table("follow_up").column("status")
    assert sorted(map(str, set(statuses))) == ["dismissed", "pending", "sent"]
    assert deleted.follow_up_count == len(statuses) == 5
    assert set(deleted.rows.table("event").ids()) == {world.dana_event, world.pair_event}
    assert deleted.rows.cleared_links("contact", "introduced_by_id") == ((world.ivy, world.dana),)


def test_restoring_puts_every_row_back_exactly(
    db: peewee.SqliteDatabase, contacts: ContactService, world: World
) -> None:
    before = dump(db)
    deleted = contacts.delete_contacts([world.dana, world.sam])
    after_delete = dump(db)
    assert after_delete != before

    restored = contacts.restore_deleted(deleted)

    assert restored == list(deleted.records)
    assert dump(db) == before
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    # Deleting again takes the same rows again.
    again = contacts.delete_contacts([world.dana, world.sam])
    assert again == deleted
    assert dump(db) == after_delete


def test_one_contact_of_a_shared_event_leaves_it_and_comes_back_to_it(
    db: peewee.SqliteDatabase, contacts: ContactService, world: World
) -> None:
    before = dump(db)

    deleted = contacts.delete_contacts([world.dana])

    # The job fair was shared with Sam, who stays: it stays.
    assert ids_of(db, "SELECT id FROM event") == {world.shared_event, world.pair_event}
    contacts.restore_deleted(deleted)
    assert dump(db) == before


def test_restored_contacts_are_found_by_search_again(
    db: peewee.SqliteDatabase, contacts: ContactService, clock: Clock, world: World
) -> None:
    directory = ContactDirectory(db, clock)
    assert directory.matching_ids(ContactFilter(text="davis")) == [world.dana]
    deleted = contacts.delete_contacts([world.dana, world.sam])
    assert directory.matching_ids(ContactFilter(text="davis")) == []

    contacts.restore_deleted(deleted)

    assert directory.matching_ids(ContactFilter(text="davis")) == [world.dana]
    assert directory.matching_ids(ContactFilter(text="job-fair")) == [world.dana, world.sam]
    assert directory.total() == 4


def test_delete_contact_is_the_delete_of_one(
    db: peewee.SqliteDatabase, contacts: ContactService, world: World
) -> None:
    dana = contacts.get_contact(world.dana)
    assert contacts.delete_contact(world.dana) == dana
    assert world.dana not in ids_of(db, "SELECT id FROM contact")


def test_ids_already_gone_are_passed_over(contacts: ContactService, world: World) -> None:
    contacts.delete_contacts([world.sam])

    deleted = contacts.delete_contacts([world.sam, world.dana, world.dana])

    assert deleted.ids == (world.dana,)
    assert deleted.describe() == "Ms. Dana Davis"
    assert contacts.delete_contacts([world.sam]).count == 0


def test_counting_follow_ups_of_several_contacts(contacts: ContactService, world: World) -> None:
    assert contacts.count_follow_ups([world.dana, world.sam]) == 5
    assert contacts.count_follow_ups([world.ivy]) == 0
    assert contacts.count_follow_ups([]) == 0


# --- one transaction each ----------------------------------------------------------------


def test_a_delete_that_fails_half_way_deletes_nothing(
    db: peewee.SqliteDatabase, contacts: ContactService, world: World
) -> None:
    before = dump(db)
    # The contacts are deleted first; then their own events, which this refuses.
    db.execute_sql(
        "CREATE TEMP TRIGGER refuse BEFORE DELETE ON event BEGIN SELECT RAISE(ABORT, 'no'); END"
    )

    with pytest.raises(peewee.IntegrityError):
        contacts.delete_contacts([world.dana, world.sam])

    assert dump(db) == before


def test_a_restore_that_fails_half_way_restores_nothing(
    db: peewee.SqliteDatabase, contacts: ContactService, world: World
) -> None:
    deleted = contacts.delete_contacts([world.dana, world.sam])
    after_delete = dump(db)
    # Contacts, events and follow-ups go in before the letters, which this refuses.
    db.execute_sql(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON letter BEGIN SELECT RAISE(ABORT, 'no'); END"
    )

    with pytest.raises(ContactsNotRestored, match="Nothing was changed"):
        contacts.restore_deleted(deleted)

    assert dump(db) == after_delete
    db.execute_sql("DROP TRIGGER refuse")
    contacts.restore_deleted(deleted)
    assert {r.id for r in contacts.list_contacts()} == {world.dana, world.sam, world.lee, world.ivy}


def test_writes_of_delete_and_restore_run_inside_a_transaction(
    db: peewee.SqliteDatabase,
    contacts: ContactService,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    writes: list[bool] = []
    execute_sql = db.execute_sql
    cursor = db.cursor

    def spy(sql: str, *args: object, **kwargs: object) -> object:
        if sql.lstrip().split(None, 1)[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            writes.append(db.in_transaction())
        return execute_sql(sql, *args, **kwargs)

    class SpyCursor:
        def __init__(self, real: object) -> None:
            self._real = real

        def executemany(self, sql: str, rows: object) -> object:
            writes.append(db.in_transaction())  # the inserts of whole tables
            return self._real.executemany(sql, rows)  # type: ignore[attr-defined]

        def __iter__(self) -> object:
            return iter(self._real)  # type: ignore[call-overload]

        def __getattr__(self, name: str) -> object:
            return getattr(self._real, name)

    def spy_cursor(*args: object, **kwargs: object) -> object:
        return SpyCursor(cursor(*args, **kwargs))

    monkeypatch.setattr(db, "execute_sql", spy)
    monkeypatch.setattr(db, "cursor", spy_cursor)
    deleted = contacts.delete_contacts([world.dana, world.sam])
    contacts.restore_deleted(deleted)

    assert len(writes) > 5
    assert all(writes)


# --- refusing, and what changed in the meantime ------------------------------------------


def test_an_id_taken_meanwhile_is_refused_and_nothing_changes(
    db: peewee.SqliteDatabase, contacts: ContactService, world: World
) -> None:
    deleted = contacts.delete_contacts([world.dana])
    # Ids are never reused, so only a replaced database can do this.
    db.execute_sql(
        "INSERT INTO contact (id, given_name, category, created_at, updated_at)"
        " VALUES (?, 'Someone', 'hiring-process', '2026-01-01T00:00:00+00:00',"
        " '2026-01-01T00:00:00+00:00')",
        [world.dana],
    )
    before = dump(db)

    with pytest.raises(ContactsNotRestored) as excinfo:
        contacts.restore_deleted(deleted)

    message = str(excinfo.value)
    assert message.startswith(f"Cannot bring back Ms. Dana Davis: the contact number {world.dana}")
    assert "Nothing was changed." in message
    assert dump(db) == before


def test_links_to_what_was_deleted_since_are_left_out(
    db: peewee.SqliteDatabase,
    contacts: ContactService,
    follow_ups: FollowUpService,
    opportunities: OpportunityService,
    world: World,
) -> None:
    deleted = contacts.delete_contacts([world.dana])
    follow_ups.delete_event(world.shared_event)
    opportunities.delete(world.opportunity)
    contacts.delete_contact(world.sam)  # who introduced Dana

    contacts.restore_deleted(deleted)

    dana = contacts.get_contact(world.dana)
    assert dana.introduced_by_id is None
    assert ids_of(db, f"SELECT event_id FROM event_contact WHERE contact_id = {world.dana}") == {
        world.dana_event
    }
    assert ids_of(db, f"SELECT * FROM opportunity_contact WHERE contact_id = {world.dana}") == set()
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    # Her follow-ups of the deleted interview (sent, and the card after it) and of the job
    # fair (Sam's alone when he went) stay, as history without the event.
    statuses = db.execute_sql(
        f"SELECT status FROM follow_up WHERE contact_id = {world.dana} AND event_id IS NULL"
    ).fetchall()
    assert sorted(s for (s,) in statuses) == ["pending", "pending", "sent"]


def test_an_introduction_set_since_is_kept(contacts: ContactService, world: World) -> None:
    deleted = contacts.delete_contacts([world.dana])
    ivy = contacts.get_contact(world.ivy)
    contacts.update_contact(ivy.id, dataclasses.replace(ivy.card, introduced_by_id=world.lee))

    contacts.restore_deleted(deleted)

    assert contacts.get_contact(world.ivy).introduced_by_id == world.lee


def test_the_snapshot_knows_every_reference_to_what_it_deletes(db: peewee.SqliteDatabase) -> None:
    """A new table or column pointing at a contact, event or follow-up must be taken too."""
    tables = [row[0] for row in db.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")]
    references = {
        (table, str(row[3]), str(row[2]))
        for table in tables
        for row in db.execute_sql(f"PRAGMA foreign_key_list({table})")
        if row[2] in {"contact", "event", "follow_up"}
    }
    assert references == {
        ("card_photo", "contact_id", "contact"),
        ("contact", "introduced_by_id", "contact"),
        ("event_contact", "contact_id", "contact"),
        ("event_contact", "event_id", "event"),
        ("follow_up", "contact_id", "contact"),
        ("follow_up", "event_id", "event"),
        ("follow_up", "previous_id", "follow_up"),
        ("letter", "contact_id", "contact"),
        ("letter", "follow_up_id", "follow_up"),
        ("opportunity_contact", "contact_id", "contact"),
    }


# --- an edit, undone ---------------------------------------------------------------------


def test_put_back_writes_a_stored_record_back_exactly(
    db: peewee.SqliteDatabase, contacts: ContactService, world: World
) -> None:
    before = dump(db)
    dana = contacts.get_contact(world.dana)
    contacts.update_contact(dana.id, dataclasses.replace(dana.card, company="Globex"))

    assert contacts.put_back(dana) == dana
    assert dump(db) == before


def test_put_back_leaves_out_an_introducer_deleted_since(
    contacts: ContactService, world: World
) -> None:
    dana = contacts.get_contact(world.dana)
    contacts.delete_contact(world.sam)

    assert contacts.put_back(dana).introduced_by_id is None


def test_put_back_of_a_deleted_contact_is_refused(contacts: ContactService) -> None:
    ghost = contacts.add_contact(ContactCard(given_name="Ghost"))
    contacts.delete_contact(ghost.id)

    with pytest.raises(Exception, match="No contact with id"):
        contacts.put_back(ghost)


# --- the photo of a card -----------------------------------------------------------------


def test_a_deleted_contacts_card_photo_goes_and_comes_back_byte_for_byte(
    db: peewee.SqliteDatabase, contacts: ContactService, world: World
) -> None:
    photos = CardPhotoService(db, lambda: NOW)
    before = photos.get(world.dana)
    assert before is not None and before.data == DANA_PHOTO

    deleted = contacts.delete_contacts([world.dana])

    assert photos.get(world.dana) is None  # the schema's cascade
    assert deleted.rows.table("card_photo").column("data") == [DANA_PHOTO]
    contacts.restore_deleted(deleted)
    assert photos.get(world.dana) == before  # bytes, type, size and time


def test_undoing_an_edit_puts_back_the_photo_it_replaced(
    db: peewee.SqliteDatabase, contacts: ContactService, world: World
) -> None:
    photos = CardPhotoService(db, lambda: NOW)
    dana = contacts.get_contact(world.dana)
    photo = photos.get(world.dana)
    jpeg = PhotoUpload(b"\xff\xd8\xff\xe0 a newer photo", "image/jpeg")
    edited = contacts.update_contact(
        dana.id, dataclasses.replace(dana.card, company="Globex"), photo=jpeg
    )
    assert photos.get(world.dana) != photo

    contacts.put_back(dana, photo=photo)
    assert photos.get(world.dana) == photo
    contacts.put_back(edited, photo=None)  # a redo to a card that had none
    assert photos.get(world.dana) is None
