"""TodayView: whom to write to and by when, with the actions that answer a follow-up."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.followups import Agenda, FollowUpRecord
from desktop.domain.rules.window import DueState
from desktop.ui.follow_up_table_model import (
    COL_PERSON,
    STATE_COLOURS,
    FollowUpIdRole,
    FollowUpTableModel,
)
from desktop.ui.icons import coloured_icon, themed_icon
from desktop.ui.tables import row_table

_STATE_ICON_NAMES = {
    DueState.OVERDUE: "fa6s.circle-exclamation",
    DueState.DUE: "fa6s.clock",
    DueState.UPCOMING: "fa6s.calendar-day",
}


def agenda_summary(agenda: Agenda) -> str:
    """One plain sentence for the top of the list and the status bar."""
    parts = []
    if agenda.overdue:
        parts.append(f"{len(agenda.overdue)} overdue")
    if agenda.due:
        parts.append(f"{len(agenda.due)} due now")
    if not parts:
        if agenda.upcoming:
            return f"Nothing due right now; {len(agenda.upcoming)} coming up."
        return "Nothing to follow up on. Log an event after each contact to plan the next step."
    owed = agenda.owed_count
    noun = "follow-up" if owed == 1 else "follow-ups"
    return f"{owed} {noun} to write: {', '.join(parts)}."


class TodayView(QWidget):
    """The agenda. It only shows and asks; the window performs what the buttons request."""

    write_letter_requested = Signal(int)  # follow-up id
    follow_up_selected = Signal(int)
    mark_sent_requested = Signal(int)
    dismiss_requested = Signal(int)
    log_event_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Today")
        self._resetting = False
        self.summary = QLabel()
        self.summary.setObjectName("today_summary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Follow-up summary")

        self.model = FollowUpTableModel(self)
        self.model.set_state_icons(
            {
                state: coloured_icon(name, STATE_COLOURS[state])
                for state, name in _STATE_ICON_NAMES.items()
            }
        )
        self.table = row_table(self.model, name="Follow-ups", object_name="follow_up_table")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.write_button = self._button("Write letter", "fa6s.envelope-open-text")
        self.write_button.setToolTip("Show this person's card and letter")
        self.sent_button = self._button("Mark sent…", "fa6s.paper-plane")
        self.dismiss_button = self._button("Dismiss", "fa6s.xmark")
        self.dismiss_button.setToolTip("Decide not to send this follow-up (kept in history)")
        self.log_button = self._button("Log event…", "fa6s.calendar-plus")

        buttons = QHBoxLayout()
        for button in (self.write_button, self.sent_button, self.dismiss_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.log_button)
        # Log event is also on the toolbar (Ctrl+L): here an icon keeps the pane narrow.
        self.log_button.setToolTip("Log event… (Ctrl+L)")
        self.log_button.setText("")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.write_button.clicked.connect(
            lambda: self._emit_for_current(self.write_letter_requested)
        )
        self.sent_button.clicked.connect(lambda: self._emit_for_current(self.mark_sent_requested))
        self.dismiss_button.clicked.connect(lambda: self._emit_for_current(self.dismiss_requested))
        self.log_button.clicked.connect(self.log_event_requested)
        self.table.doubleClicked.connect(
            lambda _index: self._emit_for_current(self.write_letter_requested)
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _button(self, text: str, icon: str) -> QPushButton:
        button = QPushButton(themed_icon(icon), text)
        button.setAccessibleName(text.rstrip("…"))
        return button

    def set_agenda(self, agenda: Agenda, zone: tzinfo) -> None:
        """Show ``agenda``, keeping the selected follow-up selected if it is still listed."""
        selected = self.current_follow_up()
        # Re-selecting after a refresh is not the user choosing a row: say nothing.
        self._resetting = True
        try:
            self.model.set_agenda(agenda, zone)
            if selected is not None:
                self.select_follow_up(selected.id)
        finally:
            self._resetting = False
        self.summary.setText(agenda_summary(agenda))

    def current_follow_up(self) -> FollowUpRecord | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.follow_up_at(index.row())

    def select_follow_up(self, follow_up_id: int) -> bool:
        row = self.model.row_of(follow_up_id)
        if row is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, COL_PERSON),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _emit_for_current(self, signal: SignalInstance) -> None:
        index: QModelIndex = self.table.selectionModel().currentIndex()
        if index.isValid():
            signal.emit(int(index.data(FollowUpIdRole)))

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._resetting:
            self.follow_up_selected.emit(int(current.data(FollowUpIdRole)))

    def _update_buttons(self) -> None:
        has_selection = self.current_follow_up() is not None
        for button in (self.write_button, self.sent_button, self.dismiss_button):
            button.setEnabled(has_selection)
