"""Letters through the real window: the right template, live edits, PDF, email, history."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl, QUrlQuery
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import AppContext, create_main_window, open_context
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard
from desktop.domain.followups import EventDraft
from desktop.domain.letter_history import LetterOutput
from desktop.domain.profile import Profile
from desktop.domain.vocabulary import Channel, FollowUpStatus, Situation
from desktop.ui.main_window import MainWindow
from tests.conftest import NOW
from tests.ui.conftest import CHICAGO
from tests.ui.helpers import answer_next_message_box, keep_window, type_text

Start = Callable[[], MainWindow]


@pytest.fixture
def letter_desk(
    qtbot: QtBot, data_dir: Path, clock: Clock
) -> Iterator[tuple[AppContext, int, int, Start]]:
    context = open_context(data_dir, clock)
    services = context.services
    services.profile.save(Profile(name="Alex Candidate", street="9 Elm St", city="Chicago"))
    dana = services.contacts.add_contact(
        ContactCard(
            courtesy_title="Ms.",
            given_name="Dana",
            family_name="Davis",
            job_title="Director",
            company="Acme",
            email="dana@acme.example",
            street="1 Main St",
            city="Springfield",
            region="IL",
            postal_code="62701",
        )
    )
    logged = services.follow_ups.log_event(
        EventDraft(
            kind="interview",
            occurred_at=NOW - timedelta(hours=3),
            contact_ids=(dana.id,),
            discussed="The fleet migration",
        )
    )

    def start() -> MainWindow:
        window = create_main_window(context, zone=lambda: CHICAGO)
        keep_window(qtbot, window)
        window.show()
        qtbot.waitExposed(window)
        window.today_view.table.selectRow(0)
        return window

    yield context, dana.id, logged.follow_ups[0].id, start
    context.close()


def test_the_due_follow_up_gets_its_situation_letter(
    qtbot: QtBot, letter_desk: tuple[AppContext, int, int, Start]
) -> None:
    _context, _dana, _follow_up, start = letter_desk
    window = start()
    composer = window.composer
    assert composer.current_situation() is Situation.AFTER_INTERVIEW
    assert "I especially enjoyed our conversation about the fleet migration." in (
        composer.body_text().replace("\n", " ")
    )
    text = window.letter_preview.plain_text()
    assert text.startswith("9 Elm St\nChicago\n"), "the sender's address heads the letter"
    assert "Dear Ms. Davis:" in text
    assert text.rstrip().endswith("Alex Candidate"), "signed with the profile's name"
    assert "Answers the follow-up “After an interview”" in composer.answers.text()


def test_editing_the_body_updates_the_preview_and_survives_card_edits(
    qtbot: QtBot, letter_desk: tuple[AppContext, int, int, Start]
) -> None:
    _context, _dana, _follow_up, start = letter_desk
    window = start()
    body = window.composer.body
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    type_text(qtbot, body, "\n\nP.S. Zoë says hello & <b>hi</b>.")
    assert "P.S. Zoë says hello & <b>hi</b>." in window.letter_preview.plain_text()

    window.card_form.fields["job_title"].setFocus()
    window.card_form.fields["job_title"].selectAll()
    type_text(qtbot, window.card_form.fields["job_title"], "VP")
    preview = window.letter_preview.plain_text()
    assert "Ms. Dana Davis\nVP\nAcme" in preview, "the address follows the card as typed"
    assert "P.S. Zoë says hello" in preview, "the user's own words are kept"


def test_choosing_another_situation_redrafts(
    qtbot: QtBot, letter_desk: tuple[AppContext, int, int, Start]
) -> None:
    _context, _dana, _follow_up, start = letter_desk
    window = start()
    combo = window.composer.situation
    combo.setCurrentIndex(combo.findData(Situation.AFTER_REJECTION.value))
    combo.activated.emit(combo.currentIndex())
    assert "Thank you for letting me know about your decision" in window.composer.body_text()
    assert window.composer.answers.text() == "", "no pending follow-up of that kind"


def test_save_as_pdf_records_the_letter_and_marks_the_follow_up_sent(
    qtbot: QtBot,
    letter_desk: tuple[AppContext, int, int, Start],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context, dana, follow_up, start = letter_desk
    window = start()
    target = tmp_path / "dana.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    seen: list[str] = []
    answer_next_message_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes), seen)

    window.composer.pdf_action.trigger()

    assert target.read_bytes().startswith(b"%PDF")
    assert "Mark the follow-up to Ms. Dana Davis (after an interview) as sent" in seen[0]
    services = context.services
    assert services.follow_ups.get(follow_up).status is FollowUpStatus.SENT
    letters = services.letters.for_contact(dana)
    assert len(letters) == 1
    assert letters[0].output is LetterOutput.PDF
    assert "Dear Ms. Davis:" in letters[0].final_text
    assert window.today_view.model.rowCount() == 0
    assert "marked sent" in window.statusBar().currentMessage()


def test_email_opens_the_mail_program_and_can_add_the_card_step(
    qtbot: QtBot,
    letter_desk: tuple[AppContext, int, int, Start],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context, dana, follow_up, start = letter_desk
    window = start()
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)

    def tick_card_and_yes(box: QMessageBox) -> object:
        check = box.checkBox()
        assert check is not None
        check.setChecked(True)
        return box.button(QMessageBox.StandardButton.Yes)

    seen: list[str] = []
    answer_next_message_box(qtbot, tick_card_and_yes, seen)  # type: ignore[arg-type]
    window.composer.email_action.trigger()

    url = opened[0]
    assert url.scheme() == "mailto" and url.path() == "dana@acme.example"
    query = QUrlQuery(url)
    subject = QUrl.fromPercentEncoding(query.queryItemValue("subject").encode())
    body = QUrl.fromPercentEncoding(query.queryItemValue("body").encode())
    assert subject == "Thank you for the interview"
    assert body.startswith("Dear Ms. Davis:\n\n")
    assert "1 Main St" not in body, "no postal blocks in an email"
    services = context.services
    assert services.follow_ups.get(follow_up).sent_channel is Channel.EMAIL
    pending = [f for f in services.follow_ups.for_contact(dana) if f.status.value == "pending"]
    assert len(pending) == 1 and pending[0].is_card_step, "the handwritten card is next"


def test_copy_puts_the_letter_on_the_clipboard(
    qtbot: QtBot, letter_desk: tuple[AppContext, int, int, Start]
) -> None:
    context, dana, _follow_up, start = letter_desk
    window = start()
    window.composer.copy_action.trigger()
    assert "Dear Ms. Davis:" in QGuiApplication.clipboard().text()
    assert context.services.letters.for_contact(dana)[0].output is LetterOutput.COPIED


def test_all_due_letters_go_into_one_pdf_and_are_marked_sent(
    qtbot: QtBot,
    letter_desk: tuple[AppContext, int, int, Start],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context, _dana, follow_up, start = letter_desk
    services = context.services
    sam = services.contacts.add_contact(ContactCard(given_name="Sam", family_name="Okafor"))
    services.follow_ups.log_event(
        EventDraft(kind="help", occurred_at=NOW - timedelta(hours=1), contact_ids=(sam.id,))
    )
    window = start()
    target = tmp_path / "all.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    seen: list[str] = []
    answer_next_message_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes), seen)

    window.pdf_due_letters_action.trigger()

    assert target.read_bytes().startswith(b"%PDF")
    assert "Mark these 2 follow-ups as sent" in seen[0]
    assert window.today_view.model.rowCount() == 0
    assert services.follow_ups.get(follow_up).status is FollowUpStatus.SENT
    assert [letter.output for letter in services.letters.for_contact(sam.id)] == [LetterOutput.PDF]
    assert window.statusBar().currentMessage().startswith("Saved 2 letters to all.pdf")


def test_the_history_tab_lists_the_letters_sent(
    qtbot: QtBot, letter_desk: tuple[AppContext, int, int, Start]
) -> None:
    context, dana, _follow_up, start = letter_desk
    window = start()
    window.composer.copy_action.trigger()
    window.right_tabs.setCurrentWidget(window.history_view)
    letters = window.history_view.letters_model
    assert letters.rowCount() == 1
    assert letters.index(0, 1).data() == "After an interview"
    assert letters.index(0, 3).data() == "Copied (email)"
    assert context.services.letters.for_contact(dana)[0].final_text.startswith("9 Elm St")


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs pdfinfo (poppler-utils)")
def test_the_envelope_is_saved_on_a_landscape_number_10(
    qtbot: QtBot,
    letter_desk: tuple[AppContext, int, int, Start],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _context, _dana, _follow_up, start = letter_desk
    window = start()
    target = tmp_path / "envelope.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    window.composer.envelope_pdf_action.trigger()
    info = subprocess.run(
        ["pdfinfo", str(target)], capture_output=True, text=True, check=True
    ).stdout
    # US letter paper (the tests' locale) takes a #10 envelope: 9.5 x 4.125 in, long edge across.
    assert re.search(r"Page size:\s+684 x 297 pts", info)
    assert window.statusBar().currentMessage() == "Saved envelope.pdf."
