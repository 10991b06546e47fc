"""Contacts in and out of files: the one service the window and the command line both use.

Importing is read → (map columns) → plan → apply, each step its own call so a wizard can
show the plan and let the user decide about duplicates before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import peewee

from desktop.domain.clock import Clock
from desktop.domain.contact_search import ContactDirectory
from desktop.domain.contacts import ContactRecord
from desktop.domain.exporting import ExportFormat, export_contacts
from desktop.domain.importing import (
    DuplicateChoice,
    ImportPlan,
    ImportResult,
    ImportSource,
    apply_import,
    mapping_for,
    plan_import,
    read_import_file,
)

ColumnMapping = Mapping[str, str | None]
Progress = Callable[[int, int], bool]


class ContactTransfer:
    def __init__(self, db: peewee.SqliteDatabase, clock: Clock, directory: ContactDirectory):
        self._db = db
        self._clock = clock
        self._directory = directory

    # -- import ---------------------------------------------------------------------------
    def read(self, path: Path) -> ImportSource:
        """Read and recognise ``path``. Raises ImportFileError with a message for people."""
        return read_import_file(path)

    def mapping_for(self, source: ImportSource) -> dict[str, str | None]:
        return mapping_for(source)

    def plan(
        self, source: ImportSource, mapping: ColumnMapping, default_category: str | None = None
    ) -> ImportPlan:
        return plan_import(self._db, source, mapping, default_category)

    def apply(
        self,
        plan: ImportPlan,
        choices: Mapping[int, DuplicateChoice] | DuplicateChoice = DuplicateChoice.SKIP,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Write the plan in one transaction; ImportCancelled (from ``progress`` returning
        False) or any error leaves the database as it was."""
        return apply_import(self._db, plan, self._clock, choices, progress)

    # -- export ---------------------------------------------------------------------------
    def records(self, contact_ids: Sequence[int]) -> list[ContactRecord]:
        """The records of ``contact_ids`` in that order (deleted ones left out)."""
        listings = self._directory.listings(contact_ids)
        return [listings[i].record for i in contact_ids if i in listings]

    def export(self, contact_ids: Sequence[int], path: Path, fmt: ExportFormat) -> int:
        """Write the contacts to ``path`` (atomically); return how many were written."""
        return export_contacts(self.records(contact_ids), path, fmt)
