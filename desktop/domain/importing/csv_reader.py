"""Reading CSV exports: the heading line, the delimiter, records that span lines."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from desktop.domain.contact_formats import restore_cell
from desktop.domain.importing.columns import detect_kind, spaced
from desktop.domain.importing.errors import ImportFileError
from desktop.domain.importing.source import ImportSource, SourceKind, SourceRow

_DELIMITERS = (",", ";", "\t", "|")
# LinkedIn puts a "Notes:" paragraph above its headings; look this far for them.
_PREAMBLE_LINES = 30
_LINKEDIN_HEADINGS = ("first name", "last name", "connected on")


def read_csv(text: str, name: str, encoding: str) -> ImportSource:
    # newline="" splits physical lines at \r\n, \n or \r only, as the csv module does.
    lines = list(io.StringIO(text, newline=""))
    start = _heading_index(lines)
    delimiter = _delimiter(lines[start])
    # csv refuses cells over 131,072 characters by default (long notes); the file-size
    # limit already bounds them. The limit is process-wide, so it is put back afterwards.
    cell_limit = csv.field_size_limit()
    csv.field_size_limit(max(cell_limit, len(text) + 1))
    try:
        return _source(lines, start, delimiter, name, encoding)
    finally:
        csv.field_size_limit(cell_limit)


def _source(lines: list[str], start: int, delimiter: str, name: str, encoding: str) -> ImportSource:
    records = _records(lines, start, delimiter, name)
    try:
        _line, heading = next(records)
    except StopIteration:
        raise ImportFileError(f"“{name}” is empty: there are no contacts in it.") from None
    columns = _column_names(heading)
    kind = detect_kind(columns)
    rows: list[SourceRow] = []
    for line, cells in records:
        if kind is SourceKind.FOLLOWUP_DESK:
            cells = [restore_cell(cell) for cell in cells]
        values = dict(zip(columns, cells, strict=False))
        for column in columns[len(cells) :]:
            values[column] = ""
        extra = tuple(cell for cell in cells[len(columns) :] if cell.strip())
        rows.append(SourceRow(line, values, extra))
    if not rows:
        raise ImportFileError(f"“{name}” has column headings but no contacts below them.")
    return ImportSource(
        path_name=name,
        kind=kind,
        columns=columns,
        rows=tuple(rows),
        encoding=encoding,
        delimiter=delimiter,
    )


def _records(
    lines: list[str], start: int, delimiter: str, name: str
) -> Iterator[tuple[int, list[str]]]:
    """Non-blank records from ``lines[start]`` on, each with the physical line it starts
    on (1-based): the reader counts the lines it has consumed."""
    reader = csv.reader(iter(lines[start:]), delimiter=delimiter)
    while True:
        line = start + reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(f"“{name}” cannot be read as CSV at line {line}: {exc}.") from exc
        if any(cell.strip() for cell in cells):
            yield line, cells


def _heading_index(lines: list[str]) -> int:
    """The index of the heading line: LinkedIn's after its preamble, else the first used."""
    for index, line in enumerate(lines[:_PREAMBLE_LINES]):
        words = spaced(line)
        if all(heading in words for heading in _LINKEDIN_HEADINGS):
            return index
    for index, line in enumerate(lines):
        if line.strip():
            return index
    return 0


def _delimiter(heading: str) -> str:
    """The delimiter used most often outside quotes in the heading line (comma if none)."""
    counts = dict.fromkeys(_DELIMITERS, 0)
    quoted = False
    for ch in heading:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(_DELIMITERS, key=lambda d: counts[d])  # ties keep the earlier, the comma first
    return best if counts[best] else ","


def _column_names(heading: list[str]) -> tuple[str, ...]:
    """Headings trimmed, blanks named by position, repeats numbered, so each is a key."""
    names: list[str] = []
    seen: set[str] = set()
    for position, cell in enumerate(heading, start=1):
        base = cell.strip().strip("\ufeff").strip() or f"Column {position}"
        unique, copy = base, 2
        while unique in seen:
            unique = f"{base} ({copy})"
            copy += 1
        seen.add(unique)
        names.append(unique)
    return tuple(names)
