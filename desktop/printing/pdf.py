"""Write any paginated QTextDocument to a PDF file, page for page as the preview shows it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPdfWriter, QTextDocument

from desktop import APP_NAME
from desktop.printing.page import PageSpec
from desktop.printing.render import full_sheet_layout, render_document

PDF_DPI = 1200


def pdf_bytes(document: QTextDocument, page: PageSpec, title: str) -> bytes:
    """The PDF of ``document``, laid out for ``page`` (see ``build_*_document``)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator(APP_NAME)
    writer.setPageLayout(full_sheet_layout(page))
    render_document(document, writer, writer.resolution())
    buffer.close()
    return bytes(data.data())


def write_pdf(document: QTextDocument, page: PageSpec, path: Path, title: str) -> None:
    """Write the PDF to ``path``. Raises OSError when the file cannot be written.

    The PDF is rendered in memory first, so a rendering failure leaves no file behind.
    """
    path.write_bytes(pdf_bytes(document, page, title))
