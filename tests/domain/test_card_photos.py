"""The photo of a business card: what is accepted, saving it with its card, and where it
goes when the card is deleted, backed up or restored."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import peewee
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.backups import BackupKind, restore_database
from desktop.domain.card_photos import (
    KEEP_PHOTO,
    MAX_PHOTO_BYTES,
    CardPhotoService,
    PhotoUpload,
    StoredPhoto,
    photo_problem,
    sniff_media_type,
)
from desktop.domain.clock import Clock, fixed_clock
from desktop.domain.contacts import ContactCard, ContactRecord, ContactService
from desktop.domain.errors import ContactNotFound, ValidationError
from desktop.domain.services import open_services
from tests.conftest import NOW

# The domain reads only an image's first bytes; what follows is every byte value, so a
# store or restore that changed one byte would show.
BODY = bytes(range(256)) * 8
PNG = b"\x89PNG\r\n\x1a\n" + BODY
JPEG = b"\xff\xd8\xff\xe0" + BODY
WEBP = b"RIFF\x00\x10\x00\x00WEBPVP8 " + BODY
LATER = NOW + timedelta(hours=3)


@pytest.fixture
def photos(db: peewee.SqliteDatabase, clock: Clock) -> CardPhotoService:
    return CardPhotoService(db, clock)


@pytest.fixture
def dana(contacts: ContactService) -> ContactRecord:
    return contacts.add_contact(
        ContactCard(given_name="Dana", family_name="Davis", company="Acme"),
        photo=PhotoUpload(PNG, "image/png", width=1200, height=700),
    )


def photo_rows(db: peewee.SqliteDatabase) -> list[tuple[object, ...]]:
    return [tuple(row) for row in db.execute_sql("SELECT * FROM card_photo ORDER BY contact_id")]


# --- what is accepted --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "media_type"), [(PNG, "image/png"), (JPEG, "image/jpeg"), (WEBP, "image/webp")]
)
def test_jpeg_png_and_webp_are_recognised_by_their_first_bytes(
    data: bytes, media_type: str
) -> None:
    assert sniff_media_type(data) == media_type
    assert photo_problem(PhotoUpload(data)) is None
    assert photo_problem(PhotoUpload(data, media_type.upper())) is None


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (PhotoUpload(b""), "The photo is empty: choose an image file."),
        (PhotoUpload(b"GIF89a" + BODY), "The photo is not a JPEG, PNG or WebP image."),
        (PhotoUpload(b"%PDF-1.7" + BODY), "The photo is not a JPEG, PNG or WebP image."),
        (PhotoUpload(b"RIFF\x00\x00\x00\x00WAVE"), "The photo is not a JPEG, PNG or WebP image."),
        (PhotoUpload(PNG, "image/jpeg"), "The photo is a PNG image, not image/jpeg as it claims."),
        (
            PhotoUpload(JPEG, width=0),
            "The photo's width must be a positive number of pixels, not 0.",
        ),
        (
            PhotoUpload(b"\xff\xd8\xff" + bytes(MAX_PHOTO_BYTES)),
            "The photo is 8.0 MB; a card photo may be at most 8 MB.",
        ),
    ],
)
def test_what_is_not_a_photo_is_refused_with_a_reason(upload: PhotoUpload, message: str) -> None:
    assert photo_problem(upload) == message


def test_a_photo_of_exactly_the_largest_size_is_accepted() -> None:
    largest = PhotoUpload(JPEG + bytes(MAX_PHOTO_BYTES - len(JPEG)))
    assert photo_problem(largest) is None


def test_image_jpg_is_taken_for_image_jpeg() -> None:
    assert photo_problem(PhotoUpload(JPEG, "image/jpg")) is None


@given(st.binary(max_size=64))
def test_only_the_three_signatures_are_taken_for_images(data: bytes) -> None:
    media_type = sniff_media_type(data)
    signed = (
        data.startswith(b"\xff\xd8\xff")
        or data.startswith(b"\x89PNG\r\n\x1a\n")
        or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")
    )
    assert (media_type is not None) == signed
    assert (photo_problem(PhotoUpload(data)) is None) == (signed and bool(data))


def test_an_upload_does_not_print_its_bytes() -> None:
    assert repr(PhotoUpload(PNG, "image/png", 10, 20)) == (
        f"PhotoUpload({len(PNG)} bytes, 'image/png', 10x20)"
    )


# --- saved with the card -----------------------------------------------------------------


def test_a_new_card_is_saved_with_its_photo(photos: CardPhotoService, dana: ContactRecord) -> None:
    assert photos.get(dana.id) == StoredPhoto(
        contact_id=dana.id,
        data=PNG,
        media_type="image/png",
        width=1200,
        height=700,
        added_at=NOW,
    )
    assert photos.has_photo(dana.id)
    assert photos.contacts_with_photos() == {dana.id}


def test_the_stored_type_is_what_the_bytes_are(
    contacts: ContactService, photos: CardPhotoService
) -> None:
    zoe = contacts.add_contact(ContactCard(given_name="Zoë"), photo=PhotoUpload(WEBP))
    stored = photos.get(zoe.id)
    assert stored is not None
    assert (stored.media_type, stored.width, stored.height) == ("image/webp", None, None)


def test_a_card_without_a_photo_has_none(
    contacts: ContactService, photos: CardPhotoService
) -> None:
    lee = contacts.add_contact(ContactCard(given_name="Lee"))
    ivy = contacts.add_contact(ContactCard(given_name="Ivy"), photo=None)
    assert photos.get(lee.id) is None and photos.get(ivy.id) is None
    assert not photos.has_photo(lee.id)
    assert photos.get(999) is None


def test_saving_a_card_keeps_its_photo_unless_told_otherwise(
    db: peewee.SqliteDatabase, contacts: ContactService, dana: ContactRecord
) -> None:
    before = photo_rows(db)
    contacts.update_contact(dana.id, dataclasses.replace(dana.card, company="Globex"))
    contacts.update_contact(
        dana.id, dataclasses.replace(dana.card, company="Initech"), photo=KEEP_PHOTO
    )
    assert photo_rows(db) == before


def test_a_new_photo_replaces_the_old_one_and_none_removes_it(
    db: peewee.SqliteDatabase, contacts: ContactService, dana: ContactRecord
) -> None:
    photos = CardPhotoService(db, fixed_clock(LATER))
    later = ContactService(db, fixed_clock(LATER))

    saved = later.update_contact(dana.id, dana.card, photo=PhotoUpload(JPEG, "image/jpeg"))

    assert saved.updated_at == LATER
    stored = photos.get(dana.id)
    assert stored is not None
    assert (stored.data, stored.media_type, stored.added_at) == (JPEG, "image/jpeg", LATER)
    assert len(photo_rows(db)) == 1

    later.update_contact(dana.id, dana.card, photo=None)
    assert photos.get(dana.id) is None
    later.update_contact(dana.id, dana.card, photo=None)  # nothing to remove: no error
    assert photo_rows(db) == []


def test_a_card_that_cannot_be_saved_leaves_the_photo_untouched(
    db: peewee.SqliteDatabase, contacts: ContactService, dana: ContactRecord
) -> None:
    before = photo_rows(db)
    nameless = dataclasses.replace(dana.card, given_name="", family_name="")

    for change in (PhotoUpload(JPEG), None):
        with pytest.raises(ValidationError) as excinfo:
            contacts.update_contact(dana.id, nameless, photo=change)
        assert set(excinfo.value.errors) == {"given_name"}

    assert photo_rows(db) == before
    assert contacts.get_contact(dana.id) == dana


def test_a_photo_that_cannot_be_saved_leaves_the_card_untouched(
    contacts: ContactService, photos: CardPhotoService, dana: ContactRecord
) -> None:
    with pytest.raises(ValidationError) as excinfo:
        contacts.update_contact(
            dana.id, dataclasses.replace(dana.card, company="Globex"), photo=PhotoUpload(b"GIF89a")
        )

    assert excinfo.value.errors == {"photo": "The photo is not a JPEG, PNG or WebP image."}
    assert contacts.get_contact(dana.id) == dana
    stored = photos.get(dana.id)
    assert stored is not None and stored.data == PNG


def test_card_and_photo_errors_are_reported_together(contacts: ContactService) -> None:
    with pytest.raises(ValidationError) as excinfo:
        contacts.add_contact(ContactCard(), photo=PhotoUpload(b"not an image"))

    assert set(excinfo.value.errors) == {"given_name", "photo"}
    assert contacts.count() == 0


def test_the_card_and_its_photo_are_one_transaction(
    db: peewee.SqliteDatabase, contacts: ContactService, dana: ContactRecord
) -> None:
    """If the database refuses the photo, the card's edit is rolled back with it."""
    before = photo_rows(db)
    db.execute_sql(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON card_photo"
        " BEGIN SELECT RAISE(ABORT, 'no'); END"
    )

    with pytest.raises(peewee.IntegrityError):
        contacts.update_contact(
            dana.id, dataclasses.replace(dana.card, company="Globex"), photo=PhotoUpload(JPEG)
        )
    with pytest.raises(peewee.IntegrityError):
        contacts.add_contact(ContactCard(given_name="Sam"), photo=PhotoUpload(JPEG))

    assert contacts.get_contact(dana.id) == dana
    assert [r.given_name for r in contacts.list_contacts()] == ["Dana"]
    assert photo_rows(db) == before


