"""Undoable changes to contacts: what Edit ▸ Undo and Redo replay.

A command is pushed once its change is made (so its first ``redo`` does nothing) and holds
what it needs to go back and forth through the domain: the stored record before and after
an edit, the snapshot of everything a delete took. After each step it reports a
``ContactChange``; the window refreshes its views from that, as it does after any other
operation. A step the domain refuses (ids in use again after a backup was restored, say)
is reported as a failure and the command is made obsolete, which takes it off the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtGui import QUndoCommand

from desktop.domain.card_photos import KEEP_PHOTO, PhotoChange
from desktop.domain.contact_snapshot import DeletedContacts
from desktop.domain.contacts import ContactRecord, ContactService
from desktop.domain.errors import FollowUpDeskError
from desktop.ui.translations import TranslationContext

# QUndoCommand is no QObject (no self.tr): its text is translated in this context.
UndoText = TranslationContext("UndoText")


def _describe(deleted: DeletedContacts) -> str:
    """ "Ms. Dana Davis" for one contact, "12 contacts" for more."""
    if deleted.count == 1:
        return deleted.records[0].formal_name
    return UndoText.tr("%n contacts", "", deleted.count)


@dataclass(frozen=True)
class ContactChange:
    """What one undo or redo did, for the window to show."""

    message: str  # for the status bar: "Restored 12 contacts"
    shown: tuple[int, ...] = ()  # contacts back or changed: worth selecting, first on the card
    removed: frozenset[int] = field(default_factory=frozenset)  # contacts gone now


Report = Callable[[ContactChange], None]
ReportFailure = Callable[[str, str], None]  # title, message


class ContactCommand(QUndoCommand):
    """The steps of one change to contacts, and the contacts it touches."""

    def __init__(
        self, text: str, contacts: ContactService, report: Report, failed: ReportFailure
    ) -> None:
        super().__init__(text)
        self._contacts = contacts
        self._report = report
        self._failed = failed
        self._pushed = False

    def contact_ids(self) -> frozenset[int]:
        """The contacts an undo or redo of this command writes to."""
        raise NotImplementedError

    def undo(self) -> None:
        """Override of QUndoCommand.undo."""
        self._run(self._undo, UndoText.tr("Could not undo “{command}”"))

    def redo(self) -> None:
        """Override of QUndoCommand.redo; the first call, from ``push``, finds it done."""
        if not self._pushed:
            self._pushed = True
            return
        self._run(self._redo, UndoText.tr("Could not redo “{command}”"))

    def _undo(self) -> ContactChange:
        raise NotImplementedError

    def _redo(self) -> ContactChange:
        raise NotImplementedError

    def _run(self, step: Callable[[], ContactChange], title: str) -> None:
        try:
            change = step()
        except FollowUpDeskError as exc:
            self.setObsolete(True)
            self._failed(title.format(command=self.text()), str(exc))
            return
        self._report(change)


class EditContactCommand(ContactCommand):
    """A saved edit of one card: undo writes back the record as it was, times and all."""

    def __init__(
        self,
        before: ContactRecord,
        after: ContactRecord,
        contacts: ContactService,
        report: Report,
        failed: ReportFailure,
        photos: tuple[PhotoChange, PhotoChange] = (KEEP_PHOTO, KEEP_PHOTO),
    ) -> None:
        """``photos``: the card's photo before and after the edit (StoredPhoto or None), when
        the edit changed it; KEEP_PHOTO for an edit that left it alone."""
        super().__init__(
            UndoText.tr("Edit {name}").format(name=after.formal_name), contacts, report, failed
        )
        self._before = before
        self._after = after
        self._photo_before, self._photo_after = photos

    def contact_ids(self) -> frozenset[int]:
        return frozenset({self._after.id})

    def _undo(self) -> ContactChange:
        restored = self._contacts.put_back(self._before, photo=self._photo_before)
        return ContactChange(
            UndoText.tr("Undid edit of {name}").format(name=restored.formal_name),
            shown=(restored.id,),
        )

    def _redo(self) -> ContactChange:
        restored = self._contacts.put_back(self._after, photo=self._photo_after)
        return ContactChange(
            UndoText.tr("Redid edit of {name}").format(name=restored.formal_name),
            shown=(restored.id,),
        )


class AddContactCommand(ContactCommand):
    """A new card saved: undo deletes it again (with anything added to it since), redo
    brings it back as it was."""

    def __init__(
        self, added: ContactRecord, contacts: ContactService, report: Report, failed: ReportFailure
    ) -> None:
        super().__init__(
            UndoText.tr("Add {name}").format(name=added.formal_name), contacts, report, failed
        )
        self._added = added
        self._deleted: DeletedContacts | None = None

    def contact_ids(self) -> frozenset[int]:
        return frozenset({self._added.id})

    def _undo(self) -> ContactChange:
        self._deleted = self._contacts.delete_contacts([self._added.id])
        name = _describe(self._deleted) if self._deleted.count else self._added.formal_name
        return ContactChange(
            UndoText.tr("Undid adding {name}").format(name=name),
            removed=frozenset({self._added.id}),
        )

    def _redo(self) -> ContactChange:
        if self._deleted is None or not self._deleted.count:
            return ContactChange(
                UndoText.tr("{name} was already gone").format(name=self._added.formal_name)
            )
        restored = self._contacts.restore_deleted(self._deleted)
        return ContactChange(
            UndoText.tr("Added {name} again").format(name=_describe(self._deleted)),
            shown=tuple(r.id for r in restored),
        )


class DeleteContactsCommand(ContactCommand):
    """Contacts deleted (one or many): undo puts back every row that went with them."""

    def __init__(
        self,
        deleted: DeletedContacts,
        contacts: ContactService,
        report: Report,
        failed: ReportFailure,
    ) -> None:
        super().__init__(
            UndoText.tr("Delete {name}").format(name=_describe(deleted)), contacts, report, failed
        )
        self._deleted = deleted

    def contact_ids(self) -> frozenset[int]:
        return frozenset(self._deleted.ids)

    def _undo(self) -> ContactChange:
        restored = self._contacts.restore_deleted(self._deleted)
        return ContactChange(
            UndoText.tr("Restored {name}").format(name=_describe(self._deleted)),
            shown=tuple(r.id for r in restored),
        )

    def _redo(self) -> ContactChange:
        # Taken afresh: what comes back on the next undo is what is deleted now.
        deleted = self._contacts.delete_contacts(self._deleted.ids)
        if deleted.count:
            self._deleted = deleted
        return ContactChange(
            UndoText.tr("Deleted {name}").format(name=_describe(self._deleted)),
            removed=frozenset(self._deleted.ids),
        )
