"""Contacts to files other programs open: a CSV for spreadsheets, vCards for address books.

Both formats are the ones in ``contact_formats``, so the importer reads back exactly what is
written here: export then import gives the same cards, field for field, except
``introduced_by_id``. That is a link to another row of this database, meaningless in another
one, so it is not exported.
"""

from __future__ import annotations

import contextlib
import csv
import logging
import os
import tempfile
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

from desktop.domain.contact_formats import (
    CSV_COLUMNS,
    CSV_HEADERS,
    VCARD_CATEGORY,
    VCARD_MET_AT,
    VCARD_MET_ON,
    neutralise_cell,
)
from desktop.domain.contacts import ContactRecord

PRODID = "-//Follow-Up Desk//EN"
_FOLD_OCTETS = 75
_UNFOLDED = 2**31  # a line length vobject never folds at

log = logging.getLogger(__name__)


class ExportFormat(StrEnum):
    CSV = "csv"
    VCARD = "vcard"

    @property
    def label(self) -> str:
        return _FORMAT_LABELS[self]

    @property
    def suffix(self) -> str:
        """The file name suffix, with its dot: ".csv", ".vcf"."""
        return _FORMAT_SUFFIXES[self]

    @classmethod
    def for_path(cls, path: Path) -> ExportFormat | None:
        """The format a file name's suffix names (".csv", ".vcf", ".vcard"), if any."""
        return _FORMATS_BY_SUFFIX.get(path.suffix.lower())


_FORMAT_LABELS = {
    ExportFormat.CSV: "CSV (spreadsheet)",
    ExportFormat.VCARD: "vCard (address book)",
}
_FORMAT_SUFFIXES = {ExportFormat.CSV: ".csv", ExportFormat.VCARD: ".vcf"}
_FORMATS_BY_SUFFIX = {
    ".csv": ExportFormat.CSV,
    ".vcf": ExportFormat.VCARD,
    ".vcard": ExportFormat.VCARD,
}
# The text encoding of each file: the BOM tells Excel the CSV is UTF-8 (else accents break).
_ENCODINGS = {ExportFormat.CSV: "utf-8-sig", ExportFormat.VCARD: "utf-8"}


# -- CSV ------------------------------------------------------------------------------------
def _csv_cell(record: ContactRecord, field: str) -> str:
    value = getattr(record, field)
    if field == "met_on":
        return value.isoformat() if value is not None else ""
    return neutralise_cell(str(value))


def write_contacts_csv(records: Iterable[ContactRecord], stream: TextIO) -> int:
    """Write the header and one row per record; return how many rows.

    Open ``stream`` with ``newline=""`` (the csv module writes the "\\r\\n" line ends and
    keeps new lines inside notes) and, for a file, ``encoding="utf-8-sig"``. Every cell goes
    through ``neutralise_cell``, so no spreadsheet runs it as a formula.
    """
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    count = 0
    for record in records:
        writer.writerow([_csv_cell(record, field) for _header, field in CSV_COLUMNS])
        count += 1
    return count


# -- vCard ----------------------------------------------------------------------------------
def _text(text: str) -> str:
    # vCard has one escape for a line break (\n); a carriage return cannot survive it.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _add(card: Any, name: str, value: object, type_param: str | None = None) -> None:
    prop = card.add(name)
    prop.value = value
    if type_param is not None:
        prop.type_param = type_param


def contact_vcard(record: ContactRecord) -> Any:
    """One vCard 3.0 (a vobject component) for ``record``; empty properties are left out.

    N and FN are required by RFC 2426, so they are always there.
    """
    import vobject  # ~50 ms, and only vCards need it (the CSV export does not)

    card = vobject.vCard()
    _add(card, "prodid", PRODID)
    _add(
        card,
        "n",
        vobject.vcard.Name(
            family=_text(record.family_name),
            given=_text(record.given_name),
            prefix=_text(record.courtesy_title),
        ),
    )
    _add(card, "fn", _text(record.formal_name))
    if record.company or record.department:
        org = [record.company, record.department] if record.department else [record.company]
        _add(card, "org", [_text(part) for part in org])
    if record.job_title:
        _add(card, "title", _text(record.job_title))
    if record.email:
        _add(card, "email", _text(record.email), "INTERNET")
    if record.phone:
        _add(card, "tel", _text(record.phone), "WORK")
    address = (record.street, record.city, record.region, record.postal_code, record.country)
    if any(address):
        street, city, region, postal_code, country = (_text(part) for part in address)
        _add(
            card,
            "adr",
            vobject.vcard.Address(
                street=street, city=city, region=region, code=postal_code, country=country
            ),
            "WORK",
        )
    if record.notes:
        _add(card, "note", _text(record.notes))
    if record.category:
        _add(card, "categories", [_text(record.category_label)])
        _add(card, VCARD_CATEGORY.lower(), _text(record.category))
    if record.met_at:
        _add(card, VCARD_MET_AT.lower(), _text(record.met_at))
    if record.met_on is not None:
        _add(card, VCARD_MET_ON.lower(), record.met_on.isoformat())
    return card


def fold_line(line: str) -> str:
    """``line`` folded as RFC 2425 asks: at most 75 octets of UTF-8 per physical line, each
    continuation starting with a space, never splitting a character."""
    if len(line.encode("utf-8")) <= _FOLD_OCTETS:
        return line
    pieces: list[str] = []
    piece: list[str] = []
    size = 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > _FOLD_OCTETS:
            pieces.append("".join(piece))
            piece, size = [" "], 1
        piece.append(char)
        size += octets
    pieces.append("".join(piece))
    return "\r\n".join(pieces)


def write_contacts_vcard(records: Iterable[ContactRecord], stream: TextIO) -> int:
    """Write one vCard 3.0 per record, one after the other; return how many.

    vobject escapes commas, semicolons, backslashes and new lines; lines end with "\\r\\n"
    and are folded by ``fold_line``. Open ``stream`` with ``newline=""`` and, for a file,
    ``encoding="utf-8"``. A carriage return in a value becomes a new line: vCard has no
    escape for it.
    """
    count = 0
    for record in records:
        # vobject folds a line only when it has 75 characters, so a shorter line of CJK or
        # Arabic text may exceed 75 octets: it writes the lines whole, folded here instead.
        text: str = contact_vcard(record).serialize(lineLength=_UNFOLDED)
        for line in text.split("\r\n")[:-1]:
            stream.write(fold_line(line) + "\r\n")
        count += 1
    return count


# -- files ----------------------------------------------------------------------------------
_WRITERS: dict[ExportFormat, Callable[[Iterable[ContactRecord], TextIO], int]] = {
    ExportFormat.CSV: write_contacts_csv,
    ExportFormat.VCARD: write_contacts_vcard,
}


def export_contacts(records: Iterable[ContactRecord], path: Path, fmt: ExportFormat) -> int:
    """Write ``records`` to ``path`` in ``fmt``; return how many were written.

    The file is written next to ``path`` under a temporary name and moved over it only when
    complete, so a failure (a full disk, a bad record) leaves any earlier file as it was and
    no half-written one. The file is readable by its owner only (0600 on POSIX): it is an
    address book. Raises OSError when the file cannot be written.
    """
    # mkstemp creates the file with mode 0600 and a name nobody else can have taken.
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with open(fd, "w", encoding=_ENCODINGS[fmt], newline="") as stream:
            count = _WRITERS[fmt](records, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    log.info("Exported %d contacts as %s", count, fmt.value)
    return count
