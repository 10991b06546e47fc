"""ProfileDialog: who signs the letters, and the return address above them.

A value dialog: it gets the current ``Profile`` and ``ask`` returns the edited one (or None);
the caller saves it. On first run it says why it is asked, and "Later" puts it off. Paper
and envelope sizes are stored in the profile too but edited in Preferences (Letters); this
dialog hands them back unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.letters import DEFAULT_CLOSING, sender_block
from desktop.domain.profile import PROFILE_FIELDS, Profile, validate_profile
from desktop.ui.dialog_parts import (
    error_label,
    fit_height,
    heading_label,
    ok_cancel_buttons,
    plain_label,
    show_error,
)
from desktop.ui.translations import QT_TRANSLATE_NOOP

# Letter text, not interface text: printed as chosen, in the language of the letters.
CLOSINGS = ("Sincerely,", "Best regards,", "Kind regards,", "With thanks,")
# Shown translated (ProfileDialog.tr); in English these are the texts themselves.
WELCOME_HEADING = QT_TRANSLATE_NOOP("ProfileDialog", "Welcome to Follow-Up Desk")
WELCOME_TEXT = QT_TRANSLATE_NOOP(
    "ProfileDialog",
    "Letters are signed with the name below and printed with this return address above the "
    "date. Fill in what you want on your letters; you can change it at any time.",
)
NO_ADDRESS_TEXT = QT_TRANSLATE_NOOP(
    "ProfileDialog", "No return address yet: letters start with the date."
)
# The fields this dialog edits: all but the paper and envelope (see Preferences).
_EDITED_FIELDS = tuple(f for f in PROFILE_FIELDS if f not in ("paper", "envelope"))

# Line edits: field -> (accessible name, placeholder), translated in "ProfileDialog".
_LINE_FIELDS: dict[str, tuple[str, str]] = {
    "name": (
        QT_TRANSLATE_NOOP("ProfileDialog", "Your name"),
        QT_TRANSLATE_NOOP("ProfileDialog", "Your name, as you sign your letters"),
    ),
    "city": (QT_TRANSLATE_NOOP("ProfileDialog", "City"), ""),
    "region": (QT_TRANSLATE_NOOP("ProfileDialog", "State / region"), ""),
    "postal_code": (QT_TRANSLATE_NOOP("ProfileDialog", "Postal code"), ""),
    "country": (
        QT_TRANSLATE_NOOP("ProfileDialog", "Country"),
        QT_TRANSLATE_NOOP("ProfileDialog", "Only if you write abroad"),
    ),
    "phone": (
        QT_TRANSLATE_NOOP("ProfileDialog", "Phone"),
        QT_TRANSLATE_NOOP("ProfileDialog", "e.g. (555) 010-2000"),
    ),
    "email": (
        QT_TRANSLATE_NOOP("ProfileDialog", "Email"),
        QT_TRANSLATE_NOOP("ProfileDialog", "name@example.com"),
    ),
}
# The accessible name of the error line under each field ("other": fields it lacks).
_ERROR_NAMES: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("ProfileDialog", "Name: error"),
    "street": QT_TRANSLATE_NOOP("ProfileDialog", "Street: error"),
    "city": QT_TRANSLATE_NOOP("ProfileDialog", "City: error"),
    "region": QT_TRANSLATE_NOOP("ProfileDialog", "Region: error"),
    "postal_code": QT_TRANSLATE_NOOP("ProfileDialog", "Postal code: error"),
    "country": QT_TRANSLATE_NOOP("ProfileDialog", "Country: error"),
    "phone": QT_TRANSLATE_NOOP("ProfileDialog", "Phone: error"),
    "email": QT_TRANSLATE_NOOP("ProfileDialog", "Email: error"),
    "closing": QT_TRANSLATE_NOOP("ProfileDialog", "Closing: error"),
    "other": QT_TRANSLATE_NOOP("ProfileDialog", "Other: error"),
}


def _tr(text: str) -> str:
    """``text`` (marked above with QT_TRANSLATE_NOOP) translated in "ProfileDialog"."""
    return QCoreApplication.translate("ProfileDialog", text)


def return_address_text(profile: Profile) -> str:
    """What the preview box shows: the block above the date, then the signature."""
    block = sender_block(profile.sender())
    top = "\n".join(block) if block else _tr(NO_ADDRESS_TEXT)
    closing = profile.closing or DEFAULT_CLOSING
    name = profile.name or QCoreApplication.translate("ProfileDialog", "(your name)")
    return f"{top}\n\n…\n\n{closing}\n{name}"


class ProfileDialog(QDialog):
    def __init__(
        self, current: Profile, *, first_run: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("profile")
        title = self.tr("Welcome: your profile") if first_run else self.tr("Your profile")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._first_run = first_run
        # Edited in Preferences, handed back as they came.
        self._paper = current.paper
        self._envelope = current.envelope

        self.welcome_heading = heading_label(self.tr(WELCOME_HEADING), name=self.tr("Welcome"))
        self.welcome = plain_label(self.tr(WELCOME_TEXT), name=self.tr("Why this is asked"))
        self.welcome_heading.setVisible(first_run)
        self.welcome.setVisible(first_run)

        self.fields: dict[str, QLineEdit] = {}
        for field, (name, placeholder) in _LINE_FIELDS.items():
            edit = QLineEdit(str(getattr(current, field)))
            edit.setAccessibleName(_tr(name))
            edit.setPlaceholderText(_tr(placeholder) if placeholder else "")
            self.fields[field] = edit
        self.fields["postal_code"].setMaximumWidth(self.fontMetrics().averageCharWidth() * 14)

        self.street = QPlainTextEdit(current.street)
        self.street.setAccessibleName(self.tr("Street"))
        self.street.setAccessibleDescription(
            self.tr("One or two lines: street and number, apartment")
        )
        self.street.setPlaceholderText(self.tr("Street and number\nApartment or suite (optional)"))
        self.street.setTabChangesFocus(True)
        self.street.setFixedHeight(self.street.fontMetrics().lineSpacing() * 2 + 14)

        self.closing = QComboBox()
        self.closing.setEditable(True)
        self.closing.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.closing.addItems(CLOSINGS)
        self.closing.setEditText(current.closing)
        self.closing.setAccessibleName(self.tr("Closing"))
        if (line_edit := self.closing.lineEdit()) is not None:
            line_edit.setPlaceholderText(DEFAULT_CLOSING)
            line_edit.setAccessibleName(self.tr("Closing"))

        # One hidden error line under each field; "other" catches fields this form lacks.
        self.error_labels: dict[str, QLabel] = {
            field: error_label(_tr(_ERROR_NAMES[field])) for field in (*_EDITED_FIELDS, "other")
        }

        self.preview = plain_label(name=self.tr("Return address preview"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.preview.setFixedWidth(self.fontMetrics().averageCharWidth() * 30)

        self.button_box, self.ok_button, self.cancel_button = ok_cancel_buttons(self.tr("Save"))
        if first_run:
            self.cancel_button.setText(self.tr("Later"))
            self.cancel_button.setAccessibleName(self.tr("Later"))
            self.cancel_button.setToolTip(
                self.tr("Print letters without a name or return address for now")
            )
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        self._build_layout()
        self._connect_edits()
        self._refresh_preview()
        # A stored value this version does not accept (an email saved before it was checked).
        if stored_errors := self._validate():
            self.show_errors(stored_errors)
        self.resize(720, 460)
        self.fields["name"].setFocus()

    # -- layout ---------------------------------------------------------------------------
    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._add_row(form, self.tr("&Name"), self.fields["name"], "name")
        street_label = self._label(self.tr("&Street"), self.street)
        street_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(street_label, self.street)
        form.addRow(self.error_labels["street"])
        self._add_row(form, self.tr("Cit&y"), self.fields["city"], "city")

        region_row = QHBoxLayout()
        region_row.addWidget(self.fields["region"], 1)
        region_row.addSpacing(8)
        region_row.addWidget(self._label(self.tr("Postal c&ode"), self.fields["postal_code"]))
        region_row.addWidget(self.fields["postal_code"])
        form.addRow(self._label(self.tr("State / re&gion"), self.fields["region"]), region_row)
        form.addRow(self.error_labels["region"])
        form.addRow(self.error_labels["postal_code"])
        self._add_row(form, self.tr("Co&untry"), self.fields["country"], "country")
        self._add_row(form, self.tr("&Phone"), self.fields["phone"], "phone")
        self._add_row(form, self.tr("&Email"), self.fields["email"], "email")
        form.addItem(QSpacerItem(0, 6))
        self._add_row(form, self.tr("&Closing"), self.closing, "closing")
        form.addRow(self.error_labels["other"])

        sheet = QFrame()
        sheet.setObjectName("return_address_sheet")
        sheet.setFrameShape(QFrame.Shape.StyledPanel)
        sheet.setBackgroundRole(QPalette.ColorRole.Base)
        sheet.setAutoFillBackground(True)
        sheet_layout = QVBoxLayout(sheet)
        sheet_layout.setContentsMargins(14, 12, 14, 12)
        sheet_layout.addWidget(self.preview)
        preview_caption = plain_label(self.tr("On your letters"), name=self.tr("Preview caption"))
        preview_column = QVBoxLayout()
        preview_column.addWidget(preview_caption)
        preview_column.addWidget(sheet)
        preview_column.addStretch(1)

        form_column = QVBoxLayout()
        form_column.addLayout(form)
        form_column.addStretch(1)  # spare height goes below the form, not into its rows
        body = QHBoxLayout()
        body.addLayout(form_column, 1)
        body.addSpacing(12)
        body.addLayout(preview_column)

        layout = QVBoxLayout(self)
        layout.addWidget(self.welcome_heading)
        layout.addWidget(self.welcome)
        if self._first_run:
            layout.addSpacing(6)
        layout.addLayout(body, 1)
        layout.addWidget(self.button_box)

    def _add_row(self, form: QFormLayout, text: str, field: QWidget, name: str) -> None:
        label = self._label(text, field)
        if name == "name":
            self._name_label = label
        form.addRow(label, field)
        # Spanning the row: a QFormLayout field cell mismeasures wrapped text. The indent
        # (set once laid out) lines the message up under the field.
        form.addRow(self.error_labels[name])

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _connect_edits(self) -> None:
        for edit in self.fields.values():
            edit.textEdited.connect(self._on_edit)
        self.fields["email"].editingFinished.connect(self._check_email)
        self.street.textChanged.connect(self._on_edit)
        self.closing.editTextChanged.connect(self._on_edit)

    # -- values ---------------------------------------------------------------------------
    def profile(self) -> Profile:
        values = {field: edit.text().strip() for field, edit in self.fields.items()}
        return Profile(
            **values,
            street=self.street.toPlainText().strip(),
            closing=self.closing.currentText().strip(),
            paper=self._paper,
            envelope=self._envelope,
        )

    def _validate(self) -> dict[str, str]:
        """The errors of the fields this dialog edits (paper and envelope are not its own)."""
        errors = validate_profile(self.profile())
        return {field: message for field, message in errors.items() if field in _EDITED_FIELDS}

    def errors(self) -> dict[str, str]:
        """The errors shown now, by field."""
        return {
            field: label.text()
            for field, label in self.error_labels.items()
            if label.isVisibleTo(self)
        }

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message under its field (and nothing under the others)."""
        unplaced = [message for field, message in errors.items() if field not in _EDITED_FIELDS]
        for field, label in self.error_labels.items():
            message = " ".join(unplaced) if field == "other" else errors.get(field, "")
            show_error(label, self._field_widget(field), message)
        self.ok_button.setEnabled(not errors)
        fit_height(self)

    def accept(self) -> None:
        """Override of QDialog.accept: refused while the profile has an error."""
        errors = self._validate()
        self.show_errors(errors)
        if errors:
            first = next(iter(errors))
            self._field_widget(first).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    # -- behaviour ------------------------------------------------------------------------
    def _field_widget(self, field: str) -> QWidget:
        others: dict[str, QWidget] = {
            "street": self.street,
            "closing": self.closing,
        }
        return self.fields.get(field) or others.get(field) or self.fields["name"]

    def _on_edit(self) -> None:
        self._refresh_preview()
        if shown := self.errors():
            # Once an error shows, it goes as soon as it is fixed (but new ones wait for
            # OK or for leaving the field, so half-typed input is not scolded).
            current = self._validate()
            self.show_errors({f: m for f, m in current.items() if f in shown})

    def _check_email(self) -> None:
        problem = self._validate().get("email", "")
        errors = {f: m for f, m in self.errors().items() if f != "email"}
        if problem:
            errors["email"] = problem
        self.show_errors(errors)

    def _refresh_preview(self) -> None:
        self.preview.setText(return_address_text(self.profile()))

    def showEvent(self, event: QShowEvent) -> None:
        """Override of QWidget.showEvent: as tall as the form and wrapped text need."""
        super().showEvent(event)
        if (layout := self.layout()) is not None:
            layout.activate()
        indent = self.fields["name"].x() - self._name_label.x()
        for label in self.error_labels.values():
            label.setIndent(indent)
        fit_height(self, shrink=True)

    @classmethod
    def ask(
        cls, current: Profile, *, first_run: bool = False, parent: QWidget | None = None
    ) -> Profile | None:
        """The profile as entered, or None when cancelled (or put off with "Later")."""
        dialog = cls(current, first_run=first_run, parent=parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.profile()
        finally:
            dialog.deleteLater()
