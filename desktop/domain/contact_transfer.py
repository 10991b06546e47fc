"""Contacts in and out of files: the one service the window and the command line both use.

Importing is read → (map columns) → plan → apply, each step its own call so a wizard can
show the plan and let the user decide about duplicates before anything is written.

The importers and exporters (vobject, the format tables) are imported on first use: the
window is built at every start, a file moved in or out only now and then.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import peewee

from desktop.domain.backups import BackupKind, BackupService
from desktop.domain.clock import Clock
from desktop.domain.contact_search import ContactDirectory
from desktop.domain.contacts import ContactRecord

if TYPE_CHECKING:
    from desktop.domain.exporting import ExportFormat
    from desktop.domain.importing import DuplicateChoice, ImportPlan, ImportResult, ImportSource

ColumnMapping = Mapping[str, str | None]
Progress = Callable[[int, int], bool]


class ContactTransfer:
    def __init__(
        self,
        db: peewee.SqliteDatabase,
        clock: Clock,
        directory: ContactDirectory,
        backups: BackupService,
    ):
        self._db = db
        self._clock = clock
        self._directory = directory
        self._backups = backups

    # -- import ---------------------------------------------------------------------------
    def read(self, path: Path) -> ImportSource:
        """Read and recognise ``path``. Raises ImportFileError with a message for people."""
        from desktop.domain.importing import read_import_file

        return read_import_file(path)

    def mapping_for(self, source: ImportSource) -> dict[str, str | None]:
        from desktop.domain.importing import mapping_for

        return mapping_for(source)

    def plan(
        self, source: ImportSource, mapping: ColumnMapping, default_category: str | None = None
    ) -> ImportPlan:
        from desktop.domain.importing import plan_import

        return plan_import(self._db, source, mapping, default_category)

    def apply(
        self,
        plan: ImportPlan,
        choices: Mapping[int, DuplicateChoice] | DuplicateChoice | None = None,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Write the plan in one transaction; ImportCancelled (from ``progress`` returning
        False) or any error leaves the database as it was. No choices: skip duplicates.

        A copy of the database (kind BEFORE_IMPORT) is written first; BackupError if it
        cannot be, and then nothing is imported."""
        from desktop.domain.importing import DuplicateChoice, apply_import

        self._backups.before(BackupKind.BEFORE_IMPORT)
        chosen = DuplicateChoice.SKIP if choices is None else choices
        return apply_import(self._db, plan, self._clock, chosen, progress)

    # -- export ---------------------------------------------------------------------------
    def records(self, contact_ids: Sequence[int]) -> list[ContactRecord]:
        """The records of ``contact_ids`` in that order (deleted ones left out)."""
        listings = self._directory.listings(contact_ids)
        return [listings[i].record for i in contact_ids if i in listings]

    def export(self, contact_ids: Sequence[int], path: Path, fmt: ExportFormat) -> int:
        """Write the contacts to ``path`` (atomically); return how many were written."""
        from desktop.domain.exporting import export_contacts

        return export_contacts(self.records(contact_ids), path, fmt)
