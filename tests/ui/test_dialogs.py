"""The small confirmation dialogs: what they say, and which button Return and Escape press."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.contacts import ContactRecord
from desktop.ui.dialogs import AskSaveChanges, ConfirmDeleteContact, ConfirmDeleteContacts

WHEN = datetime(2026, 11, 25, tzinfo=UTC)


def person(n: int, given: str, family: str, **card: str) -> ContactRecord:
    return ContactRecord(
        id=n, created_at=WHEN, updated_at=WHEN, given_name=given, family_name=family, **card
    )


ADA = person(1, "Ada", "Lovelace", courtesy_title="Dr.", company="Analytical Engines")
GRACE = person(2, "Grace", "Hopper")
ALAN = person(3, "Alan", "Turing")


def test_one_contact_is_named_with_their_title_and_company(qtbot: QtBot) -> None:
    box = ConfirmDeleteContact(ADA, follow_up_count=1)
    qtbot.addWidget(box)
    assert box.text() == "Delete Dr. Ada Lovelace?"
    assert box.informativeText() == (
        "Dr. Ada Lovelace (Analytical Engines), their notes and 1 follow-up (sent and "
        "pending) will be removed from Follow-Up Desk. Edit ▸ Undo brings them back."
    )
    assert box.delete_button.text() == "Delete"
    assert box.defaultButton() is box.cancel_button
    assert box.escapeButton() is box.cancel_button


@pytest.mark.parametrize(
    ("named", "count", "follow_ups", "expected"),
    [
        ([ADA, GRACE], 2, 0, "Dr. Ada Lovelace and Grace Hopper, with their notes,"),
        ([ADA, GRACE, ALAN], 3, 2, "Dr. Ada Lovelace, Grace Hopper and Alan Turing, with"),
        ([ADA, GRACE, ALAN], 4, 1, "Dr. Ada Lovelace, Grace Hopper, Alan Turing and 1 other,"),
        ([ADA, GRACE, ALAN], 40, 9, "Dr. Ada Lovelace, Grace Hopper, Alan Turing and 37 others,"),
    ],
)
def test_several_contacts_are_asked_about_once(
    qtbot: QtBot, named: list[ContactRecord], count: int, follow_ups: int, expected: str
) -> None:
    box = ConfirmDeleteContacts(named, count, follow_ups)
    qtbot.addWidget(box)
    assert box.text() == f"Delete {count} contacts?"
    assert box.informativeText().startswith(expected)
    assert box.informativeText().endswith("Edit ▸ Undo brings them all back.")
    if follow_ups:
        assert f"their notes and {follow_ups} follow-up" in box.informativeText()
    assert box.delete_button.text() == f"Delete {count}"
    assert box.defaultButton() is box.cancel_button


def test_save_changes_offers_save_discard_cancel_with_save_the_default(qtbot: QtBot) -> None:
    box = AskSaveChanges("Ms. Dana Davis")
    qtbot.addWidget(box)
    Button = QMessageBox.StandardButton
    assert box.text() == "Save changes to Ms. Dana Davis?"
    assert box.standardButtons() == Button.Save | Button.Discard | Button.Cancel
    assert box.defaultButton() is box.button(Button.Save)
    assert box.escapeButton() is box.button(Button.Cancel)
