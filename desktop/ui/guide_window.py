"""GuideWindow: the follow-up guide (Help menu), with contents, find-in-page and zoom.

One window per main window, shown beside it and reused (``open_guide``): it keeps its place,
zoom and search between openings. The text is Markdown shipped in ``desktop.resources``.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from importlib import resources

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.icons import themed_icon

GUIDE_RESOURCE = "guide/follow-up-guide.md"

# Lines of about this many characters read best; wider windows get margins instead.
READABLE_COLUMNS = 80
DOCUMENT_MARGIN = 16
MIN_ZOOM, MAX_ZOOM = -4, 10  # point-size steps from the normal size


class GuideSection(StrEnum):
    """The sections other parts of the app link to (the slugs of the guide's headings)."""

    WHO = "who-to-follow-up-with"
    WHEN = "when-to-follow-up"
    HOW = "how-to-follow-up"
    AFTER_RESUME = "after-you-send-a-resume"
    AFTER_INTERVIEW = "after-an-interview"
    AFTER_REJECTION = "when-you-dont-get-the-job"
    HELPERS = "when-someone-helps-you"
    DONT_STALK = "follow-up-dont-stalk"


def slug(heading: str) -> str:
    """ "When you don't get the job" -> "when-you-dont-get-the-job"."""
    plain = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode()
    plain = re.sub(r"['’]", "", plain.lower())
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def guide_markdown() -> str:
    """The guide as shipped with the app."""
    return resources.files("desktop.resources").joinpath(GUIDE_RESOURCE).read_text(encoding="utf-8")


class _GuideBrowser(QTextBrowser):
    """Keeps the text in a readable column and a chosen heading at the top across resizes."""

    # Its own palette changed (light to dark). The window's changeEvent comes too early for
    # this: a parent hears of a new palette before its children get it.
    palette_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.anchor: QTextBlock | None = None
        self._scrolling = False
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)

    def scroll_to_block(self, block: QTextBlock) -> None:
        """Put ``block`` at the top of the view and keep it there until the user scrolls."""
        self.anchor = block
        self._apply_anchor()

    def fit_column(self) -> None:
        """Centre a column of READABLE_COLUMNS characters when the view is wider than that."""
        document = self.document()
        column = self.fontMetrics().averageCharWidth() * READABLE_COLUMNS
        spare = self.viewport().width() - 2 * document.documentMargin() - column
        # A side margin set on the root frame replaces the document margin there: add it.
        side = document.documentMargin() + max(0.0, spare / 2)
        root = document.rootFrame()
        frame: QTextFrameFormat = root.frameFormat()
        if abs(frame.leftMargin() - side) >= 1:
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            root.setFrameFormat(frame)
        self._apply_anchor()

    def changeEvent(self, event: QEvent) -> None:
        """Override of QWidget.changeEvent: say when the palette changed."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.palette_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override of QTextEdit.resizeEvent: the column and the anchored heading follow."""
        super().resizeEvent(event)
        self.fit_column()

    def _apply_anchor(self) -> None:
        if self.anchor is None or not self.anchor.isValid():
            return
        top = self.document().documentLayout().blockBoundingRect(self.anchor).top()
        self._scrolling = True
        try:
            self.verticalScrollBar().setValue(round(top))
        finally:
            self._scrolling = False

    def _on_scrolled(self) -> None:
        if not self._scrolling:
            self.anchor = None  # the reader moved on: stop pinning the section they chose


