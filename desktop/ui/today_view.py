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
from desktop.ui.translations import TranslationContext

_STATE_ICON_NAMES = {
    DueState.OVERDUE: "fa6s.circle-exclamation",
    DueState.DUE: "fa6s.clock",
    DueState.UPCOMING: "fa6s.calendar-day",
}


AgendaSummary = TranslationContext("AgendaSummary")


def agenda_summary(agenda: Agenda) -> str:
    """One plain sentence for the top of the list and the status bar."""
    overdue = AgendaSummary.tr("%n overdue", "", len(agenda.overdue)) if agenda.overdue else ""
    due = AgendaSummary.tr("%n due now", "", len(agenda.due)) if agenda.due else ""
    if not (overdue or due):
        if agenda.upcoming:
            return AgendaSummary.tr(
                "Nothing due right now; %n coming up.", "", len(agenda.upcoming)
            )
        return AgendaSummary.tr(
            "Nothing to follow up on. Log an event after each contact to plan the next step."
        )
    parts = AgendaSummary.tr("{overdue}, {due}").format(overdue=overdue, due=due)
    if not (overdue and due):
        parts = overdue or due
    owed = agenda.owed_count
    # English picks its own singular; each message still takes every plural form a
    # translation needs.
    if owed == 1:
        sentence = AgendaSummary.tr("%n follow-up to write: {parts}.", "", owed)
    else:
        sentence = AgendaSummary.tr("%n follow-ups to write: {parts}.", "", owed)
    return sentence.format(parts=parts)


class TodayView(QWidget):
    """The agenda. It only shows and asks; the window performs what the buttons request."""

    write_letter_requested = Signal(int)  # follow-up id
    follow_up_selected = Signal(int)
    mark_sent_requested = Signal(int)
    dismiss_requested = Signal(int)
    log_event_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Today"))
        self._resetting = False
        self.summary = QLabel()
        self.summary.setObjectName("today_summary")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Follow-up summary"))

        self.model = FollowUpTableModel(self)
        self.model.set_state_icons(
            {
                state: coloured_icon(name, STATE_COLOURS[state])
                for state, name in _STATE_ICON_NAMES.items()
            }
        )
        self.table = row_table(
            self.model, name=self.tr("Follow-ups"), object_name="follow_up_table"
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.write_button = self._button(self.tr("Write letter"), "fa6s.envelope-open-text")
        self.write_button.setToolTip(self.tr("Show this person's card and letter"))
        self.sent_button = self._button(self.tr("Mark sent…"), "fa6s.paper-plane")
        self.dismiss_button = self._button(self.tr("Dismiss"), "fa6s.xmark")
        self.dismiss_button.setToolTip(
            self.tr("Decide not to send this follow-up (kept in history)")
        )
        self.log_button = self._button(self.tr("Log event…"), "fa6s.calendar-plus")

        buttons = QHBoxLayout()
        for button in (self.write_button, self.sent_button, self.dismiss_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.log_button)
        # Log event is also on the toolbar (Ctrl+L): here an icon keeps the pane narrow.
        self.log_button.setToolTip(self.tr("Log event… (Ctrl+L)"))
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
