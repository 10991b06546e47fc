"""OpportunitiesPane: the applications in progress, each with its hiring-process people."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.opportunities import OpportunityRecord
from desktop.ui.icons import themed_icon
from desktop.ui.opportunity_table_model import COL_COMPANY, OpportunityTableModel
from desktop.ui.tables import row_table


class OpportunitiesPane(QWidget):
    new_requested = Signal()
    edit_requested = Signal(int)  # opportunity id
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Opportunities"))
        self.model = OpportunityTableModel(self)
        self.table = row_table(
            self.model, name=self.tr("Opportunities"), object_name="opportunity_table"
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.new_button = QPushButton(themed_icon("fa6s.briefcase"), self.tr("New opportunity…"))
        self.new_button.setAccessibleName(self.tr("New opportunity"))
        self.edit_button = QPushButton(themed_icon("fa6s.pen"), self.tr("Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit opportunity"))
        self.delete_button = QPushButton(themed_icon("fa6s.trash"), self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete opportunity"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.new_button.clicked.connect(self.new_requested)
        self.edit_button.clicked.connect(lambda: self._emit_for_current(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._emit_for_current(self.delete_requested))
        self.table.doubleClicked.connect(lambda _i: self._emit_for_current(self.edit_requested))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def set_rows(self, rows: Sequence[OpportunityRecord], select_id: int | None = None) -> None:
        current = self.current_opportunity()
        self.model.set_rows(rows)
        keep = select_id if select_id is not None else (current.id if current else None)
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, COL_COMPANY),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def current_opportunity(self) -> OpportunityRecord | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.record_at(index.row())

    def _emit_for_current(self, signal: SignalInstance) -> None:
        record = self.current_opportunity()
        if record is not None:
            signal.emit(record.id)

    def _update_buttons(self) -> None:
        selected = self.current_opportunity() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
