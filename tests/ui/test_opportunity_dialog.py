from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.domain.opportunities import OpportunityDraft, OpportunityRecord
from desktop.domain.vocabulary import OpportunityStatus
from desktop.ui.opportunity_dialog import OpportunityDialog
from tests.ui.dialog_helpers import (
    PEOPLE,
    answer_next_dialog,
    click_button,
    click_row,
    show_dialog,
    type_text,
    unnamed_focusable_widgets,
)

NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)
OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel
RECORD = OpportunityRecord(
    id=3,
    company="Acme & Sons <b>",
    position="Engineering Manager",
    status=OpportunityStatus.INTERVIEWING.value,
    notes="Referred by Priya.",
    contact_ids=(1, 2),
    created_at=NOW,
    updated_at=NOW,
)


def make_dialog(qtbot: QtBot, record: OpportunityRecord | None = None) -> OpportunityDialog:
    dialog = OpportunityDialog(PEOPLE, record=record)
    show_dialog(qtbot, dialog)
    return dialog


def test_a_new_opportunity_starts_empty_and_interested(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert dialog.windowTitle() == "New opportunity"
    assert dialog.draft() == OpportunityDraft()
    statuses = [dialog.status.itemText(i) for i in range(dialog.status.count())]
    assert statuses == [
        "Interested",
        "Applied",
        "Interviewing",
        "Offer",
        "Not selected",
        "Hired",
        "Withdrawn",
    ]


def test_an_edited_opportunity_comes_back_unchanged(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, RECORD)
    assert dialog.windowTitle() == "Edit opportunity"
    assert dialog.draft() == OpportunityDraft(
        company="Acme & Sons <b>",
        position="Engineering Manager",
        status="interviewing",
        notes="Referred by Priya.",
        contact_ids=(1, 2),
    )


def test_typing_and_ticking_make_the_draft(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.company.setFocus()
    type_text(qtbot, dialog.company, "  Globex ")
    dialog.position.setFocus()
    type_text(qtbot, dialog.position, "Staff Engineer")
    dialog.status.setCurrentIndex(dialog.status.findData(OpportunityStatus.OFFER.value))
    type_text(qtbot, dialog.people.filter_edit, "raman")
    click_row(qtbot, dialog.people, 4)
    dialog.notes.setFocus()
    type_text(qtbot, dialog.notes, "Zoë knows the team")
    assert dialog.draft() == OpportunityDraft(
        company="Globex",
        position="Staff Engineer",
        status="offer",
        notes="Zoë knows the team",
        contact_ids=(4,),
    )


def test_without_company_or_position_ok_explains_and_stays_open(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.company.setFocus()
    type_text(qtbot, dialog.company, "   ")
    click_button(qtbot, dialog.button_box, OK)
    assert dialog.isVisible()
    assert dialog.error_text() == "Enter a company or a position."
    assert dialog.company.accessibleDescription() == "Enter a company or a position."
    dialog.position.setFocus()
    type_text(qtbot, dialog.position, "CTO")
    assert dialog.error_text() == ""
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        click_button(qtbot, dialog.button_box, OK)


def test_a_status_this_version_does_not_know_is_kept(qtbot: QtBot) -> None:
    record = OpportunityRecord(
        id=4, company="Hooli", status="from-the-future", created_at=NOW, updated_at=NOW
    )
    assert make_dialog(qtbot, record).draft().status == "from-the-future"


def test_ask_returns_the_draft(qtbot: QtBot) -> None:
    def answer(dialog: OpportunityDialog) -> None:
        click_row(qtbot, dialog.people, 1)  # untick Dana
        click_row(qtbot, dialog.people, 3)
        dialog.status.setCurrentIndex(dialog.status.findData("hired"))
        click_button(qtbot, dialog.button_box, OK)

    errors = answer_next_dialog(qtbot, OpportunityDialog, answer)
    draft = OpportunityDialog.ask(PEOPLE, record=RECORD)
    assert errors == []
    assert draft is not None
    assert draft.contact_ids == (2, 3)
    assert draft.status == "hired"
    assert draft.company == "Acme & Sons <b>"


def test_ask_returns_none_when_cancelled(qtbot: QtBot) -> None:
    def answer(dialog: OpportunityDialog) -> None:
        click_button(qtbot, dialog.button_box, CANCEL)

    errors = answer_next_dialog(qtbot, OpportunityDialog, answer)
    assert OpportunityDialog.ask(PEOPLE) is None
    assert errors == []


def test_every_focusable_widget_has_an_accessible_name(qtbot: QtBot) -> None:
    assert unnamed_focusable_widgets(make_dialog(qtbot, RECORD)) == []
