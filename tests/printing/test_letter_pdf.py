"""Letters as PDF files, read back with poppler: the words, the paper, the pages, the scripts."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard
from desktop.domain.letters import Letter, inside_address
from desktop.domain.profile import Profile
from desktop.domain.services import Services, open_services
from desktop.domain.vocabulary import Situation
from desktop.printing.dates import qt_long_date
from desktop.printing.letter_document import build_letter_document, paint_page
from desktop.printing.letter_pdf import letter_pdf_bytes, letters_pdf_bytes
from desktop.printing.page import A4, LETTER, PageSpec
from tests.conftest import NOW

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="pdftotext and pdfinfo (Debian: poppler-utils) are needed to read the PDF back",
)

CARD = ContactCard(
    courtesy_title="Ms.",
    given_name="Dana",
    family_name="Davis",
    job_title="Director of Platform Engineering",
    department="Developer Experience",
    company="Northwind Traders & Sons",
    street="1200 Harbor Boulevard\nSuite 400",
    city="Springfield",
    region="IL",
    postal_code="62701",
    country="USA",
)
# Latin with diacritics, Chinese, Polish and Arabic (right to left).
UNICODE_NAMES = ("Zoë Ñúñez", "王小明", "Łukasz Wiśniewski", "دانا", "عبد الله سلام")


def poppler(*args: str) -> str:
    return subprocess.run(
        list(args), capture_output=True, encoding="utf-8", check=True, timeout=60
    ).stdout


def pdf_text(path: Path, page: int | None = None) -> str:
    """What a reader copying text out of the PDF gets (one page, or all of them)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return poppler("pdftotext", "-enc", "UTF-8", *pages, str(path), "-")


def pdf_info(path: Path) -> dict[str, str]:
    lines = poppler("pdfinfo", str(path)).splitlines()
    return {key: value.strip() for key, _, value in (line.partition(":") for line in lines)}


def write(tmp_path: Path, data: bytes | None, name: str = "letter.pdf") -> Path:
    assert data is not None
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    path = tmp_path / name
    path.write_bytes(data)
    return path


def make_letter(
    name: str = "Ms. Dana Davis",
    *,
    paragraphs: tuple[str, ...] = ("Thank you for your time.",),
    salutation: str = "Dear Ms. Davis:",
) -> Letter:
    return Letter(
        sender_block=("9 Elm Street", "Chicago, IL 60601"),
        date_line="November 25, 2026",
        inside_address=(name, "Acme", "Springfield, IL 62701"),
        salutation=salutation,
        paragraphs=paragraphs,
        closing="Sincerely,",
        signature_name="Alex Candidate",
    )


@pytest.fixture
def services(data_dir: Path, clock: Clock) -> Iterator[Services]:
    with open_services(data_dir, clock) as opened:
        opened.profile.save(
            Profile(name="Alex Candidate", street="9 Elm Street", city="Chicago", region="IL")
        )
        yield opened


# -- the words --------------------------------------------------------------------------------
@needs_poppler
@pytest.mark.parametrize("situation", list(Situation), ids=lambda s: s.value)
def test_each_situation_prints_the_address_and_salutation_exactly(
    services: Services, tmp_path: Path, situation: Situation
) -> None:
    contact = services.contacts.add_contact(CARD)
    draft = services.drafter.draft(
        contact.id, day=NOW.date(), write_date=qt_long_date("en_US"), situation=situation
    )

    path = write(tmp_path, letter_pdf_bytes(draft.letter(), LETTER))

    lines = [line.strip() for line in pdf_text(path).splitlines()]
    for expected in (
        "Ms. Dana Davis",
        "Director of Platform Engineering",
        "Developer Experience",
        "Northwind Traders & Sons",
        "1200 Harbor Boulevard",
        "Suite 400",
        "Springfield, IL 62701",
        "USA",
        "Dear Ms. Davis:",
        "November 25, 2026",
        "Sincerely,",
        "Alex Candidate",
    ):
        assert expected in lines, (situation, expected)
    # The inside address is in order, one line each, as the envelope will have it.
    first = lines.index("Ms. Dana Davis")
    assert tuple(lines[first : first + 8]) == inside_address(CARD)
    assert pdf_info(path)["Title"] == "Letter to Ms. Dana Davis"


@needs_poppler
def test_the_letter_text_reads_back_as_typed(tmp_path: Path) -> None:
    # Ligatures (fi, ffi) and markup must come back as the letters typed.
    body = "The office staff were efficient & first-rate: <b>thanks</b> {{ x }}."
    path = write(tmp_path, letter_pdf_bytes(make_letter(paragraphs=(body,)), LETTER))

    assert body in pdf_text(path)


