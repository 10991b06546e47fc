from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.ui.contact_picker import (
    ContactChecklist,
    ContactFilterModel,
    ContactListModel,
    ContactPickerDialog,
    describe_contact,
)
from tests.ui.dialog_helpers import (
    PEOPLE,
    answer_next_dialog,
    click_button,
    click_row,
    contact,
    double_click_row,
    show_dialog,
    type_text,
    unnamed_focusable_widgets,
    visible_index,
)

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def make_picker(qtbot: QtBot, *, multi: bool, **kwargs: Any) -> ContactPickerDialog:
    dialog = ContactPickerDialog(PEOPLE, multi=multi, title="Choose people", **kwargs)
    show_dialog(qtbot, dialog)
    return dialog


def shown_names(checklist: ContactChecklist) -> list[str]:
    proxy = checklist.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


# -- the model ----------------------------------------------------------------------------
def test_models_pass_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    for checkable in (True, False):
        model = ContactListModel(PEOPLE, checkable=checkable, checked=[2])
        qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(ContactListModel([], checkable=True), force_py=True)


def test_the_filter_model_passes_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    proxy = ContactFilterModel(ContactListModel(PEOPLE, checkable=True))
    proxy.set_query("acme")
    qtmodeltester.check(proxy, force_py=True)


def test_ticking_through_the_model_is_kept_by_contact_id() -> None:
    model = ContactListModel(PEOPLE, checkable=True, checked=[3, 99])  # 99: unknown, ignored
    assert model.checked_ids() == [3]
    index = model.index(0, 0)
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.checked_ids() == [1, 3]
    assert not model.setData(index, "Someone else", Qt.ItemDataRole.EditRole)


def test_rows_read_name_then_job_title_and_company_as_typed() -> None:
    assert describe_contact(PEOPLE[0]) == "Dana Davis — Engineering Manager, Acme"
    assert describe_contact(PEOPLE[5]) == "Alex Kim"
    assert describe_contact(PEOPLE[4]) == "Sam <b>Bold</b> & Co — Tom & Jerry's"
    assert describe_contact(contact(9, "Jo", "Lo", company="Umbrella")) == "Jo Lo — Umbrella"


# -- filtering ----------------------------------------------------------------------------
def test_the_filter_matches_name_job_title_and_company_ignoring_case_and_accents(
    qtbot: QtBot,
) -> None:
    dialog = make_picker(qtbot, multi=True)
    checklist = dialog.checklist
    type_text(qtbot, checklist.filter_edit, "ACME")
    assert checklist.visible_ids() == [1, 2]
    checklist.filter_edit.clear()
    type_text(qtbot, checklist.filter_edit, "recruit")
    assert checklist.visible_ids() == [2]
    checklist.filter_edit.clear()
    type_text(qtbot, checklist.filter_edit, "nunez")
    assert shown_names(checklist) == ["Zoë Ñúñez — Head of Research, Initech"]
    checklist.filter_edit.clear()
    type_text(qtbot, checklist.filter_edit, "acme dana")  # every word must match
    assert checklist.visible_ids() == [1]
    checklist.filter_edit.clear()
    type_text(qtbot, checklist.filter_edit, "nobody-like-this")
    assert checklist.visible_ids() == []
    assert checklist.status_label.text().startswith("Nobody matches the filter.")
    checklist.filter_edit.clear()
    assert checklist.visible_ids() == [1, 2, 3, 4, 5, 6]


def test_excluded_people_are_not_offered(qtbot: QtBot) -> None:
    dialog = make_picker(qtbot, multi=False, exclude=[1, 4])
    assert dialog.checklist.visible_ids() == [2, 3, 5, 6]


# -- several people -----------------------------------------------------------------------
def test_clicking_names_ticks_them_and_ok_waits_for_a_tick(qtbot: QtBot) -> None:
    dialog = make_picker(qtbot, multi=True)
    assert not dialog.ok_button.isEnabled()
    click_row(qtbot, dialog.checklist, 4)
    click_row(qtbot, dialog.checklist, 2)
    assert dialog.ok_button.isEnabled()
    assert dialog.chosen_ids() == [2, 4]  # list order, not click order
    assert dialog.checklist.status_label.text() == "Chosen: Lee Wong, Priya Raman."
    click_row(qtbot, dialog.checklist, 4)  # a second click unticks
    assert dialog.chosen_ids() == [2]
    click_row(qtbot, dialog.checklist, 2)
    assert not dialog.ok_button.isEnabled()


def test_space_ticks_the_current_person(qtbot: QtBot) -> None:
    dialog = make_picker(qtbot, multi=True)
    checklist = dialog.checklist
    type_text(qtbot, checklist.filter_edit, "priya")
    qtbot.keyClick(checklist.filter_edit, Qt.Key.Key_Down)  # into the list, on the first match
    qtbot.waitUntil(checklist.view.hasFocus)
    qtbot.keyClick(checklist.view, Qt.Key.Key_Space)
    assert dialog.chosen_ids() == [4]


