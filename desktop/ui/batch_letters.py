"""Every letter owed today in one go: one PDF or one print job, with progress and cancel.

Letters are drafted with each situation's template as it stands (no per-letter edits), so
this is for the evening after an interview day: review one, then send them all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from desktop.domain.clock import Clock
from desktop.domain.compose import LetterDraft
from desktop.domain.errors import FollowUpDeskError
from desktop.domain.followups import FollowUpRecord, NeedsConfirmation
from desktop.domain.letter_history import LetterOutput, RecordedLetter
from desktop.domain.services import Services
from desktop.domain.vocabulary import Channel
from desktop.printing.dates import qt_long_date
from desktop.printing.letter_document import build_letter_document
from desktop.printing.letter_pdf import letters_pdf_bytes
from desktop.printing.page import PageSpec
from desktop.printing.render import render_documents
from desktop.ui import letter_output
from desktop.ui.translations import TranslationContext

BatchLetters = TranslationContext("BatchLetters")


def _progress_dialog(parent: QWidget, label: str, total: int) -> QProgressDialog:
    dialog = QProgressDialog(label, BatchLetters.tr("Cancel"), 0, total, parent)
    dialog.setWindowTitle(BatchLetters.tr("Letters"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # short jobs finish before it would flash up
    dialog.setAccessibleName(BatchLetters.tr("Progress"))
    return dialog


def _step(dialog: QProgressDialog) -> Callable[[int, int], bool]:
    def progress(done: int, _total: int) -> bool:
        dialog.setValue(done)
        QApplication.processEvents()
        return not dialog.wasCanceled()

    return progress


def draft_all(
    services: Services, owed: Sequence[FollowUpRecord], clock: Clock, zone: tzinfo
) -> tuple[list[LetterDraft], list[str]]:
    """A draft per owed follow-up; the names of those that could not be drafted."""
    day = clock().astimezone(zone).date()
    write_date = qt_long_date()
    drafts, failed = [], []
    for record in owed:
        try:
            drafts.append(
                services.drafter.draft(
                    record.contact_id, day=day, write_date=write_date, follow_up_id=record.id
                )
            )
        except FollowUpDeskError:
            failed.append(record.contact_name)
    return drafts, failed


def send_all(
    parent: QWidget,
    services: Services,
    owed: Sequence[FollowUpRecord],
    clock: Clock,
    zone: tzinfo,
    page: PageSpec,
    *,
    to_pdf: bool,
) -> str:
    """Write or print a letter for each owed follow-up; returns a status sentence."""
    if not owed:
        QMessageBox.information(
            parent, BatchLetters.tr("Letters"), BatchLetters.tr("No follow-ups are due right now.")
        )
        return ""
    drafts, failed = draft_all(services, owed, clock, zone)
    if not drafts:
        return BatchLetters.tr("No letters could be drafted.")
    letters = [draft.letter() for draft in drafts]
    count = len(letters)
    if to_pdf:
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            BatchLetters.tr("Save letters as one PDF"),
            str(letter_output.documents_folder() / BatchLetters.tr("follow-up letters.pdf")),
            BatchLetters.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return ""
        path = Path(chosen).with_suffix(".pdf")
        dialog = _progress_dialog(parent, BatchLetters.tr("Writing %n letters…", "", count), count)
        data = letters_pdf_bytes(letters, page, progress=_step(dialog))
        dialog.close()
        if data is None:
            return BatchLetters.tr("Cancelled: no PDF was written.")
        try:
            path.write_bytes(data)
        except OSError as exc:
            QMessageBox.warning(
                parent,
                BatchLetters.tr("PDF not saved"),
                BatchLetters.tr("Could not write {path}: {reason}").format(
                    path=path, reason=exc.strerror
                ),
            )
            return ""
        done = BatchLetters.tr("Saved %n letters to {name}", "", count).format(name=path.name)
        output = LetterOutput.PDF
    else:
        printer = letter_output.printer_for(page, BatchLetters.tr("%n letters", "", count))
        print_dialog = QPrintDialog(printer, parent)
        if print_dialog.exec() != QDialog.DialogCode.Accepted:
            return ""
        dialog = _progress_dialog(parent, BatchLetters.tr("Printing %n letters…", "", count), count)
        finished = render_documents(
            (build_letter_document(letter, page) for letter in letters),
            printer,
            printer.resolution(),
            total=count,
            progress=_step(dialog),
        )
        dialog.close()
        if not finished:
            return BatchLetters.tr("Printing cancelled.")
        output, done = LetterOutput.PRINTED, BatchLetters.tr("Printed %n letters", "", count)
    marked = _record_all(parent, services, drafts, output)
    message = BatchLetters.tr("{done}; %n follow-up(s) marked sent.", "", marked).format(done=done)
    if failed:
        message += BatchLetters.tr(" Not drafted: {names}.").format(names=", ".join(failed))
    return message


def _record_all(
    parent: QWidget,
    services: Services,
    drafts: Sequence[LetterDraft],
    output: LetterOutput,
) -> int:
    answer = QMessageBox.question(
        parent,
        BatchLetters.tr("Mark as sent"),
        BatchLetters.tr(
            "Mark these %n follow-ups as sent by typed letter?\n\n"
            "Any that would break the cool-down stay open for you to decide one by one.",
            "",
            len(drafts),
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    mark = answer == QMessageBox.StandardButton.Yes
    marked = 0
    for draft in drafts:
        contact = draft.contact
        assert contact is not None

        def record(
            mark_sent: bool, draft: LetterDraft = draft, contact_id: int = contact.id
        ) -> RecordedLetter:
            return services.letters.record(
                contact_id=contact_id,
                situation=draft.situation,
                template_name=draft.template.label,
                final_text=draft.letter().plain_text(),
                channel=Channel.TYPED_LETTER,
                output=output,
                follow_up_id=draft.follow_up.id if draft.follow_up else None,
                mark_sent=mark_sent,
            )

        try:
            recorded = record(mark)
        except NeedsConfirmation:
            recorded = record(False)  # keep the letter; the follow-up waits for the user
        if recorded.marked_sent is not None:
            marked += 1
    return marked
