"""Column headings: comparing them loosely, and telling the known formats by them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.domain.contact_formats import CSV_HEADERS
from desktop.domain.importing.source import SourceKind
from desktop.domain.text_folding import fold

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def spaced(header: str) -> str:
    """A heading folded to words: "E-mail 1 - Value" -> "e mail 1 value"."""
    return _NOT_WORD.sub(" ", fold(header)).strip()


def squashed(header: str) -> str:
    """A heading folded to letters and digits only: "E-mail Address" -> "emailaddress"."""
    return _NOT_WORD.sub("", fold(header))


_LINKEDIN = {"first name", "last name", "company", "position", "connected on"}
# Google numbers repeated fields with a dash: "E-mail 1 - Value" (Outlook: "E-mail 2 Address").
_GOOGLE_NUMBERED = re.compile(r"^(e-mail|phone|address|organization|website) \d+ - ", re.I)
_GOOGLE_NAMES = ({"first name", "last name"}, {"given name", "family name"})
_OUTLOOK = {"first name", "last name", "e mail address"}
_OUTLOOK_ANY = {"job title", "business street", "business phone", "e mail display name"}


def detect_kind(columns: Sequence[str]) -> SourceKind:
    """Which format a CSV file is in, from its column headings."""
    if tuple(columns) == CSV_HEADERS:
        return SourceKind.FOLLOWUP_DESK
    words = {spaced(column) for column in columns}
    if words >= _LINKEDIN:
        return SourceKind.LINKEDIN
    google_columns = "organization name" in words or any(
        _GOOGLE_NUMBERED.match(column.strip()) for column in columns
    )
    if google_columns and any(names <= words for names in _GOOGLE_NAMES):
        return SourceKind.GOOGLE
    if words >= _OUTLOOK and words & _OUTLOOK_ANY:
        return SourceKind.OUTLOOK
    return SourceKind.GENERIC_CSV
