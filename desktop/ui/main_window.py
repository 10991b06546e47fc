"""MainWindow: contacts on the left, the card and its letter on the right.

This is the one place that wires signals: widgets never talk to each other directly, and
every change goes through a domain service before the views are refreshed from it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, __version__
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactRecord, ContactService
from desktop.domain.errors import ContactNotFound, ValidationError
from desktop.domain.letters import Letter, thank_you_letter
from desktop.ui.business_card_form import BusinessCardForm
from desktop.ui.contact_table_model import COL_NAME, ContactIdRole, ContactTableModel
from desktop.ui.dialogs import ConfirmDeleteContact
from desktop.ui.icons import themed_icon
from desktop.ui.letter_preview import LetterPreview

STATUS_TIMEOUT_MS = 6000


class SettingsKey:
    GEOMETRY = "main_window/geometry"
    STATE = "main_window/state"
    MAIN_SPLITTER = "main_window/main_splitter"
    RIGHT_SPLITTER = "main_window/right_splitter"
    CONTACTS_HEADER = "contacts/header"


class MainWindow(QMainWindow):
    def __init__(
        self,
        contacts: ContactService,
        settings: QSettings,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._contacts = contacts
        self._settings = settings
        self._clock = clock
        self.setObjectName("main_window")
        self.setWindowTitle(f"{APP_NAME}[*]")

        self._build_contacts_pane()
        self.card_form = BusinessCardForm()
        self.card_form.setObjectName("business_card_form")
        self.letter_preview = LetterPreview()
        self.letter_preview.setObjectName("letter_preview")

        card_scroll = QScrollArea()
        card_scroll.setAccessibleName("Business card area")
        card_scroll.setWidget(self.card_form)
        card_scroll.setWidgetResizable(True)
        card_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setObjectName("right_splitter")
        self.right_splitter.addWidget(card_scroll)
        self.right_splitter.addWidget(self.letter_preview)
        self.right_splitter.setChildrenCollapsible(False)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(self.contacts_pane)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_splitter)

        self._build_actions()
        self._build_menus_and_toolbar()
        self._connect_signals()
        self._restore_state()
        self.reload_contacts()
        self._new_contact()
        if self.contact_model.rowCount() == 0:
            self.statusBar().showMessage(
                "No contacts yet: type the first business card on the right and save it."
            )

    # -- construction ---------------------------------------------------------------------
    def _build_contacts_pane(self) -> None:
        self.search_field = QLineEdit()
        self.search_field.setObjectName("contact_search")
        self.search_field.setPlaceholderText("Search contacts")
        self.search_field.setAccessibleName("Search contacts")
        self.search_field.setClearButtonEnabled(True)

        self.contact_model = ContactTableModel(self)
        self.contact_proxy = QSortFilterProxyModel(self)
        self.contact_proxy.setSourceModel(self.contact_model)
        self.contact_proxy.setFilterKeyColumn(-1)
        self.contact_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.contact_proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.contact_proxy.setSortLocaleAware(True)

        self.contact_table = QTableView()
        self.contact_table.setObjectName("contact_table")
        self.contact_table.setAccessibleName("Contacts")
        self.contact_table.setModel(self.contact_proxy)
        self.contact_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contact_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.contact_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contact_table.setAlternatingRowColors(True)
        self.contact_table.setSortingEnabled(True)
        self.contact_table.setWordWrap(False)
        self.contact_table.verticalHeader().setVisible(False)
        header = self.contact_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(140)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

        self.contact_count = QLabel()
        self.contact_count.setAccessibleName("Number of contacts")

        self.contacts_pane = QWidget()
        layout = QVBoxLayout(self.contacts_pane)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(self.search_field)
        layout.addWidget(self.contact_table, 1)
        layout.addWidget(self.contact_count)

    def _action(
        self,
        text: str,
        icon: str,
        shortcuts: list[QKeySequence] | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(themed_icon(icon), text, self)
        if shortcuts:
            action.setShortcuts(shortcuts)
        action.setStatusTip(tip)
        action.setToolTip(tip or text.replace("&", "").replace("…", ""))
        return action

    def _build_actions(self) -> None:
        keys = QKeySequence.keyBindings
        self.new_action = self._action(
            "&New Contact",
            "fa6s.user-plus",
            keys(QKeySequence.StandardKey.New),
            "Start a new business card",
        )
        self.save_action = self._action(
            "&Save Contact",
            "fa6s.floppy-disk",
            [*keys(QKeySequence.StandardKey.Save), QKeySequence("Ctrl+Return")],
            "Save the card (Ctrl+S or Ctrl+Return)",
        )
        self.delete_action = self._action(
            "&Delete Contact",
            "fa6s.user-minus",
            keys(QKeySequence.StandardKey.Delete),
            "Delete the selected contact",
        )
        # Delete must not steal the key from text fields: it acts only in the contacts list.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.contact_table.addAction(self.delete_action)
        self.find_action = self._action(
            "&Find Contact",
            "fa6s.magnifying-glass",
            keys(QKeySequence.StandardKey.Find),
            "Search the contacts",
        )
        self.quit_action = self._action(
            "&Quit", "fa6s.right-from-bracket", keys(QKeySequence.StandardKey.Quit)
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action = self._action("&About Follow-Up Desk", "fa6s.circle-info")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus_and_toolbar(self) -> None:
        menu_bar = self.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.addActions([self.new_action, self.save_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu_bar.addMenu("&Edit")
        edit_menu.addActions([self.find_action, self.delete_action])
        view_menu = menu_bar.addMenu("&View")
        view_menu.addActions(
            [
                self.letter_preview.zoom_in_action,
                self.letter_preview.zoom_out_action,
                self.letter_preview.fit_width_action,
            ]
        )
        help_menu = menu_bar.addMenu("&Help")
        help_menu.addAction(self.about_action)

        self.toolbar = self.addToolBar("Main")
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setAccessibleName("Main toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.new_action, self.save_action, self.delete_action])
        for action in self.toolbar.actions():
            widget = self.toolbar.widgetForAction(action)
            if widget is not None:
                widget.setAccessibleName(action.text().replace("&", ""))
        self.statusBar().setObjectName("status_bar")

    def _connect_signals(self) -> None:
        self.new_action.triggered.connect(self._new_contact)
        self.save_action.triggered.connect(self.save_card)
        self.delete_action.triggered.connect(self.delete_selected_contact)
        self.find_action.triggered.connect(self._focus_search)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._show_about)
        self.card_form.save_requested.connect(self.save_card)
        self.card_form.new_requested.connect(self._new_contact)
        self.card_form.card_edited.connect(self._on_card_edited)
        self.search_field.textChanged.connect(self._on_search_changed)
        self.contact_table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.contact_proxy.modelReset.connect(self._update_count)
        self.contact_proxy.rowsInserted.connect(self._update_count)
        self.contact_proxy.rowsRemoved.connect(self._update_count)

    # -- contacts -------------------------------------------------------------------------
    def reload_contacts(self, select_id: int | None = None) -> None:
        """Refresh the table from the service, keeping (or moving) the selection."""
        self.contact_model.set_rows(self._contacts.list_contacts())
        if select_id is not None:
            self.select_contact(select_id)

    def select_contact(self, contact_id: int) -> bool:
        row = self.contact_model.row_of(contact_id)
        if row is None:
            return False
        proxy_index = self.contact_proxy.mapFromSource(self.contact_model.index(row, COL_NAME))
        if not proxy_index.isValid():  # hidden by the search: show it rather than lose it
            self.search_field.clear()
            proxy_index = self.contact_proxy.mapFromSource(self.contact_model.index(row, COL_NAME))
        self.contact_table.selectionModel().setCurrentIndex(
            proxy_index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.contact_table.scrollTo(proxy_index)
        return True

    def selected_contact(self) -> ContactRecord | None:
        index = self.contact_table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        source = self.contact_proxy.mapToSource(index)
        return self.contact_model.record_at(source.row())

    def save_card(self) -> None:
        card = self.card_form.card()
        contact_id = self.card_form.contact_id
        try:
            if contact_id is None:
                saved = self._contacts.add_contact(card)
            else:
                saved = self._contacts.update_contact(contact_id, card)
        except ValidationError as exc:
            self.card_form.show_errors(exc.errors)
            self.statusBar().showMessage(f"Not saved: {exc}", STATUS_TIMEOUT_MS)
            return
        except ContactNotFound as exc:
            QMessageBox.warning(self, "Contact not saved", str(exc))
            self.reload_contacts()
            return
        self.contact_model.upsert(saved)
        self.select_contact(saved.id)
        self.card_form.load(saved.card, saved.id)
        self._on_card_edited()
        self.statusBar().showMessage(f"Saved {saved.formal_name}", STATUS_TIMEOUT_MS)

    def delete_selected_contact(self) -> None:
        record = self.selected_contact()
        if record is None:
            self.statusBar().showMessage("Select a contact to delete.", STATUS_TIMEOUT_MS)
            return
        if not ConfirmDeleteContact.ask(record, self):
            return
        row = self.contact_table.currentIndex().row()
        try:
            deleted = self._contacts.delete_contact(record.id)
        except ContactNotFound:
            deleted = record  # already gone, which is what the user asked for
        self.contact_model.remove(record.id)
        if self.contact_proxy.rowCount() > 0:
            next_row = min(row, self.contact_proxy.rowCount() - 1)
            next_index = self.contact_proxy.index(next_row, COL_NAME)
            self.select_contact(int(next_index.data(ContactIdRole)))
        else:
            self._new_contact()
        self.statusBar().showMessage(f"Deleted {deleted.formal_name}", STATUS_TIMEOUT_MS)

    def _new_contact(self) -> None:
        self.contact_table.selectionModel().clearSelection()
        self.contact_table.selectionModel().setCurrentIndex(
            QModelIndex(), QItemSelectionModel.SelectionFlag.Clear
        )
        self.card_form.load(None)
        self._on_card_edited()
        self.card_form.focus_first_field()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        record = self.contact_model.record_at(self.contact_proxy.mapToSource(current).row())
        if record.id == self.card_form.contact_id and not self.card_form.is_modified():
            return
        self.card_form.load(record.card, record.id)
        self._on_card_edited()

    def _on_card_edited(self) -> None:
        self.setWindowModified(self.card_form.is_modified())
        self.letter_preview.set_letter(self.current_letter())

    def current_letter(self) -> Letter | None:
        """The thank-you letter for the card as it stands in the form, if it names someone."""
        card = self.card_form.card().normalised()
        if not card.full_name:
            return None
        today = self._clock().astimezone().date()
        return thank_you_letter(card, on=today, locale=QLocale().name())

    def _on_search_changed(self, text: str) -> None:
        self.contact_proxy.setFilterFixedString(text)

    def _focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _update_count(self) -> None:
        total = self.contact_model.rowCount()
        shown = self.contact_proxy.rowCount()
        noun = "contact" if total == 1 else "contacts"
        text = f"{total} {noun}" if shown == total else f"{shown} of {total} {noun}"
        self.contact_count.setText(text)

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\n"
            "Follow up with everyone who can affect your job search: at the right time, "
            "in the right way, without overdoing it.",
        )

    # -- window state ---------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self._settings.value(SettingsKey.GEOMETRY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self._size_to_screen()
        for key, restore in (
            (SettingsKey.STATE, self.restoreState),
            (SettingsKey.MAIN_SPLITTER, self.main_splitter.restoreState),
            (SettingsKey.RIGHT_SPLITTER, self.right_splitter.restoreState),
            (SettingsKey.CONTACTS_HEADER, self.contact_table.horizontalHeader().restoreState),
        ):
            value = self._settings.value(key)
            if isinstance(value, QByteArray):
                restore(value)
        if self._settings.value(SettingsKey.MAIN_SPLITTER) is None:
            self.main_splitter.setSizes([560, 720])
            self.right_splitter.setSizes([480, 340])

    def _size_to_screen(self) -> None:
        """First start: a comfortable size that still fits a small laptop screen."""
        screen = self.screen().availableGeometry()
        self.resize(min(1280, int(screen.width() * 0.9)), min(820, int(screen.height() * 0.9)))

    def save_state(self) -> None:
        self._settings.setValue(SettingsKey.GEOMETRY, self.saveGeometry())
        self._settings.setValue(SettingsKey.STATE, self.saveState())
        self._settings.setValue(SettingsKey.MAIN_SPLITTER, self.main_splitter.saveState())
        self._settings.setValue(SettingsKey.RIGHT_SPLITTER, self.right_splitter.saveState())
        self._settings.setValue(
            SettingsKey.CONTACTS_HEADER, self.contact_table.horizontalHeader().saveState()
        )
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override of QWidget.closeEvent: remember the window's layout for next time."""
        self.save_state()
        super().closeEvent(event)
