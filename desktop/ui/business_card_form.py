"""BusinessCardForm: type a business card in the order the card reads.

Name first and large, then title and company, then how to reach them, then where the
relationship stands. The form knows nothing of the database; the window saves what
``card()`` returns and hands back errors with ``show_errors()``.
"""

from __future__ import annotations

import dataclasses
import html
import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.categories import COURTESY_TITLES, DEFAULT_CATEGORY, Category
from desktop.domain.contacts import CARD_FIELDS, ContactCard
from desktop.domain.similar_contacts import MAX_SHOWN, Likeness, SimilarContact
from desktop.ui.card_event_box import CardEventBox
from desktop.ui.card_paste_filter import CardPasteFilter
from desktop.ui.dialog_parts import error_label
from desktop.ui.icons import themed_icon
from desktop.ui.optional_date_edit import OptionalDateEdit
from desktop.ui.translations import QT_TRANSLATE_NOOP
from desktop.ui.vocabulary_text import category_text, courtesy_title_text

# Field name -> (visible label, placeholder). Order is the tab order of the card.
_LINE_FIELDS: dict[str, tuple[str, str]] = {
    "given_name": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "Given name"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "Given name"),
    ),
    "family_name": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "Family name"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "Family name"),
    ),
    "job_title": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "Job title"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "e.g. Engineering Manager"),
    ),
    "department": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "Department"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "e.g. Platform Engineering"),
    ),
    "company": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "Company"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "Company or organisation"),
    ),
    "email": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "Email"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "name@example.com"),
    ),
    "phone": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "Phone"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "As printed on the card"),
    ),
    "street": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "Street"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "Street and number, suite"),
    ),
    "city": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "City"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "City"),
    ),
    "region": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "State / region"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "State"),
    ),
    "postal_code": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "Postal code"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "ZIP"),
    ),
    "country": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "Country"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "Country (if not your own)"),
    ),
    "met_at": (
        QT_TRANSLATE_NOOP("BusinessCardForm", "Met at"),
        QT_TRANSLATE_NOOP("BusinessCardForm", "Event, fair or meeting where you met"),
    ),
}

# What "Save and next" keeps for the next card: cards from one interview day or one fair
# share the company, its address, where and when you met, and how you know them.
KEPT_FOR_NEXT_CARD = (
    "company",
    "street",
    "city",
    "region",
    "postal_code",
    "country",
    "met_at",
    "met_on",
    "category",
)
# The fields that make two cards the same person (see domain.similar_contacts).
_IDENTITY_FIELDS = ("given_name", "family_name", "company", "email")
# Look for look-alikes once typing pauses, not on every key.
SIMILAR_LOOKUP_DELAY_MS = 300


