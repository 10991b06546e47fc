"""Peewee models. They are bound to a database through ``database_proxy`` at start-up.

The schema itself is created by the migrations (``migrations.py``), not by ``create_tables``,
so that every version of the schema is written down once and upgrades are tested.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import peewee

database_proxy = peewee.DatabaseProxy()


class UtcDateTimeField(peewee.TextField):
    """An aware datetime stored as ISO 8601 text in UTC, so it sorts and reads unambiguously."""

    def db_value(self, value: datetime | None) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; pass an aware datetime")
        return value.astimezone(UTC).isoformat(timespec="seconds")

    def python_value(self, value: Any) -> datetime | None:
        if value is None:
            return None
        return datetime.fromisoformat(str(value)).astimezone(UTC)


class BaseModel(peewee.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Contact(BaseModel):
    """A person who can affect the search, spelled exactly as on their business card."""

    id = peewee.AutoField()
    courtesy_title = peewee.TextField(default="")
    given_name = peewee.TextField(default="")
    family_name = peewee.TextField(default="")
    job_title = peewee.TextField(default="")
    company = peewee.TextField(default="")
    department = peewee.TextField(default="")
    email = peewee.TextField(default="")
    phone = peewee.TextField(default="")
    street = peewee.TextField(default="")
    city = peewee.TextField(default="")
    region = peewee.TextField(default="")
    postal_code = peewee.TextField(default="")
    country = peewee.TextField(default="")
    category = peewee.TextField()
    met_at = peewee.TextField(default="")
    met_on = peewee.DateField(null=True)
    notes = peewee.TextField(default="")
    # A plain id: the constraint (ON DELETE SET NULL) lives in the schema, and rows read as
    # dicts map straight onto ContactRecord.
    introduced_by_id = peewee.IntegerField(null=True)
    created_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()

    class Meta:
        table_name = "contact"


class Opportunity(BaseModel):
    """A company + position the user is pursuing, with where it stands."""

    id = peewee.AutoField()
    company = peewee.TextField(default="")
    position = peewee.TextField(default="")
    status = peewee.TextField()
    notes = peewee.TextField(default="")
    created_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()


class OpportunityContact(BaseModel):
    """A person in an opportunity's hiring process."""

    opportunity_id = peewee.IntegerField()
    contact_id = peewee.IntegerField()

    class Meta:
        primary_key = peewee.CompositeKey("opportunity_id", "contact_id")


class Event(BaseModel):
    """Something that happened (an interview, a resume sent) with one or more people."""

    id = peewee.AutoField()
    kind = peewee.TextField()
    occurred_at = UtcDateTimeField()
    discussed = peewee.TextField(default="")
    opportunity_id = peewee.IntegerField(null=True)
    created_at = UtcDateTimeField()


class EventContact(BaseModel):
    event_id = peewee.IntegerField()
    contact_id = peewee.IntegerField()

    class Meta:
        primary_key = peewee.CompositeKey("event_id", "contact_id")


class FollowUp(BaseModel):
    """One follow-up owed to one person: its window, the advice, and what was done."""

    id = peewee.AutoField()
    contact_id = peewee.IntegerField()
    event_id = peewee.IntegerField(null=True)
    previous_id = peewee.IntegerField(null=True)
    situation = peewee.TextField()
    opens_at = UtcDateTimeField()
    target_at = UtcDateTimeField()
    closes_at = UtcDateTimeField()
    recommended_channel = peewee.TextField()
    status = peewee.TextField(default="pending")
    sent_at = UtcDateTimeField(null=True)
    sent_channel = peewee.TextField(null=True)
    summary = peewee.TextField(default="")
    override_note = peewee.TextField(default="")
    created_at = UtcDateTimeField()


class LetterTemplate(BaseModel):
    id = peewee.AutoField()
    situation = peewee.TextField()
    name = peewee.TextField()
    body = peewee.TextField()
    overrides_builtin = peewee.BooleanField(default=False)
    created_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()


class Letter(BaseModel):
    """A letter as it left the app: printed, saved as PDF, emailed or copied."""

    id = peewee.AutoField()
    contact_id = peewee.IntegerField()
    follow_up_id = peewee.IntegerField(null=True)
    situation = peewee.TextField()
    template_name = peewee.TextField()
    final_text = peewee.TextField()
    channel = peewee.TextField()
    output = peewee.TextField()
    created_at = UtcDateTimeField()


class CardPhoto(BaseModel):
    """The photo of a contact's business card: one per contact, the image bytes themselves.

    Kept in the database (not beside it) so that backups, restores, and the undo of a delete
    carry it with the card. The constraint to ``contact`` (ON DELETE CASCADE) lives in the
    schema, as ``Contact.introduced_by_id``'s does.
    """

    contact_id = peewee.IntegerField(primary_key=True)
    media_type = peewee.TextField()
    data = peewee.BlobField()
    width = peewee.IntegerField(null=True)
    height = peewee.IntegerField(null=True)
    added_at = UtcDateTimeField()

    class Meta:
        table_name = "card_photo"


class Setting(BaseModel):
    key = peewee.TextField(primary_key=True)
    value = peewee.TextField()


ALL_MODELS: tuple[type[BaseModel], ...] = (
    Contact,
    Opportunity,
    OpportunityContact,
    Event,
    EventContact,
    FollowUp,
    LetterTemplate,
    Letter,
    CardPhoto,
    Setting,
)
