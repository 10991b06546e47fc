"""Pieces every dialog uses the same way: plain-text labels, inline errors, OK and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
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
from desktop.ui.theme import error_text_colour

_PALETTE_CHANGES = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


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


class IconLabel(QLabel):
    """A themed icon drawn into a label, redrawn in the new colours when the palette
    changes (light to dark): a pixmap, unlike an icon on a button, is drawn only once."""

    def __init__(self, icon: str, side: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon = icon
        self._side = side
        self._draw()

    def _draw(self) -> None:
        self.setPixmap(themed_icon(self._icon).pixmap(self._side, self._side))

    def changeEvent(self, event: QEvent) -> None:
        """Override of QWidget.changeEvent: redraw the icon for a new palette."""
        super().changeEvent(event)
        if event.type() in _PALETTE_CHANGES:
            self._draw()


class InfoBox(QFrame):
    """A framed note with an icon: what an action will do, or a warning before it."""

    def __init__(self, icon: str, *, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(name)
        self.icon = IconLabel(icon, self.fontMetrics().height())
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


class ErrorLabel(QLabel):
    """Plain text in the error colour of the palette it is on (``error_text_colour``),
    chosen again when the palette changes, so it stays readable in light and dark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._colour_text()

    def _colour_text(self) -> None:
        palette = self.palette()
        wanted = error_text_colour(palette)
        # Setting the palette sends PaletteChange again: only set what differs.
        if palette.color(QPalette.ColorRole.WindowText) != wanted:
            palette.setColor(QPalette.ColorRole.WindowText, wanted)
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        """Override of QWidget.changeEvent: the error colour follows the window's."""
        super().changeEvent(event)
        if event.type() in _PALETTE_CHANGES:
            self._colour_text()


def error_label(name: str = "") -> QLabel:
    """A hidden plain-text message in the error colour, shown next to the field it is
    about (an ``ErrorLabel``)."""
    label = ErrorLabel()
    label.setAccessibleName(name or QCoreApplication.translate("DialogParts", "Error"))
    label.setVisible(False)
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
