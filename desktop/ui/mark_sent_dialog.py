"""MarkSentDialog: record that a follow-up went out: how, when, and what it said.

Before OK, the dialog asks ``check(sent_at, summary)`` (the service's rules) whether sending
would break the cool-down or read as a bare status request, and shows why; the user may
still send, by ticking that they have a good reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.followups import ContactHistory, FollowUpRecord, SendWarnings
from desktop.domain.rules.status_check import STATUS_ONLY_ADVICE
from desktop.domain.vocabulary import Channel
from desktop.ui.dialog_parts import (
    InfoBox,
    buddy_label,
    fit_height,
    heading_label,
    ok_cancel_buttons,
    plain_label,
)
from desktop.ui.local_datetime_edit import LocalDateTimeEdit, locale_date
from desktop.ui.translations import QT_TRANSLATE_NOOP, TranslationContext
from desktop.ui.vocabulary_text import (
    channel_phrase,
    channel_text,
    situation_purpose_text,
    situation_text,
)

# Shown translated (MarkSentDialog.tr); in English this is the text itself.
CARD_LATER_TIP = QT_TRANSLATE_NOOP(
    "MarkSentDialog",
    "Send the email now while it is timely; a follow-up to send a handwritten card as well "
    "is added to your list.",
)

HistoryText = TranslationContext("HistoryText")


@dataclass(frozen=True)
class MarkSentValues:
    channel: Channel
    sent_at: datetime  # aware
    summary: str
    card_later: bool
    confirmed: bool  # the user saw the warnings and chose to send anyway


def describe_history(history: ContactHistory, tz: tzinfo) -> str:
    """ "First follow-up with this person." or "Followed up 2 times; last on … by email." """
    if history.sent_count == 0 or history.last_sent is None:
        return HistoryText.tr("First follow-up with this person.")
    count = history.sent_count
    if count == 1:
        followed = HistoryText.tr("Followed up once")
    else:
        followed = HistoryText.tr("Followed up %n times", "", count)
    last = history.last_sent
    if last.sent_at is None:
        return HistoryText.tr("{followed}.").format(followed=followed)
    date = locale_date(last.sent_at, tz)
    if last.sent_channel is None:
        return HistoryText.tr("{followed}; last on {date}.").format(followed=followed, date=date)
    return HistoryText.tr("{followed}; last on {date} by {channel}.").format(
        followed=followed, date=date, channel=channel_phrase(last.sent_channel)
    )


def warning_messages(warnings: SendWarnings) -> list[str]:
    messages = []
    if warnings.cooldown is not None:
        messages.append(warnings.cooldown.message)
    if warnings.status_only:
        messages.append(STATUS_ONLY_ADVICE)
    return messages


class MarkSentDialog(QDialog):
    def __init__(
        self,
        record: FollowUpRecord,
        history: ContactHistory,
        check: Callable[[datetime, str], SendWarnings],
        *,
        now: datetime,
        tz: tzinfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mark_sent")
        self.setWindowTitle(self.tr("Mark as sent"))
        self.setAccessibleName(self.tr("Mark as sent"))
        self._record = record
        self._check = check
        self._warnings: list[str] = []

        situation = record.situation
        self.heading = heading_label(
            self.tr("{person}: {situation}").format(
                person=record.contact_name, situation=situation_text(situation)
            ),
            name=self.tr("Follow-up"),
        )
        self.purpose = plain_label(
            situation_purpose_text(situation), name=self.tr("What this follow-up should do")
        )
        self.history = plain_label(
            describe_history(history, tz), name=self.tr("Earlier follow-ups")
        )

        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(channel_text(channel), channel.value)
        self.channel.setCurrentIndex(self.channel.findData(record.advice.channel.value))
        self.channel.setAccessibleName(self.tr("Channel used"))
        self.advice = plain_label(
            self.tr("Recommended: {channel}. {reason}").format(
                channel=channel_text(record.advice.channel), reason=record.advice.reason
            ),
            name=self.tr("Recommended channel"),
        )

        self.sent_at = LocalDateTimeEdit(now, tz)
        self.sent_at.setAccessibleName(self.tr("Sent"))

        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText(self.tr("Optional: what you offered, recalled or attached"))
        self.summary.setAccessibleName(self.tr("What did you say or send?"))
        self.summary.setFixedHeight(self.summary.fontMetrics().lineSpacing() * 4 + 12)

        self.card_later = QCheckBox(self.tr("Email now, card later"))
        self.card_later.setAccessibleName(self.tr("Email now, card later"))
        self.card_later.setToolTip(self.tr(CARD_LATER_TIP))
        self.card_later.setAccessibleDescription(self.tr(CARD_LATER_TIP))

        self.warning_box = InfoBox("fa6s.triangle-exclamation", name=self.tr("Before you send"))
        self.warning_labels = [
            self.warning_box.add_label(self.tr("Warning")),
            self.warning_box.add_label(self.tr("Warning")),
        ]
        self.send_anyway = QCheckBox(self.tr("Send anyway: I have a good reason"))
        self.send_anyway.setAccessibleName(self.tr("Send anyway: I have a good reason"))
        self.warning_box.text.addWidget(self.send_anyway)
        self.warning_box.setVisible(False)

        self.button_box, self.ok_button, self.cancel_button = ok_cancel_buttons(
            self.tr("Mark sent")
        )
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(self.tr("&Channel used"), self.channel), self.channel)
        form.addRow(buddy_label(self.tr("&Sent"), self.sent_at), self.sent_at)
        form.addRow(buddy_label(self.tr("&What did you say or send?"), self.summary), self.summary)
        form.addRow("", self.card_later)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.purpose)
        layout.addWidget(self.history)
        layout.addWidget(self.advice)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.warning_box)
        layout.addStretch(1)
        layout.addWidget(self.button_box)

        self.channel.currentIndexChanged.connect(self._on_channel_changed)
        self.sent_at.dateTimeChanged.connect(self.refresh_warnings)
        self.summary.textChanged.connect(self.refresh_warnings)
        self.send_anyway.toggled.connect(self._update_ok)
        self._on_channel_changed()
        self.resize(560, 300)
        fit_height(self)
        self.summary.setFocus()

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        label.setWordWrap(True)
        return label

    def selected_channel(self) -> Channel:
        return Channel(str(self.channel.currentData()))

    def warnings(self) -> list[str]:
        """The warnings shown now (empty when sending breaks no rule)."""
        return list(self._warnings)

    def values(self) -> MarkSentValues:
        return MarkSentValues(
            channel=self.selected_channel(),
            sent_at=self.sent_at.value(),
            summary=self.summary.toPlainText(),
            card_later=self.card_later.isEnabled() and self.card_later.isChecked(),
            confirmed=bool(self._warnings) and self.send_anyway.isChecked(),
        )

    def accept(self) -> None:
        """Override of QDialog.accept: a warning must be acknowledged first."""
        self.refresh_warnings()
        if self._warnings and not self.send_anyway.isChecked():
            self.send_anyway.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def refresh_warnings(self) -> None:
        """Ask the rules about the current time and text, and show what they say."""
        messages = warning_messages(self._check(self.sent_at.value(), self.summary.toPlainText()))
        if messages != self._warnings:
            # A new reason to hesitate needs its own confirmation.
            self.send_anyway.setChecked(False)
            self._warnings = messages
            for label, message in zip(self.warning_labels, [*messages, "", ""], strict=False):
                label.setText(message)
                label.setVisible(bool(message))
            self.warning_box.setVisible(bool(messages))
            self.warning_box.setAccessibleDescription(" ".join(messages))
            fit_height(self)  # the warnings come and go as you type
        self._update_ok()

    def showEvent(self, event: QShowEvent) -> None:
        """Override of QWidget.showEvent: text is measured in the final style only now."""
        super().showEvent(event)
        fit_height(self)

    def _on_channel_changed(self) -> None:
        is_email = self.selected_channel() is Channel.EMAIL
        self.card_later.setEnabled(is_email)
        if not is_email:
            self.card_later.setChecked(False)
        self.refresh_warnings()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(not self._warnings or self.send_anyway.isChecked())

    @classmethod
    def ask(
        cls,
        record: FollowUpRecord,
        history: ContactHistory,
        check: Callable[[datetime, str], SendWarnings],
        *,
        now: datetime,
        tz: tzinfo,
        parent: QWidget | None = None,
    ) -> MarkSentValues | None:
        """What was sent, or None when cancelled."""
        dialog = cls(record, history, check, now=now, tz=tz, parent=parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.values()
        finally:
            dialog.deleteLater()
