"""Preferences the rules depend on, stored in the database so the app and the CLI agree."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import peewee

from desktop.domain.appearance import Theme
from desktop.domain.errors import ValidationError
from desktop.domain.models import Setting
from desktop.domain.rules.cooldown import DEFAULT_COOLDOWN_DAYS
from desktop.domain.vocabulary import Channel

DEFAULT_KEEP_WARM_DAYS = 90


# The channels a follow-up can be recommended by default: a phone call is never the advice.
DEFAULT_CHANNELS = (Channel.TYPED_LETTER, Channel.HANDWRITTEN_NOTE, Channel.EMAIL)


@dataclass(frozen=True)
class Preferences:
    cooldown_days: int = DEFAULT_COOLDOWN_DAYS
    keep_warm_days: int = DEFAULT_KEEP_WARM_DAYS
    # Direct mail first, as the guide advises; the card's details still decide when they
    # rule it out (no postal address: email; no email: mail).
    default_channel: Channel = Channel.TYPED_LETTER
    theme: Theme = Theme.SYSTEM


_LIMITS = {"cooldown_days": (0, 90), "keep_warm_days": (7, 730)}
_LABELS = {"cooldown_days": "Cool-down", "keep_warm_days": "Keep-warm reminder"}


def validate_preferences(preferences: Preferences) -> dict[str, str]:
    """A sentence per field that is out of range or not one of its choices."""
    errors = {}
    for name, (low, high) in _LIMITS.items():
        value = getattr(preferences, name)
        if not isinstance(value, int) or not low <= value <= high:
            errors[name] = f"{_LABELS[name]} must be between {low} and {high} days (got {value})."
    if preferences.default_channel not in DEFAULT_CHANNELS:
        choices = ", ".join(c.label.lower() for c in DEFAULT_CHANNELS)
        errors["default_channel"] = (
            f"The usual way to follow up must be one of: {choices} "
            f"(got “{preferences.default_channel}”)."
        )
    if preferences.theme not in tuple(Theme):
        errors["theme"] = (
            f"The appearance must be system, light or dark (got “{preferences.theme}”)."
        )
    return errors


# How each field is read back from its stored text; ValueError means "not a value".
_PARSERS: dict[str, Callable[[str], Any]] = {
    "cooldown_days": int,
    "keep_warm_days": int,
    "default_channel": Channel,
    "theme": Theme,
}


class PreferencesService:
    def __init__(self, db: peewee.SqliteDatabase) -> None:
        self._db = db

    def load(self) -> Preferences:
        stored = {row.key: row.value for row in Setting.select()}
        values: dict[str, Any] = {}
        for field in dataclasses.fields(Preferences):
            raw = stored.get(field.name)
            if raw is None:
                continue
            try:
                values[field.name] = _PARSERS[field.name](raw)
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
        """Store every preference in one transaction; raises ValidationError (nothing is
        stored) when one is out of range or not one of its choices."""
        if errors := validate_preferences(preferences):
            raise ValidationError(errors)
        with self._db.atomic():
            for field in dataclasses.fields(Preferences):
                Setting.insert(
                    key=field.name, value=str(getattr(preferences, field.name))
                ).on_conflict_replace().execute()
        return preferences
