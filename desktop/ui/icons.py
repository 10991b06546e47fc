"""qtawesome icons drawn in the current palette's colours, so they follow light and dark.

A themed icon looks the colour up in the application palette each time it is drawn (the
colour is part of the cache key), so when the palette changes — the user picks a theme, or
the OS switches to dark — toolbars, menus and tabs repaint in the new colours without their
icons being made again.

Importing qtawesome (and the font machinery under it) is the largest single cost of
starting the app, so icons are drawn lazily and kept: each icon is a QIconEngine that renders
a size the first time it is painted, and, once ``use_cache_dir`` has been called, stores the
picture as a PNG. Later starts paint the toolbar from those files without importing
qtawesome at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)

_cache_dir: Path | None = None
_pixmaps: dict[str, QPixmap] = {}


def use_cache_dir(path: Path | None) -> None:
    """Keep rendered icons in ``path`` (created when first written); None: memory only."""
    global _cache_dir
    _cache_dir = path


def _render(name: str, colour: QColor, size: QSize) -> QPixmap:
    import qtawesome

    icon: QIcon = qtawesome.icon(name, color=colour)
    return icon.pixmap(size)


def _pixmap(name: str, colour: QColor, size: QSize) -> QPixmap:
    key = f"{name}|{colour.name(QColor.NameFormat.HexArgb)}|{size.width()}x{size.height()}"
    pixmap = _pixmaps.get(key)
    if pixmap is not None:
        return pixmap
    file = None
    if _cache_dir is not None:
        # Readable and unique: glyph names are [a-z0-9.-] and the rest is hex and digits.
        colour_hex = colour.name(QColor.NameFormat.HexArgb)[1:]
        file = _cache_dir / f"{name}_{colour_hex}_{size.width()}x{size.height()}.png"
        pixmap = QPixmap(str(file)) if file.is_file() else None
    if pixmap is None or pixmap.isNull():
        pixmap = _render(name, colour, size)
        if file is not None:
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
                pixmap.save(str(file), "PNG")
            except OSError:
                pass  # a read-only cache costs speed on the next start, nothing else
    _pixmaps[key] = pixmap
    return pixmap


class _FontIconEngine(QIconEngine):
    """Paints glyph ``name`` in ``normal`` (or ``disabled``) colour, rendered on demand;
    without colours, in the palette's window text colour at the time it is painted."""

    def __init__(
        self, name: str, normal: QColor | None = None, disabled: QColor | None = None
    ) -> None:
        super().__init__()
        self._name = name
        self._normal = QColor(normal) if normal is not None else None
        self._disabled = QColor(disabled) if disabled is not None else None

    def _colour(self, mode: QIcon.Mode) -> QColor:
        disabled = mode == QIcon.Mode.Disabled
        fixed = self._disabled if disabled else self._normal
        if fixed is not None:
            return fixed
        group = QPalette.ColorGroup.Disabled if disabled else QPalette.ColorGroup.Active
        return QGuiApplication.palette().color(group, QPalette.ColorRole.WindowText)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        """Override of QIconEngine.pixmap."""
        if size.isEmpty():
            return QPixmap()
        return _pixmap(self._name, self._colour(mode), size)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        """Override of QIconEngine.scaledPixmap: sharp on high-DPI screens."""
        device = QSize(round(size.width() * scale), round(size.height() * scale))
        pixmap = QPixmap(self.pixmap(device, mode, state))
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """Override of QIconEngine.paint."""
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = self.scaledPixmap(rect.size(), mode, state, scale)
        painter.drawPixmap(rect, pixmap)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        """Override of QIconEngine.actualSize: glyphs scale to any square."""
        side = min(size.width(), size.height())
        return QSize(side, side)

    def clone(self) -> QIconEngine:
        """Override of QIconEngine.clone."""
        return _FontIconEngine(self._name, self._normal, self._disabled)

    def key(self) -> str:
        """Override of QIconEngine.key."""
        return "followup-desk-font-icon"


def themed_icon(name: str) -> QIcon:
    """An icon in the palette's text colour (greyed when disabled), whatever the palette is
    when it is drawn."""
    return QIcon(_FontIconEngine(name))


def coloured_icon(name: str, colour: QColor) -> QIcon:
    """An icon whose colour carries meaning (overdue red), the same in light and dark."""
    return QIcon(_FontIconEngine(name, colour, QColor(colour).lighter(150)))
