"""The questions around backups: where to put one, which one to restore, and what to do
when the database will not open because it is damaged."""

from __future__ import annotations

from datetime import datetime, tzinfo
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.domain.backups import BackupCancelled, BackupInfo, BackupService
from desktop.domain.errors import DamagedDatabaseError
from desktop.ui.dialog_parts import heading_label, ok_cancel_buttons, plain_label
from desktop.ui.local_time import format_local
from desktop.ui.row_table_model import RowTableModel
from desktop.ui.tables import row_table
from desktop.ui.translations import QT_TRANSLATE_NOOP, TranslationContext
from desktop.ui.vocabulary_text import backup_kind_text

# Shown translated (BackupDialogs.tr); in English this is the text itself.
BACKUP_FILTER = QT_TRANSLATE_NOOP(
    "BackupDialogs", "Follow-Up Desk backups (*.sqlite3);;All files (*)"
)
# A copy quicker than this shows no progress at all (most copies: a few megabytes).
PROGRESS_DELAY_MS = 300


# Module-level text, in the context lupdate reads from the name before ``.tr``.
BackupDialogs = TranslationContext("BackupDialogs")


def _size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1)


class BackupTableModel(RowTableModel[BackupInfo]):
    # Translated by RowTableModel.headerData in this class's context.
    headers = (
        QT_TRANSLATE_NOOP("BackupTableModel", "Made"),
        QT_TRANSLATE_NOOP("BackupTableModel", "Why"),
        QT_TRANSLATE_NOOP("BackupTableModel", "Contacts"),
        QT_TRANSLATE_NOOP("BackupTableModel", "Size"),
        QT_TRANSLATE_NOOP("BackupTableModel", "State"),
    )

    def __init__(self, zone: tzinfo, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone = zone

    def cell(self, record: BackupInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 4 and record.problem:
            return record.problem
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (2, 3):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return format_local(record.created_at, self._zone)
        if column == 1:
            return backup_kind_text(record.kind)
        if column == 2:
            return "" if record.contact_count is None else QLocale().toString(record.contact_count)
        if column == 3:
            return _size(record.size)
        return self.tr("Good") if record.ok else self.tr("Cannot be used")


class RestoreDialog(QDialog):
    """The backups in the data folder, newest first; or another file the user picks."""

    def __init__(self, backups: list[BackupInfo], zone: tzinfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setAccessibleName(self.tr("Restore from a backup"))
        self.resize(640, 380)
        self.chosen: Path | None = None
        self.model = BackupTableModel(zone, self)
        self.model.set_rows(backups)
        self.table = row_table(self.model, name=self.tr("Backups"), object_name="backup_table")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        intro = plain_label(
            self.tr(
                "Your contacts, events and letters go back to how they were in the backup you "
                "choose. The database as it is now is backed up first, so a restore can itself "
                "be undone by restoring that copy."
            ),
            name=self.tr("What restoring does"),
        )
        self.other_button = QPushButton(self.tr("Other &File…"))
        self.other_button.setAccessibleName(self.tr("Restore from another file"))
        self.buttons, self.restore_button, _cancel = ok_cancel_buttons(self.tr("&Restore…"))
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading_label(self.tr("Restore from a backup")))
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        if not backups:
            layout.addWidget(plain_label(self.tr("There are no backups in the data folder yet.")))
        layout.addWidget(self.buttons)
        self.table.selectionModel().currentRowChanged.connect(self._update)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.other_button.clicked.connect(self._choose_file)
        first_good = next((row for row, b in enumerate(backups) if b.ok), None)
        if first_good is not None:
            self.table.selectRow(first_good)
        self._update()

    def accept(self) -> None:
        """Override of QDialog.accept: only a usable backup can be chosen."""
        record = self._current()
        if record is None or not record.ok:
            return
        self.chosen = record.path
        super().accept()

    def _current(self) -> BackupInfo | None:
        index = self.table.currentIndex()
        return self.model.record_at(index.row()) if index.isValid() else None

    def _update(self) -> None:
        record = self._current()
        self.restore_button.setEnabled(record is not None and record.ok)

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a file"), "", BackupDialogs.tr(BACKUP_FILTER)
        )
        if name:
            self.chosen = Path(name)
            super().accept()

    @classmethod
    def ask(
        cls, backups: list[BackupInfo], zone: tzinfo, parent: QWidget | None = None
    ) -> Path | None:
        dialog = cls(backups, zone, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen


def confirm_restore(parent: QWidget, source: Path, zone: tzinfo) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(BackupDialogs.tr("Restore from a backup"))
    box.setText(BackupDialogs.tr("Restore {name}?").format(name=source.name))
    box.setInformativeText(
        BackupDialogs.tr(
            "Everything changed since that backup will be replaced by it. The database as it "
            "is now is backed up first."
        )
    )
    restore = box.addButton(BackupDialogs.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def ask_backup_destination(parent: QWidget, start_dir: str, now: datetime) -> Path | None:
    """Where "Back Up Now" writes: a file the user names (a dated name is suggested)."""
    suggested = Path(start_dir or Path.home()) / f"followup-desk-backup-{now:%Y-%m-%d}.sqlite3"
    name, _filter = QFileDialog.getSaveFileName(
        parent, BackupDialogs.tr("Back up now"), str(suggested), BackupDialogs.tr(BACKUP_FILTER)
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".sqlite3")


def backup_progress_dialog(parent: QWidget, path: Path) -> QProgressDialog:
    """The window-modal progress of a copy to ``path``, with Cancel; it shows itself only
    once the copy has taken ``PROGRESS_DELAY_MS`` (see QProgressDialog.minimumDuration)."""
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(BackupDialogs.tr("Backing up"))
    dialog.setLabelText(BackupDialogs.tr("Copying your database to {name}…").format(name=path.name))
    dialog.setAccessibleName(BackupDialogs.tr("Backup progress"))
    cancel = QPushButton(BackupDialogs.tr("Cancel"))
    cancel.setAccessibleName(BackupDialogs.tr("Cancel the backup"))
    dialog.setCancelButton(cancel)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    # Closed by back_up_with_progress itself, when the copy has ended either way.
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def back_up_with_progress(parent: QWidget, backups: BackupService, path: Path) -> Path | None:
    """Copy the database to ``path`` (a file, or a folder that receives a dated copy) and
    return where it went; None when the user cancelled (nothing is written then).

    A copy that takes longer than ``PROGRESS_DELAY_MS`` shows a progress dialog with a
    Cancel button. Raises BackupError for the caller to report, as ``back_up_to`` does.
    """
    dialog = backup_progress_dialog(parent, path)

    def progress(done: int, total: int) -> bool:
        if dialog.maximum() != total:
            dialog.setMaximum(total)
        # Once the dialog shows, setValue lets the event loop run: Cancel can be clicked.
        dialog.setValue(done)
        return not dialog.wasCanceled()

    dialog.setValue(0)  # starts the clock that decides whether it shows
    try:
        return backups.back_up_to(path, progress)
    except BackupCancelled:
        return None
    finally:
        dialog.reset()  # also stops the timer that would show it later
        dialog.hide()
        dialog.deleteLater()


class DamagedChoice(Enum):
    RESTORE = "restore"
    START_EMPTY = "start-empty"
    QUIT = "quit"


def ask_what_to_do_with_damaged(
    error: DamagedDatabaseError, newest: BackupInfo | None, zone: tzinfo
) -> DamagedChoice:
    """At start: the database is damaged. Say so plainly and offer the way out."""
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(BackupDialogs.tr("{app}: the database is damaged").format(app=APP_NAME))
    box.setText(BackupDialogs.tr("Your database cannot be opened because it is damaged."))
    details = [error.reason, ""]
    details.append(
        BackupDialogs.tr(
            "It will not be changed: {app} keeps it aside, as it is, in the data folder "
            "({folder}), for a rescue later."
        ).format(app=APP_NAME, folder=error.path.parent)
    )
    restore = None
    if newest is not None:
        made = format_local(newest.created_at, zone)
        if newest.contact_count is None:
            newest_text = BackupDialogs.tr("\nThe newest good backup is from {made}.").format(
                made=made
            )
        else:
            newest_text = BackupDialogs.tr(
                "\nThe newest good backup is from {made}, %n contacts.", "", newest.contact_count
            ).format(made=made)
        details.append(newest_text)
        restore = box.addButton(
            BackupDialogs.tr("Restore the Newest Backup"), QMessageBox.ButtonRole.AcceptRole
        )
    else:
        details.append(BackupDialogs.tr("\nThere is no backup in the data folder to restore."))
    empty = box.addButton(
        BackupDialogs.tr("Start With an Empty Database"), QMessageBox.ButtonRole.DestructiveRole
    )
    quit_button = box.addButton(BackupDialogs.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setInformativeText("\n".join(details))
    box.setDefaultButton(restore or quit_button)
    box.setEscapeButton(quit_button)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return DamagedChoice.RESTORE
    if clicked is empty:
        return DamagedChoice.START_EMPTY
    return DamagedChoice.QUIT
