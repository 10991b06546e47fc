from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.domain.card_text import recognise_card_text
from desktop.domain.contacts import ContactCard
from desktop.ui.card_paste_filter import CardPasteFilter
from desktop.ui.paste_card_dialog import NOTES, PasteCardDialog
from tests.ui.dialog_helpers import (
    answer_next_dialog,
    click_button,
    click_check_box,
    show_dialog,
    type_text,
    unnamed_focusable_widgets,
)

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel

SIGNATURE = (
    "Best regards,\n"
    "\n"
    "Dr. James O'Brien\n"
    "Head of Talent\n"
    "Initech Ltd\n"
    "1 Canada Square\n"
    "London E14 5AB\n"
    "T: +44 20 7946 0958\n"
    "M: +44 7700 900123\n"
    "www.initech.co.uk\n"
)
PROPOSAL = recognise_card_text(SIGNATURE)
# A card being typed: the user has a given name that differs and the same family name.
TYPED = ContactCard(given_name="Jim", family_name="O'Brien", notes="Met at the fair")


def make_dialog(qtbot: QtBot, current: ContactCard = TYPED) -> PasteCardDialog:
    dialog = PasteCardDialog(PROPOSAL, current)
    show_dialog(qtbot, dialog)
    return dialog


def edit(dialog: PasteCardDialog, field: str) -> QLineEdit:
    editor = dialog.rows[field].editor
    assert isinstance(editor, QLineEdit)
    return editor


