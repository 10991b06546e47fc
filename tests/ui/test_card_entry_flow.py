"""The evening after an interview day: ten business cards typed without touching the mouse.

Every key goes to whichever widget has the focus, as it would for the user: Tab moves along
the card, Space ticks the event box, Ctrl+Return saves and starts the next card.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.contact_search import ContactFilter
from desktop.domain.vocabulary import EventKind
from desktop.ui.main_window import MainWindow
from tests.ui.helpers import add_contact, answer_next_message_box, type_card, type_text

CTRL = Qt.KeyboardModifier.ControlModifier

PANEL = [
    ("Dana", "Davis", "Director of Engineering", "dana@acme.example"),
    ("Sam", "Okafor", "Recruiter", "sam@acme.example"),
    ("Priya", "Raman", "Staff Engineer", "priya@acme.example"),
    ("Zoë", "Ñúñez", "Head of Research", "zoe@acme.example"),
    ("Li", "Wei", "Product Manager", "li@acme.example"),
    ("Ada", "O'Brien", "Engineering Manager", "ada@acme.example"),
    ("Grace", "Hopper", "VP Engineering", "grace@acme.example"),
    ("Ken", "Thompson", "Principal Engineer", "ken@acme.example"),
    ("Fatima", "Al-Sayed", "HR Business Partner", "fatima@acme.example"),
    ("Jan", "van der Berg", "Team Lead", "jan@acme.example"),
]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "something has the keyboard focus"
    return widget


def key(
    qtbot: QtBot, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), which, modifier)


def type_here(qtbot: QtBot, text: str) -> None:
    type_text(qtbot, focused(), text)


def tab_to(qtbot: QtBot, target: QWidget, limit: int = 40) -> int:
    """Press Tab until ``target`` has the focus; how many presses it took."""
    seen: list[str] = []
    for presses in range(1, limit + 1):
        key(qtbot, Qt.Key.Key_Tab)
        seen.append(focused().accessibleName() or focused().objectName())
        if focused() is target:
            return presses
    raise AssertionError(f"Tab never reached {target.accessibleName()!r}: {seen}")


def test_ten_cards_from_one_interview_day_need_no_mouse(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    form, box = window.card_form, window.card_event_box
    key(qtbot, Qt.Key.Key_N, CTRL)  # New Contact
    assert focused() is form.fields["given_name"]

    for number, (given, family, title, email) in enumerate(PANEL):
        assert focused() is form.fields["given_name"], f"card {number + 1} starts at the name"
        type_here(qtbot, given)
        key(qtbot, Qt.Key.Key_Tab)
        assert focused() is form.fields["family_name"]
        type_here(qtbot, family)
        key(qtbot, Qt.Key.Key_Tab)
        assert focused() is form.fields["job_title"]
        type_here(qtbot, title)
        if number == 0:
            # The first card also says what the batch shares: the company and its address,
            # and the event where they met.
            tab_to(qtbot, form.fields["company"])
            type_here(qtbot, "Acme Robotics")
        tab_to(qtbot, form.fields["email"])
        type_here(qtbot, email)
        if number == 0:
            tab_to(qtbot, form.fields["street"])
            type_here(qtbot, "500 Market Street")
            for value in ("Springfield", "IL", "62701"):
                key(qtbot, Qt.Key.Key_Tab)
                type_here(qtbot, value)
            tab_to(qtbot, box)
            key(qtbot, Qt.Key.Key_Space)
            assert box.isChecked()
            tab_to(qtbot, box.discussed)
            type_here(qtbot, "warehouse robots fleet migration")
        key(qtbot, Qt.Key.Key_Return, CTRL)  # Save and next

    assert window.contact_model.rowCount() == 10
    services = window._services
    ids = window.contact_model.ids()
    records = [services.contacts.get_contact(contact_id) for contact_id in ids]
    assert {r.company for r in records} == {"Acme Robotics"}, "the company was kept"
    assert {r.city for r in records} == {"Springfield"}, "and its address"
    assert sorted(r.given_name for r in records) == sorted(p[0] for p in PANEL)

    # One interview, ten people: each has a follow-up from the same event.
    follow_ups = [f for contact_id in ids for f in services.follow_ups.for_contact(contact_id)]
    assert len(follow_ups) == 10
    assert len({f.event_id for f in follow_ups}) == 1
    assert {f.event_kind for f in follow_ups} == {EventKind.INTERVIEW.value}
    assert {f.discussed for f in follow_ups} == {"warehouse robots fleet migration"}
    assert window.today_view.model.rowCount() == 10, "all ten are on the Today list"

    # What was discussed finds the whole panel.
    found = services.directory.matching_ids(ContactFilter(text="fleet migration"))
    assert sorted(found) == sorted(ids)

    # The next card is ready, with the batch's company and the event box still ticked.
    assert focused() is form.fields["given_name"]
    assert form.fields["company"].text() == "Acme Robotics"
    assert form.fields["given_name"].text() == ""
    assert box.isChecked()
    assert not window.isWindowModified(), "an untouched next card is nothing to save"


def test_new_contact_starts_a_fresh_batch_without_the_event(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_card(qtbot, window.card_form, given_name="Dana", family_name="Davis", company="Acme")
    window.card_event_box.setChecked(True)
    window.save_next_action.trigger()
    assert window.card_event_box.isChecked()
    window.new_action.trigger()
    assert not window.card_event_box.isChecked(), "Ctrl+N is not part of the batch"
    assert window.card_form.fields["company"].text() == ""


def test_a_card_that_cannot_be_saved_stays_as_typed(qtbot: QtBot, window: MainWindow) -> None:
    type_card(qtbot, window.card_form, company="Acme", email="not an email")
    window.save_next_action.trigger()
    assert window.contact_model.rowCount() == 0
    assert window.card_form.fields["email"].text() == "not an email"
    assert window.card_form.error_text("email")


def test_typing_a_card_already_saved_warns_and_links_to_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    add_contact(qtbot, window, given_name="Dana", family_name="Davis", email="dana@acme.example")
    window.new_action.trigger()
    form = window.card_form
    type_card(qtbot, form, given_name="Dee", email="DANA@acme.example")
    qtbot.waitUntil(form.similar_label.isVisible, timeout=2000)
    assert "Dana Davis" in form.similar_label.text()
    assert "same email" in form.similar_label.text()

    # Following the link asks about the unsaved card, then shows the saved one.
    [similar] = form.similar_contacts()
    seen: list[str] = []
    answer_next_message_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Discard), seen)
    form.similar_label.linkActivated.emit(f"contact:{similar.contact_id}")
    assert "Dee" in seen[0], "the unsaved card was asked about first"
    assert form.contact_id == similar.contact_id
    assert not form.similar_label.isVisible()


SIGNATURE = """Best regards,

