"""The printed agenda: sections, escaping, local times, pagination and the PDF it writes."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument, QTextTable

from desktop.domain.followups import Agenda, FollowUpRecord
from desktop.domain.rules.channel_advice import ChannelAdvice
from desktop.domain.rules.window import follow_up_window
from desktop.domain.vocabulary import Channel, FollowUpStatus, Situation
from desktop.printing.agenda_document import (
    AGENDA_MARGIN_POINTS,
    NOTHING_DUE,
    agenda_html,
    agenda_page,
    build_agenda_document,
    format_due_by,
)
from desktop.printing.letter_document import paint_page
from desktop.printing.page import A4, LETTER, points_to_layout_px
from desktop.printing.pdf import write_pdf
from tests.conftest import NOW

HOUR = timedelta(hours=1)
CHICAGO = ZoneInfo("America/Chicago")
BERLIN = ZoneInfo("Europe/Berlin")
MARKUP = "<b>Bold</b> & {{ x }} &amp; <script>alert(1)</script>"


def record(
    follow_up_id: int,
    name: str,
    contact_at: datetime,
    *,
    situation: Situation = Situation.AFTER_INTERVIEW,
    channel: Channel = Channel.TYPED_LETTER,
) -> FollowUpRecord:
    window = follow_up_window(contact_at)
    return FollowUpRecord(
        id=follow_up_id,
        contact_id=follow_up_id,
        contact_name=name,
        contact_category="hiring-process",
        event_id=None,
        event_kind=None,
        discussed="",
        previous_id=None,
        situation=situation,
        opens_at=window.opens_at,
        target_at=window.target_at,
        closes_at=window.closes_at,
        advice=ChannelAdvice(channel, "Because."),
        status=FollowUpStatus.PENDING,
        sent_at=None,
        sent_channel=None,
        summary="",
        override_note="",
        created_at=NOW,
    )


# Overdue by 4 h (closed 10:30 UTC), due with 34 h left, opening in 3 days.
OVERDUE = record(1, "Ms. Dana Davis", NOW - 40 * HOUR)
DUE = record(
    2, "Zoë Ñúñez", NOW - 2 * HOUR, situation=Situation.THANK_HELPER, channel=Channel.EMAIL
)
UPCOMING = record(
    3, "Mr. Sam O'Brien", NOW + 72 * HOUR, situation=Situation.AFTER_RESUME, channel=Channel.PHONE
)
FULL = Agenda(NOW, (OVERDUE,), (DUE,), (UPCOMING,))


def text_of(agenda: Agenda, tz: ZoneInfo = CHICAGO, locale: str = "en_US") -> str:
    return build_agenda_document(agenda, agenda_page(LETTER), tz=tz, locale=locale).toPlainText()


def tables(document: QTextDocument) -> list[QTextTable]:
    return [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]


def test_the_title_writes_out_the_local_date() -> None:
    text = text_of(FULL)

    assert text.startswith("Follow-ups for November 25, 2026")


def test_the_title_date_is_the_local_day_and_follows_the_locale() -> None:
    late_evening_in_chicago = Agenda(NOW.replace(hour=3), (), (), ())  # 21:00 on the 24th there

    assert text_of(late_evening_in_chicago).startswith("Follow-ups for November 24, 2026")
    assert text_of(FULL, tz=BERLIN, locale="de_DE").startswith("Follow-ups for 25. November 2026")


def test_sections_come_in_order_with_their_people() -> None:
    text = text_of(FULL)

    positions = [
        text.index(part)
        for part in (
            "Overdue (1)",
            "Ms. Dana Davis",
            "Due now (1)",
            "Zoë Ñúñez",
            "Upcoming (1)",
            "Mr. Sam O'Brien",
        )
    ]
    assert positions == sorted(positions)


def test_each_row_has_situation_time_left_due_by_and_channel() -> None:
    document = build_agenda_document(FULL, agenda_page(LETTER), tz=CHICAGO, locale="en_US")
    found = tables(document)
    assert len(found) == 3

    def row(table: QTextTable, index: int) -> list[str]:
        cells = (table.cellAt(index, column) for column in range(table.columns()))
        return [document.toPlainText()[c.firstPosition() : c.lastPosition()].strip() for c in cells]

    assert row(found[0], 0) == ["Person", "Situation", "Time left", "Due by", "Channel"]
    assert row(found[0], 1) == [
        "Ms. Dana Davis",
        "After an interview",
        "overdue by 4 h",
        "Wed 25 Nov, 04:30",
        "Typed letter, mailed",
    ]
    assert row(found[1], 1) == [
        "Zoë Ñúñez",
        "Thank a helper",
        "34 h left",
        "Thu 26 Nov, 18:30",
        "Email",
    ]
    assert row(found[2], 1) == [
        "Mr. Sam O'Brien",
        "After a resume",
        "opens in 3 days",
        "Sun 29 Nov, 20:30",
        "Phone call",
    ]


def test_empty_sections_are_left_out() -> None:
    text = text_of(Agenda(NOW, (), (DUE,), ()))

    assert "Due now (1)" in text
    assert "Overdue" not in text and "Upcoming" not in text
    assert NOTHING_DUE not in text


def test_an_empty_agenda_says_so_without_tables() -> None:
    document = build_agenda_document(Agenda(NOW, (), (), ()), LETTER, tz=CHICAGO)

    assert NOTHING_DUE in document.toPlainText()
    assert tables(document) == []
    assert "Person" not in document.toPlainText()


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        (CHICAGO, "Thu 26 Nov, 02:30"),
        (BERLIN, "Thu 26 Nov, 09:30"),
        (ZoneInfo("Asia/Kolkata"), "Thu 26 Nov, 14:00"),
    ],
)
def test_due_by_is_shown_in_local_time(tz: ZoneInfo, expected: str) -> None:
    closes_at = datetime(2026, 11, 26, 8, 30, tzinfo=ZoneInfo("UTC"))

    assert format_due_by(closes_at, tz, "en_US") == expected


def test_due_by_names_day_and_month_in_the_locale() -> None:
    closes_at = datetime(2026, 11, 26, 8, 30, tzinfo=ZoneInfo("UTC"))

    assert format_due_by(closes_at, BERLIN, "de_DE") == "Do. 26 Nov., 09:30"


def test_due_by_crosses_daylight_saving_time_by_the_zone_rules() -> None:
    # Chicago is UTC-5 in summer and UTC-6 in winter: the offset comes from each moment.
    summer = datetime(2026, 7, 1, 12, 0, tzinfo=ZoneInfo("UTC"))

    assert format_due_by(summer, CHICAGO, "en_US") == "Wed 1 Jul, 07:00"


def test_markup_in_names_is_escaped_not_interpreted() -> None:
    agenda = Agenda(NOW, (record(9, MARKUP, NOW - 40 * HOUR),), (), ())

    html = agenda_html(agenda, tz=CHICAGO)
    assert "<b>Bold" not in html and "<script>" not in html
    assert MARKUP in text_of(agenda)


def test_a_long_agenda_breaks_over_pages_repeating_the_column_headings() -> None:
    many = tuple(record(i, f"Person {i}", NOW - 40 * HOUR) for i in range(80))
    document = build_agenda_document(Agenda(NOW, many, (), ()), agenda_page(A4), tz=CHICAGO)

    assert document.pageCount() >= 2
    (table,) = tables(document)
    assert table.format().headerRowCount() == 1
    assert table.rows() == 81


def test_the_agenda_page_keeps_the_paper_with_half_inch_margins() -> None:
    page = agenda_page(A4)

    assert page.size_id == A4.size_id
    assert page.margin_px() == points_to_layout_px(AGENDA_MARGIN_POINTS) == 48


def test_the_ink_stays_inside_the_margins() -> None:
    page = agenda_page(LETTER)
    document = build_agenda_document(FULL, page, tz=CHICAGO)
    image = QImage(page.size_px().toSize(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_page(document, painter, 0)
    painter.end()

    inked = [
        (x, y)
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)).lightness() < 200
    ]
    assert inked
    margin = page.margin_px()
    assert min(x for x, _ in inked) >= margin - 2
    assert max(x for x, _ in inked) <= image.width() - margin + 2
    assert min(y for _, y in inked) >= margin - 2


# -- PDF --------------------------------------------------------------------------------------
def pdf_text(path: Path) -> str:
    """The PDF's text with runs of white space made one space (cells wrap their text)."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        timeout=60,
    )
    return " ".join(result.stdout.split())


