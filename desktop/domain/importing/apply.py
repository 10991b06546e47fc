"""Writing a planned import: all of it in one transaction, or none of it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any, cast

import peewee

from desktop.domain.clock import Clock
from desktop.domain.contact_search import ContactDirectory
from desktop.domain.contacts import CARD_FIELDS, ContactCard
from desktop.domain.importing.cards import Candidate
from desktop.domain.importing.errors import ImportCancelled
from desktop.domain.importing.plan import ImportPlan
from desktop.domain.models import Contact

# Rows per INSERT: 19 columns x 500 rows stays far below SQLite's 32,766 parameters.
_BATCH = 500
_TEXT_FIELDS = tuple(name for name in CARD_FIELDS if name != "met_on")
_COLUMNS = (*_TEXT_FIELDS, "met_on", "created_at", "updated_at")


class DuplicateChoice(StrEnum):
    SKIP = "skip"
    UPDATE = "update"  # overwrite what the file gives; keep what it leaves blank
    KEEP_BOTH = "keep-both"

    @property
    def label(self) -> str:
        return _CHOICE_LABELS[self]


_CHOICE_LABELS = {
    DuplicateChoice.SKIP: "Skip",
    DuplicateChoice.UPDATE: "Update the existing contact",
    DuplicateChoice.KEEP_BOTH: "Keep both",
}


@dataclass(frozen=True)
class ImportResult:
    """What an import did. ``updated`` counts existing contacts changed and duplicates of
    an earlier record merged into it; ``skipped`` counts duplicates left as they were."""

    added: int
    updated: int
    skipped: int
    rejected: int


Progress = Callable[[int, int], bool]


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None  # as peewee's DateField stores it


def _merged(card: ContactCard, candidate: Candidate) -> ContactCard:
    return dataclasses.replace(card, **_changes(dataclasses.asdict(card), candidate))


def _changes(existing: Mapping[str, Any], candidate: Candidate) -> dict[str, Any]:
    """The fields ``candidate`` overwrites on ``existing``: those the file gave a value.
    Notes are added to, not replaced: they are often the user's own."""
    card = candidate.card
    provided = candidate.provided or frozenset(CARD_FIELDS)
    changes: dict[str, Any] = {}
    for name in CARD_FIELDS:
        value = getattr(card, name)
        if name not in provided or value in ("", None):
            continue
        if name == "notes":
            old = str(existing.get("notes") or "")
            if value in old:
                continue
            value = f"{old}\n{value}" if old else value
        if existing.get(name) != value:
            changes[name] = value
    return changes


class _Writer:
    def __init__(self, db: peewee.SqliteDatabase, now: datetime, progress: Progress | None):
        self.db = db
        self.now = now
        self.progress = progress
        self.done = 0
        self.total = 0

    def report(self) -> None:
        if self.progress is not None and self.progress(self.done, self.total) is False:
            raise ImportCancelled()

    def insert(self, cards: list[ContactCard]) -> None:
        # One prepared INSERT run over each batch: building a 500-row Contact.insert_many
        # costs peewee four times what SQLite needs to store the rows.
        fields = [Contact._meta.fields[name] for name in _COLUMNS]
        columns = ", ".join(field.column_name for field in fields)
        marks = ", ".join("?" * len(fields))
        sql = f"INSERT INTO {Contact._meta.table_name} ({columns}) VALUES ({marks})"
        stamp = Contact.created_at.db_value(self.now)
        for start in range(0, len(cards), _BATCH):
            chunk = cards[start : start + _BATCH]
            rows = [
                (*(getattr(card, name) for name in _TEXT_FIELDS), _iso(card.met_on), stamp, stamp)
                for card in chunk
            ]
            self.db.cursor().executemany(sql, rows)
            self.done += len(chunk)
            self.report()

    def update(self, updates: list[tuple[int, Candidate]]) -> tuple[int, list[ContactCard]]:
        """Apply ``updates``; return how many contacts changed, and the cards of those
        that no longer exist (to add instead, so nothing from the file is lost)."""
        changed = 0
        vanished: list[ContactCard] = []
        for start in range(0, len(updates), _BATCH):
            chunk = updates[start : start + _BATCH]
            ids = [contact_id for contact_id, _candidate in chunk]
            query = Contact.select().where(Contact.id.in_(ids)).dicts()
            rows = cast(Iterable[dict[str, Any]], query.execute(self.db))
            existing = {row["id"]: row for row in rows}
            for contact_id, candidate in chunk:
                if contact_id not in existing:
                    vanished.append(candidate.card)
                    continue
                changes = _changes(existing[contact_id], candidate)
                if changes:
                    update = Contact.update(updated_at=self.now, **changes)
                    update.where(Contact.id == contact_id).execute(self.db)
                    changed += 1
            self.done += len(chunk)
            self.report()
        return changed, vanished


def apply_import(
    db: peewee.SqliteDatabase,
    plan: ImportPlan,
    clock: Clock,
    choices: Mapping[int, DuplicateChoice] | DuplicateChoice = DuplicateChoice.SKIP,
    progress: Progress | None = None,
) -> ImportResult:
    """Write ``plan`` in one transaction and bring the search index up to date.

    ``choices`` says what to do with each of ``plan.duplicates`` (by index; SKIP if
    missing), or with all of them. ``progress(done, total)`` is called every few hundred
    contacts; if it returns False the import stops with ImportCancelled and the database
    is left exactly as it was, as it is after any other failure.
    """
    inserts: dict[int, ContactCard] = {c.line: c.card for c in plan.new}
    updates: list[tuple[int, Candidate]] = []
    merged = skipped = 0
    for index, duplicate in enumerate(plan.duplicates):
        choice = choices if isinstance(choices, DuplicateChoice) else choices.get(index)
        candidate = duplicate.candidate
        if choice is DuplicateChoice.KEEP_BOTH:
            inserts[candidate.line] = candidate.card
        elif choice is DuplicateChoice.UPDATE and duplicate.existing_id is not None:
            updates.append((duplicate.existing_id, candidate))
        elif choice is DuplicateChoice.UPDATE and duplicate.earlier_line in inserts:
            line = duplicate.earlier_line
            inserts[line] = _merged(inserts[line], candidate)
            merged += 1
        elif choice is DuplicateChoice.UPDATE:
            inserts[candidate.line] = candidate.card
        else:
            skipped += 1
    cards = [inserts[line] for line in sorted(inserts)]  # ids in the order of the file

    writer = _Writer(db, clock().replace(microsecond=0), progress)
    writer.total = len(cards) + len(updates)
    with db.atomic():
        writer.report()
        changed, vanished = writer.update(updates)
        writer.insert(cards + vanished)
        ContactDirectory(db, clock).refresh_index()
        writer.report()
    return ImportResult(
        added=len(cards) + len(vanished),
        updated=changed + merged,
        skipped=skipped + len(updates) - changed - len(vanished),
        rejected=len(plan.rejected),
    )
