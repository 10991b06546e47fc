"""What an import file holds once read: its format, its columns and its records."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SourceKind(StrEnum):
    """The formats the importer recognises; each known format has a fixed column mapping."""

    LINKEDIN = "linkedin"
    GOOGLE = "google"
    OUTLOOK = "outlook"
    FOLLOWUP_DESK = "followup-desk"  # our own CSV, contact_formats.CSV_HEADERS
    GENERIC_CSV = "generic-csv"
    VCARD = "vcard"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    SourceKind.LINKEDIN: "LinkedIn connections",
    SourceKind.GOOGLE: "Google Contacts CSV",
    SourceKind.OUTLOOK: "Outlook contacts CSV",
    SourceKind.FOLLOWUP_DESK: "Follow-Up Desk CSV",
    SourceKind.GENERIC_CSV: "CSV file",
    SourceKind.VCARD: "vCard file",
}


@dataclass(frozen=True)
class SourceRow:
    """One record of the file, as text.

    ``line`` is the 1-based physical line where the record starts (a quoted newline in a
    cell does not shift it; for a vCard it is the line of BEGIN:VCARD). ``extra`` holds
    non-empty cells found past the last column; ``problem`` says why a record could not be
    read at all (a broken vCard), which turns it into a rejection.
    """

    line: int
    values: dict[str, str]
    extra: tuple[str, ...] = field(default=())
    problem: str = ""


@dataclass(frozen=True)
class ImportSource:
    """A whole file, read and decoded. ``delimiter`` is None for vCards."""

    path_name: str
    kind: SourceKind
    columns: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    encoding: str
    delimiter: str | None
