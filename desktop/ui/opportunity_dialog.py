"""OpportunityDialog: a company and position, where it stands, and the people involved."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.opportunities import OpportunityDraft, OpportunityRecord, validate_opportunity
from desktop.domain.vocabulary import OpportunityStatus
from desktop.ui.contact_picker import ContactChecklist, PersonToChoose
from desktop.ui.dialog_parts import buddy_label, error_label, ok_cancel_buttons, show_error
from desktop.ui.vocabulary_text import opportunity_status_text


class OpportunityDialog(QDialog):
    def __init__(
        self,
        contacts: Sequence[PersonToChoose],
        *,
        record: OpportunityRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("opportunity")
        title = self.tr("New opportunity") if record is None else self.tr("Edit opportunity")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        draft = record or OpportunityDraft()

        self.company = QLineEdit(draft.company)
        self.company.setPlaceholderText(self.tr("e.g. Acme"))
        self.company.setAccessibleName(self.tr("Company"))
        self.company.setClearButtonEnabled(True)
        self.position = QLineEdit(draft.position)
        self.position.setPlaceholderText(self.tr("e.g. Engineering Manager"))
        self.position.setAccessibleName(self.tr("Position"))
        self.position.setClearButtonEnabled(True)
        self.company_error = error_label(self.tr("Company or position: error"))

        self.status = QComboBox()
        for status in OpportunityStatus:
            self.status.addItem(opportunity_status_text(status), status.value)
        index = self.status.findData(draft.status)
        if index < 0:
            # Keep a status this version does not know rather than silently changing it.
            self.status.addItem(draft.status, draft.status)
            index = self.status.count() - 1
        self.status.setCurrentIndex(index)
        self.status.setAccessibleName(self.tr("Status"))

        self.people = ContactChecklist(
            contacts,
            multi=True,
            chosen=draft.contact_ids,
            name=self.tr("People in the hiring process"),
        )

        self.notes = QPlainTextEdit(draft.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Where you saw it, salary range, what they need"))
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 4 + 12)

        self.button_box, self.ok_button, self.cancel_button = ok_cancel_buttons(self.tr("Save"))
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(buddy_label(self.tr("&Company"), self.company), self.company)
        form.addRow(buddy_label(self.tr("&Position"), self.position), self.position)
        form.addRow("", self.company_error)
        form.addRow(buddy_label(self.tr("&Status"), self.status), self.status)
        people_label = buddy_label(self.tr("People in the\n&hiring process"), self.people)
        people_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(people_label, self.people)
        form.addRow(buddy_label(self.tr("&Notes"), self.notes), self.notes)

        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.button_box)

        self.company.textEdited.connect(self._clear_error)
        self.position.textEdited.connect(self._clear_error)
        self.resize(560, 560)
        self.company.setFocus()

    def draft(self) -> OpportunityDraft:
        return OpportunityDraft(
            company=self.company.text().strip(),
            position=self.position.text().strip(),
            status=str(self.status.currentData()),
            notes=self.notes.toPlainText(),
            contact_ids=tuple(self.people.chosen_ids()),
        )

    def error_text(self) -> str:
        return self.company_error.text() if self.company_error.isVisibleTo(self) else ""

    def accept(self) -> None:
        """Override of QDialog.accept: an opportunity needs a company or a position."""
        message = validate_opportunity(self.draft()).get("company", "")
        if message:
            show_error(self.company_error, self.company, message)
            self.position.setAccessibleDescription(message)
            self.company.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def _clear_error(self) -> None:
        if self.company.text().strip() or self.position.text().strip():
            show_error(self.company_error, self.company, "")
            self.position.setAccessibleDescription("")

    @classmethod
    def ask(
        cls,
        contacts: Sequence[PersonToChoose],
        *,
        record: OpportunityRecord | None = None,
        parent: QWidget | None = None,
    ) -> OpportunityDraft | None:
        """The opportunity as entered, or None when cancelled."""
        dialog = cls(contacts, record=record, parent=parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.draft()
        finally:
            dialog.deleteLater()
