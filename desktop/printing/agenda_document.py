"""Lay out an ``Agenda`` (overdue, due now, upcoming) as a paginated QTextDocument.

Paint its pages with ``letter_document.paint_page`` or write them with ``pdf.write_pdf``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, tzinfo
from html import escape

from PySide6.QtGui import QFont, QTextDocument

from desktop.domain.followups import Agenda, FollowUpRecord
from desktop.domain.rules.window import describe_time_left
from desktop.printing.dates import FALLBACK_LOCALE, qt_long_date, short_moment
from desktop.printing.fonts import SANS_FALLBACKS, page_font, with_fallbacks
from desktop.printing.page import PageSpec, points_to_layout_px

AGENDA_FONT_FAMILIES = with_fallbacks(
    ["Segoe UI", "Helvetica Neue", "Arial", "Liberation Sans", "DejaVu Sans"], SANS_FALLBACKS
)
AGENDA_FONT_POINTS = 9.0
TITLE_FONT_POINTS = 16.0
HEADING_FONT_POINTS = 12.0
NOTHING_DUE = "Nothing to follow up on."
COLUMNS = ("Person", "Situation", "Time left", "Due by", "Channel")
# Percent of the text width, the same in every section so the columns line up down the page.
# The short columns fit "overdue by 36 h", "Wed 25 Nov, 04:30", "Typed letter, mailed" on A4;
# names and situations wrap when they must.
COLUMN_WIDTHS = (21, 19, 17, 20, 23)
# A list for the desk, not a letter: half-inch margins leave room for the five columns.
AGENDA_MARGIN_POINTS = 36.0


def agenda_page(paper: PageSpec) -> PageSpec:
    """The same sheet of paper with the agenda's narrower margins."""
    return replace(paper, margin_points=AGENDA_MARGIN_POINTS)


def agenda_font() -> QFont:
    return page_font(AGENDA_FONT_FAMILIES, AGENDA_FONT_POINTS, QFont.StyleHint.SansSerif)


def format_due_by(moment: datetime, tz: tzinfo | None, locale: str) -> str:
    """``moment`` in local time (the system's when ``tz`` is None): "Thu 26 Nov, 02:30"."""
    return short_moment(moment.astimezone(tz), locale)


def _px(points: float) -> int:
    return round(points_to_layout_px(points))


def _row(record: FollowUpRecord, now: datetime, tz: tzinfo | None, locale: str) -> str:
    cells = (
        record.contact_name,
        record.situation.label,
        describe_time_left(record.window, now),
        format_due_by(record.closes_at, tz, locale),
        record.advice.channel.label,
    )
    return "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>"


def _section(
    heading: str, records: tuple[FollowUpRecord, ...], now: datetime, tz: tzinfo | None, locale: str
) -> str:
    header = "".join(
        f'<th width="{width}%" align="left">{escape(name)}</th>'
        for name, width in zip(COLUMNS, COLUMN_WIDTHS, strict=True)
    )
    rows = "".join(_row(record, now, tz, locale) for record in records)
    return (
        f"<h2>{escape(heading)} ({len(records)})</h2>"
        '<table width="100%" cellspacing="0" cellpadding="4" border="1">'
        f"<thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"
    )


def agenda_title(agenda: Agenda, tz: tzinfo | None, locale: str) -> str:
    """ "Follow-ups for November 25, 2026": the agenda's day in local time, written out."""
    return f"Follow-ups for {qt_long_date(locale)(agenda.now.astimezone(tz).date())}"


def agenda_html(agenda: Agenda, *, tz: tzinfo | None = None, locale: str = FALLBACK_LOCALE) -> str:
    """The agenda as HTML; every piece of user text is escaped, so "<b>" prints as typed."""
    parts = [f"<h1>{escape(agenda_title(agenda, tz, locale))}</h1>"]
    sections = (("Overdue", agenda.overdue), ("Due now", agenda.due), ("Upcoming", agenda.upcoming))
    shown = [(heading, records) for heading, records in sections if records]
    if not shown:
        parts.append(f"<p>{escape(NOTHING_DUE)}</p>")
    for heading, records in shown:
        parts.append(_section(heading, records, agenda.now, tz, locale))
    return f"<html><body>{''.join(parts)}</body></html>"


def _style() -> str:
    return (
        f"h1 {{ font-size: {_px(TITLE_FONT_POINTS)}px; font-weight: bold;"
        " margin-top: 0px; margin-bottom: 12px; }"
        f"h2 {{ font-size: {_px(HEADING_FONT_POINTS)}px; font-weight: bold;"
        " margin-top: 16px; margin-bottom: 6px; }"
        "table { border-collapse: collapse; border-color: #888888; border-style: solid; }"
        "th { background-color: #e8e8e8; font-weight: bold; }"
        "td, th { white-space: pre-wrap; }"
    )


def build_agenda_document(
    agenda: Agenda, page: PageSpec, *, tz: tzinfo | None = None, locale: str = FALLBACK_LOCALE
) -> QTextDocument:
    """A document paginated to ``page`` with its margins, ready to paint, print or save."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(agenda_font())
    document.setDefaultStyleSheet(_style())
    document.setDocumentMargin(page.margin_px())
    document.setPageSize(page.size_px())
    document.setHtml(agenda_html(agenda, tz=tz, locale=locale))
    return document