class BusinessCardForm(QWidget):
    """Edits one contact card. Emits ``card_edited`` on every change the user makes."""

    card_edited = Signal()
    save_requested = Signal()
    save_next_requested = Signal()
    new_requested = Signal()
    choose_introducer_requested = Signal()
    # Name, company or email changed and typing paused: time to look for look-alikes.
    identity_edited = Signal()
    # The user followed the link to a contact this card may duplicate (their id).
    similar_contact_requested = Signal(int)

    def __init__(
        self, parent: QWidget | None = None, event_box: CardEventBox | None = None
    ) -> None:
        super().__init__(parent)
        self.event_box = event_box
        self.setAccessibleName(self.tr("Business card"))
        self._contact_id: int | None = None
        self._loaded = ContactCard()
        self._loaded_introducer_name = ""
        self._loading = False
        self._introduced_by_id: int | None = None

        self.heading = QLabel()
        self.heading.setAccessibleName(self.tr("Card heading"))
        heading_font = self.heading.font()
        heading_font.setBold(True)
        self.heading.setFont(heading_font)

        self.courtesy_title = QComboBox()
        for title in COURTESY_TITLES:
            self.courtesy_title.addItem(courtesy_title_text(title) or self.tr("(none)"), title)
        self.courtesy_title.setAccessibleName(self.tr("Courtesy title"))
        self.courtesy_title.setToolTip(self.tr("Courtesy title used in the salutation"))

        self.fields: dict[str, QLineEdit] = {}
        for name, (label, placeholder) in _LINE_FIELDS.items():
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setPlaceholderText(self.tr(placeholder))
            edit.setAccessibleName(self.tr(label))
            edit.setClearButtonEnabled(True)
            self.fields[name] = edit

        self.email_edit = self.fields["email"]
        self.email_edit.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.fields["phone"].setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)

        self.met_on = OptionalDateEdit()
        self.met_on.setObjectName("met_on")
        self.met_on.setAccessibleName(self.tr("Met on"))
        self.met_on.lineEdit().setAccessibleName(self.tr("Met on"))
        self.met_on.setToolTip(self.tr("The day you met (Delete clears it)"))

        self.category = QComboBox()
        for category in Category:
            self.category.addItem(category_text(category), category.value)
        self.category.setAccessibleName(self.tr("Relationship category"))

        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setPlaceholderText(
            self.tr("What you talked about, what they care about, next steps")
        )
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(60)

        self.introducer_label = QLabel()
        self.introducer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.choose_introducer_button = QPushButton(self.tr("Choose…"))
        self.choose_introducer_button.setAccessibleName(self.tr("Choose who introduced them"))
        self.clear_introducer_button = QPushButton(self.tr("Clear"))
        self.clear_introducer_button.setAccessibleName(self.tr("Clear who introduced them"))

        # What the app knows of past follow-ups with this person (set by the window).
        self.history_label = QLabel()
        self.history_label.setTextFormat(Qt.TextFormat.PlainText)
        self.history_label.setWordWrap(True)
        self.history_label.setVisible(False)

        # "You may already have …": look-alikes of a card being typed, with links to them.
        self.similar_label = QLabel()
        self.similar_label.setObjectName("similar_contacts")
        self.similar_label.setTextFormat(Qt.TextFormat.RichText)
        self.similar_label.setWordWrap(True)
        self.similar_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.similar_label.setAccessibleName(self.tr("Possible duplicate"))
        self.similar_label.setVisible(False)
        self._similar: list[SimilarContact] = []
        self._identity_timer = QTimer(self)
        self._identity_timer.setSingleShot(True)
        self._identity_timer.setInterval(SIMILAR_LOOKUP_DELAY_MS)

        self.error_labels: dict[str, QLabel] = {}
        for name in ("given_name", "courtesy_title", "email", "category", "introduced_by_id"):
            # In the palette's error red, readable in light and dark, following a switch.
            error = error_label(self.tr("Error"))
            error.setObjectName(f"{name}_error")
            self.error_labels[name] = error

        self.new_button = QPushButton(themed_icon("fa6s.id-card"), self.tr("New card"))
        self.new_button.setAccessibleName(self.tr("New card"))
        self.save_button = QPushButton(themed_icon("fa6s.floppy-disk"), self.tr("Save"))
        self.save_button.setAccessibleName(self.tr("Save card"))
        self.save_button.setToolTip(self.tr("Save this card (Ctrl+S)"))
        self.save_next_button = QPushButton(
            themed_icon("fa6s.forward-step"), self.tr("Save and next")
        )
        self.save_next_button.setAccessibleName(self.tr("Save and start the next card"))
        self.save_next_button.setToolTip(
            self.tr(
                "Save this card and start the next one, keeping the company, address, "
                "where you met and the event (Ctrl+Return)"
            )
        )

        # Paste an email signature or the text of a card: the form proposes its fields.
        self.paste_text_action = QAction(
            themed_icon("fa6s.paste"), self.tr("&Paste Card Text…"), self
        )
        self.paste_text_action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.paste_text_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_text_action.setStatusTip(
            self.tr("Fill in the card from a signature or card text on the clipboard")
        )
        self.addAction(self.paste_text_action)
        # A whole signature pasted into one field (Ctrl+V) is offered to the card instead.
        self._paste_filter = CardPasteFilter(self)
        for edit in self.fields.values():
            edit.installEventFilter(self._paste_filter)

        self._build_layout()
        self._connect_edits()
        self.load(None)

    # -- layout ---------------------------------------------------------------------------
    def _build_layout(self) -> None:
        name_font = QFont(self.font())
        name_font.setPointSizeF(name_font.pointSizeF() * 1.5)
        for widget in (self.courtesy_title, self.fields["given_name"], self.fields["family_name"]):
            widget.setFont(name_font)
        self.courtesy_title.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

        name_row = QHBoxLayout()
        name_row.addWidget(self.courtesy_title)
        name_row.addWidget(self.fields["given_name"], 1)
        name_row.addWidget(self.fields["family_name"], 1)

        card = QFrame()
        card.setObjectName("card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setBackgroundRole(QPalette.ColorRole.Base)
        card.setAutoFillBackground(True)
        card_layout = QVBoxLayout(card)
        card_layout.addLayout(name_row)
        card_layout.addWidget(self.error_labels["given_name"])
        card_layout.addWidget(self.error_labels["courtesy_title"])
        card_layout.addWidget(self.similar_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in ("job_title", "department", "company", "email"):
            self._add_row(form, name)
        form.addRow("", self.error_labels["email"])
        self._add_row(form, "phone")
        self._add_row(form, "street")

        locality = QHBoxLayout()
        locality.addWidget(self.fields["city"], 3)
        locality.addWidget(self.fields["region"], 1)
        locality.addWidget(self.fields["postal_code"], 1)
        city_label = QLabel(self.tr("City, state, ZIP"))
        city_label.setBuddy(self.fields["city"])
        form.addRow(city_label, locality)
        self._add_row(form, "country")

        category_label = QLabel(self.tr("&Relationship"))
        category_label.setBuddy(self.category)
        form.addRow(category_label, self.category)
        form.addRow("", self.error_labels["category"])
        met_row = QHBoxLayout()
        met_row.addWidget(self.fields["met_at"], 3)
        on_label = QLabel(self.tr("&on"))
        on_label.setBuddy(self.met_on)
        met_row.addWidget(on_label)
        met_row.addWidget(self.met_on, 1)
        met_label = QLabel(self.tr(_LINE_FIELDS["met_at"][0]))
        met_label.setBuddy(self.fields["met_at"])
        form.addRow(met_label, met_row)
        introducer_row = QHBoxLayout()
        introducer_row.addWidget(self.introducer_label, 1)
        introducer_row.addWidget(self.choose_introducer_button)
        introducer_row.addWidget(self.clear_introducer_button)
        introducer_caption = QLabel(self.tr("Introduced by"))
        introducer_caption.setBuddy(self.choose_introducer_button)
        form.addRow(introducer_caption, introducer_row)
        form.addRow("", self.error_labels["introduced_by_id"])
        notes_label = QLabel(self.tr("&Notes"))
        notes_label.setBuddy(self.notes)
        form.addRow(notes_label, self.notes)
        card_layout.addLayout(form)

        # The buttons sit beside the heading so they stay in view however short the pane is.
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.save_button)
        top.addWidget(self.save_next_button)

        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(self.history_label)
        outer.addWidget(card, 1)
        if self.event_box is not None:
            outer.addWidget(self.event_box)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab goes through the fields in the order a business card reads, then the event
        box, then the buttons: ten cards can be typed without the mouse."""
        chain: list[QWidget] = [self.courtesy_title]
        chain += [self.fields[name] for name in ("given_name", "family_name", "job_title")]
        chain += [self.fields[name] for name in ("department", "company", "email", "phone")]
        chain += [self.fields[name] for name in ("street", "city", "region", "postal_code")]
        chain += [self.fields["country"], self.category, self.fields["met_at"], self.met_on]
        chain += [self.choose_introducer_button, self.clear_introducer_button, self.notes]
        if self.event_box is not None:
            box = self.event_box
            chain += [box, box.kind, box.when, box.opportunity, box.discussed]
        chain += [self.new_button, self.save_button, self.save_next_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _add_row(self, form: QFormLayout, name: str) -> None:
        label = QLabel(self.tr(_LINE_FIELDS[name][0]))
        label.setBuddy(self.fields[name])
        form.addRow(label, self.fields[name])

    def _connect_edits(self) -> None:
        for edit in self.fields.values():
            edit.textEdited.connect(self._on_user_edit)
        for name in _IDENTITY_FIELDS:
            self.fields[name].textEdited.connect(self._identity_timer.start)
        self._identity_timer.timeout.connect(self.identity_edited)
        self.similar_label.linkActivated.connect(self._on_similar_link)
        self.save_next_button.clicked.connect(self.save_next_requested)
        self.paste_text_action.triggered.connect(lambda: self.paste_card_text())
        self._paste_filter.card_text_pasted.connect(self.paste_card_text)
        self.courtesy_title.activated.connect(self._on_user_edit)
        self.category.activated.connect(self._on_user_edit)
        self.met_on.dateChanged.connect(self._on_user_edit)
        self.notes.textChanged.connect(self._on_user_edit)
        self.save_button.clicked.connect(self.save_requested)
        self.new_button.clicked.connect(self.new_requested)
        self.choose_introducer_button.clicked.connect(self.choose_introducer_requested)
        self.clear_introducer_button.clicked.connect(lambda: self.set_introducer(None))

    def _on_user_edit(self) -> None:
        if not self._loading:
            self.card_edited.emit()

    # -- public API -----------------------------------------------------------------------
    @property
    def contact_id(self) -> int | None:
        """The id of the contact being edited, or None for a new card."""
        return self._contact_id

    def load(
        self,
        card: ContactCard | None,
        contact_id: int | None = None,
        introducer_name: str = "",
    ) -> None:
        """Show ``card`` for editing (``None``: an empty card for a new contact)."""
        card = card or ContactCard()
        self._loading = True
        try:
            self._contact_id = contact_id
            self._loaded = card
            self._loaded_introducer_name = introducer_name
            self._show_introducer(card.introduced_by_id, introducer_name)
            self._set_combo(self.courtesy_title, card.courtesy_title)
            for name, edit in self.fields.items():
                edit.setText(getattr(card, name))
            self._set_combo(self.category, card.category or DEFAULT_CATEGORY.value)
            self.met_on.set_date_value(card.met_on)
            self.notes.setPlainText(card.notes)
            self.clear_errors()
            self.show_similar([])
            self._identity_timer.stop()
            if self.event_box is not None:
                # Events of saved contacts are logged with Log Event (Ctrl+L).
                self.event_box.setVisible(contact_id is None)
        finally:
            self._loading = False
        self.heading.setText(
            self.tr("Editing {name}").format(name=card.formal_name)
            if contact_id is not None
            else self.tr("New contact")
        )

    def card(self) -> ContactCard:
        values = {name: edit.text() for name, edit in self.fields.items()}
        return ContactCard(
            courtesy_title=str(self.courtesy_title.currentData() or ""),
            category=str(self.category.currentData() or ""),
            notes=self.notes.toPlainText(),
            met_on=self.met_on.date_value(),
            introduced_by_id=self._introduced_by_id,
            **values,
        )

    def start_next_card(self) -> None:
        """An empty card for the next person, keeping what cards of one batch share
        (``KEPT_FOR_NEXT_CARD``) and the event box; the cursor goes to the name."""
        typed = self.card().normalised()
        kept = {name: getattr(typed, name) for name in KEPT_FOR_NEXT_CARD}
        self.load(ContactCard(**kept))
        self.focus_first_field()

    def paste_card_text(self, text: str | None = None) -> bool:
        """Propose the card fields found in ``text`` (the clipboard's text if None) and fill
        in those the user confirms. False if nothing was filled in."""
        from desktop.domain.card_text import recognise_card_text
        from desktop.ui.paste_card_dialog import PasteCardDialog

        if text is None:
            text = QGuiApplication.clipboard().text()
        values = PasteCardDialog.ask(recognise_card_text(text), self.card(), self)
        if not values:
            return False
        for name, value in values.items():
            if name == "courtesy_title":
                self._set_combo(self.courtesy_title, value)
            elif name == "notes":
                self.notes.setPlainText(value)
            elif name in self.fields:
                self.fields[name].setText(value)
        self._on_user_edit()
        self._identity_timer.start()  # new name or email: look for look-alikes
        return True

    def show_similar(self, similar: Sequence[SimilarContact]) -> None:
        """Warn that the card may be someone already saved, with a link to each."""
        self._similar = list(similar)
        if not similar:
            self.similar_label.clear()
            self.similar_label.setVisible(False)
            return
        links = []
        for contact in similar[:MAX_SHOWN]:
            who = html.escape(contact.formal_name)
            if contact.company:
                who += f" ({html.escape(contact.company)})"
            why = (
                self.tr("same email")
                if contact.likeness is Likeness.EMAIL
                else self.tr("same name and company")
            )
            links.append(f'<a href="contact:{contact.contact_id}">{who}</a> — {why}')
        more = len(similar) - MAX_SHOWN
        text = self.tr("You may already have this person: {links}").format(links="; ".join(links))
        if more > 0:
            text += " " + self.tr("and others")
        self.similar_label.setText(text)
        self.similar_label.setAccessibleDescription(self.similar_label.text())
        self.similar_label.setVisible(True)

    def similar_contacts(self) -> list[SimilarContact]:
        return list(self._similar)

    def _on_similar_link(self, link: str) -> None:
        scheme, _, value = link.partition(":")
        if scheme == "contact" and value.isdigit():
            self.similar_contact_requested.emit(int(value))

    def set_introducer(self, contact_id: int | None, name: str = "") -> None:
        """The user chose (or cleared) who introduced this person."""
        self._show_introducer(contact_id, name)
        self._on_user_edit()

    def set_history(self, text: str) -> None:
        self.history_label.setText(text)
        self.history_label.setVisible(bool(text))

    def _show_introducer(self, contact_id: int | None, name: str) -> None:
        self._introduced_by_id = contact_id
        self.introducer_label.setText(name if contact_id is not None else self.tr("Nobody"))
        self.introducer_label.setEnabled(contact_id is not None)
        self.clear_introducer_button.setEnabled(contact_id is not None)

    def revert(self) -> None:
        """Drop the unsaved edits: show the card as it was loaded."""
        self.load(self._loaded, self._contact_id, self._loaded_introducer_name)

    def is_modified(self) -> bool:
        """True when the card differs from what was loaded (ignoring outer white space).

        A new card counts as modified only once something is typed or chosen beyond its
        title and relationship: those alone are not a card anyone would miss.
        """
        card = self.card().normalised()
        loaded = self._loaded.normalised()
        if self._contact_id is None:
            card = dataclasses.replace(card, courtesy_title="", category="")
            loaded = dataclasses.replace(loaded, courtesy_title="", category="")
        return card != loaded

    def subject_name(self) -> str:
        """Who the card is about, as the user knows them: the stored name of a saved
        contact, the typed name of a new one."""
        if self._contact_id is not None:
            return self._loaded.formal_name
        return self.card().normalised().formal_name or self.tr("the new contact")

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show each message next to its field and move the cursor to the first one."""
        self.clear_errors()
        first: QWidget | None = None
        for name in CARD_FIELDS:
            if name not in errors:
                continue
            label = self.error_labels.get(name) or self.error_labels["given_name"]
            label.setText(errors[name])
            label.setVisible(True)
            widget = self._widget_for(name)
            widget.setAccessibleDescription(errors[name])
            first = first or widget
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_errors(self) -> None:
        for label in self.error_labels.values():
            label.clear()
            label.setVisible(False)
        for name in CARD_FIELDS:
            self._widget_for(name).setAccessibleDescription("")

    def error_text(self, field: str) -> str:
        label = self.error_labels.get(field)
        return label.text() if label is not None and label.isVisibleTo(self) else ""

    def focus_first_field(self) -> None:
        self.fields["given_name"].setFocus(Qt.FocusReason.OtherFocusReason)

    # -- helpers --------------------------------------------------------------------------
    def _widget_for(self, name: str) -> QWidget:
        if name == "introduced_by_id":
            return self.choose_introducer_button
        if name == "courtesy_title":
            return self.courtesy_title
        if name == "category":
            return self.category
        if name == "notes":
            return self.notes
        if name == "met_on":
            return self.met_on
        return self.fields[name]

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0:
            # Keep a value this version does not know rather than silently changing it.
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