def test_empty_fields_are_ticked_and_others_show_what_they_would_replace(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    ticked = {field for field, row in dialog.rows.items() if row.check.isChecked()}
    assert ticked == {
        "courtesy_title", "job_title", "company", "phone", "street", "city", "postal_code"
    }  # fmt: skip
    given = dialog.rows["given_name"]
    assert edit(dialog, "given_name").text() == "James"
    assert given.note is not None and given.note.text() == "Replaces: Jim"
    assert given.note.isVisible()
    family = dialog.rows["family_name"]
    assert not family.check.isChecked()
    assert family.note is not None and family.note.text() == "Already on the card"
    assert dialog.rows["phone"].note is None
    # Web site and mobile go to the notes, which do not mention them yet.
    assert [(row.check.text(), row.text()) for row in dialog.note_rows] == [
        ("Notes: web site", "www.initech.co.uk"),
        ("Notes: other phone", "M: +44 7700 900123"),
    ]
    assert all(row.check.isChecked() for row in dialog.note_rows)


def test_ask_returns_the_ticked_values_as_edited(qtbot: QtBot) -> None:
    def answer(dialog: PasteCardDialog) -> None:
        company = edit(dialog, "company")
        company.setFocus()
        company.selectAll()
        type_text(qtbot, company, "Initech UK")
        click_check_box(qtbot, dialog.rows["street"].check)
        click_check_box(qtbot, dialog.note_rows[0].check)
        click_button(qtbot, dialog.button_box, OK)

    errors = answer_next_dialog(qtbot, PasteCardDialog, answer)
    values = PasteCardDialog.ask(PROPOSAL, TYPED)
    assert errors == []
    assert values == {
        "courtesy_title": "Dr.",
        "job_title": "Head of Talent",
        "company": "Initech UK",
        "phone": "+44 20 7946 0958",
        "city": "London",
        "postal_code": "E14 5AB",
        NOTES: "Met at the fair\nM: +44 7700 900123",
    }


def test_correcting_a_value_ticks_its_row(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    given = edit(dialog, "given_name")
    given.setFocus()
    given.end(False)
    type_text(qtbot, given, "y")
    assert dialog.rows["given_name"].check.isChecked()
    assert dialog.values()["given_name"] == "Jamesy"


def test_courtesy_title_is_chosen_from_the_card_titles(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    combo = dialog.rows["courtesy_title"].editor
    assert isinstance(combo, QComboBox)
    assert combo.currentText() == "Dr."
    combo.setCurrentIndex(combo.findData("Mx."))
    assert dialog.values()["courtesy_title"] == "Mx."
    combo.setCurrentIndex(combo.findData(""))
    assert "courtesy_title" not in dialog.values()  # "(none)" leaves the card's title alone


def test_notes_lines_already_in_the_notes_are_not_added_twice(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, ContactCard(notes="Site: www.initech.co.uk"))
    website, mobile = dialog.note_rows
    assert not website.check.isChecked()
    assert website.note is not None and website.note.text() == "Already in the notes"
    assert mobile.check.isChecked()
    assert dialog.values()[NOTES] == "Site: www.initech.co.uk\nM: +44 7700 900123"
    # An empty card's notes become just the new lines.
    fresh = make_dialog(qtbot, ContactCard())
    assert fresh.values()[NOTES] == "www.initech.co.uk\nM: +44 7700 900123"


def test_return_in_a_value_fills_in_the_card(qtbot: QtBot) -> None:
    def answer(dialog: PasteCardDialog) -> None:
        qtbot.keyClick(edit(dialog, "city"), Qt.Key.Key_Return)

    errors = answer_next_dialog(qtbot, PasteCardDialog, answer)
    values = PasteCardDialog.ask(PROPOSAL, ContactCard())
    assert errors == []
    assert values is not None and values["city"] == "London"
    assert values["given_name"] == "James"


def test_cancel_fills_in_nothing(qtbot: QtBot) -> None:
    errors = answer_next_dialog(
        qtbot, PasteCardDialog, lambda d: click_button(qtbot, d.button_box, CANCEL)
    )
    assert PasteCardDialog.ask(PROPOSAL, TYPED) is None
    assert errors == []


def test_says_so_when_nothing_was_recognised(qtbot: QtBot) -> None:
    seen: list[str] = []

    def answer(dialog: PasteCardDialog) -> None:
        assert dialog.rows == {} and dialog.note_rows == []
        assert dialog.nothing_box.isVisible()
        seen.append(dialog.nothing_label.text())
        assert not dialog.ok_button.isVisible()
        assert dialog.cancel_button.text() == "Close"
        assert dialog.source.toPlainText() == "Thanks again, talk soon!"
        qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Return)

    errors = answer_next_dialog(qtbot, PasteCardDialog, answer)
    assert PasteCardDialog.ask(recognise_card_text("Thanks again, talk soon!"), TYPED) is None
    assert errors == []
    assert seen and seen[0].startswith("No name, title, company, email, phone or address")


def test_a_row_taking_focus_highlights_the_line_it_was_read_from(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    edit(dialog, "phone").setFocus()
    qtbot.waitUntil(lambda: dialog.highlighted_line() == 8)
    assert PROPOSAL.lines[7] == "T: +44 20 7946 0958"
    dialog.note_rows[1].check.setFocus()
    qtbot.waitUntil(lambda: dialog.highlighted_line() == 9)
    assert "line 9: M: +44 7700 900123" in dialog.note_rows[1].editor.accessibleDescription()


def test_tab_moves_through_each_tick_box_then_its_value(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    rows = dialog.all_rows()
    # The first tick box has the cursor when the dialog opens.
    qtbot.waitUntil(rows[0].check.hasFocus, timeout=1000)
    expected = [rows[0].editor, rows[1].check, rows[1].editor, rows[2].check]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget


def test_a_long_value_it_would_replace_is_cut_short_but_read_out_whole(qtbot: QtBot) -> None:
    long_title = "Senior Vice President of Global Talent Acquisition and People Programs"
    dialog = make_dialog(qtbot, ContactCard(job_title=long_title))
    note = dialog.rows["job_title"].note
    assert note is not None
    assert note.text().endswith("…") and note.toolTip() == f"Replaces: {long_title}"
    description = dialog.rows["job_title"].editor.accessibleDescription()
    assert description.startswith(f"Replaces: {long_title}. Read from line 4")


def test_every_control_has_a_name(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert unnamed_focusable_widgets(dialog) == []
    assert dialog.rows["city"].check.accessibleName() == "Use City"
    assert edit(dialog, "city").accessibleName() == "City"
    assert (
        dialog.rows["given_name"]
        .editor.accessibleDescription()
        .startswith("Replaces: Jim. Read from line 3")
    )


def test_a_pasted_signature_is_caught_but_a_word_is_pasted(qtbot: QtBot) -> None:
    field = QLineEdit()
    field.setAccessibleName("Given name")
    qtbot.addWidget(field)
    paste_filter = CardPasteFilter(field)
    field.installEventFilter(paste_filter)
    field.show()
    qtbot.waitExposed(field)

    QGuiApplication.clipboard().setText(SIGNATURE)
    with qtbot.waitSignal(paste_filter.card_text_pasted) as caught:
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # Paste
    assert caught.args == [SIGNATURE]
    assert field.text() == ""

    QGuiApplication.clipboard().setText("Dana")
    with qtbot.assertNotEmitted(paste_filter.card_text_pasted):
        qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # Paste
    assert field.text() == "Dana"
