"""LogEventDialog: record what happened, when, and with whom; each person gets a follow-up.

A panel interview is one event with everyone on the panel ticked. The dialog returns an
``EventDraft``; the window hands it to the follow-up service.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.followups import EventDraft
from desktop.domain.opportunities import OpportunityRecord
from desktop.domain.rules.window import CLOSES_AFTER, TARGET_AFTER
from desktop.domain.vocabulary import EventKind
from desktop.ui.contact_picker import ContactChecklist, PersonToChoose
from desktop.ui.dialog_parts import InfoBox, buddy_label, error_label, ok_cancel_buttons, show_error
from desktop.ui.local_datetime_edit import LocalDateTimeEdit
from desktop.ui.translations import QT_TRANSLATE_NOOP, TranslationContext
from desktop.ui.vocabulary_text import event_kind_text, situation_purpose_text, situation_text

# Shown translated (LogEventDialog.tr); in English this is the text itself.
NOBODY_CHOSEN = QT_TRANSLATE_NOOP("LogEventDialog", "Tick at least one person who was there.")

FollowUpHint = TranslationContext("FollowUpHint")


def _hours(delta: timedelta) -> int:
    return int(delta.total_seconds() // 3600)


def follow_up_hint(kind: EventKind, people: int) -> str:
    """What logging ``kind`` with ``people`` people will add to the follow-up list."""
    if people <= 1:
        text = FollowUpHint.tr(
            "Creates one follow-up per person: {situation}, due within {first}–{last} hours."
        )
    else:
        text = FollowUpHint.tr(
            "Creates %n follow-ups, one per person: {situation}, due within {first}–{last} hours.",
            "",
            people,
        )
    return text.format(
        situation=situation_text(kind.situation),
        first=_hours(TARGET_AFTER),
        last=_hours(CLOSES_AFTER),
    )


class LogEventDialog(QDialog):
    def __init__(
        self,
        contacts: Sequence[PersonToChoose],
        opportunities: Sequence[OpportunityRecord],
        *,
        now: datetime,
        tz: tzinfo,
        preselected_contact_ids: Iterable[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("log_event")
        self.setWindowTitle(self.tr("Log an event"))
        self.setAccessibleName(self.tr("Log an event"))

        self.kind = QComboBox()
        for kind in EventKind:
            self.kind.addItem(event_kind_text(kind), kind.value)
        self.kind.setAccessibleName(self.tr("What happened"))

        self.when = LocalDateTimeEdit(now, tz)
        self.when.setAccessibleName(self.tr("When"))

        self.people = ContactChecklist(
            contacts, multi=True, chosen=preselected_contact_ids, name=self.tr("Who was there")
        )
        self.people_error = error_label(self.tr("Who was there: error"))

        self.opportunity = QComboBox()
        self.opportunity.addItem(self.tr("None"), None)
        for record in opportunities:
            self.opportunity.addItem(record.title, record.id)
        self.opportunity.setAccessibleName(self.tr("Opportunity"))

        self.discussed = QPlainTextEdit()
        self.discussed.setTabChangesFocus(True)
        self.discussed.setPlaceholderText(
            self.tr("Topics, names, what they need, what you promised")
        )
        self.discussed.setAccessibleName(self.tr("What was discussed"))
        self.discussed.setFixedHeight(self.discussed.fontMetrics().lineSpacing() * 4 + 12)

        self.hint_box = InfoBox("fa6s.circle-info", name=self.tr("What this creates"))
        self.hint = self.hint_box.add_label(self.tr("What this creates"))
        self.purpose = self.hint_box.add_label(self.tr("What the follow-up should do"))

        self.button_box, self.ok_button, self.cancel_button = ok_cancel_buttons(
            self.tr("Log event")
        )
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(self.tr("What &happened"), self.kind), self.kind)
        form.addRow(self.hint_box)
        form.addRow(buddy_label(self.tr("Whe&n"), self.when), self.when)
        people_box = QVBoxLayout()
        people_box.addWidget(self.people, 1)
        people_box.addWidget(self.people_error)
        people_label = buddy_label(self.tr("Who was &there"), self.people)
        people_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(people_label, people_box)
        form.addRow(buddy_label(self.tr("&Opportunity"), self.opportunity), self.opportunity)
        form.addRow(buddy_label(self.tr("What was &discussed"), self.discussed), self.discussed)

        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.button_box)

        self.kind.currentIndexChanged.connect(self._update_hint)
        self.people.chosen_changed.connect(self._on_people_changed)
        self._update_hint()
        self.resize(600, 620)
        self.kind.setFocus()

    def selected_kind(self) -> EventKind:
        return EventKind(str(self.kind.currentData()))

    def draft(self) -> EventDraft:
        opportunity = self.opportunity.currentData()
        return EventDraft(
            kind=self.selected_kind().value,
            occurred_at=self.when.value(),
            contact_ids=tuple(self.people.chosen_ids()),
            discussed=self.discussed.toPlainText(),
            opportunity_id=int(opportunity) if opportunity is not None else None,
        )

    def error_text(self) -> str:
        return self.people_error.text() if self.people_error.isVisibleTo(self) else ""

    def accept(self) -> None:
        """Override of QDialog.accept: an event needs at least one person."""
        if not self.people.chosen_ids():
            show_error(self.people_error, self.people.view, self.tr(NOBODY_CHOSEN))
            self.people.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def _on_people_changed(self) -> None:
        if self.people.chosen_ids():
            show_error(self.people_error, self.people.view, "")
        self._update_hint()

    def _update_hint(self) -> None:
        kind = self.selected_kind()
        self.hint.setText(follow_up_hint(kind, len(self.people.chosen_ids())))
        self.purpose.setText(situation_purpose_text(kind.situation))

    @classmethod
    def ask(
        cls,
        contacts: Sequence[PersonToChoose],
        opportunities: Sequence[OpportunityRecord],
        *,
        now: datetime,
        tz: tzinfo,
        preselected_contact_ids: Iterable[int] = (),
        parent: QWidget | None = None,
    ) -> EventDraft | None:
        """The event to log, or None when cancelled."""
        dialog = cls(
            contacts,
            opportunities,
            now=now,
            tz=tz,
            preselected_contact_ids=preselected_contact_ids,
            parent=parent,
        )
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.draft()
        finally:
            dialog.deleteLater()
