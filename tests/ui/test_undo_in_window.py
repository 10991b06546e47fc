"""Edit ▸ Undo and Redo through the real window: edits, new cards and deletes (one or many)
come back exactly, row for row, and Ctrl+Z in a text field still undoes its typing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import peewee
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.app import AppContext, create_main_window, open_context
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard
from desktop.ui.main_window import MainWindow
from tests.domain.deletion_world import World, build_world, dump
from tests.ui.conftest import CHICAGO
from tests.ui.helpers import (
    add_contact,
    answer_next_message_box,
    keep_window,
    table_names,
    type_card,
)

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
Desk = tuple[AppContext, World, Callable[[], MainWindow]]


@pytest.fixture
def desk(qtbot: QtBot, data_dir: Path, clock: Clock) -> Iterator[Desk]:
    """The window on a database where Dana and Sam have events, follow-ups, letters,
    an opportunity and introductions (see tests/domain/deletion_world.py)."""
    context = open_context(data_dir, clock)
    services = context.services
    world = build_world(
        services.contacts, services.follow_ups, services.opportunities, services.letters
    )

    def start() -> MainWindow:
        window = create_main_window(context, zone=lambda: CHICAGO)
        keep_window(qtbot, window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        return window

    yield context, world, start
    context.close()


def plain(text: str) -> str:
    return text.replace("&", "")


def row_of_contact(db: peewee.SqliteDatabase, contact_id: int) -> tuple[object, ...] | None:
    """The contact's whole stored row, every column as SQLite holds it."""
    cursor = db.execute_sql("SELECT * FROM contact WHERE id = ?", [contact_id])
    row: tuple[object, ...] | None = cursor.fetchone()
    return row


def click_row(qtbot: QtBot, window: MainWindow, row: int, modifier: Qt.KeyboardModifier) -> None:
    table = window.contact_table
    rect = table.visualRect(window.contact_model.index(row, 0))
    qtbot.mouseClick(table.viewport(), LEFT, modifier, rect.center())


def delete_confirmed(qtbot: QtBot, window: MainWindow, seen: list[str]) -> None:
    window.left_tabs.setCurrentWidget(window.contacts_pane)  # Today shows first when due
    window.contact_table.setFocus()
    answer_next_message_box(qtbot, lambda box: box.delete_button, seen)  # type: ignore[attr-defined]
    qtbot.keyClick(window.contact_table, Qt.Key.Key_Delete)
    assert QApplication.activeModalWidget() is None
    # The offscreen platform does not hand activation back when the box closes.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


# --- the menu ----------------------------------------------------------------------------


def test_the_edit_menu_starts_with_undo_and_redo(window: MainWindow) -> None:
    menu = next(a.menu() for a in window.menuBar().actions() if plain(a.text()) == "Edit")
    assert menu.actions()[:2] == [window.undo_action, window.redo_action]
    assert window.undo_action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)
    assert window.redo_action.shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    assert window.undo_action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert plain(window.undo_action.text()) == "Undo"


# --- edits and new cards -----------------------------------------------------------------


def test_undo_and_redo_an_edit(qtbot: QtBot, desk: Desk) -> None:
    context, world, start = desk
    window = start()
    db = context.services.db
    before = row_of_contact(db, world.dana)
    assert window.select_contact(world.dana)
    type_card(qtbot, window.card_form, job_title="VP Engineering", city="Chicago")
    qtbot.mouseClick(window.card_form.save_button, LEFT)
    after = row_of_contact(db, world.dana)
    assert after != before
    assert plain(window.undo_action.text()) == "Undo Edit Ms. Dana Davis"

    window.undo_action.trigger()

    assert row_of_contact(db, world.dana) == before  # updated_at too
    assert window.statusBar().currentMessage() == "Undid edit of Ms. Dana Davis"
    assert window.card_form.fields["job_title"].text() == "Director of Engineering"
    assert not window.isWindowModified()
    assert plain(window.redo_action.text()) == "Redo Edit Ms. Dana Davis"

    window.redo_action.trigger()

    assert row_of_contact(db, world.dana) == after
    assert window.card_form.fields["city"].text() == "Chicago"
    assert window.statusBar().currentMessage() == "Redid edit of Ms. Dana Davis"