class GuideWindow(QWidget):
    """The guide in its own window: contents on the left, the text, find and zoom above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Follow-Up Guide"))
        self.setAccessibleName(self.tr("Follow-up guide"))
        self.setObjectName("guide_window")
        self._zoom = 0

        self.browser = _GuideBrowser()
        self.browser.setObjectName("guide_text")
        self.browser.setAccessibleName(self.tr("Guide text"))
        self.browser.setOpenLinks(False)
        self.browser.document().setDocumentMargin(DOCUMENT_MARGIN)
        self.browser.setMarkdown(guide_markdown())
        self._space_lines()

        self.contents = QListWidget()
        self.contents.setObjectName("guide_contents")
        self.contents.setAccessibleName(self.tr("Contents"))
        self._headings: dict[str, QTextBlock] = {}
        self._fill_contents()

        self.find_field = QLineEdit()
        self.find_field.setObjectName("guide_find")
        self.find_field.setAccessibleName(self.tr("Find in guide"))
        self.find_field.setPlaceholderText(self.tr("Find in guide"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.setMaximumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.match_label = QLabel()
        self.match_label.setAccessibleName(self.tr("Matches"))

        keys = QKeySequence.keyBindings
        self.find_action = self._action(
            self.tr("Find"), "fa6s.magnifying-glass", keys(QKeySequence.StandardKey.Find)
        )
        self.find_next_action = self._action(
            self.tr("Next match"), "fa6s.chevron-down", keys(QKeySequence.StandardKey.FindNext)
        )
        self.find_previous_action = self._action(
            self.tr("Previous match"),
            "fa6s.chevron-up",
            keys(QKeySequence.StandardKey.FindPrevious),
        )
        self.zoom_in_action = self._action(
            self.tr("Larger text"),
            "fa6s.magnifying-glass-plus",
            keys(QKeySequence.StandardKey.ZoomIn),
        )
        self.zoom_out_action = self._action(
            self.tr("Smaller text"),
            "fa6s.magnifying-glass-minus",
            keys(QKeySequence.StandardKey.ZoomOut),
        )
        self.zoom_reset_action = self._action(
            self.tr("Normal size"), "fa6s.text-height", [QKeySequence("Ctrl+0")]
        )
        self.close_action = self._action(
            self.tr("Close"), "fa6s.xmark", keys(QKeySequence.StandardKey.Close)
        )

        tools = QHBoxLayout()
        tools.addWidget(self.find_field, 1)
        for action in (self.find_previous_action, self.find_next_action):
            tools.addWidget(self._button(action))
        tools.addWidget(self.match_label)
        tools.addStretch(1)
        for action in (self.zoom_out_action, self.zoom_reset_action, self.zoom_in_action):
            tools.addWidget(self._button(action))

        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.contents)
        self.splitter.addWidget(self.browser)
        self.splitter.setStretchFactor(1, 1)
        em = self.fontMetrics().averageCharWidth()
        self.splitter.setSizes([em * 28, em * (READABLE_COLUMNS + 8)])

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.splitter, 1)
        self.resize(em * (READABLE_COLUMNS + 44), self.fontMetrics().height() * 42)

        self.contents.currentRowChanged.connect(self._on_contents_row)
        self.contents.itemActivated.connect(lambda _item: self.browser.setFocus())
        self.browser.verticalScrollBar().valueChanged.connect(self._follow_scroll)
        self.find_field.textChanged.connect(self._on_find_edited)
        self.find_field.returnPressed.connect(self.find_next)
        self.find_action.triggered.connect(self._focus_find)
        self.find_next_action.triggered.connect(self.find_next)
        self.find_previous_action.triggered.connect(self.find_previous)
        self.zoom_in_action.triggered.connect(lambda: self.zoom_by(1))
        self.zoom_out_action.triggered.connect(lambda: self.zoom_by(-1))
        self.zoom_reset_action.triggered.connect(lambda: self.zoom_by(-self._zoom))
        self.close_action.triggered.connect(self.close)
        self.browser.palette_changed.connect(self._on_palette_changed)
        self._update_zoom_actions()

    # -- building -------------------------------------------------------------------------
    def _action(self, text: str, icon: str, shortcuts: list[QKeySequence]) -> QAction:
        action = QAction(themed_icon(icon), text, self)
        action.setShortcuts(shortcuts)
        if shortcuts:
            native = shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(self.tr("{action} ({keys})").format(action=text, keys=native))
        self.addAction(action)
        return action

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setAccessibleName(action.text())
        return button

    def _space_lines(self) -> None:
        """A little more room between lines than the Markdown importer gives."""
        cursor = QTextCursor(self.browser.document())
        cursor.select(QTextCursor.SelectionType.Document)
        spacing = QTextBlockFormat()
        spacing.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(spacing)

    def _fill_contents(self) -> None:
        block = self.browser.document().begin()
        while block.isValid():
            level = block.blockFormat().headingLevel()
            if 0 < level <= 2:
                item = QListWidgetItem(block.text())
                item.setData(Qt.ItemDataRole.UserRole, slug(block.text()))
                self.contents.addItem(item)
                self._headings[slug(block.text())] = block
            block = block.next()

    # -- sections -------------------------------------------------------------------------
    def section_slugs(self) -> list[str]:
        """The headings in the contents list, in order, as slugs."""
        return list(self._headings)

    def show_section(self, section: str) -> bool:
        """Scroll so the heading ``section`` (a slug or its text) is at the top."""
        key = slug(section)
        block = self._headings.get(key)
        if block is None:
            return False
        row = list(self._headings).index(key)
        if self.contents.currentRow() != row:
            self.contents.setCurrentRow(row)  # scrolls there through _on_contents_row
        else:
            self.browser.scroll_to_block(block)
        return True

    def _on_contents_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.contents.item(row).data(Qt.ItemDataRole.UserRole)
        self.browser.scroll_to_block(self._headings[key])

    def _follow_scroll(self, value: int) -> None:
        """Mark, in the contents, the section being read."""
        if self.browser.anchor is not None:
            return  # the section just chosen stays marked, even one too short to reach the top
        layout = self.browser.document().documentLayout()
        bar = self.browser.verticalScrollBar()
        # At the very end, the last sections cannot reach the top: mark the last one in view.
        line = value + (self.browser.viewport().height() if value >= bar.maximum() > 0 else 1)
        row = 0
        for index, block in enumerate(self._headings.values()):
            if layout.blockBoundingRect(block).top() <= line:
                row = index
        if self.contents.currentRow() != row:
            self.contents.blockSignals(True)
            self.contents.setCurrentRow(row)
            self.contents.blockSignals(False)

    # -- find -----------------------------------------------------------------------------
    def _focus_find(self) -> None:
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _on_find_edited(self, text: str) -> None:
        # Typing more letters keeps the match where it is: search on from its start. With no
        # match yet, search from the section being read, not from the top of the guide.
        cursor = self.browser.textCursor()
        if cursor.hasSelection():
            cursor.setPosition(cursor.selectionStart())
        else:
            cursor = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft())
        self.browser.setTextCursor(cursor)
        if text:
            self._find(backward=False)
        else:
            self._mark_matches()

    def _find(self, *, backward: bool) -> bool:
        text = self.find_field.text()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        found = self.browser.find(text, flags)
        if not found:  # wrap around, as browsers do
            cursor = self.browser.textCursor()
            end = QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
            cursor.movePosition(end)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
        self.browser.anchor = None
        self._mark_matches()
        return found

    def _mark_matches(self) -> None:
        """Tint every match; the current one in the selection colours, even unfocused."""
        text = self.find_field.text()
        palette = self.browser.palette()
        tint = QColor(palette.color(QPalette.ColorRole.Highlight))
        tint.setAlpha(70)
        current = self.browser.textCursor()
        selections: list[QTextEdit.ExtraSelection] = []
        number = 0
        if text:
            cursor = self.browser.document().find(text)
            while not cursor.isNull():
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                chosen = QTextCharFormat()
                if current.hasSelection() and cursor.selectionStart() == current.selectionStart():
                    number = len(selections) + 1
                    chosen.setBackground(palette.color(QPalette.ColorRole.Highlight))
                    chosen.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
                else:
                    chosen.setBackground(tint)
                selection.format = chosen
                selections.append(selection)
                cursor = self.browser.document().find(text, cursor)
        self.browser.setExtraSelections(selections)
        if not text:
            self.match_label.clear()
        elif not selections:
            self.match_label.setText(self.tr("Not found"))
        else:
            self.match_label.setText(
                self.tr("{number} of {count}").format(number=number, count=len(selections))
            )

    def _on_palette_changed(self) -> None:
        # Matches are tinted with the palette's highlight colour when marked: mark them
        # again in the new colours.
        if self.find_field.text():
            self._mark_matches()

    def match_count(self) -> int:
        return len(self.browser.extraSelections())

    # -- zoom -----------------------------------------------------------------------------
    def zoom_by(self, steps: int) -> None:
        steps = max(MIN_ZOOM - self._zoom, min(MAX_ZOOM - self._zoom, steps))
        if steps == 0:
            return
        anchor = self._block_at_top()
        self.browser.zoomIn(steps)
        self._zoom += steps
        self.browser.fit_column()
        if anchor is not None:
            self.browser.scroll_to_block(anchor)  # keep the reader's place
        self._update_zoom_actions()

    def zoom(self) -> int:
        return self._zoom

    def _block_at_top(self) -> QTextBlock | None:
        if self.browser.verticalScrollBar().value() == 0:
            return None
        cursor = self.browser.cursorForPosition(self.browser.viewport().rect().topLeft())
        return cursor.block()

    def _update_zoom_actions(self) -> None:
        self.zoom_in_action.setEnabled(self._zoom < MAX_ZOOM)
        self.zoom_out_action.setEnabled(self._zoom > MIN_ZOOM)
        self.zoom_reset_action.setEnabled(self._zoom != 0)

    # -- keys -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override of QWidget.keyPressEvent: Escape clears the search, then closes."""
        if event.key() == Qt.Key.Key_Escape:
            if self.find_field.hasFocus() and self.find_field.text():
                self.find_field.clear()
            else:
                self.close()
            return
        super().keyPressEvent(event)


def open_guide(parent: QWidget | None, section: str | None = None) -> GuideWindow:
    """Show ``parent``'s guide window (created once, then reused) in front, optionally at
    ``section`` (a GuideSection or heading text)."""
    window = None
    if parent is not None:
        window = parent.findChild(GuideWindow, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if window is None:
        window = GuideWindow(parent)
    if window.isMinimized():
        window.showNormal()
    if window.isVisible():
        window.raise_()  # behind the main window: bring it forward (a new one is on top)
    window.show()
    window.activateWindow()
    if section:
        window.show_section(section)
    return window
