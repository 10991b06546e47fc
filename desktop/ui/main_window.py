"""MainWindow: contacts, today's follow-ups and opportunities on the left; the card and its
letter on the right.

This is the one place that wires signals: widgets never talk to each other directly, and
every change goes through a domain service before the views are refreshed from it.

The window is built in two steps so that it is on screen before the database is open. The
frame (menus, toolbar, tabs, splitters, the window's saved geometry) needs nothing but Qt and
is what the first paint shows; ``attach`` then builds the panes on the opened services. So
this module imports only the light modules at its top: the panes, dialogs and their domain
types are imported in ``attach`` and in the methods that use them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# Qt's namespace (``QtCore.Qt.FocusReason`` and the like) and the dialogs' classes are reached
# through their modules, when used: PySide builds a class's Python side on its first use,
# and the Qt namespace alone (some 100 enums) costs 10-15 ms the first paint does not wait
# for. The frame sets what it needs of it through Qt's property system (see _FRAME_VALUES).
from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QMainWindow, QScrollArea, QSplitter, QTabWidget, QWidget

from desktop import APP_NAME, __version__
from desktop.domain.errors import ContactNotFound, FollowUpDeskError, ValidationError
from desktop.ui.icons import themed_icon
from desktop.ui.theme import remember_theme
from desktop.ui.translations import TranslationContext

if TYPE_CHECKING:
    from datetime import tzinfo

    from PySide6.QtCore import QMimeData, QModelIndex
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QLineEdit, QTableView

    from desktop.domain.card_entry import CardEntry, CardSaved
    from desktop.domain.clock import Clock
    from desktop.domain.contacts import ContactRecord, ContactService
    from desktop.domain.followups import Agenda, FollowUpService
    from desktop.domain.opportunities import OpportunityRecord, OpportunityService
    from desktop.domain.services import Services
    from desktop.ui.business_card_form import BusinessCardForm
    from desktop.ui.card_event_box import CardEventBox
    from desktop.ui.card_photo_view import CardPhotoView
    from desktop.ui.contact_history_view import ContactHistoryView
    from desktop.ui.contact_table_model import ContactTableModel
    from desktop.ui.contacts_pane import ContactsPane
    from desktop.ui.field_undo import FieldUndoFirst
    from desktop.ui.follow_up_flow import FollowUpFlow
    from desktop.ui.letter_composer import LetterComposer
    from desktop.ui.letter_desk import LetterDesk
    from desktop.ui.letter_preview import LetterPreview
    from desktop.ui.opportunities_pane import OpportunitiesPane
    from desktop.ui.today_view import TodayView
    from desktop.ui.undo_commands import ContactChange, ContactCommand

STATUS_TIMEOUT_MS = 8000
# Plural texts: lupdate sees the count of ``MainWindowText.tr`` (see desktop.ui.translations).
MainWindowText = TranslationContext("MainWindowText")
# Time moves on while the window is open: re-sort the agenda every minute.
AGENDA_REFRESH_MS = 60_000


class SettingsKey:
    GEOMETRY = "main_window/geometry"
    STATE = "main_window/state"
    MAIN_SPLITTER = "main_window/main_splitter"
    RIGHT_SPLITTER = "main_window/right_splitter"
    CARD_SPLITTER = "main_window/card_splitter"
    CONTACTS_HEADER = "contacts/header"
    LEFT_TAB = "main_window/left_tab"
    PROFILE_ASKED = "profile/asked"
    IMPORT_DIR = "files/import_dir"
    BACKUP_DIR = "files/backup_dir"
    EXPORT_DIR = "files/export_dir"


_IMPORTABLE_SUFFIXES = (".csv", ".vcf", ".vcard", ".txt")


def _dropped_file(mime: QMimeData) -> Path | None:
    """The one local contacts file being dragged, if that is what it is."""
    urls = mime.urls()
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in _IMPORTABLE_SUFFIXES else None


def system_zone() -> tzinfo:
    """The computer's time zone (desktop.ui.local_time, and zoneinfo, load when first
    asked: after the first paint)."""
    from desktop.ui.local_time import local_zone

    return local_zone()


# Values of Qt enums the frame sets through Qt's property system, which takes them as
# numbers: naming them (Qt.Orientation.Vertical) would build PySide's Qt namespace before
# the first paint. tests/ui/test_window_first.py checks them against the enums.
_FRAME_VALUES = {
    "vertical": 2,  # Qt.Orientation.Vertical
    "text_beside_icon": 2,  # Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    "align_center": 0x84,  # Qt.AlignmentFlag.AlignCenter
}


def _waiting(text: str) -> QLabel:
    """A pane's stand-in while the database opens: what is happening, greyed, centred."""
    label = QLabel(text)
    label.setProperty("alignment", _FRAME_VALUES["align_center"])
    label.setEnabled(False)  # the palette's disabled text: grey in light and dark themes
    return label


def _put_page(tabs: QTabWidget, index: int, page: QWidget) -> None:
    """Put ``page`` in place of the placeholder at ``index``, with the same icon and text,
    the current tab staying the current tab."""
    current = tabs.currentIndex()
    placeholder = tabs.widget(index)
    icon, text = tabs.tabIcon(index), tabs.tabText(index)
    tabs.removeTab(index)
    tabs.insertTab(index, page, icon, text)
    tabs.setCurrentIndex(current)
    if placeholder is not None:
        placeholder.deleteLater()


