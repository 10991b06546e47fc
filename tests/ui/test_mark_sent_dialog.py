from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.domain.followups import ContactHistory, FollowUpRecord, SendWarnings
from desktop.domain.rules.channel_advice import ChannelAdvice
from desktop.domain.rules.cooldown import CooldownWarning
from desktop.domain.rules.status_check import STATUS_ONLY_ADVICE, looks_like_status_request
from desktop.domain.vocabulary import Channel, FollowUpStatus, Situation
from desktop.ui.local_datetime_edit import locale_date
from desktop.ui.mark_sent_dialog import MarkSentDialog, MarkSentValues
from tests.ui.dialog_helpers import (
    answer_next_dialog,
    click_button,
    click_check_box,
    set_wall_clock,
    show_dialog,
    type_text,
    unnamed_focusable_widgets,
)

CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)  # 08:30 in Chicago
LAST_SENT = NOW - timedelta(days=3)
OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def record(**changes: Any) -> FollowUpRecord:
    values: dict[str, Any] = {
        "id": 5,
        "contact_id": 1,
        "contact_name": "Ms. Dana <b>Davis</b> & Co",
        "contact_category": "hiring-process",
        "event_id": 1,
        "event_kind": "resume",
        "discussed": "",
        "previous_id": None,
        "situation": Situation.AFTER_RESUME,
        "opens_at": NOW,
        "target_at": NOW + timedelta(hours=24),
        "closes_at": NOW + timedelta(hours=36),
        "advice": ChannelAdvice(Channel.TYPED_LETTER, "A mailed letter stands out."),
        "status": FollowUpStatus.PENDING,
        "sent_at": None,
        "sent_channel": None,
        "summary": "",
        "override_note": "",
        "created_at": NOW,
    }
    values.update(changes)
    return FollowUpRecord(**values)


EARLIER = record(id=4, status=FollowUpStatus.SENT, sent_at=LAST_SENT, sent_channel=Channel.EMAIL)
FIRST_TIME = ContactHistory(sent_count=0, pending_count=1, last_sent=None)
TWICE = ContactHistory(sent_count=2, pending_count=1, last_sent=EARLIER)


class FakeRules:
    """Stands in for FollowUpService.check_send: a 7-day cool-down after LAST_SENT."""

    def __init__(self, *, cooldown: bool = True) -> None:
        self.calls: list[tuple[datetime, str]] = []
        self.cooldown = cooldown

    def __call__(self, sent_at: datetime, summary: str) -> SendWarnings:
        self.calls.append((sent_at, summary))
        warning = None
        if self.cooldown and sent_at < LAST_SENT + timedelta(days=7):
            warning = CooldownWarning(LAST_SENT, "Email", 2, 7, LAST_SENT + timedelta(days=7))
        return SendWarnings(cooldown=warning, status_only=looks_like_status_request(summary))


def make_dialog(
    qtbot: QtBot,
    follow_up: FollowUpRecord | None = None,
    history: ContactHistory = FIRST_TIME,
    rules: FakeRules | None = None,
) -> MarkSentDialog:
    dialog = MarkSentDialog(
        follow_up or record(),
        history,
        rules or FakeRules(cooldown=False),
        now=NOW,
        tz=CHICAGO,
    )
    show_dialog(qtbot, dialog)
    return dialog


def pick_channel(dialog: MarkSentDialog, channel: Channel) -> None:
    dialog.channel.setCurrentIndex(dialog.channel.findData(channel.value))


