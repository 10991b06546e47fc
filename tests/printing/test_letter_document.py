"""Letter layout: escaping, paper, margins and pagination, checked on rendered pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from desktop.domain.letters import Letter
from desktop.printing.letter_document import build_letter_document, letter_html, paint_page
from desktop.printing.page import A4, LETTER, PageSpec, default_page_spec


def make_letter(*, paragraphs: tuple[str, ...] = ("Thank you.",), company: str = "Acme") -> Letter:
    return Letter(
        sender_block=("9 Elm Street", "Chicago, IL 60601"),
        date_line="November 25, 2026",
        inside_address=("Ms. Dana Davis", company, "Springfield, IL 62701"),
        salutation="Dear Ms. Davis:",
        paragraphs=paragraphs,
        closing="Sincerely,",
        signature_name="Alex Candidate",
    )


def render(letter: Letter, page: PageSpec, index: int = 0) -> QImage:
    document = build_letter_document(letter, page)
    size = page.size_px().toSize()
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_page(document, painter, index)
    painter.end()
    return image


def ink_bounds(image: QImage) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) of every non-white pixel, or None for a blank page."""
    xs: list[int] = []
    ys: list[int] = []
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            if QColor(image.pixel(x, y)).lightness() < 200:
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize(
    ("language", "country", "expected"),
    [
        (QLocale.Language.English, QLocale.Country.UnitedStates, LETTER),
        (QLocale.Language.Spanish, QLocale.Country.UnitedStates, LETTER),
        (QLocale.Language.English, QLocale.Country.UnitedKingdom, A4),
        (QLocale.Language.German, QLocale.Country.Germany, A4),
        (QLocale.Language.French, QLocale.Country.Canada, A4),
    ],
)
def test_paper_follows_the_locale(
    language: QLocale.Language, country: QLocale.Country, expected: PageSpec
) -> None:
    assert default_page_spec(QLocale(language, country)) == expected


def test_letter_paper_is_8_5_by_11_inches_with_one_inch_margins() -> None:
    assert (LETTER.size_px().width(), LETTER.size_px().height()) == (816, 1056)
    assert LETTER.margin_px() == 96
    layout = LETTER.page_layout()
    assert layout.margins().left() == 72  # points


def test_markup_in_fields_is_escaped_not_interpreted() -> None:
    letter = make_letter(company="<b>Bold</b> & {{ x }} &amp; <script>alert(1)</script>")
    html = letter_html(letter)
    assert "<b>Bold" not in html and "<script>" not in html
    text = build_letter_document(letter, LETTER).toPlainText()
    assert "<b>Bold</b> & {{ x }} &amp; <script>alert(1)</script>" in text


def test_spaces_typed_in_a_name_are_kept() -> None:
    letter = make_letter(company="Smith  &  Jones")
    assert "Smith  &  Jones" in build_letter_document(letter, LETTER).toPlainText()


@pytest.mark.parametrize("page", [LETTER, A4], ids=["letter", "a4"])
def test_text_stays_inside_the_margins_even_when_very_long(qtbot: QtBot, page: PageSpec) -> None:
    long_word = "Supercalifragilistic" * 12
    letter = make_letter(company=long_word, paragraphs=("word " * 300, f"{long_word} {long_word}"))
    bounds = ink_bounds(render(letter, page))
    assert bounds is not None
    left, top, right, bottom = bounds
    size = page.size_px()
    margin = page.margin_px()
    assert left >= margin - 2
    assert top >= margin - 2
    assert right <= size.width() - margin + 2
    assert bottom <= size.height() - margin + 2


def test_a_long_letter_continues_on_page_two(qtbot: QtBot) -> None:
    letter = make_letter(paragraphs=tuple(f"Paragraph {i}. " + "text " * 60 for i in range(14)))
    document = build_letter_document(letter, LETTER)
    assert document.pageCount() >= 2
    second = ink_bounds(render(letter, LETTER, index=1))
    assert second is not None
    assert second[1] >= LETTER.margin_px() - 2, "page two keeps its top margin"


def test_a_short_letter_is_one_page() -> None:
    assert build_letter_document(make_letter(), LETTER).pageCount() == 1
