"""OpportunityTableModel: company, position, status and how many people are involved."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.domain.opportunities import OpportunityRecord
from desktop.ui.row_table_model import RowTableModel
from desktop.ui.translations import QT_TRANSLATE_NOOP
from desktop.ui.vocabulary_text import opportunity_status_text

OpportunityIdRole = Qt.ItemDataRole.UserRole + 1

HEADERS = (
    QT_TRANSLATE_NOOP("OpportunityTableModel", "Company"),
    QT_TRANSLATE_NOOP("OpportunityTableModel", "Position"),
    QT_TRANSLATE_NOOP("OpportunityTableModel", "Status"),
    QT_TRANSLATE_NOOP("OpportunityTableModel", "People"),
)
COL_COMPANY, COL_POSITION, COL_STATUS, COL_PEOPLE = range(len(HEADERS))


class OpportunityTableModel(RowTableModel[OpportunityRecord]):
    headers = HEADERS

    def row_of(self, opportunity_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == opportunity_id), None)

    def cell(self, record: OpportunityRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                record.company,
                record.position,
                opportunity_status_text(record.status),
                str(len(record.contact_ids)),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_PEOPLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == OpportunityIdRole:
            return record.id
        return None