def test_the_header_names_the_person_and_situation_as_plain_text(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert dialog.heading.text() == "Ms. Dana <b>Davis</b> & Co: After a resume"
    assert dialog.heading.textFormat() == Qt.TextFormat.PlainText
    assert dialog.purpose.text() == Situation.AFTER_RESUME.purpose
    assert dialog.history.text() == "First follow-up with this person."


def test_the_history_line_counts_earlier_follow_ups(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, history=TWICE)
    day = locale_date(LAST_SENT, CHICAGO)
    assert dialog.history.text() == f"Followed up 2 times; last on {day} by email."
    once = make_dialog(qtbot, history=ContactHistory(1, 0, EARLIER))
    assert once.history.text() == f"Followed up once; last on {day} by email."


def test_defaults_are_the_recommended_channel_and_now(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    labels = [dialog.channel.itemText(i) for i in range(dialog.channel.count())]
    assert labels == [channel.label for channel in Channel]
    assert dialog.values() == MarkSentValues(
        channel=Channel.TYPED_LETTER,
        sent_at=NOW,
        summary="",
        card_later=False,
        confirmed=False,
    )
    assert dialog.values().sent_at.tzinfo is CHICAGO
    assert dialog.ok_button.isEnabled()
    assert not dialog.warning_box.isVisible()


def test_what_the_user_enters_comes_back(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    pick_channel(dialog, Channel.PHONE)
    set_wall_clock(dialog.sent_at, datetime(2026, 11, 24, 17, 45))
    dialog.summary.setFocus()
    type_text(qtbot, dialog.summary, "Shared the migration case study")
    assert dialog.values() == MarkSentValues(
        channel=Channel.PHONE,
        sent_at=datetime(2026, 11, 24, 17, 45, tzinfo=CHICAGO),
        summary="Shared the migration case study",
        card_later=False,
        confirmed=False,
    )


def test_card_later_is_offered_for_email_only(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert not dialog.card_later.isEnabled()
    assert "handwritten card" in dialog.card_later.toolTip()
    pick_channel(dialog, Channel.EMAIL)
    assert dialog.card_later.isEnabled()
    click_check_box(qtbot, dialog.card_later)
    assert dialog.values().card_later
    pick_channel(dialog, Channel.HANDWRITTEN_NOTE)  # a card later follows an email only
    assert not dialog.card_later.isEnabled()
    assert not dialog.values().card_later
    pick_channel(dialog, Channel.EMAIL)
    assert not dialog.values().card_later


def test_an_email_recommendation_starts_on_email(qtbot: QtBot) -> None:
    advice = ChannelAdvice(Channel.EMAIL, "No postal address on the card.")
    dialog = make_dialog(qtbot, record(advice=advice))
    assert dialog.values().channel is Channel.EMAIL
    assert dialog.card_later.isEnabled()


def test_a_cool_down_warning_needs_a_tick_before_ok(qtbot: QtBot) -> None:
    rules = FakeRules()
    dialog = make_dialog(qtbot, history=TWICE, rules=rules)
    assert rules.calls[-1] == (NOW, "")
    assert dialog.warning_box.isVisible()
    assert dialog.warnings() == [
        "You have followed up 2 times already, the last time by email, less than 7 days ago. "
        "Following up again so soon can look like pressure."
    ]
    assert dialog.warning_labels[0].text() == dialog.warnings()[0]
    assert not dialog.ok_button.isEnabled()
    click_button(qtbot, dialog.button_box, OK)
    assert dialog.isVisible()
    click_check_box(qtbot, dialog.send_anyway)
    assert dialog.ok_button.isEnabled()
    assert dialog.values().confirmed
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        click_button(qtbot, dialog.button_box, OK)


def test_moving_the_time_past_the_cool_down_clears_the_warning(qtbot: QtBot) -> None:
    rules = FakeRules()
    dialog = make_dialog(qtbot, history=TWICE, rules=rules)
    set_wall_clock(dialog.sent_at, datetime(2026, 11, 30, 9, 0))
    assert rules.calls[-1][0] == datetime(2026, 11, 30, 9, 0, tzinfo=CHICAGO)
    assert dialog.warnings() == []
    assert not dialog.warning_box.isVisible()
    assert dialog.ok_button.isEnabled()
    assert not dialog.values().confirmed


def test_a_status_only_message_is_flagged_as_it_is_typed(qtbot: QtBot) -> None:
    rules = FakeRules(cooldown=False)
    dialog = make_dialog(qtbot, rules=rules)
    dialog.summary.setFocus()
    type_text(qtbot, dialog.summary, "Any update on my application?")
    assert rules.calls[-1] == (NOW, "Any update on my application?")
    assert dialog.warnings() == [STATUS_ONLY_ADVICE]
    assert dialog.warning_labels[0].isVisible()
    assert not dialog.warning_labels[1].isVisible()
    assert not dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.summary, " I attached a case study.")  # offers something now
    assert dialog.warnings() == []
    assert dialog.ok_button.isEnabled()


def test_a_new_warning_needs_a_new_tick(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, history=TWICE, rules=FakeRules())
    click_check_box(qtbot, dialog.send_anyway)
    assert dialog.ok_button.isEnabled()
    dialog.summary.setFocus()
    type_text(qtbot, dialog.summary, "Checking in")
    assert len(dialog.warnings()) == 2
    assert not dialog.send_anyway.isChecked()
    assert not dialog.ok_button.isEnabled()
    assert not dialog.values().confirmed


def test_ask_returns_the_values(qtbot: QtBot) -> None:
    def answer(dialog: MarkSentDialog) -> None:
        pick_channel(dialog, Channel.EMAIL)
        click_check_box(qtbot, dialog.card_later)
        click_check_box(qtbot, dialog.send_anyway)
        click_button(qtbot, dialog.button_box, OK)

    errors = answer_next_dialog(qtbot, MarkSentDialog, answer)
    values = MarkSentDialog.ask(record(), TWICE, FakeRules(), now=NOW, tz=CHICAGO)
    assert errors == []
    assert values == MarkSentValues(
        channel=Channel.EMAIL, sent_at=NOW, summary="", card_later=True, confirmed=True
    )


def test_ask_returns_none_when_cancelled(qtbot: QtBot) -> None:
    def answer(dialog: MarkSentDialog) -> None:
        click_button(qtbot, dialog.button_box, CANCEL)

    errors = answer_next_dialog(qtbot, MarkSentDialog, answer)
    values = MarkSentDialog.ask(record(), FIRST_TIME, FakeRules(), now=NOW, tz=CHICAGO)
    assert errors == []
    assert values is None


def test_every_focusable_widget_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, history=TWICE, rules=FakeRules())
    assert unnamed_focusable_widgets(dialog) == []