Dana Davis
Director of Engineering | Acme Robotics
500 Market Street, Suite 12
Springfield, IL 62701
T: +1 (555) 010-2233
dana.davis@acme.example
"""


def test_a_signature_pasted_into_the_name_fills_in_the_card_once_confirmed(
    qtbot: QtBot, window: MainWindow
) -> None:
    from desktop.ui.paste_card_dialog import PasteCardDialog

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    form = window.card_form
    QApplication.clipboard().setText(SIGNATURE)
    form.fields["given_name"].setFocus()
    shown: list[str] = []

    def confirm() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PasteCardDialog):
            QTimer.singleShot(10, confirm)
            return
        shown.append(dialog.windowTitle())
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # "Fill in the card"

    QTimer.singleShot(0, confirm)
    key(qtbot, Qt.Key.Key_V, CTRL)

    assert shown, "the paste opened the confirmation"
    values = {name: form.fields[name].text() for name in ("given_name", "family_name")}
    assert values == {"given_name": "Dana", "family_name": "Davis"}
    assert form.fields["company"].text() == "Acme Robotics"
    assert form.fields["email"].text() == "dana.davis@acme.example"
    assert form.fields["postal_code"].text() == "62701"
    assert window.isWindowModified(), "the filled-in card is an edit to save"


def test_a_single_word_pastes_as_usual(qtbot: QtBot, window: MainWindow) -> None:
    form = window.card_form
    QApplication.clipboard().setText("Davis")
    form.fields["family_name"].setFocus()
    qtbot.keyClick(form.fields["family_name"], Qt.Key.Key_V, CTRL)
    assert form.fields["family_name"].text() == "Davis"


def test_a_new_card_introduced_by_a_friend_offers_to_thank_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    from desktop.ui.thank_introducers_dialog import ThankIntroducersDialog
    from tests.ui.dialog_helpers import answer_next_dialog

    add_contact(qtbot, window, given_name="Priya", family_name="Raman")
    friend = window.card_form.contact_id
    assert friend is not None
    window.new_action.trigger()
    type_card(qtbot, window.card_form, given_name="Dana", family_name="Davis")
    window.card_form.set_introducer(friend, "Priya Raman")
    window.card_event_box.setChecked(True)  # an interview, by default

    def thank(dialog: ThankIntroducersDialog) -> None:
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    errors = answer_next_dialog(qtbot, ThankIntroducersDialog, thank)
    window.save_next_action.trigger()
    assert errors == []
    people = {
        window.today_view.model.follow_up_at(row).contact_name
        for row in range(window.today_view.model.rowCount())
    }
    assert people == {"Dana Davis", "Priya Raman"}, "Dana's follow-up, and a thank-you to Priya"
