"""Getting the agenda out of the app: a calendar file, a PDF, or paper.

Each function asks where (file dialog or print dialog), writes, and returns a sentence for
the status bar ("" when the user cancelled). Failures are explained, never raised.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from desktop.domain.followups import Agenda, FollowUpService
from desktop.printing.agenda_document import agenda_page, build_agenda_document
from desktop.printing.page import PageSpec, default_page_spec
from desktop.printing.pdf import write_pdf
from desktop.printing.render import full_sheet_layout, render_document
from desktop.ui.translations import TranslationContext

AgendaOutput = TranslationContext("AgendaOutput")


def _documents_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def _ask_save_path(parent: QWidget, caption: str, name: str, file_filter: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(
        parent, caption, str(_documents_folder() / name), file_filter
    )
    return Path(chosen) if chosen else None


def export_calendar(parent: QWidget, follow_ups: FollowUpService, now: datetime) -> str:
    pending = follow_ups.pending()
    if not pending:
        QMessageBox.information(
            parent,
            AgendaOutput.tr("Export to calendar"),
            AgendaOutput.tr("There are no pending follow-ups to export."),
        )
        return ""
    path = _ask_save_path(
        parent,
        AgendaOutput.tr("Export follow-ups to calendar"),
        "follow-ups.ics",
        AgendaOutput.tr("Calendar files (*.ics)"),
    )
    if path is None:
        return ""
    if path.suffix.lower() != ".ics":
        path = path.with_suffix(".ics")
    # icalendar costs ~35 ms to import: paid on the first export, not at every start.
    from desktop.domain.calendar_export import follow_ups_to_ics

    try:
        path.write_bytes(follow_ups_to_ics(pending, now=now))
    except OSError as exc:
        QMessageBox.warning(parent, AgendaOutput.tr("Calendar not saved"), _not_written(path, exc))
        return ""
    # English picks its own singular; each message still takes every plural form.
    if len(pending) == 1:
        done = AgendaOutput.tr(
            "Exported %n follow-up to {name}: import it into your calendar.", "", len(pending)
        )
    else:
        done = AgendaOutput.tr(
            "Exported %n follow-ups to {name}: import it into your calendar.", "", len(pending)
        )
    return done.format(name=path.name)


def _not_written(path: Path, exc: OSError) -> str:
    return AgendaOutput.tr("Could not write {path}: {reason}").format(
        path=path, reason=exc.strerror
    )


def _agenda_document(agenda: Agenda, zone: tzinfo) -> tuple[PageSpec, QTextDocument]:
    page = agenda_page(default_page_spec())
    return page, build_agenda_document(agenda, page, tz=zone, locale=QLocale().name())


def save_agenda_pdf(parent: QWidget, agenda: Agenda, zone: tzinfo) -> str:
    path = _ask_save_path(
        parent,
        AgendaOutput.tr("Save agenda as PDF"),
        f"follow-ups-{agenda.now.astimezone(zone).date().isoformat()}.pdf",
        AgendaOutput.tr("PDF files (*.pdf)"),
    )
    if path is None:
        return ""
    if path.suffix.lower() != ".pdf":
        path = path.with_suffix(".pdf")
    page, document = _agenda_document(agenda, zone)
    try:
        write_pdf(document, page, path, AgendaOutput.tr("Follow-ups"))
    except OSError as exc:
        QMessageBox.warning(parent, AgendaOutput.tr("PDF not saved"), _not_written(path, exc))
        return ""
    return AgendaOutput.tr("Saved the agenda to {name}.").format(name=path.name)


def print_agenda(parent: QWidget, agenda: Agenda, zone: tzinfo) -> str:
    page, document = _agenda_document(agenda, zone)
    # Kept in a local for the whole function: a temporary QPrinter crashes Qt's dialogs.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(full_sheet_layout(page))
    printer.setFullPage(True)
    printer.setDocName(AgendaOutput.tr("Follow-ups"))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(AgendaOutput.tr("Print agenda"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    try:
        render_document(document, printer, printer.resolution())
    except RuntimeError as exc:
        QMessageBox.warning(parent, AgendaOutput.tr("Not printed"), str(exc))
        return ""
    return AgendaOutput.tr("Sent the agenda to the printer.")
