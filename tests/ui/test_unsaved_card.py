"""Unsaved edits on the card are never dropped silently: switching contacts, starting a new
card or closing the window asks first (Save, Discard, Cancel)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from tests.ui.helpers import add_contact, answer_next_message_box, table_names, type_card

LEFT = Qt.MouseButton.LeftButton
Button = QMessageBox.StandardButton
Choose = Callable[[QMessageBox], QWidget | None]


def pick(button: QMessageBox.StandardButton) -> Choose:
    return lambda box: box.button(button)


def click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    table = window.contact_table
    rect = table.visualRect(window.contact_model.index(row, 0))
    qtbot.mouseClick(table.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, rect.center())


def stored(window: MainWindow, row: int) -> str:
    """The job title stored for the contact on ``row`` (not what the card shows)."""
    contact_id = window.contact_model.contact_id_at(row)
    return window._contacts.get_contact(contact_id).job_title


@pytest.fixture
def two(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """Dana Davis and Sam Okafor saved; Dana's card shows, her job title edited unsaved."""
    add_contact(qtbot, window, courtesy_title="Ms.", given_name="Dana", family_name="Davis")
    add_contact(qtbot, window, given_name="Sam", family_name="Okafor", job_title="CTO")
    window.contact_table.selectRow(0)
    type_card(qtbot, window.card_form, job_title="VP Engineering")
    assert window.card_form.is_modified() and window.isWindowModified()
    return window


def test_clicking_another_row_asks_and_save_saves_then_switches(
    qtbot: QtBot, two: MainWindow
) -> None:
    seen: list[str] = []
    answer_next_message_box(qtbot, pick(Button.Save), seen)

    click_row(qtbot, two, 1)

    qtbot.waitUntil(lambda: two.card_form.fields["given_name"].text() == "Sam")
    assert seen[0].startswith("Save changes to Ms. Dana Davis?")
    assert stored(two, 0) == "VP Engineering"
    assert two.contacts_pane.selected_contact_id() == two.contact_model.contact_id_at(1)
    assert not two.isWindowModified()
    assert two.undo_action.text().replace("&", "") == "Undo Edit Ms. Dana Davis"


def test_discard_drops_the_edits_and_switches(qtbot: QtBot, two: MainWindow) -> None:
    seen: list[str] = []
    answer_next_message_box(qtbot, pick(Button.Discard), seen)

    click_row(qtbot, two, 1)

    qtbot.waitUntil(lambda: two.card_form.fields["given_name"].text() == "Sam")
    assert stored(two, 0) == ""
    assert two.card_form.fields["job_title"].text() == "CTO"
    assert not two.isWindowModified()


def test_cancel_stays_on_the_card_and_its_row(qtbot: QtBot, two: MainWindow) -> None:
    seen: list[str] = []
    answer_next_message_box(qtbot, pick(Button.Cancel), seen)

    click_row(qtbot, two, 1)

    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    dana = two.contact_model.contact_id_at(0)
    qtbot.waitUntil(lambda: two.contacts_pane.selected_contact_ids() == [dana])
    assert two.contacts_pane.selected_contact_id() == dana
    assert two.card_form.contact_id == dana
    assert two.card_form.fields["job_title"].text() == "VP Engineering"
    assert two.isWindowModified()
    assert stored(two, 0) == ""


def test_escape_cancels_and_the_keyboard_in_the_table_asks_too(
    qtbot: QtBot, two: MainWindow
) -> None:
    two.activateWindow()
    qtbot.waitUntil(two.isActiveWindow, timeout=2000)
    two.contact_table.setFocus()
    seen: list[str] = []

    def escape(box: QMessageBox) -> QWidget | None:
        assert box.defaultButton() is box.button(Button.Save)
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        return None if box.isVisible() else box  # already closed by Escape

    answer_next_message_box(qtbot, escape, seen)
    qtbot.keyClick(two.contact_table, Qt.Key.Key_Down)

    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    dana = two.contact_model.contact_id_at(0)
    qtbot.waitUntil(lambda: two.contacts_pane.selected_contact_id() == dana)
    assert two.card_form.fields["job_title"].text() == "VP Engineering"


