"""Paint paginated documents onto any paged device (PDF writer or printer), page for page."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import TracebackType

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPainter, QTextDocument

from desktop.printing.letter_document import paint_page
from desktop.printing.page import LAYOUT_DPI, PageSpec

# progress(done, total) after each document; returning False stops (nothing more is painted).
Progress = Callable[[int, int], bool]


def full_sheet_layout(page: PageSpec) -> QPageLayout:
    """The whole sheet, no device margins: our documents carry their own margins."""
    layout = QPageLayout(page.page_layout())
    layout.setMode(QPageLayout.Mode.FullPageMode)
    layout.setMargins(QMarginsF(0, 0, 0, 0))
    return layout


class PageRenderer:
    """Paints documents one after another onto one device; each starts on a new sheet.

    with PageRenderer(writer, writer.resolution()) as pages:
        for document in documents:
            pages.add(document)
    """

    def __init__(self, device: QPagedPaintDevice, resolution: int) -> None:
        self._device = device
        self._resolution = resolution
        self._painter = QPainter()
        self.pages = 0  # sheets painted so far

    def __enter__(self) -> PageRenderer:
        if not self._painter.begin(self._device):
            raise RuntimeError("Qt could not start painting the page (is the printer available?).")
        scale = self._resolution / LAYOUT_DPI
        self._painter.scale(scale, scale)
        return self

    def add(self, document: QTextDocument) -> None:
        """Paint every page of ``document`` (laid out at LAYOUT_DPI) at the device's resolution."""
        for index in range(document.pageCount()):
            if self.pages:
                self._device.newPage()
            paint_page(document, self._painter, index)
            self.pages += 1

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._painter.end()


def render_document(document: QTextDocument, device: QPagedPaintDevice, resolution: int) -> None:
    """Paint every page of ``document`` (laid out at LAYOUT_DPI) at the device's resolution."""
    with PageRenderer(device, resolution) as pages:
        pages.add(document)


def render_documents(
    documents: Iterable[QTextDocument],
    device: QPagedPaintDevice,
    resolution: int,
    *,
    total: int,
    progress: Progress | None = None,
) -> bool:
    """Paint each document in turn, each from a new sheet; False if ``progress`` stopped it.

    ``documents`` may be a generator, so only one document need be laid out at a time.
    ``total`` is what ``progress`` is told the whole job is.
    """
    with PageRenderer(device, resolution) as pages:
        for done, document in enumerate(documents, start=1):
            pages.add(document)
            del document  # before the next one is built
            if progress is not None and not progress(done, total):
                return False
    return True
