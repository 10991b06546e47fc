"""The window's look: the system's light or dark, or always light, or always dark.

Qt 6.8+ lets an application ask the platform for a colour scheme
(``QStyleHints.setColorScheme``); Windows, macOS and GNOME/GTK honour it and repaint in
their own style. A platform that cannot switch leaves ``colorScheme()`` as it was (the
offscreen platform of the tests and the screenshot script reports Unknown whatever is
asked): there the window gets the Fusion style with an explicit light or dark palette, so
"dark" is dark everywhere. So does a platform that says yes but whose style keeps the
other palette (checked once its palette change has been delivered).
Choosing "system" again gives back the style and palette the application started with.

With "system", a change of the OS appearance while the app runs reaches every widget as
``QEvent.ApplicationPaletteChange``; nothing here needs to watch for it.
"""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.domain.appearance import Theme

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Colours of the fallback palettes: calm greys close to the platforms' own, with enough
# contrast for text (WCAG AA) in both.
_DARK = {
    Role.Window: "#2b2b2b",
    Role.WindowText: "#e8e8e8",
    # Fields a little lighter than the window (as Windows 11 does): Fusion draws their frame
    # darker than the window, which would vanish on a darker field.
    Role.Base: "#333333",
    Role.AlternateBase: "#3a3a3a",
    Role.ToolTipBase: "#3a3a3a",
    Role.ToolTipText: "#e8e8e8",
    Role.PlaceholderText: "#9a9a9a",
    Role.Text: "#e8e8e8",
    Role.Button: "#353535",
    Role.ButtonText: "#e8e8e8",
    Role.BrightText: "#ff7070",
    Role.Light: "#474747",
    Role.Midlight: "#3c3c3c",
    Role.Mid: "#242424",
    Role.Dark: "#1a1a1a",
    Role.Shadow: "#0a0a0a",
    Role.Highlight: "#3d6fb4",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#7fb4ff",
    Role.LinkVisited: "#c09cff",
    Role.Accent: "#3d6fb4",
}
_DARK_DISABLED = {
    Role.WindowText: "#7f7f7f",
    Role.Text: "#7f7f7f",
    Role.ButtonText: "#7f7f7f",
    Role.Highlight: "#4a4a4a",
    Role.HighlightedText: "#9a9a9a",
}
_LIGHT = {
    Role.Window: "#efefef",
    Role.WindowText: "#1a1a1a",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f5f5f5",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#1a1a1a",
    Role.PlaceholderText: "#767676",
    Role.Text: "#1a1a1a",
    Role.Button: "#efefef",
    Role.ButtonText: "#1a1a1a",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#cacaca",
    Role.Mid: "#b8b8b8",
    Role.Dark: "#9f9f9f",
    Role.Shadow: "#767676",
    Role.Highlight: "#308cc6",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#0b57d0",
    Role.LinkVisited: "#7a3fb5",
    Role.Accent: "#308cc6",
}
_LIGHT_DISABLED = {
    Role.WindowText: "#8c8c8c",
    Role.Text: "#8c8c8c",
    Role.ButtonText: "#8c8c8c",
    Role.Highlight: "#c8c8c8",
    Role.HighlightedText: "#ffffff",
}


def fallback_palette(theme: Theme | str) -> QPalette:
    """The explicit palette used where the platform cannot switch ("light" or "dark")."""
    dark = Theme(theme) is Theme.DARK
    palette = QPalette()
    for role, colour in (_DARK if dark else _LIGHT).items():
        palette.setColor(role, QColor(colour))
    for role, colour in (_DARK_DISABLED if dark else _LIGHT_DISABLED).items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


class _State:
    # A plain class, not a dataclass: this module loads before the first paint, and the
    # dataclasses module would cost a millisecond of it.
    def __init__(self, original_style: str) -> None:
        self.original_style = original_style  # the style the application started with
        self.chosen = Theme.SYSTEM
        self.fallback = False  # Fusion and an explicit palette are in use