def test_a_save_that_fails_cancels_the_switch(qtbot: QtBot, two: MainWindow) -> None:
    type_card(qtbot, two.card_form, email="dana@")
    seen: list[str] = []
    answer_next_message_box(qtbot, pick(Button.Save), seen)

    click_row(qtbot, two, 1)

    qtbot.waitUntil(lambda: bool(seen) and QApplication.activeModalWidget() is None)
    dana = two.contact_model.contact_id_at(0)
    qtbot.waitUntil(lambda: two.contacts_pane.selected_contact_id() == dana)
    assert two.card_form.contact_id == dana
    assert "is not a valid email address" in two.card_form.error_text("email")
    assert two.card_form.fields["email"].text() == "dana@"
    assert stored(two, 0) == ""


def test_new_contact_asks_and_cancel_keeps_the_card(qtbot: QtBot, two: MainWindow) -> None:
    seen: list[str] = []
    answer_next_message_box(qtbot, pick(Button.Cancel), seen)
    two.new_action.trigger()
    assert seen[0].startswith("Save changes to Ms. Dana Davis?")
    assert two.card_form.fields["job_title"].text() == "VP Engineering"

    answer_next_message_box(qtbot, pick(Button.Discard), seen)
    two.new_action.trigger()
    assert two.card_form.contact_id is None
    assert two.card_form.heading.text() == "New contact"
    assert stored(two, 0) == ""


def test_new_contact_after_save_shows_a_blank_card(qtbot: QtBot, two: MainWindow) -> None:
    seen: list[str] = []
    answer_next_message_box(qtbot, pick(Button.Save), seen)
    qtbot.mouseClick(two.card_form.new_button, LEFT)
    assert two.card_form.contact_id is None
    assert stored(two, 0) == "VP Engineering"


def test_a_typed_new_card_is_asked_about_by_its_name(qtbot: QtBot, two: MainWindow) -> None:
    seen: list[str] = []
    answer_next_message_box(qtbot, pick(Button.Discard), seen)
    two.new_action.trigger()
    type_card(qtbot, two.card_form, given_name="Ada", family_name="Lovelace")

    answer_next_message_box(qtbot, pick(Button.Save), seen)
    click_row(qtbot, two, 1)

    qtbot.waitUntil(lambda: two.card_form.fields["given_name"].text() == "Sam")
    assert seen[1].startswith("Save changes to Ada Lovelace?")
    assert table_names(two) == ["Dana Davis", "Ada Lovelace", "Sam Okafor"]


def test_a_blank_new_card_is_not_modified(qtbot: QtBot, window: MainWindow) -> None:
    add_contact(qtbot, window, given_name="Dana", family_name="Davis")
    window.new_action.trigger()
    type_card(qtbot, window.card_form, courtesy_title="Ms.")
    window.card_form.fields["company"].setText("   ")  # white space only
    window.card_form.card_edited.emit()

    assert not window.card_form.is_modified()
    assert not window.isWindowModified()
    window.contact_table.selectRow(0)  # no question: nothing would be lost
    assert window.card_form.fields["given_name"].text() == "Dana"


def test_choosing_a_follow_up_in_today_asks_first(qtbot: QtBot, two: MainWindow) -> None:
    sam = two.contact_model.contact_id_at(1)
    seen: list[str] = []
    answer_next_message_box(qtbot, pick(Button.Cancel), seen)

    assert not two.select_contact(sam)  # what Today and History call

    assert seen[0].startswith("Save changes to Ms. Dana Davis?")
    assert two.card_form.fields["job_title"].text() == "VP Engineering"
    answer_next_message_box(qtbot, pick(Button.Discard), seen)
    assert two.select_contact(sam)
    assert two.card_form.contact_id == sam


def test_the_same_row_clicked_again_keeps_the_edits(qtbot: QtBot, two: MainWindow) -> None:
    click_row(qtbot, two, 0)
    QApplication.processEvents()
    assert two.card_form.fields["job_title"].text() == "VP Engineering"


@pytest.mark.parametrize(
    ("button", "closes", "saved"),
    [(Button.Cancel, False, ""), (Button.Discard, True, ""), (Button.Save, True, "VP Engineering")],
)
def test_closing_the_window_asks(
    qtbot: QtBot, two: MainWindow, button: QMessageBox.StandardButton, closes: bool, saved: str
) -> None:
    seen: list[str] = []
    answer_next_message_box(qtbot, pick(button), seen)

    assert two.close() is closes

    assert seen[0].startswith("Save changes to Ms. Dana Davis?")
    assert two.isVisible() is not closes
    assert stored(two, 0) == saved
