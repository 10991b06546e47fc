"""Exporting contacts: the CSV and vCard writers, and the file they are written to."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import stat
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.categories import Category
from desktop.domain.contact_formats import (
    CSV_COLUMNS,
    CSV_HEADERS,
    FORMULA_TRIGGERS,
    VCARD_CATEGORY,
    VCARD_MET_AT,
    VCARD_MET_ON,
    neutralise_cell,
    restore_cell,
)
from desktop.domain.contacts import CARD_FIELDS, ContactCard, ContactRecord, ContactService
from desktop.domain.exporting import (
    ExportFormat,
    export_contacts,
    fold_line,
    write_contacts_csv,
    write_contacts_vcard,
)
from tests.conftest import NOW

DANA = ContactCard(
    courtesy_title="Ms.",
    given_name="Dana",
    family_name="Davis",
    job_title="Director of Engineering",
    company="Acme, Inc.",
    department="Platform; Infra",
    email="dana.davis@example.com",
    phone="+1 (555) 010-2233",
    street="100 Main Street\nSuite 200",
    city="Springfield",
    region="IL",
    postal_code="62701",
    country="USA",
    category=Category.PAST_CLIENT.value,
    met_at="the Spring Career Fair",
    met_on=date(2026, 3, 14),
    notes='Said "call me" =after= the launch;\nlikes tea, not coffee.',
)
ZOE = ContactCard(given_name="Zoë", family_name="王小明", notes="مرحبا بالعالم", company="-Minus")


def record(card: ContactCard, contact_id: int = 1) -> ContactRecord:
    return ContactRecord(id=contact_id, created_at=NOW, updated_at=NOW, **dataclasses.asdict(card))


def csv_text(*cards: ContactCard) -> str:
    stream = io.StringIO(newline="")
    assert write_contacts_csv([record(c, i) for i, c in enumerate(cards, 1)], stream) == len(cards)
    return stream.getvalue()


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def vcard_text(*cards: ContactCard) -> str:
    stream = io.StringIO(newline="")
    assert write_contacts_vcard([record(c, i) for i, c in enumerate(cards, 1)], stream) == len(
        cards
    )
    return stream.getvalue()


def vcards(text: str) -> list[Any]:
    return list(vobject.readComponents(text))


def lines_of(text: str) -> list[str]:
    """The physical lines of a CRLF file (asserting that every line ends so)."""
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert not any("\r" in line or "\n" in line for line in lines)
    return lines


# -- the formats ------------------------------------------------------------------------------
def test_formats_have_labels_and_suffixes() -> None:
    assert [f.value for f in ExportFormat] == ["csv", "vcard"]
    assert ExportFormat.CSV.suffix == ".csv"
    assert ExportFormat.VCARD.suffix == ".vcf"
    assert all(f.label for f in ExportFormat)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("people.csv", ExportFormat.CSV),
        ("PEOPLE.CSV", ExportFormat.CSV),
        ("people.vcf", ExportFormat.VCARD),
        ("people.vcard", ExportFormat.VCARD),
        ("people.ics", None),
        ("people", None),
    ],
)
def test_the_format_follows_the_suffix(name: str, expected: ExportFormat | None) -> None:
    assert ExportFormat.for_path(Path(name)) == expected


# -- CSV --------------------------------------------------------------------------------------
def test_csv_has_our_header_and_one_row_per_contact_in_card_order() -> None:
    rows = csv_rows(csv_text(DANA, ZOE))

    assert rows[0] == list(CSV_HEADERS)
    assert [header for header, _field in CSV_COLUMNS] == list(CSV_HEADERS)
    assert len(rows) == 3
    dana = dict(zip(CSV_HEADERS, rows[1], strict=True))
    assert dana == {
        "Courtesy Title": "Ms.",
        "Given Name": "Dana",
        "Family Name": "Davis",
        "Job Title": "Director of Engineering",
        "Company": "Acme, Inc.",
        "Department": "Platform; Infra",
        "Email": "dana.davis@example.com",
        "Phone": "'+1 (555) 010-2233",  # a spreadsheet would read "+1…" as a formula
        "Street": "100 Main Street\nSuite 200",
        "City": "Springfield",
        "Region": "IL",
        "Postal Code": "62701",
        "Country": "USA",
        "Category": "past-client",  # the stored value, not the label
        "Met At": "the Spring Career Fair",
        "Met On": "2026-03-14",
        "Notes": 'Said "call me" =after= the launch;\nlikes tea, not coffee.',
    }
    zoe = dict(zip(CSV_HEADERS, rows[2], strict=True))
    assert zoe["Given Name"] == "Zoë" and zoe["Family Name"] == "王小明"
    assert zoe["Notes"] == "مرحبا بالعالم"
    assert zoe["Company"] == "'-Minus"
    assert zoe["Met On"] == "" and zoe["Email"] == "" and zoe["Courtesy Title"] == ""
    assert zoe["Category"] == ContactCard().category


def test_csv_columns_are_the_card_fields_but_the_introduction() -> None:
    assert [field for _header, field in CSV_COLUMNS] == [
        f for f in CARD_FIELDS if f != "introduced_by_id"
    ]


def test_csv_lines_end_in_crlf_and_quote_what_needs_it() -> None:
    text = csv_text(DANA)

    assert text.startswith("Courtesy Title,Given Name,")  # the BOM belongs to the file
    assert text.endswith("\r\n")
    assert text.count("\r\n") == 2  # the new lines inside cells stay bare "\n"
    assert '"Acme, Inc."' in text
    assert '"Said ""call me"" =after= the launch;\nlikes tea, not coffee."' in text


@pytest.mark.parametrize("trigger", [*FORMULA_TRIGGERS, "'"])
def test_every_csv_cell_that_a_spreadsheet_would_run_is_escaped(trigger: str) -> None:
    value = f'{trigger}HYPERLINK("http://evil")'
    card = ContactCard(
        **{name: value for name in CARD_FIELDS if name not in {"met_on", "introduced_by_id"}}
    )

    (row,) = csv_rows(csv_text(card))[1:]

    assert row == ["'" + value] * len(CSV_COLUMNS[:-2]) + ["", "'" + value]
    assert [restore_cell(cell) for cell in row if cell] == [value] * (len(CSV_COLUMNS) - 1)


def test_a_cell_with_a_formula_character_later_on_is_left_alone() -> None:
    (row,) = csv_rows(csv_text(ContactCard(given_name="Ann-Marie", notes="1+1=2")))[1:]

    assert row[1] == "Ann-Marie" and row[-1] == "1+1=2"


def test_no_contacts_is_a_header_only_csv() -> None:
    stream = io.StringIO(newline="")

    assert write_contacts_csv([], stream) == 0
    assert stream.getvalue() == ",".join(CSV_HEADERS) + "\r\n"


@given(st.text())
def test_restore_cell_undoes_neutralise_cell(value: str) -> None:
    escaped = neutralise_cell(value)

    assert restore_cell(escaped) == value
    assert not escaped.startswith(FORMULA_TRIGGERS)


# Any text a card can hold (no lone surrogates: they cannot be stored as UTF-8 either).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
text_fields = [f for f in CARD_FIELDS if f not in {"category", "met_on", "introduced_by_id"}]
arbitrary_cards = st.builds(
    ContactCard,
    **{name: any_text for name in text_fields},
    category=st.one_of(st.sampled_from([c.value for c in Category]), any_text),
    met_on=st.one_of(st.none(), st.dates()),
)


@settings(max_examples=150)
@given(cards=st.lists(arbitrary_cards, max_size=3))
def test_any_card_text_comes_back_from_pythons_csv_reader(cards: list[ContactCard]) -> None:
    rows = csv_rows(csv_text(*cards))

    assert rows[0] == list(CSV_HEADERS)
    assert len(rows) == len(cards) + 1
    for card, row in zip(cards, rows[1:], strict=True):
        expected = {
            field: getattr(card, field) for _header, field in CSV_COLUMNS if field != "met_on"
        }
        expected["met_on"] = card.met_on.isoformat() if card.met_on else ""
        found = {
            field: restore_cell(cell) for (_h, field), cell in zip(CSV_COLUMNS, row, strict=True)
        }
        assert found == expected


# -- vCard ------------------------------------------------------------------------------------
def test_a_full_card_becomes_this_vcard() -> None:
    assert lines_of(vcard_text(DANA)) == [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//Follow-Up Desk//EN",
        "ADR;TYPE=WORK:;;100 Main Street\\nSuite 200;Springfield;IL;62701;USA",
        "CATEGORIES:Past client",
        "EMAIL;TYPE=INTERNET:dana.davis@example.com",
        "FN:Ms. Dana Davis",
        "N:Davis;Dana;;Ms.;",
        'NOTE:Said "call me" =after= the launch\\;\\nlikes tea\\, not coffee.',
        "ORG:Acme\\, Inc.;Platform\\; Infra",
        "TEL;TYPE=WORK:+1 (555) 010-2233",
        "TITLE:Director of Engineering",
        f"{VCARD_CATEGORY}:past-client",
        f"{VCARD_MET_AT}:the Spring Career Fair",
        f"{VCARD_MET_ON}:2026-03-14",
        "END:VCARD",
    ]


def test_empty_properties_are_left_out_but_the_name_is_always_there() -> None:
    lines = lines_of(vcard_text(ContactCard(family_name="Solo")))

    names = {line.split(":", 1)[0].split(";", 1)[0] for line in lines}
    assert names == {"BEGIN", "VERSION", "PRODID", "N", "FN", "CATEGORIES", VCARD_CATEGORY, "END"}
    assert "N:Solo;;;;" in lines and "FN:Solo" in lines


def test_a_company_without_a_department_and_a_department_alone() -> None:
    company_only, department_only = vcards(
        vcard_text(
            ContactCard(given_name="A", company="Acme"),
            ContactCard(given_name="B", department="R&D"),
        )
    )

    assert company_only.org.value == ["Acme"]
    assert department_only.org.value == ["", "R&D"]


def test_all_cards_go_in_one_file_and_unicode_survives() -> None:
    text = vcard_text(DANA, ZOE)
    zoe = vcards(text)[1]

    assert text.count("BEGIN:VCARD") == 2
    assert zoe.fn.value == "Zoë 王小明"
    assert zoe.n.value.given == "Zoë" and zoe.n.value.family == "王小明"
    assert zoe.note.value == "مرحبا بالعالم"
    assert zoe.org.value == ["-Minus"]  # no spreadsheet escape in a vCard


def test_long_lines_are_folded_within_75_octets_without_splitting_a_character() -> None:
    notes = "Zoë met 王小明 at the fair; مرحبا. " * 12
    text = vcard_text(ContactCard(given_name="Zoë", notes=notes))

    lines = lines_of(text)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert any(line.startswith(" ") for line in lines)  # continuation lines
    assert vcards(text)[0].note.value == notes


def test_a_carriage_return_becomes_a_new_line() -> None:
    (card,) = vcards(vcard_text(ContactCard(given_name="A", notes="one\r\ntwo\rthree\nfour")))

    assert card.note.value == "one\ntwo\nthree\nfour"


@given(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r\n")))
def test_folding_keeps_lines_within_75_octets_and_unfolds_to_the_line(line: str) -> None:
    folded = fold_line(line)

    physical = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in physical)
    assert all(piece.startswith(" ") for piece in physical[1:])
    assert folded.replace("\r\n ", "") == line


def vcard_fields(card: Any) -> dict[str, object]:
    """A parsed vCard back as card fields, as the contract in contact_formats reads it."""

    def value(name: str) -> Any:
        prop = getattr(card, name.lower().replace("-", "_"), None)
        return "" if prop is None else prop.value

    org = value("org") or [""]
    adr = value("adr")
    met_on = value(VCARD_MET_ON)
    return {
        "courtesy_title": card.n.value.prefix,
        "given_name": card.n.value.given,
        "family_name": card.n.value.family,
        "job_title": value("title"),
        "company": org[0],
        "department": org[1] if len(org) > 1 else "",
        "email": value("email"),
        "phone": value("tel"),
        "street": adr.street if adr else "",
        "city": adr.city if adr else "",
        "region": adr.region if adr else "",
        "postal_code": adr.code if adr else "",
        "country": adr.country if adr else "",
        "category": value(VCARD_CATEGORY),
        "met_at": value(VCARD_MET_AT),
        "met_on": date.fromisoformat(met_on) if met_on else None,
        "notes": value("note"),
    }


def one_line_ends(card: ContactCard) -> dict[str, object]:
    fields = dataclasses.asdict(card)
    del fields["introduced_by_id"]
    return {
        name: value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else value
        for name, value in fields.items()
    }


@settings(max_examples=150, deadline=None)
@given(cards=st.lists(arbitrary_cards.filter(lambda c: c.category), min_size=1, max_size=3))
def test_any_card_text_comes_back_from_vobjects_reader(cards: list[ContactCard]) -> None:
    text = vcard_text(*cards)

    assert [vcard_fields(card) for card in vcards(text)] == [one_line_ends(c) for c in cards]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines_of(text))


# -- the file ---------------------------------------------------------------------------------
def contacts_in(contacts: ContactService) -> list[ContactRecord]:
    contacts.add_contact(DANA)
    contacts.add_contact(ZOE)
    return contacts.list_contacts()


def test_a_csv_file_is_utf8_with_a_bom(contacts: ContactService, tmp_path: Path) -> None:
    target = tmp_path / "contacts.csv"

    assert export_contacts(contacts_in(contacts), target, ExportFormat.CSV) == 2

    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfCourtesy Title,")
    assert "Zoë".encode() in data and "王小明".encode() in data
    rows = csv_rows(target.read_text("utf-8-sig"))
    assert rows[0] == list(CSV_HEADERS) and len(rows) == 3


def test_a_vcard_file_is_utf8_without_a_bom(contacts: ContactService, tmp_path: Path) -> None:
    target = tmp_path / "contacts.vcf"

    assert export_contacts(contacts_in(contacts), target, ExportFormat.VCARD) == 2

    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCARD\r\n")
    assert [c.fn.value for c in vcards(data.decode("utf-8"))] == ["Ms. Dana Davis", "Zoë 王小明"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_the_file_is_for_its_owner_only(
    contacts: ContactService, tmp_path: Path, fmt: ExportFormat
) -> None:
    target = tmp_path / f"contacts{fmt.suffix}"
    target.write_text("an older export")
    target.chmod(0o644)

    export_contacts(contacts_in(contacts), target, fmt)

    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_a_failed_export_leaves_the_earlier_file_and_no_half_file(
    tmp_path: Path, fmt: ExportFormat
) -> None:
    target = tmp_path / f"contacts{fmt.suffix}"
    target.write_text("an older export")

    def failing() -> Iterator[ContactRecord]:
        yield record(DANA)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError, match="went away"):
        export_contacts(failing(), target, fmt)

    assert target.read_text() == "an older export"
    assert os.listdir(tmp_path) == [target.name]


def test_a_missing_folder_raises_and_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "contacts.csv"

    with pytest.raises(FileNotFoundError):
        export_contacts([record(DANA)], target, ExportFormat.CSV)

    assert os.listdir(tmp_path) == []
