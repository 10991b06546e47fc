"""Choosing people: a filter field over a list of contacts, for one person or several.

``ContactChecklist`` is the reusable widget (dialogs that record who was there embed it);
``ContactPickerDialog`` wraps it in a dialog that returns the chosen ids. The list is one
model row per contact and no widget per row, so 30,000 contacts cost what 30 do. Either
takes any ``PersonToChoose``: the light ``ContactChoice`` rows of ``ContactService.choices()``
(what the app passes) or full ``ContactRecord``s.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.dialog_parts import ok_cancel_buttons
from desktop.ui.translations import TranslationContext

ContactIdRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex

# Up to this many ticked people are named under the list (they may be filtered out of it).
_NAMES_IN_STATUS = 4

ContactPickerText = TranslationContext("ContactPickerText")


class PersonToChoose(Protocol):
    """What a picker shows and matches of a person: ``ContactChoice`` and ``ContactRecord``
    both have it."""

    @property
    def id(self) -> int: ...

    @property
    def full_name(self) -> str: ...

    @property
    def job_title(self) -> str: ...

    @property
    def company(self) -> str: ...


def describe_contact(contact: PersonToChoose) -> str:
    """ "Dana Davis — Engineering Manager, Acme", leaving out what the card does not say."""
    role = ", ".join(part for part in (contact.job_title, contact.company) if part)
    if not role:
        return contact.full_name
    return ContactPickerText.tr("{name} — {role}").format(name=contact.full_name, role=role)


def search_text(text: str) -> str:
    """``text`` folded for matching: case and accents ignored ("Ñúñez" -> "nunez")."""
    if text.isascii():  # nothing to decompose, and casefold() is lower() (most names)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_people(people: Iterable[PersonToChoose]) -> list[str]:
    """``search_text`` of each person's name, job title and company, a line each.

    Words with accents are folded once each and remembered: names and company words repeat,
    and folding them is the slow part. Folding a line word by word gives the same text, as
    no character decomposes or reorders across a space or a line break.
    """
    folded: dict[str, str] = {}

    def fold(text: str) -> str:
        if text.isascii():
            return text.lower()
        parts = []
        for word in text.split(" "):
            key = folded.get(word)
            if key is None:
                key = folded[word] = search_text(word)
            parts.append(key)
        return " ".join(parts)

    return [f"{fold(p.full_name)}\n{fold(p.job_title)}\n{fold(p.company)}" for p in people]


class ContactListModel(QAbstractListModel):
    """One row per contact, shown as ``describe_contact``; optionally with tick boxes.

    Ticks are kept by contact id, so they survive filtering. Building it only lists the ids:
    a row's text is made when a view asks for it (only rows on screen are asked), the
    folded search keys on the first filter.
    """

    checked_changed = Signal()

    def __init__(
        self,
        contacts: Sequence[PersonToChoose],
        *,
        checkable: bool,
        checked: Iterable[int] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._people = list(contacts)
        self._ids = [contact.id for contact in self._people]
        self._keys: list[str] | None = None
        self._rows = {contact_id: row for row, contact_id in enumerate(self._ids)}
        self._checkable = checkable
        self._checked = {contact_id for contact_id in checked if contact_id in self._rows}

    @property
    def checkable(self) -> bool:
        return self._checkable

    @property
    def search_keys(self) -> Sequence[str]:
        """The folded text each row is matched against, in row order (made on first use:
        a picker opened and closed without filtering never pays for it)."""
        if self._keys is None:
            self._keys = fold_people(self._people)
        return self._keys

    def contact_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, contact_id: int) -> int | None:
        return self._rows.get(contact_id)

    def checked_ids(self) -> list[int]:
        """Ticked contacts in list order."""
        if not self._checked:
            return []
        return [contact_id for contact_id in self._ids if contact_id in self._checked]

    def checked_count(self) -> int:
        return len(self._checked)

    def checked_names(self) -> list[str]:
        """Names of the ticked contacts, in list order."""
        if not self._checked:
            return []
        return [
            self._people[row].full_name
            for row, contact_id in enumerate(self._ids)
            if contact_id in self._checked
        ]

    def set_checked(self, contact_id: int, checked: bool) -> None:
        row = self._rows.get(contact_id)
        if row is None or not self._checkable or (contact_id in self._checked) == checked:
            return
        if checked:
            self._checked.add(contact_id)
        else:
            self._checked.discard(contact_id)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()

    def toggle(self, row: int) -> None:
        contact_id = self._ids[row]
        self.set_checked(contact_id, contact_id not in self._checked)

    # -- QAbstractItemModel ---------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Override of QAbstractItemModel.rowCount: a flat list has no children."""
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override of QAbstractItemModel.data. Text is plain: a view never renders HTML."""
        if not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid):
            return None
        row = index.row()
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return describe_contact(self._people[row])
        if role == ContactIdRole:
            return self._ids[row]
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable:
            checked = self._ids[row] in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Override of QAbstractItemModel.setData: only the tick can be changed."""
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not self._checkable
            or not self.checkIndex(index, QAbstractListModel.CheckIndexOption.IndexIsValid)
        ):
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        self.set_checked(self._ids[index.row()], state == Qt.CheckState.Checked)
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Override of QAbstractItemModel.flags."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if self._checkable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


