"""Whatever bytes or text arrive, the importer answers with a plan or an ImportFileError."""

from __future__ import annotations

import csv
import io
import re

import peewee
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.clock import Clock
from desktop.domain.contact_formats import CSV_HEADERS
from desktop.domain.contacts import validate_card
from desktop.domain.importing import (
    DuplicateChoice,
    ImportCancelled,
    ImportFileError,
    ImportSource,
    apply_import,
    mapping_for,
    plan_import,
    read_import_bytes,
)
from tests.domain.importing.test_formats import GOOGLE_HEADER, GOOGLE_OLD_HEADER, OUTLOOK_HEADER

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def check_whole_pipeline(db: peewee.SqliteDatabase, clock: Clock, source: ImportSource) -> None:
    """Plan ``source`` and apply it, cancelling at the very end so nothing stays written."""
    plan = plan_import(db, source, mapping_for(source))
    assert len(plan.new) + len(plan.duplicates) + len(plan.rejected) == len(source.rows)
    for candidate in [*plan.new, *(d.candidate for d in plan.duplicates)]:
        assert validate_card(candidate.card) == {}
        assert candidate.card == candidate.card.normalised()
    for rejection in plan.rejected:
        assert rejection.reason.startswith(f"line {rejection.line}: ")
    with pytest.raises(ImportCancelled):
        apply_import(db, plan, clock, DuplicateChoice.KEEP_BOTH, lambda done, total: done < total)
    assert db.execute_sql("SELECT count(*) FROM contact").fetchone() == (0,)


def read_or_refuse(data: bytes, name: str) -> ImportSource | None:
    try:
        return read_import_bytes(data, name)
    except ImportFileError as exc:
        assert f"“{name}”" in str(exc)
        return None


@FUZZ
@given(data=st.binary(max_size=400))
def test_any_bytes(db: peewee.SqliteDatabase, clock: Clock, data: bytes) -> None:
    source = read_or_refuse(data, "any.csv")
    if source is not None:
        check_whole_pipeline(db, clock, source)


HEADINGS = [
    "Name", "First Name", "Last Name", "Given Name", "Family Name", "E-mail", "Email Address",
    "E-mail 1 - Value", "Phone 1 - Value", "Company", "Organization Name", "Title",
    "Job Title", "Position", "Connected On", "URL", "Category", "Labels", "Zip", "City",
    "Business Street", "Home City", "Notes", "Met On", "Courtesy Title", "Name Prefix",
]  # fmt: skip
cell = st.text(max_size=30) | st.sampled_from(
    ["", "Dana", "Davis", "dana@example.com", "12 Mar 2023", "Dr.", "* myContacts ::: Friends"]
)


KNOWN_HEADERS = [
    list(CSV_HEADERS),
    ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
    GOOGLE_HEADER,
    GOOGLE_OLD_HEADER,
    OUTLOOK_HEADER,
]
heading = st.sampled_from(HEADINGS) | st.text(
    st.characters(exclude_categories=("Cc", "Cs")), max_size=12
)


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[bytes, str]:
    header = draw(st.sampled_from(KNOWN_HEADERS) | st.lists(heading, min_size=1, max_size=8))
    rows = draw(st.lists(st.lists(cell, max_size=min(len(header) + 2, 20)), max_size=6))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    stream = io.StringIO()
    writer = csv.writer(
        stream, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\r\n", "\n"]))
    )
    for row in [header, *rows]:
        writer.writerow(row)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return stream.getvalue().encode(encoding, errors="replace"), encoding


@FUZZ
@given(file=csv_files())
def test_any_csv(db: peewee.SqliteDatabase, clock: Clock, file: tuple[bytes, str]) -> None:
    data, _encoding = file
    source = read_or_refuse(data, "any.csv")
    if source is not None:
        check_whole_pipeline(db, clock, source)


# Cells that cannot spell a LinkedIn heading, so the heading is always the first line.
plain_cell = st.text(alphabet="ab xy@.,;\"'\n\t", max_size=12)


@FUZZ
@given(
    rows=st.lists(st.lists(plain_cell, min_size=3, max_size=3), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
)
def test_every_record_knows_the_line_it_starts_on(rows: list[list[str]], delimiter: str) -> None:
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["Name", "Email", "Notes"])
    expected: list[tuple[int, list[str]]] = []
    for row in rows:
        line = stream.getvalue().count("\n") + 1
        writer.writerow(row)
        if any(c.strip() for c in row):
            expected.append((line, row))

    if not expected:
        with pytest.raises(ImportFileError):
            read_import_bytes(stream.getvalue().encode(), "lines.csv")
        return
    source = read_import_bytes(stream.getvalue().encode(), "lines.csv")

    assert [(r.line, list(r.values.values())) for r in source.rows] == expected


# -- vCards -----------------------------------------------------------------------------------
PROPERTIES = [
    "N", "FN", "ORG", "TITLE", "EMAIL", "TEL", "ADR", "NOTE", "CATEGORIES", "PHOTO", "BDAY",
    "URL", "NICKNAME", "X-FOLLOWUP-DESK-CATEGORY", "X-FOLLOWUP-DESK-MET-AT",
    "X-FOLLOWUP-DESK-MET-ON", "item1.EMAIL", "AGENT",
]  # fmt: skip
PARAMETERS = [
    "", ";TYPE=WORK", ";type=INTERNET;type=pref", ";WORK;VOICE", ";PREF=1",
    ";CHARSET=UTF-8", ";ENCODING=BASE64", ';TYPE="voice,work"', ";VALUE=uri", ";LABEL=\"a:b\"",
]  # fmt: skip


def quoted_printable(text: str) -> str:
    encoded = "".join(
        f"={b:02X}" if b > 126 or b < 32 or b == 61 else chr(b) for b in text.encode()
    )
    return re.sub(r"(.{20})", "\\1=\r\n", encoded)  # soft line breaks


@st.composite
def vcard_files(draw: st.DrawFn) -> bytes:
    lines: list[str] = []
    for _card in range(draw(st.integers(1, 3))):
        lines += ["BEGIN:VCARD", f"VERSION:{draw(st.sampled_from(['2.1', '3.0', '4.0']))}"]
        for _prop in range(draw(st.integers(0, 6))):
            name = draw(st.sampled_from(PROPERTIES))
            params = draw(st.sampled_from(PARAMETERS))
            value = draw(st.text(max_size=40) | st.sampled_from(["Davis;Dana;;Dr.;", "a@b.c"]))
            if draw(st.booleans()):
                params += ";ENCODING=QUOTED-PRINTABLE"
                value = quoted_printable(value)
            line = f"{name}{params}:{value}"
            fold_at = draw(st.integers(1, 80))
            lines.append("\r\n ".join(line[i : i + fold_at] for i in range(0, len(line), fold_at)))
        if draw(st.integers(0, 9)):  # now and then a card is cut short
            lines.append("END:VCARD")
    return "\r\n".join(lines).encode("utf-8", errors="replace")


@FUZZ
@given(data=vcard_files())
def test_any_vcard(db: peewee.SqliteDatabase, clock: Clock, data: bytes) -> None:
    source = read_or_refuse(data, "any.vcf")
    if source is not None:
        check_whole_pipeline(db, clock, source)
