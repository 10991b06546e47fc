"""ImportDialog: from a file to contacts, with a look before anything is written.

For a CSV of unknown origin the first page matches its columns to card fields (guessed,
corrected by the user); then a preview says how many contacts are new, which look like
people already here (skip, update or keep both, per row or for all), and which records
cannot be imported and why, by line. Import writes everything in one transaction, with a
progress bar and Cancel; cancelling leaves the database exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.categories import Category
from desktop.domain.contact_transfer import ContactTransfer
from desktop.domain.errors import FollowUpDeskError
from desktop.domain.importing import (
    MAPPABLE_FIELDS,
    DuplicateChoice,
    ImportCancelled,
    ImportPlan,
    ImportResult,
    ImportSource,
    SourceKind,
)
from desktop.ui.dialog_parts import buddy_label, heading_label, plain_label
from desktop.ui.import_tables import (
    COL_ACTION,
    ChoiceDelegate,
    DuplicatesModel,
    NewContactsModel,
    RejectedModel,
)
from desktop.ui.tables import row_table
from desktop.ui.transfer_vocabulary import duplicate_choice_text, source_kind_text
from desktop.ui.translations import QT_TRANSLATE_NOOP, TranslationContext
from desktop.ui.vocabulary_text import category_text

_EXAMPLES = 3  # sample values shown beside each column in the mapping step
_ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "cp1252": "Windows-1252",
}
_DELIMITER_NAMES = {
    ",": QT_TRANSLATE_NOOP("ImportDialog", "commas"),
    ";": QT_TRANSLATE_NOOP("ImportDialog", "semicolons"),
    "\t": QT_TRANSLATE_NOOP("ImportDialog", "tabs"),
    "|": QT_TRANSLATE_NOOP("ImportDialog", "bars"),
}
ImportText = TranslationContext("ImportText")


@contextmanager
def busy_cursor() -> Iterator[None]:
    """The wait cursor while reading or planning, which shows no progress of its own."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _number(value: int) -> str:
    return QLocale().toString(value)


def _new_contacts(value: int) -> str:
    # English picks singular or plural here; each message still takes every plural form a
    # translation needs (the count is passed for that). {count} is the locale's number.
    if value == 1:
        text = ImportText.tr("{count} new contact", "", value)
    else:
        text = ImportText.tr("{count} new contacts", "", value)
    return text.format(count=_number(value))


def _records(value: int) -> str:
    if value == 1:
        text = ImportText.tr("{count} record", "", value)
    else:
        text = ImportText.tr("{count} records", "", value)
    return text.format(count=_number(value))


