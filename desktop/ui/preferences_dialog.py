"""PreferencesDialog: every setting in one place, in sections, each with what it means.

Follow-ups (cool-down, keep-warm reminder, the usual channel), Letters (paper and envelope,
which are stored with the sender's profile, and how dates are written), Appearance (the
theme) and, when the window has a database, Backups (how many copies to keep).

A value dialog: it gets the current values and ``ask`` returns a ``PreferenceChoices`` (or
None); the caller saves it all in one go (see ``FollowUpFlow.edit_preferences``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QLocale
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.appearance import Theme
from desktop.domain.backups import KEEP_LIMITS, Retention
from desktop.domain.preferences import DEFAULT_CHANNELS, Preferences
from desktop.domain.profile import Envelope, Paper
from desktop.domain.vocabulary import Channel
from desktop.printing.dates import qt_long_date
from desktop.printing.page import default_page_spec
from desktop.ui.dialog_parts import fit_height, ok_cancel_buttons, plain_label
from desktop.ui.translations import TranslationContext
from desktop.ui.vocabulary_text import channel_text

COOLDOWN_RANGE = (0, 90)
KEEP_WARM_RANGE = (7, 730)
# The example date under "Dates": a fixed day, so the line reads the same every day.
EXAMPLE_DATE = date(2026, 11, 25)


# The module's own text (pyside6-lupdate does not read a ``_tr`` wrapper).
PaperText = TranslationContext("PaperText")


def paper_label(name: str) -> str:
    """A paper size as shown: "Letter" is a word a translation may change; A4 is not."""
    return PaperText.tr("Letter") if name == "Letter" else name


def automatic_paper_text() -> str:
    """ "Automatic (from your region: Letter)": which size Automatic prints on here."""
    return PaperText.tr("Automatic (from your region: {paper})").format(
        paper=paper_label(default_page_spec().name)
    )


def resolved_paper_name(paper: str) -> str:
    if paper == Paper.LETTER.value:
        return "Letter"
    if paper == Paper.A4.value:
        return "A4"
    return default_page_spec().name


def automatic_envelope_text(paper: str) -> str:
    """ "Automatic (#10, to match Letter paper)": the envelope that goes with the paper."""
    paper_name = resolved_paper_name(paper)
    envelope = "#10" if paper_name == "Letter" else "DL"
    return PaperText.tr("Automatic ({envelope}, to match {paper} paper)").format(
        envelope=envelope, paper=paper_label(paper_name)
    )


def example_date_text(locale: QLocale | None = None) -> str:
    """ "Dates: written the way your system's region writes them, e.g. November 25, 2026":
    the locale's long format as letters print it (without the weekday)."""
    written = qt_long_date(locale or QLocale())(EXAMPLE_DATE)
    return PaperText.tr(
        "Dates: written the way your system's region writes them, e.g. {date}"
    ).format(date=written)


@dataclass(frozen=True)
class PreferenceChoices:
    """What the dialog returns: everything on it, for the caller to save in one go."""

    preferences: Preferences
    # A Paper and an Envelope value (or a stored value this version does not know, kept);
    # None when the dialog was not asked about them.
    paper: str | None
    envelope: str | None
    retention: Retention | None  # None when the dialog had no Backups section


