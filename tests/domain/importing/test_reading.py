"""Reading files: encodings, delimiters, line numbers, and files that are not contacts."""

from __future__ import annotations

import csv
import re
import zipfile
from io import BytesIO
from pathlib import Path

import peewee
import pytest

from desktop.domain.importing import (
    ImportFileError,
    SourceKind,
    mapping_for,
    plan_import,
    read_import_bytes,
    read_import_file,
    reading,
)
from tests.domain.importing.conftest import WriteFile, planned

LINKEDIN_PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses'
    " are missing. You will only see email addresses for connections who have allowed their"
    " connections to see or download their email address using this setting"
    " https://www.linkedin.com/psettings/privacy/email. You can learn more about exporting"
    ' your connection data at https://www.linkedin.com/help/linkedin/answer/66844"\r\n'
    "\r\n"
)


# -- encodings and delimiters --------------------------------------------------------------
@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
    ],
)
def test_unicode_files_with_or_without_a_byte_order_mark(
    db: peewee.SqliteDatabase, write_file: WriteFile, encoding: str, bom: bytes
) -> None:
    text = "Given Name\tFamily Name\tCompany\r\nZoë\tÖlund\tSmörgås AB\r\nJosé\tNúñez\t東京商事\r\n"
    path = write_file("contacts.txt", bom + text.encode(encoding))

    plan = planned(db, path)

    assert [(c.card.given_name, c.card.family_name, c.card.company) for c in plan.new] == [
        ("Zoë", "Ölund", "Smörgås AB"),
        ("José", "Núñez", "東京商事"),
    ]


def test_excel_unicode_text_is_utf16_with_tabs(write_file: WriteFile) -> None:
    text = "First Name\tLast Name\tE-mail\r\nDana\tDavis\tdana@example.com\r\n"
    source = read_import_file(
        write_file("Unicode Text.txt", b"\xff\xfe" + text.encode("utf-16-le"))
    )

    assert source.delimiter == "\t"
    assert source.encoding == "utf-16-le"
    assert source.rows[0].values == {
        "First Name": "Dana",
        "Last Name": "Davis",
        "E-mail": "dana@example.com",
    }


def test_windows_1252_with_semicolons(db: peewee.SqliteDatabase, write_file: WriteFile) -> None:
    # What German Excel saves as "CSV (Trennzeichen-getrennt)".
    text = "Vorname;Nachname;Firma;Ort\r\nJürgen;Müller;Bäckerei Müller & Söhne;Köln\r\n"
    path = write_file("kontakte.csv", text, encoding="cp1252")

    source = read_import_file(path)
    plan = planned(db, path)

    assert (source.encoding, source.delimiter) == ("cp1252", ";")
    (card,) = [c.card for c in plan.new]
    assert (card.given_name, card.family_name, card.company, card.city) == (
        "Jürgen",
        "Müller",
        "Bäckerei Müller & Söhne",
        "Köln",
    )


def test_the_delimiter_is_the_one_the_heading_uses(write_file: WriteFile) -> None:
    # Commas inside the cells must not win over the semicolons between them.
    text = 'Name;Company;Notes\r\nDana Davis;"Acme, Inc.";"likes tea, not coffee"\r\n'
    source = read_import_file(write_file("c.csv", text))

    assert source.delimiter == ";"
    assert source.rows[0].values["Company"] == "Acme, Inc."


# -- line numbers ------------------------------------------------------------------------------
def test_rows_start_after_the_linkedin_preamble(write_file: WriteFile) -> None:
    text = (
        LINKEDIN_PREAMBLE
        + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        + "Dana,Davis,https://www.linkedin.com/in/dana,,Acme,CTO,12 Mar 2023\r\n"
    )
    source = read_import_file(write_file("Connections.csv", text))

    assert source.kind is SourceKind.LINKEDIN
    assert source.columns[0] == "First Name"
    assert [row.line for row in source.rows] == [5]


def test_a_rejection_after_a_quoted_newline_names_the_physical_line(
    db: peewee.SqliteDatabase, write_file: WriteFile
) -> None:
    text = (
        "Name,Email,Notes\n"
        'Dana Davis,dana@example.com,"met at the fair\nhall 3\nstand 12"\n'
        "\n"
        "Eve Evans,eve@,\n"
        ',"nobody@example.com",\n'
    )
    plan = planned(db, write_file("c.csv", text))

    assert [c.card.notes for c in plan.new] == ["met at the fair\nhall 3\nstand 12"]
    assert [r.line for r in plan.rejected] == [6, 7]
    assert plan.rejected[0].reason.startswith("line 6: the email (column “Email”) “eve@”")
    assert plan.rejected[1].reason == "line 7: no given or family name"


def test_carriage_returns_alone_end_lines_too(write_file: WriteFile) -> None:
    source = read_import_file(
        write_file("mac.csv", "Name,City\rDana Davis,Paris\rEve Evans,Oslo\r")
    )

    assert [row.line for row in source.rows] == [2, 3]


