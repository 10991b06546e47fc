from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.domain.profile import Envelope, Paper, Profile
from desktop.ui.profile_dialog import (
    CLOSINGS,
    NO_ADDRESS_TEXT,
    WELCOME_TEXT,
    ProfileDialog,
)
from tests.ui.dialog_helpers import (
    answer_next_dialog,
    click_button,
    show_dialog,
    type_text,
    unnamed_focusable_widgets,
)

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel

FULL = Profile(
    name="Alex Candidate",
    street="12 Oak Street\nApt 4B",
    city="Springfield",
    region="IL",
    postal_code="62704",
    country="USA",
    phone="(555) 010-2000",
    email="alex@example.com",
    closing="Best regards,",
    paper=Paper.A4.value,
    envelope=Envelope.DL.value,
)


def make_dialog(qtbot: QtBot, current: Profile, *, first_run: bool = False) -> ProfileDialog:
    dialog = ProfileDialog(current, first_run=first_run)
    show_dialog(qtbot, dialog)
    return dialog


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    type_text(qtbot, edit, text)


def test_the_profile_comes_back_as_it_went_in(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, FULL)
    assert dialog.fields["name"].text() == "Alex Candidate"
    assert dialog.street.toPlainText() == "12 Oak Street\nApt 4B"
    assert dialog.closing.currentText() == "Best regards,"
    assert dialog.profile() == FULL  # paper and envelope too, though not shown
    assert dialog.errors() == {}


def test_typing_a_profile_fills_every_field_and_the_preview(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Profile())
    assert dialog.preview.text().startswith(NO_ADDRESS_TEXT)
    retype(qtbot, dialog.fields["name"], "Zoë Ñúñez")
    dialog.street.setFocus()
    type_text(qtbot, dialog.street, "1 Main St")
    retype(qtbot, dialog.fields["city"], "Portland")
    retype(qtbot, dialog.fields["region"], "OR")
    retype(qtbot, dialog.fields["postal_code"], "97201")
    retype(qtbot, dialog.fields["phone"], "555-0100")
    retype(qtbot, dialog.fields["email"], "zoe@example.org")
    dialog.closing.setCurrentIndex(dialog.closing.findText("Kind regards,"))

    assert dialog.profile() == Profile(
        name="Zoë Ñúñez",
        street="1 Main St",
        city="Portland",
        region="OR",
        postal_code="97201",
        phone="555-0100",
        email="zoe@example.org",
        closing="Kind regards,",
    )
    assert dialog.preview.text().splitlines() == [
        "1 Main St",
        "Portland, OR 97201",
        "555-0100",
        "zoe@example.org",
        "",
        "…",
        "",
        "Kind regards,",
        "Zoë Ñúñez",
    ]


def test_closings_are_offered_and_a_custom_one_can_be_typed(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Profile())
    offered = [dialog.closing.itemText(i) for i in range(dialog.closing.count())]
    assert offered == list(CLOSINGS)
    assert dialog.closing.isEditable()
    line_edit = dialog.closing.lineEdit()
    assert line_edit is not None
    retype(qtbot, line_edit, "Warmly,")
    assert dialog.profile().closing == "Warmly,"
    assert "Warmly," in dialog.preview.text()


def test_names_with_markup_show_literally(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Profile(name="Sam <b>Bold</b> & Co", city="Tom & Jerry's"))
    assert dialog.preview.textFormat() == Qt.TextFormat.PlainText
    assert "Sam <b>Bold</b> & Co" in dialog.preview.text()


