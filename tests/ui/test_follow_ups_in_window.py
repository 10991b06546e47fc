"""Follow-ups through the real window: log, see them due, send, respect the cool-down."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import AppContext, create_main_window, open_context
from desktop.domain.contacts import ContactCard
from desktop.domain.followups import EventDraft
from desktop.domain.vocabulary import Channel
from desktop.ui.contact_picker import ContactPickerDialog
from desktop.ui.log_event_dialog import LogEventDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.mark_sent_dialog import MarkSentDialog
from desktop.ui.thank_introducers_dialog import ThankIntroducersDialog
from tests.conftest import NOW
from tests.ui.conftest import CHICAGO
from tests.ui.dialog_helpers import answer_next_dialog, click_check_box, click_row
from tests.ui.helpers import answer_next_message_box, keep_window, table_names

LEFT = Qt.MouseButton.LeftButton
Desk = tuple[AppContext, dict[str, int], Callable[[], MainWindow]]


class MovableClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock_at() -> MovableClock:
    return MovableClock(NOW)


@pytest.fixture
def desk(qtbot: QtBot, data_dir: Path, clock_at: MovableClock) -> Iterator[Desk]:
    """The window on a database with three people already in it."""
    context = open_context(data_dir, clock_at)
    contacts = context.services.contacts
    ids = {
        "davis": contacts.add_contact(
            ContactCard(
                courtesy_title="Ms.",
                given_name="Dana",
                family_name="Davis",
                company="Acme",
                street="1 Main St",
                city="Springfield",
                region="IL",
                postal_code="62701",
                category="hiring-process",
            )
        ).id,
        "okafor": contacts.add_contact(
            ContactCard(given_name="Sam", family_name="Okafor", email="sam@globex.example")
        ).id,
    }
    ids["raman"] = contacts.add_contact(
        ContactCard(given_name="Priya", family_name="Raman", category="past-coworker")
    ).id

    def start() -> MainWindow:
        window = create_main_window(context, zone=lambda: CHICAGO)
        keep_window(qtbot, window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield context, ids, start
    context.close()


def log_interview(qtbot: QtBot, window: MainWindow, *people: int) -> None:
    def answer(dialog: LogEventDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("interview"))
        for person in people:
            click_row(qtbot, dialog.people, person)
        assert set(dialog.people.chosen_ids()) == set(people)
        qtbot.mouseClick(dialog.ok_button, LEFT)

    errors = answer_next_dialog(qtbot, LogEventDialog, answer)
    window.new_action.trigger()  # nobody preselected
    window.log_event_action.trigger()
    assert errors == []


def test_an_interview_with_two_people_gives_two_follow_ups(qtbot: QtBot, desk: Desk) -> None:
    _context, ids, start = desk
    window = start()

    log_interview(qtbot, window, ids["davis"], ids["okafor"])

    model = window.today_view.model
    assert model.rowCount() == 2
    names = {model.follow_up_at(row).contact_name for row in range(2)}
    assert names == {"Ms. Dana Davis", "Sam Okafor"}
    assert window.left_tabs.tabText(window.left_tabs.indexOf(window.today_view)) == "Today (2)"
    assert window.windowTitle().startswith("Follow-Up Desk — 2 due")
    assert "Logged interview: 2 follow-ups" in window.statusBar().currentMessage()
    # Direct mail where there is an address, email where there is only an email.
    advice = {
        model.follow_up_at(r).contact_name: model.follow_up_at(r).advice.channel for r in range(2)
    }
    assert advice == {"Ms. Dana Davis": Channel.TYPED_LETTER, "Sam Okafor": Channel.EMAIL}


def test_time_passing_turns_due_into_overdue(
    qtbot: QtBot, desk: Desk, clock_at: MovableClock
) -> None:
    context, ids, start = desk
    context.services.follow_ups.log_event(
        EventDraft(kind="interview", occurred_at=NOW, contact_ids=(ids["davis"],))
    )
    window = start()
    assert window.today_view.model.index(0, 0).data() == "Due now"
    assert window.today_view.model.index(0, 3).data() == "36 h left"

    clock_at.now = NOW + timedelta(hours=37)
    with qtbot.waitSignal(window.today_view.model.modelReset, timeout=2000):
        window.agenda_timer.timeout.emit()

    assert window.today_view.model.index(0, 0).data() == "Overdue"
    assert window.today_view.model.index(0, 3).data() == "overdue by 1 h"


def test_overdue_at_start_is_said_once_without_a_dialog(qtbot: QtBot, desk: Desk) -> None:
    context, ids, start = desk
    context.services.follow_ups.log_event(
        EventDraft(kind="resume", occurred_at=NOW - timedelta(days=3), contact_ids=(ids["davis"],))
    )
    window = start()
    assert window.left_tabs.currentWidget() is window.today_view
    assert window.statusBar().currentMessage() == "1 follow-up to write: 1 overdue."
    assert window.today_view.summary.text() == "1 follow-up to write: 1 overdue."


def test_mark_sent_and_the_cool_down_warning(
    qtbot: QtBot, desk: Desk, clock_at: MovableClock
) -> None:
    context, ids, start = desk
    follow_ups = context.services.follow_ups
    follow_ups.log_event(
        EventDraft(
            kind="interview", occurred_at=NOW - timedelta(hours=2), contact_ids=(ids["davis"],)
        )
    )
    window = start()
    window.today_view.table.selectRow(0)
    assert window.card_form.fields["family_name"].text() == "Davis", "selecting shows the card"

    def send(dialog: MarkSentDialog) -> None:
        assert dialog.selected_channel() is Channel.TYPED_LETTER
        qtbot.mouseClick(dialog.ok_button, LEFT)

    errors = answer_next_dialog(qtbot, MarkSentDialog, send)
    qtbot.mouseClick(window.today_view.sent_button, LEFT)
    assert errors == []
    assert window.today_view.model.rowCount() == 0
    assert window.card_form.history_label.text().startswith("Followed up once; last on")
    assert (
        window.statusBar().currentMessage() == "Marked sent: Ms. Dana Davis (typed letter, mailed)."
    )

    # Two days later another event with her: the cool-down must be confirmed deliberately.
    clock_at.now = NOW + timedelta(days=2)
    follow_ups.log_event(
        EventDraft(kind="interview", occurred_at=clock_at.now, contact_ids=(ids["davis"],))
    )
    window.refresh_agenda()
    window.today_view.table.selectRow(0)
    seen: list[str] = []

    def send_anyway(dialog: MarkSentDialog) -> None:
        seen.append(" ".join(label.text() for label in dialog.warning_labels if label.isVisible()))
        assert not dialog.ok_button.isEnabled()
        click_check_box(qtbot, dialog.send_anyway)
        assert dialog.ok_button.isEnabled()
        qtbot.mouseClick(dialog.ok_button, LEFT)

    errors = answer_next_dialog(qtbot, MarkSentDialog, send_anyway)
    qtbot.mouseClick(window.today_view.sent_button, LEFT)
    assert errors == []
    assert "less than 7 days ago" in seen[0]
    latest = follow_ups.history(ids["davis"]).last_sent
    assert latest is not None and "cool-down" in latest.override_note


def test_delete_confirmation_counts_the_follow_ups(qtbot: QtBot, desk: Desk) -> None:
    context, ids, start = desk
    context.services.follow_ups.log_event(
        EventDraft(kind="interview", occurred_at=NOW, contact_ids=(ids["davis"],))
    )
    window = start()
    window.left_tabs.setCurrentWidget(window.contacts_pane)
    window.select_contact(ids["davis"])
    seen: list[str] = []
    answer_next_message_box(qtbot, lambda box: box.delete_button, seen)  # type: ignore[attr-defined]
    window.delete_action.trigger()
    assert "their notes and 1 follow-up (sent and pending)" in seen[0]
    assert window.today_view.model.rowCount() == 0
    assert "Dana Davis" not in table_names(window)


def test_thank_the_introducer_when_an_introduction_leads_to_an_interview(
    qtbot: QtBot, desk
) -> None:
    context, ids, start = desk
    window = start()
    window.left_tabs.setCurrentWidget(window.contacts_pane)
    window.select_contact(ids["davis"])

    def pick_raman(dialog: ContactPickerDialog) -> None:
        click_row(qtbot, dialog.checklist, ids["raman"])
        qtbot.mouseClick(dialog.ok_button, LEFT)  # type: ignore[attr-defined]

    errors = answer_next_dialog(qtbot, ContactPickerDialog, pick_raman)
    qtbot.mouseClick(window.card_form.choose_introducer_button, LEFT)
    assert errors == []
    assert window.card_form.introducer_label.text() == "Priya Raman"
    window.save_card()
    assert context.services.contacts.get_contact(ids["davis"]).introduced_by_id == ids["raman"]

    def accept_thanks(dialog: ThankIntroducersDialog) -> None:
        qtbot.mouseClick(dialog.add_button, LEFT)

    thanks_errors = answer_next_dialog(qtbot, ThankIntroducersDialog, accept_thanks)
    log_interview(qtbot, window, ids["davis"])
    assert thanks_errors == []
    people = {
        window.today_view.model.follow_up_at(r).contact_name
        for r in range(window.today_view.model.rowCount())
    }
    assert people == {"Ms. Dana Davis", "Priya Raman"}


def test_export_to_calendar_writes_an_ics_that_parses(
    qtbot: QtBot,
    desk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context, ids, start = desk
    context.services.follow_ups.log_event(
        EventDraft(kind="interview", occurred_at=NOW, contact_ids=(ids["davis"], ids["okafor"]))
    )
    window = start()
    target = tmp_path / "mine"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))

    window.export_calendar_action.trigger()

    calendar = Calendar.from_ical((tmp_path / "mine.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2
    starts = {event.decoded("DTSTART") for event in events}
    assert starts == {NOW + timedelta(hours=24)}
    assert "Exported 2 follow-ups to mine.ics" in window.statusBar().currentMessage()


def test_save_agenda_as_pdf(
    qtbot: QtBot, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context, ids, start = desk
    context.services.follow_ups.log_event(
        EventDraft(kind="interview", occurred_at=NOW, contact_ids=(ids["davis"],))
    )
    window = start()
    target = tmp_path / "agenda.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window.agenda_pdf_action.trigger()
    assert target.read_bytes().startswith(b"%PDF")
    assert window.statusBar().currentMessage() == "Saved the agenda to agenda.pdf."


def test_dismiss_asks_and_keeps_history(qtbot: QtBot, desk: Desk) -> None:
    context, ids, start = desk
    context.services.follow_ups.log_event(
        EventDraft(kind="interview", occurred_at=NOW, contact_ids=(ids["okafor"],))
    )
    window = start()
    window.today_view.table.selectRow(0)
    seen: list[str] = []
    answer_next_message_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes), seen)
    qtbot.mouseClick(window.today_view.dismiss_button, LEFT)
    assert "Dismiss the follow-up to Sam Okafor" in seen[0]
    assert window.today_view.model.rowCount() == 0
    assert context.services.follow_ups.for_contact(ids["okafor"])[0].status.value == "dismissed"


def test_today_model_passes_the_model_tester(qtbot: QtBot, desk: Desk, qtmodeltester) -> None:
    context, ids, start = desk
    follow_ups = context.services.follow_ups
    follow_ups.log_event(
        EventDraft(kind="resume", occurred_at=NOW - timedelta(days=3), contact_ids=(ids["davis"],))
    )
    follow_ups.log_event(
        EventDraft(kind="help", occurred_at=NOW + timedelta(days=1), contact_ids=(ids["raman"],))
    )
    window = start()
    qtmodeltester.check(window.today_view.model, force_py=True)
    model = window.today_view.model
    assert [model.index(r, 0).data() for r in range(2)] == ["Overdue", "Upcoming"]
    # Shown in the user's time zone: 3 days ago + 36 h, in Chicago (UTC-6 in November).
    # (Newer CLDR data puts a narrow no-break space before "PM".)
    assert model.index(0, 4).data().replace("\u202f", " ") == "11/23/26 8:30 PM"


def test_history_tab_lists_follow_ups_and_deleting_the_event_keeps_sent_ones(
    qtbot: QtBot, desk: Desk
) -> None:
    context, ids, start = desk
    follow_ups = context.services.follow_ups
    logged = follow_ups.log_event(
        EventDraft(
            kind="interview",
            occurred_at=NOW - timedelta(hours=3),
            contact_ids=(ids["davis"], ids["okafor"]),
        )
    )
    davis_follow_up = next(f for f in logged.follow_ups if f.contact_id == ids["davis"])
    follow_ups.mark_sent(davis_follow_up.id, channel=Channel.EMAIL, sent_at=NOW)
    window = start()
    window.left_tabs.setCurrentWidget(window.contacts_pane)
    window.select_contact(ids["davis"])
    history = window.history_view
    assert history.model.rowCount() == 1
    assert history.model.index(0, 3).data().startswith("Sent by email,")

    history.table.selectRow(0)
    seen: list[str] = []
    answer_next_message_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes), seen)
    qtbot.mouseClick(history.delete_event_button, LEFT)

    assert "Delete this event for everyone" in seen[0]
    assert window.statusBar().currentMessage() == (
        "Deleted the event: 1 pending follow-up(s) removed, 1 kept in history."
    )
    assert history.model.rowCount() == 1, "Ms. Davis's sent follow-up stays"
    assert history.model.index(0, 2).data() == "—", "without its event"
    assert window.today_view.model.rowCount() == 0, "Sam Okafor's pending one went"


def test_history_model_passes_the_model_tester(
    qtbot: QtBot, desk: Desk, qtmodeltester: ModelTester
) -> None:
    context, ids, start = desk
    context.services.follow_ups.log_event(
        EventDraft(kind="rejection", occurred_at=NOW, contact_ids=(ids["davis"],))
    )
    window = start()
    window.select_contact(ids["davis"])
    qtmodeltester.check(window.history_view.model, force_py=True)
    assert window.history_view.model.index(0, 1).data() == "After not being selected"
