"""FollowUpTableModel: the Today list, overdue first, then due now, then upcoming."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon

from desktop.domain.followups import Agenda, FollowUpRecord
from desktop.domain.rules.window import DueState, describe_time_left
from desktop.ui.local_time import format_local
from desktop.ui.row_table_model import RowTableModel
from desktop.ui.translations import QT_TRANSLATE_NOOP
from desktop.ui.vocabulary_text import channel_text, situation_purpose_text, situation_text

FollowUpIdRole = Qt.ItemDataRole.UserRole + 1
ContactIdRole = Qt.ItemDataRole.UserRole + 2
StateRole = Qt.ItemDataRole.UserRole + 3

HEADERS = (
    QT_TRANSLATE_NOOP("FollowUpTableModel", "When"),
    QT_TRANSLATE_NOOP("FollowUpTableModel", "Person"),
    QT_TRANSLATE_NOOP("FollowUpTableModel", "Situation"),
    QT_TRANSLATE_NOOP("FollowUpTableModel", "Time left"),
    QT_TRANSLATE_NOOP("FollowUpTableModel", "Due by"),
    QT_TRANSLATE_NOOP("FollowUpTableModel", "Recommended"),
)
COL_STATE, COL_PERSON, COL_SITUATION, COL_TIME_LEFT, COL_DUE_BY, COL_CHANNEL = range(len(HEADERS))

# Translated where shown (FollowUpTableModel.tr).
STATE_LABELS = {
    DueState.OVERDUE: QT_TRANSLATE_NOOP("FollowUpTableModel", "Overdue"),
    DueState.DUE: QT_TRANSLATE_NOOP("FollowUpTableModel", "Due now"),
    DueState.UPCOMING: QT_TRANSLATE_NOOP("FollowUpTableModel", "Upcoming"),
}
# Colours chosen to read on light and dark bases alike.
STATE_COLOURS = {
    DueState.OVERDUE: QColor("#d9412b"),
    DueState.DUE: QColor("#d98a00"),
    DueState.UPCOMING: QColor("#7a8a99"),
}


def _plain_tooltip(text: str) -> str:
    # Tool tips guess at rich text; escaping inside <p> makes them show names literally.
    return f"<p>{escape(text)}</p>"


class FollowUpTableModel(RowTableModel[tuple[DueState, FollowUpRecord]]):
    headers = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._now: datetime | None = None
        self._zone: tzinfo | None = None
        self._icons: dict[DueState, QIcon] = {}

    def set_state_icons(self, icons: dict[DueState, QIcon]) -> None:
        self._icons = dict(icons)

    def set_agenda(self, agenda: Agenda, zone: tzinfo) -> None:
        self._now = agenda.now
        self._zone = zone
        self.set_rows(
            [
                *((DueState.OVERDUE, r) for r in agenda.overdue),
                *((DueState.DUE, r) for r in agenda.due),
                *((DueState.UPCOMING, r) for r in agenda.upcoming),
            ]
        )

    def follow_up_at(self, row: int) -> FollowUpRecord:
        return self._rows[row][1]

    def row_of(self, follow_up_id: int) -> int | None:
        for row, (_state, record) in enumerate(self._rows):
            if record.id == follow_up_id:
                return row
        return None

    def follow_ups(self) -> Sequence[FollowUpRecord]:
        return [record for _state, record in self._rows]

    def cell(self, row: tuple[DueState, FollowUpRecord], column: int, role: int) -> Any:
        state, record = row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(state, record, column)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_STATE:
            return self._icons.get(state)
        if role == Qt.ItemDataRole.ForegroundRole and column in (COL_STATE, COL_TIME_LEFT):
            return STATE_COLOURS[state] if state is not DueState.UPCOMING else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_CHANNEL:
                return _plain_tooltip(record.advice.reason)
            if column == COL_SITUATION:
                return _plain_tooltip(situation_purpose_text(record.situation))
            return None
        if role == FollowUpIdRole:
            return record.id
        if role == ContactIdRole:
            return record.contact_id
        if role == StateRole:
            return state.value
        return None

    def _display(self, state: DueState, record: FollowUpRecord, column: int) -> str:
        if column == COL_STATE:
            return self.tr(STATE_LABELS[state])
        if column == COL_PERSON:
            return record.contact_name
        if column == COL_SITUATION:
            return situation_text(record.situation)
        if column == COL_TIME_LEFT:
            assert self._now is not None
            return describe_time_left(record.window, self._now)
        if column == COL_DUE_BY:
            assert self._zone is not None
            return format_local(record.closes_at, self._zone)
        return channel_text(record.advice.channel)