def test_a_photo_for_a_contact_gone_meanwhile_is_refused(
    contacts: ContactService, photos: CardPhotoService, dana: ContactRecord
) -> None:
    contacts.delete_contact(dana.id)

    with pytest.raises(ContactNotFound):
        contacts.update_contact(dana.id, dana.card, photo=PhotoUpload(JPEG))
    with pytest.raises(ContactNotFound):
        photos.save(dana.id, PhotoUpload(JPEG))
    assert photos.contacts_with_photos() == set()


# --- the photo service on its own ----------------------------------------------------------


def test_the_service_saves_replaces_and_removes_a_photo(
    contacts: ContactService, photos: CardPhotoService
) -> None:
    lee = contacts.add_contact(ContactCard(given_name="Lee"))

    stored = photos.save(lee.id, PhotoUpload(JPEG, "image/jpeg", 640, 480))
    assert stored == photos.get(lee.id)
    assert (stored.data, stored.size, stored.width) == (JPEG, len(JPEG), 640)
    assert photos.save(lee.id, PhotoUpload(WEBP)).media_type == "image/webp"
    assert photos.remove(lee.id) is True
    assert photos.remove(lee.id) is False
    assert photos.get(lee.id) is None
    with pytest.raises(ValidationError, match="not a JPEG, PNG or WebP"):
        photos.save(lee.id, PhotoUpload(b"BM"))


