from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from desktop.domain.clock import Clock
from desktop.domain.services import open_services
from desktop.domain.template_store import TemplateRecord, TemplateService, builtin_name
from desktop.domain.templates import builtin_template_body
from desktop.domain.vocabulary import Situation
from desktop.ui.template_editor import (
    STALE_PREVIEW_NOTE,
    ConfirmTemplateAction,
    TemplateManagerDialog,
    UnsavedChangesBox,
    filter_insertion,
    template_label,
    template_name,
)
from tests.ui.dialog_helpers import (
    answer_next_dialog,
    type_text,
    unnamed_focusable_widgets,
)

INTERVIEW = Situation.AFTER_INTERVIEW
INTERVIEW_KEY = "builtin:after-interview"
SHORT_BODY = "Thank you, {{ contact.given_name }}.\n\nIt was good to meet you."


@pytest.fixture
def templates(data_dir: Path, clock: Clock) -> Iterator[TemplateService]:
    services = open_services(data_dir, clock)
    yield services.templates
    services.close()


@pytest.fixture
def short_copy(templates: TemplateService) -> str:
    """A user copy of the interview letter with a short, known body; its key."""
    copy = templates.duplicate(INTERVIEW_KEY, "Short & <b>sweet</b>")
    templates.save_body(copy.key, SHORT_BODY)
    return copy.key


def make_dialog(
    qtbot: QtBot, templates: TemplateService, situation: Situation | None = INTERVIEW
) -> TemplateManagerDialog:
    dialog = TemplateManagerDialog(templates, situation=situation)
    # Closing at teardown must not stop at the unsaved-changes question.
    qtbot.addWidget(dialog, before_close_func=lambda _: dialog.revert())
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click_template(qtbot: QtBot, dialog: TemplateManagerDialog, key: str) -> None:
    row = dialog.template_keys().index(key)
    view = dialog.templates_list
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_lines(qtbot: QtBot, dialog: TemplateManagerDialog, text: str) -> None:
    """Type into the editor; a line break is the Return key."""
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)
        type_text(qtbot, dialog.editor, line)


def type_at_end(qtbot: QtBot, dialog: TemplateManagerDialog, text: str) -> None:
    dialog.editor.setFocus()
    dialog.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_lines(qtbot, dialog, text)


def replace_body(qtbot: QtBot, dialog: TemplateManagerDialog, text: str) -> None:
    dialog.editor.setFocus()
    dialog.editor.selectAll()
    type_lines(qtbot, dialog, text)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press(attribute: str) -> Callable[[QMessageBox], None]:
    """An answer for ``answer_next_dialog`` that clicks the box's ``attribute`` button."""

    def answer(box: QMessageBox) -> None:
        button = getattr(box, attribute)
        assert button is not None, f"the box has no {attribute}"
        button.click()

    return answer


def enter_name(qtbot: QtBot, name: str) -> Callable[[QInputDialog], None]:
    """An answer that types ``name`` over the proposed one and presses OK."""

    def answer(dialog: QInputDialog) -> None:
        edit = dialog.findChild(QLineEdit)
        assert edit is not None
        assert edit.accessibleName() == "Template name"
        edit.selectAll()
        type_text(qtbot, edit, name)
        dialog.accept()

    return answer