def test_a_malformed_email_is_refused_inline_until_fixed(qtbot: QtBot) -> None:
    def answer(dialog: ProfileDialog) -> None:
        retype(qtbot, dialog.fields["name"], "Alex Candidate")
        retype(qtbot, dialog.fields["email"], "alex@example")
        click_button(qtbot, dialog.button_box, OK)
        assert dialog.isVisible(), "OK is refused while the email is malformed"
        error = dialog.error_labels["email"]
        assert error.isVisible()
        assert "is not a valid email address" in error.text()
        assert dialog.errors() == {"email": error.text()}
        assert dialog.fields["email"].accessibleDescription() == error.text()
        assert not dialog.ok_button.isEnabled()

        type_text(qtbot, dialog.fields["email"], ".com")  # fixed: the error goes at once
        assert not error.isVisible()
        assert dialog.ok_button.isEnabled()
        click_button(qtbot, dialog.button_box, OK)

    errors = answer_next_dialog(qtbot, ProfileDialog, answer)
    chosen = ProfileDialog.ask(Profile())
    assert errors == []
    assert chosen == Profile(name="Alex Candidate", email="alex@example.com")


def test_leaving_a_malformed_email_shows_the_error(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, Profile())
    dialog.activateWindow()  # focus moves (and editing finishes) only in the active window
    email = dialog.fields["email"]
    email.setFocus()
    qtbot.waitUntil(email.hasFocus)
    retype(qtbot, email, "not an address")
    assert dialog.errors() == {}, "no scolding while typing"
    qtbot.keyClick(email, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not email.hasFocus())
    assert "email" in dialog.errors()


def test_first_run_explains_itself_and_later_returns_none(qtbot: QtBot) -> None:
    def answer(dialog: ProfileDialog) -> None:
        assert dialog.welcome.isVisible()
        assert dialog.welcome.text() == WELCOME_TEXT
        assert "signed with the name" in WELCOME_TEXT
        assert "return address" in WELCOME_TEXT
        assert dialog.cancel_button.text() == "Later"
        assert dialog.cancel_button.accessibleName() == "Later"
        retype(qtbot, dialog.fields["name"], "Alex")
        click_button(qtbot, dialog.button_box, CANCEL)

    errors = answer_next_dialog(qtbot, ProfileDialog, answer)
    assert ProfileDialog.ask(Profile(), first_run=True) is None
    assert errors == []


def test_an_ordinary_edit_has_no_welcome_and_a_cancel_button(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, FULL)
    assert not dialog.welcome.isVisible()
    assert dialog.cancel_button.text() != "Later"


def test_ask_returns_the_profile_as_saved(qtbot: QtBot) -> None:
    def answer(dialog: ProfileDialog) -> None:
        retype(qtbot, dialog.fields["phone"], "(555) 010-9999")
        click_button(qtbot, dialog.button_box, OK)

    errors = answer_next_dialog(qtbot, ProfileDialog, answer)
    chosen = ProfileDialog.ask(FULL)
    assert errors == []
    assert chosen is not None
    assert chosen.phone == "(555) 010-9999"
    assert chosen.name == FULL.name


def test_paper_and_envelope_are_left_to_preferences_and_kept_as_they_were(
    qtbot: QtBot,
) -> None:
    dialog = make_dialog(qtbot, FULL)
    assert not hasattr(dialog, "paper") and not hasattr(dialog, "envelope")
    # Only the closing is a choice here: no paper or envelope list.
    assert dialog.findChildren(QComboBox) == [dialog.closing]
    retype(qtbot, dialog.fields["city"], "Portland")
    chosen = dialog.profile()
    assert (chosen.paper, chosen.envelope) == (Paper.A4.value, Envelope.DL.value)


def test_a_paper_size_this_version_does_not_know_does_not_block_the_profile(
    qtbot: QtBot,
) -> None:
    dialog = make_dialog(qtbot, Profile(name="Alex", paper="legal"))
    assert dialog.errors() == {}
    assert dialog.ok_button.isEnabled()
    assert dialog.profile().paper == "legal"  # handed back untouched


def test_every_focusable_widget_has_an_accessible_name(qtbot: QtBot) -> None:
    assert unnamed_focusable_widgets(make_dialog(qtbot, FULL)) == []
    assert unnamed_focusable_widgets(make_dialog(qtbot, Profile(), first_run=True)) == []
