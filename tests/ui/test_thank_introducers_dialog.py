from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.domain.rules.referrals import ThankIntroducer
from desktop.ui.thank_introducers_dialog import ThankIntroducersDialog, join_names
from tests.ui.dialog_helpers import (
    answer_next_dialog,
    click_check_box,
    show_dialog,
    unnamed_focusable_widgets,
)

PRIYA = ThankIntroducer(4, (1,))
SAM = ThankIntroducer(5, (2, 3))
PROPOSALS = [
    (PRIYA, "Priya Raman", ["Ms. Dana Davis"]),
    (SAM, "Sam <b>Bold</b> & Co", ["Mr. Lee Wong", "Dr. Zoë Ñúñez"]),
]


def make_dialog(qtbot: QtBot, **kwargs: str) -> ThankIntroducersDialog:
    dialog = ThankIntroducersDialog(PROPOSALS, **kwargs)
    show_dialog(qtbot, dialog)
    return dialog


def test_each_introducer_is_proposed_in_plain_words_and_ticked(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert [label.text() for label in dialog.texts] == [
        "Priya Raman introduced you to Ms. Dana Davis. "
        "Their introduction led to an interview: thank them?",
        "Sam <b>Bold</b> & Co introduced you to Mr. Lee Wong and Dr. Zoë Ñúñez. "
        "Their introduction led to an interview: thank them?",
    ]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in dialog.texts)
    assert [box.isChecked() for box in dialog.boxes] == [True, True]
    # "&" in a name is shown, not turned into a keyboard shortcut.
    assert dialog.boxes[1].text() == "Thank Sam <b>Bold</b> && Co"
    assert dialog.boxes[1].accessibleName() == "Thank Sam <b>Bold</b> & Co"
    assert dialog.chosen() == [PRIYA, SAM]


def test_an_offer_can_be_named_as_the_outcome(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, led_to="an offer")
    assert dialog.texts[0].text().endswith("Their introduction led to an offer: thank them?")


def test_names_are_joined_as_a_sentence() -> None:
    assert join_names(["A"]) == "A"
    assert join_names(["A", "B"]) == "A and B"
    assert join_names(["A", "B", "C"]) == "A, B and C"


def test_unticking_everyone_leaves_only_not_now(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    click_check_box(qtbot, dialog.boxes[0])
    assert dialog.chosen() == [SAM]
    assert dialog.add_button.isEnabled()
    click_check_box(qtbot, dialog.boxes[1])
    assert not dialog.add_button.isEnabled()


def test_ask_returns_the_ticked_proposals(qtbot: QtBot) -> None:
    def answer(dialog: ThankIntroducersDialog) -> None:
        assert dialog.add_button.text() == "Add thank-you follow-ups"
        click_check_box(qtbot, dialog.boxes[0])
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)

    errors = answer_next_dialog(qtbot, ThankIntroducersDialog, answer)
    chosen = ThankIntroducersDialog.ask(PROPOSALS)
    assert errors == []
    assert chosen == [SAM]


def test_ask_returns_an_empty_list_when_declined(qtbot: QtBot) -> None:
    def answer(dialog: ThankIntroducersDialog) -> None:
        qtbot.mouseClick(dialog.not_now_button, Qt.MouseButton.LeftButton)

    errors = answer_next_dialog(qtbot, ThankIntroducersDialog, answer)
    assert ThankIntroducersDialog.ask(PROPOSALS) == []
    assert errors == []


def test_escape_means_not_now(qtbot: QtBot) -> None:
    def answer(dialog: ThankIntroducersDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    errors = answer_next_dialog(qtbot, ThankIntroducersDialog, answer)
    assert ThankIntroducersDialog.ask(PROPOSALS) == []
    assert errors == []


def test_nothing_to_propose_asks_nothing() -> None:
    assert ThankIntroducersDialog.ask([]) == []


def test_every_focusable_widget_has_an_accessible_name(qtbot: QtBot) -> None:
    assert unnamed_focusable_widgets(make_dialog(qtbot)) == []
