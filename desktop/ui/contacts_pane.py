"""ContactsPane: the search field, the contacts table and how many are shown."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.contacts import ContactRecord
from desktop.ui.contact_table_model import COL_NAME, ContactTableModel
from desktop.ui.tables import row_table


class ContactsPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Contacts pane")
        self.search_field = QLineEdit()
        self.search_field.setObjectName("contact_search")
        self.search_field.setPlaceholderText("Search contacts")
        self.search_field.setAccessibleName("Search contacts")
        self.search_field.setClearButtonEnabled(True)

        self.model = ContactTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortLocaleAware(True)

        self.table = row_table(self.proxy, name="Contacts", object_name="contact_table")
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(140)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of contacts")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(self.search_field)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self.search_field.textChanged.connect(self.proxy.setFilterFixedString)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    def select_contact(self, contact_id: int) -> bool:
        row = self.model.row_of(contact_id)
        if row is None:
            return False
        source = self.model.index(row, COL_NAME)
        proxy_index = self.proxy.mapFromSource(source)
        if not proxy_index.isValid():  # hidden by the search: show it rather than lose it
            self.search_field.clear()
            proxy_index = self.proxy.mapFromSource(source)
        self.table.selectionModel().setCurrentIndex(
            proxy_index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(proxy_index)
        return True

    def selected_contact(self) -> ContactRecord | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.record_at(self.proxy.mapToSource(index).row())

    def clear_selection(self) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        selection.setCurrentIndex(self.proxy.index(-1, -1), QItemSelectionModel.SelectionFlag.Clear)

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        noun = "contact" if total == 1 else "contacts"
        text = f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}"
        self.count_label.setText(text)