_state: _State | None = None


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` is a dark one: light text on a dark window."""
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


def _luminance(colour: QColor) -> float:
    """WCAG relative luminance of ``colour`` (0 black to 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# Text that must be read: WCAG AA for normal-sized text.
ERROR_CONTRAST = 4.5
_ERROR_ON_LIGHT = "#b3261e"  # a deep red
_ERROR_ON_DARK = "#ff8a80"  # a soft, light red


def error_text_colour(palette: QPalette) -> QColor:
    """The colour of error text on ``palette``'s window: a dark red on a light window, a
    light red on a dark one, with a contrast of at least ``ERROR_CONTRAST`` against it.

    Decided by the Window colour alone (not ``is_dark``): a label already showing red
    text has that red as its WindowText. Pure red reads at only ~3.6:1 on light grey.
    """
    window = palette.color(Role.Window)
    dark = _luminance(window) < 0.18  # darker than mid grey
    colour = QColor(_ERROR_ON_DARK if dark else _ERROR_ON_LIGHT)
    # An unusual window colour (a custom theme) may still be too close: move away from it.
    for _step in range(20):
        if contrast_ratio(colour, window) >= ERROR_CONTRAST:
            break
        colour = colour.lighter(112) if dark else colour.darker(112)
    return colour


def apply_theme(app: QApplication, theme: str) -> None:
    """Make the application look as ``theme`` says ("system", "light" or "dark"; anything
    else counts as "system"). Call it before the main window is built, and again whenever
    the preference changes: widgets follow at once."""
    global _state
    if _state is None:
        _state = _State(original_style=app.style().name())
    state = _state
    state.chosen = Theme(theme) if theme in tuple(Theme) else Theme.SYSTEM
    hints = QGuiApplication.styleHints()
    if state.chosen is Theme.SYSTEM:
        hints.unsetColorScheme()
        _restore(app, state)
        return
    # QtCore.Qt, not Qt imported at the top: PySide builds the whole Qt namespace (some
    # 100 enums) on its first use, which the window's first paint does not wait for.
    scheme = QtCore.Qt.ColorScheme
    wanted = scheme.Dark if state.chosen is Theme.DARK else scheme.Light
    hints.setColorScheme(wanted)
    if hints.colorScheme() == wanted:
        # The platform switches, in its own style. Its new palette may arrive as an event:
        # check once it has, in case the style kept the other palette.
        _restore(app, state)
        chosen = state.chosen
        QTimer.singleShot(0, app, lambda: _verify(app, state, chosen))
        return
    _use_fallback(app, state)


def current_theme() -> Theme:
    """The theme last applied (SYSTEM before any)."""
    return _state.chosen if _state is not None else Theme.SYSTEM


def wear_theme(theme: str) -> None:
    """``apply_theme`` on the running application, unless ``theme`` is already worn."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and theme != current_theme():
        apply_theme(app, theme)


# The theme in use when the window last closed, kept in the window's settings: the window's
# frame is painted before the database (where the preference lives) is open, and should
# already wear the right colours.
THEME_SETTING = "appearance/theme"


def remembered_theme(settings: QSettings) -> str:
    """The theme remembered by ``remember_theme`` ("system" if none)."""
    value = settings.value(THEME_SETTING)
    return value if isinstance(value, str) and value in tuple(Theme) else Theme.SYSTEM.value


def remember_theme(settings: QSettings) -> None:
    """Remember the theme in use, for the next start's first paint."""
    settings.setValue(THEME_SETTING, current_theme().value)


def _use_fallback(app: QApplication, state: _State) -> None:
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(fallback_palette(state.chosen))
    state.fallback = True


def _restore(app: QApplication, state: _State) -> None:
    """Undo a fallback: the original style, and the platform's palette again."""
    if not state.fallback:
        return
    if app.style().name().lower() != state.original_style.lower():
        app.setStyle(state.original_style)
    # An empty palette sets no colour, so the platform's (and the OS's live) colours apply.
    app.setPalette(QPalette())
    state.fallback = False


def _verify(app: QApplication, state: _State, chosen: Theme) -> None:
    """Fall back when the platform said yes but its style kept the other palette."""
    if state.chosen is not chosen or state.fallback:
        return  # chosen again meanwhile
    if is_dark(app.palette()) != (chosen is Theme.DARK):
        _use_fallback(app, state)
