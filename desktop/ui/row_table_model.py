"""RowTableModel: the shared shape of the app's read-only tables over plain rows.

A subclass names its ``headers`` and says what one row shows in ``cell``; rows are replaced
with ``set_rows`` (one model reset), as Vorta's and Picard's table models do. Headers are
marked with ``QT_TRANSLATE_NOOP("<the subclass's name>", "…")`` and translated when shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel, Generic[Row]):
    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record_at(self, row: int) -> Row:
        return self._rows[row]

    def records(self) -> list[Row]:
        """Every row, in order (a copy: the model's list stays its own)."""
        return list(self._rows)

    def cell(self, record: Row, column: int, role: int) -> Any:
        """What ``record`` shows in ``column`` for ``role`` (None: nothing)."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Override of QAbstractItemModel.rowCount: a flat table has no children."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override of QAbstractItemModel.data. Text is plain: views never render it as HTML."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override of QAbstractItemModel.headerData."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.headers)
        ):
            # self.tr looks the text up in the context of each class of the instance in
            # turn, so the subclass's context (where lupdate filed the header) is found.
            return self.tr(self.headers[section])
        return None
