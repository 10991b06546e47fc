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
from desktop.printing.page import PageSpec, points_to_layout_px

LETTER_FONT_FAMILIES = ["Georgia", "Times New Roman", "Liberation Serif", "DejaVu Serif", "serif"]
LETTER_FONT_POINTS = 11.5
# Room for a handwritten signature between the closing and the typed name.
SIGNATURE_SPACE_LINES = 3


def letter_font() -> QFont:
    font = QFont()
    font.setFamilies(LETTER_FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPixelSize(round(points_to_layout_px(LETTER_FONT_POINTS)))
    return font


def _lines(lines: tuple[str, ...] | list[str]) -> str:
    return "<br>".join(escape(line) for line in lines)


def letter_html(letter: Letter) -> str:
    """Block format: everything flush left, one blank line between blocks.

    Every piece of user text goes through ``html.escape`` and ``pre-wrap`` keeps its spaces,
    so "<b>", "&amp;" or "{{ x }}" on a card print exactly as typed.
    """
    blocks: list[str] = []
    if letter.sender_block:
        blocks.append(_lines(letter.sender_block))
    blocks.append(escape(letter.date_line))
    if letter.inside_address:
        blocks.append(_lines(letter.inside_address))
    blocks.append(escape(letter.salutation))
    blocks.extend(escape(paragraph) for paragraph in letter.paragraphs)
    closing = escape(letter.closing)
    if letter.signature_name:
        spacer = "<br>" * (SIGNATURE_SPACE_LINES + 1)
        closing += spacer + escape(letter.signature_name)
    blocks.append(closing)
    paragraphs = "".join(f"<p>{block}</p>" for block in blocks)
    return f"<html><body>{paragraphs}</body></html>"


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