def test_undo_and_redo_a_new_photo_of_the_card(qtbot: QtBot, desk: Desk, tmp_path: Path) -> None:
    context, world, start = desk
    window = start()
    photos = context.services.card_photos
    old = photos.get(world.dana)
    assert old is not None, "Dana's card already has a photo in this world"
    picture = QImage(320, 200, QImage.Format.Format_RGB32)
    picture.fill(QColor("teal"))
    path = tmp_path / "new-card.png"
    assert picture.save(str(path))
    assert window.select_contact(world.dana)
    assert window.card_photo.attach_file(path)
    assert window.isWindowModified(), "a new photo is an edit to save"
    qtbot.mouseClick(window.card_form.save_button, LEFT)
    new = photos.get(world.dana)
    assert new is not None and new.data != old.data

    window.undo_action.trigger()
    assert photos.get(world.dana) == old, "the photo it replaced, byte for byte"
    assert window.card_photo.has_photo() and not window.card_photo.is_modified()

    window.redo_action.trigger()
    assert photos.get(world.dana) == new


def test_undo_adding_a_contact_deletes_it_and_redo_brings_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    add_contact(qtbot, window, courtesy_title="Dr.", given_name="Ada", family_name="Lovelace")
    ada = window.card_form.contact_id
    assert ada is not None
    db = window._services.db
    row = row_of_contact(db, ada)
    assert plain(window.undo_action.text()) == "Undo Add Dr. Ada Lovelace"

    window.undo_action.trigger()

    assert table_names(window) == []
    assert row_of_contact(db, ada) is None
    assert window.card_form.contact_id is None
    assert window.statusBar().currentMessage() == "Undid adding Dr. Ada Lovelace"

    window.redo_action.trigger()

    assert table_names(window) == ["Ada Lovelace"]
    assert row_of_contact(db, ada) == row
    assert window.card_form.contact_id == ada


def test_undo_of_an_edit_asks_about_unsaved_edits_to_that_card(qtbot: QtBot, desk: Desk) -> None:
    context, world, start = desk
    window = start()
    assert window.select_contact(world.dana)
    type_card(qtbot, window.card_form, job_title="VP Engineering")
    qtbot.mouseClick(window.card_form.save_button, LEFT)
    type_card(qtbot, window.card_form, company="Globex")  # not saved
    seen: list[str] = []

    answer_next_message_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Cancel), seen)
    window.contact_table.setFocus()  # away from the field's own undo
    window.undo_action.trigger()

    assert seen[0].startswith("Save changes to Ms. Dana Davis?")
    assert context.services.contacts.get_contact(world.dana).job_title == "VP Engineering"
    assert window.card_form.fields["company"].text() == "Globex"

    answer_next_message_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Discard), seen)
    window.undo_action.trigger()

    dana = context.services.contacts.get_contact(world.dana)
    assert (dana.job_title, dana.company) == ("Director of Engineering", "Acme Robotics")
    assert window.card_form.fields["company"].text() == "Acme Robotics"


# --- deletes -----------------------------------------------------------------------------


def test_undo_a_single_delete_puts_back_every_row(
    qtbot: QtBot, desk: Desk, qtmodeltester: ModelTester
) -> None:
    context, world, start = desk
    window = start()
    qtmodeltester.check(window.contact_model)
    before = dump(context.services.db)
    assert window.select_contact(world.dana)
    seen: list[str] = []

    delete_confirmed(qtbot, window, seen)

    assert seen[0].startswith("Delete Ms. Dana Davis?\n")
    assert "4 follow-ups (sent and pending)" in seen[0]
    assert "Dana Davis" not in table_names(window)
    assert plain(window.undo_action.text()) == "Undo Delete Ms. Dana Davis"

    window.undo_action.trigger()

    assert dump(context.services.db) == before
    assert window.statusBar().currentMessage() == "Restored Ms. Dana Davis"
    assert window.card_form.contact_id == world.dana
    assert window.contacts_pane.selected_contact_ids() == [world.dana]
    assert len(window.history_view.model.records()) == 4
    # The search index caught up: she is found again, by her events too.
    qtbot.keyClicks(window.search_field, "informational")
    assert table_names(window) == ["Dana Davis"]