def test_ticks_survive_filtering(qtbot: QtBot) -> None:
    dialog = make_picker(qtbot, multi=True, preselected=[6])
    checklist = dialog.checklist
    type_text(qtbot, checklist.filter_edit, "acme")
    click_row(qtbot, checklist, 1)
    checklist.filter_edit.clear()
    type_text(qtbot, checklist.filter_edit, "zo")
    assert checklist.visible_ids() == [3]
    assert dialog.chosen_ids() == [1, 6]
    assert checklist.status_label.text() == "Showing 1 of 6. Chosen: Dana Davis, Alex Kim."


def test_many_ticked_people_are_counted_rather_than_named(qtbot: QtBot) -> None:
    dialog = make_picker(qtbot, multi=True, preselected=[1, 2, 3, 4, 5])
    assert dialog.checklist.status_label.text() == "5 people chosen."


def test_preselected_people_start_ticked(qtbot: QtBot) -> None:
    dialog = make_picker(qtbot, multi=True, preselected=[3, 1])
    assert dialog.chosen_ids() == [1, 3]
    index = visible_index(dialog.checklist, 3)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert dialog.ok_button.isEnabled()


# -- one person ---------------------------------------------------------------------------
def test_double_clicking_a_person_chooses_them(qtbot: QtBot) -> None:
    dialog = make_picker(qtbot, multi=False)
    assert not dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        double_click_row(qtbot, dialog.checklist, 3)
    assert dialog.chosen_ids() == [3]


def test_typing_then_enter_chooses_the_first_match(qtbot: QtBot) -> None:
    dialog = make_picker(qtbot, multi=False)
    type_text(qtbot, dialog.checklist.filter_edit, "acme")
    assert dialog.chosen_ids() == [1]
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.checklist.filter_edit, Qt.Key.Key_Return)
    assert dialog.chosen_ids() == [1]


def test_arrow_keys_then_enter_choose_from_the_list(qtbot: QtBot) -> None:
    dialog = make_picker(qtbot, multi=False)
    dialog.activateWindow()
    view = dialog.checklist.view
    dialog.checklist.filter_edit.setFocus()
    qtbot.waitUntil(dialog.checklist.filter_edit.hasFocus)
    qtbot.keyClick(dialog.checklist.filter_edit, Qt.Key.Key_Down)  # into the list: first row
    qtbot.waitUntil(view.hasFocus)
    assert dialog.chosen_ids() == [1]
    qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert dialog.chosen_ids() == [2]


def test_a_single_click_selects_without_closing(qtbot: QtBot) -> None:
    dialog = make_picker(qtbot, multi=False, preselected=[2])
    assert dialog.chosen_ids() == [2]
    click_row(qtbot, dialog.checklist, 5)
    assert dialog.chosen_ids() == [5]
    assert dialog.isVisible()


# -- asking -------------------------------------------------------------------------------
def test_ask_returns_the_ticked_ids(qtbot: QtBot) -> None:
    def answer(dialog: ContactPickerDialog) -> None:
        click_row(qtbot, dialog.checklist, 5)
        click_row(qtbot, dialog.checklist, 1)
        click_button(qtbot, dialog.button_box, OK)

    errors = answer_next_dialog(qtbot, ContactPickerDialog, answer)
    chosen = ContactPickerDialog.ask(PEOPLE, multi=True, title="Who was there?")
    assert errors == []
    assert chosen == [1, 5]


def test_ask_returns_none_when_cancelled(qtbot: QtBot) -> None:
    def answer(dialog: ContactPickerDialog) -> None:
        assert dialog.windowTitle() == "Who introduced them?"
        click_row(qtbot, dialog.checklist, 1)
        click_button(qtbot, dialog.button_box, CANCEL)

    errors = answer_next_dialog(qtbot, ContactPickerDialog, answer)
    chosen = ContactPickerDialog.ask(PEOPLE, multi=False, title="Who introduced them?")
    assert errors == []
    assert chosen is None


def test_every_focusable_widget_has_an_accessible_name(qtbot: QtBot) -> None:
    for multi in (True, False):
        dialog = make_picker(qtbot, multi=multi)
        assert unnamed_focusable_widgets(dialog) == []


def test_the_filter_field_has_focus_when_the_picker_opens(qtbot: QtBot) -> None:
    dialog = make_picker(qtbot, multi=False)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.checklist.filter_edit)


# -- many contacts ------------------------------------------------------------------------
def test_thirty_thousand_contacts_stay_quick_and_use_no_widget_per_row(qtbot: QtBot) -> None:
    many = [
        contact(i, f"Given{i}", f"Family{i}", job_title="Engineer", company=f"Firm{i % 500:03d}")
        for i in range(1, 30_001)
    ]
    started = time.perf_counter()
    dialog = ContactPickerDialog(many, multi=True, title="Choose people")
    show_dialog(qtbot, dialog)
    # Generous bounds: a slow CI machine passes, a per-row cost of a few ms does not.
    assert time.perf_counter() - started < 5
    assert len(dialog.findChildren(QWidget)) < 100
    started = time.perf_counter()
    type_text(qtbot, dialog.checklist.filter_edit, "FIRM042")
    assert time.perf_counter() - started < 5
    assert dialog.checklist.proxy.rowCount() == 60
    click_row(qtbot, dialog.checklist, 42)
    assert dialog.chosen_ids() == [42]
    total = QLocale().toString(30_000)  # "30,000" in English
    status = dialog.checklist.status_label.text()
    assert status == f"Showing 60 of {total}. Chosen: Given42 Family42."
