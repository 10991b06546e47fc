"""CardPasteFilter: notice a whole email signature pasted into one field of the card.

Kept apart from the paste dialog so the form can watch for pastes without loading the
recogniser at start: it is imported on the first paste.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit


class CardPasteFilter(QObject):
    """Watches a line edit for a paste of a whole signature (Ctrl+V, Shift+Insert).

    A paste that ``looks_like_card_text`` is not put into the field; ``card_text_pasted``
    carries the text instead, so the form can open PasteCardDialog. Anything else pastes
    as usual. Install with ``edit.installEventFilter(filter)``.
    """

    card_text_pasted = Signal(str)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override of QObject.eventFilter."""
        if (
            isinstance(watched, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
        ):
            from desktop.domain.card_text import looks_like_card_text

            text = QGuiApplication.clipboard().text()
            if looks_like_card_text(text):
                self.card_text_pasted.emit(text)
                return True
        return super().eventFilter(watched, event)
