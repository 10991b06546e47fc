"""Small dialogs that return a value; each exposes ``ask`` so tests drive them the same way."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.contacts import ContactRecord
from desktop.ui.translations import TranslationContext

# A bulk delete names this many people, then says how many more.
NAMED_IN_BULK = 3

DeleteText = TranslationContext("DeleteText")


def _follow_ups(count: int) -> str:
    if count == 1:
        return DeleteText.tr("%n follow-up (sent and pending)", "", count)
    return DeleteText.tr("%n follow-ups (sent and pending)", "", count)


def _listed(names: Sequence[str], total: int) -> str:
    """ "A, B and C", or "A, B, C and 9 others" when there are more than the names."""
    others = total - len(names)
    if others > 0:
        if others == 1:
            text = DeleteText.tr("{names} and %n other", "", others)
        else:
            text = DeleteText.tr("{names} and %n others", "", others)
        return text.format(names=", ".join(names))
    if len(names) == 1:
        return names[0]
    return DeleteText.tr("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])


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
        follow_ups = _follow_ups(follow_up_count) if follow_up_count else ""
        if count == 1:
            record = named[0]
            self.setWindowTitle(self.tr("Delete contact"))
            self.setText(self.tr("Delete {name}?").format(name=record.formal_name))
            details = [part for part in (record.job_title, record.company) if part]
            lead = record.formal_name
            if details:
                lead = self.tr("{name} ({details})").format(
                    name=record.formal_name, details=", ".join(details)
                )
            if follow_ups:
                informative = self.tr(
                    "{person}, their notes and {follow_ups} will be removed from Follow-Up Desk. "
                    "Edit ▸ Undo brings them back."
                )
            else:
                informative = self.tr(
                    "{person}, their notes will be removed from Follow-Up Desk. "
                    "Edit ▸ Undo brings them back."
                )
            self.setInformativeText(informative.format(person=lead, follow_ups=follow_ups))
        else:
            self.setWindowTitle(self.tr("Delete contacts"))
            # Plural texts use the module's context: self.tr loses plural forms in a subclass.
            self.setText(DeleteText.tr("Delete %n contacts?", "", count))
            names = [record.formal_name for record in named[:NAMED_IN_BULK]]
            if follow_ups:
                informative = self.tr(
                    "{people}, with their notes and {follow_ups}, will be removed from "
                    "Follow-Up Desk. Edit ▸ Undo brings them all back."
                )
            else:
                informative = self.tr(
                    "{people}, with their notes, will be removed from Follow-Up Desk. "
                    "Edit ▸ Undo brings them all back."
                )
            self.setInformativeText(
                informative.format(people=_listed(names, count), follow_ups=follow_ups)
            )
        label = self.tr("Delete") if count == 1 else DeleteText.tr("Delete %n", "", count)
        self.delete_button = self.addButton(label, QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
        self.delete_button.setAccessibleName(
            self.tr("Delete contact") if count == 1 else self.tr("Delete contacts")
        )
        self.cancel_button.setAccessibleName(self.tr("Cancel"))

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
        self.setWindowTitle(self.tr("Unsaved changes"))
        self.setText(self.tr("Save changes to {name}?").format(name=name))
        self.setInformativeText(
            self.tr("Your changes to the card are lost if you don't save them.")
        )
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
