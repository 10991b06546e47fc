"""Getting a letter out of the app: printer, print preview, PDF, clipboard, mail program.

Each function returns True when the letter went out (False when the user cancelled or it
failed, after saying why). The same page layout code paints the preview, the printer and
the PDF, so what was previewed is what prints.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl, QUrlQuery
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from desktop.printing.page import PageSpec
from desktop.printing.pdf import write_pdf
from desktop.printing.render import full_sheet_layout, render_document
from desktop.ui.translations import TranslationContext

LetterOutputText = TranslationContext("LetterOutputText")


def documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def safe_file_name(text: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in " -_." else "_" for c in text).strip()
    return cleaned or "letter"


def printer_for(page: PageSpec, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(full_sheet_layout(page))
    printer.setFullPage(True)
    printer.setDocName(title)
    return printer


def print_document(parent: QWidget, document: QTextDocument, page: PageSpec, title: str) -> bool:
    # Kept in a local for the whole call: a temporary QPrinter crashes Qt's print dialogs.
    printer = printer_for(page, title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(LetterOutputText.tr("Print {title}").format(title=title))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        render_document(document, printer, printer.resolution())
    except RuntimeError as exc:
        QMessageBox.warning(parent, LetterOutputText.tr("Not printed"), str(exc))
        return False
    return True


def preview_document(parent: QWidget, document: QTextDocument, page: PageSpec, title: str) -> bool:
    """The system's print preview; True when the user printed from it."""
    printer = printer_for(page, title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(LetterOutputText.tr("Print preview: {title}").format(title=title))
    dialog.paintRequested.connect(
        lambda device: render_document(document, device, device.resolution())
    )
    return dialog.exec() == QDialog.DialogCode.Accepted


def save_document_pdf(
    parent: QWidget, document: QTextDocument, page: PageSpec, title: str, file_name: str
) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        LetterOutputText.tr("Save {title} as PDF").format(title=title),
        str(documents_folder() / f"{safe_file_name(file_name)}.pdf"),
        LetterOutputText.tr("PDF files (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    try:
        write_pdf(document, page, path, title)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            LetterOutputText.tr("PDF not saved"),
            LetterOutputText.tr("Could not write {path}: {reason}").format(
                path=path, reason=exc.strerror
            ),
        )
        return None
    return path


def copy_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


def mailto_url(address: str, subject: str, body: str) -> QUrl:
    url = QUrl()
    url.setScheme("mailto")
    url.setPath(address)
    query = QUrlQuery()
    # Encode fully: "&" or "+" in a letter must not split or alter the query.
    query.addQueryItem("subject", bytes(QUrl.toPercentEncoding(subject).data()).decode())
    query.addQueryItem("body", bytes(QUrl.toPercentEncoding(body).data()).decode())
    url.setQuery(query)
    return url


def open_email(parent: QWidget, address: str, subject: str, body: str) -> bool:
    if not QDesktopServices.openUrl(mailto_url(address, subject, body)):
        copy_text(body)
        QMessageBox.information(
            parent,
            LetterOutputText.tr("No mail program"),
            LetterOutputText.tr(
                "No mail program answered, so the letter's text was copied: paste it into an email."
            ),
        )
    return True