@needs_poppler
def test_unicode_names_print_with_real_glyphs_and_read_back_exactly(tmp_path: Path) -> None:
    letter = Letter(
        sender_block=("Łódź, ul. Piotrkowska 1",),
        date_line="November 25, 2026",
        inside_address=UNICODE_NAMES,
        salutation="Dear 王小明:",
        paragraphs=("Thank you, Zoë, Łukasz and دانا.",),
        closing="Sincerely,",
        signature_name="Zoë Ñúñez",
    )

    path = write(tmp_path, letter_pdf_bytes(letter, A4))

    text = pdf_text(path)
    for name in (*UNICODE_NAMES, "Łódź, ul. Piotrkowska 1", "Dear 王小明:"):
        assert name in text, name
    # Every glyph came from a real font embedded in the file (no missing-glyph boxes).
    fonts = poppler("pdffonts", str(path)).splitlines()[2:] if shutil.which("pdffonts") else []
    assert all(" yes " in line for line in fonts), fonts


def test_an_address_starting_with_an_arabic_name_stays_flush_left() -> None:
    # Qt would lay out a paragraph that starts in Arabic from the right margin.
    letter = make_letter("دانا", salutation="Dear دانا:")
    document = build_letter_document(letter, LETTER)
    image = QImage(LETTER.size_px().toSize(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_page(document, painter, 0)
    painter.end()

    inked_columns = [
        x
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)).lightness() < 200
    ]
    # Every line of this letter is short: all of it sits in the left half of the page.
    assert inked_columns and max(inked_columns) < image.width() / 2


# -- the paper --------------------------------------------------------------------------------
@needs_poppler
@pytest.mark.parametrize(
    ("page", "size"),
    [(LETTER, "612 x 792 pts (letter)"), (A4, "595 x 842 pts (A4)")],
    ids=["letter", "a4"],
)
def test_the_pdf_is_on_the_chosen_paper(tmp_path: Path, page: PageSpec, size: str) -> None:
    path = write(tmp_path, letter_pdf_bytes(make_letter(), page))

    info = pdf_info(path)
    assert info["Page size"] == size
    assert info["Pages"] == "1"
    assert info["Creator"] == "Follow-Up Desk"


@needs_poppler
def test_a_long_letter_runs_onto_a_second_page(tmp_path: Path) -> None:
    paragraphs = tuple(f"Paragraph {i}. " + "I enjoyed our talk. " * 30 for i in range(6))

    path = write(tmp_path, letter_pdf_bytes(make_letter(paragraphs=paragraphs), LETTER))

    assert pdf_info(path)["Pages"] == "2"
    assert "Dear Ms. Davis:" in pdf_text(path, page=1)
    assert "Sincerely," in pdf_text(path, page=2)
    assert "Dear Ms. Davis:" not in pdf_text(path, page=2)


# -- many letters -----------------------------------------------------------------------------
@needs_poppler
def test_many_letters_go_into_one_pdf_each_from_a_new_page(tmp_path: Path) -> None:
    names = ("Ms. Dana Davis", "Mr. Sam O'Brien", "Zoë Ñúñez")
    letters = [make_letter(name, salutation=f"Dear {name}:") for name in names]

    path = write(tmp_path, letters_pdf_bytes(letters, LETTER))

    info = pdf_info(path)
    assert info["Pages"] == "3"
    assert info["Title"] == "3 letters"
    for number, name in enumerate(names, start=1):
        page = pdf_text(path, page=number)
        assert page.count("Dear ") == 1 and f"Dear {name}:" in page, number


@needs_poppler
def test_a_long_letter_among_many_keeps_the_next_on_a_new_page(tmp_path: Path) -> None:
    long = make_letter(paragraphs=tuple("Thank you again. " * 40 for _ in range(8)))
    short = make_letter("Mr. Sam O'Brien", salutation="Dear Mr. O'Brien:")

    path = write(tmp_path, letters_pdf_bytes([long, short, short], LETTER))

    assert pdf_info(path)["Pages"] == "4"
    assert "Dear Mr. O'Brien:" in pdf_text(path, page=3)
    assert "Dear Ms. Davis:" not in pdf_text(path, page=3)


def test_progress_is_told_after_each_letter() -> None:
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    data = letters_pdf_bytes([make_letter()] * 3, LETTER, progress=progress)

    assert data is not None and data.startswith(b"%PDF-")
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_cancelling_from_progress_stops_and_returns_nothing() -> None:
    calls: list[tuple[int, int]] = []

    def cancel_after_two(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 2

    assert letters_pdf_bytes([make_letter()] * 5, LETTER, progress=cancel_after_two) is None
    assert calls == [(1, 5), (2, 5)]


def test_no_letters_is_an_error_not_an_empty_pdf() -> None:
    with pytest.raises(ValueError, match="no letters"):
        letters_pdf_bytes([], LETTER)
