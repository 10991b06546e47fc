"""ContactTableModel: a read-only table over the plain contact rows the service returns."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.domain.contacts import ContactRecord, contact_sort_key

ContactIdRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex

# (header, how to show a contact in that column)
_COLUMNS: tuple[tuple[str, Callable[[ContactRecord], str]], ...] = (
    ("Name", lambda c: c.full_name),
    ("Job title", lambda c: c.job_title),
    ("Company", lambda c: c.company),
    ("Category", lambda c: c.category_label),
    ("Email", lambda c: c.email),
    ("Phone", lambda c: c.phone),
    ("Met at", lambda c: c.met_at),
)
COL_NAME, COL_JOB_TITLE, COL_COMPANY, COL_CATEGORY, COL_EMAIL, COL_PHONE, COL_MET_AT = range(
    len(_COLUMNS)
)


class ContactTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactRecord] = []

    def set_rows(self, rows: Sequence[ContactRecord]) -> None:
        """Replace every row; ``rows`` come in the service's ``contact_sort_key`` order."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def upsert(self, record: ContactRecord) -> int:
        """Show a saved contact at its place in the order; return its row.

        One saved card touches one row, so a save costs the same with 30 or 30,000 contacts
        and the views keep their scroll position and selection.
        """
        old_row = self.row_of(record.id)
        if old_row is not None:
            self.beginRemoveRows(QModelIndex(), old_row, old_row)
            del self._rows[old_row]
            self.endRemoveRows()
        row = bisect.bisect(self._rows, contact_sort_key(record), key=contact_sort_key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, record)
        self.endInsertRows()
        return row

    def remove(self, contact_id: int) -> bool:
        row = self.row_of(contact_id)
        if row is None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True

    def record_at(self, row: int) -> ContactRecord:
        return self._rows[row]

    def records(self) -> list[ContactRecord]:
        """Every contact, in list order (a copy: the model's rows stay its own)."""
        return list(self._rows)

    def row_of(self, contact_id: int) -> int | None:
        for row, record in enumerate(self._rows):
            if record.id == contact_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Override of QAbstractItemModel.rowCount: a flat table has no children."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override of QAbstractItemModel.data. Text is plain: a view never renders it as HTML."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[index.column()][1](record)
        if role == ContactIdRole:
            return record.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override of QAbstractItemModel.headerData."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_COLUMNS)
        ):
            return _COLUMNS[section][0]
        return None
