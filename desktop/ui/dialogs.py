"""Small dialogs that return a value; each exposes ``ask`` so tests drive it the same way."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.contacts import ContactRecord


class ConfirmDeleteContact(QMessageBox):
    """Asks before a contact is deleted, naming the person so the wrong row is not lost."""

    def __init__(
        self, record: ContactRecord, follow_up_count: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirm_delete_contact")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Delete contact")
        self.setText(f"Delete {record.formal_name}?")
        details = [part for part in (record.job_title, record.company) if part]
        lead = f"{record.formal_name} ({', '.join(details)})" if details else record.formal_name
        if follow_up_count:
            noun = "follow-up" if follow_up_count == 1 else "follow-ups"
            what = f"their notes and {follow_up_count} {noun} (sent and pending)"
        else:
            what = "their notes"
        self.setInformativeText(f"{lead}, {what} will be removed from Follow-Up Desk.")
        self.delete_button = self.addButton("Delete", QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
        self.delete_button.setAccessibleName("Delete contact")
        self.cancel_button.setAccessibleName("Cancel")

    @classmethod
    def ask(
        cls, record: ContactRecord, follow_up_count: int = 0, parent: QWidget | None = None
    ) -> bool:
        dialog = cls(record, follow_up_count, parent)
        dialog.exec()
        return dialog.clickedButton() is dialog.delete_button
