"""The photo of a contact's business card: what may be stored, and storing it.

A photo lives in the ``card_photo`` table beside its contact (see ``migrations.py``), so the
backups, restores and the undo of a delete carry it without a second place to keep in step.
The card form saves a card and its photo together: ``ContactService.add_contact`` and
``update_contact`` take a ``PhotoChange`` and write both in one transaction, through
``write_change`` here. ``CardPhotoService`` reads photos, and changes one on its own.

Only JPEG, PNG and WebP are kept, recognised by their first bytes (not by a file name or a
claimed type), up to ``MAX_PHOTO_BYTES``. Making a large photo smaller is the window's job
(it has the image codecs); the domain only refuses what is too large.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Final

import peewee

from desktop.domain.clock import Clock
from desktop.domain.errors import ContactNotFound, ValidationError
from desktop.domain.models import CardPhoto, Contact

MAX_PHOTO_BYTES: Final = 8 * 1024 * 1024

JPEG: Final = "image/jpeg"
PNG: Final = "image/png"
WEBP: Final = "image/webp"
PHOTO_MEDIA_TYPES: Final = (JPEG, PNG, WEBP)
# Names a caller may use for a type, beside the registered ones.
_MEDIA_TYPE_ALIASES = {"image/jpg": JPEG, "image/pjpeg": JPEG}
_KIND = {JPEG: "JPEG", PNG: "PNG", WEBP: "WebP"}


class KeepPhoto(enum.Enum):
    """The type of ``KEEP_PHOTO``: "leave the contact's photo as it is"."""

    KEEP = "keep"


KEEP_PHOTO: Final = KeepPhoto.KEEP


@dataclass(frozen=True)
class PhotoUpload:
    """A new photo for a contact: the encoded image and its media type.

    ``media_type`` may be empty: the bytes say what the image is. ``width`` and ``height``
    (pixels) are kept when the caller knows them.
    """

    data: bytes
    media_type: str = ""
    width: int | None = None
    height: int | None = None

    def __repr__(self) -> str:
        # Never megabytes of bytes in a log or a failing test's output.
        return (
            f"PhotoUpload({len(self.data)} bytes, {self.media_type!r}, {self.width}x{self.height})"
        )


@dataclass(frozen=True)
class StoredPhoto:
    """A contact's photo as stored."""

    contact_id: int
    data: bytes
    media_type: str
    width: int | None
    height: int | None
    added_at: datetime

    @property
    def size(self) -> int:
        """Bytes stored."""
        return len(self.data)

    def __repr__(self) -> str:
        return (
            f"StoredPhoto(contact {self.contact_id}, {len(self.data)} bytes, "
            f"{self.media_type!r}, {self.width}x{self.height}, {self.added_at.isoformat()})"
        )


# What to do with a contact's photo when its card is saved: KEEP_PHOTO leaves it, None
# removes it, a PhotoUpload replaces it, a StoredPhoto puts back one read earlier (an undo),
# its time included.
PhotoChange = KeepPhoto | PhotoUpload | StoredPhoto | None


def sniff_media_type(data: bytes) -> str | None:
    """The media type of a JPEG, PNG or WebP image, by its first bytes; None for others."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    return None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def photo_problem(upload: PhotoUpload) -> str | None:
    """None for a photo that can be stored, else a sentence that says why not."""
    if not upload.data:
        return "The photo is empty: choose an image file."
    if len(upload.data) > MAX_PHOTO_BYTES:
        return (
            f"The photo is {_megabytes(len(upload.data))}; a card photo may be at most "
            f"{MAX_PHOTO_BYTES // (1024 * 1024)} MB."
        )
    found = sniff_media_type(upload.data)
    if found is None:
        return "The photo is not a JPEG, PNG or WebP image."
    claimed = upload.media_type.strip().lower()
    claimed = _MEDIA_TYPE_ALIASES.get(claimed, claimed)
    if claimed and claimed != found:
        return f"The photo is a {_KIND[found]} image, not {upload.media_type} as it claims."
    for name, value in (("width", upload.width), ("height", upload.height)):
        if value is not None and value <= 0:
            return f"The photo's {name} must be a positive number of pixels, not {value}."
    return None


def change_problem(change: PhotoChange) -> str | None:
    """``photo_problem`` of an upload; None for the other changes."""
    return photo_problem(change) if isinstance(change, PhotoUpload) else None


def check_change(change: PhotoChange) -> None:
    """Raise ValidationError (field "photo") unless ``change`` can be written."""
    if problem := change_problem(change):
        raise ValidationError({"photo": problem})


def write_change(contact_id: int, change: PhotoChange, now: datetime) -> None:
    """Apply ``change`` to the photo of ``contact_id`` (an existing contact) inside the
    caller's transaction. An upload must have passed ``check_change``."""
    if change is KEEP_PHOTO:
        return
    if change is None:
        CardPhoto.delete().where(CardPhoto.contact_id == contact_id).execute()
        return
    if isinstance(change, PhotoUpload):
        values = {
            "media_type": sniff_media_type(change.data),
            "data": change.data,
            "width": change.width,
            "height": change.height,
            "added_at": now,
        }
    else:
        values = {
            "media_type": change.media_type,
            "data": change.data,
            "width": change.width,
            "height": change.height,
            "added_at": change.added_at,
        }
    CardPhoto.insert(contact_id=contact_id, **values).on_conflict_replace().execute()


def _stored(row: CardPhoto) -> StoredPhoto:
    return StoredPhoto(
        contact_id=row.contact_id,
        data=bytes(row.data),
        media_type=row.media_type,
        width=row.width,
        height=row.height,
        added_at=row.added_at,
    )


class CardPhotoService:
    """Reads the photos of business cards, and changes one on its own (one transaction).

    Saving a card together with its photo goes through ``ContactService`` instead.
    """

    def __init__(self, db: peewee.SqliteDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def get(self, contact_id: int) -> StoredPhoto | None:
        """The photo of ``contact_id``'s card, or None (no photo, or no such contact)."""
        row = CardPhoto.get_or_none(CardPhoto.contact_id == contact_id)
        return None if row is None else _stored(row)

    def has_photo(self, contact_id: int) -> bool:
        return bool(CardPhoto.select().where(CardPhoto.contact_id == contact_id).exists())

    def contacts_with_photos(self) -> set[int]:
        """The ids of every contact whose card has a photo (the bytes are not read)."""
        return {row.contact_id for row in CardPhoto.select(CardPhoto.contact_id)}

    def save(self, contact_id: int, upload: PhotoUpload) -> StoredPhoto:
        """Store ``upload`` as the photo of ``contact_id``, replacing any other.

        Raises ValidationError (field "photo") or ContactNotFound, having changed nothing.
        """
        self.change(contact_id, upload)
        stored = self.get(contact_id)
        assert stored is not None
        return stored

    def remove(self, contact_id: int) -> bool:
        """Remove the photo of ``contact_id``; False if there was none."""
        with self._db.atomic():
            removed = CardPhoto.delete().where(CardPhoto.contact_id == contact_id).execute()
        return bool(removed)

    def change(self, contact_id: int, change: PhotoChange) -> None:
        """Apply any ``PhotoChange`` to the photo of ``contact_id``, in one transaction."""
        check_change(change)
        with self._db.atomic():
            if not Contact.select().where(Contact.id == contact_id).exists():
                raise ContactNotFound(contact_id)
            write_change(contact_id, change, self._now())

    def _now(self) -> datetime:
        # Stored to the second, so the photo returned equals the one read back later.
        return self._clock().replace(microsecond=0)
