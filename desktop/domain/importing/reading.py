"""Reading an import file: refuse what is not text, find the encoding, pick the format."""

from __future__ import annotations

import codecs
from pathlib import Path

from desktop.domain.importing.csv_reader import read_csv
from desktop.domain.importing.errors import ImportFileError
from desktop.domain.importing.source import ImportSource
from desktop.domain.importing.vcard_reader import looks_like_vcard, read_vcards

MAX_FILE_BYTES = 200 * 1024 * 1024

# Byte order marks, longest first: a UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Files people pick by mistake, by their first bytes: what they are and what to do instead.
_SAVE_AS_CSV = "open it in Excel and save it as CSV (File › Save As › CSV UTF-8), then import that"
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", f"it is an Excel workbook (.xlsx) or another ZIP archive: {_SAVE_AS_CSV}"),
    (b"\xd0\xcf\x11\xe0", f"it is an old Excel workbook (.xls) or Word file: {_SAVE_AS_CSV}"),
    (b"\x89PNG", "it is a PNG image"),
    (b"\xff\xd8\xff", "it is a JPEG image"),
    (b"GIF8", "it is a GIF image"),
    (b"%PDF", "it is a PDF document"),
    (b"\x1f\x8b", "it is a compressed (gzip) file"),
    (b"SQLite format 3\x00", "it is a database file"),
)

_SAMPLE = 8192


def read_import_file(path: Path) -> ImportSource:
    """Read a CSV or vCard file; raise ImportFileError with a sentence if it cannot be."""
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise ImportFileError(f"“{name}” is a folder, not a CSV or vCard file.")
        _check_size(name, path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ImportFileError(f"“{name}” cannot be read: {reason}.") from exc
    return read_import_bytes(data, name)


def read_import_bytes(data: bytes, name: str) -> ImportSource:
    """Read the contents of a file called ``name`` (used in messages only)."""
    _check_size(name, len(data))
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ImportFileError(f"“{name}” is not a CSV or vCard file: {what}.")
    text, encoding = _decode(data, name)
    if not text.strip():
        raise ImportFileError(f"“{name}” is empty: there are no contacts in it.")
    if _has_control_characters(_first_line(text)):
        raise ImportFileError(
            f"“{name}” is not a CSV or vCard file: it contains binary data. "
            "If it is a spreadsheet, save it as CSV first."
        )
    if looks_like_vcard(text):
        return read_vcards(text, name, encoding)
    return read_csv(text, name, encoding)


def _check_size(name: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        megabytes = size // (1024 * 1024)
        raise ImportFileError(
            f"“{name}” is {megabytes} MB; Follow-Up Desk imports files of up to "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB. Split it into smaller files."
        )


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """The text and the name of the codec that gave it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                label = encoding.removesuffix("-sig").upper()
                raise ImportFileError(
                    f"“{name}” is marked as {label} text but is not valid {label} "
                    f"(bad bytes at position {exc.start + len(bom)})."
                ) from exc
    guessed = _bomless_utf16(data)
    if guessed:
        try:
            return data.decode(guessed), guessed
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Excel on Windows saves "CSV" in the ANSI code page; latin-1 takes any byte at all.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte order mark, told by the zero byte of every ASCII character."""
    sample = data[:200]
    if len(sample) < 4 or len(data) % 2:
        return None
    evens, odds = sample[0::2], sample[1::2]
    if odds.count(0) > 0.8 * len(odds) and evens.count(0) == 0:
        return "utf-16-le"
    if evens.count(0) > 0.8 * len(evens) and odds.count(0) == 0:
        return "utf-16-be"
    return None


def _first_line(text: str) -> str:
    """The first line with anything on it: a CSV's headings, or BEGIN:VCARD."""
    start = len(text) - len(text.lstrip("\r\n \t"))
    end = min((i for i in (text.find("\n", start), text.find("\r", start)) if i >= 0), default=-1)
    return text[start : end if end >= 0 else start + _SAMPLE][:_SAMPLE]


def _has_control_characters(line: str) -> bool:
    """Cells may hold any character, but headings are plain text: control characters in
    the first line mean the bytes are not text at all (or not in any encoding tried)."""
    return any(ord(ch) < 32 and ch != "\t" for ch in line)
