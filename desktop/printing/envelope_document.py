"""Lay out an envelope (#10 or DL, printed landscape) as a one-page QTextDocument.

The envelope is a document like the letter, so it is previewed with ``paint_page``, printed
with ``render_document`` and saved with ``pdf.write_pdf``: one code path for all three.

    +----------------------------------------------------------+
    | Alex Candidate                                           |
    | 9 Elm Street                                             |
    | Chicago, IL 60601                                        |
    |                                                          |
    |                          Ms. Dana Davis                  |
    |                          Acme Corporation                |
    |                          100 Main Street                 |
    |                          Springfield, IL 62701           |
    |                                                          |
    +----------------------------------------------------------+

The return address sits in the top left corner in a smaller type. The delivery address is
one block of left-aligned lines, centred a little right of and below the middle of the
envelope, where postal sorting machines look for it, clear of the return address and of
the barcode strip along the bottom edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QPageSize,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from desktop.domain.letters import Sender, address_lines
from desktop.domain.profile import Envelope
from desktop.printing.fonts import SANS_FALLBACKS, page_font, with_fallbacks
from desktop.printing.page import LANDSCAPE, LAYOUT_DPI, POINTS_PER_INCH, PageSpec

# A plain sans serif reads best to people and to the post office's address readers.
ENVELOPE_FONT_FAMILIES = [
    *with_fallbacks(["Arial", "Helvetica", "Liberation Sans", "DejaVu Sans"], SANS_FALLBACKS),
    "sans-serif",
]
RETURN_FONT_POINTS = 9.0
DELIVERY_FONT_POINTS = 12.0
ENVELOPE_MARGIN_POINTS = 0.4 * POINTS_PER_INCH
# The centre of the delivery address block, as fractions of the envelope's width and height.
DELIVERY_CENTRE = (0.56, 0.56)
# At least this much space under the return address, in inches.
RETURN_GAP_INCHES = 0.3
# Nothing in the bottom 5/8 inch: the post office prints its barcode there.
BARCODE_CLEAR_INCHES = 0.625

_SIZE_IDS = {Envelope.COMM10: QPageSize.PageSizeId.Comm10E, Envelope.DL: QPageSize.PageSizeId.DLE}
# Paper sold in North America goes with #10 envelopes; everything else (A4) with DL.
_US_PAPER = {
    QPageSize.PageSizeId.Letter,
    QPageSize.PageSizeId.Legal,
    QPageSize.PageSizeId.Executive,
    QPageSize.PageSizeId.ExecutiveStandard,
    QPageSize.PageSizeId.Ledger,
    QPageSize.PageSizeId.Tabloid,
}
_LINE_SEPARATOR = "\u2028"  # a line break inside one block, as <br> is in HTML


@dataclass(frozen=True)
class EnvelopeSpec(PageSpec):
    """An envelope as a landscape page with 0.4 inch margins; ``kind`` is #10 or DL."""

    kind: Envelope = Envelope.COMM10


def envelope_spec(kind: Envelope | str, paper: PageSpec) -> EnvelopeSpec:
    """The envelope ``kind`` names; automatic is #10 with Letter paper and DL with A4.

    Raises ValueError for a kind that is not an ``Envelope`` value.
    """
    try:
        chosen = Envelope(kind)
    except ValueError:
        raise ValueError(f"“{kind}” is not an envelope size (#10 or DL).") from None
    if chosen is Envelope.AUTOMATIC:
        chosen = Envelope.COMM10 if paper.size_id in _US_PAPER else Envelope.DL
    return EnvelopeSpec(_SIZE_IDS[chosen], ENVELOPE_MARGIN_POINTS, LANDSCAPE, kind=chosen)


def envelope_font(points: float) -> QFont:
    return page_font(ENVELOPE_FONT_FAMILIES, points, QFont.StyleHint.SansSerif)


def return_address_lines(sender: Sender | None) -> tuple[str, ...]:
    """Name and postal address; no phone or email, which the post office has no use for."""
    if sender is None:
        return ()
    postal = address_lines(
        sender.street, sender.city, sender.region, sender.postal_code, sender.country
    )
    return tuple(line for line in (sender.name.strip(), *postal) if line)


def _one_line(text: str) -> str:
    """A line as typed, except that line breaks inside it cannot start new lines."""
    return " ".join(text.splitlines()).strip()


def _block_format() -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setTopMargin(0)
    block.setBottomMargin(0)
    # Left to right and flush left even when a line is Arabic (see letter_document).
    block.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    block.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
    return block


def _char_format(points: float) -> QTextCharFormat:
    char = QTextCharFormat()
    char.setFont(envelope_font(points))
    return char


def _text_size(block: QTextBlock) -> tuple[float, float]:
    """Width of the widest line and height of all lines of a laid-out block, in pixels."""
    layout = block.layout()
    lines = [layout.lineAt(i) for i in range(layout.lineCount())]
    width = max((line.naturalTextWidth() for line in lines), default=0.0)
    return width, layout.boundingRect().height()


def build_envelope_document(
    sender: Sender | None, recipient_lines: tuple[str, ...], spec: PageSpec
) -> QTextDocument:
    """The envelope for ``recipient_lines`` (see ``letters.inside_address``) on ``spec``.

    Text is inserted as plain text, never parsed as markup, so "<b>" prints as typed.
    """
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(envelope_font(DELIVERY_FONT_POINTS))
    document.setDocumentMargin(spec.margin_px())
    document.setPageSize(spec.size_px())
    returning = [line for line in map(_one_line, return_address_lines(sender)) if line]
    delivering = [line for line in map(_one_line, recipient_lines) if line]

    # Two blocks: the return address (empty without a sender: Qt drops the top margin of a
    # page's first block, so the delivery address is never first) and the delivery address.
    cursor = QTextCursor(document)
    cursor.setBlockFormat(_block_format())
    cursor.insertText(_LINE_SEPARATOR.join(returning), _char_format(RETURN_FONT_POINTS))
    cursor.insertBlock(_block_format(), _char_format(DELIVERY_FONT_POINTS))
    cursor.insertText(_LINE_SEPARATOR.join(delivering), _char_format(DELIVERY_FONT_POINTS))

    _place_delivery_block(document, spec, has_return_address=bool(returning))
    return document


def _place_delivery_block(
    document: QTextDocument, spec: PageSpec, *, has_return_address: bool
) -> None:
    """Move the last block (the delivery address) to its place with block margins."""
    layout = document.documentLayout()
    layout.documentSize()  # lays the document out
    page = spec.size_px()
    margin = spec.margin_px()
    delivery = document.lastBlock()
    width, height = _text_size(delivery)

    left = page.width() * DELIVERY_CENTRE[0] - width / 2
    left = max(margin, min(left, page.width() - margin - width))

    above = layout.blockBoundingRect(document.firstBlock()).bottom()  # the block's top
    lowest_top = page.height() - BARCODE_CLEAR_INCHES * LAYOUT_DPI - height
    top = min(page.height() * DELIVERY_CENTRE[1] - height / 2, lowest_top)
    if has_return_address:
        top = max(top, above + RETURN_GAP_INCHES * LAYOUT_DPI)
    top = max(top, above)

    block = _block_format()
    block.setLeftMargin(left - margin)
    block.setTopMargin(top - above)
    cursor = QTextCursor(delivery)
    cursor.setBlockFormat(block)
