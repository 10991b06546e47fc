"""OptionalDateEdit: a calendar date that may also be "not set".

Qt's date edit always holds a date, so "not set" is its minimum date shown as the special
value text. Clicking or stepping an unset edit starts at today; Delete or Backspace with the
whole text selected clears it again.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QWidget

from desktop.ui.local_datetime_edit import four_digit_year

_UNSET = QDate(1752, 9, 14)  # QDateEdit's own minimum, so no real date is lost to it


class OptionalDateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(_UNSET)
        self.setSpecialValueText(self.tr("Not set"))
        self.setDisplayFormat(
            four_digit_year(self.locale().dateFormat(QLocale.FormatType.ShortFormat))
        )
        self.setDate(_UNSET)

    def date_value(self) -> date | None:
        if self.date() == _UNSET:
            return None
        picked = self.date()
        return date(picked.year(), picked.month(), picked.day())

    def set_date_value(self, value: date | None) -> None:
        self.setDate(_UNSET if value is None else QDate(value.year, value.month, value.day))

    def _start_today_if_unset(self) -> None:
        if self.date() == _UNSET:
            self.setDate(QDate.currentDate())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Override: an unset date opens its calendar on today, not in 1752."""
        self._start_today_if_unset()
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override: arrows start from today; Delete/Backspace on the whole text clears."""
        key = event.key()
        stepping = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        if key in stepping and self.date() == _UNSET:
            self._start_today_if_unset()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            self.lineEdit().selectedText() == self.text() or self.date() == _UNSET
        ):
            self.setDate(_UNSET)
            self.editingFinished.emit()
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Override: Tab leaves an unset date. Qt's date edit would step through the date's
        sections, but "Not set" has none, so Tab stayed in the edit for ever."""
        if self.date() == _UNSET:
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        """Override: stepping is allowed from "not set" (it starts at today)."""
        if self.date() == _UNSET:
            return QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return super().stepEnabled()