# --- deleting, undoing -------------------------------------------------------------------


def test_deleting_a_contact_deletes_their_photo(
    db: peewee.SqliteDatabase, contacts: ContactService, dana: ContactRecord
) -> None:
    lee = contacts.add_contact(ContactCard(given_name="Lee"), photo=PhotoUpload(JPEG))

    contacts.delete_contact(dana.id)

    assert [row[0] for row in photo_rows(db)] == [lee.id]


def test_undoing_a_delete_brings_the_photo_back_byte_for_byte(
    db: peewee.SqliteDatabase,
    contacts: ContactService,
    photos: CardPhotoService,
    dana: ContactRecord,
) -> None:
    before = photo_rows(db)
    stored = photos.get(dana.id)

    deleted = contacts.delete_contacts([dana.id])
    assert photo_rows(db) == []
    contacts.restore_deleted(deleted)

    assert photo_rows(db) == before
    assert photos.get(dana.id) == stored
    assert db.execute_sql("SELECT typeof(data) FROM card_photo").fetchone() == ("blob",)


# --- backups -----------------------------------------------------------------------------


def test_a_backup_holds_the_photo_and_a_restore_brings_it_back(
    tmp_path: Path, clock: Clock
) -> None:
    services_dir = tmp_path / "data"
    with open_services(services_dir, clock) as services:
        dana = services.contacts.add_contact(
            ContactCard(given_name="Dana"), photo=PhotoUpload(PNG, width=3, height=2)
        )
        copy = services.backups.before(BackupKind.BEFORE_IMPORT)
        services.card_photos.save(dana.id, PhotoUpload(JPEG))
        lee = services.contacts.add_contact(ContactCard(given_name="Lee"), photo=PhotoUpload(WEBP))

    restore_database(services_dir, copy, fixed_clock(LATER))

    with open_services(services_dir, clock) as services:
        stored = services.card_photos.get(dana.id)
        assert stored is not None
        assert (stored.data, stored.media_type, stored.width, stored.height) == (
            PNG,
            "image/png",
            3,
            2,
        )
        assert services.card_photos.get(lee.id) is None
        assert services.card_photos.contacts_with_photos() == {dana.id}