class ContactFilterModel(QSortFilterProxyModel):
    """Shows the rows whose name, job title or company contain every word typed.

    Matching runs in one pass over the folded keys; the proxy then only looks rows up.
    """

    def __init__(self, source: ContactListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accepted: list[bool] | None = None
        self._query = ""
        self.setSourceModel(source)

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, text: str) -> None:
        if text == self._query:
            return
        self._query = text
        words = search_text(text).split()
        source = self.sourceModel()
        assert isinstance(source, ContactListModel)
        self._accepted = (
            [all(word in key for word in words) for key in source.search_keys] if words else None
        )
        # The mapping rebuilt in one go (a layout change): telling the view of each removed
        # or inserted run of rows, as a filter change does, cost ~50 ms more at 30,000
        # contacts when the matches are scattered. Selection and the current row are kept.
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        """Override of QSortFilterProxyModel.filterAcceptsRow."""
        return self._accepted is None or self._accepted[source_row]


class ContactChecklist(QWidget):
    """A filter field over the contacts, with tick boxes (``multi``) or single selection.

    ``chosen_changed`` fires when the ticked or selected people change; ``picked`` fires in
    single-choice mode when a row is double-clicked or Enter is pressed on it.
    """

    chosen_changed = Signal()
    picked = Signal()

    def __init__(
        self,
        contacts: Sequence[PersonToChoose],
        *,
        multi: bool = True,
        chosen: Iterable[int] = (),
        exclude: Iterable[int] = (),
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        name = name or self.tr("People")
        self.setAccessibleName(name)
        excluded = set(exclude)
        shown = [c for c in contacts if c.id not in excluded] if excluded else list(contacts)
        chosen = list(chosen)
        self._multi = multi
        self.model = ContactListModel(
            shown, checkable=multi, checked=chosen if multi else (), parent=self
        )
        self.proxy = ContactFilterModel(self.model, self)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name, job title or company"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter {people}").format(people=name.lower()))
        self.filter_edit.installEventFilter(self)

        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(name)
        self.view.setUniformItemSizes(True)  # no per-row measuring: 30,000 rows stay fast
        self.view.setSpacing(1)
        # Long rows are cut with "…" (the tooltip has the whole line), never scrolled sideways.
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(
            QAbstractItemView.SelectionMode.SingleSelection
            if not multi
            else QAbstractItemView.SelectionMode.NoSelection
        )

        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("{people} status").format(people=name))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        self.setFocusProxy(self.filter_edit)

        self._pressed_state: Any = None
        self.filter_edit.textChanged.connect(self._on_filter)
        if multi:
            self.model.checked_changed.connect(self._on_chosen_changed)
            self.view.pressed.connect(self._remember_press)
            self.view.clicked.connect(self._toggle_on_click)
        else:
            selection = self.view.selectionModel()
            selection.selectionChanged.connect(self._on_chosen_changed)
            self.view.activated.connect(self._on_activated)
            if chosen:
                self.select(chosen[0])
        self._update_status()

    @property
    def multi(self) -> bool:
        return self._multi

    def chosen_ids(self) -> list[int]:
        """Ticked people in list order (``multi``), or the selected person."""
        if self._multi:
            return self.model.checked_ids()
        return [
            int(index.data(ContactIdRole)) for index in self.view.selectionModel().selectedRows()
        ]

    def set_checked(self, contact_id: int, checked: bool = True) -> None:
        self.model.set_checked(contact_id, checked)

    def select(self, contact_id: int) -> None:
        """Make ``contact_id`` the current (and, in single choice, the selected) row."""
        row = self.model.row_of(contact_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self._make_current(index)

    def set_filter(self, text: str) -> None:
        self.filter_edit.setText(text)

    def visible_ids(self) -> list[int]:
        return [
            int(self.proxy.index(row, 0).data(ContactIdRole))
            for row in range(self.proxy.rowCount())
        ]

    # -- behaviour ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override of QObject.eventFilter: Down in the filter field moves into the list."""
        if (
            watched is self.filter_edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.proxy.rowCount() > 0
        ):
            current = self.view.currentIndex()
            if not current.isValid():
                self._make_current(self.proxy.index(0, 0))
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _make_current(self, index: QModelIndex) -> None:
        command = QItemSelectionModel.SelectionFlag.NoUpdate
        if not self._multi:
            command = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.view.selectionModel().setCurrentIndex(index, command)
        self.view.scrollTo(index)

    def _on_filter(self, text: str) -> None:
        before = [] if self._multi else self.chosen_ids()
        self.proxy.set_query(text)
        if not self._multi and self.chosen_ids() != before:
            # The filter's layout change drops a hidden selection without selectionChanged.
            self._on_chosen_changed()
        # Single choice: type to narrow, Enter takes the first match.
        if not self._multi and text.strip() and not self.chosen_ids() and self.proxy.rowCount():
            self._make_current(self.proxy.index(0, 0))
        self._update_status()

    def _remember_press(self, index: QModelIndex) -> None:
        self._pressed_state = index.data(Qt.ItemDataRole.CheckStateRole)

    def _toggle_on_click(self, index: QModelIndex) -> None:
        # A click on the tick box has already toggled it; a click on the name toggles too.
        if index.data(Qt.ItemDataRole.CheckStateRole) == self._pressed_state:
            self.model.toggle(self.proxy.mapToSource(index).row())
        self._pressed_state = None

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self._make_current(index)
            self.picked.emit()

    def _on_chosen_changed(self) -> None:
        self._update_status()
        self.chosen_changed.emit()

    def _update_status(self) -> None:
        locale = QLocale()
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        parts: list[str] = []
        if total == 0:
            parts.append(self.tr("No contacts yet."))
        elif shown == 0:
            parts.append(self.tr("Nobody matches the filter."))
        elif shown < total:
            # The count picks the plural form; the numbers are written the locale's way.
            parts.append(
                self.tr("Showing {shown} of {total}.", "", total).format(
                    shown=locale.toString(shown), total=locale.toString(total)
                )
            )
        if self._multi and total:
            count = self.model.checked_count()
            if count == 0:
                parts.append(self.tr("Nobody chosen yet."))
            elif count <= _NAMES_IN_STATUS:
                parts.append(
                    self.tr("Chosen: {names}.").format(names=", ".join(self.model.checked_names()))
                )
            else:
                parts.append(
                    self.tr("{count} people chosen.", "", count).format(
                        count=locale.toString(count)
                    )
                )
        self.status_label.setText(" ".join(parts))


class ContactPickerDialog(QDialog):
    """Choose one person (``multi=False``) or several; ``chosen_ids()`` says whom."""

    def __init__(
        self,
        contacts: Sequence[PersonToChoose],
        *,
        multi: bool,
        title: str,
        preselected: Iterable[int] = (),
        exclude: Iterable[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contact_picker")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.checklist = ContactChecklist(
            contacts, multi=multi, chosen=preselected, exclude=exclude, name=self.tr("People")
        )
        hint = QLabel(
            self.tr("Type to filter the list, then tick everyone who applies.")
            if multi
            else self.tr("Type to filter the list, then double-click a name or press Enter.")
        )
        hint.setWordWrap(True)

        self.button_box, self.ok_button, self.cancel_button = ok_cancel_buttons()
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.checklist, 1)
        layout.addWidget(self.button_box)

        self.checklist.chosen_changed.connect(self._update_ok)
        self.checklist.picked.connect(self.accept)
        self._update_ok()
        self.resize(480, 520)
        self.checklist.filter_edit.setFocus()

    def chosen_ids(self) -> list[int]:
        return self.checklist.chosen_ids()

    def accept(self) -> None:
        """Override of QDialog.accept: nothing is returned until someone is chosen."""
        if self.chosen_ids():
            super().accept()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.chosen_ids()))

    @classmethod
    def ask(
        cls,
        contacts: Sequence[PersonToChoose],
        *,
        multi: bool,
        title: str,
        preselected: Iterable[int] = (),
        exclude: Iterable[int] = (),
        parent: QWidget | None = None,
    ) -> list[int] | None:
        """The chosen contact ids, or None when cancelled."""
        dialog = cls(
            contacts,
            multi=multi,
            title=title,
            preselected=preselected,
            exclude=exclude,
            parent=parent,
        )
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.chosen_ids()
        finally:
            dialog.deleteLater()