# -- ragged rows and odd headings ---------------------------------------------------------
def test_short_rows_leave_the_missing_cells_empty(
    db: peewee.SqliteDatabase, write_file: WriteFile
) -> None:
    plan = planned(db, write_file("c.csv", "Given Name,Family Name,Company,City\nDana,Davis\n"))

    (card,) = [c.card for c in plan.new]
    assert (card.given_name, card.family_name, card.company, card.city) == ("Dana", "Davis", "", "")


def test_cells_past_the_last_column_are_kept_in_the_notes(
    db: peewee.SqliteDatabase, write_file: WriteFile
) -> None:
    text = "Given Name,Family Name\nDana,Davis,met in Lyon,,call in May\nEve,Evans,,\n"
    plan = planned(db, write_file("c.csv", text))

    assert [c.card.notes for c in plan.new] == [
        "Extra cells past the last column: met in Lyon | call in May",
        "",
    ]


def test_blank_and_repeated_headings_get_names_of_their_own(write_file: WriteFile) -> None:
    source = read_import_file(write_file("c.csv", "Name,,Phone,Phone\nDana Davis,x,1,2\n"))

    assert source.columns == ("Name", "Column 2", "Phone", "Phone (2)")
    assert source.rows[0].values["Phone (2)"] == "2"


def test_rows_of_empty_cells_are_not_contacts(
    db: peewee.SqliteDatabase, write_file: WriteFile
) -> None:
    plan = planned(db, write_file("c.csv", "Name,Email\n,,\nDana Davis,\n  , \t\n"))

    assert [c.card.full_name for c in plan.new] == ["Dana Davis"]
    assert plan.rejected == ()


# -- files that are not contacts -----------------------------------------------------------
def xlsx_bytes() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.csv", b"", "“empty.csv” is empty"),
        ("blank.csv", b"\r\n  \r\n\t\r\n", "“blank.csv” is empty"),
        ("bom-only.csv", b"\xef\xbb\xbf", "“bom-only.csv” is empty"),
        ("headings.csv", b"First Name,Last Name,Email\r\n", "has column headings but no contacts"),
        ("photo.png", PNG, "“photo.png” is not a CSV or vCard file: it is a PNG image"),
        ("contacts.xlsx", xlsx_bytes(), "save it as CSV"),
        ("contacts.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "save it as CSV"),
        ("random.bin", bytes(range(256)) * 4, "it contains binary data"),
        ("bad16.csv", b"\xff\xfeN\x00a\x00\x00\xd8", "is marked as UTF-16"),
    ],
)
def test_files_that_cannot_be_imported_say_why(
    write_file: WriteFile, name: str, content: bytes, expected: str
) -> None:
    with pytest.raises(ImportFileError, match=re.escape(expected)):
        read_import_file(write_file(name, content))


def test_an_xlsx_file_is_named_as_a_workbook(write_file: WriteFile) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_import_file(write_file("contacts.xlsx", xlsx_bytes()))

    message = str(caught.value)
    assert "“contacts.xlsx” is not a CSV or vCard file" in message
    assert "Excel workbook (.xlsx)" in message


def test_a_file_over_200_mb_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as stream:  # sparse: takes no disk space
        stream.truncate(reading.MAX_FILE_BYTES + 1)

    with pytest.raises(ImportFileError, match=r"“huge\.csv” is 200 MB; .* up to 200 MB"):
        read_import_file(path)


def test_bytes_over_the_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 10)

    with pytest.raises(ImportFileError, match="Split it into smaller files"):
        read_import_bytes(b"Name\r\nDana Davis\r\n", "big.csv")


def test_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=re.escape("“gone.csv” cannot be read: No such file")):
        read_import_file(tmp_path / "gone.csv")
    (tmp_path / "folder.csv").mkdir()
    with pytest.raises(ImportFileError, match=re.escape("“folder.csv” is a folder")):
        read_import_file(tmp_path / "folder.csv")


def test_plan_refuses_a_mapping_to_no_field(
    db: peewee.SqliteDatabase, write_file: WriteFile
) -> None:
    source = read_import_file(write_file("c.csv", "Name\nDana Davis\n"))

    with pytest.raises(ValueError, match="not mapping targets: nickname"):
        plan_import(db, source, {"Name": "nickname"})
    assert mapping_for(source) == {"Name": "full_name"}


def test_a_cell_longer_than_the_csv_modules_limit(
    db: peewee.SqliteDatabase, write_file: WriteFile
) -> None:
    notes = "Talked for hours. " * 12_000  # 216,000 characters; csv's default stops at 131,072
    limit = csv.field_size_limit()
    path = write_file("long.csv", f'Name,Notes\nDana Davis,"{notes}"\nEve Evans,short\n')

    plan = planned(db, path)

    assert [c.card.notes for c in plan.new] == [notes, "short"]
    assert csv.field_size_limit() == limit  # a process-wide setting, put back
