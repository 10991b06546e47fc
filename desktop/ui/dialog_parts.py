"""Pieces every dialog uses the same way: plain-text labels, inline errors, OK and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.icons import themed_icon


def plain_label(text: str = "", *, wrap: bool = True, name: str = "") -> QLabel:
    """A label that shows ``text`` literally: names may contain "<b>" or "&"."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    if name:
        label.setAccessibleName(name)
    return label


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose mnemonic (the &-letter) moves the cursor to ``buddy``."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def heading_label(text: str = "", *, name: str = "") -> QLabel:
    label = plain_label(text, name=name or QCoreApplication.translate("DialogParts", "Heading"))
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    label.setFont(font)
    return label


class InfoBox(QFrame):
    """A framed note with an icon: what an action will do, or a warning before it."""

    def __init__(self, icon: str, *, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(name)
        self.icon = QLabel()
        size = self.fontMetrics().height()
        self.icon.setPixmap(themed_icon(icon).pixmap(size, size))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QVBoxLayout()
        self.text.setSpacing(6)
        row = QHBoxLayout(self)
        row.addWidget(self.icon)
        row.addLayout(self.text, 1)

    def add_label(self, name: str) -> QLabel:
        label = plain_label(name=name)
        self.text.addWidget(label)
        return label


def error_label(name: str = "") -> QLabel:
    """A hidden, red, plain-text message shown next to the field it is about."""
    label = plain_label(name=name or QCoreApplication.translate("DialogParts", "Error"))
    label.setVisible(False)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.red)  # reads on light and dark
    label.setPalette(palette)
    return label


def show_error(label: QLabel, field: QWidget, message: str) -> None:
    """Show ``message`` in ``label`` (empty: hide it); screen readers hear it on ``field``."""
    label.setText(message)
    label.setVisible(bool(message))
    field.setAccessibleDescription(message)


def fit_height(dialog: QDialog, *, shrink: bool = False) -> None:
    """Make ``dialog`` as tall as its wrapped text needs at its current width.

    Word-wrapped labels are measured right only once the dialog is styled (shown), so call
    this from ``showEvent`` and whenever text that wraps changes.
    """
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalHeightForWidth(dialog.width())
    if needed > dialog.height() or shrink:
        dialog.resize(dialog.width(), needed)


def ok_cancel_buttons(ok_text: str = "") -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """Standard OK and Cancel (in the platform's order); OK may say what it does.

    ``ok_text`` is shown as given (translate it first); "" keeps the plain "OK".
    """
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok_text = ok_text or QCoreApplication.translate("DialogParts", "OK")
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setAccessibleName(ok_text.replace("&", ""))
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setAccessibleName(QCoreApplication.translate("DialogParts", "Cancel"))
    return box, ok, cancel
