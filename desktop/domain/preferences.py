"""Preferences the rules depend on, stored in the database so the app and the CLI agree."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import peewee

from desktop.domain.errors import ValidationError
from desktop.domain.models import Setting
from desktop.domain.rules.cooldown import DEFAULT_COOLDOWN_DAYS

DEFAULT_KEEP_WARM_DAYS = 90


@dataclass(frozen=True)
class Preferences:
    cooldown_days: int = DEFAULT_COOLDOWN_DAYS
    keep_warm_days: int = DEFAULT_KEEP_WARM_DAYS


_LIMITS = {"cooldown_days": (0, 90), "keep_warm_days": (7, 730)}
_LABELS = {"cooldown_days": "Cool-down", "keep_warm_days": "Keep-warm reminder"}


def validate_preferences(preferences: Preferences) -> dict[str, str]:
    errors = {}
    for name, (low, high) in _LIMITS.items():
        value = getattr(preferences, name)
        if not low <= value <= high:
            errors[name] = f"{_LABELS[name]} must be between {low} and {high} days (got {value})."
    return errors


class PreferencesService:
    def __init__(self, db: peewee.SqliteDatabase) -> None:
        self._db = db

    def load(self) -> Preferences:
        stored = {row.key: row.value for row in Setting.select()}
        values: dict[str, int] = {}
        for field in dataclasses.fields(Preferences):
            raw = stored.get(field.name)
            if raw is None:
                continue
            try:
                values[field.name] = int(raw)
            except ValueError:
                continue  # edited by hand into nonsense: the default applies
        candidate = Preferences(**values)
        # A value out of range (edited by hand, or from an older rule) falls back to default.
        if errors := validate_preferences(candidate):
            defaults = Preferences()
            candidate = dataclasses.replace(
                candidate, **{name: getattr(defaults, name) for name in errors}
            )
        return candidate

    def save(self, preferences: Preferences) -> Preferences:
        if errors := validate_preferences(preferences):
            raise ValidationError(errors)
        with self._db.atomic():
            for field in dataclasses.fields(Preferences):
                Setting.insert(
                    key=field.name, value=str(getattr(preferences, field.name))
                ).on_conflict_replace().execute()
        return preferences
