"""Importing contacts from LinkedIn, Google, Outlook, vCard and other CSV files.

``read_import_file`` reads and recognises a file; ``mapping_for`` says which card field
each column fills; ``plan_import`` sorts the records into new contacts, duplicates and
rejections without writing anything; ``apply_import`` writes the plan in one transaction.
"""

from __future__ import annotations

from desktop.domain.importing.apply import DuplicateChoice, ImportResult, apply_import
from desktop.domain.importing.cards import Candidate, Rejection
from desktop.domain.importing.errors import ImportCancelled, ImportFileError
from desktop.domain.importing.mapping import (
    FULL_NAME,
    IGNORE,
    MAPPABLE_FIELDS,
    NOTES,
    guess_mapping,
    mapping_for,
)
from desktop.domain.importing.plan import Duplicate, ImportPlan, plan_import
from desktop.domain.importing.reading import MAX_FILE_BYTES, read_import_bytes, read_import_file
from desktop.domain.importing.source import ImportSource, SourceKind, SourceRow

__all__ = [
    "FULL_NAME",
    "IGNORE",
    "MAPPABLE_FIELDS",
    "MAX_FILE_BYTES",
    "NOTES",
    "Candidate",
    "Duplicate",
    "DuplicateChoice",
    "ImportCancelled",
    "ImportFileError",
    "ImportPlan",
    "ImportResult",
    "ImportSource",
    "Rejection",
    "SourceKind",
    "SourceRow",
    "apply_import",
    "guess_mapping",
    "mapping_for",
    "plan_import",
    "read_import_bytes",
    "read_import_file",
]
