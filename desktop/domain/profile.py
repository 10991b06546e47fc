"""The sender's profile: who signs the letters, and on what paper they print."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum

import peewee

from desktop.domain.contacts import email_problem
from desktop.domain.errors import ValidationError
from desktop.domain.letters import DEFAULT_CLOSING, Sender
from desktop.domain.models import Setting

_PREFIX = "profile."


class Paper(StrEnum):
    AUTOMATIC = ""  # from the system's locale: Letter in the US, A4 elsewhere
    LETTER = "letter"
    A4 = "a4"


class Envelope(StrEnum):
    AUTOMATIC = ""  # #10 with Letter paper, DL with A4
    COMM10 = "comm10"
    DL = "dl"


@dataclass(frozen=True, kw_only=True)
class Profile(Sender):
    """The sender as stored, plus how their letters print."""

    paper: str = Paper.AUTOMATIC.value
    envelope: str = Envelope.AUTOMATIC.value

    @property
    def is_set_up(self) -> bool:
        """A letter needs at least the name to sign it."""
        return bool(self.name.strip())

    def sender(self) -> Sender:
        """Just the sender (a blank closing falls back to the default one)."""
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(Sender)}
        values["closing"] = self.closing or DEFAULT_CLOSING
        return Sender(**values)


PROFILE_FIELDS = tuple(f.name for f in dataclasses.fields(Profile))


def validate_profile(profile: Profile) -> dict[str, str]:
    errors: dict[str, str] = {}
    if profile.paper not in {p.value for p in Paper}:
        errors["paper"] = f"“{profile.paper}” is not a paper size (Letter or A4)."
    if profile.envelope not in {e.value for e in Envelope}:
        errors["envelope"] = f"“{profile.envelope}” is not an envelope size (#10 or DL)."
    if profile.email and (problem := email_problem(profile.email)):
        errors["email"] = problem
    return errors


class ProfileService:
    """Stored as ``profile.*`` settings, so adding a field needs no schema change."""

    def __init__(self, db: peewee.SqliteDatabase) -> None:
        self._db = db

    def load(self) -> Profile:
        keys = [_PREFIX + name for name in PROFILE_FIELDS]
        stored = {
            row.key[len(_PREFIX) :]: row.value
            for row in Setting.select().where(Setting.key.in_(keys))
        }
        return Profile(**stored)

    def save(self, profile: Profile) -> Profile:
        trimmed = Profile(
            **{
                name: (value if name == "closing" else value.strip())
                for name in PROFILE_FIELDS
                for value in [getattr(profile, name)]
            }
        )
        if errors := validate_profile(trimmed):
            raise ValidationError(errors)
        with self._db.atomic():
            for name in PROFILE_FIELDS:
                Setting.insert(
                    key=_PREFIX + name, value=getattr(trimmed, name)
                ).on_conflict_replace().execute()
        return trimmed
