"""LetterPreview: the letter as it will print, white pages on a grey desk, zoomable."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.letters import Letter
from desktop.printing.letter_document import build_letter_document, paint_page
from desktop.printing.page import PageSpec, default_page_spec
from desktop.ui.icons import themed_icon

PAGE_GAP = 16  # pixels of desk around and between pages, at any zoom
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0
ZOOM_STEP = 1.25


class _PageCanvas(QWidget):
    """Paints every page of the document, one under the other, at the current zoom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: QTextDocument | None = None
        self.zoom = 1.0
        self.setAccessibleName(self.tr("Letter page"))

    def page_rect(self, index: int) -> QRectF:
        assert self.document is not None
        size = self.document.pageSize() * self.zoom
        top = PAGE_GAP + index * (size.height() + PAGE_GAP)
        return QRectF(QPointF(PAGE_GAP, top), size)

    def sizeHint(self) -> QSize:
        """Override of QWidget.sizeHint: all pages plus the desk around them."""
        if self.document is None:
            return QSize(0, 0)
        pages = self.document.pageCount()
        size = self.document.pageSize() * self.zoom
        return QSize(
            round(size.width() + 2 * PAGE_GAP),
            round(pages * (size.height() + PAGE_GAP) + PAGE_GAP),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """Override of QWidget.paintEvent."""
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Mid))
        if self.document is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        for index in range(self.document.pageCount()):
            rect = self.page_rect(index)
            if not rect.adjusted(-4, -4, 4, 4).intersects(QRectF(event.rect())):
                continue
            painter.fillRect(rect.translated(2, 3), QColor(0, 0, 0, 60))  # soft shadow
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.save()
            painter.translate(rect.topLeft())
            painter.scale(self.zoom, self.zoom)
            paint_page(self.document, painter, index)
            painter.restore()
        painter.end()


class _Desk(QScrollArea):
    """The scroll area; in fit-width mode it re-zooms the page as it is resized."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override of QScrollArea.resizeEvent."""
        super().resizeEvent(event)
        self.resized.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Override of QScrollArea.wheelEvent: Ctrl+wheel zooms, as in every viewer."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            preview = self.parent()
            while preview is not None and not isinstance(preview, LetterPreview):
                preview = preview.parent()
            if preview is not None:
                if event.angleDelta().y() > 0:
                    preview.zoom_in()
                elif event.angleDelta().y() < 0:
                    preview.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)


class LetterPreview(QWidget):
    """Shows a ``Letter`` laid out on the chosen paper. ``set_letter(None)`` shows a hint."""

    zoom_changed = Signal(float)

    def __init__(self, page: PageSpec | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Letter preview"))
        self._page = page or default_page_spec()
        self._letter: Letter | None = None
        self._fit_width = True

        self.canvas = _PageCanvas()
        self.desk = _Desk()
        self.desk.setAccessibleName(self.tr("Letter pages"))
        self.desk.setWidget(self.canvas)
        self.desk.setWidgetResizable(False)
        self.desk.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.desk.setBackgroundRole(QPalette.ColorRole.Mid)
        # A page is taller than wide, so fitted to the width it always scrolls; keeping the bar
        # fixed stops the fit from flickering as the bar comes and goes.
        self.desk.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.desk.resized.connect(self._refit)

        self.empty_hint = QLabel(
            self.tr("Select a contact, or type a name on the card, to draft a letter.")
        )
        self.empty_hint.setAccessibleName(self.tr("Letter preview hint"))
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setEnabled(False)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_hint)
        self.stack.addWidget(self.desk)

        self.zoom_out_action = self._make_action(
            self.tr("Zoom out"), "fa6s.magnifying-glass-minus", QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_in_action = self._make_action(
            self.tr("Zoom in"), "fa6s.magnifying-glass-plus", QKeySequence.StandardKey.ZoomIn
        )
        self.fit_width_action = self._make_action(
            self.tr("Fit width"), "fa6s.arrows-left-right", None
        )
        self.fit_width_action.setCheckable(True)
        self.fit_width_action.setChecked(True)
        self.zoom_out_action.triggered.connect(self.zoom_out)
        self.zoom_in_action.triggered.connect(self.zoom_in)
        self.fit_width_action.triggered.connect(self.set_fit_width)

        self.title = QLabel(self.tr("Letter preview"))
        self.zoom_label = QLabel()
        self.zoom_label.setAccessibleName(self.tr("Zoom level"))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.title)
        bar.addStretch(1)
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_width_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAccessibleName(action.text())
            button.setAutoRaise(True)
            bar.addWidget(button)
        bar.addWidget(self.zoom_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self._show_letter()

    def _make_action(
        self, text: str, icon: str, shortcut: QKeySequence.StandardKey | None
    ) -> QAction:
        action = QAction(themed_icon(icon), text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    # -- public API -----------------------------------------------------------------------
    def set_letter(self, letter: Letter | None) -> None:
        if letter == self._letter:
            return
        self._letter = letter
        self._show_letter()

    def set_page(self, page: PageSpec) -> None:
        self._page = page
        self._show_letter()

    @property
    def page(self) -> PageSpec:
        return self._page

    def has_letter(self) -> bool:
        return self._letter is not None

    def plain_text(self) -> str:
        """The text on the pages, as laid out ("" when nothing is shown)."""
        document = self.canvas.document
        return document.toPlainText() if document is not None else ""

    def page_count(self) -> int:
        document = self.canvas.document
        return document.pageCount() if document is not None else 0

    def zoom(self) -> float:
        return self.canvas.zoom

    def set_zoom(self, zoom: float) -> None:
        self._fit_width = False
        self.fit_width_action.setChecked(False)
        self._apply_zoom(zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.canvas.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.canvas.zoom / ZOOM_STEP)

    def set_fit_width(self, enabled: bool = True) -> None:
        self._fit_width = enabled
        self.fit_width_action.setChecked(enabled)
        self._refit()

    # -- internals ------------------------------------------------------------------------
    def _show_letter(self) -> None:
        if self._letter is None:
            self.canvas.document = None
            self.stack.setCurrentWidget(self.empty_hint)
            self.canvas.setAccessibleDescription("")
        else:
            self.canvas.document = build_letter_document(self._letter, self._page)
            self.stack.setCurrentWidget(self.desk)
            # Screen readers cannot read painted text; give them the letter itself.
            self.canvas.setAccessibleDescription(self._letter.plain_text())
        self.title.setText(self.tr("Letter preview · {paper}").format(paper=self._page.name))
        self._refit()
        self.canvas.adjustSize()
        self.canvas.update()

    def _refit(self) -> None:
        if self._fit_width and self.canvas.document is not None:
            available = self.desk.viewport().width() - 2 * PAGE_GAP
            page_width = self.canvas.document.pageSize().width()
            self._apply_zoom(available / page_width if available > 0 else 1.0)
        else:
            self._apply_zoom(self.canvas.zoom)

    def _apply_zoom(self, zoom: float) -> None:
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        changed = abs(zoom - self.canvas.zoom) > 1e-6
        self.canvas.zoom = zoom
        self.canvas.adjustSize()
        self.canvas.update()
        self.zoom_label.setText(self.tr("{percent} %").format(percent=round(zoom * 100)))
        self.zoom_out_action.setEnabled(zoom > MIN_ZOOM + 1e-6)
        self.zoom_in_action.setEnabled(zoom < MAX_ZOOM - 1e-6)
        if changed:
            self.zoom_changed.emit(zoom)
