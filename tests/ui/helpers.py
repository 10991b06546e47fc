"""Driving the real widgets the way a person does: typing, clicking, answering dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.business_card_form import BusinessCardForm
from desktop.ui.main_window import MainWindow


def keep_window(qtbot: QtBot, window: MainWindow) -> None:
    """Close ``window`` when the test ends, dropping unsaved card edits first: otherwise it
    would ask whether to save them, and nobody would answer."""
    qtbot.addWidget(window, before_close_func=lambda _: window.card_form.revert())


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``: ASCII as key presses, anything else the way an input
    method delivers it (QTest can only press keys that exist on a US keyboard)."""
    for char in text:
        if char == "\n":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def type_card(qtbot: QtBot, form: BusinessCardForm, **values: str) -> None:
    """Type each value into its field with real key events (courtesy title: pick by text)."""
    title = values.pop("courtesy_title", None)
    if title is not None:
        form.courtesy_title.setCurrentIndex(form.courtesy_title.findData(title))
        form.courtesy_title.activated.emit(form.courtesy_title.currentIndex())
    for name, text in values.items():
        if name == "notes":
            form.notes.setFocus()
            type_text(qtbot, form.notes, text)
            continue
        edit = form.fields[name]
        edit.setFocus()
        edit.selectAll()
        type_text(qtbot, edit, text)


def add_contact(qtbot: QtBot, window: MainWindow, **values: str) -> None:
    window.new_action.trigger()
    type_card(qtbot, window.card_form, **values)
    qtbot.mouseClick(window.card_form.save_button, Qt.MouseButton.LeftButton)


def table_names(window: MainWindow) -> list[str]:
    model = window.contact_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def answer_next_message_box(
    qtbot: QtBot, choose: Callable[[QMessageBox], QWidget | None], seen: list[str]
) -> None:
    """When the next modal message box opens, record its text and click what ``choose`` picks."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        button = choose(box)
        if button is None:  # never leave a modal open: it would hang the test run
            box.reject()
            raise AssertionError("the message box has no such button")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)
