"""Importing and exporting contacts from the window: the dialog, drag and drop, the menu."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.domain.contact_formats import CSV_HEADERS
from desktop.domain.contacts import ContactCard
from desktop.domain.importing import DuplicateChoice
from desktop.ui.import_dialog import ImportDialog
from desktop.ui.import_tables import COL_ACTION, DuplicatesModel
from desktop.ui.main_window import MainWindow
from tests.ui.dialog_helpers import answer_next_dialog
from tests.ui.helpers import answer_next_message_box, table_names

LINKEDIN = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Zoë,Ñúñez,https://www.linkedin.com/in/zoe,zoe@initech.example,Initech,Head of Research,"
    "12 Mar 2023\n"
    "Sam,Okafor,https://www.linkedin.com/in/sam,,Globex,Recruiter,01 Feb 2024\n"
    "Priya,Raman,https://www.linkedin.com/in/priya,priya@hooli.example,Hooli,Developer,"
    "05 Jan 2022\n"
)

GENERIC = "Full Name;Org;Mail;Remarks\nDana Davis;Acme;dana@acme.example;met at PyCon\n"


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def import_with(
    qtbot: QtBot, window: MainWindow, path: Path, answer: object = None
) -> list[BaseException]:
    def click_import(dialog: ImportDialog) -> None:
        if callable(answer):
            answer(dialog)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    errors = answer_next_dialog(qtbot, ImportDialog, click_import)
    window.import_contacts(path)
    return errors


def test_a_linkedin_export_is_recognised_previewed_and_imported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    seen: list[str] = []

    def check(dialog: ImportDialog) -> None:
        seen.append(dialog.summary.text())
        assert dialog.pages.currentWidget() is dialog.preview_page, "no mapping step needed"
        assert dialog.new_model.rowCount() == 3

    errors = import_with(qtbot, window, write(tmp_path, "Connections.csv", LINKEDIN), check)

    assert errors == []
    assert "LinkedIn connections" in seen[0]
    assert "3 new contacts" in seen[0]
    # By family name, accents aside: Ñúñez files under N.
    assert table_names(window) == ["Zoë Ñúñez", "Sam Okafor", "Priya Raman"]
    assert window.statusBar().currentMessage() == "Imported 3 new contacts."
    window.search_field.setText("zoe")
    assert table_names(window) == ["Zoë Ñúñez"]


def test_a_csv_of_unknown_origin_gets_a_column_step(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    def map_and_go(dialog: ImportDialog) -> None:
        assert dialog.pages.currentWidget() is dialog.mapping_page
        assert dialog.mapping_combos["Mail"].currentData() == "email"
        assert dialog.mapping_combos["Full Name"].currentData() == "full_name"
        org = dialog.mapping_combos["Org"]
        org.setCurrentIndex(org.findData("company"))
        remarks = dialog.mapping_combos["Remarks"]
        remarks.setCurrentIndex(remarks.findData("notes"))
        qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        assert dialog.pages.currentWidget() is dialog.preview_page
        assert "1 new contact;" in dialog.summary.text()

    errors = import_with(qtbot, window, write(tmp_path, "people.csv", GENERIC), map_and_go)

    assert errors == []
    assert window.select_contact(window.contact_model.contact_id_at(0))
    card = window.card_form.card()
    assert (card.given_name, card.family_name, card.company, card.email, card.notes) == (
        "Dana",
        "Davis",
        "Acme",
        "dana@acme.example",
        "met at PyCon",
    )


def test_duplicates_can_update_the_contacts_already_there(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    services = window._services
    services.contacts.add_contact(
        ContactCard(given_name="Zoë", family_name="Ñúñez", email="ZOE@initech.example")
    )
    window.reload_contacts()

    def update_all(dialog: ImportDialog) -> None:
        assert dialog.duplicates_model.rowCount() == 1
        assert dialog.preview_tabs.tabText(1) == "Possible duplicates (1)"
        dialog.choose_all.setCurrentIndex(dialog.choose_all.findData(DuplicateChoice.UPDATE))
        dialog.choose_all.activated.emit(dialog.choose_all.currentIndex())

    errors = import_with(qtbot, window, write(tmp_path, "c.csv", LINKEDIN), update_all)

    assert errors == []
    assert len(table_names(window)) == 3, "the duplicate was updated, not added"
    [zoe] = [r for r in services.contacts.list_contacts() if r.given_name == "Zoë"]
    assert zoe.company == "Initech"


def test_cancelling_an_import_leaves_every_contact_as_it_was(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda _self: True)
    said: list[str] = []
    answer_next_message_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Ok), said)
    errors = answer_next_dialog(
        qtbot,
        ImportDialog,
        lambda dialog: (
            qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton),
            dialog.reject(),
        ),
    )

    window.import_contacts(write(tmp_path, "c.csv", LINKEDIN))

    assert errors == []
    assert "Nothing was imported" in said[0]
    assert table_names(window) == []
    assert window._services.contacts.count() == 0


def test_a_file_that_is_not_contacts_is_refused_with_a_reason(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    said: list[str] = []
    answer_next_message_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Ok), said)

    window.import_contacts(png)

    assert "photo.png" in said[0]
    assert window._services.contacts.count() == 0


def test_dropping_a_file_on_the_window_imports_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = write(tmp_path, "Connections.csv", LINKEDIN)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    errors = answer_next_dialog(
        qtbot,
        ImportDialog,
        lambda dialog: qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton),
    )

    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted(), "the window takes a contacts file"
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)

    qtbot.waitUntil(lambda: len(table_names(window)) == 3, timeout=5000)
    assert errors == []


def test_a_dragged_image_is_not_taken(window: MainWindow, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "card.png"))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_export_writes_the_contacts_shown_when_asked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    contacts = window._services.contacts
    for given, company in (("Dana", "=Acme"), ("Sam", "Globex"), ("Priya", "Hooli")):
        contacts.add_contact(ContactCard(given_name=given, family_name="X", company=company))
    window.reload_contacts()
    window.search_field.setText("acme")
    target = tmp_path / "out"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "CSV (spreadsheet) (*.csv)")
    )
    said: list[str] = []
    answer_next_message_box(
        qtbot, lambda box: next(b for b in box.buttons() if "shown" in b.text()), said
    )

    window.export_contacts()

    assert "shows 1 of your 3 contacts" in said[0]
    written = (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(written.splitlines()))
    assert tuple(rows[0]) == CSV_HEADERS
    assert len(rows) == 2
    assert rows[1][CSV_HEADERS.index("Company")] == "'=Acme", "formulas are neutralised"
    assert "Exported 1 contact" in window.statusBar().currentMessage()


def test_duplicates_model_passes_the_tester_and_takes_a_choice(
    qtmodeltester: ModelTester, window: MainWindow, tmp_path: Path
) -> None:
    services = window._services
    services.contacts.add_contact(
        ContactCard(given_name="Sam", family_name="Okafor", company="Globex")
    )
    source = services.transfer.read(write(tmp_path, "c.csv", LINKEDIN))
    plan = services.transfer.plan(source, services.transfer.mapping_for(source))
    model = DuplicatesModel()
    model.set_duplicates(plan.duplicates, DuplicateChoice.SKIP)
    qtmodeltester.check(model, force_py=True)

    index = model.index(0, COL_ACTION)
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(index, "Keep both")
    assert model.choices() == {0: DuplicateChoice.KEEP_BOTH}
    assert not model.setData(index, "Burn it")