def _choice_box(name: str, items: list[tuple[str, str]], current: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for text, value in items:
        box.addItem(text, value)
    index = box.findData(current)
    if index < 0:
        # Keep a value this version does not know (from a newer version) rather than
        # silently changing it.
        box.addItem(current, current)
        index = box.count() - 1
    box.setCurrentIndex(index)
    return box


class PreferencesDialog(QDialog):
    def __init__(
        self,
        current: Preferences,
        parent: QWidget | None = None,
        retention: Retention | None = None,
        *,
        paper: str | None = Paper.AUTOMATIC.value,
        envelope: str | None = Envelope.AUTOMATIC.value,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(self.tr("Preferences"))
        self.setAccessibleName(self.tr("Preferences"))
        self._help: dict[QWidget, QLabel] = {}
        # No paper given: the caller cannot save it, so it is not asked.
        self.asks_paper = paper is not None
        paper = paper or Paper.AUTOMATIC.value
        envelope = envelope or Envelope.AUTOMATIC.value

        # -- follow-ups
        self.cooldown = self._days_box(self.tr("Cool-down"), COOLDOWN_RANGE, current.cooldown_days)
        self.cooldown.setSpecialValueText(self.tr("Off: never warn"))
        self.keep_warm = self._days_box(
            self.tr("Keep-warm reminder"), KEEP_WARM_RANGE, current.keep_warm_days
        )
        self.channel = _choice_box(
            self.tr("Usual way to follow up"),
            [(channel_text(channel), channel.value) for channel in DEFAULT_CHANNELS],
            current.default_channel,
        )
        self.cooldown_help = self._describe(
            self.cooldown,
            self.tr("Warn before writing to a hiring authority again this soon."),
        )
        self.keep_warm_help = self._describe(
            self.keep_warm,
            self.tr("After a rejection, remind me to get back in touch this much later."),
        )
        self.channel_help = self._describe(
            self.channel,
            self.tr("Advised unless the card lacks the address or email it needs."),
        )

        # -- letters
        self.paper = _choice_box(
            self.tr("Paper"),
            [
                (automatic_paper_text(), Paper.AUTOMATIC.value),
                (paper_label("Letter"), Paper.LETTER.value),
                ("A4", Paper.A4.value),
            ],
            paper,
        )
        self.envelope = _choice_box(
            self.tr("Envelope"),
            [
                (automatic_envelope_text(paper), Envelope.AUTOMATIC.value),
                ("#10", Envelope.COMM10.value),
                ("DL", Envelope.DL.value),
            ],
            envelope,
        )
        self.paper_help = self._describe(
            self.paper, self.tr("Letters and the printed agenda use this size.")
        )
        self.envelope_help = self._describe(
            self.envelope, self.tr("Envelopes print at this size, the addresses placed to fit.")
        )
        self.dates = plain_label(
            example_date_text(), wrap=False, name=self.tr("How dates are written")
        )
        self.paper.currentIndexChanged.connect(self._on_paper_changed)

        # -- appearance
        self.theme = _choice_box(
            self.tr("Appearance"),
            [
                (self.tr("Same as the system"), Theme.SYSTEM.value),
                (self.tr("Light"), Theme.LIGHT.value),
                (self.tr("Dark"), Theme.DARK.value),
            ],
            current.theme,
        )
        self.theme_help = self._describe(
            self.theme, self.tr("“Same as the system” turns dark and light with your computer.")
        )

        # -- backups, when the window has a database to back up
        self.keep_daily: QSpinBox | None = None
        self.keep_before: QSpinBox | None = None
        if retention is not None:
            self.keep_daily = self._count_box(
                self.tr("Daily backups to keep"), retention.keep_daily
            )
            self.keep_before = self._count_box(
                self.tr("Backups before changes to keep"), retention.keep_before
            )
            self._describe(self.keep_daily, self.tr("One copy a day, in the data folder."))
            self._describe(
                self.keep_before, self.tr("Copies made before each upgrade, import and restore.")
            )

        self.button_box, self.ok_button, self.cancel_button = ok_cancel_buttons()
        self.defaults_button = self.button_box.addButton(
            QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.defaults_button.setAccessibleName(self.tr("Restore defaults"))
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.defaults_button.clicked.connect(self.restore_defaults)

        self._build_layout()
        self.resize(600, 200)

    # -- parts ----------------------------------------------------------------------------
    def _days_box(self, name: str, limits: tuple[int, int], value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(*limits)
        one, many = self.tr(" day"), self.tr(" days")
        box.setSuffix(many)
        # "1 day", not "1 days".
        box.valueChanged.connect(lambda days: box.setSuffix(one if days == 1 else many))
        box.setValue(value)
        box.setAccessibleName(name)
        return box

    def _count_box(self, name: str, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(*KEEP_LIMITS)
        box.setValue(value)
        box.setAccessibleName(name)
        return box

    def _describe(self, control: QWidget, text: str) -> QLabel:
        """The one-line help under ``control``; screen readers hear it with the control."""
        label = plain_label(
            text, wrap=False, name=self.tr("About {name}").format(name=control.accessibleName())
        )
        # A quieter colour than the values, by role so it follows the theme live.
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        control.setAccessibleDescription(text)
        self._help[control] = label
        return label

    def _section(self, title: str, rows: list[tuple[str, QWidget] | QWidget]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        # Controls keep their size; the help lines (Expanding) take the row's width.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for row in rows:
            if isinstance(row, QWidget):
                form.addRow(row)
                continue
            text, control = row
            label = QLabel(text)
            label.setBuddy(control)
            self._row_labels.append(label)
            form.addRow(label, control)
            if (help_label := self._help.get(control)) is not None:
                form.addRow("", help_label)
        return group

    def _build_layout(self) -> None:
        # The numbers and the choices line up, each column as wide as its widest.
        spins = [b for b in (self.cooldown, self.keep_warm, self.keep_daily, self.keep_before) if b]
        width = max(box.sizeHint().width() for box in spins)
        for box in spins:
            box.setMinimumWidth(width)
        combos = [self.channel, self.theme]
        if self.asks_paper:
            combos += [self.paper, self.envelope]
        else:  # owned by the dialog, never shown
            for widget in (self.paper, self.envelope, self.paper_help, self.envelope_help):
                widget.setParent(self)
                widget.hide()
        width = max(box.sizeHint().width() for box in combos)
        for combo in combos:
            combo.setMinimumWidth(width)

        self._row_labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        self.follow_ups_section = self._section(
            self.tr("Follow-ups"),
            [
                (self.tr("&Cool-down"), self.cooldown),
                (self.tr("&Keep-warm reminder"), self.keep_warm),
                (self.tr("&Usual way"), self.channel),
            ],
        )
        self.letters_section = self._section(
            self.tr("Letters"),
            [(self.tr("P&aper"), self.paper), (self.tr("En&velope"), self.envelope), self.dates]
            if self.asks_paper
            else [self.dates],
        )
        self.appearance_section = self._section(
            self.tr("Appearance"), [(self.tr("&Theme"), self.theme)]
        )
        for section in (self.follow_ups_section, self.letters_section, self.appearance_section):
            layout.addWidget(section)
        self.backups_section: QGroupBox | None = None
        if self.keep_daily is not None and self.keep_before is not None:
            self.backups_section = self._section(
                self.tr("Backups"),
                [
                    (self.tr("&Daily copies"), self.keep_daily),
                    (self.tr("&Before changes"), self.keep_before),
                ],
            )
            layout.addWidget(self.backups_section)
        # The sections' fields line up: every label as wide as the widest.
        label_width = max(label.sizeHint().width() for label in self._row_labels)
        for label in self._row_labels:
            label.setMinimumWidth(label_width)
        layout.addStretch(1)
        layout.addWidget(self.button_box)

    # -- values ---------------------------------------------------------------------------
    def preferences(self) -> Preferences:
        channel, theme = self.channel.currentData(), self.theme.currentData()
        return Preferences(
            cooldown_days=self.cooldown.value(),
            keep_warm_days=self.keep_warm.value(),
            # A value this version does not know stays a string: saving it is refused.
            default_channel=Channel(channel) if channel in tuple(Channel) else channel,
            theme=Theme(theme) if theme in tuple(Theme) else theme,
        )

    def retention(self) -> Retention | None:
        if self.keep_daily is None or self.keep_before is None:
            return None
        return Retention(keep_daily=self.keep_daily.value(), keep_before=self.keep_before.value())

    def choices(self) -> PreferenceChoices:
        return PreferenceChoices(
            preferences=self.preferences(),
            paper=str(self.paper.currentData()) if self.asks_paper else None,
            envelope=str(self.envelope.currentData()) if self.asks_paper else None,
            retention=self.retention(),
        )

    def restore_defaults(self) -> None:
        defaults = Preferences()
        self.cooldown.setValue(defaults.cooldown_days)
        self.keep_warm.setValue(defaults.keep_warm_days)
        self.channel.setCurrentIndex(self.channel.findData(defaults.default_channel.value))
        self.theme.setCurrentIndex(self.theme.findData(defaults.theme.value))
        self.paper.setCurrentIndex(self.paper.findData(Paper.AUTOMATIC.value))
        self.envelope.setCurrentIndex(self.envelope.findData(Envelope.AUTOMATIC.value))
        if self.keep_daily is not None and self.keep_before is not None:
            self.keep_daily.setValue(Retention().keep_daily)
            self.keep_before.setValue(Retention().keep_before)

    # -- behaviour ------------------------------------------------------------------------
    def _on_paper_changed(self) -> None:
        self.envelope.setItemText(0, automatic_envelope_text(str(self.paper.currentData())))

    def showEvent(self, event: QShowEvent) -> None:
        """Override of QWidget.showEvent: as tall as the wrapped explanations need."""
        super().showEvent(event)
        fit_height(self, shrink=True)

    @classmethod
    def ask(
        cls,
        current: Preferences,
        parent: QWidget | None = None,
        retention: Retention | None = None,
        *,
        paper: str | None = Paper.AUTOMATIC.value,
        envelope: str | None = Envelope.AUTOMATIC.value,
    ) -> PreferenceChoices | None:
        """Everything as set, or None when cancelled."""
        dialog = cls(current, parent, retention, paper=paper, envelope=envelope)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.choices()
        finally:
            dialog.deleteLater()
