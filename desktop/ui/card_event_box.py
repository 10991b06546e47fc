"""CardEventBox: the event a new business card comes from, shared by the next cards.

Typing the cards of an interview panel, the user says once what happened, when, and for
which opportunity; every card saved with the box ticked joins that event and gets its
follow-up. "Save and next" keeps the box as it is for the next card.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from desktop.domain.card_entry import SharedEvent
from desktop.domain.vocabulary import EventKind
from desktop.ui.local_datetime_edit import LocalDateTimeEdit
from desktop.ui.vocabulary_text import event_kind_text, situation_phrase

# The events business cards come from, most likely first.
CARD_EVENT_KINDS = (
    EventKind.INTERVIEW,
    EventKind.JOB_FAIR,
    EventKind.INFORMATIONAL,
    EventKind.ASSOCIATION,
    EventKind.HELP,
    EventKind.OTHER,
)


class CardEventBox(QGroupBox):
    """A checkable group: ticked, the card is saved with the event it describes."""

    event_edited = Signal()

    def __init__(self, now: datetime, tz: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("&Log the event where you met (shared by the next cards)"))
        self.setAccessibleName(self.tr("Log the event where you met"))
        self.setCheckable(True)
        self.setChecked(False)

        self.kind = QComboBox()
        for kind in CARD_EVENT_KINDS:
            self.kind.addItem(event_kind_text(kind), kind.value)
        self.kind.setAccessibleName(self.tr("What happened"))
        self.when = LocalDateTimeEdit(now, tz)
        self.when.setAccessibleName(self.tr("When it happened"))
        self.when.lineEdit().setAccessibleName(self.tr("When it happened"))
        self.opportunity = QComboBox()
        self.opportunity.setAccessibleName(self.tr("Opportunity"))
        self.set_opportunities([])
        self.discussed = QLineEdit()
        self.discussed.setAccessibleName(self.tr("What was discussed"))
        self.discussed.setPlaceholderText(
            self.tr("What you talked about, for the thank-you letters")
        )
        self.discussed.setClearButtonEnabled(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("Follow-up planned"))

        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in (
            (self.tr("What happened"), self.kind),
            (self.tr("When"), self.when),
            (self.tr("Opportunity"), self.opportunity),
            (self.tr("Discussed"), self.discussed),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(self.hint)

        self.toggled.connect(self._on_edit)
        self.kind.activated.connect(self._on_edit)
        self.when.dateTimeChanged.connect(self._on_edit)
        self.opportunity.activated.connect(self._on_edit)
        self.discussed.textEdited.connect(self._on_edit)
        self._show_hint()

    def set_opportunities(self, opportunities: Sequence[tuple[int, str]]) -> None:
        """The (id, title) pairs to choose from; the current choice stays if it still exists."""
        current = self.opportunity.currentData()
        self.opportunity.clear()
        self.opportunity.addItem(self.tr("None"), None)
        for opportunity_id, title in opportunities:
            self.opportunity.addItem(title, opportunity_id)
        index = self.opportunity.findData(current)
        self.opportunity.setCurrentIndex(max(index, 0))

    def shared_event(self) -> SharedEvent | None:
        """The event to save the card with, or None when the box is not ticked."""
        if not self.isChecked():
            return None
        return SharedEvent(
            kind=str(self.kind.currentData()),
            occurred_at=self.when.value(),
            discussed=self.discussed.text().strip(),
            opportunity_id=self.opportunity.currentData(),
        )

    def start_over(self, now: datetime) -> None:
        """A card not from any batch: the box unticked, its time reset to ``now``."""
        self.setChecked(False)
        self.when.set_value(now)
        self.discussed.clear()
        self.kind.setCurrentIndex(0)
        self.opportunity.setCurrentIndex(0)

    def _on_edit(self) -> None:
        self._show_hint()
        self.event_edited.emit()

    def _show_hint(self) -> None:
        kind = EventKind(str(self.kind.currentData()))
        if self.isChecked():
            text = self.tr("Each card saved gets a follow-up: {situation}, within 24–36 hours.")
            self.hint.setText(text.format(situation=situation_phrase(kind.situation)))
        else:
            self.hint.setText("")
        self.hint.setVisible(self.isChecked())