class ImportDialog(QDialog):
    def __init__(
        self, transfer: ContactTransfer, source: ImportSource, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._transfer = transfer
        self._source = source
        self._plan: ImportPlan | None = None
        self.result_counts: ImportResult | None = None
        self.setWindowTitle(self.tr("Import contacts — {file}").format(file=source.path_name))
        self.setAccessibleName(self.tr("Import contacts"))
        self.setSizeGripEnabled(True)
        self.resize(820, 560)

        self.pages = QStackedWidget()
        self.mapping_page = self._build_mapping_page()
        self.preview_page = self._build_preview_page()
        self.pages.addWidget(self.mapping_page)
        self.pages.addWidget(self.preview_page)

        self.buttons = QDialogButtonBox()
        # Back sits apart, on the left, where wizards put it on every platform.
        self.back_button = QPushButton(self.tr("< &Back"))
        self.back_button.setAccessibleName(self.tr("Back to the columns"))
        self.next_button = self.buttons.addButton(
            self.tr("&Next >"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.next_button.setAccessibleName(self.tr("Next: preview"))
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setAccessibleName(self.tr("Import"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        button_row = QHBoxLayout()
        button_row.addWidget(self.back_button)
        button_row.addWidget(self.buttons, 1)
        layout.addLayout(button_row)

        self.back_button.clicked.connect(self.show_mapping)
        self.next_button.clicked.connect(self.show_preview)
        self.import_button.clicked.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        self.choose_all.activated.connect(self._choose_all)
        self.copy_report_button.clicked.connect(self._copy_report)

        if source.kind is SourceKind.GENERIC_CSV:
            self.show_mapping()
        else:
            self.show_preview()

    # -- pages ----------------------------------------------------------------------------
    def _build_mapping_page(self) -> QWidget:
        page = QWidget()
        intro = plain_label(
            self.tr(
                "Tell Follow-Up Desk what each column holds. Its guesses are filled in; columns "
                "set to “Add to notes” keep their text in the contact’s notes, so nothing is lost."
            ),
            name=self.tr("What this step does"),
        )
        self.mapping_table = QTableWidget(len(self._source.columns), 3)
        self.mapping_table.setObjectName("mapping_table")
        self.mapping_table.setAccessibleName(self.tr("Columns of the file"))
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Examples"), self.tr("Goes into")]
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        guessed = self._transfer.mapping_for(self._source)
        self.mapping_combos: dict[str, QComboBox] = {}
        for row, column in enumerate(self._source.columns):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(column))
            examples = [r.values.get(column, "") for r in self._source.rows]
            shown = [e for e in examples if e.strip()][:_EXAMPLES]
            self.mapping_table.setItem(row, 1, QTableWidgetItem(" · ".join(shown)))
            combo = QComboBox()
            combo.setAccessibleName(self.tr("What the column {column} holds").format(column=column))
            combo.addItem(self.tr("Ignore this column"), None)
            for target, label in MAPPABLE_FIELDS:
                combo.addItem(label, target)
            index = combo.findData(guessed.get(column))
            combo.setCurrentIndex(max(index, 0))
            self.mapping_table.setCellWidget(row, 2, combo)
            self.mapping_combos[column] = combo
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.setColumnWidth(2, 260)

        self.default_category = QComboBox()
        self.default_category.setAccessibleName(self.tr("Relationship for contacts without one"))
        for category in Category:
            self.default_category.addItem(category_text(category), category.value)
        self.default_category.setCurrentIndex(
            max(self.default_category.findData(Category.OTHER.value), 0)
        )
        form = QFormLayout()
        form.addRow(
            buddy_label(self.tr("&Relationship when the file has none:"), self.default_category),
            self.default_category,
        )

        layout = QVBoxLayout(page)
        layout.addWidget(heading_label(self.tr("Match the columns")))
        layout.addWidget(intro)
        layout.addWidget(self.mapping_table, 1)
        layout.addLayout(form)
        return page

    def _build_preview_page(self) -> QWidget:
        page = QWidget()
        self.summary = plain_label(name=self.tr("Import summary"))
        self.new_model = NewContactsModel(self)
        self.duplicates_model = DuplicatesModel(self)
        self.rejected_model = RejectedModel(self)
        self.new_table = row_table(
            self.new_model, name=self.tr("New contacts"), object_name="new_table"
        )
        self.duplicates_table = row_table(
            self.duplicates_model,
            name=self.tr("Possible duplicates"),
            object_name="duplicates_table",
        )
        self.duplicates_table.setItemDelegateForColumn(COL_ACTION, ChoiceDelegate(self))
        self.duplicates_table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.rejected_table = row_table(
            self.rejected_model, name=self.tr("Rejected records"), object_name="rejected_table"
        )
        for table in (self.new_table, self.duplicates_table, self.rejected_table):
            header = table.horizontalHeader()
            header.setStretchLastSection(True)
            # Sizing columns to their text looks at the first rows only: 30,000 would stall.
            header.setResizeContentsPrecision(100)
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

        self.choose_all = QComboBox()
        self.choose_all.setAccessibleName(self.tr("What to do with every duplicate"))
        for choice in DuplicateChoice:
            self.choose_all.addItem(duplicate_choice_text(choice), choice.value)
        duplicates = QWidget()
        duplicates_layout = QVBoxLayout(duplicates)
        all_row = QHBoxLayout()
        all_row.addWidget(buddy_label(self.tr("For &all of them:"), self.choose_all))
        all_row.addWidget(self.choose_all)
        all_row.addStretch(1)
        duplicates_layout.addLayout(all_row)
        duplicates_layout.addWidget(self.duplicates_table, 1)

        self.copy_report_button = QPushButton(self.tr("&Copy the list"))
        self.copy_report_button.setAccessibleName(self.tr("Copy the rejected records"))
        rejected = QWidget()
        rejected_layout = QVBoxLayout(rejected)
        rejected_layout.addWidget(self.rejected_table, 1)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_report_button)
        rejected_layout.addLayout(copy_row)

        self.preview_tabs = QTabWidget()
        self.preview_tabs.setAccessibleName(self.tr("New, duplicates and rejected"))
        self.preview_tabs.addTab(self.new_table, self.tr("New"))
        self.preview_tabs.addTab(duplicates, self.tr("Possible duplicates"))
        self.preview_tabs.addTab(rejected, self.tr("Not imported"))

        layout = QVBoxLayout(page)
        layout.addWidget(heading_label(self.tr("Check before importing")))
        layout.addWidget(self.summary)
        layout.addWidget(self.preview_tabs, 1)
        return page

    # -- navigation -----------------------------------------------------------------------
    def show_mapping(self) -> None:
        self.pages.setCurrentWidget(self.mapping_page)
        self.back_button.setVisible(False)
        self.next_button.setVisible(True)
        self.import_button.setVisible(False)
        self.next_button.setDefault(True)

    def show_preview(self) -> None:
        try:
            with busy_cursor():  # planning 30,000 rows takes a moment
                self._plan = self._transfer.plan(self._source, self.mapping(), self._default())
        except FollowUpDeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot import"), str(exc))
            return
        self._show_plan(self._plan)
        self.pages.setCurrentWidget(self.preview_page)
        self.back_button.setVisible(self._source.kind is SourceKind.GENERIC_CSV)
        self.next_button.setVisible(False)
        self.import_button.setVisible(True)
        writes = len(self._plan.new) + len(self._plan.duplicates)
        self.import_button.setEnabled(writes > 0)
        self.import_button.setDefault(True)

    def mapping(self) -> dict[str, str | None]:
        if self._source.kind is not SourceKind.GENERIC_CSV:
            return self._transfer.mapping_for(self._source)
        return {column: combo.currentData() for column, combo in self.mapping_combos.items()}

    def _default(self) -> str | None:
        if self._source.kind is not SourceKind.GENERIC_CSV:
            return None
        return str(self.default_category.currentData())

    def _show_plan(self, plan: ImportPlan) -> None:
        source = self._source
        how = _ENCODING_NAMES.get(source.encoding.lower(), source.encoding)
        if source.delimiter is not None:
            delimiter = _DELIMITER_NAMES.get(source.delimiter)
            how = self.tr("{encoding}, separated by {delimiter}").format(
                encoding=how,
                delimiter=self.tr(delimiter) if delimiter else repr(source.delimiter),
            )
        duplicates = len(plan.duplicates)
        if duplicates == 1:
            alike = self.tr("{count} looks like someone", "", duplicates)
        else:
            alike = self.tr("{count} look like people", "", duplicates)
        lines = [
            self.tr("{kind} ({how}).").format(kind=source_kind_text(source.kind), how=how),
            self.tr("{new}; {alike} you already have; {rejected} cannot be imported.").format(
                new=_new_contacts(len(plan.new)),
                alike=alike.format(count=_number(duplicates)),
                rejected=_records(len(plan.rejected)),
            ),
        ]
        self.summary.setText("\n".join(lines))
        self.new_model.set_rows(plan.new)
        self.duplicates_model.set_duplicates(
            plan.duplicates, DuplicateChoice(self.choose_all.currentData())
        )
        self.rejected_model.set_rows(plan.rejected)
        for table in (self.new_table, self.duplicates_table, self.rejected_table):
            table.resizeColumnsToContents()
        for index, (label, count) in enumerate(
            (
                (self.tr("New ({count})"), len(plan.new)),
                (self.tr("Possible duplicates ({count})"), len(plan.duplicates)),
                (self.tr("Not imported ({count})"), len(plan.rejected)),
            )
        ):
            self.preview_tabs.setTabText(index, label.format(count=_number(count)))
        first = next((i for i, n in enumerate((plan.new, plan.duplicates, plan.rejected)) if n), 0)
        self.preview_tabs.setCurrentIndex(first)

    def _choose_all(self) -> None:
        self.duplicates_model.choose_all(DuplicateChoice(self.choose_all.currentData()))

    def _copy_report(self) -> None:
        if self._plan is None:
            return
        text = "\n".join(r.reason for r in self._plan.rejected)  # each names its line
        QGuiApplication.clipboard().setText(text)

    # -- importing ------------------------------------------------------------------------
    def _import(self) -> None:
        plan = self._plan
        if plan is None:
            return
        total = len(plan.new) + len(plan.duplicates)
        progress = QProgressDialog(
            self.tr("Importing contacts…"), self.tr("Cancel"), 0, max(total, 1), self
        )
        progress.setWindowTitle(self.tr("Import"))
        progress.setAccessibleName(self.tr("Import progress"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def step(done: int, _total: int) -> bool:
            progress.setValue(min(done, total))
            QApplication.processEvents()
            return not progress.wasCanceled()

        try:
            self.result_counts = self._transfer.apply(plan, self.duplicates_model.choices(), step)
        except ImportCancelled:
            progress.close()
            QMessageBox.information(
                self,
                self.tr("Import cancelled"),
                self.tr("Nothing was imported: your contacts are as they were."),
            )
            return
        except FollowUpDeskError as exc:
            progress.close()
            QMessageBox.warning(
                self,
                self.tr("Import failed"),
                self.tr("{error}\n\nNothing was imported: your contacts are as they were.").format(
                    error=exc
                ),
            )
            return
        progress.close()
        self.accept()


def run_import(parent: QWidget, transfer: ContactTransfer, path: Path) -> ImportResult | None:
    """Read ``path``, show the import dialog, import; None if nothing was imported."""
    try:
        with busy_cursor():
            source = transfer.read(path)
    except FollowUpDeskError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("ImportDialog", "Cannot import this file"), str(exc)
        )
        return None
    dialog = ImportDialog(transfer, source, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_counts


def import_summary(result: ImportResult) -> str:
    """What the status bar says after an import."""
    parts = [ImportText.tr("Imported {new}").format(new=_new_contacts(result.added))]
    if result.updated:
        parts.append(
            ImportText.tr("updated {count}", "", result.updated).format(
                count=_number(result.updated)
            )
        )
    if result.skipped:
        if result.skipped == 1:
            skipped = ImportText.tr("skipped {count} duplicate", "", result.skipped)
        else:
            skipped = ImportText.tr("skipped {count} duplicates", "", result.skipped)
        parts.append(skipped.format(count=_number(result.skipped)))
    if result.rejected:
        parts.append(
            ImportText.tr("{records} could not be imported").format(
                records=_records(result.rejected)
            )
        )
    return ImportText.tr("{parts}.").format(parts=ImportText.tr(", ").join(parts))
