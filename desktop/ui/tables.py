"""How every list in the app behaves: whole rows, one at a time, read-only, zebra stripes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView


def row_table(model: QAbstractItemModel, *, name: str, object_name: str) -> QTableView:
    """A table that selects one whole row and is edited elsewhere (forms and dialogs)."""
    table = QTableView()
    table.setObjectName(object_name)
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    return table
