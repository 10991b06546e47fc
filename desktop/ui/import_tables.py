"""The tables of the import preview: new contacts, possible duplicates (with a choice per
row), and rejected records. Models over plain tuples, so 30,000 rows cost nothing to show."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.domain.importing import Candidate, Duplicate, DuplicateChoice, Rejection
from desktop.ui.row_table_model import RowTableModel
from desktop.ui.transfer_vocabulary import duplicate_choice_text
from desktop.ui.translations import QT_TRANSLATE_NOOP

Index = QModelIndex | QPersistentModelIndex


def _person(candidate: Candidate) -> str:
    card = candidate.card
    return " · ".join(part for part in (card.full_name, card.company, card.email) if part)


class NewContactsModel(RowTableModel[Candidate]):
    headers = (
        QT_TRANSLATE_NOOP("NewContactsModel", "Line"),
        QT_TRANSLATE_NOOP("NewContactsModel", "Name"),
        QT_TRANSLATE_NOOP("NewContactsModel", "Job title"),
        QT_TRANSLATE_NOOP("NewContactsModel", "Company"),
        QT_TRANSLATE_NOOP("NewContactsModel", "Email"),
    )

    def cell(self, record: Candidate, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        card = record.card
        return (str(record.line), card.full_name, card.job_title, card.company, card.email)[column]


class RejectedModel(RowTableModel[Rejection]):
    headers = (
        QT_TRANSLATE_NOOP("RejectedModel", "Line"),
        QT_TRANSLATE_NOOP("RejectedModel", "Why it was not imported"),
    )

    def cell(self, record: Rejection, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return (str(record.line), record.reason)[column]


COL_ACTION = 4


class DuplicatesModel(RowTableModel[Duplicate]):
    """One row per possible duplicate; the last column is what to do with it (editable)."""

    headers = (
        QT_TRANSLATE_NOOP("DuplicatesModel", "Line"),
        QT_TRANSLATE_NOOP("DuplicatesModel", "In the file"),
        QT_TRANSLATE_NOOP("DuplicatesModel", "Already in Follow-Up Desk"),
        QT_TRANSLATE_NOOP("DuplicatesModel", "Why"),
        QT_TRANSLATE_NOOP("DuplicatesModel", "What to do"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._choices: list[DuplicateChoice] = []

    def set_duplicates(self, duplicates: tuple[Duplicate, ...], choice: DuplicateChoice) -> None:
        self.beginResetModel()
        self._rows = list(duplicates)
        self._choices = [choice] * len(duplicates)
        self.endResetModel()

    def choices(self) -> dict[int, DuplicateChoice]:
        return dict(enumerate(self._choices))

    def choose_all(self, choice: DuplicateChoice) -> None:
        self._choices = [choice] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_ACTION), self.index(len(self._rows) - 1, COL_ACTION)
            )

    def cell(self, record: Duplicate, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        existing = record.existing_name or self.tr("an earlier row of this file")
        values = (str(record.candidate.line), _person(record.candidate), existing, record.reason)
        return values[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override of QAbstractItemModel.data: the action column by row, not by lookup."""
        if index.isValid() and index.column() == COL_ACTION and 0 <= index.row() < len(self._rows):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return duplicate_choice_text(self._choices[index.row()])
            return None
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Override of QAbstractItemModel.flags: only the action can be edited."""
        flags = super().flags(index)
        if index.isValid() and index.column() == COL_ACTION:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override of QAbstractItemModel.setData: a choice, by its label or its value."""
        if not (
            index.isValid() and index.column() == COL_ACTION and role == Qt.ItemDataRole.EditRole
        ):
            return False
        choice = next((c for c in DuplicateChoice if value in (duplicate_choice_text(c), c)), None)
        if choice is None:
            return False
        self._choices[index.row()] = choice
        self.dataChanged.emit(index, index)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of the duplicate choices for the action column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        """Override of QStyledItemDelegate.createEditor."""
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("What to do with this duplicate"))
        for choice in DuplicateChoice:
            combo.addItem(duplicate_choice_text(choice), choice.value)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """Override of QStyledItemDelegate.setEditorData."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        """Override of QStyledItemDelegate.setModelData."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
