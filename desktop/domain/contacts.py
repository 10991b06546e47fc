"""Contacts: the card a user types in, the rows the UI shows, and the service that saves them."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple, cast

import peewee

from desktop.domain import card_photos, contact_snapshot
from desktop.domain.card_photos import KEEP_PHOTO, PhotoChange
from desktop.domain.categories import COURTESY_TITLES, DEFAULT_CATEGORY, Category
from desktop.domain.clock import Clock
from desktop.domain.contact_snapshot import ContactsNotRestored, DeletedContacts
from desktop.domain.errors import ContactNotFound, ValidationError
from desktop.domain.models import Contact, FollowUp

# Ids per statement, well under SQLite's limit of bound parameters.
_BATCH = 500


def join_name(given_name: str, family_name: str) -> str:
    """Given and family name with a space between, leaving out whichever is blank."""
    if given_name and family_name:
        return f"{given_name} {family_name}"
    return given_name or family_name


def name_order(family_name: str, given_name: str, contact_id: int) -> tuple[str, str, int]:
    """The order of the contacts list: family, then given name, ignoring case in any script.

    SQLite's lower() folds only A-Z ("Ölund" would follow "öberg"), so sorting is done here.
    """
    return (family_name.casefold(), given_name.casefold(), contact_id)


@dataclass(frozen=True, kw_only=True)
class ContactCard:
    """Everything the user types for one person, as plain text.

    Values are kept exactly as typed apart from surrounding white space on one-line fields:
    names are spelled as on the card, phone numbers keep their punctuation. ``met_on`` is
    the day you met (a LinkedIn "Connected On" date, or the day of the fair), if known.
    """

    courtesy_title: str = ""
    given_name: str = ""
    family_name: str = ""
    job_title: str = ""
    company: str = ""
    department: str = ""
    email: str = ""
    phone: str = ""
    street: str = ""
    city: str = ""
    region: str = ""
    postal_code: str = ""
    country: str = ""
    category: str = DEFAULT_CATEGORY.value
    met_at: str = ""
    met_on: date | None = None
    notes: str = ""
    introduced_by_id: int | None = None

    @property
    def full_name(self) -> str:
        """Given and family name, e.g. "Dana Davis"."""
        return join_name(self.given_name, self.family_name)

    @property
    def formal_name(self) -> str:
        """The name as addressed on an envelope: "Ms. Dana Davis", or just the name."""
        return " ".join(part for part in (self.courtesy_title, self.full_name) if part)

    @property
    def category_label(self) -> str:
        try:
            return Category(self.category).label
        except ValueError:
            return self.category

    def normalised(self) -> ContactCard:
        """The card as it will be stored: one-line fields trimmed, notes untouched."""
        trimmed: dict[str, Any] = {
            name: value.strip()
            for name in CARD_FIELDS
            if name not in _MULTILINE and isinstance(value := getattr(self, name), str)
        }
        return dataclasses.replace(self, **trimmed)


@dataclass(frozen=True, kw_only=True)
class ContactRecord(ContactCard):
    """A stored contact: its card plus identity and timestamps."""

    id: int
    created_at: datetime
    updated_at: datetime

    @property
    def card(self) -> ContactCard:
        return ContactCard(**{name: getattr(self, name) for name in CARD_FIELDS})


CARD_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(ContactCard))
_MULTILINE = frozenset({"notes"})


# Plain addresses ("dana.davis+jobs@mail.acme-corp.example"), a strict subset of what
# email-validator accepts: they skip its full check, which is most of an import's time.
# A label with "--" after two characters ("xn--", IDNA's reserved form) takes the full check.
PLAIN_EMAIL = re.compile(
    r"(?=[^@]{1,64}@)[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*"
    r"@(?:(?![a-z0-9-]{2}--)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}",
    re.IGNORECASE | re.ASCII,
)
# Domains email-validator refuses even without a deliverability check (RFC 6761 and others).
_SPECIAL_USE_DOMAINS = ("arpa", "invalid", "local", "localhost", "onion", "test")


def email_problem(email: str) -> str | None:
    """None for a well-formed address, else a sentence that quotes it and says why."""
    if (
        len(email) <= 254
        and PLAIN_EMAIL.fullmatch(email)
        and email.rsplit(".", 1)[-1].lower() not in _SPECIAL_USE_DOMAINS
        # "ab--c" labels are reserved for Punycode ("xn--"): left to the full check.
        and "--" not in email.partition("@")[2]
    ):
        return None
    # Imported here: its tables cost ~20 ms at start-up, before any address is checked.
    import email_validator

    try:
        email_validator.validate_email(email, check_deliverability=False)
    except email_validator.EmailNotValidError as exc:
        return f"“{email}” is not a valid email address: {exc}"
    return None


def validate_card(card: ContactCard) -> dict[str, str]:
    """Return ``{field: message}`` for everything that keeps ``card`` from being saved."""
    errors: dict[str, str] = {}
    if not card.given_name and not card.family_name:
        errors["given_name"] = "Enter a given name or a family name."
    if card.courtesy_title not in COURTESY_TITLES:
        allowed = ", ".join(t for t in COURTESY_TITLES if t)
        errors["courtesy_title"] = f"Choose a courtesy title ({allowed}) or none."
    if card.email and (problem := email_problem(card.email)):
        errors["email"] = problem
    try:
        Category(card.category)
    except ValueError:
        errors["category"] = f"“{card.category}” is not a relationship category."
    return errors


def contact_sort_key(record: ContactRecord) -> tuple[str, str, int]:
    """``name_order`` of a stored contact."""
    return name_order(record.family_name, record.given_name, record.id)


class ContactChoice(NamedTuple):
    """One person to choose from (Log Event, the introducer, an opportunity's people): what
    a picker shows and matches, without the rest of the card. A plain tuple, so 100,000 of
    them are cheap to make."""

    id: int
    full_name: str
    job_title: str
    company: str


def _record(row: Contact) -> ContactRecord:
    return ContactRecord(
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        **{name: getattr(row, name) for name in CARD_FIELDS},
    )


class ContactService:
    """Reads and writes contacts. Every write is one transaction."""

    def __init__(self, db: peewee.SqliteDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def list_contacts(self) -> list[ContactRecord]:
        """All contacts in ``contact_sort_key`` order."""
        # Plain dicts, not model instances: building a Model per row dominated the cost.
        rows = cast(Iterable[dict[str, Any]], Contact.select().dicts())
        records = [ContactRecord(**row) for row in rows]
        records.sort(key=contact_sort_key)
        return records

    def choices(self) -> list[ContactChoice]:
        """Every contact as a ``ContactChoice``, in ``list_contacts`` order.

        One query of the five columns a picker needs: no model instance and no full record
        per row (at 100,000 contacts those cost over a second).
        """
        query = Contact.select(
            Contact.id, Contact.given_name, Contact.family_name, Contact.job_title, Contact.company
        )
        # The cursor's own rows, not ``.tuples()``: its per-value converters are no-ops for
        # these integer and text columns and tripled the time of the read.
        rows = cast(list[tuple[int, str, str, str, str]], self._db.execute(query).fetchall())
        ordered = sorted(rows, key=lambda row: name_order(row[2], row[1], row[0]))
        return [
            ContactChoice(contact_id, join_name(given, family), job_title, company)
            for contact_id, given, family, job_title, company in ordered
        ]

    def count(self) -> int:
        return int(Contact.select().count())

    def get_contact(self, contact_id: int) -> ContactRecord:
        row = Contact.get_or_none(Contact.id == contact_id)
        if row is None:
            raise ContactNotFound(contact_id)
        return _record(row)

    def add_contact(self, card: ContactCard, *, photo: PhotoChange = KEEP_PHOTO) -> ContactRecord:
        """Store a new contact, with the photo of their card if ``photo`` is a PhotoUpload,
        in one transaction. Raises ValidationError (naming every field at fault, "photo"
        among them) having stored nothing."""
        card = self._checked(card, photo=photo)
        now = self._now()
        with self._db.atomic():
            row = Contact.create(created_at=now, updated_at=now, **dataclasses.asdict(card))
            card_photos.write_change(row.id, photo, now)
        return _record(row)

    def update_contact(
        self, contact_id: int, card: ContactCard, *, photo: PhotoChange = KEEP_PHOTO
    ) -> ContactRecord:
        """Save an edited card and its photo in one transaction: ``photo`` left out keeps
        the photo, None removes it, a PhotoUpload replaces it. Raises ValidationError or
        ContactNotFound having changed nothing."""
        card = self._checked(card, contact_id, photo=photo)
        with self._db.atomic():
            now = self._now()
            updated = (
                Contact.update(updated_at=now, **dataclasses.asdict(card))
                .where(Contact.id == contact_id)
                .execute()
            )
            if not updated:
                raise ContactNotFound(contact_id)
            card_photos.write_change(contact_id, photo, now)
        return self.get_contact(contact_id)

    def put_back(self, record: ContactRecord, *, photo: PhotoChange = KEEP_PHOTO) -> ContactRecord:
        """Write a stored contact back exactly as ``record`` holds it, times included: the
        undo (and redo) of an edit. An introducer deleted since is left out, as the schema
        would have done. ``photo`` puts back the photo as it was too: the StoredPhoto read
        before the edit, or None if there was none. Raises ContactNotFound if the contact
        itself is gone."""
        card_photos.check_change(photo)
        values = dataclasses.asdict(record)
        contact_id = values.pop("id")
        with self._db.atomic():
            introducer = record.introduced_by_id
            if introducer is not None and not self._exists(introducer):
                values["introduced_by_id"] = None
            updated = Contact.update(**values).where(Contact.id == contact_id).execute()
            if not updated:
                raise ContactNotFound(contact_id)
            card_photos.write_change(contact_id, photo, self._now())
        return self.get_contact(contact_id)

    def delete_contact(self, contact_id: int) -> ContactRecord:
        """Delete a contact with their follow-ups and card photo; return what was deleted.

        Events they shared with others stay (the others' history); events that were theirs
        alone go too. People they introduced keep their cards, without the introduction.
        """
        deleted = self.delete_contacts([contact_id])
        if not deleted.records:
            raise ContactNotFound(contact_id)
        return deleted.records[0]

    def delete_contacts(self, contact_ids: Iterable[int]) -> DeletedContacts:
        """Delete contacts as ``delete_contact`` does, all in one transaction, and return
        everything that went with them (for ``restore_deleted``). Ids that do not exist
        (deleted already) are passed over."""
        wanted = list(dict.fromkeys(contact_ids))
        with self._db.atomic():
            found = self._records(wanted)
            records = tuple(found[i] for i in wanted if i in found)
            rows = contact_snapshot.take(self._db, [r.id for r in records])
            contact_snapshot.delete(self._db, rows)
        return DeletedContacts(records, rows)

    def restore_deleted(self, deleted: DeletedContacts) -> list[ContactRecord]:
        """Put back every row ``delete_contacts`` removed, with its own ids, in one
        transaction; links to anything deleted since are left out.

        Raises ContactsNotRestored, having changed nothing, if an id is in use again or the
        database refuses a row.
        """
        names = [record.formal_name for record in deleted.records]
        try:
            with self._db.atomic():
                contact_snapshot.put_back(self._db, deleted.rows, names)
        except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
            who = names[0] if len(names) == 1 else f"the {len(names)} deleted contacts"
            raise ContactsNotRestored(
                f"Cannot bring back {who}: the database refused it ({exc}). Nothing was changed."
            ) from exc
        restored = self._records(deleted.ids)
        return [restored[i] for i in deleted.ids if i in restored]

    def count_follow_ups(self, contact_ids: Iterable[int]) -> int:
        """How many follow-ups (sent, pending or dismissed) these contacts have."""
        ids = list(contact_ids)
        total = 0
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            total += FollowUp.select().where(FollowUp.contact_id.in_(batch)).count()
        return total

    def names(self, contact_ids: Iterable[int]) -> dict[int, str]:
        """Formal names by id, for labels that mention other people."""
        ids = list(contact_ids)
        if not ids:
            return {}
        rows = Contact.select().where(Contact.id.in_(ids))
        return {row.id: _record(row).formal_name for row in rows}

    def _records(self, contact_ids: Iterable[int]) -> dict[int, ContactRecord]:
        ids = list(contact_ids)
        found: dict[int, ContactRecord] = {}
        for start in range(0, len(ids), _BATCH):
            query = Contact.select().where(Contact.id.in_(ids[start : start + _BATCH]))
            rows = cast(Iterable[dict[str, Any]], query.dicts())
            found.update((row["id"], ContactRecord(**row)) for row in rows)
        return found

    @staticmethod
    def _exists(contact_id: int) -> bool:
        return bool(Contact.select().where(Contact.id == contact_id).exists())

    def _now(self) -> datetime:
        # Stored to the second, so the record returned equals the one read back later.
        return self._clock().replace(microsecond=0)

    def _checked(
        self,
        card: ContactCard,
        contact_id: int | None = None,
        *,
        photo: PhotoChange = KEEP_PHOTO,
    ) -> ContactCard:
        card = card.normalised()
        errors = validate_card(card)
        if problem := card_photos.change_problem(photo):
            errors["photo"] = problem
        introducer = card.introduced_by_id
        if introducer is not None:
            if introducer == contact_id:
                errors["introduced_by_id"] = "A contact cannot have introduced themselves."
            elif not self._exists(introducer):
                errors["introduced_by_id"] = "The person who introduced them no longer exists."
        if errors:
            raise ValidationError(errors)
        return card
