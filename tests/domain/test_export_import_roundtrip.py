"""The contract between exporter and importer: what one exports, the other reads back.

Contacts are exported from one database and imported into a fresh one; every card field
must come back as it was, except ``introduced_by_id`` (a link to another row, not exported).
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.categories import COURTESY_TITLES, Category
from desktop.domain.clock import fixed_clock
from desktop.domain.contacts import CARD_FIELDS, ContactCard
from desktop.domain.exporting import ExportFormat, export_contacts
from desktop.domain.services import open_services
from desktop.domain.text_folding import name_key
from tests.conftest import NOW

importing = pytest.importorskip("desktop.domain.importing")
IMPORTER_API = ("read_import_file", "mapping_for", "plan_import", "apply_import")
if not all(hasattr(importing, name) for name in IMPORTER_API):
    pytest.skip("the importer is not finished yet", allow_module_level=True)

CLOCK = fixed_clock(NOW)

NASTY = (
    ContactCard(
        courtesy_title="Ms.",
        given_name='=HYPERLINK("http://evil.example","click")',
        family_name="+Plus",
        job_title="-Minus, Director; R&D",
        company='@Acme, Inc.; "The" Company',
        department="'Quoted",
        email="dana.davis@example.com",
        phone="+1 (555) 010-2233",
        street="100 Main Street\nSuite 200",
        city="Spring;field, \\ back\\slash",
        region="IL",
        postal_code="=62701",
        country="USA",
        category=Category.PAST_CLIENT.value,
        met_at="the fair, hall B; stand 12",
        met_on=date(2026, 3, 14),
        notes='Said "call me" after the launch;\nlikes tea, not coffee.\n\n=SUM(A1:A9)',
    ),
    ContactCard(
        given_name="Zoë",
        family_name="王小明",
        company="شركة المثال",
        notes="مرحبا بالعالم — “quotes” and ‘apostrophes’ 😀",
        category=Category.JOB_FAIR.value,
        met_on=date(1999, 12, 31),
    ),
    ContactCard(family_name="O'Brien", notes="'starts with an apostrophe"),
    ContactCard(given_name="'='", notes="\t=tab first, then a formula"),
    ContactCard(given_name="Empty", category=Category.OTHER.value),
    ContactCard(
        courtesy_title="Dr.",
        given_name="Ann-Marie",
        family_name="Smith-Jones",
        email="-x+tag@example.org",
        phone="@home",
        notes="  leading and trailing blanks in notes are kept  ",
    ),
)


def exported(cards: Sequence[ContactCard], data_dir: Path, path: Path, fmt: ExportFormat) -> int:
    with open_services(data_dir, CLOCK) as services:
        for card in cards:
            services.contacts.add_contact(card)
        return export_contacts(services.contacts.list_contacts(), path, fmt)


def imported(path: Path, data_dir: Path) -> list[ContactCard]:
    """Import ``path`` into the database in ``data_dir``; every row must be new."""
    with open_services(data_dir, CLOCK) as services:
        source = importing.read_import_file(path)
        plan = importing.plan_import(services.db, source, importing.mapping_for(source))
        assert list(plan.rejected) == []
        assert list(plan.duplicates) == []
        result = importing.apply_import(services.db, plan, CLOCK)
        assert result.added == len(plan.new)
        return [record.card for record in services.contacts.list_contacts()]


def as_exported(card: ContactCard, fmt: ExportFormat) -> ContactCard:
    """What the card should be after the round trip: stored (trimmed), with no introducer;
    in a vCard every carriage return is a new line."""
    card = dataclasses.replace(card.normalised(), introduced_by_id=None)
    if fmt is ExportFormat.VCARD:
        text = {
            name: value.replace("\r\n", "\n").replace("\r", "\n")
            for name in CARD_FIELDS
            if isinstance(value := getattr(card, name), str)
        }
        card = dataclasses.replace(card, **text)
    return card


def by_name(cards: Sequence[ContactCard]) -> list[ContactCard]:
    return sorted(cards, key=lambda c: tuple(str(getattr(c, f)) for f in CARD_FIELDS))


def assert_same_cards(found: Sequence[ContactCard], expected: Sequence[ContactCard]) -> None:
    found, expected = by_name(found), by_name(expected)
    assert len(found) == len(expected)
    for got, want in zip(found, expected, strict=True):
        differences = {
            name: (getattr(got, name), getattr(want, name))
            for name in CARD_FIELDS
            if getattr(got, name) != getattr(want, name)
        }
        assert differences == {}, f"{want.formal_name!r}: (imported, exported) {differences}"


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_nasty_cards_come_back_field_for_field(tmp_path: Path, fmt: ExportFormat) -> None:
    path = tmp_path / f"contacts{fmt.suffix}"
    assert exported(NASTY, tmp_path / "source", path, fmt) == len(NASTY)

    cards = imported(path, tmp_path / "target")

    assert_same_cards(cards, [as_exported(c, fmt) for c in NASTY])


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_a_carriage_return_in_notes(tmp_path: Path, fmt: ExportFormat) -> None:
    card = ContactCard(given_name="Windows", notes="typed on\r\nWindows\rand a Mac")
    path = tmp_path / f"contacts{fmt.suffix}"
    exported([card], tmp_path / "source", path, fmt)

    (back,) = imported(path, tmp_path / "target")

    assert_same_cards([back], [as_exported(card, fmt)])


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_control_characters_and_odd_line_breaks(tmp_path: Path, fmt: ExportFormat) -> None:
    cards = [
        ContactCard(given_name="A\rB", family_name="C\nD", street="1 Main\nApt 2"),
        ContactCard(given_name="Vertical\x0btab", notes="one\u2028two\x85three\x0cfour\x1cfive"),
        ContactCard(given_name="Nul", notes="x\x00y"),
        ContactCard(given_name="Blank notes", notes="   "),
        ContactCard(given_name="END:VCARD", notes="BEGIN:VCARD\nEND:VCARD\nEND:VCARD"),
        ContactCard(given_name="Back\\", family_name="\\n", notes="\\n\\;\\,\\\\"),
    ]
    path = tmp_path / f"contacts{fmt.suffix}"
    exported(cards, tmp_path / "source", path, fmt)

    found = imported(path, tmp_path / "target")

    assert_same_cards(found, [as_exported(c, fmt) for c in cards])


# Longer than csv.field_size_limit()'s default (131,072 characters), which a CSV reader
# must raise to read back what the exporter writes.
LONG_NOTES = "Minutes of every call. " * 6_500  # 149,500 characters


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_very_long_notes(tmp_path: Path, fmt: ExportFormat) -> None:
    card = ContactCard(given_name="Talkative", notes=LONG_NOTES)
    path = tmp_path / f"contacts{fmt.suffix}"
    exported([card], tmp_path / "source", path, fmt)

    (back,) = imported(path, tmp_path / "target")

    assert back.notes == LONG_NOTES


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_people_the_database_holds_twice_come_back_when_both_are_kept(
    tmp_path: Path, fmt: ExportFormat
) -> None:
    # Two cards the importer takes for one person: by default the second is skipped as a
    # duplicate of the first, so only "keep both" gives back every exported contact.
    cards = [
        ContactCard(given_name="John", family_name="Smith"),
        ContactCard(given_name="John", family_name="Smith", city="Elsewhere"),
        ContactCard(given_name="Ann", email="info@acme.example"),
        ContactCard(given_name="Bob", email="info@acme.example"),
    ]
    path = tmp_path / f"contacts{fmt.suffix}"
    exported(cards, tmp_path / "source", path, fmt)

    with open_services(tmp_path / "target", CLOCK) as services:
        source = importing.read_import_file(path)
        plan = importing.plan_import(services.db, source, importing.mapping_for(source))
        assert [d.earlier_line is not None for d in plan.duplicates] == [True, True]
        importing.apply_import(
            services.db, plan, CLOCK, choices=importing.DuplicateChoice.KEEP_BOTH
        )
        found = [record.card for record in services.contacts.list_contacts()]

    assert_same_cards(found, [as_exported(c, fmt) for c in cards])


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_the_introduction_is_not_exported(tmp_path: Path, fmt: ExportFormat) -> None:
    path = tmp_path / f"contacts{fmt.suffix}"
    with open_services(tmp_path / "source", CLOCK) as services:
        dana = services.contacts.add_contact(ContactCard(given_name="Dana"))
        services.contacts.add_contact(ContactCard(given_name="Eve", introduced_by_id=dana.id))
        export_contacts(services.contacts.list_contacts(), path, fmt)

    cards = imported(path, tmp_path / "target")

    assert sorted(c.given_name for c in cards) == ["Dana", "Eve"]
    assert all(c.introduced_by_id is None for c in cards)


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_importing_an_export_into_its_own_database_adds_nobody(
    tmp_path: Path, fmt: ExportFormat
) -> None:
    path = tmp_path / f"contacts{fmt.suffix}"
    data_dir = tmp_path / "source"
    exported(NASTY, data_dir, path, fmt)

    with open_services(data_dir, CLOCK) as services:
        source = importing.read_import_file(path)
        plan = importing.plan_import(services.db, source, importing.mapping_for(source))
        assert list(plan.new) == []
        assert len(plan.duplicates) == len(NASTY)
        result = importing.apply_import(services.db, plan, CLOCK)
        assert result.added == 0
        assert services.contacts.count() == len(NASTY)


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_updating_from_an_export_of_the_same_contacts_changes_nothing(
    tmp_path: Path, fmt: ExportFormat
) -> None:
    path = tmp_path / f"contacts{fmt.suffix}"
    data_dir = tmp_path / "source"
    exported(NASTY, data_dir, path, fmt)

    with open_services(data_dir, CLOCK) as services:
        before = services.contacts.list_contacts()
        source = importing.read_import_file(path)
        plan = importing.plan_import(services.db, source, importing.mapping_for(source))
        result = importing.apply_import(
            services.db, plan, CLOCK, choices=importing.DuplicateChoice.UPDATE
        )
        assert (result.added, result.updated, result.skipped) == (0, 0, len(NASTY))
        assert services.contacts.list_contacts() == before


# -- any valid card -----------------------------------------------------------------------
one_line = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="\x85"),
    max_size=25,
)
multi_line = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
name = one_line.filter(lambda s: s.strip())
cards_without_email = st.builds(
    ContactCard,
    courtesy_title=st.sampled_from(COURTESY_TITLES),
    given_name=name,
    family_name=one_line,
    job_title=one_line,
    company=one_line,
    department=one_line,
    phone=one_line,
    street=one_line,
    city=one_line,
    region=one_line,
    postal_code=one_line,
    country=one_line,
    category=st.sampled_from([c.value for c in Category]),
    met_at=one_line,
    met_on=st.one_of(st.none(), st.dates()),
    notes=multi_line,
)


@st.composite
def distinct_people(draw: st.DrawFn) -> list[ContactCard]:
    """Cards that no duplicate rule could take for the same person: names and emails differ."""
    cards = draw(
        st.lists(
            cards_without_email,
            min_size=1,
            max_size=4,
            unique_by=lambda c: name_key(c.given_name, c.family_name),
        )
    )
    prefixes = st.sampled_from([None, "", "-", "=", "+", "'"])
    return [
        dataclasses.replace(card, email=f"{prefix}p{i}@example.org")
        if (prefix := draw(prefixes)) is not None
        else card
        for i, card in enumerate(cards)
    ]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(cards=distinct_people(), fmt=st.sampled_from(ExportFormat))
def test_any_valid_cards_come_back(cards: list[ContactCard], fmt: ExportFormat) -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        path = root / f"contacts{fmt.suffix}"
        exported(cards, root / "source", path, fmt)

        found = imported(path, root / "target")

    assert_same_cards(found, [as_exported(c, fmt) for c in cards])
