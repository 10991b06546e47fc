"""ContactsPane: search, filters, the contacts table and how many are shown.

Every keystroke and filter change asks the contact directory (SQLite) for the matching ids
in the current order; the table model then builds only the rows on screen. With no contacts
at all the table gives way to a first-run panel, and a search that finds nobody says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, tzinfo

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.categories import Category
from desktop.domain.contact_search import (
    ContactDirectory,
    ContactFilter,
    ContactOrder,
    FollowUpFilter,
    SortColumn,
)
from desktop.domain.contacts import ContactRecord
from desktop.domain.opportunities import OpportunityRecord
from desktop.ui.contact_table_model import COL_NAME, ContactTableModel
from desktop.ui.empty_state import EmptyState, NoMatchesState
from desktop.ui.icons import themed_icon
from desktop.ui.tables import row_table
from desktop.ui.translations import TranslationContext
from desktop.ui.vocabulary_text import category_text, follow_up_filter_text

# The count under the table: a plural lupdate can see (not so in self.tr).
ContactsText = TranslationContext("ContactsText")


class ContactsPane(QWidget):
    """Emits ``filter_changed`` after the search or a filter changed what is shown.

    With no contacts yet, its first-run panel asks the window (through ``new_card_requested``,
    ``import_requested`` and ``guide_requested``) to start a card, an import or the guide.
    """

    filter_changed = Signal()
    new_card_requested = Signal()
    import_requested = Signal()
    guide_requested = Signal()

    def __init__(
        self,
        directory: ContactDirectory,
        clock: Callable[[], datetime],
        zone: Callable[[], tzinfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._directory = directory
        self._clock = clock
        self._order = ContactOrder()
        self.total = 0
        self.setAccessibleName(self.tr("Contacts pane"))

        self.search_field = QLineEdit()
        self.search_field.setObjectName("contact_search")
        self.search_field.setPlaceholderText(self.tr("Search names, companies, notes, events…"))
        self.search_field.setAccessibleName(self.tr("Search contacts"))
        self.search_field.setToolTip(
            self.tr(
                "Three letters or more match any part of a card or its events; one or two "
                "match the start of a name or company. Accents and case are ignored, and every "
                "word typed must match."
            )
        )
        self.search_field.setClearButtonEnabled(True)

        self.category_filter = QComboBox()
        self.category_filter.setAccessibleName(self.tr("Filter by relationship"))
        self.category_filter.addItem(self.tr("All relationships"), None)
        for category in Category:
            self.category_filter.addItem(category_text(category), category.value)

        self.follow_up_filter = QComboBox()
        self.follow_up_filter.setAccessibleName(self.tr("Filter by follow-up state"))
        for state in FollowUpFilter:
            self.follow_up_filter.addItem(follow_up_filter_text(state), state.value)

        self.opportunity_filter = QComboBox()
        self.opportunity_filter.setAccessibleName(self.tr("Filter by opportunity"))
        self.opportunity_filter.addItem(self.tr("Any opportunity"), None)

        self.quiet_days = QSpinBox()
        self.quiet_days.setAccessibleName(self.tr("Not contacted in the last days"))
        self.quiet_days.lineEdit().setAccessibleName(self.tr("Not contacted in the last days"))
        self.quiet_days.setRange(0, 3650)
        self.quiet_days.setSingleStep(7)
        self.quiet_days.setSpecialValueText(self.tr("Contacted any time"))
        # Around the number: a translation may put words on either side.
        self.quiet_days.setPrefix(self.tr("Not contacted in "))
        self.quiet_days.setSuffix(self.tr(" days"))
        self.quiet_days.setToolTip(
            self.tr("Only people with no event or follow-up in this many days")
        )

        self.clear_filters_button = QToolButton()
        self.clear_filters_button.setIcon(themed_icon("fa6s.filter-circle-xmark"))
        self.clear_filters_button.setText(self.tr("Clear filters"))
        self.clear_filters_button.setAccessibleName(self.tr("Clear search and filters"))
        self.clear_filters_button.setToolTip(self.tr("Show every contact again"))

        self.model = ContactTableModel(directory.listings, zone, self)
        self.table = row_table(self.model, name=self.tr("Contacts"), object_name="contact_table")
        self.table.setSortingEnabled(True)
        # Shift- and Ctrl-click, Shift+arrows and Ctrl+A select several rows to delete at once.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(140)
        header.setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        # Rows are all one line: a fixed height spares the view measuring 100,000 of them.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)

        self.empty_state = EmptyState()
        self.no_matches = NoMatchesState()
        # The table, or what stands in for it when it would be empty.
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_state)
        self.stack.addWidget(self.no_matches)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(self.tr("Number of contacts"))

        # Two short rows, and combos that may shrink below their longest entry, so the
        # filters never force the pane (and the window) wider.
        for combo in (self.category_filter, self.follow_up_filter, self.opportunity_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.category_filter, 0, 0)
        filters.addWidget(self.follow_up_filter, 0, 1)
        filters.addWidget(self.opportunity_filter, 1, 0)
        filters.addWidget(self.quiet_days, 1, 1)
        filters.addWidget(self.clear_filters_button, 0, 2, 2, 1)
        filters.setColumnStretch(0, 1)
        filters.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(self.search_field)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.count_label)

        self.search_field.textChanged.connect(self._on_filter_edited)
        for combo in (self.category_filter, self.follow_up_filter, self.opportunity_filter):
            combo.currentIndexChanged.connect(self._on_filter_edited)
        self.quiet_days.valueChanged.connect(self._on_filter_edited)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.model.sort_requested.connect(self._on_sort_requested)
        self.empty_state.new_card_requested.connect(self.new_card_requested)
        self.empty_state.import_requested.connect(self.import_requested)
        self.empty_state.guide_requested.connect(self.guide_requested)
        self.no_matches.clear_requested.connect(self.clear_filters)
        self._update_clear_button()

    # -- what is shown --------------------------------------------------------------------
    def current_filter(self) -> ContactFilter:
        days = self.quiet_days.value()
        return ContactFilter(
            text=self.search_field.text(),
            category=self.category_filter.currentData(),
            opportunity_id=self.opportunity_filter.currentData(),
            follow_up=FollowUpFilter(self.follow_up_filter.currentData()),
            not_contacted_days=days or None,
        )

    def order(self) -> ContactOrder:
        return self._order

    def all_ids(self) -> list[int]:
        """Every contact, in the table's current order."""
        return self._directory.matching_ids(ContactFilter(), self._order, self._clock())

    def depends_on_time(self) -> bool:
        """True when the passing of time alone can change what the filters let through."""
        shown = self.current_filter()
        return shown.follow_up is not FollowUpFilter.ANY or shown.not_contacted_days is not None

    def refresh(self, changed: Iterable[int] | None = (), keep_current: bool = True) -> None:
        """Ask the directory again. ``changed``: contacts whose rows must be re-read
        (None: all of them)."""
        current = self.selected_contact_id() if keep_current else None
        self.model.forget(changed)
        self.model.set_ids(
            self._directory.matching_ids(self.current_filter(), self._order, self._clock())
        )
        self.total = self._directory.total()
        self._update_count()
        self._show_table_or_why_empty()
        if current is not None and self.selected_contact_id() is None:
            self._select_row(self.model.row_of(current))

    def set_opportunities(self, opportunities: Sequence[OpportunityRecord]) -> None:
        """The choices of the opportunity filter; the chosen one stays if it still exists."""
        chosen = self.opportunity_filter.currentData()
        self.opportunity_filter.blockSignals(True)
        try:
            self.opportunity_filter.clear()
            self.opportunity_filter.addItem(self.tr("Any opportunity"), None)
            for opportunity in opportunities:
                self.opportunity_filter.addItem(opportunity.title, opportunity.id)
            index = self.opportunity_filter.findData(chosen) if chosen is not None else 0
        finally:
            self.opportunity_filter.blockSignals(False)
        self.opportunity_filter.setCurrentIndex(max(index, 0))
        if index < 0:  # the chosen opportunity was deleted: its filter went with it
            self._on_filter_edited()

    def clear_filters(self) -> None:
        widgets = (self.search_field, self.category_filter, self.follow_up_filter)
        for widget in (*widgets, self.opportunity_filter, self.quiet_days):
            widget.blockSignals(True)
        try:
            self.search_field.clear()
            for combo in (self.category_filter, self.follow_up_filter, self.opportunity_filter):
                combo.setCurrentIndex(0)
            self.quiet_days.setValue(0)
        finally:
            for widget in (*widgets, self.opportunity_filter, self.quiet_days):
                widget.blockSignals(False)
        self._on_filter_edited()

    # -- selection ------------------------------------------------------------------------
    def select_contact(self, contact_id: int) -> bool:
        """Select ``contact_id``, clearing the search and filters if they hide it."""
        row = self.model.row_of(contact_id)
        if row is None and not self.current_filter().is_everything:
            self.clear_filters()
            row = self.model.row_of(contact_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def select_contacts(self, contact_ids: Sequence[int]) -> bool:
        """Select these contacts, the first one current, clearing the search and filters if
        they hide any of them; False if none of them can be shown."""
        if not contact_ids:
            return False
        rows = [self.model.row_of(cid) for cid in contact_ids]
        if None in rows and not self.current_filter().is_everything:
            self.clear_filters()
            rows = [self.model.row_of(cid) for cid in contact_ids]
        shown = sorted(row for row in rows if row is not None)
        if not shown:
            return False
        first = rows[0] if rows[0] is not None else shown[0]
        self._select_row(first)  # the current row, whose card is shown
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        start = previous = shown[0]
        for row in [*shown[1:], None]:
            if row is not None and row == previous + 1:
                previous = row
                continue
            selection.select(self.model.index(start, 0), self.model.index(previous, last_column))
            if row is not None:
                start = previous = row
        self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.Select)
        return True

    def show_current(self, contact_id: int | None) -> None:
        """Make ``contact_id`` the one selected row if the table shows it, else select nobody
        (the filters stay as they are)."""
        row = self.model.row_of(contact_id) if contact_id is not None else None
        if row is None:
            self.clear_selection()
        else:
            self._select_row(row)

    def selected_contact_ids(self) -> list[int]:
        """The contacts of every selected row, in the table's order."""
        rows: set[int] = set()
        selection = self.table.selectionModel().selection()
        for at in range(selection.size()):
            selected = selection.at(at)
            rows.update(range(selected.top(), selected.bottom() + 1))
        return [self.model.contact_id_at(row) for row in sorted(rows)]

    def selected_contact_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.contact_id_at(index.row())

    def selected_contact(self) -> ContactRecord | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.record_at(index.row())

    def clear_selection(self) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        selection.setCurrentIndex(self.model.index(-1, -1), QItemSelectionModel.SelectionFlag.Clear)

    def _select_row(self, row: int | None) -> None:
        if row is None:
            return
        index = self.model.index(row, COL_NAME)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    # -- reacting -------------------------------------------------------------------------
    def _on_filter_edited(self) -> None:
        self._update_clear_button()
        self.refresh(changed=())
        self.filter_changed.emit()

    def _on_sort_requested(self, column: SortColumn, descending: bool) -> None:
        order = ContactOrder(column, descending)
        if order != self._order:
            self._order = order
            self.refresh(changed=())

    def _update_clear_button(self) -> None:
        shown = self.current_filter()
        self.clear_filters_button.setEnabled(not shown.is_everything)

    def _show_table_or_why_empty(self) -> None:
        if self.total == 0:
            shown: QWidget = self.empty_state
        elif self.model.rowCount() == 0:
            shown = self.no_matches
            search = self.search_field.text()
            self.no_matches.set_search(
                search, filtered=self.current_filter() != ContactFilter(text=search)
            )
        else:
            shown = self.table
        self.stack.setCurrentWidget(shown)

    def _update_count(self) -> None:
        locale = QLocale()
        shown = self.model.rowCount()
        # %Ln is the number as the locale writes it (1,234). English picks its own singular;
        # each message still takes every plural form a translation needs.
        if shown == self.total:
            if self.total == 1:
                text = ContactsText.tr("%Ln contact", "", self.total)
            else:
                text = ContactsText.tr("%Ln contacts", "", self.total)
        elif self.total == 1:
            text = ContactsText.tr("{shown} of %Ln contact", "", self.total)
        else:
            text = ContactsText.tr("{shown} of %Ln contacts", "", self.total)
        self.count_label.setText(text.format(shown=locale.toString(shown)))
