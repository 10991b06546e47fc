"""The thank-you letter: the words on the page, before any layout."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.categories import COURTESY_TITLES
from desktop.domain.contacts import ContactCard
from desktop.domain.english_dates import MONTH_NAMES
from desktop.domain.letters import (
    DEFAULT_CLOSING,
    DateWriter,
    Letter,
    Sender,
    end_sentence,
    english_long_date,
    locality_line,
    split_paragraphs,
    thank_you_letter,
)
from tests.conftest import NOW

TODAY = NOW.date()  # Wednesday 25 November 2026

DANA = ContactCard(
    courtesy_title="Ms.",
    given_name="Dana",
    family_name="Davis",
    job_title="Director of Engineering",
    company="Acme Corp",
    department="Platform",
    email="dana.davis@example.com",
    phone="+1 (555) 010-2233",
    street="100 Main Street",
    city="Springfield",
    region="IL",
    postal_code="62701",
    country="USA",
    met_at="the Spring Career Fair",
)

SAM = Sender(
    name="Sam Lee",
    street="42 Elm Road\nApt 3",
    city="Portland",
    region="OR",
    postal_code="97201",
    country="USA",
    phone="503-555-0199",
    email="sam.lee@example.org",
)

# Left-overs of an empty template slot or a missing value.
ARTIFACTS = ("  ", " .", " ,", ",,", "..", " in .", " at .", " as .", "None", "{{", "{%")


def letter_for(
    card: ContactCard,
    *,
    write_date: DateWriter = english_long_date,
    sender: Sender | None = None,
) -> Letter:
    return thank_you_letter(card, on=TODAY, write_date=write_date, sender=sender)


def body_of(letter: Letter) -> str:
    return "\n\n".join(letter.paragraphs)


# --- inside address ----------------------------------------------------------------------


def test_the_inside_address_lists_every_part_in_envelope_order() -> None:
    assert letter_for(DANA).inside_address == (
        "Ms. Dana Davis",
        "Director of Engineering",
        "Platform",
        "Acme Corp",
        "100 Main Street",
        "Springfield, IL 62701",
        "USA",
    )


def test_a_multi_line_street_keeps_its_lines() -> None:
    card = dataclasses.replace(DANA, street="100 Main Street\n  Suite 200  \n")
    address = letter_for(card).inside_address
    assert address[4:6] == ("100 Main Street", "Suite 200")


def test_missing_parts_leave_no_empty_lines() -> None:
    card = ContactCard(given_name="Dana", family_name="Davis", company="Acme Corp", city="Boise")
    assert letter_for(card).inside_address == ("Dana Davis", "Acme Corp", "Boise")


def test_a_name_only_card_is_addressed_by_name_alone() -> None:
    assert letter_for(ContactCard(given_name="Dana")).inside_address == ("Dana",)


@pytest.mark.parametrize(
    ("city", "region", "postal_code", "expected"),
    [
        ("Springfield", "IL", "62701", "Springfield, IL 62701"),
        ("Springfield", "IL", "", "Springfield, IL"),
        ("Springfield", "", "62701", "Springfield, 62701"),
        ("Springfield", "", "", "Springfield"),
        ("", "IL", "62701", "IL 62701"),
        ("", "IL", "", "IL"),
        ("", "", "62701", "62701"),
        ("", "", "", ""),
    ],
)
def test_locality_line(city: str, region: str, postal_code: str, expected: str) -> None:
    assert locality_line(city, region, postal_code) == expected


address_part = st.one_of(st.just(""), st.sampled_from(["Boise", "ID", "83702", "Zoë & Co", "王"]))


@given(
    job_title=address_part,
    department=address_part,
    company=address_part,
    street=address_part,
    city=address_part,
    region=address_part,
    postal_code=address_part,
    country=address_part,
)
def test_no_combination_of_missing_parts_leaves_stray_lines_or_commas(**parts: str) -> None:
    card = ContactCard(given_name="Dana", family_name="Davis", **parts)

    address = letter_for(card).inside_address

    assert address[0] == "Dana Davis"
    for line in address:
        assert line, address
        assert line == line.strip(), address
        assert not line.startswith(","), address
        assert not line.endswith(","), address
        assert ", ," not in line, address
    for value in filter(None, parts.values()):
        assert any(value in line for line in address), (value, address)


# --- salutation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("card", "expected"),
    [
        (DANA, "Dear Ms. Davis:"),
        (ContactCard(courtesy_title="Dr.", given_name="Lee", family_name="Park"), "Dear Dr. Park:"),
        (ContactCard(given_name="Dana", family_name="Davis"), "Dear Dana Davis:"),
        (ContactCard(given_name="Dana"), "Dear Dana:"),
        (ContactCard(family_name="Davis"), "Dear Davis:"),
        (ContactCard(courtesy_title="Ms.", given_name="Dana"), "Dear Dana:"),
        (ContactCard(courtesy_title="Mx.", family_name="Davis"), "Dear Mx. Davis:"),
    ],
    ids=lambda value: value if isinstance(value, str) else "card",
)
def test_salutation(card: ContactCard, expected: str) -> None:
    assert letter_for(card).salutation == expected


def test_a_card_without_any_name_gets_a_neutral_salutation() -> None:
    assert letter_for(ContactCard(company="Acme Corp")).salutation == "Dear Hiring Manager:"


# --- date --------------------------------------------------------------------------------


# Dates in the user's locale come from Qt (tests/printing/test_dates.py); the domain only
# calls the writer it is given.


def test_the_date_is_written_out_in_us_english() -> None:
    assert letter_for(DANA).date_line == "November 25, 2026"


def test_the_date_line_is_what_the_date_writer_writes() -> None:
    letter = letter_for(DANA, write_date=lambda day: f"le {day.day}/{day.month}/{day.year}")

    assert letter.date_line == "le 25/11/2026"
    assert "le 25/11/2026" in letter.plain_text()


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2027, 1, 4), "January 4, 2027"),
        (date(2026, 2, 28), "February 28, 2026"),
        (date(2028, 2, 29), "February 29, 2028"),
        (date(1999, 12, 31), "December 31, 1999"),
    ],
)
def test_the_english_date_follows_the_day_asked_for(day: date, expected: str) -> None:
    assert english_long_date(day) == expected


@given(st.dates())
def test_the_english_date_reads_back_as_the_same_day(day: date) -> None:
    month, day_number, year = english_long_date(day).split(" ")

    assert day_number.endswith(",")
    assert date(int(year), MONTH_NAMES.index(month) + 1, int(day_number[:-1])) == day


# --- body --------------------------------------------------------------------------------


def test_the_body_mentions_the_event_company_department_and_title() -> None:
    body = body_of(letter_for(DANA))
    assert "at the Spring Career Fair." in body
    assert "Acme Corp" in body
    assert "Platform" in body
    assert "as Director of Engineering" in body


def test_the_body_thanks_the_reader() -> None:
    letter = letter_for(DANA)
    assert letter.paragraphs[0].startswith("Thank you")
    assert "Thank you again" in letter.paragraphs[-1]


@pytest.mark.parametrize(
    "missing",
    [
        (),
        ("met_at",),
        ("company",),
        ("department",),
        ("job_title",),
        ("company", "department"),
        ("met_at", "company", "department", "job_title"),
        ("met_at", "company", "department", "job_title", "family_name", "courtesy_title"),
    ],
    ids=lambda fields: "-".join(fields) or "nothing",
)
def test_the_body_reads_well_whatever_is_missing(missing: tuple[str, ...]) -> None:
    card = dataclasses.replace(DANA, **dict.fromkeys(missing, ""))

    text = letter_for(card, sender=SAM).plain_text()

    for artifact in ARTIFACTS:
        assert artifact not in text, (artifact, text)
    for paragraph in letter_for(card).paragraphs:
        assert paragraph[0].isupper(), paragraph
        assert paragraph.endswith("."), paragraph


def test_without_a_company_the_body_names_no_company() -> None:
    body = body_of(letter_for(dataclasses.replace(DANA, company="", department="")))
    assert "Acme" not in body
    assert "the work you do" in body


def test_without_an_event_the_body_names_no_event() -> None:
    body = body_of(letter_for(dataclasses.replace(DANA, met_at="")))
    assert "Career Fair" not in body
    assert "to talk with me." in body


@pytest.mark.parametrize(
    "field",
    [
        {"company": "Acme Inc."},
        {"job_title": "Sr. Director, Eng.", "company": "", "department": ""},
        {"met_at": "the fair at Acme Corp."},
    ],
    ids=["company", "job_title", "met_at"],
)
def test_a_value_ending_in_a_period_does_not_double_the_period(field: dict[str, str]) -> None:
    body = body_of(letter_for(dataclasses.replace(DANA, **field)))
    assert ".." not in body, body


@pytest.mark.parametrize(
    "markup",
    ["{{ 7*7 }}", "{% if %}", "<script>alert(1)</script>", "&amp;", "{{ contact.__class__ }}"],
)
def test_markup_in_fields_comes_out_literally(markup: str) -> None:
    card = dataclasses.replace(DANA, company=markup, met_at=markup, job_title=markup)

    text = letter_for(card).plain_text()

    assert f"at {markup}." in text
    assert f"contributing to {markup}" in text
    assert f"as {markup}" in text
    assert "49" not in text
    assert "ContactCard" not in text


def test_markup_in_names_comes_out_literally() -> None:
    card = ContactCard(courtesy_title="Dr.", given_name="{{ 7*7 }}", family_name="<b>x</b>")
    letter = letter_for(card)
    assert letter.inside_address[0] == "Dr. {{ 7*7 }} <b>x</b>"
    assert letter.salutation == "Dear Dr. <b>x</b>:"


# --- sender and signature ----------------------------------------------------------------


def test_the_sender_block_and_signature() -> None:
    letter = letter_for(DANA, sender=SAM)

    assert letter.sender_block == (
        "42 Elm Road",
        "Apt 3",
        "Portland, OR 97201",
        "USA",
        "503-555-0199",
        "sam.lee@example.org",
    )
    assert letter.closing == "Sincerely,"
    assert letter.signature_name == "Sam Lee"
    text = letter.plain_text()
    assert text.startswith("42 Elm Road\nApt 3\nPortland, OR 97201\nUSA\n")
    assert text.endswith("Sincerely,\n\n\nSam Lee\n")


def test_a_custom_closing_is_used() -> None:
    letter = letter_for(DANA, sender=dataclasses.replace(SAM, closing="With best regards,"))
    assert letter.plain_text().endswith("\n\nWith best regards,\n\n\nSam Lee\n")


def test_a_blank_closing_falls_back_to_the_default() -> None:
    assert letter_for(DANA, sender=dataclasses.replace(SAM, closing="")).closing == DEFAULT_CLOSING


def test_a_sender_with_only_a_name_signs_without_an_address() -> None:
    letter = letter_for(DANA, sender=Sender(name="Sam Lee"))
    assert letter.sender_block == ()
    assert letter.plain_text().startswith("November 25, 2026\n\n")
    assert letter.plain_text().endswith("Sincerely,\n\n\nSam Lee\n")


def test_without_a_sender_there_is_no_sender_block_or_signature() -> None:
    letter = letter_for(DANA)

    assert letter.sender_block == ()
    assert letter.signature_name == ""
    text = letter.plain_text()
    assert text.startswith("November 25, 2026\n\nMs. Dana Davis\n")
    assert text.endswith("\n\nSincerely,\n")


# --- plain text --------------------------------------------------------------------------


@pytest.mark.parametrize("sender", [SAM, None], ids=["sender", "no-sender"])
def test_plain_text_separates_blocks_with_blank_lines(sender: Sender | None) -> None:
    letter = letter_for(DANA, sender=sender)
    text = letter.plain_text()

    head, _, tail = text.rpartition("\n\nSincerely,")

    expected = [
        *(["\n".join(letter.sender_block)] if letter.sender_block else []),
        "November 25, 2026",
        "\n".join(letter.inside_address),
        "Dear Ms. Davis:",
        *letter.paragraphs,
    ]
    assert head.split("\n\n") == expected
    assert tail == ("\n\n\nSam Lee\n" if sender else "\n")
    assert len(letter.paragraphs) >= 3
    assert "\n\n\n\n" not in text


# --- properties --------------------------------------------------------------------------

LINE_BREAKS = ("Cs", "Cc", "Zl", "Zp")  # surrogates, controls (\n, \v, \x85...) and separators
one_line = st.text(st.characters(exclude_categories=LINE_BREAKS), max_size=30).map(str.strip)


@given(text=st.text(st.characters(exclude_categories=("Cs",))))
def test_split_paragraphs_keeps_every_word_and_no_empty_paragraph(text: str) -> None:
    paragraphs = split_paragraphs(text)

    for paragraph in paragraphs:
        assert paragraph
        assert paragraph == paragraph.strip()
        assert paragraph.splitlines() == [paragraph]
    assert " ".join(paragraphs).split() == text.split()


words = st.text(st.characters(exclude_categories=("Cs", "Z", "Cc")), min_size=1, max_size=8)
separators = st.sampled_from(["\n\n", "\n\n\n", "\n \n", "\n\t\n  ", "\n  \t  \n"])


@given(
    paragraphs=st.lists(st.lists(words, min_size=1, max_size=6), min_size=1, max_size=5),
    data=st.data(),
)
def test_split_paragraphs_joins_lines_and_splits_on_blank_lines(
    paragraphs: list[list[str]], data: st.DataObject
) -> None:
    chunks = []
    for paragraph in paragraphs:
        # Words of one paragraph are separated by a space or by one line break, which may be
        # padded with blanks (the indentation of a template line, say).
        line_gaps = st.sampled_from([" ", "\n", "  \n\t ", " \t\n", "\n    "])
        gaps = data.draw(st.lists(line_gaps, min_size=len(paragraph)))
        chunks.append("".join(word + gap for word, gap in zip(paragraph, gaps, strict=False)))
    text = data.draw(st.sampled_from(["", "\n", "  \n"])) + data.draw(separators).join(chunks)

    assert split_paragraphs(text) == tuple(" ".join(paragraph) for paragraph in paragraphs)


@given(paragraphs=st.lists(one_line.filter(bool), max_size=5))
def test_split_paragraphs_round_trips_finished_paragraphs(paragraphs: list[str]) -> None:
    assert split_paragraphs("\n\n".join(paragraphs)) == tuple(paragraphs)


cards = st.builds(
    ContactCard,
    courtesy_title=st.sampled_from(COURTESY_TITLES),
    given_name=one_line,
    family_name=one_line,
    job_title=one_line,
    company=one_line,
    department=one_line,
    street=one_line,
    city=one_line,
    region=one_line,
    postal_code=one_line,
    country=one_line,
    met_at=one_line,
)


@given(card=cards, sender=st.one_of(st.none(), st.builds(Sender, name=one_line)))
def test_any_card_makes_a_well_formed_letter(card: ContactCard, sender: Sender | None) -> None:
    letter = letter_for(card, sender=sender)
    text = letter.plain_text()

    assert all(line for line in letter.inside_address)
    assert all(p and p == p.strip() for p in letter.paragraphs)
    assert letter.salutation.startswith("Dear ")
    assert letter.salutation.endswith(":")
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    # Whatever was typed (markup included) appears as typed, never evaluated or dropped.
    for value in (card.formal_name, card.job_title, card.company, card.met_at):
        if value:
            assert value in text, value
    if card.company:
        assert f"contributing to {card.company}" in text
    if card.met_at:
        # A value that ends the sentence shares its full stop with it.
        assert f"talk with me at {end_sentence(card.met_at)}" in text


@pytest.mark.parametrize("company", ["Wait For It...", "Yahoo!", "Why Not?", "Hmm…"])
def test_a_value_ending_a_sentence_keeps_its_own_punctuation(company: str) -> None:
    body = body_of(letter_for(dataclasses.replace(DANA, company=company)))
    assert f"contributing to {company} I would welcome" in body