def test_a_bulk_delete_asks_once_and_undo_brings_everyone_back(
    qtbot: QtBot, desk: Desk, qtmodeltester: ModelTester
) -> None:
    context, world, start = desk
    window = start()
    db = context.services.db
    qtmodeltester.check(window.contact_model)
    before = dump(db)
    agenda_before = window.today_view.model.rowCount()
    assert table_names(window) == ["Ivy Chen", "Dana Davis", "Sam Okafor", "Lee Park"]
    click_row(qtbot, window, 1, Qt.KeyboardModifier.NoModifier)
    click_row(qtbot, window, 2, CTRL)
    assert window.contacts_pane.selected_contact_ids() == [world.dana, world.sam]
    seen: list[str] = []

    delete_confirmed(qtbot, window, seen)

    assert len(seen) == 1
    text, informative = seen[0].split("\n", 1)
    assert text == "Delete 2 contacts?"
    assert informative.startswith(
        "Ms. Dana Davis and Sam Okafor, with their notes and 5 follow-ups"
    )
    assert table_names(window) == ["Ivy Chen", "Lee Park"]
    assert window.statusBar().currentMessage() == "Deleted 2 contacts"
    after_delete = dump(db)
    assert plain(window.undo_action.text()) == "Undo Delete 2 contacts"

    window.undo_action.trigger()

    assert dump(db) == before  # same ids, times, events, links, follow-ups, letters, ...
    assert table_names(window) == ["Ivy Chen", "Dana Davis", "Sam Okafor", "Lee Park"]
    assert window.statusBar().currentMessage() == "Restored 2 contacts"
    assert window.contacts_pane.selected_contact_ids() == [world.dana, world.sam]
    assert window.card_form.contact_id == world.dana
    assert window.today_view.model.rowCount() == agenda_before
    assert {r.id: set(r.contact_ids) for r in window.opportunities_pane.model.records()} == {
        world.opportunity: {world.lee, world.dana}
    }

    window.redo_action.trigger()
    assert dump(db) == after_delete
    assert window.statusBar().currentMessage() == "Deleted 2 contacts"
    window.undo_action.trigger()
    assert dump(db) == before


def test_ctrl_a_and_delete_name_a_few_and_count_the_rest(qtbot: QtBot, window: MainWindow) -> None:
    for n in range(12):
        window._services.contacts.add_contact(
            ContactCard(given_name=f"Person{n:02d}", family_name="Test")
        )
    window.reload_contacts()
    window.contact_table.setFocus()
    window.contact_table.selectRow(0)
    qtbot.keyClick(window.contact_table, Qt.Key.Key_A, CTRL)
    assert len(window.contacts_pane.selected_contact_ids()) == 12
    seen: list[str] = []

    delete_confirmed(qtbot, window, seen)

    text, informative = seen[0].split("\n", 1)
    assert text == "Delete 12 contacts?"
    assert informative.startswith("Person00 Test, Person01 Test, Person02 Test and 9 others,")
    assert table_names(window) == []
    assert window.card_form.contact_id is None

    window.undo_action.trigger()
    assert len(table_names(window)) == 12
    assert window.statusBar().currentMessage() == "Restored 12 contacts"


def test_ctrl_z_in_a_text_field_undoes_its_typing_not_the_delete(qtbot: QtBot, desk: Desk) -> None:
    _context, world, start = desk
    window = start()
    assert window.select_contact(world.sam)
    delete_confirmed(qtbot, window, [])
    assert "Sam Okafor" not in table_names(window)
    search = window.search_field
    search.setFocus()
    qtbot.keyClicks(search, "zz")

    qtbot.keyClick(search, Qt.Key.Key_Z, CTRL)

    assert search.text() == ""
    assert "Sam Okafor" not in table_names(window)

    qtbot.keyClick(search, Qt.Key.Key_Z, CTRL)  # nothing left to undo in the field

    assert "Sam Okafor" in table_names(window)
    assert window.statusBar().currentMessage() == "Restored Sam Okafor"


def test_ctrl_z_on_a_freshly_loaded_card_field_undoes_the_last_change(
    qtbot: QtBot, desk: Desk
) -> None:
    _context, world, start = desk
    window = start()
    assert window.select_contact(world.sam)
    delete_confirmed(qtbot, window, [])
    edit = window.card_form.fields["job_title"]
    edit.setFocus()  # the card loaded the next person: no typing of its own to undo

    qtbot.keyClick(edit, Qt.Key.Key_Z, CTRL)

    assert "Sam Okafor" in table_names(window)


def test_an_undo_the_database_refuses_is_reported_and_dropped(qtbot: QtBot, desk: Desk) -> None:
    context, world, start = desk
    window = start()
    assert window.select_contact(world.ivy)
    delete_confirmed(qtbot, window, [])
    # A replaced database (a restored backup) could hold Ivy's id again.
    context.services.db.execute_sql(
        "INSERT INTO contact (id, given_name, category, created_at, updated_at)"
        " VALUES (?, 'Other', 'hiring-process', '2026-01-01T00:00:00+00:00',"
        " '2026-01-01T00:00:00+00:00')",
        [world.ivy],
    )
    seen: list[str] = []
    answer_next_message_box(qtbot, lambda box: box.button(QMessageBox.StandardButton.Ok), seen)

    window.undo_action.trigger()

    assert seen[0].startswith(f"Cannot bring back Ivy Chen: the contact number {world.ivy}")
    assert window.undo_stack.count() == 0
    assert not window.undo_action.isEnabled()
