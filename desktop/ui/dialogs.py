"""Small dialogs that return a value; each exposes ``ask`` so tests drive them the same way."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.contacts import ContactRecord

# A bulk delete names this many people, then says how many more.
NAMED_IN_BULK = 3


def _follow_ups(count: int) -> str:
    noun = "follow-up" if count == 1 else "follow-ups"
    return f"{count} {noun} (sent and pending)"


def _listed(names: Sequence[str], total: int) -> str:
    """ "A, B and C", or "A, B, C and 9 others" when there are more than the names."""
    others = total - len(names)
    if others > 0:
        rest = "1 other" if others == 1 else f"{others} others"
        return f"{', '.join(names)} and {rest}"
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


class ConfirmDeleteContacts(QMessageBox):
    """Asks once before contacts are deleted, naming them so the wrong rows are not lost.

    ``named`` are the first few of the ``count`` contacts selected, in the table's order.
    """

    def __init__(
        self,
        named: Sequence[ContactRecord],
        count: int,
        follow_up_count: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirm_delete_contact")
        self.setIcon(QMessageBox.Icon.Warning)
        if count == 1:
            record = named[0]
            self.setWindowTitle("Delete contact")
            self.setText(f"Delete {record.formal_name}?")
            details = [part for part in (record.job_title, record.company) if part]
            lead = f"{record.formal_name} ({', '.join(details)})" if details else record.formal_name
            what = f"their notes and {_follow_ups(follow_up_count)}" if follow_up_count else ""
            self.setInformativeText(
                f"{lead}, {what or 'their notes'} will be removed from Follow-Up Desk. "
                "Edit ▸ Undo brings them back."
            )
        else:
            self.setWindowTitle("Delete contacts")
            self.setText(f"Delete {count} contacts?")
            names = [record.formal_name for record in named[:NAMED_IN_BULK]]
            what = f"their notes and {_follow_ups(follow_up_count)}" if follow_up_count else ""
            with_what = f", with {what}," if what else ", with their notes,"
            self.setInformativeText(
                f"{_listed(names, count)}{with_what} will be removed from Follow-Up Desk. "
                "Edit ▸ Undo brings them all back."
            )
        label = "Delete" if count == 1 else f"Delete {count}"
        self.delete_button = self.addButton(label, QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
        self.delete_button.setAccessibleName("Delete contact" if count == 1 else "Delete contacts")
        self.cancel_button.setAccessibleName("Cancel")

    @classmethod
    def ask(
        cls,
        named: Sequence[ContactRecord],
        count: int,
        follow_up_count: int = 0,
        parent: QWidget | None = None,
    ) -> bool:
        dialog = cls(named, count, follow_up_count, parent)
        dialog.exec()
        return dialog.clickedButton() is dialog.delete_button


class ConfirmDeleteContact(ConfirmDeleteContacts):
    """Asks before one contact is deleted, naming the person so the wrong row is not lost."""

    def __init__(
        self, record: ContactRecord, follow_up_count: int = 0, parent: QWidget | None = None
    ) -> None:
        super().__init__([record], 1, follow_up_count, parent)

    @classmethod
    def ask(  # type: ignore[override]
        cls, record: ContactRecord, follow_up_count: int = 0, parent: QWidget | None = None
    ) -> bool:
        dialog = cls(record, follow_up_count, parent)
        dialog.exec()
        return dialog.clickedButton() is dialog.delete_button


class AskSaveChanges(QMessageBox):
    """Asks what to do with unsaved edits before the card shows someone else (or closes).

    Save is the default (Return); Escape cancels, leaving the card as it is.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ask_save_changes")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle("Unsaved changes")
        self.setText(f"Save changes to {name}?")
        self.setInformativeText("Your changes to the card are lost if you don't save them.")
        self.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        self.setDefaultButton(QMessageBox.StandardButton.Save)
        self.setEscapeButton(QMessageBox.StandardButton.Cancel)

    @classmethod
    def ask(cls, name: str, parent: QWidget | None = None) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel (Cancel too if the box is closed any other way)."""
        dialog = cls(name, parent)
        dialog.exec()
        chosen = dialog.standardButton(dialog.clickedButton())
        if chosen in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard):
            return chosen
        return QMessageBox.StandardButton.Cancel