# -- the list ---------------------------------------------------------------------------
def test_each_situation_lists_its_built_in_first_then_the_copies(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    templates.duplicate(INTERVIEW_KEY, "A warm one")
    dialog = make_dialog(qtbot, templates)
    assert dialog.situation.currentText() == INTERVIEW.label
    assert dialog.purpose.text() == INTERVIEW.purpose
    assert dialog.template_labels() == [
        builtin_name(INTERVIEW),
        "A warm one",
        "Short & <b>sweet</b>",
    ]
    assert dialog.template_keys()[0] == INTERVIEW_KEY
    assert dialog.current_key() == INTERVIEW_KEY
    assert dialog.editor.toPlainText() == builtin_template_body(INTERVIEW)

    assert dialog.select_situation(Situation.KEEP_WARM)
    assert dialog.template_labels() == [builtin_name(Situation.KEEP_WARM)]
    assert dialog.current_key() == "builtin:keep-warm"
    assert dialog.editor.toPlainText() == builtin_template_body(Situation.KEEP_WARM)


def test_without_a_situation_it_opens_on_the_first(
    qtbot: QtBot, templates: TemplateService
) -> None:
    dialog = make_dialog(qtbot, templates, situation=None)
    first = next(iter(Situation))
    assert dialog.current_situation() is first
    assert dialog.template_keys() == [f"builtin:{first.value}"]


def test_an_edited_built_in_is_marked_and_only_it_can_be_reset(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    templates.save_body(INTERVIEW_KEY, "Thanks, {{ contact.given_name }}.")
    dialog = make_dialog(qtbot, templates)
    assert dialog.template_labels()[0] == f"{builtin_name(INTERVIEW)} (edited)"
    assert dialog.reset_button.isEnabled()
    assert not dialog.rename_button.isEnabled()
    assert not dialog.delete_button.isEnabled()

    assert dialog.select_template(short_copy)
    assert not dialog.reset_button.isEnabled()
    assert dialog.rename_button.isEnabled()
    assert dialog.delete_button.isEnabled()


# -- editing and the preview ------------------------------------------------------------
def test_the_preview_follows_typing_and_save_stores_the_body(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    click_template(qtbot, dialog, short_copy)
    assert dialog.current_key() == short_copy
    qtbot.waitUntil(lambda: "It was good to meet you." in dialog.preview.plain_text())
    assert "Dear Ms. Davis:" in dialog.preview.plain_text()
    assert "Thank you, Dana." in dialog.preview.plain_text()
    assert not dialog.save_button.isEnabled()

    type_at_end(qtbot, dialog, " Let's talk about zebras.")
    assert dialog.is_dirty()
    qtbot.waitUntil(lambda: "talk about zebras." in dialog.preview.plain_text())
    assert dialog.save_button.isEnabled()

    with qtbot.waitSignal(dialog.templates_changed):
        click(qtbot, dialog.save_button)
    stored = templates.get(short_copy).body
    assert stored == SHORT_BODY + " Let's talk about zebras."
    assert not dialog.is_dirty()
    assert not dialog.save_button.isEnabled()
    assert dialog.changed


def test_saving_a_built_in_marks_it_edited(qtbot: QtBot, templates: TemplateService) -> None:
    dialog = make_dialog(qtbot, templates)
    type_at_end(qtbot, dialog, "\nP.S. Thanks again.")
    with qtbot.waitSignal(dialog.templates_changed):
        click(qtbot, dialog.save_button)
    assert templates.get(INTERVIEW_KEY).is_modified
    assert dialog.template_labels()[0] == f"{builtin_name(INTERVIEW)} (edited)"
    assert dialog.reset_button.isEnabled()


def test_a_syntax_error_names_and_marks_its_line_and_blocks_save(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    dialog.select_template(short_copy)
    type_at_end(qtbot, dialog, " See you soon.")
    qtbot.waitUntil(lambda: "See you soon." in dialog.preview.plain_text())
    assert not dialog.stale_note.isVisible()

    type_at_end(qtbot, dialog, "\n{% if %}")
    # Save refuses at once, before the preview has caught up with the typing.
    assert dialog.render_timer.isActive()
    assert dialog.save() is False
    assert templates.get(short_copy).body == SHORT_BODY
    qtbot.waitUntil(lambda: dialog.problem() is not None)
    assert dialog.error.isVisible()
    assert dialog.error.text().startswith("Line 4: Syntax error")
    assert dialog.editor.accessibleDescription() == dialog.error.text()
    assert dialog.error_line() == 4
    [selection] = dialog.editor.extraSelections()
    assert selection.cursor.block().text() == "{% if %}"
    assert not dialog.save_button.isEnabled()
    # The preview keeps the last good letter, and says so.
    assert "See you soon." in dialog.preview.plain_text()
    assert dialog.stale_note.isVisible()
    notes = [label.text() for label in dialog.stale_note.findChildren(QLabel)]
    assert STALE_PREVIEW_NOTE in notes

    qtbot.keyClick(dialog.editor, Qt.Key.Key_Home)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    type_text(qtbot, dialog.editor, "{% if true %}Bye.{% endif %}")
    qtbot.waitUntil(lambda: dialog.problem() is None)
    assert not dialog.error.isVisible()
    assert dialog.error_line() is None
    assert dialog.save_button.isEnabled()
    assert not dialog.stale_note.isVisible()
    assert "Bye." in dialog.preview.plain_text()


def test_the_sandbox_refuses_python_internals(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    dialog.select_template(short_copy)
    replace_body(qtbot, dialog, "{{ ''.__class__ }}")
    qtbot.waitUntil(lambda: dialog.problem() is not None)
    assert dialog.error.text().startswith("Line 1: Not allowed in a letter template")
    assert "__class__" in dialog.error.text()
    assert dialog.error_line() == 1
    assert not dialog.save_button.isEnabled()


def test_an_unknown_field_is_named(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    dialog.select_template(short_copy)
    type_at_end(qtbot, dialog, "\n\nBye, {{ contact.nickname }}")
    qtbot.waitUntil(lambda: dialog.problem() is not None)
    assert dialog.error.text() == (
        "Line 5: Unknown field “nickname”: use one of the fields listed beside the editor."
    )


def test_double_clicking_a_field_then_a_filter_inserts_them_at_the_cursor(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    dialog.select_template(short_copy)
    type_at_end(qtbot, dialog, " I admire ")

    def double_click(name: str) -> None:
        item = dialog.fields.item_for(name)
        dialog.fields.scrollToItem(item)
        centre = dialog.fields.visualItemRect(item).center()
        viewport = dialog.fields.viewport()
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)

    double_click("contact.company")
    assert dialog.editor.toPlainText().endswith("I admire {{ contact.company }}")
    assert "contact.company" in dialog.field_help.text()
    double_click("end_sentence")
    assert dialog.editor.toPlainText().endswith("I admire {{ contact.company | end_sentence }}")
    qtbot.waitUntil(lambda: "I admire Acme Robotics." in dialog.preview.plain_text())


def test_enter_on_a_field_inserts_it_and_keeps_the_dialog_open(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    dialog.select_template(short_copy)
    dialog.editor.moveCursor(QTextCursor.MoveOperation.End)
    dialog.activateWindow()
    dialog.fields.setFocus()
    qtbot.waitUntil(dialog.fields.hasFocus)
    dialog.fields.setCurrentItem(dialog.fields.item_for("sender.name"))
    qtbot.keyClick(dialog.fields, Qt.Key.Key_Return)
    assert dialog.editor.toPlainText() == SHORT_BODY + "{{ sender.name }}"
    assert dialog.isVisible()


def test_filter_insertion_applies_to_the_field_before_the_cursor() -> None:
    assert filter_insertion("Hi {{ contact.company", "end_sentence") == (0, " | end_sentence")
    assert filter_insertion("Hi {{ contact.company ", "end_sentence") == (0, "| end_sentence")
    assert filter_insertion("Hi {{ contact.company }}", "lower_first") == (2, "| lower_first ")
    assert filter_insertion("Hi {{ x}}", "lower_first") == (2, " | lower_first ")
    assert filter_insertion("Hi there", "end_sentence") is None
    assert filter_insertion("{{ a }} and", "end_sentence") is None


# -- operations -------------------------------------------------------------------------
def test_duplicate_asks_a_name_and_lists_the_new_copy(
    qtbot: QtBot, templates: TemplateService
) -> None:
    dialog = make_dialog(qtbot, templates)
    errors = answer_next_dialog(qtbot, QInputDialog, enter_name(qtbot, "Für Dana & Co"))
    with qtbot.waitSignal(dialog.templates_changed):
        click(qtbot, dialog.duplicate_button)
    assert errors == []
    key = dialog.current_key()
    assert key is not None and key.startswith("user:")
    assert key in dialog.template_keys()
    assert "Für Dana & Co" in dialog.template_labels()
    assert dialog.editor.toPlainText() == builtin_template_body(INTERVIEW)
    assert templates.get(key).name == "Für Dana & Co"
    assert dialog.rename_button.isEnabled()


def test_duplicate_proposes_a_free_name_and_cancel_creates_nothing(
    qtbot: QtBot, templates: TemplateService
) -> None:
    dialog = make_dialog(qtbot, templates)
    proposed: list[str] = []

    def answer(box: QInputDialog) -> None:
        proposed.append(box.textValue())
        box.reject()

    errors = answer_next_dialog(qtbot, QInputDialog, answer)
    click(qtbot, dialog.duplicate_button)
    assert errors == []
    assert proposed == [f"{INTERVIEW.label} (my copy)"]
    assert dialog.template_keys() == [INTERVIEW_KEY]
    assert not dialog.changed


def test_a_taken_name_is_explained_and_asked_again(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    seen: list[str] = []
    errors: list[BaseException] = []

    def second_try(box: QInputDialog) -> None:
        seen.append(f"again: {box.textValue()}")
        box.reject()

    def warning(box: QMessageBox) -> None:
        seen.append(box.text())
        errors.extend(answer_next_dialog(qtbot, QInputDialog, second_try))
        box.accept()

    def first_try(box: QInputDialog) -> None:
        errors.extend(answer_next_dialog(qtbot, QMessageBox, warning))
        enter_name(qtbot, "short & <b>SWEET</b>")(box)

    errors.extend(answer_next_dialog(qtbot, QInputDialog, first_try))
    click(qtbot, dialog.duplicate_button)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert errors == []
    assert "already exists" in seen[0]
    assert seen[1] == "again: short & <b>SWEET</b>"
    assert len(dialog.template_keys()) == 2


def test_rename_a_copy(qtbot: QtBot, templates: TemplateService, short_copy: str) -> None:
    dialog = make_dialog(qtbot, templates)
    dialog.select_template(short_copy)
    errors = answer_next_dialog(qtbot, QInputDialog, enter_name(qtbot, "Brief"))
    with qtbot.waitSignal(dialog.templates_changed):
        click(qtbot, dialog.rename_button)
    assert errors == []
    assert templates.get(short_copy).name == "Brief"
    assert dialog.template_labels() == [builtin_name(INTERVIEW), "Brief"]
    assert dialog.current_key() == short_copy


def test_rename_keeps_unsaved_edits(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    dialog.select_template(short_copy)
    type_at_end(qtbot, dialog, " More.")
    errors = answer_next_dialog(qtbot, QInputDialog, enter_name(qtbot, "Brief"))
    click(qtbot, dialog.rename_button)
    assert errors == []
    assert dialog.is_dirty()
    assert dialog.editor.toPlainText().endswith(" More.")


def test_delete_asks_naming_the_template(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    dialog.select_template(short_copy)
    seen: list[str] = []

    def cancel(box: ConfirmTemplateAction) -> None:
        seen.append(box.text())
        box.cancel_button.click()

    errors = answer_next_dialog(qtbot, ConfirmTemplateAction, cancel)
    click(qtbot, dialog.delete_button)
    assert errors == []
    assert seen == ["Delete the template “Short & <b>sweet</b>”?"]
    assert short_copy in dialog.template_keys()

    errors = answer_next_dialog(qtbot, ConfirmTemplateAction, press("confirm_button"))
    with qtbot.waitSignal(dialog.templates_changed):
        click(qtbot, dialog.delete_button)
    assert errors == []
    assert dialog.template_keys() == [INTERVIEW_KEY]
    assert dialog.current_key() == INTERVIEW_KEY
    assert [r.key for r in templates.list_templates(INTERVIEW)] == [INTERVIEW_KEY]


def test_reset_brings_back_the_standard_text(qtbot: QtBot, templates: TemplateService) -> None:
    templates.save_body(INTERVIEW_KEY, "Thanks, {{ contact.given_name }}.")
    dialog = make_dialog(qtbot, templates)
    assert dialog.editor.toPlainText() == "Thanks, {{ contact.given_name }}."
    seen: list[str] = []

    def confirm(box: ConfirmTemplateAction) -> None:
        seen.append(box.text())
        box.confirm_button.click()

    errors = answer_next_dialog(qtbot, ConfirmTemplateAction, confirm)
    with qtbot.waitSignal(dialog.templates_changed):
        click(qtbot, dialog.reset_button)
    assert errors == []
    assert seen == [f"Reset “{builtin_name(INTERVIEW)}” to the standard text?"]
    assert not templates.get(INTERVIEW_KEY).is_modified
    assert dialog.editor.toPlainText() == builtin_template_body(INTERVIEW)
    assert dialog.template_labels() == [builtin_name(INTERVIEW)]
    assert not dialog.reset_button.isEnabled()


# -- unsaved changes --------------------------------------------------------------------
def test_switching_with_unsaved_edits_can_be_cancelled(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    type_at_end(qtbot, dialog, "\nP.S.")
    seen: list[str] = []

    def cancel(box: UnsavedChangesBox) -> None:
        seen.append(box.text())
        box.cancel_button.click()

    errors = answer_next_dialog(qtbot, UnsavedChangesBox, cancel)
    click_template(qtbot, dialog, short_copy)
    assert errors == []
    assert seen == [f"Save your changes to “{builtin_name(INTERVIEW)}”?"]
    assert dialog.current_key() == INTERVIEW_KEY
    assert dialog.editor.toPlainText().endswith("\nP.S.")
    # The clicked row is not left selected either.
    qtbot.waitUntil(
        lambda: (
            [i.data(Qt.ItemDataRole.UserRole) for i in dialog.templates_list.selectedItems()]
            == [INTERVIEW_KEY]
        )
    )

    errors = answer_next_dialog(qtbot, UnsavedChangesBox, press("cancel_button"))
    assert not dialog.select_situation(Situation.KEEP_WARM)
    assert errors == []
    assert dialog.situation.currentText() == INTERVIEW.label


def test_switching_can_discard_or_save_the_edits(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    type_at_end(qtbot, dialog, "\nP.S.")
    errors = answer_next_dialog(qtbot, UnsavedChangesBox, press("discard_button"))
    click_template(qtbot, dialog, short_copy)
    assert errors == []
    assert dialog.current_key() == short_copy
    assert dialog.editor.toPlainText() == SHORT_BODY
    assert not templates.get(INTERVIEW_KEY).is_modified

    type_at_end(qtbot, dialog, " Bye.")
    errors = answer_next_dialog(qtbot, UnsavedChangesBox, press("save_button"))
    click_template(qtbot, dialog, INTERVIEW_KEY)
    assert errors == []
    assert dialog.current_key() == INTERVIEW_KEY
    assert templates.get(short_copy).body == SHORT_BODY + " Bye."
    selected = [i.data(Qt.ItemDataRole.UserRole) for i in dialog.templates_list.selectedItems()]
    assert selected == [INTERVIEW_KEY]


def test_a_broken_body_can_only_be_discarded(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    dialog.select_template(short_copy)
    type_at_end(qtbot, dialog, "{{")
    seen: list[str] = []

    def answer(box: UnsavedChangesBox) -> None:
        seen.append(box.informativeText())
        assert box.save_button is None
        box.discard_button.click()

    errors = answer_next_dialog(qtbot, UnsavedChangesBox, answer)
    assert dialog.select_template(INTERVIEW_KEY)
    assert errors == []
    assert "Line 3" in seen[0]
    assert templates.get(short_copy).body == SHORT_BODY


def test_closing_with_unsaved_edits_asks_first(qtbot: QtBot, templates: TemplateService) -> None:
    dialog = make_dialog(qtbot, templates)
    type_at_end(qtbot, dialog, "\nP.S.")
    errors = answer_next_dialog(qtbot, UnsavedChangesBox, press("cancel_button"))
    click(qtbot, dialog.close_button)
    assert errors == []
    assert dialog.isVisible()

    errors = answer_next_dialog(qtbot, UnsavedChangesBox, press("discard_button"))
    click(qtbot, dialog.close_button)
    assert errors == []
    assert not dialog.isVisible()
    assert not templates.get(INTERVIEW_KEY).is_modified


def test_open_says_whether_anything_changed(qtbot: QtBot, templates: TemplateService) -> None:
    def look(dialog: TemplateManagerDialog) -> None:
        click(qtbot, dialog.close_button)

    errors = answer_next_dialog(qtbot, TemplateManagerDialog, look)
    assert TemplateManagerDialog.manage(templates, situation=INTERVIEW) is False
    assert errors == []

    def edit(dialog: TemplateManagerDialog) -> None:
        type_at_end(qtbot, dialog, "\nP.S. Thanks.")
        click(qtbot, dialog.save_button)
        click(qtbot, dialog.close_button)

    errors = answer_next_dialog(qtbot, TemplateManagerDialog, edit)
    assert TemplateManagerDialog.manage(templates, situation=INTERVIEW) is True
    assert errors == []
    assert templates.get(INTERVIEW_KEY).body.endswith("P.S. Thanks.")
    assert QApplication.activeModalWidget() is None


def test_every_focusable_widget_has_an_accessible_name(
    qtbot: QtBot, templates: TemplateService, short_copy: str
) -> None:
    dialog = make_dialog(qtbot, templates)
    assert unnamed_focusable_widgets(dialog) == []
    type_at_end(qtbot, dialog, "{% if %}")
    qtbot.waitUntil(lambda: dialog.problem() is not None)
    assert unnamed_focusable_widgets(dialog) == []


@pytest.mark.parametrize("situation", list(Situation))
@pytest.mark.parametrize(("builtin", "modified"), [(True, False), (True, True), (False, False)])
def test_the_list_shows_each_template_as_the_domain_names_it(
    situation: Situation, builtin: bool, modified: bool
) -> None:
    """Built-in names are made in the UI, to be translated; in English they are the same."""
    record = TemplateRecord(
        key="builtin:x" if builtin else "user:1",
        situation=situation,
        name=builtin_name(situation) if builtin else "Short and warm",
        body="",
        is_builtin=builtin,
        is_modified=modified,
    )
    assert template_label(record) == record.label
    assert template_name(record) == record.name
