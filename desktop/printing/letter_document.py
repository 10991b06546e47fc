"""Lay out a ``Letter`` as a paginated QTextDocument, and paint its pages."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextDocument,
)

from desktop.domain.letters import Letter
from desktop.printing.fonts import SERIF_FALLBACKS, page_font, with_fallbacks
from desktop.printing.page import PageSpec

# The look first; then faces for accented Latin, Arabic and CJK names (see fonts.py).
LETTER_FONT_FAMILIES = [
    *with_fallbacks(
        ["Georgia", "Times New Roman", "Liberation Serif", "DejaVu Serif"], SERIF_FALLBACKS
    ),
    "serif",
]
LETTER_FONT_POINTS = 11.5
# Room for a handwritten signature between the closing and the typed name.
SIGNATURE_SPACE_LINES = 3


def letter_font() -> QFont:
    return page_font(LETTER_FONT_FAMILIES, LETTER_FONT_POINTS, QFont.StyleHint.Serif)


def _lines(lines: tuple[str, ...] | list[str]) -> str:
    return "<br>".join(escape(line) for line in lines)


def _flush_left(block: str) -> str:
    """A paragraph that stays left to right and flush left whatever script it starts with.

    Said explicitly: a paragraph whose direction is left to Qt may take it from its first
    letter, and an address whose first line is an Arabic name would then move to the right
    margin, lines and all. The Arabic itself still reads right to left inside its line.
    """
    return f'<p dir="ltr">{block}</p>'


def letter_html(letter: Letter) -> str:
    """Block format: everything flush left, one blank line between blocks.

    Every piece of user text goes through ``html.escape`` and ``pre-wrap`` keeps its spaces,
    so "<b>", "&amp;" or "{{ x }}" on a card print exactly as typed. Every block is flush
    left whatever script a name is in.
    """
    blocks: list[str] = []
    if letter.sender_block:
        blocks.append(_flush_left(_lines(letter.sender_block)))
    blocks.append(_flush_left(escape(letter.date_line)))
    if letter.inside_address:
        blocks.append(_flush_left(_lines(letter.inside_address)))
    blocks.append(_flush_left(escape(letter.salutation)))
    blocks.extend(_flush_left(escape(paragraph)) for paragraph in letter.paragraphs)
    closing = escape(letter.closing)
    if letter.signature_name:
        spacer = "<br>" * (SIGNATURE_SPACE_LINES + 1)
        closing += spacer + escape(letter.signature_name)
    blocks.append(_flush_left(closing))
    return f"<html><body>{''.join(blocks)}</body></html>"


_STYLE = "p { margin-top: 0px; margin-bottom: 1em; white-space: pre-wrap; }"


def build_letter_document(letter: Letter, page: PageSpec) -> QTextDocument:
    """A document paginated to ``page`` with its margins, ready to paint or print."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(letter_font())
    document.setDefaultStyleSheet(_STYLE)
    document.setDocumentMargin(page.margin_px())
    document.setPageSize(page.size_px())
    document.setHtml(letter_html(letter))
    return document


def paint_page(document: QTextDocument, painter: QPainter, page_index: int) -> None:
    """Paint one page of a paginated ``document`` at the painter's origin, as black on white."""
    page = document.pageSize()
    painter.save()
    painter.translate(0, -page_index * page.height())
    clip = QRectF(QPointF(0, page_index * page.height()), page)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip
    # Paper is white whatever the desktop theme, so the text is always black.
    context.palette.setColor(QPalette.ColorRole.Text, QColor("black"))
    painter.setClipRect(clip)
    document.documentLayout().draw(painter, context)
    painter.restore()
