"""The first whole slice, driven through the real window: type a card, save, select, delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.contact_table_model import COL_COMPANY
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import OpenWindow
from tests.ui.helpers import add_contact, answer_next_message_box, table_names, type_card

DAVIS = {
    "courtesy_title": "Ms.",
    "given_name": "Dana",
    "family_name": "Davis",
    "job_title": "Director of Engineering",
    "company": "Acme Robotics",
    "department": "Platform",
    "email": "dana.davis@acme.example",
    "phone": "+1 (555) 010-2233 ext. 4",
    "street": "500 Market Street, Suite 12",
    "city": "Springfield",
    "region": "IL",
    "postal_code": "62701",
    "met_at": "the Spring Tech Job Fair",
}


def test_typing_a_card_and_saving_adds_a_row_and_a_letter(qtbot: QtBot, window: MainWindow) -> None:
    add_contact(qtbot, window, **DAVIS)

    assert table_names(window) == ["Dana Davis"]
    assert window.contact_count.text() == "1 contact"
    assert window.statusBar().currentMessage() == "Saved Ms. Dana Davis"
    assert window.card_form.heading.text() == "Editing Ms. Dana Davis"
    letter = window.letter_preview.plain_text()
    for expected in (
        "Ms. Dana Davis\nDirector of Engineering\nPlatform\nAcme Robotics\n"
        "500 Market Street, Suite 12\nSpringfield, IL 62701",
        "Dear Ms. Davis:",
        "Thank you for meeting with me",  # a hiring-process card: the interview letter
        "November 25, 2026",
        "Sincerely,",
    ):
        assert expected in letter


def test_selecting_a_row_loads_the_card_and_its_letter(qtbot: QtBot, window: MainWindow) -> None:
    add_contact(qtbot, window, **DAVIS)
    add_contact(qtbot, window, given_name="Sam", family_name="Okafor", company="Globex")
    assert table_names(window) == ["Dana Davis", "Sam Okafor"]

    window.contact_table.selectRow(0)

    form = window.card_form
    assert form.fields["given_name"].text() == "Dana"
    assert form.fields["phone"].text() == "+1 (555) 010-2233 ext. 4"
    assert form.courtesy_title.currentData() == "Ms."
    assert "Dear Ms. Davis:" in window.letter_preview.plain_text()

    window.contact_table.selectRow(1)
    assert form.fields["company"].text() == "Globex"
    assert "Dear Sam Okafor:" in window.letter_preview.plain_text()


def test_editing_a_selected_contact_updates_it_in_place(qtbot: QtBot, window: MainWindow) -> None:
    add_contact(qtbot, window, **DAVIS)
    type_card(qtbot, window.card_form, job_title="VP Engineering")
    assert window.isWindowModified()
    assert "VP Engineering" in window.letter_preview.plain_text(), "preview follows typing"

    qtbot.mouseClick(window.card_form.save_button, Qt.MouseButton.LeftButton)

    assert table_names(window) == ["Dana Davis"]
    assert window.contact_model.record_at(0).job_title == "VP Engineering"
    assert not window.isWindowModified()


def test_ctrl_s_and_ctrl_return_save_the_card(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    type_card(qtbot, window.card_form, given_name="Ada", family_name="Lovelace")
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.card_form.fields["family_name"], Qt.Key.Key_S, ctrl)
    assert table_names(window) == ["Ada Lovelace"]

    window.new_action.trigger()
    type_card(qtbot, window.card_form, given_name="Grace", family_name="Hopper", notes="Met at")
    qtbot.keyClick(window.card_form.notes, Qt.Key.Key_Return, ctrl)
    assert table_names(window) == ["Grace Hopper", "Ada Lovelace"]  # by family name
    assert window.contact_model.record_at(0).notes == "Met at", "no newline typed into notes"


def test_a_card_without_a_name_is_refused_next_to_the_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_card(qtbot, window.card_form, company="Acme", email="x@acme.example")
    qtbot.mouseClick(window.card_form.save_button, Qt.MouseButton.LeftButton)

    assert table_names(window) == []
    error = window.card_form.error_labels["given_name"]
    assert error.isVisible()
    assert error.text() == "Enter a given name or a family name."
    assert window.card_form.fields["given_name"].hasFocus()
    assert window.statusBar().currentMessage().startswith("Not saved:")
    assert window.card_form.fields["company"].text() == "Acme", "what was typed is kept"


def test_a_malformed_email_is_refused_with_a_message(qtbot: QtBot, window: MainWindow) -> None:
    add_contact(qtbot, window, given_name="Dana", family_name="Davis", email="dana@")

    assert table_names(window) == []
    message = window.card_form.error_text("email")
    assert "“dana@” is not a valid email address" in message
    assert window.card_form.fields["email"].hasFocus()

    type_card(qtbot, window.card_form, email="dana@acme.example")
    qtbot.mouseClick(window.card_form.save_button, Qt.MouseButton.LeftButton)
    assert table_names(window) == ["Dana Davis"]
    assert window.card_form.error_text("email") == ""


def test_names_and_markup_stay_exactly_as_typed(qtbot: QtBot, window: MainWindow) -> None:
    add_contact(
        qtbot,
        window,
        given_name="Zoë",
        family_name="Ñúñez O'Brien-王",
        company="<b>Bold</b> &amp; {{ x }}",
        city="São Paulo",
    )
    assert table_names(window) == ["Zoë Ñúñez O'Brien-王"]
    company_cell = window.contact_model.index(0, COL_COMPANY)
    assert company_cell.data() == "<b>Bold</b> &amp; {{ x }}"
    letter = window.letter_preview.plain_text()
    assert "Zoë Ñúñez O'Brien-王\n<b>Bold</b> &amp; {{ x }}\nSão Paulo" in letter


def test_delete_asks_naming_the_person_and_cancel_keeps_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    add_contact(qtbot, window, **DAVIS)
    seen: list[str] = []

    answer_next_message_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Cancel), seen)
    window.delete_action.trigger()
    assert table_names(window) == ["Dana Davis"]

    answer_next_message_box(qtbot, lambda box: box.delete_button, seen)  # type: ignore[attr-defined]
    window.delete_action.trigger()

    assert seen[0].startswith("Delete Ms. Dana Davis?")
    assert "Director of Engineering, Acme Robotics" in seen[0]
    assert table_names(window) == []
    assert window.statusBar().currentMessage() == "Deleted Ms. Dana Davis"
    assert window.card_form.heading.text() == "New contact"
    assert not window.letter_preview.has_letter()


def test_delete_key_in_the_table_deletes_and_selects_the_next(
    qtbot: QtBot, window: MainWindow
) -> None:
    for given, family in (("Ada", "Adams"), ("Ben", "Brown"), ("Cy", "Clark")):
        add_contact(qtbot, window, given_name=given, family_name=family)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.contact_table.setFocus()
    window.contact_table.selectRow(1)
    seen: list[str] = []

    answer_next_message_box(qtbot, lambda box: box.delete_button, seen)  # type: ignore[attr-defined]
    qtbot.keyClick(window.contact_table, Qt.Key.Key_Delete)

    assert seen and seen[0].startswith("Delete Ben Brown?")
    assert table_names(window) == ["Ada Adams", "Cy Clark"]
    assert window.selected_contact() is not None
    assert window.selected_contact().family_name == "Clark"  # type: ignore[union-attr]


def test_delete_key_in_a_text_field_edits_text_only(qtbot: QtBot, window: MainWindow) -> None:
    add_contact(qtbot, window, given_name="Ada", family_name="Adams")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    edit = window.card_form.fields["family_name"]
    edit.setFocus()
    edit.setCursorPosition(0)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.text() == "dams"
    assert table_names(window) == ["Ada Adams"]


def test_search_filters_the_table(qtbot: QtBot, window: MainWindow) -> None:
    add_contact(qtbot, window, given_name="Dana", family_name="Davis", company="Acme")
    add_contact(qtbot, window, given_name="Sam", family_name="Okafor", company="Globex")
    qtbot.keyClicks(window.search_field, "glob")
    assert table_names(window) == ["Sam Okafor"]
    assert window.contact_count.text() == "1 of 2 contacts"
    window.search_field.clear()
    assert table_names(window) == ["Dana Davis", "Sam Okafor"]


def test_contacts_and_layout_survive_a_restart(qtbot: QtBot, open_window: OpenWindow) -> None:
    first = open_window()
    add_contact(qtbot, first, **DAVIS)
    first.resize(700, 500)
    first.main_splitter.setSizes([250, 450])
    first.card_splitter.setSizes([300, 150])
    saved_sizes = first.main_splitter.sizes()
    # Restored onto the frame's placeholder, kept when the photo takes its place.
    saved_card_sizes = first.card_splitter.sizes()
    first.close()

    second = open_window()

    assert table_names(second) == ["Dana Davis"]
    assert (second.width(), second.height()) == (700, 500)
    assert second.main_splitter.sizes() == saved_sizes
    assert second.card_splitter.sizes() == saved_card_sizes
    second.contact_table.selectRow(0)
    assert second.card_form.fields["street"].text() == "500 Market Street, Suite 12"


def test_every_interactive_widget_has_an_accessible_name(window: MainWindow) -> None:
    interactive = [
        widget
        for widget in window.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(window)
    ]
    unnamed = [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in interactive
        if not widget.accessibleName()
    ]
    assert len(interactive) > 20, "the card form, table and toolbar were all inspected"
    assert unnamed == []


def _menu_actions(window: MainWindow) -> list[QAction]:
    found: list[QAction] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is not None:
            found += [a for a in menu.actions() if not a.isSeparator()]
    return found


@pytest.mark.parametrize(
    "standard",
    [
        QKeySequence.StandardKey.New,
        QKeySequence.StandardKey.Save,
        QKeySequence.StandardKey.Print,
        QKeySequence.StandardKey.Find,
        QKeySequence.StandardKey.Delete,
        QKeySequence.StandardKey.Undo,
        QKeySequence.StandardKey.Redo,
        QKeySequence.StandardKey.HelpContents,
    ],
)
def test_each_standard_shortcut_has_its_menu_entry(
    window: MainWindow, standard: QKeySequence.StandardKey
) -> None:
    wanted = QKeySequence.keyBindings(standard)
    assert wanted, "this platform defines the key"
    owners = [a.text() for a in _menu_actions(window) if wanted[0] in a.shortcuts()]
    assert len(owners) == 1, f"{standard.name}: {owners}"


def test_preferences_and_about_go_where_the_platform_puts_them(window: MainWindow) -> None:
    # On macOS Qt moves these two to the application menu by their role.
    assert window.preferences_action.menuRole() == QAction.MenuRole.PreferencesRole
    assert window.about_action.menuRole() == QAction.MenuRole.AboutRole
    assert window.quit_action.menuRole() == QAction.MenuRole.QuitRole
    assert window.preferences_action.shortcuts(), "Preferences has a shortcut on every OS"
    assert window.quit_action.shortcuts(), "and so has Quit"
    assert window.preferences_action in _menu_actions(window)
