"""PreferencesDialog: the numbers the follow-up rules use, each with what it means."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpacerItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.backups import KEEP_LIMITS, Retention
from desktop.domain.preferences import Preferences
from desktop.ui.dialog_parts import fit_height, ok_cancel_buttons, plain_label

COOLDOWN_RANGE = (0, 90)
KEEP_WARM_RANGE = (7, 730)
COOLDOWN_HELP = "Warn before following up with a hiring authority again within this many days."
KEEP_WARM_HELP = (
    "After a rejection is answered, remind me to get back in touch this many days later."
)
BACKUPS_HELP = (
    "A copy is made once a day, and before every upgrade, import and restore, in the data "
    "folder's backups. The oldest are removed beyond these numbers."
)


def _count_box(name: str, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(*KEEP_LIMITS)
    box.setValue(value)
    box.setAccessibleName(name)
    box.setAccessibleDescription(f"Between {KEEP_LIMITS[0]} and {KEEP_LIMITS[1]} copies.")
    return box


def _days_box(name: str, limits: tuple[int, int], value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(*limits)
    box.setSuffix(" days")
    # "1 day", not "1 days".
    box.valueChanged.connect(lambda days: box.setSuffix(" day" if days == 1 else " days"))
    box.setValue(value)
    box.setAccessibleName(name)
    box.setAccessibleDescription(f"Between {limits[0]} and {limits[1]} days.")
    return box


class PreferencesDialog(QDialog):
    def __init__(
        self,
        current: Preferences,
        parent: QWidget | None = None,
        retention: Retention | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle("Preferences")
        self.setAccessibleName("Preferences")

        self.cooldown = _days_box("Cool-down", COOLDOWN_RANGE, current.cooldown_days)
        self.cooldown.setSpecialValueText("Off: never warn")
        self.cooldown_help = plain_label(COOLDOWN_HELP, name="About the cool-down")
        self.keep_warm = _days_box("Keep-warm reminder", KEEP_WARM_RANGE, current.keep_warm_days)
        self.keep_warm_help = plain_label(KEEP_WARM_HELP, name="About the keep-warm reminder")

        width = max(self.cooldown.sizeHint().width(), self.keep_warm.sizeHint().width())
        for box in (self.cooldown, self.keep_warm):
            box.setMinimumWidth(width)  # the two numbers line up

        self.button_box, self.ok_button, self.cancel_button = ok_cancel_buttons()
        self.defaults_button = self.button_box.addButton(
            QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.defaults_button.setAccessibleName("Restore defaults")
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.defaults_button.clicked.connect(self.restore_defaults)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self._label("&Cool-down", self.cooldown), self.cooldown)
        form.addRow(self.cooldown_help)
        form.addItem(QSpacerItem(0, 8))
        form.addRow(self._label("&Keep-warm reminder", self.keep_warm), self.keep_warm)
        form.addRow(self.keep_warm_help)
        # How many backups to keep, when the window has a database to back up.
        self.keep_daily: QSpinBox | None = None
        self.keep_before: QSpinBox | None = None
        if retention is not None:
            self.keep_daily = _count_box("Daily backups to keep", retention.keep_daily)
            self.keep_before = _count_box("Backups before changes to keep", retention.keep_before)
            for box in (self.keep_daily, self.keep_before):
                box.setMinimumWidth(width)
            form.addItem(QSpacerItem(0, 8))
            form.addRow(self._label("&Daily backups to keep", self.keep_daily), self.keep_daily)
            form.addRow(self._label("Backups &before changes", self.keep_before), self.keep_before)
            form.addRow(plain_label(BACKUPS_HELP, name="About backups"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.button_box)
        self.resize(480, 200)

    def showEvent(self, event: QShowEvent) -> None:
        """Override of QWidget.showEvent: as tall as the wrapped explanations need."""
        super().showEvent(event)
        fit_height(self, shrink=True)

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def preferences(self) -> Preferences:
        return Preferences(
            cooldown_days=self.cooldown.value(), keep_warm_days=self.keep_warm.value()
        )

    def retention(self) -> Retention | None:
        if self.keep_daily is None or self.keep_before is None:
            return None
        return Retention(keep_daily=self.keep_daily.value(), keep_before=self.keep_before.value())

    def restore_defaults(self) -> None:
        defaults = Preferences()
        self.cooldown.setValue(defaults.cooldown_days)
        self.keep_warm.setValue(defaults.keep_warm_days)
        if self.keep_daily is not None and self.keep_before is not None:
            self.keep_daily.setValue(Retention().keep_daily)
            self.keep_before.setValue(Retention().keep_before)

    @classmethod
    def ask(cls, current: Preferences, parent: QWidget | None = None) -> Preferences | None:
        """The preferences as set, or None when cancelled."""
        dialog = cls(current, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.preferences()
        finally:
            dialog.deleteLater()

    @classmethod
    def ask_with_backups(
        cls, current: Preferences, retention: Retention, parent: QWidget | None = None
    ) -> tuple[Preferences, Retention] | None:
        """The preferences and how many backups to keep, or None when cancelled."""
        dialog = cls(current, parent, retention)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            chosen = dialog.retention()
            assert chosen is not None
            return dialog.preferences(), chosen
        finally:
            dialog.deleteLater()
