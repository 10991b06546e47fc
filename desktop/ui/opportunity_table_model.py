"""OpportunityTableModel: company, position, status and how many people are involved."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.domain.opportunities import OpportunityRecord

OpportunityIdRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex

HEADERS = ("Company", "Position", "Status", "People")
COL_COMPANY, COL_POSITION, COL_STATUS, COL_PEOPLE = range(len(HEADERS))


class OpportunityTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OpportunityRecord] = []

    def set_rows(self, rows: Sequence[OpportunityRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record_at(self, row: int) -> OpportunityRecord:
        return self._rows[row]

    def row_of(self, opportunity_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == opportunity_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Override of QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override of QAbstractItemModel.data."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                record.company,
                record.position,
                record.status_label,
                str(len(record.contact_ids)),
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_PEOPLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == OpportunityIdRole:
            return record.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override of QAbstractItemModel.headerData."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None
