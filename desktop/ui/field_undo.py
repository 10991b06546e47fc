"""Ctrl+Z in a text field undoes its typing; once there is none left, the window's.

QLineEdit and the text edits claim the Undo and Redo keys (by accepting the
ShortcutOverride event) whenever they have focus, even with nothing to undo, so the
window's Edit ▸ Undo would never hear them from a field. This filter lets the key through
to the window when the focused field has no undo (or redo) of its own; a field that has
some keeps it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget


def _has_own(field: QObject, key: QKeySequence.StandardKey) -> bool:
    undo = key == QKeySequence.StandardKey.Undo
    if isinstance(field, QLineEdit):
        return field.isUndoAvailable() if undo else field.isRedoAvailable()
    if isinstance(field, QPlainTextEdit | QTextEdit):
        document = field.document()
        return document.isUndoAvailable() if undo else document.isRedoAvailable()
    return True


class FieldUndoFirst(QObject):
    """Watches the text fields under a window; see the module's docstring."""

    def watch(self, root: QWidget) -> None:
        """Watch every text field under ``root`` (spin and date boxes edit in a QLineEdit)."""
        for kind in (QLineEdit, QPlainTextEdit, QTextEdit):
            for field in root.findChildren(kind):
                field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override of QObject.eventFilter: swallow, unaccepted, the override of an Undo
        or Redo the field cannot perform, so the shortcut goes to the window's action."""
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        for key in (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo):
            if event.matches(key):
                return not _has_own(watched, key)
        return False
