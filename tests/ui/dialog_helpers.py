"""Driving dialogs the way a person does: answering a modal ``ask``, checking names, ticks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from PySide6.QtCore import QDate, QDateTime, QModelIndex, Qt, QTime, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain.contacts import ContactRecord
from desktop.ui.contact_picker import ContactChecklist, ContactIdRole

D = TypeVar("D", bound=QDialog)

# Polls every 10 ms for the modal to open; gives up (and says so) after five seconds.
_POLL_MS = 10
_GIVE_UP_AFTER = 500


def answer_next_dialog(
    qtbot: QtBot, dialog_type: type[D], answer: Callable[[D], None]
) -> list[BaseException]:
    """When the next modal ``dialog_type`` opens, run ``answer`` on it (clicks, typing).

    Returns a list that collects what went wrong: an assertion raised inside ``answer``, or
    the dialog still open afterwards. Either way the dialog is rejected, so a failing check
    never leaves a modal open (it would hang the run); assert the list is empty after ``ask``.
    """
    errors: list[BaseException] = []
    attempts = 0

    def attempt() -> None:
        nonlocal attempts
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, dialog_type):
            attempts += 1
            if attempts < _GIVE_UP_AFTER:
                QTimer.singleShot(_POLL_MS, attempt)
            else:
                errors.append(AssertionError(f"no {dialog_type.__name__} opened"))
            return
        try:
            answer(dialog)
        except BaseException as exc:  # reported after ask() returns, not lost in the loop
            errors.append(exc)
        if dialog.isVisible():
            if not errors:
                errors.append(AssertionError(f"{dialog_type.__name__} was still open"))
            dialog.reject()

    QTimer.singleShot(0, attempt)
    return errors


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as helpers.type_text does (ASCII as key presses, the rest
    as an input method delivers it), without importing the main window: a dialog's tests
    stand on their own."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def click_button(
    qtbot: QtBot, box: QDialogButtonBox, which: QDialogButtonBox.StandardButton
) -> None:
    button = box.button(which)
    assert button is not None, f"no {which} button"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_check_box(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its tick square (a click past the end of its text does nothing)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    square = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=square.center())


def unnamed_focusable_widgets(root: QWidget) -> list[str]:
    """Widgets a keyboard user can reach that a screen reader would not name.

    The line edit inside a spin box or combo box is part of that control and shares its name.
    """
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox):
            continue
        if not widget.accessibleName():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def show_dialog(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)


def visible_index(checklist: ContactChecklist, contact_id: int) -> QModelIndex:
    """The list row showing ``contact_id`` (it must pass the current filter)."""
    for row in range(checklist.proxy.rowCount()):
        index = checklist.proxy.index(row, 0)
        if index.data(ContactIdRole) == contact_id:
            return index
    raise AssertionError(f"contact {contact_id} is not shown")


def click_row(qtbot: QtBot, checklist: ContactChecklist, contact_id: int) -> None:
    """Click on a person's name in the list (which ticks or selects them)."""
    index = visible_index(checklist, contact_id)
    checklist.view.scrollTo(index)
    rect = checklist.view.visualRect(index)
    qtbot.mouseClick(checklist.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def double_click_row(qtbot: QtBot, checklist: ContactChecklist, contact_id: int) -> None:
    """A double-click as the system delivers it: a click, then the second press."""
    index = visible_index(checklist, contact_id)
    checklist.view.scrollTo(index)
    centre = checklist.view.visualRect(index).center()
    viewport = checklist.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)


def set_wall_clock(edit: QDateTimeEdit, moment: datetime) -> None:
    """Put a naive wall-clock time into a date-time edit, as typing it would."""
    edit.setDateTime(
        QDateTime(
            QDate(moment.year, moment.month, moment.day),
            QTime(moment.hour, moment.minute),
            edit.timeZone(),
        )
    )


WHEN = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def contact(contact_id: int, given: str, family: str, **extra: Any) -> ContactRecord:
    return ContactRecord(
        id=contact_id,
        given_name=given,
        family_name=family,
        created_at=WHEN,
        updated_at=WHEN,
        **extra,
    )


PEOPLE = [
    contact(
        1, "Dana", "Davis", courtesy_title="Ms.", job_title="Engineering Manager", company="Acme"
    ),
    contact(2, "Lee", "Wong", courtesy_title="Mr.", job_title="Recruiter", company="Acme"),
    contact(
        3, "Zoë", "Ñúñez", courtesy_title="Dr.", job_title="Head of Research", company="Initech"
    ),
    contact(4, "Priya", "Raman", job_title="Staff Engineer", company="Globex"),
    contact(5, "Sam", "<b>Bold</b> & Co", company="Tom & Jerry's"),
    contact(6, "Alex", "Kim"),
]
