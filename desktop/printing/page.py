"""Paper: which size, what margins, and how a page is laid out in device-independent pixels.

Documents are laid out at a fixed 96 pixels per inch whatever the screen, and fonts are given
in pixels, so a letter breaks its lines and pages identically on Windows (96 dpi logical),
macOS (72 dpi logical), in the preview and on paper; painters scale to the device.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize

LAYOUT_DPI = 96.0
POINTS_PER_INCH = 72.0


def points_to_layout_px(points: float) -> float:
    return points * LAYOUT_DPI / POINTS_PER_INCH


PORTRAIT = QPageLayout.Orientation.Portrait
LANDSCAPE = QPageLayout.Orientation.Landscape


@dataclass(frozen=True)
class PageSpec:
    """A sheet of paper with equal margins on every side (1 inch for a business letter).

    ``orientation`` turns the sheet: an envelope is printed landscape, long edge across.
    Everything that lays out or writes a page (``size_px``, ``page_layout``) follows it.
    """

    size_id: QPageSize.PageSizeId
    margin_points: float = POINTS_PER_INCH
    orientation: QPageLayout.Orientation = PORTRAIT

    @property
    def page_size(self) -> QPageSize:
        return QPageSize(self.size_id)

    @property
    def name(self) -> str:
        """What people call the paper ("Letter", "A4"), not Qt's "Letter / ANSI A"."""
        return _PAPER_NAMES.get(self.size_id, self.page_size.name())

    def size_points(self) -> QSizeF:
        """Width and height as the sheet is turned (landscape: the long edge is the width)."""
        points = self.page_size.size(QPageSize.Unit.Point)
        return points.transposed() if self.orientation == LANDSCAPE else points

    def size_px(self) -> QSizeF:
        points = self.size_points()
        return QSizeF(points_to_layout_px(points.width()), points_to_layout_px(points.height()))

    def margin_px(self) -> float:
        return points_to_layout_px(self.margin_points)

    def page_layout(self) -> QPageLayout:
        """The same page for a QPrinter or QPdfWriter."""
        m = self.margin_points
        return QPageLayout(
            self.page_size,
            self.orientation,
            QMarginsF(m, m, m, m),
            QPageLayout.Unit.Point,
        )


_PAPER_NAMES = {
    QPageSize.PageSizeId.Letter: "Letter",
    QPageSize.PageSizeId.A4: "A4",
    QPageSize.PageSizeId.Comm10E: "#10 envelope",
    QPageSize.PageSizeId.DLE: "DL envelope",
}

LETTER = PageSpec(QPageSize.PageSizeId.Letter)
A4 = PageSpec(QPageSize.PageSizeId.A4)


def default_page_spec(locale: QLocale | None = None) -> PageSpec:
    """Letter where the locale measures in US units, A4 elsewhere.

    QPrinter itself defaults to A4 even in the US, so the choice is made here.
    """
    locale = locale or QLocale()
    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return LETTER
    return A4
