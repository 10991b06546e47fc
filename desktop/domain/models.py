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
    notes = peewee.TextField(default="")
    created_at = UtcDateTimeField()
    updated_at = UtcDateTimeField()

    class Meta:
        table_name = "contact"


ALL_MODELS: tuple[type[BaseModel], ...] = (Contact,)
