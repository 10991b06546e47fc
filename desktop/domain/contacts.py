"""Contacts: the card a user types in, the rows the UI shows, and the service that saves them."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

import peewee

from desktop.domain.categories import COURTESY_TITLES, DEFAULT_CATEGORY, Category
from desktop.domain.clock import Clock
from desktop.domain.errors import ContactNotFound, ValidationError
from desktop.domain.models import Contact, Event, EventContact


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
        return " ".join(part for part in (self.given_name, self.family_name) if part)

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
PLAIN_EMAIL = re.compile(
    r"(?=[^@]{1,64}@)[a-z0-9_+-]+(?:\.[a-z0-9_+-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}",
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
    """The order of the contacts list: family, then given name, ignoring case in any script.

    SQLite's lower() folds only A-Z ("Ölund" would follow "öberg"), so sorting is done here.
    """
    return (record.family_name.casefold(), record.given_name.casefold(), record.id)


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

    def count(self) -> int:
        return int(Contact.select().count())

    def get_contact(self, contact_id: int) -> ContactRecord:
        row = Contact.get_or_none(Contact.id == contact_id)
        if row is None:
            raise ContactNotFound(contact_id)
        return _record(row)

    def add_contact(self, card: ContactCard) -> ContactRecord:
        card = self._checked(card)
        now = self._now()
        with self._db.atomic():
            row = Contact.create(created_at=now, updated_at=now, **dataclasses.asdict(card))
        return _record(row)

    def update_contact(self, contact_id: int, card: ContactCard) -> ContactRecord:
        card = self._checked(card, contact_id)
        with self._db.atomic():
            updated = (
                Contact.update(updated_at=self._now(), **dataclasses.asdict(card))
                .where(Contact.id == contact_id)
                .execute()
            )
            if not updated:
                raise ContactNotFound(contact_id)
        return self.get_contact(contact_id)

    def delete_contact(self, contact_id: int) -> ContactRecord:
        """Delete a contact with their follow-ups; return what was deleted.

        Events they shared with others stay (the others' history); events that were theirs
        alone go too. People they introduced keep their cards, without the introduction.
        """
        with self._db.atomic():
            record = self.get_contact(contact_id)
            own_events = [
                row.event_id
                for row in EventContact.select(EventContact.event_id).where(
                    EventContact.contact_id == contact_id
                )
            ]
            Contact.delete().where(Contact.id == contact_id).execute()
            if own_events:
                still_shared = EventContact.select(EventContact.event_id).where(
                    EventContact.event_id.in_(own_events)
                )
                Event.delete().where(
                    Event.id.in_(own_events) & Event.id.not_in(still_shared)
                ).execute()
        return record

    def names(self, contact_ids: Iterable[int]) -> dict[int, str]:
        """Formal names by id, for labels that mention other people."""
        ids = list(contact_ids)
        if not ids:
            return {}
        rows = Contact.select().where(Contact.id.in_(ids))
        return {row.id: _record(row).formal_name for row in rows}

    def _now(self) -> datetime:
        # Stored to the second, so the record returned equals the one read back later.
        return self._clock().replace(microsecond=0)

    def _checked(self, card: ContactCard, contact_id: int | None = None) -> ContactCard:
        card = card.normalised()
        errors = validate_card(card)
        introducer = card.introduced_by_id
        if introducer is not None:
            if introducer == contact_id:
                errors["introduced_by_id"] = "A contact cannot have introduced themselves."
            elif not Contact.select().where(Contact.id == introducer).exists():
                errors["introduced_by_id"] = "The person who introduced them no longer exists."
        if errors:
            raise ValidationError(errors)
        return card
