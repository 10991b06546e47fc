"""The contacts list in the window: search, filters, sorting and the count under it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.app import AppContext, create_main_window, open_context
from desktop.domain.categories import Category
from desktop.domain.contact_search import FollowUpFilter
from desktop.domain.contacts import ContactCard
from desktop.domain.followups import EventDraft
from desktop.domain.opportunities import OpportunityDraft
from desktop.ui.contact_table_model import COL_COMPANY, COL_LAST_CONTACT, COL_NAME
from desktop.ui.guide_window import GuideWindow
from desktop.ui.main_window import MainWindow
from tests.conftest import NOW
from tests.ui.conftest import CHICAGO
from tests.ui.helpers import add_contact, keep_window, table_names, type_text


class MovableClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


Start = Callable[[], MainWindow]


@pytest.fixture
def clock_at() -> MovableClock:
    return MovableClock(NOW)


@pytest.fixture
def people(
    qtbot: QtBot, data_dir: Path, clock_at: MovableClock
) -> Iterator[tuple[AppContext, dict[str, int], Start]]:
    """Four people: Davis was interviewed an hour ago (for the Acme opportunity), Okafor
    had help from us 60 days ago, Ñúñez and Raman never."""
    context = open_context(data_dir, clock_at)
    services = context.services
    add = services.contacts.add_contact
    ids = {
        "davis": add(
            ContactCard(
                given_name="Dana", family_name="Davis", company="Acme", category="hiring-process"
            )
        ).id,
        "okafor": add(
            ContactCard(given_name="Sam", family_name="Okafor", company="Globex", category="friend")
        ).id,
        "nunez": add(
            ContactCard(given_name="Zoë", family_name="Ñúñez", company="Initech", category="friend")
        ).id,
        "raman": add(
            ContactCard(given_name="Priya", family_name="Raman", company="Hooli", category="family")
        ).id,
    }
    acme = services.opportunities.save(
        OpportunityDraft(company="Acme", position="Engineer", contact_ids=(ids["davis"],))
    )
    services.follow_ups.log_event(
        EventDraft(
            kind="interview",
            occurred_at=NOW - timedelta(hours=1),
            contact_ids=(ids["davis"],),
            discussed="the robot fleet",
            opportunity_id=acme.record.id,
        )
    )
    services.follow_ups.log_event(
        EventDraft(kind="help", occurred_at=NOW - timedelta(days=60), contact_ids=(ids["okafor"],))
    )

    def start() -> MainWindow:
        window = create_main_window(context, zone=lambda: CHICAGO)
        keep_window(qtbot, window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield context, ids, start
    context.close()


def choose(combo: object, value: object) -> None:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    index = combo.findData(value)
    assert index >= 0, f"{value!r} is offered"
    combo.setCurrentIndex(index)


def test_searching_finds_what_was_discussed_and_ignores_accents(
    qtbot: QtBot, people: tuple[AppContext, dict[str, int], Start]
) -> None:
    window = people[2]()
    type_text(qtbot, window.search_field, "robot")
    assert table_names(window) == ["Dana Davis"]
    window.search_field.clear()
    type_text(qtbot, window.search_field, "nunez")
    assert table_names(window) == ["Zoë Ñúñez"]
    assert window.contact_count.text() == "1 of 4 contacts"


def test_filters_narrow_the_list_and_clear_filters_brings_everyone_back(
    qtbot: QtBot, people: tuple[AppContext, dict[str, int], Start]
) -> None:
    window = people[2]()
    pane = window.contacts_pane
    assert not pane.clear_filters_button.isEnabled()

    choose(pane.category_filter, Category.FRIEND.value)
    assert table_names(window) == ["Zoë Ñúñez", "Sam Okafor"]  # Ñúñez files under N
    assert pane.clear_filters_button.isEnabled()

    choose(pane.category_filter, None)
    choose(pane.follow_up_filter, FollowUpFilter.DUE.value)
    assert table_names(window) == ["Dana Davis"], "Okafor's window closed long ago"

    choose(pane.follow_up_filter, FollowUpFilter.NONE.value)
    assert table_names(window) == ["Zoë Ñúñez", "Priya Raman"]

    choose(pane.follow_up_filter, FollowUpFilter.ANY.value)
    choose(pane.opportunity_filter, pane.opportunity_filter.itemData(1))
    assert table_names(window) == ["Dana Davis"]

    choose(pane.opportunity_filter, None)
    pane.quiet_days.setValue(30)
    assert table_names(window) == ["Zoë Ñúñez", "Sam Okafor", "Priya Raman"]
    assert window.contact_count.text() == "3 of 4 contacts"

    qtbot.mouseClick(pane.clear_filters_button, Qt.MouseButton.LeftButton)
    assert len(table_names(window)) == 4
    assert pane.quiet_days.value() == 0
    assert window.contact_count.text() == "4 contacts"


def test_time_passing_moves_people_between_follow_up_filters(
    qtbot: QtBot, people: tuple[AppContext, dict[str, int], Start], clock_at: MovableClock
) -> None:
    window = people[2]()
    choose(window.contacts_pane.follow_up_filter, FollowUpFilter.OVERDUE.value)
    assert table_names(window) == ["Sam Okafor"]

    clock_at.now = NOW + timedelta(hours=36)
    window.agenda_timer.timeout.emit()

    assert table_names(window) == ["Dana Davis", "Sam Okafor"]


def test_last_contact_shows_the_local_date_and_sorts_unknown_last(
    qtbot: QtBot, people: tuple[AppContext, dict[str, int], Start]
) -> None:
    window = people[2]()
    model = window.contact_model
    window.contact_table.sortByColumn(COL_LAST_CONTACT, Qt.SortOrder.DescendingOrder)
    assert table_names(window) == ["Dana Davis", "Sam Okafor", "Zoë Ñúñez", "Priya Raman"]
    assert model.index(0, COL_LAST_CONTACT).data() == "11/25/2026"
    assert model.index(2, COL_LAST_CONTACT).data() == ""

    window.contact_table.sortByColumn(COL_LAST_CONTACT, Qt.SortOrder.AscendingOrder)
    assert table_names(window)[:2] == ["Sam Okafor", "Dana Davis"]


def test_a_sort_is_remembered_and_the_selection_follows_a_renamed_contact(
    qtbot: QtBot, people: tuple[AppContext, dict[str, int], Start]
) -> None:
    _context, ids, start = people
    window = start()
    window.contact_table.sortByColumn(COL_COMPANY, Qt.SortOrder.AscendingOrder)
    assert [window.contact_model.index(r, COL_COMPANY).data() for r in range(4)] == [
        "Acme",
        "Globex",
        "Hooli",
        "Initech",
    ]
    window.select_contact(ids["davis"])
    company = window.card_form.fields["company"]
    company.selectAll()
    type_text(qtbot, company, "Zeta")
    window.save_action.trigger()

    assert window.contacts_pane.selected_contact_id() == ids["davis"]
    assert window.contact_table.currentIndex().row() == 3, "moved to its new place, still chosen"
    window.close()

    again = start()
    assert [again.contact_model.index(r, COL_COMPANY).data() for r in range(4)] == [
        "Globex",
        "Hooli",
        "Initech",
        "Zeta",
    ]


def test_selecting_someone_hidden_by_a_filter_clears_the_filter(
    qtbot: QtBot, people: tuple[AppContext, dict[str, int], Start]
) -> None:
    _context, ids, start = people
    window = start()
    choose(window.contacts_pane.category_filter, Category.FAMILY.value)
    assert table_names(window) == ["Priya Raman"]

    assert window.select_contact(ids["davis"])

    assert len(table_names(window)) == 4
    assert window.card_form.fields["given_name"].text() == "Dana"
    assert (
        window.contact_model.index(window.contact_table.currentIndex().row(), COL_NAME).data()
        == "Dana Davis"
    )


# --- when the table would be empty -------------------------------------------------------


def test_with_no_contacts_the_pane_says_how_to_begin(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = window.contacts_pane
    assert pane.stack.currentWidget() is pane.empty_state
    assert pane.empty_state.isVisible() and not window.contact_table.isVisible()
    assert pane.empty_state.heading.text() == "Your follow-up list is empty"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)

    window.search_field.setFocus()
    with qtbot.waitSignal(pane.new_card_requested):
        qtbot.mouseClick(pane.empty_state.new_card_button, Qt.MouseButton.LeftButton)
    assert window.card_form.fields["given_name"].hasFocus(), "ready to type the first card"

    asked: list[str] = []

    def no_file(*args: object) -> tuple[str, str]:
        asked.append(str(args[1]))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", no_file)
    with qtbot.waitSignal(pane.import_requested):
        qtbot.mouseClick(pane.empty_state.import_button, Qt.MouseButton.LeftButton)
    assert asked == ["Import contacts"], "the import asks for the file"

    link = pane.empty_state.guide_link
    with qtbot.waitSignal(pane.guide_requested):
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton, pos=link.rect().center())
    guide = window.findChild(GuideWindow)
    assert guide is not None and guide.isVisible(), "the guide opened beside the window"
    guide.close()


def test_the_first_saved_card_brings_the_table_back(qtbot: QtBot, window: MainWindow) -> None:
    add_contact(qtbot, window, given_name="Dana", family_name="Davis")

    pane = window.contacts_pane
    assert pane.stack.currentWidget() is window.contact_table
    assert window.contact_table.isVisible() and not pane.empty_state.isVisible()
    assert table_names(window) == ["Dana Davis"]
    assert pane.selected_contact_id() is not None, "the saved card is the selected row"


def test_a_search_that_finds_nobody_says_so_and_clear_search_brings_everyone_back(
    qtbot: QtBot, people: tuple[AppContext, dict[str, int], Start]
) -> None:
    window = people[2]()
    pane = window.contacts_pane
    window.left_tabs.setCurrentWidget(pane)  # Today shows first when a follow-up is due
    type_text(qtbot, window.search_field, "zebra")

    assert table_names(window) == []
    assert pane.stack.currentWidget() is pane.no_matches
    assert pane.no_matches.message.text() == "No contacts match “zebra”"
    assert pane.no_matches.clear_button.text() == "Clear search"
    assert pane.no_matches.isVisible() and not window.contact_table.isVisible()
    assert window.contact_count.text() == "0 of 4 contacts"

    qtbot.mouseClick(pane.no_matches.clear_button, Qt.MouseButton.LeftButton)

    assert window.search_field.text() == ""
    assert len(table_names(window)) == 4
    assert pane.stack.currentWidget() is window.contact_table
    assert window.contact_table.isVisible()


def test_filters_that_hide_everyone_offer_to_clear_the_filters_too(
    qtbot: QtBot, people: tuple[AppContext, dict[str, int], Start]
) -> None:
    window = people[2]()
    pane = window.contacts_pane
    choose(pane.category_filter, Category.PAST_CLIENT.value)

    assert pane.stack.currentWidget() is pane.no_matches
    assert pane.no_matches.message.text() == "No contacts match these filters"
    type_text(qtbot, window.search_field, "davis")
    assert pane.no_matches.clear_button.text() == "Clear search and filters"

    qtbot.mouseClick(pane.no_matches.clear_button, Qt.MouseButton.LeftButton)
    assert pane.category_filter.currentData() is None
    assert len(table_names(window)) == 4
