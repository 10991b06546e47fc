"""qtawesome icons drawn in the current palette's colours, so they follow light and dark."""

from __future__ import annotations

import qtawesome
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette


def themed_icon(name: str) -> QIcon:
    palette = QGuiApplication.palette()
    icon: QIcon = qtawesome.icon(
        name,
        color=palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText),
        color_disabled=palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText),
    )
    return icon


def coloured_icon(name: str, colour: QColor) -> QIcon:
    """An icon whose colour carries meaning (overdue red), the same in light and dark."""
    icon: QIcon = qtawesome.icon(name, color=colour)
    return icon
