from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.domain.followups import EventDraft
from desktop.domain.opportunities import OpportunityRecord
from desktop.domain.vocabulary import EventKind
from desktop.ui.log_event_dialog import NOBODY_CHOSEN, LogEventDialog, follow_up_hint
from tests.ui.dialog_helpers import (
    PEOPLE,
    answer_next_dialog,
    click_button,
    click_row,
    set_wall_clock,
    show_dialog,
    type_text,
    unnamed_focusable_widgets,
)

CHICAGO = ZoneInfo("America/Chicago")
# Wednesday 25 November 2026, 14:30 UTC: 08:30 in Chicago.
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)
OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel

OPPORTUNITIES = [
    OpportunityRecord(
        id=7, company="Acme", position="Engineering Manager", created_at=NOW, updated_at=NOW
    ),
    OpportunityRecord(id=9, company="Globex", created_at=NOW, updated_at=NOW),
]


def make_dialog(qtbot: QtBot, **kwargs: Any) -> LogEventDialog:
    dialog = LogEventDialog(PEOPLE, OPPORTUNITIES, now=NOW, tz=CHICAGO, **kwargs)
    show_dialog(qtbot, dialog)
    return dialog


def pick_kind(dialog: LogEventDialog, kind: EventKind) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind.value))


def test_defaults_are_now_in_local_time_and_nobody_yet(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    draft = dialog.draft()
    assert draft.occurred_at == NOW
    assert draft.occurred_at.tzinfo is CHICAGO
    assert (draft.occurred_at.hour, draft.occurred_at.minute) == (8, 30)
    assert draft.contact_ids == ()
    assert draft.opportunity_id is None
    assert dialog.when.calendarPopup()
    # The edit shows the local clock, the way the locale writes it.
    assert dialog.when.text() == dialog.when.dateTime().toString(dialog.when.displayFormat())
    assert "8:30" in dialog.when.text() or "08:30" in dialog.when.text()


def test_kinds_show_their_labels_and_return_their_values(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    labels = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert labels == [kind.label for kind in EventKind]
    pick_kind(dialog, EventKind.HELP)
    assert dialog.draft().kind == "help"


def test_a_panel_interview_is_one_event_with_everyone_ticked(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, preselected_contact_ids=[1])
    pick_kind(dialog, EventKind.INTERVIEW)
    type_text(qtbot, dialog.people.filter_edit, "acme")
    click_row(qtbot, dialog.people, 2)
    dialog.people.filter_edit.clear()
    click_row(qtbot, dialog.people, 3)
    dialog.opportunity.setCurrentIndex(dialog.opportunity.findText("Engineering Manager at Acme"))
    set_wall_clock(dialog.when, datetime(2026, 11, 24, 16, 0))
    dialog.discussed.setFocus()
    type_text(qtbot, dialog.discussed, "Platform migration")
    assert dialog.draft() == EventDraft(
        kind="interview",
        occurred_at=datetime(2026, 11, 24, 16, 0, tzinfo=CHICAGO),
        contact_ids=(1, 2, 3),
        discussed="Platform migration",
        opportunity_id=7,
    )


def test_the_hint_says_what_follow_ups_the_event_creates(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    pick_kind(dialog, EventKind.INTERVIEW)
    assert dialog.hint.text() == (
        "Creates one follow-up per person: After an interview, due within 24–36 hours."
    )
    assert dialog.purpose.text() == EventKind.INTERVIEW.situation.purpose
    click_row(qtbot, dialog.people, 1)
    click_row(qtbot, dialog.people, 4)
    assert dialog.hint.text().startswith("Creates 2 follow-ups, one per person: After an interview")
    pick_kind(dialog, EventKind.REJECTION)
    assert "After not being selected" in dialog.hint.text()
    assert follow_up_hint(EventKind.JOB_FAIR, 1).endswith("Thank a helper, due within 24–36 hours.")


def test_the_opportunity_list_offers_none_first(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    items = [dialog.opportunity.itemText(i) for i in range(dialog.opportunity.count())]
    assert items == ["None", "Engineering Manager at Acme", "Globex"]
    dialog.opportunity.setCurrentIndex(2)
    assert dialog.draft().opportunity_id == 9


def test_ok_with_nobody_ticked_says_so_next_to_the_list_and_stays_open(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    click_button(qtbot, dialog.button_box, OK)
    assert dialog.isVisible()
    assert dialog.error_text() == NOBODY_CHOSEN
    assert dialog.people.view.accessibleDescription() == NOBODY_CHOSEN
    click_row(qtbot, dialog.people, 5)
    assert dialog.error_text() == ""
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        click_button(qtbot, dialog.button_box, OK)


def test_tab_goes_through_the_form_in_reading_order(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.kind.hasFocus)
    order: list[str] = []
    for _ in range(20):  # Tab steps through the date and time parts before leaving "When"
        widget = QApplication.focusWidget()
        assert widget is not None
        if not order or order[-1] != widget.accessibleName():
            order.append(widget.accessibleName())
        if len(order) == 6:
            break
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert order == [
        "What happened",
        "When",
        "Filter who was there",
        "Who was there",
        "Opportunity",
        "What was discussed",
    ]


def test_tab_leaves_the_discussion_box(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.activateWindow()
    dialog.discussed.setFocus()
    qtbot.waitUntil(dialog.discussed.hasFocus)
    qtbot.keyClick(dialog.discussed, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not dialog.discussed.hasFocus())
    assert dialog.discussed.toPlainText() == ""


def test_a_time_the_clock_skips_comes_back_as_the_moment_it_names(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    set_wall_clock(dialog.when, datetime(2026, 3, 8, 2, 30))  # Chicago springs forward at 2:00
    occurred = dialog.draft().occurred_at
    assert occurred == datetime(2026, 3, 8, 8, 30, tzinfo=UTC)
    assert occurred.utcoffset() is not None


def test_ask_returns_the_draft(qtbot: QtBot) -> None:
    def answer(dialog: LogEventDialog) -> None:
        pick_kind(dialog, EventKind.INFORMATIONAL)
        click_button(qtbot, dialog.button_box, OK)  # refused: nobody ticked
        assert dialog.error_text() == NOBODY_CHOSEN
        click_row(qtbot, dialog.people, 4)
        click_button(qtbot, dialog.button_box, OK)

    errors = answer_next_dialog(qtbot, LogEventDialog, answer)
    draft = LogEventDialog.ask(PEOPLE, OPPORTUNITIES, now=NOW, tz=CHICAGO)
    assert errors == []
    assert draft == EventDraft(kind="informational", occurred_at=NOW, contact_ids=(4,))


def test_ask_returns_none_when_cancelled(qtbot: QtBot) -> None:
    def answer(dialog: LogEventDialog) -> None:
        click_button(qtbot, dialog.button_box, CANCEL)

    errors = answer_next_dialog(qtbot, LogEventDialog, answer)
    draft = LogEventDialog.ask(
        PEOPLE, OPPORTUNITIES, now=NOW, tz=CHICAGO, preselected_contact_ids=[1]
    )
    assert errors == []
    assert draft is None


def test_every_focusable_widget_has_an_accessible_name(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert unnamed_focusable_widgets(dialog) == []


def test_dates_follow_the_locale(qtbot: QtBot) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        dialog = make_dialog(qtbot)
        assert dialog.when.text() == "25.11.2026 08:30"
    finally:
        QLocale.setDefault(previous)
