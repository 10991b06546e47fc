"""ContactTableModel: a read-only table over the plain contact rows the service returns."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from desktop.domain.contacts import ContactRecord, contact_sort_key
from desktop.ui.row_table_model import RowTableModel

ContactIdRole = Qt.ItemDataRole.UserRole + 1

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


class ContactTableModel(RowTableModel[ContactRecord]):
    """Rows come in the service's ``contact_sort_key`` order."""

    headers = tuple(header for header, _show in _COLUMNS)

    def cell(self, record: ContactRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _COLUMNS[column][1](record)
        if role == ContactIdRole:
            return record.id
        return None

    def row_of(self, contact_id: int) -> int | None:
        for row, record in enumerate(self._rows):
            if record.id == contact_id:
                return row
        return None

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