def test_write_pdf_writes_a_pdf_with_one_page_per_document_page(tmp_path: Path) -> None:
    page = agenda_page(A4)
    many = tuple(record(i, f"Person {i}", NOW - 40 * HOUR) for i in range(80))
    document = build_agenda_document(Agenda(NOW, many, (), ()), page, tz=CHICAGO)
    path = tmp_path / "agenda.pdf"

    write_pdf(document, page, path, "Follow-ups")

    data = path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert document.pageCount() >= 2
    assert f"/Count {document.pageCount()}\n".encode() in data


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)
def test_the_pdf_text_holds_the_names_title_and_sections(tmp_path: Path) -> None:
    agenda = Agenda(NOW, (OVERDUE, record(9, MARKUP, NOW - 40 * HOUR)), (DUE,), (UPCOMING,))
    page = agenda_page(LETTER)
    path = tmp_path / "agenda.pdf"

    write_pdf(build_agenda_document(agenda, page, tz=CHICAGO), page, path, "Follow-ups")

    text = pdf_text(path)
    for expected in (
        "Follow-ups for November 25, 2026",
        "Overdue (2)",
        "Due now (1)",
        "Upcoming (1)",
        "Ms. Dana Davis",
        "Zoë Ñúñez",
        "Mr. Sam O'Brien",
        "<b>Bold</b> & {{ x }} &amp;",
        "Wed 25 Nov, 04:30",
        "Typed letter, mailed",
    ):
        assert expected in text, expected


@pytest.mark.skipif(
    shutil.which("pdfinfo") is None, reason="pdfinfo (poppler-utils) is not installed"
)
def test_the_pdf_has_the_paper_size_title_and_creator(tmp_path: Path) -> None:
    page = agenda_page(LETTER)
    path = tmp_path / "agenda.pdf"

    write_pdf(build_agenda_document(FULL, page, tz=CHICAGO), page, path, "Follow-ups — Zoë")

    info = subprocess.run(
        ["pdfinfo", str(path)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "Creator:         Follow-Up Desk" in info
    assert "Title:           Follow-ups — Zoë" in info
    assert "612 x 792 pts (letter)" in info
    assert "Pages:           1" in info


def test_write_pdf_to_a_missing_folder_raises_os_error_and_writes_nothing(tmp_path: Path) -> None:
    page = agenda_page(LETTER)
    path = tmp_path / "missing" / "agenda.pdf"

    with pytest.raises(OSError):
        write_pdf(build_agenda_document(FULL, page, tz=CHICAGO), page, path, "Follow-ups")
    assert not path.parent.exists()
