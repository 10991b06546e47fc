"""ContactTableModel: the contacts table over an ordered list of ids, rows fetched as seen.

The directory answers a search with ids only (a list of ints, cheap even at 100,000); the
model builds a row's record when the view first asks for it, a page at a time, and keeps a
bounded cache. So a keystroke costs one query and one page, whatever the number of contacts.

Sorting is the directory's: a header click emits ``sort_requested`` and the pane asks for
the ids in the new order.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, tzinfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.domain.contact_search import ContactListing, SortColumn
from desktop.domain.contacts import ContactRecord
from desktop.domain.errors import ContactNotFound
from desktop.ui.local_datetime_edit import four_digit_year, locale_date
from desktop.ui.translations import QT_TRANSLATE_NOOP
from desktop.ui.vocabulary_text import category_text

ContactIdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
FetchListings = Callable[[Sequence[int]], Mapping[int, ContactListing]]

# (header, sort column) in display order; headers are translated when shown.
_COLUMNS: tuple[tuple[str, SortColumn], ...] = (
    (QT_TRANSLATE_NOOP("ContactTableModel", "Name"), SortColumn.NAME),
    (QT_TRANSLATE_NOOP("ContactTableModel", "Job title"), SortColumn.JOB_TITLE),
    (QT_TRANSLATE_NOOP("ContactTableModel", "Company"), SortColumn.COMPANY),
    (QT_TRANSLATE_NOOP("ContactTableModel", "Category"), SortColumn.CATEGORY),
    (QT_TRANSLATE_NOOP("ContactTableModel", "Email"), SortColumn.EMAIL),
    (QT_TRANSLATE_NOOP("ContactTableModel", "Phone"), SortColumn.PHONE),
    (QT_TRANSLATE_NOOP("ContactTableModel", "Met at"), SortColumn.MET_AT),
    (QT_TRANSLATE_NOOP("ContactTableModel", "Met on"), SortColumn.MET_ON),
    (QT_TRANSLATE_NOOP("ContactTableModel", "Last contact"), SortColumn.LAST_CONTACT),
)
(
    COL_NAME,
    COL_JOB_TITLE,
    COL_COMPANY,
    COL_CATEGORY,
    COL_EMAIL,
    COL_PHONE,
    COL_MET_AT,
    COL_MET_ON,
    COL_LAST_CONTACT,
) = range(len(_COLUMNS))

# What the plain text columns show: an attribute of the record.
_TEXT_ATTRIBUTES = {
    COL_NAME: "full_name",
    COL_JOB_TITLE: "job_title",
    COL_COMPANY: "company",
    COL_EMAIL: "email",
    COL_PHONE: "phone",
    COL_MET_AT: "met_at",
}

# Rows fetched around one the view asks for: a screenful above, a few below.
_PAGE_BEFORE = 50
_PAGE_AFTER = 150
_CACHE_LIMIT = 5000


def _short_date(day: date, locale: QLocale) -> str:
    pattern = four_digit_year(locale.dateFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(QDate(day.year, day.month, day.day), pattern)


def _first_difference(shorter: list[int], longer: list[int]) -> int:
    """The first position where the lists differ (``len(shorter)`` if it is a prefix)."""
    pairs = zip(shorter, longer[: len(shorter)], strict=True)
    return next((i for i, (a, b) in enumerate(pairs) if a != b), len(shorter))


class ContactTableModel(QAbstractTableModel):
    sort_requested = Signal(object, bool)  # SortColumn, descending

    def __init__(
        self,
        fetch: FetchListings,
        zone: Callable[[], tzinfo],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._zone = zone
        self._ids: list[int] = []
        self._rows_by_id: dict[int, int] | None = None
        self._cache: OrderedDict[int, ContactListing] = OrderedDict()

    # -- contents -------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int]) -> None:
        """Show ``ids`` in this order, as the smallest change the views can follow.

        One contact added, removed or moved (a save or a delete) keeps the selection and
        scroll position; the same contacts in a new order (a sort) is a layout change;
        anything else (a new search) is a reset.
        """
        new = list(ids)
        old = self._ids
        if new == old:
            return
        if len(new) == len(old) + 1 and self._try_insert(new):
            return
        if len(new) + 1 == len(old) and self._try_remove(new):
            return
        if len(new) == len(old) and set(new) == set(old):
            self._relayout(new)
            return
        self.beginResetModel()
        self._replace(new)
        self.endResetModel()

    def forget(self, contact_ids: Iterable[int] | None = None) -> None:
        """Drop cached rows (all of them, by default): their contacts changed."""
        if contact_ids is None:
            self._cache.clear()
            if self._ids:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._ids) - 1, len(_COLUMNS) - 1)
                )
            return
        for contact_id in contact_ids:
            self._cache.pop(contact_id, None)
            row = self.row_of(contact_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(_COLUMNS) - 1))

    def contact_id_at(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, contact_id: int) -> int | None:
        if self._rows_by_id is None:
            self._rows_by_id = {cid: row for row, cid in enumerate(self._ids)}
        return self._rows_by_id.get(contact_id)

    def record_at(self, row: int) -> ContactRecord:
        listing = self._listing(row)
        if listing is None:
            raise ContactNotFound(self._ids[row])
        return listing.record

    # -- Qt's model interface -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Override of QAbstractItemModel.rowCount: a flat table has no children."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Override of QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Override of QAbstractItemModel.data. Text is plain: views never render it as HTML."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ContactIdRole:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        listing = self._listing(index.row())
        if listing is None:  # deleted since the last refresh, which is on its way
            return None
        text = self._cell(listing, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return text or None
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        """Override of QAbstractItemModel.headerData."""
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(_COLUMNS)
        ):
            return self.tr(_COLUMNS[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Override of QAbstractItemModel.sort: the directory sorts; we only pass it on."""
        if 0 <= column < len(_COLUMNS):
            self.sort_requested.emit(_COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)

    # -- helpers --------------------------------------------------------------------------
    def _cell(self, listing: ContactListing, column: int) -> str:
        record = listing.record
        if column == COL_MET_ON:
            return _short_date(record.met_on, QLocale()) if record.met_on else ""
        if column == COL_CATEGORY:
            return category_text(record.category)
        if column == COL_LAST_CONTACT:
            last = listing.last_contact_at
            return locale_date(last, self._zone()) if last is not None else ""
        return str(getattr(record, _TEXT_ATTRIBUTES[column]))

    def _listing(self, row: int) -> ContactListing | None:
        contact_id = self._ids[row]
        listing = self._cache.get(contact_id)
        if listing is not None:
            self._cache.move_to_end(contact_id)
            return listing
        page = self._ids[max(0, row - _PAGE_BEFORE) : row + _PAGE_AFTER]
        wanted = [cid for cid in page if cid not in self._cache]
        self._cache.update(self._fetch(wanted))
        while len(self._cache) > _CACHE_LIMIT:
            self._cache.popitem(last=False)
        return self._cache.get(contact_id)

    def _replace(self, ids: list[int]) -> None:
        self._ids = ids
        self._rows_by_id = None

    def _try_insert(self, new: list[int]) -> bool:
        at = _first_difference(self._ids, new)
        if new[:at] + new[at + 1 :] != self._ids:
            return False
        self.beginInsertRows(QModelIndex(), at, at)
        self._replace(new)
        self.endInsertRows()
        return True

    def _try_remove(self, new: list[int]) -> bool:
        at = _first_difference(new, self._ids)
        if self._ids[:at] + self._ids[at + 1 :] != new:
            return False
        self.beginRemoveRows(QModelIndex(), at, at)
        self._replace(new)
        self.endRemoveRows()
        return True

    def _relayout(self, new: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._replace(new)
        persistent = self.persistentIndexList()
        # A selection is a handful of indexes: find them in the list rather than build a
        # map of 100,000 ids (which a later lookup may build anyway, if it needs one).
        rows = {cid: new.index(cid) for cid in {old_ids[index.row()] for index in persistent}}
        for old in persistent:
            row = rows.get(old_ids[old.row()])
            self.changePersistentIndex(
                old, self.index(row, old.column()) if row is not None else QModelIndex()
            )
        self.layoutChanged.emit()