class MainWindow(QMainWindow):
    # A backup the user chose to restore (Path): the app session closes this window and its
    # database, swaps the file and opens a new window on it.
    restore_requested = Signal(object)
    # Start-up: the lists (contacts, today, opportunities) have been filled and painted,
    # the card and letter are being built (see ``attach``).
    lists_shown = Signal()

    # Built by ``attach``, once the database is open.
    contacts_pane: ContactsPane
    contact_model: ContactTableModel
    contact_table: QTableView
    search_field: QLineEdit
    contact_count: QLabel
    today_view: TodayView
    opportunities_pane: OpportunitiesPane
    card_entry: CardEntry
    card_event_box: CardEventBox
    card_form: BusinessCardForm
    composer: LetterComposer
    letter_preview: LetterPreview
    card_photo: CardPhotoView
    history_view: ContactHistoryView
    flow: FollowUpFlow
    letter_desk: LetterDesk
    _services: Services
    _contacts: ContactService
    _follow_ups: FollowUpService
    _opportunities: OpportunityService
    _clock: Clock
    _field_undo: FieldUndoFirst

    def __init__(
        self,
        services: Services | None,
        settings: QSettings,
        zone: Callable[[], tzinfo] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """The whole window on ``services``; with None, only its frame, to be shown while
        the database opens and completed by ``attach``."""
        super().__init__(parent)
        self._settings = settings
        self._zone = zone or system_zone
        self._owed_count = 0
        self._attached = False
        self.setObjectName("main_window")
        self.setWindowTitle(f"{APP_NAME}[*]")
        self._build_frame()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._restore_state()
        if services is None:
            self.statusBar().showMessage(self.tr("Opening your contacts…"))
        else:
            self.attach(services)

    # -- construction ---------------------------------------------------------------------
    def _build_frame(self) -> None:
        """Tabs and splitters, each pane a placeholder until ``attach``."""
        self.left_tabs = tabs = QTabWidget()
        tabs.setObjectName("left_tabs")
        tabs.setAccessibleName(self.tr("Contacts, follow-ups and opportunities"))
        tabs.tabBar().setAccessibleName(self.tr("Choose contacts, today or opportunities"))
        opening = self.tr("Opening your contacts…")
        tabs.addTab(_waiting(opening), themed_icon("fa6s.address-book"), self.tr("Contacts"))
        tabs.addTab(_waiting(opening), themed_icon("fa6s.list-check"), self.tr("Today"))
        tabs.addTab(_waiting(opening), themed_icon("fa6s.briefcase"), self.tr("Opportunities"))

        self.card_scroll = QScrollArea()
        self.card_scroll.setAccessibleName(self.tr("Business card area"))
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.right_tabs = QTabWidget()
        self.right_tabs.setObjectName("right_tabs")
        self.right_tabs.setAccessibleName(self.tr("Letter and history"))
        self.right_tabs.tabBar().setAccessibleName(self.tr("Choose letter or history"))
        self.right_tabs.addTab(QWidget(), themed_icon("fa6s.envelope"), self.tr("Letter"))
        self.right_tabs.addTab(QWidget(), themed_icon("fa6s.clock-rotate-left"), self.tr("History"))

        # The photo of the card beside the form: glance at it while typing the card in.
        self.card_splitter = QSplitter()  # horizontal
        self.card_splitter.setObjectName("card_splitter")
        self.card_splitter.addWidget(self.card_scroll)
        self.card_splitter.addWidget(QWidget())
        self.card_splitter.setStretchFactor(0, 3)
        self.card_splitter.setStretchFactor(1, 1)
        self.card_splitter.setChildrenCollapsible(False)
        self.right_splitter = QSplitter()
        self.right_splitter.setProperty("orientation", _FRAME_VALUES["vertical"])
        self.right_splitter.setObjectName("right_splitter")
        self.right_splitter.addWidget(self.card_splitter)
        self.right_splitter.addWidget(self.right_tabs)
        self.right_splitter.setChildrenCollapsible(False)

        self.main_splitter = QSplitter()  # horizontal
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(self.left_tabs)
        self.main_splitter.addWidget(self.right_splitter)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_splitter)
        self.agenda_timer = QTimer(self)
        self.agenda_timer.setInterval(AGENDA_REFRESH_MS)
        # Changes to contacts, undone and redone from the Edit menu. Made before the
        # actions: children go in the order they came, and the stack tells the Undo and
        # Redo actions about its last commands as it goes.
        self.undo_stack = QUndoStack(self)

    @property
    def is_attached(self) -> bool:
        """True once the panes are built on the database (see ``attach``)."""
        return self._attached

    def attach(self, services: Services) -> None:
        """Build the panes on ``services`` in place of the frame's placeholders, wire them
        and fill them. Raises peewee or sqlite3 errors if the database cannot be read.

        The lists on the left (contacts, today, opportunities) are built, filled and
        painted first (``lists_shown``); the card, its photo and the letter, the larger
        part of the work, are built after, in the same call, so that nothing can happen
        in the window while it is half built."""
        assert not self._attached, "attached once: a new database gets a new window"
        self._services = services
        self._contacts = services.contacts
        self._follow_ups = services.follow_ups
        self._opportunities = services.opportunities
        self._clock = services.clock
        self.statusBar().clearMessage()
        opportunities = self._attach_lists(services)
        self._show_lists_now()
        self._attach_card_and_letter(services)
        self.card_event_box.set_opportunities([(o.id, o.title) for o in opportunities])
        self._attached = True
        self.setAcceptDrops(True)
        self._show_blank_card()
        self.agenda_timer.start()

    def _attach_lists(self, services: Services) -> list[OpportunityRecord]:
        """The left side, filled: contacts, today's follow-ups, opportunities. Returns the
        opportunities (the card's event box lists them too)."""
        from desktop.ui.contacts_pane import ContactsPane
        from desktop.ui.opportunities_pane import OpportunitiesPane
        from desktop.ui.today_view import TodayView

        self.contacts_pane = ContactsPane(services.directory, self._clock, self._zone)
        # Short names for the widgets tests and the rest of the window use most.
        self.contact_model = self.contacts_pane.model
        self.contact_table = self.contacts_pane.table
        self.search_field = self.contacts_pane.search_field
        self.contact_count = self.contacts_pane.count_label
        self.today_view = TodayView()
        self.opportunities_pane = OpportunitiesPane()
        _put_page(self.left_tabs, 0, self.contacts_pane)
        _put_page(self.left_tabs, 1, self.today_view)
        _put_page(self.left_tabs, 2, self.opportunities_pane)
        header = self._settings.value(SettingsKey.CONTACTS_HEADER)
        if isinstance(header, QByteArray):
            self.contact_table.horizontalHeader().restoreState(header)
        self.reload_contacts()
        opportunities = self._opportunities.list_opportunities()
        self.opportunities_pane.set_rows(opportunities)
        self.contacts_pane.set_opportunities(opportunities)
        self._greet(self.refresh_agenda())
        return opportunities

    def _show_lists_now(self) -> None:
        """Paint the filled lists now, rather than once the whole window is built: the
        card and the letter take longer to build than the lists took."""
        # Lay the new pages out first (their layout requests are queued): only those
        # events, so no click or key is handled in a half-built window.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.left_tabs.repaint()
        self.lists_shown.emit()

    def _attach_card_and_letter(self, services: Services) -> None:
        """The right side (card, photo, letter, history), the dialogs' flow, the menus
        and the wiring."""
        from desktop.ui.business_card_form import BusinessCardForm
        from desktop.ui.card_event_box import CardEventBox
        from desktop.ui.card_photo_view import CardPhotoView
        from desktop.ui.contact_history_view import ContactHistoryView
        from desktop.ui.field_undo import FieldUndoFirst
        from desktop.ui.follow_up_flow import FollowUpFlow
        from desktop.ui.letter_composer import LetterComposer
        from desktop.ui.letter_desk import LetterDesk

        clock, zone, contacts = self._clock, self._zone, self._contacts
        self.card_entry = services.card_entry
        self.card_event_box = CardEventBox(clock(), zone())
        self.card_event_box.setObjectName("card_event_box")
        self.card_form = BusinessCardForm(event_box=self.card_event_box)
        # The event the last new card was saved with: the next card of the batch joins it.
        self._batch_event_id: int | None = None
        self.card_form.setObjectName("business_card_form")
        self.composer = LetterComposer()
        self.composer.setObjectName("letter_composer")
        self.letter_preview = self.composer.preview
        self.card_photo = CardPhotoView()
        self.card_photo.setObjectName("card_photo")
        self.history_view = ContactHistoryView()
        self.history_view.setObjectName("history_view")
        self.card_scroll.setWidget(self.card_form)
        photo_placeholder = self.card_splitter.replaceWidget(1, self.card_photo)
        if photo_placeholder is not None:
            photo_placeholder.deleteLater()
        _put_page(self.right_tabs, 0, self.composer)
        _put_page(self.right_tabs, 1, self.history_view)

        self.flow = FollowUpFlow(
            contacts=contacts,
            follow_ups=self._follow_ups,
            opportunities=self._opportunities,
            preferences=services.preferences,
            clock=clock,
            zone=zone,
            people=contacts.choices,
            parent=self,
            backups=services.backups,
            profiles=services.profile,
        )
        self.letter_desk = LetterDesk(self.composer, services, clock, zone, self)
        self._switch_pending = False
        self._step_failure: tuple[str, str] | None = None

        context = QtCore.Qt.ShortcutContext
        # Delete must not steal the key from text fields: it acts only in the contacts list.
        self.delete_action.setShortcutContext(context.WidgetWithChildrenShortcut)
        self.contact_table.addAction(self.delete_action)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(context.WindowShortcut)
        self._fill_menus()
        self._connect_signals()
        self._field_undo = FieldUndoFirst(self)
        self._field_undo.watch(self)

    # -- actions -------------------------------------------------------------------------
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
            self.tr("&New Contact"),
            "fa6s.user-plus",
            keys(QKeySequence.StandardKey.New),
            self.tr("Start a new business card"),
        )
        self.save_action = self._action(
            self.tr("&Save Contact"),
            "fa6s.floppy-disk",
            keys(QKeySequence.StandardKey.Save),
            self.tr("Save the card"),
        )
        self.save_next_action = self._action(
            self.tr("Save and &Next Card"),
            "fa6s.forward-step",
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")],
            self.tr(
                "Save the card and start the next, keeping company, address, where you met "
                "and the event"
            ),
        )
        self.delete_action = self._action(
            self.tr("&Delete Contact"),
            "fa6s.user-minus",
            keys(QKeySequence.StandardKey.Delete),
            self.tr("Delete the selected contacts (Shift- or Ctrl-click to select several)"),
        )
        # Window-wide, but a text field with typing to undo keeps Ctrl+Z (see field_undo).
        self.undo_action = self._action(
            self.tr("&Undo"), "fa6s.rotate-left", keys(QKeySequence.StandardKey.Undo)
        )
        self.redo_action = self._action(
            self.tr("&Redo"), "fa6s.rotate-right", keys(QKeySequence.StandardKey.Redo)
        )
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
        self.addActions([self.undo_action, self.redo_action])
        self.find_action = self._action(
            self.tr("&Find Contact"),
            "fa6s.magnifying-glass",
            keys(QKeySequence.StandardKey.Find),
            self.tr("Search the contacts"),
        )
        self.log_event_action = self._action(
            self.tr("&Log Event…"),
            "fa6s.calendar-plus",
            [QKeySequence("Ctrl+L")],
            self.tr("Record an interview, a resume sent, help received… and plan its follow-ups"),
        )
        self.today_action = self._action(
            self.tr("&Today's Follow-Ups"), "fa6s.list-check", [QKeySequence("Ctrl+T")]
        )
        self.new_opportunity_action = self._action(
            self.tr("New &Opportunity…"),
            "fa6s.briefcase",
            tip=self.tr("Track a company and position"),
        )
        self.export_calendar_action = self._action(
            self.tr("Export Follow-Ups to &Calendar…"),
            "fa6s.calendar-days",
            tip=self.tr(
                "Save pending follow-ups as an .ics file for Outlook, Apple or Google Calendar"
            ),
        )
        self.print_due_letters_action = self._action(
            self.tr("Print &Letters for Due Follow-Ups…"),
            "fa6s.print",
            tip=self.tr(
                "One letter per overdue or due follow-up, each with its situation's template"
            ),
        )
        self.pdf_due_letters_action = self._action(
            self.tr("Save Letters for Due Follow-Ups as PDF…"), "fa6s.file-pdf"
        )
        self.backup_action = self._action(
            self.tr("&Back Up Now…"),
            "fa6s.box-archive",
            tip=self.tr("Save a copy of all your contacts, events and letters where you choose"),
        )
        self.restore_action = self._action(
            self.tr("&Restore From Backup…"),
            "fa6s.clock-rotate-left",
            tip=self.tr(
                "Go back to a backup: daily ones and those made before imports and upgrades"
            ),
        )
        self.import_action = self._action(
            self.tr("&Import Contacts…"),
            "fa6s.file-import",
            [QKeySequence("Ctrl+Shift+I")],
            self.tr(
                "Add contacts from LinkedIn, Google, Outlook, CSV or vCard (or drop a file here)"
            ),
        )
        self.export_action = self._action(
            self.tr("E&xport Contacts…"),
            "fa6s.file-export",
            [QKeySequence("Ctrl+Shift+E")],
            self.tr("Save the contacts shown (or all) as a CSV or vCard file"),
        )
        self.print_agenda_action = self._action(self.tr("&Print Agenda…"), "fa6s.print")
        self.agenda_pdf_action = self._action(self.tr("Save Agenda as P&DF…"), "fa6s.file-pdf")
        self.profile_action = self._action(
            self.tr("Your &Profile…"),
            "fa6s.id-badge",
            tip=self.tr("Your name and address for the letters"),
        )
        self.templates_action = self._action(
            self.tr("Letter &Templates…"),
            "fa6s.file-lines",
            tip=self.tr("Edit the letters for each situation"),
        )
        self.preferences_action = self._action(
            self.tr("Pr&eferences…"),
            "fa6s.sliders",
            # Windows has no standard key for it: Ctrl+, as most applications there use.
            keys(QKeySequence.StandardKey.Preferences) or [QKeySequence("Ctrl+,")],
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action(
            self.tr("&Quit"),
            "fa6s.right-from-bracket",
            # Platforms without a standard Quit key (Windows, bare X11) get the usual Ctrl+Q.
            keys(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")],
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.guide_action = self._action(
            self.tr("Follow-Up &Guide"),
            "fa6s.book-open",
            keys(QKeySequence.StandardKey.HelpContents),
            self.tr("Whom to follow up with, when and how"),
        )
        self.about_action = self._action(self.tr("&About Follow-Up Desk"), "fa6s.circle-info")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_menus_and_toolbar(self) -> None:
        """The menus (filled by ``attach``, see ``_fill_menus``), toolbar and status bar."""
        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu(self.tr("&File"))
        self.edit_menu = menu_bar.addMenu(self.tr("&Edit"))
        self.edit_menu.setObjectName("edit_menu")
        self.follow_menu = menu_bar.addMenu(self.tr("F&ollow-Ups"))
        self.view_menu = menu_bar.addMenu(self.tr("&View"))
        self.help_menu = menu_bar.addMenu(self.tr("&Help"))

        self.toolbar = self.addToolBar(self.tr("Main"))
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setAccessibleName(self.tr("Main toolbar"))
        self.toolbar.setProperty("toolButtonStyle", _FRAME_VALUES["text_beside_icon"])
        self.toolbar.addActions([self.new_action, self.save_action, self.delete_action])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.log_event_action)
        self.statusBar().setObjectName("status_bar")

    def _fill_menus(self) -> None:
        """The menus' entries: some are the panes' own actions (the letter's, the card's)."""
        file_menu = self.file_menu
        file_menu.addActions([self.new_action, self.save_action, self.save_next_action])
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        composer = self.composer
        file_menu.addActions(
            [composer.print_action, composer.print_preview_action, composer.pdf_action]
        )
        file_menu.addActions([composer.envelope_print_action, composer.envelope_pdf_action])
        file_menu.addSeparator()
        file_menu.addActions(
            [self.export_calendar_action, self.print_agenda_action, self.agenda_pdf_action]
        )
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.edit_menu
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.card_form.paste_text_action)
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.delete_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.profile_action, self.templates_action, self.preferences_action])
        self.follow_menu.addActions(
            [self.log_event_action, self.today_action, self.new_opportunity_action]
        )
        self.follow_menu.addSeparator()
        self.follow_menu.addActions([self.print_due_letters_action, self.pdf_due_letters_action])
        self.view_menu.addActions(
            [
                self.letter_preview.zoom_in_action,
                self.letter_preview.zoom_out_action,
                self.letter_preview.fit_width_action,
            ]
        )
        self.help_menu.addActions([self.guide_action, self.about_action])
        # Here, not with the toolbar: the first look at a tool button initialises PySide's
        # wrapper of its class, some 10 ms the frame's first paint need not wait for.
        for action in self.toolbar.actions():
            widget = self.toolbar.widgetForAction(action)
            if widget is not None:
                widget.setAccessibleName(action.text().replace("&", "").rstrip("…"))

    def _connect_signals(self) -> None:
        self.new_action.triggered.connect(self._new_contact)
        self.save_action.triggered.connect(self.save_card)
        self.save_next_action.triggered.connect(self.save_and_next)
        self.delete_action.triggered.connect(self.delete_selected_contacts)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self._name_step(self.undo_action, self.tr("&Undo"), text)
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: self._name_step(self.redo_action, self.tr("&Redo"), text)
        )
        self.find_action.triggered.connect(self._focus_search)
        self.log_event_action.triggered.connect(self.log_event)
        self.today_action.triggered.connect(self.show_today)
        self.new_opportunity_action.triggered.connect(lambda: self.flow.edit_opportunity())
        self.export_calendar_action.triggered.connect(self.export_calendar)
        self.print_agenda_action.triggered.connect(self.print_agenda)
        self.print_due_letters_action.triggered.connect(lambda: self.send_due_letters(to_pdf=False))
        self.pdf_due_letters_action.triggered.connect(lambda: self.send_due_letters(to_pdf=True))
        self.agenda_pdf_action.triggered.connect(self.save_agenda_pdf)
        self.import_action.triggered.connect(self.import_contacts)
        self.backup_action.triggered.connect(self.back_up_now)
        self.restore_action.triggered.connect(self.choose_backup_to_restore)
        self.export_action.triggered.connect(self.export_contacts)
        self.preferences_action.triggered.connect(self.flow.edit_preferences)
        self.quit_action.triggered.connect(self.close)
        self.about_action.triggered.connect(self._show_about)
        self.guide_action.triggered.connect(lambda: self.show_guide())
        self.contacts_pane.new_card_requested.connect(self._new_contact)
        self.contacts_pane.import_requested.connect(self.import_contacts)
        self.contacts_pane.guide_requested.connect(lambda: self.show_guide())

        self.card_form.save_requested.connect(self.save_card)
        self.card_form.save_next_requested.connect(self.save_and_next)
        self.card_form.identity_edited.connect(self._look_for_similar)
        self.card_form.similar_contact_requested.connect(self.select_contact)
        self.card_form.new_requested.connect(self._new_contact)
        self.card_form.card_edited.connect(self._on_card_edited)
        self.card_photo.photo_edited.connect(self._on_card_edited)
        self.card_form.choose_introducer_requested.connect(self._choose_introducer)
        self.contact_table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        self.today_view.write_letter_requested.connect(self.write_letter_for)
        self.today_view.follow_up_selected.connect(self.write_letter_for)
        self.today_view.mark_sent_requested.connect(self.flow.mark_sent)
        self.today_view.dismiss_requested.connect(self.flow.dismiss)
        self.today_view.log_event_requested.connect(self.log_event)
        self.history_view.delete_event_requested.connect(self.flow.delete_event)
        self.opportunities_pane.new_requested.connect(lambda: self.flow.edit_opportunity())
        self.opportunities_pane.edit_requested.connect(self.flow.edit_opportunity)
        self.opportunities_pane.delete_requested.connect(self.flow.delete_opportunity)

        self.flow.done.connect(self._after_operation)
        self.letter_desk.done.connect(self._after_operation)
        self.composer.manage_templates_requested.connect(self.manage_templates)
        self.profile_action.triggered.connect(self.edit_profile)
        self.templates_action.triggered.connect(self.manage_templates)
        self.agenda_timer.timeout.connect(self.refresh_agenda)

    # -- contacts -------------------------------------------------------------------------
    def reload_contacts(self, select_id: int | None = None) -> None:
        """Refresh the table from the directory, keeping (or moving) the selection."""
        self.contacts_pane.refresh(changed=None)
        if select_id is not None:
            self.select_contact(select_id)

    def select_contact(self, contact_id: int) -> bool:
        """Show ``contact_id`` in the table and on the card. False if they cannot be shown,
        or the user chose to stay on a card with unsaved edits."""
        if contact_id != self.card_form.contact_id and not self._settle_unsaved_card():
            return False
        if not self.contacts_pane.select_contact(contact_id):
            return False
        if self.card_form.contact_id != contact_id:  # their row was current already
            self._show_contact(contact_id)
        return True

    def selected_contact(self) -> ContactRecord | None:
        return self.contacts_pane.selected_contact()

    def save_card(self) -> bool:
        """Save the card; False (with the errors beside their fields) if it cannot be."""
        from desktop.domain.card_photos import KEEP_PHOTO
        from desktop.ui.local_time import format_local
        from desktop.ui.undo_commands import AddContactCommand, EditContactCommand

        card = self.card_form.card()
        contact_id = self.card_form.contact_id
        photo = self.card_photo.photo_change()
        command: ContactCommand | None = None
        entry: CardSaved | None = None
        try:
            if contact_id is None:
                entry = self.card_entry.save_new(
                    card,
                    self.card_event_box.shared_event(),
                    previous_event_id=self._batch_event_id,
                    photo=photo,
                )
                saved = entry.contact
                command = AddContactCommand(saved, self._contacts, *self._step_reports())
            else:
                before = self._contacts.get_contact(contact_id)
                photos = self._services.card_photos
                photo_before = photos.get(contact_id) if photo is not KEEP_PHOTO else KEEP_PHOTO
                saved = self._contacts.update_contact(contact_id, card, photo=photo)
                if saved.card != before.card or photo is not KEEP_PHOTO:
                    photo_after = photos.get(contact_id) if photo is not KEEP_PHOTO else KEEP_PHOTO
                    command = EditContactCommand(
                        before,
                        saved,
                        self._contacts,
                        *self._step_reports(),
                        photos=(photo_before, photo_after),
                    )
        except ValidationError as exc:
            self.card_form.show_errors(exc.errors)
            if "photo" in exc.errors:
                self.card_photo.show_problem(exc.errors["photo"])
            self.statusBar().showMessage(
                self.tr("Not saved: {reason}").format(reason=exc), STATUS_TIMEOUT_MS
            )
            return False
        except ContactNotFound as exc:
            QtWidgets.QMessageBox.warning(self, self.tr("Contact not saved"), str(exc))
            self.reload_contacts()
            return False
        if command is not None:
            self.undo_stack.push(command)
        # The card first: selecting the row then finds its contact already shown.
        self._load_card(saved)
        self.contacts_pane.refresh(changed=[saved.id])
        self.contacts_pane.select_contact(saved.id)
        message = self.tr("Saved {name}").format(name=saved.formal_name)
        if entry is not None and entry.event_id is not None:
            self._batch_event_id = entry.event_id
            count = len(entry.follow_ups)
            message = self.tr("Saved {name}, with a follow-up due by {due}").format(
                name=saved.formal_name,
                due=format_local(entry.follow_ups[0].closes_at, self._zone()) if count else "",
            )
            self.refresh_agenda()
            self._show_history(saved.id)
            # The person who introduced them helped land this interview: offer a thank-you.
            self.flow.offer_thanks(entry.thank_introducers)
        elif contact_id is not None:
            self.refresh_agenda()  # a renamed person or a new address changes the list
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)
        return True

    def save_and_next(self) -> bool:
        """Save the card and start the next one of the batch (Ctrl+Return): company,
        address, where you met and the event stay; the cursor goes to the name."""
        if not self.save_card():
            return False
        message = self.statusBar().currentMessage()
        self.contacts_pane.clear_selection()
        self.card_form.start_next_card()
        self.card_photo.clear()
        self._show_history(None)
        self.setWindowModified(False)
        self._show_card_letter()
        self.statusBar().showMessage(
            self.tr("{saved}. Next card: type the name.").format(saved=message),
            STATUS_TIMEOUT_MS,
        )
        return True

    def _look_for_similar(self) -> None:
        """Typing paused on a name, company or email: warn of a possible duplicate."""
        card = self.card_form.card()
        found = self._services.directory.similar_to(card, exclude_id=self.card_form.contact_id)
        self.card_form.show_similar(found)

    def delete_selected_contacts(self) -> None:
        """Delete every selected contact after one confirmation; Undo brings them back."""
        from desktop.ui.dialogs import NAMED_IN_BULK, ConfirmDeleteContacts
        from desktop.ui.undo_commands import DeleteContactsCommand

        pane = self.contacts_pane
        ids = pane.selected_contact_ids()
        current = pane.selected_contact_id()
        if not ids and current is not None:
            ids = [current]
        if not ids:
            self.statusBar().showMessage(self.tr("Select a contact to delete."), STATUS_TIMEOUT_MS)
            return
        rows = [row for row in map(self.contact_model.row_of, ids) if row is not None]
        try:
            named = [self.contact_model.record_at(row) for row in rows[:NAMED_IN_BULK]]
        except ContactNotFound:
            self.reload_contacts()  # deleted meanwhile: let the user look again
            return
        follow_up_count = self._contacts.count_follow_ups(ids)
        if not ConfirmDeleteContacts.ask(named, len(ids), follow_up_count, self):
            return
        deleted = self._contacts.delete_contacts(ids)
        if deleted.count:
            self.undo_stack.push(
                DeleteContactsCommand(deleted, self._contacts, *self._step_reports())
            )
        what = deleted.describe() if deleted.count else named[0].formal_name
        card_gone = self.card_form.contact_id in set(ids)
        if card_gone:
            self.card_form.load(None)  # their card (and any edits to it) went with them
            self.card_photo.clear()
        pane.refresh(changed=ids, keep_current=not card_gone)
        if card_gone and self.contact_model.rowCount() > 0:
            next_row = min(min(rows, default=0), self.contact_model.rowCount() - 1)
            self.select_contact(self.contact_model.contact_id_at(next_row))
        elif card_gone:
            self._show_blank_card()
        self.statusBar().showMessage(self.tr("Deleted {what}").format(what=what), STATUS_TIMEOUT_MS)
        self.refresh_agenda()
        self.reload_opportunities()

    # The name the action was first wired under.
    delete_selected_contact = delete_selected_contacts

    def _new_contact(self) -> None:
        """New Contact: a blank card, once any unsaved edits are saved or dropped."""
        if self._settle_unsaved_card():
            self._show_blank_card()

    def _show_blank_card(self) -> None:
        self.contacts_pane.clear_selection()
        # A new card starts a new batch: no event is carried over from earlier cards.
        self._batch_event_id = None
        self.card_event_box.start_over(self._clock())
        self.card_form.load(None)
        self.card_photo.clear()
        self._show_history(None)
        self.setWindowModified(False)
        self._show_card_letter()
        self.card_form.focus_first_field()

    def _settle_unsaved_card(self) -> bool:
        """Before the card shows someone else, or the window closes: ask what to do with
        unsaved edits. True when the card may change (saved, discarded, or unmodified);
        False to stay (the user cancelled, or the save was refused: its errors show)."""
        if not self._card_modified():
            return True
        from desktop.ui.dialogs import AskSaveChanges

        answer = AskSaveChanges.ask(self.card_form.subject_name(), self)
        if answer == QtWidgets.QMessageBox.StandardButton.Save:
            return self.save_card()
        if answer == QtWidgets.QMessageBox.StandardButton.Discard:
            self.card_form.revert()
            self.card_photo.revert()
            self._on_card_edited()
            return True
        return False

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        contact_id = self.contact_model.contact_id_at(current.row())
        if contact_id == self.card_form.contact_id:
            return  # already on the card, with whatever edits it has
        if self._card_modified():
            # Asked once the view is done with the click or key that moved the selection:
            # a dialog in the middle of its mouse press would leave the view confused.
            if not self._switch_pending:
                self._switch_pending = True
                QTimer.singleShot(0, self._finish_switch)
            return
        self._show_contact(contact_id)

    def _finish_switch(self) -> None:
        """The table moved away from a card with unsaved edits: save, drop, or go back."""
        self._switch_pending = False
        target = self.contacts_pane.selected_contact_id()
        if target is None or target == self.card_form.contact_id:
            return
        if not self._settle_unsaved_card():
            self.contacts_pane.show_current(self.card_form.contact_id)
            return
        if self.contacts_pane.selected_contact_id() != target:  # the save selected its row
            self.contacts_pane.show_current(target)
        if self.card_form.contact_id != target:
            self._show_contact(target)

    def _show_contact(self, contact_id: int) -> None:
        try:
            record = self._contacts.get_contact(contact_id)
        except ContactNotFound:
            self.reload_contacts()
            return
        self._load_card(record)

    def _load_card(self, record: ContactRecord) -> None:
        introducer = ""
        if record.introduced_by_id is not None:
            introducer = self._contacts.names([record.introduced_by_id]).get(
                record.introduced_by_id, ""
            )
        fresh = record.id != self.card_form.contact_id
        self.card_form.load(record.card, record.id, introducer)
        stored = self._services.card_photos.get(record.id)
        if stored is None:
            self.card_photo.clear()
        else:
            self.card_photo.set_photo(stored.data, stored.media_type)
        self._show_history(record.id)
        self.setWindowModified(False)
        if fresh:
            self._show_card_letter()
        else:
            self._on_card_edited()

    def _show_history(self, contact_id: int | None) -> None:
        """The card's one-line summary and the History tab, for ``contact_id`` (or nobody)."""
        if contact_id is None:
            self.card_form.set_history("")
            self.history_view.set_history([], self._zone())
            return
        self.card_form.set_history(self._history_text(contact_id))
        self.history_view.set_history(
            self._follow_ups.for_contact(contact_id),
            self._zone(),
            self._services.letters.for_contact(contact_id),
        )

    def _history_text(self, contact_id: int) -> str:
        from desktop.ui.local_time import format_local
        from desktop.ui.vocabulary_text import channel_phrase

        history = self._follow_ups.history(contact_id)
        parts = []
        if history.last_sent is not None and history.last_sent.sent_at is not None:
            channel = history.last_sent.sent_channel
            when = format_local(history.last_sent.sent_at, self._zone())
            count = history.sent_count
            # English says "once" for one: a message of its own (a translation may use %n).
            if count == 1:
                times = MainWindowText.tr("Followed up once", "", count)
            else:
                times = MainWindowText.tr("Followed up %n times", "", count)
            if channel is None:
                text = self.tr("{times}; last on {when}.")
            else:
                text = self.tr("{times}; last on {when} by {channel}.")
            channel_words = channel_phrase(channel) if channel else ""
            parts.append(text.format(times=times, when=when, channel=channel_words))
        if pending := history.pending_count:
            if pending == 1:
                parts.append(MainWindowText.tr("%n follow-up pending.", "", pending))
            else:
                parts.append(MainWindowText.tr("%n follow-ups pending.", "", pending))
        return " ".join(parts)

    def _choose_introducer(self) -> None:
        from desktop.ui.contact_picker import ContactPickerDialog

        exclude = {self.card_form.contact_id} if self.card_form.contact_id is not None else set()
        chosen = ContactPickerDialog.ask(
            self._contacts.choices(),
            multi=False,
            title=self.tr("Who introduced them?"),
            exclude=exclude,
            parent=self,
        )
        if chosen:
            contact_id = chosen[0]
            self.card_form.set_introducer(
                contact_id, self._contacts.names([contact_id])[contact_id]
            )

    # -- undo and redo --------------------------------------------------------------------
    def undo(self) -> None:
        """Edit ▸ Undo: the last change to contacts (settling unsaved edits to its card)."""
        self._step(self.undo_stack.index() - 1, self.undo_stack.undo)

    def redo(self) -> None:
        self._step(self.undo_stack.index(), self.undo_stack.redo)

    def _step(self, index: int, run: Callable[[], None]) -> None:
        from desktop.ui.undo_commands import ContactCommand

        command = self.undo_stack.command(index)
        if command is None:
            return
        card_id = self.card_form.contact_id
        if (
            isinstance(command, ContactCommand)
            and card_id in command.contact_ids()
            and self._card_modified()
        ):
            position = (self.undo_stack.index(), self.undo_stack.count())
            if not self._settle_unsaved_card():
                return
            if (self.undo_stack.index(), self.undo_stack.count()) != position:
                return  # saved: that save is now the last change, for the next undo
        self._step_failure = None
        run()
        if self._step_failure is not None:
            title, message = self._step_failure
            self._step_failure = None
            self.statusBar().showMessage(title, STATUS_TIMEOUT_MS)
            QtWidgets.QMessageBox.warning(self, title, message)

    def _step_reports(self) -> tuple[Callable[[ContactChange], None], Callable[[str, str], None]]:
        return self._after_step, self._step_failed

    def _step_failed(self, title: str, message: str) -> None:
        self._step_failure = (title, message)

    def _after_step(self, change: ContactChange) -> None:
        """After an undo or redo: the views read again, the card follows if it may."""
        pane = self.contacts_pane
        card_gone = self.card_form.contact_id in change.removed
        if card_gone:
            self.card_form.load(None)
        pane.refresh(changed=None, keep_current=not card_gone)
        if not self._card_modified():
            if change.shown and pane.select_contacts(change.shown):
                shown = self.card_form.contact_id
                if shown is not None and shown in change.shown:
                    self._show_contact(shown)  # same person, new values: read them again
            elif card_gone:
                self._show_blank_card()
        self.refresh_agenda()
        self.reload_opportunities()
        self._show_history(self.card_form.contact_id)
        self.statusBar().showMessage(change.message, STATUS_TIMEOUT_MS)

    @staticmethod
    def _name_step(action: QAction, verb: str, text: str) -> None:
        action.setText(f"{verb} {text}" if text else verb)
        action.setToolTip(action.text().replace("&", ""))

    def _card_modified(self) -> bool:
        """Unsaved edits to the card or to the photo of it."""
        return self.card_form.is_modified() or self.card_photo.is_modified()

    def _on_card_edited(self) -> None:
        self.setWindowModified(self._card_modified())
        self.letter_desk.show_card(self.card_form.card(), self.card_form.contact_id, fresh=False)

    def _show_card_letter(self) -> None:
        """A different person on the card: start their letter afresh."""
        self.letter_desk.show_card(self.card_form.card(), self.card_form.contact_id, fresh=True)

    def _focus_search(self) -> None:
        self.left_tabs.setCurrentWidget(self.contacts_pane)
        self.search_field.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    # -- follow-ups -----------------------------------------------------------------------
    def refresh_agenda(self) -> Agenda:
        """Re-read the agenda at the current time; update the list, title and badge."""
        from desktop.ui.today_view import agenda_summary

        agenda = self._follow_ups.agenda(self._clock())
        self.today_view.set_agenda(agenda, self._zone())
        self._owed_count = agenda.owed_count
        index = self.left_tabs.indexOf(self.today_view)
        owed = agenda.owed_count
        badge = self.tr("Today ({count})").format(count=owed) if owed else self.tr("Today")
        self.left_tabs.setTabText(index, badge)
        self.left_tabs.setTabToolTip(index, agenda_summary(agenda))
        if owed:
            title = self.tr("{app} — {count} due").format(app=APP_NAME, count=owed)
        else:
            title = APP_NAME
        self.setWindowTitle(f"{title}[*]")
        if self.contacts_pane.depends_on_time():
            self.contacts_pane.refresh()
        return agenda

    def _greet(self, agenda: Agenda) -> None:
        """Said once at start, in the status bar: no dialogs to click through."""
        from desktop.ui.today_view import agenda_summary

        if self.contacts_pane.total == 0:
            self.statusBar().showMessage(
                self.tr("No contacts yet: type the first business card on the right and save it.")
            )
        elif agenda.overdue or agenda.due:
            self.left_tabs.setCurrentWidget(self.today_view)
            self.statusBar().showMessage(agenda_summary(agenda))

    def bring_to_front(self) -> None:
        """Another launch on this data folder asked for the window: show it, on top."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.statusBar().showMessage(
            self.tr("{app} was already open: here it is.").format(app=APP_NAME), STATUS_TIMEOUT_MS
        )

    def show_today(self) -> None:
        self.left_tabs.setCurrentWidget(self.today_view)
        self.today_view.table.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    def log_event(self) -> None:
        current = self.card_form.contact_id
        self.flow.log_event(preselected_contact_ids=[current] if current is not None else [])

    def write_letter_for(self, follow_up_id: int) -> None:
        """Show the person's card and letter beside the list (the list stays in view)."""
        from desktop.ui.vocabulary_text import situation_purpose_text, situation_text

        record = next((r for r in self.today_view.model.follow_ups() if r.id == follow_up_id), None)
        if record is not None and self.select_contact(record.contact_id):
            self.statusBar().showMessage(
                self.tr("{situation} for {name}: {purpose}").format(
                    situation=situation_text(record.situation),
                    name=record.contact_name,
                    purpose=situation_purpose_text(record.situation),
                ),
                STATUS_TIMEOUT_MS,
            )

    def _after_operation(self, message: str) -> None:
        self.refresh_agenda()
        self.reload_opportunities()
        # Events and follow-ups change "last contact" and the follow-up filters' answers.
        self.contacts_pane.refresh(changed=None)
        self._show_history(self.card_form.contact_id)
        self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def ask_for_profile_if_new(self) -> None:
        """First run: ask once for the sender's name and address (after the window shows)."""
        if self._services.profile.load().is_set_up or self._settings.value(
            SettingsKey.PROFILE_ASKED
        ):
            return
        self._settings.setValue(SettingsKey.PROFILE_ASKED, "yes")
        QTimer.singleShot(0, self, self._ask_for_profile_once_shown)

    def _ask_for_profile_once_shown(self) -> None:
        if self.isVisible():  # not closed meanwhile
            self.edit_profile(first_run=True)

    def edit_profile(self, first_run: bool = False) -> None:
        from desktop.ui.profile_dialog import ProfileDialog

        chosen = ProfileDialog.ask(self._services.profile.load(), first_run=first_run, parent=self)
        if chosen is None:
            return
        try:
            self._services.profile.save(chosen)
        except FollowUpDeskError as exc:
            QtWidgets.QMessageBox.warning(self, self.tr("Profile not saved"), str(exc))
            return
        self.letter_desk.redraft()
        self.statusBar().showMessage(self.tr("Your profile is saved: letters are signed with it."))

    def manage_templates(self) -> None:
        situation = self.composer.current_situation() if self.letter_desk.draft else None
        from desktop.ui.template_editor import TemplateManagerDialog

        if TemplateManagerDialog.manage(self._services.templates, situation=situation, parent=self):
            self.letter_desk.redraft(keep_edits=False)
            self.statusBar().showMessage(self.tr("Templates saved."), STATUS_TIMEOUT_MS)

    def reload_opportunities(self) -> None:
        opportunities = self._opportunities.list_opportunities()
        self.opportunities_pane.set_rows(opportunities)
        self.contacts_pane.set_opportunities(opportunities)
        self.card_event_box.set_opportunities([(o.id, o.title) for o in opportunities])

    def export_calendar(self) -> None:
        from desktop.ui import agenda_output

        message = agenda_output.export_calendar(self, self._follow_ups, self._clock())
        if message:
            self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def print_agenda(self) -> None:
        from desktop.ui import agenda_output

        message = agenda_output.print_agenda(self, self._agenda_now(), self._zone())
        if message:
            self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def save_agenda_pdf(self) -> None:
        from desktop.ui import agenda_output

        message = agenda_output.save_agenda_pdf(self, self._agenda_now(), self._zone())
        if message:
            self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def send_due_letters(self, *, to_pdf: bool) -> None:
        agenda = self._agenda_now()
        from desktop.ui import batch_letters

        message = batch_letters.send_all(
            self,
            self._services,
            agenda.overdue + agenda.due,
            self._clock,
            self._zone(),
            self.letter_desk.page(),
            to_pdf=to_pdf,
        )
        if message:
            self._after_operation(message)

    def _agenda_now(self) -> Agenda:
        return self._follow_ups.agenda(self._clock())

    def show_guide(self, section: str | None = None) -> None:
        """Help ▸ Follow-Up Guide: the rules the app follows, in a window of their own."""
        from desktop.ui.guide_window import open_guide

        open_guide(self, section)

    def _show_about(self) -> None:
        QtWidgets.QMessageBox.about(
            self,
            self.tr("About {app}").format(app=APP_NAME),
            f"{APP_NAME} {__version__}\n\n"
            + self.tr(
                "Follow up with everyone who can affect your job search: at the right time, "
                "in the right way, without overdoing it."
            ),
        )

    # -- files of contacts ----------------------------------------------------------------
    def import_contacts(self, path: Path | None = None) -> None:
        """Import a file of contacts (asking for one if ``path`` is None)."""
        # The import and export modules load on first use, not at every start.
        from desktop.ui.import_dialog import import_summary, run_import

        if path is None:
            name, _filter = QtWidgets.QFileDialog.getOpenFileName(
                self,
                self.tr("Import contacts"),
                str(self._settings.value(SettingsKey.IMPORT_DIR, "")),
                self.tr("Contacts (*.csv *.vcf *.vcard *.txt);;All files (*)"),
            )
            if not name:
                return
            path = Path(name)
        self._settings.setValue(SettingsKey.IMPORT_DIR, str(path.parent))
        result = run_import(self, self._services.transfer, path)
        if result is None:
            return
        self.reload_contacts()
        self.statusBar().showMessage(import_summary(result), STATUS_TIMEOUT_MS)

    def back_up_now(self) -> None:
        """A copy of the whole database where the user chooses."""
        from desktop.ui.backup_dialogs import ask_backup_destination, back_up_with_progress

        start = str(self._settings.value(SettingsKey.BACKUP_DIR, ""))
        path = ask_backup_destination(self, start, self._clock().astimezone(self._zone()))
        if path is None:
            return
        self._settings.setValue(SettingsKey.BACKUP_DIR, str(path.parent))
        try:
            written = back_up_with_progress(self, self._services.backups, path)
        except FollowUpDeskError as exc:
            QtWidgets.QMessageBox.warning(self, self.tr("Backup not written"), str(exc))
            return
        if written is None:
            self.statusBar().showMessage(
                self.tr("Backup cancelled: nothing was written."), STATUS_TIMEOUT_MS
            )
            return
        self.statusBar().showMessage(
            self.tr("Backed up to {path}").format(path=written), STATUS_TIMEOUT_MS
        )

    def choose_backup_to_restore(self) -> None:
        """Pick a backup (or another file), confirm, and ask the app to restore it."""
        from desktop.ui.backup_dialogs import RestoreDialog, confirm_restore

        source = RestoreDialog.ask(self._services.backups.list_backups(), self._zone(), self)
        if source is None or not confirm_restore(self, source, self._zone()):
            return
        self.restore_requested.emit(source)

    def export_contacts(self) -> None:
        """Save the contacts shown (or, if the user says so, all of them) to a file."""
        from desktop.ui import export_choice

        pane = self.contacts_pane
        shown = pane.model.ids()
        ids: list[int] | None = shown
        if not pane.current_filter().is_everything and len(shown) < pane.total:
            ids = export_choice.ask_which(self, len(shown), pane.total, shown, pane.all_ids)
        if ids is None:
            return
        if not ids:
            self.statusBar().showMessage(
                self.tr("There are no contacts to export."), STATUS_TIMEOUT_MS
            )
            return
        target = export_choice.ask_target(self, self._settings.value(SettingsKey.EXPORT_DIR, ""))
        if target is None:
            return
        path, fmt = target
        self._settings.setValue(SettingsKey.EXPORT_DIR, str(path.parent))
        try:
            count = self._services.transfer.export(ids, path, fmt)
        except OSError as exc:
            QtWidgets.QMessageBox.warning(
                self,
                self.tr("Contacts not exported"),
                self.tr("Could not write {path}: {reason}").format(path=path, reason=exc),
            )
            return
        self.statusBar().showMessage(
            (
                MainWindowText.tr("Exported %n contact to {path}", "", count)
                if count == 1
                else MainWindowText.tr("Exported %n contacts to {path}", "", count)
            ).format(path=path),
            STATUS_TIMEOUT_MS,
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Override of QWidget.dragEnterEvent: a contacts file may be dropped on the window."""
        if _dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Override of QWidget.dropEvent: import the dropped file."""
        path = _dropped_file(event.mimeData())
        if path is None:
            return
        event.acceptProposedAction()
        # After the drop returns: a modal dialog inside a drop handler blocks the source app.
        QTimer.singleShot(0, lambda: self.import_contacts(path))

    # -- window state ---------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self._settings.value(SettingsKey.GEOMETRY)
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self._size_to_screen()
        for key, restore in (
            (SettingsKey.STATE, self.restoreState),
            (SettingsKey.MAIN_SPLITTER, self.main_splitter.restoreState),
            (SettingsKey.RIGHT_SPLITTER, self.right_splitter.restoreState),
            (SettingsKey.CARD_SPLITTER, self.card_splitter.restoreState),
        ):
            value = self._settings.value(key)
            if isinstance(value, QByteArray):
                restore(value)
        if self._settings.value(SettingsKey.MAIN_SPLITTER) is None:
            self.main_splitter.setSizes([560, 720])
            self.right_splitter.setSizes([480, 340])
            self.card_splitter.setSizes([520, 200])
        tab = self._settings.value(SettingsKey.LEFT_TAB)
        if isinstance(tab, str) and tab.isdigit():
            self.left_tabs.setCurrentIndex(int(tab))

    def _size_to_screen(self) -> None:
        """First start: a comfortable size that still fits a small laptop screen."""
        screen = self.screen().availableGeometry()
        self.resize(min(1280, int(screen.width() * 0.9)), min(820, int(screen.height() * 0.9)))

    def save_state(self) -> None:
        self._settings.setValue(SettingsKey.GEOMETRY, self.saveGeometry())
        self._settings.setValue(SettingsKey.STATE, self.saveState())
        self._settings.setValue(SettingsKey.MAIN_SPLITTER, self.main_splitter.saveState())
        self._settings.setValue(SettingsKey.RIGHT_SPLITTER, self.right_splitter.saveState())
        self._settings.setValue(SettingsKey.CARD_SPLITTER, self.card_splitter.saveState())
        if self._attached:  # closed before the database opened: the table never was
            self._settings.setValue(
                SettingsKey.CONTACTS_HEADER, self.contact_table.horizontalHeader().saveState()
            )
        self._settings.setValue(SettingsKey.LEFT_TAB, str(self.left_tabs.currentIndex()))
        remember_theme(self._settings)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Override of QWidget.closeEvent: settle unsaved edits (Cancel keeps the window
        open), then remember the window's layout for next time."""
        if self._attached and not self._settle_unsaved_card():
            event.ignore()
            return
        self.agenda_timer.stop()
        self.save_state()
        super().closeEvent(event)
