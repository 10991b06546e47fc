"""What the contacts pane shows instead of an empty table.

``EmptyState``: no contacts at all (the first run): what to do first, with buttons for it.
``NoMatchesState``: contacts exist but the search and filters hide all of them.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.dialog_parts import IconLabel
from desktop.ui.icons import themed_icon

# The main window's shortcuts for the first steps, named in the text so they are learnt.
NEW_CARD_KEYS = QKeySequence.StandardKey.New
LOG_EVENT_KEYS = "Ctrl+L"
GUIDE_LINK = "guide"


def _native(keys: QKeySequence.StandardKey | str) -> str:
    sequence = QKeySequence(keys)
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _heading(text: str, scale: float) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def _icon(name: str, lines: int, parent: QWidget) -> QLabel:
    # An IconLabel redraws itself in the new colours when light turns dark.
    label = IconLabel(name, parent.fontMetrics().height() * lines)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class EmptyState(QWidget):
    """The first run: no contacts yet. It only asks; the window does what is requested."""

    new_card_requested = Signal()
    import_requested = Signal()
    guide_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contacts_empty_state")
        self.setAccessibleName(self.tr("No contacts yet"))

        self.icon = _icon("fa6s.address-card", 4, self)
        self.icon.setAccessibleName(self.tr("Business card"))
        self.heading = _heading(self.tr("Your follow-up list is empty"), 1.4)
        self.heading.setAccessibleName(self.tr("Your follow-up list is empty"))

        steps = (
            self.tr(
                "Type the first business card ({keys}): the name spelled as printed, "
                "the title, the company and the address."
            ).format(keys=_native(NEW_CARD_KEYS)),
            self.tr(
                "Or import the contacts you already have from LinkedIn, Google, Outlook "
                "or a vCard file."
            ),
            self.tr(
                "After each interview, call or favour, log the event ({keys}): the app "
                "then tells you whom to follow up with, and by when."
            ).format(keys=_native(LOG_EVENT_KEYS)),
        )
        self.step_labels: list[QLabel] = []
        step_grid = QGridLayout()
        step_grid.setHorizontalSpacing(8)
        step_grid.setVerticalSpacing(10)
        for row, text in enumerate(steps):
            number = QLabel(f"{QLocale().toString(row + 1)}.")
            number.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            bold = QFont(number.font())
            bold.setBold(True)
            number.setFont(bold)
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setAccessibleName(self.tr("Step {number}").format(number=row + 1))
            step_grid.addWidget(number, row, 0)
            step_grid.addWidget(label, row, 1)
            self.step_labels.append(label)
        step_grid.setColumnStretch(1, 1)

        self.new_card_button = QPushButton(
            themed_icon("fa6s.user-plus"), self.tr("Type a business card")
        )
        self.new_card_button.setAccessibleName(self.tr("Type a business card"))
        self.new_card_button.setDefault(True)
        self.import_button = QPushButton(
            themed_icon("fa6s.file-import"), self.tr("Import contacts…")
        )
        self.import_button.setAccessibleName(self.tr("Import contacts"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_card_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)

        # A link, not a third button: reading is optional, the two buttons are the way in.
        self.guide_link = QLabel(
            '<a href="{href}">{text}</a>'.format(
                href=GUIDE_LINK, text=self.tr("Read the follow-up guide")
            )
        )
        self.guide_link.setTextFormat(Qt.TextFormat.RichText)
        self.guide_link.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.guide_link.setAccessibleName(self.tr("Read the follow-up guide"))
        self.guide_link.setToolTip(self.tr("Whom to follow up with, when and how"))
        self.guide_link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.guide_link.setFocusPolicy(Qt.FocusPolicy.TabFocus)

        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 60)
        inner = QVBoxLayout(column)
        inner.setSpacing(14)
        inner.addWidget(self.icon)
        inner.addWidget(self.heading)
        inner.addLayout(step_grid)
        inner.addLayout(buttons)
        inner.addWidget(self.guide_link)

        # Stretches, not an alignment, centre the column: an aligned widget gets its size
        # hint, and the wrapped steps would lose their last lines.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(column, 100)
        centred.addStretch(1)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.addStretch(1)
        page_layout.addLayout(centred)
        page_layout.addStretch(2)  # a little above the middle, where the eye lands
        # Scrolls rather than asks for room: the pane (and the window) may be small.
        scroller = QScrollArea()
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidgetResizable(True)
        scroller.setAccessibleName(self.tr("Getting started"))
        scroller.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroller)

        self.new_card_button.clicked.connect(self.new_card_requested)
        self.import_button.clicked.connect(self.import_requested)
        self.guide_link.linkActivated.connect(lambda _href: self.guide_requested.emit())


class NoMatchesState(QWidget):
    """The search or filters hide every contact: say so, and offer the way back."""

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contacts_no_matches")
        self.setAccessibleName(self.tr("No matching contacts"))
        self.icon = _icon("fa6s.magnifying-glass", 2, self)
        self.message = _heading("", 1.1)
        self.message.setAccessibleName(self.tr("No matching contacts"))
        self.clear_button = QPushButton(themed_icon("fa6s.filter-circle-xmark"), "")
        self.clear_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.icon)
        layout.addWidget(self.message)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

        self.clear_button.clicked.connect(self.clear_requested)
        self.set_search("", filtered=False)

    def set_search(self, text: str, *, filtered: bool) -> None:
        """``text``: what was typed in the search field; ``filtered``: a filter is set too."""
        text = " ".join(text.split())
        if text:
            message = self.tr("No contacts match “{text}”").format(text=text)
        else:
            message = self.tr("No contacts match these filters")
        if text and not filtered:
            button = self.tr("Clear search")
        elif text:
            button = self.tr("Clear search and filters")
        else:
            button = self.tr("Clear filters")
        self.message.setText(message)
        self.clear_button.setText(button)
        self.clear_button.setAccessibleName(button)
