"""Which templates exist: the built-ins shipped with the app, the user's edits of them, and
the user's own copies. Bodies that do not render are refused, so the last good one stays."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import peewee

from desktop.domain.clock import Clock
from desktop.domain.errors import FollowUpDeskError, ValidationError
from desktop.domain.models import LetterTemplate
from desktop.domain.templates import builtin_template_body, check_template
from desktop.domain.vocabulary import Situation

BUILTIN_PREFIX = "builtin:"
USER_PREFIX = "user:"


class TemplateNotFound(FollowUpDeskError):
    def __init__(self, key: str) -> None:
        super().__init__(f"No letter template “{key}” exists (it may have been deleted).")


@dataclass(frozen=True)
class TemplateRecord:
    key: str  # "builtin:<situation>" or "user:<id>"
    situation: Situation
    name: str
    body: str
    is_builtin: bool
    is_modified: bool = False  # a built-in the user has edited (it can be reset)

    @property
    def label(self) -> str:
        if self.is_builtin:
            return f"{self.name} (edited)" if self.is_modified else self.name
        return self.name


def builtin_name(situation: Situation) -> str:
    return f"Standard: {situation.label.lower()}"


class TemplateService:
    def __init__(self, db: peewee.SqliteDatabase, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def _now(self) -> datetime:
        return self._clock().replace(microsecond=0)

    def list_templates(self, situation: Situation | None = None) -> list[TemplateRecord]:
        """Per situation: the built-in first, then the user's copies by name."""
        situations = [situation] if situation is not None else list(Situation)
        rows = LetterTemplate.select().where(
            LetterTemplate.situation.in_([s.value for s in situations])
        )
        overrides = {r.situation: r for r in rows if r.overrides_builtin}
        copies = sorted(
            (r for r in rows if not r.overrides_builtin), key=lambda r: r.name.casefold()
        )
        records: list[TemplateRecord] = []
        for current in situations:
            records.append(self._builtin(current, overrides.get(current.value)))
            records.extend(self._copy(r) for r in copies if r.situation == current.value)
        return records

    def get(self, key: str) -> TemplateRecord:
        if key.startswith(BUILTIN_PREFIX):
            try:
                situation = Situation(key[len(BUILTIN_PREFIX) :])
            except ValueError as exc:
                raise TemplateNotFound(key) from exc
            override = LetterTemplate.get_or_none(
                (LetterTemplate.situation == situation.value) & LetterTemplate.overrides_builtin
            )
            return self._builtin(situation, override)
        row = self._user_row(key)
        return self._copy(row)

    def default_for(self, situation: Situation) -> TemplateRecord:
        return self.get(BUILTIN_PREFIX + situation.value)

    def save_body(self, key: str, body: str) -> TemplateRecord:
        """Store a new body. One that does not render is refused: the last good one stays."""
        if problem := check_template(body):
            raise ValidationError({"body": str(problem)})
        record = self.get(key)
        now = self._now()
        with self._db.atomic():
            if record.is_builtin:
                if body == builtin_template_body(record.situation):
                    self.reset_builtin(record.situation)
                else:
                    updated = (
                        LetterTemplate.update(body=body, updated_at=now)
                        .where(
                            (LetterTemplate.situation == record.situation.value)
                            & LetterTemplate.overrides_builtin
                        )
                        .execute()
                    )
                    if not updated:
                        LetterTemplate.create(
                            situation=record.situation.value,
                            name=builtin_name(record.situation),
                            body=body,
                            overrides_builtin=True,
                            created_at=now,
                            updated_at=now,
                        )
            else:
                LetterTemplate.update(body=body, updated_at=now).where(
                    LetterTemplate.id == self._user_row(key).id
                ).execute()
        return self.get(key)

    def duplicate(self, key: str, name: str) -> TemplateRecord:
        source = self.get(key)
        name = self._checked_name(source.situation, name)
        now = self._now()
        with self._db.atomic():
            row = LetterTemplate.create(
                situation=source.situation.value,
                name=name,
                body=source.body,
                overrides_builtin=False,
                created_at=now,
                updated_at=now,
            )
        return self._copy(row)

    def rename(self, key: str, name: str) -> TemplateRecord:
        row = self._user_row(key)
        if name.strip() == row.name:
            return self._copy(row)
        name = self._checked_name(Situation(row.situation), name, renaming=row.name)
        with self._db.atomic():
            LetterTemplate.update(name=name, updated_at=self._now()).where(
                LetterTemplate.id == row.id
            ).execute()
        return self.get(key)

    def delete(self, key: str) -> TemplateRecord:
        record = self.get(key)
        if record.is_builtin:
            raise ValidationError(
                {"key": "Built-in templates cannot be deleted; reset them instead."}
            )
        with self._db.atomic():
            LetterTemplate.delete().where(LetterTemplate.id == self._user_row(key).id).execute()
        return record

    def reset_builtin(self, situation: Situation) -> TemplateRecord:
        with self._db.atomic():
            LetterTemplate.delete().where(
                (LetterTemplate.situation == situation.value) & LetterTemplate.overrides_builtin
            ).execute()
        return self.default_for(situation)

    # -- helpers --------------------------------------------------------------------------
    def _checked_name(self, situation: Situation, name: str, renaming: str = "") -> str:
        name = name.strip()
        if not name:
            raise ValidationError({"name": "Give the template a name."})
        # A copy may be renamed to a new spelling of its own name ("mine" -> "Mine").
        taken = {
            r.name.casefold()
            for r in self.list_templates(situation)
            if r.is_builtin or r.name != renaming
        }
        taken.add(builtin_name(situation).casefold())
        if name.casefold() in taken:
            raise ValidationError({"name": f"A template called “{name}” already exists."})
        return name

    @staticmethod
    def _user_row(key: str) -> LetterTemplate:
        if not key.startswith(USER_PREFIX) or not key[len(USER_PREFIX) :].isdigit():
            raise TemplateNotFound(key)
        row = LetterTemplate.get_or_none(
            (LetterTemplate.id == int(key[len(USER_PREFIX) :]))
            & (LetterTemplate.overrides_builtin == False)  # noqa: E712 - SQL, not Python
        )
        if row is None:
            raise TemplateNotFound(key)
        return row

    @staticmethod
    def _builtin(situation: Situation, override: LetterTemplate | None) -> TemplateRecord:
        return TemplateRecord(
            key=BUILTIN_PREFIX + situation.value,
            situation=situation,
            name=builtin_name(situation),
            body=override.body if override is not None else builtin_template_body(situation),
            is_builtin=True,
            is_modified=override is not None,
        )

    @staticmethod
    def _copy(row: LetterTemplate) -> TemplateRecord:
        return TemplateRecord(
            key=f"{USER_PREFIX}{row.id}",
            situation=Situation(row.situation),
            name=row.name,
            body=row.body,
            is_builtin=False,
        )
