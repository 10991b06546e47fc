"""Paint a paginated document onto any paged device (PDF writer or printer), page for page."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPainter, QTextDocument

from desktop.printing.letter_document import paint_page
from desktop.printing.page import LAYOUT_DPI, PageSpec


def full_sheet_layout(page: PageSpec) -> QPageLayout:
    """The whole sheet, no device margins: our documents carry their own margins."""
    layout = QPageLayout(page.page_layout())
    layout.setMode(QPageLayout.Mode.FullPageMode)
    layout.setMargins(QMarginsF(0, 0, 0, 0))
    return layout


def render_document(document: QTextDocument, device: QPagedPaintDevice, resolution: int) -> None:
    """Paint every page of ``document`` (laid out at LAYOUT_DPI) at the device's resolution."""
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("Qt could not start painting the page (is the printer available?).")
    try:
        scale = resolution / LAYOUT_DPI
        painter.scale(scale, scale)
        for index in range(document.pageCount()):
            if index:
                device.newPage()
            paint_page(document, painter, index)
    finally:
        painter.end()
