"""Privacy: the app works with no network at all, and its log names nobody."""

from __future__ import annotations

import logging
import os
import socket
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop import logs
from desktop.ui.log_event_dialog import LogEventDialog
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import OpenWindow
from tests.ui.dialog_helpers import answer_next_dialog, click_row
from tests.ui.helpers import add_contact, answer_next_message_box, table_names

SECRET_NAME = "Zoë"
SECRET_FAMILY = "Quillfeather"
SECRET_EMAIL = "zoe.quillfeather@secret.example"
SECRET_DISCUSSED = "the confidential robot fleet"


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every way Python opens a network connection fails loudly, and is recorded."""
    attempts: list[str] = []

    def refuse(what: str) -> object:
        def refused(*args: object, **kwargs: object) -> object:
            attempts.append(what)
            raise NetworkUsed(f"{what} was called: the app must not use the network")

        return refused

    monkeypatch.setattr(socket, "socket", refuse("socket.socket"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    yield attempts


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = logs.configure_logging(tmp_path / "logs")
    assert path is not None
    yield path
    for handler in list(logs.log.handlers):
        logs.log.removeHandler(handler)
        handler.close()


def log_an_interview(qtbot: QtBot, window: MainWindow, contact_id: int) -> None:
    def answer(dialog: LogEventDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("interview"))
        click_row(qtbot, dialog.people, contact_id)
        dialog.discussed.setPlainText(SECRET_DISCUSSED)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    errors = answer_next_dialog(qtbot, LogEventDialog, answer)
    window.new_action.trigger()
    window.log_event_action.trigger()
    assert errors == []


def test_a_whole_session_works_without_any_network(
    qtbot: QtBot,
    open_window: OpenWindow,
    no_network: list[str],
    log_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window()
    add_contact(
        qtbot,
        window,
        courtesy_title="Ms.",
        given_name=SECRET_NAME,
        family_name=SECRET_FAMILY,
        email=SECRET_EMAIL,
        street="1 Hidden Lane",
        city="Springfield",
    )
    assert table_names(window) == [f"{SECRET_NAME} {SECRET_FAMILY}"]
    contact_id = window.contact_model.contact_id_at(0)
    log_an_interview(qtbot, window, contact_id)
    assert window.today_view.model.rowCount() == 1

    # The letter for that follow-up, saved as PDF.
    window.select_contact(contact_id)
    letter_pdf = tmp_path / "letter.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(letter_pdf), ""))
    said: list[str] = []
    answer_next_message_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.No), said)
    window.composer.pdf_action.trigger()
    assert letter_pdf.read_bytes().startswith(b"%PDF")

    # Every contact exported.
    exported = tmp_path / "contacts.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(exported), "CSV (*.csv)")
    )
    window.export_contacts()
    assert SECRET_EMAIL in exported.read_text(encoding="utf-8-sig")

    assert no_network == [], "nothing tried to reach the network"

    # The log says what happened, and names nobody.
    logs.log.info("Session test finished")
    for handler in logs.log.handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "Session test finished" in text
    assert "(interview) logged with 1 follow-ups" in text, "what happened is there"
    assert "Letter 1 recorded" in text
    assert "Exported 1 contacts as csv" in text
    for secret in (SECRET_NAME, SECRET_FAMILY, SECRET_EMAIL, "Hidden Lane", "robot fleet"):
        assert secret not in text


def test_an_unexpected_error_is_logged_without_its_message(log_file: Path) -> None:
    try:
        raise ValueError(f"“{SECRET_EMAIL}” is not a valid email address")
    except ValueError:
        logs.log_unexpected(*sys.exc_info())  # type: ignore[arg-type]
    text = log_file.read_text(encoding="utf-8")
    assert "Unexpected builtins.ValueError" in text
    assert "test_an_unexpected_error_is_logged_without_its_message" in text, "where it was"
    assert SECRET_EMAIL not in text


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_log_is_readable_by_its_owner_only(log_file: Path) -> None:
    logs.log.info("hello")
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600


def test_an_unwritable_log_folder_does_not_stop_the_app(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert logs.configure_logging(blocker / "logs") is None
    logging.getLogger("desktop").info("still fine")
