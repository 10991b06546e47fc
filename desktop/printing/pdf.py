"""Write paginated QTextDocuments to PDF, page for page as the preview shows them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPdfWriter, QTextDocument

from desktop import APP_NAME
from desktop.printing.page import PageSpec
from desktop.printing.pdf_text import fix_text_mapping
from desktop.printing.render import Progress, full_sheet_layout, render_documents

PDF_DPI = 1200


def documents_pdf_bytes(
    documents: Iterable[QTextDocument],
    page: PageSpec,
    title: str,
    *,
    total: int,
    progress: Progress | None = None,
) -> bytes | None:
    """One PDF of every document in turn, each from a new page; None if ``progress`` said stop.

    ``page`` gives the sheet (size and orientation) the documents were laid out for.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(title)
    writer.setCreator(APP_NAME)
    writer.setPageLayout(full_sheet_layout(page))
    finished = render_documents(
        documents, writer, writer.resolution(), total=total, progress=progress
    )
    buffer.close()
    if not finished:
        return None
    return fix_text_mapping(bytes(data.data()))


def pdf_bytes(document: QTextDocument, page: PageSpec, title: str) -> bytes:
    """The PDF of ``document``, laid out for ``page`` (see ``build_*_document``)."""
    data = documents_pdf_bytes([document], page, title, total=1)
    assert data is not None  # nothing can stop a job without progress
    return data


def write_pdf(document: QTextDocument, page: PageSpec, path: Path, title: str) -> None:
    """Write the PDF to ``path``. Raises OSError when the file cannot be written.

    The PDF is rendered in memory first, so a rendering failure leaves no file behind.
    """
    path.write_bytes(pdf_bytes(document, page, title))
