"""ContactHistoryView: one person's follow-ups, newest first, sent or not, with their events."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.followups import FollowUpRecord
from desktop.domain.letter_history import LetterRecord
from desktop.domain.vocabulary import EventKind, FollowUpStatus
from desktop.ui.icons import themed_icon
from desktop.ui.local_time import format_local
from desktop.ui.row_table_model import RowTableModel
from desktop.ui.tables import row_table
from desktop.ui.translations import QT_TRANSLATE_NOOP
from desktop.ui.vocabulary_text import (
    channel_phrase,
    event_kind_text,
    letter_output_text,
    situation_text,
)

HEADERS = (
    QT_TRANSLATE_NOOP("ContactHistoryModel", "Opened"),
    QT_TRANSLATE_NOOP("ContactHistoryModel", "Follow-up"),
    QT_TRANSLATE_NOOP("ContactHistoryModel", "After"),
    QT_TRANSLATE_NOOP("ContactHistoryModel", "Status"),
    QT_TRANSLATE_NOOP("ContactHistoryModel", "Notes"),
)
COL_OPENED, COL_SITUATION, COL_EVENT, COL_STATUS, COL_NOTES = range(len(HEADERS))


def event_label(kind: str | None) -> str:
    if kind is None:
        return "—"
    try:
        return event_kind_text(EventKind(kind))
    except ValueError:
        return kind


def status_text(record: FollowUpRecord, zone: tzinfo) -> str:
    if record.status is FollowUpStatus.SENT and record.sent_at is not None:
        when = format_local(record.sent_at, zone)
        if record.sent_channel is None:
            return QCoreApplication.translate("ContactHistoryModel", "Sent, {when}").format(
                when=when
            )
        return QCoreApplication.translate(
            "ContactHistoryModel", "Sent by {channel}, {when}"
        ).format(channel=channel_phrase(record.sent_channel), when=when)
    if record.status is FollowUpStatus.DISMISSED:
        return QCoreApplication.translate("ContactHistoryModel", "Dismissed")
    return QCoreApplication.translate("ContactHistoryModel", "Pending")


class ContactHistoryModel(RowTableModel[FollowUpRecord]):
    headers = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._zone: tzinfo | None = None

    def set_history(self, rows: Sequence[FollowUpRecord], zone: tzinfo) -> None:
        self._zone = zone
        self.set_rows(rows)

    def cell(self, record: FollowUpRecord, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        assert self._zone is not None
        if column == COL_OPENED:
            return format_local(record.opens_at, self._zone)
        if column == COL_SITUATION:
            return situation_text(record.situation)
        if column == COL_EVENT:
            return event_label(record.event_kind)
        if column == COL_STATUS:
            return status_text(record, self._zone)
        return " ".join(part for part in (record.summary, record.override_note) if part)


def show_letter_text(parent: QWidget, record: LetterRecord, zone: tzinfo) -> None:
    """The letter exactly as it left, read-only, with a button to copy it."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(
        QCoreApplication.translate("ContactHistoryView", "{output} {when}").format(
            output=letter_output_text(record.output), when=format_local(record.created_at, zone)
        )
    )
    text = QPlainTextEdit(record.final_text)
    text.setReadOnly(True)
    text.setAccessibleName(QCoreApplication.translate("ContactHistoryView", "Letter text"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(560, 520)
    dialog.exec()


class ContactHistoryView(QWidget):
    delete_event_requested = Signal(int)  # event id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Follow-up history"))
        self.model = ContactHistoryModel(self)
        self.table = row_table(
            self.model, name=self.tr("Follow-up history"), object_name="history_table"
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.empty_hint = QLabel(
            self.tr("No follow-ups with this person yet. Log an event to plan one.")
        )
        self.empty_hint.setEnabled(False)
        self.empty_hint.setWordWrap(True)
        self.delete_event_button = QPushButton(
            themed_icon("fa6s.calendar-xmark"), self.tr("Delete event…")
        )
        self.delete_event_button.setAccessibleName(self.tr("Delete event"))
        self.delete_event_button.setToolTip(
            self.tr(
                "Delete the event behind this follow-up; follow-ups already sent stay in history"
            )
        )
        bar = QHBoxLayout()
        bar.addWidget(self.empty_hint, 1)
        bar.addWidget(self.delete_event_button)
        self.letters_model = QStandardItemModel(0, 4, self)
        self.letters_model.setHorizontalHeaderLabels(
            [self.tr("Sent"), self.tr("Letter"), self.tr("Template"), self.tr("How")]
        )
        self.letters_table = QTableView()
        self.letters_table.setObjectName("letters_table")
        self.letters_table.setAccessibleName(self.tr("Letters sent"))
        self.letters_table.setModel(self.letters_model)
        self.letters_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.letters_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.letters_table.verticalHeader().setVisible(False)
        self.letters_table.horizontalHeader().setStretchLastSection(True)
        self.letters_table.setToolTip(self.tr("Double-click a letter to read it as it was sent"))
        self._letters: list[LetterRecord] = []
        self._zone: tzinfo | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 2)
        layout.addLayout(bar)
        layout.addWidget(self.letters_table, 1)
        self.letters_table.doubleClicked.connect(self._show_letter)

        self.delete_event_button.clicked.connect(self._request_delete)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.model.modelReset.connect(self._update_button)
        self._update_button()

    def set_history(
        self,
        records: Sequence[FollowUpRecord],
        zone: tzinfo,
        letters: Sequence[LetterRecord] = (),
    ) -> None:
        self.model.set_history(records, zone)
        self.empty_hint.setVisible(not records)
        self._letters = list(letters)
        self._zone = zone
        self.letters_model.setRowCount(0)
        for letter in letters:
            row = [
                format_local(letter.created_at, zone),
                situation_text(letter.situation),
                letter.template_name,
                self.tr("{output} ({channel})").format(
                    output=letter_output_text(letter.output), channel=channel_phrase(letter.channel)
                ),
            ]
            self.letters_model.appendRow([QStandardItem(text) for text in row])
        self.letters_table.setVisible(bool(letters))

    def _show_letter(self, index: QModelIndex) -> None:
        if index.isValid() and self._zone is not None:
            show_letter_text(self, self._letters[index.row()], self._zone)

    def current_record(self) -> FollowUpRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_at(rows[0].row()) if rows else None

    def _request_delete(self) -> None:
        record = self.current_record()
        if record is not None and record.event_id is not None:
            self.delete_event_requested.emit(record.event_id)

    def _update_button(self) -> None:
        record = self.current_record()
        self.delete_event_button.setEnabled(record is not None and record.event_id is not None)
