"""The picker over ``ContactService.choices()``: the light rows the app passes it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.domain.contacts import ContactCard, ContactChoice, ContactService
from desktop.ui.contact_picker import (
    ContactListModel,
    ContactPickerDialog,
    fold_people,
    search_text,
)
from tests.ui.dialog_helpers import PEOPLE, click_row, show_dialog, type_text

CHOICES = [ContactChoice(p.id, p.full_name, p.job_title, p.company) for p in PEOPLE]


def shown_texts(dialog: ContactPickerDialog) -> list[str]:
    proxy = dialog.checklist.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_the_model_over_choices_passes_the_qt_model_tester(qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(ContactListModel(CHOICES, checkable=True, checked=[3]), force_py=True)


def test_choices_read_filter_and_tick_as_full_records_do(qtbot: QtBot) -> None:
    from_records = ContactPickerDialog(PEOPLE, multi=True, title="Who was there?")
    from_choices = ContactPickerDialog(CHOICES, multi=True, title="Who was there?")
    for dialog in (from_records, from_choices):
        show_dialog(qtbot, dialog)
    assert shown_texts(from_choices) == shown_texts(from_records)
    assert shown_texts(from_choices)[2] == "Zoë Ñúñez — Head of Research, Initech"

    type_text(qtbot, from_choices.checklist.filter_edit, "NUNEZ")  # case and accents ignored
    assert from_choices.checklist.visible_ids() == [3]
    click_row(qtbot, from_choices.checklist, 3)
    assert from_choices.chosen_ids() == [3]
    assert from_choices.checklist.status_label.text() == "Showing 1 of 6. Chosen: Zoë Ñúñez."


def test_the_introducer_picker_offers_everyone_but_the_person_on_the_card(
    qtbot: QtBot, contacts: ContactService
) -> None:
    dana = contacts.add_contact(ContactCard(given_name="Dana", family_name="Davis"))
    lee = contacts.add_contact(ContactCard(given_name="Lee", company="Acme"))
    dialog = ContactPickerDialog(
        contacts.choices(), multi=False, title="Who introduced them?", exclude=[dana.id]
    )
    show_dialog(qtbot, dialog)
    assert shown_texts(dialog) == ["Lee — Acme"]
    type_text(qtbot, dialog.checklist.filter_edit, "acme")
    assert dialog.chosen_ids() == [lee.id]  # typing selects the first match
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.checklist.filter_edit, Qt.Key.Key_Return)


def test_filtering_out_the_chosen_person_unchooses_them(qtbot: QtBot) -> None:
    dialog = ContactPickerDialog(
        CHOICES, multi=False, title="Who introduced them?", preselected=[2]
    )
    show_dialog(qtbot, dialog)
    assert dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.checklist.filter_edit, "acme")  # Lee still shown: still chosen
    assert dialog.chosen_ids() == [2]
    dialog.checklist.filter_edit.clear()
    type_text(qtbot, dialog.checklist.filter_edit, "zzz")
    assert dialog.chosen_ids() == []
    assert not dialog.ok_button.isEnabled()
    dialog.checklist.filter_edit.clear()
    type_text(qtbot, dialog.checklist.filter_edit, "priya")  # the first match is taken
    assert dialog.chosen_ids() == [4]
    assert dialog.ok_button.isEnabled()


# Words with and without accents, in any script, repeated so the remembered folds are used.
words = st.sampled_from(["Zoë", "ZOE", "Ñúñez", "İstanbul", "Straße", "ﬁrm", "田中", "", "Σας"])
texts = st.lists(st.one_of(words, st.text(max_size=5)), max_size=4).map(" ".join)


@given(st.lists(st.tuples(texts, texts, texts), max_size=6))
def test_folding_word_by_word_gives_the_folded_line(rows: list[tuple[str, str, str]]) -> None:
    people = [ContactChoice(i, *row) for i, row in enumerate(rows)]
    assert fold_people(people) == [search_text(f"{n}\n{j}\n{c}") for n, j, c in rows]
