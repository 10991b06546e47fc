"""Fonts for printed pages: the look first, then faces that carry every script a name may use.

A ``QFont`` with several families uses the first one that is installed for the look and the
rest, in order, for characters it lacks; Qt then asks the system (fontconfig, Core Text,
DirectWrite) for anything still missing. Naming the fallbacks keeps "Zoë Ñúñez", "Łukasz",
"王小明" and "دانا" in real glyphs, and the same glyphs everywhere the fonts are installed.
Linux gets them from the Noto packages (Debian: fonts-noto-core, fonts-noto-cjk).
"""

from __future__ import annotations

from PySide6.QtGui import QFont

from desktop.printing.page import points_to_layout_px

# Accented Latin, Greek, Cyrillic; then Arabic; then Chinese, Japanese and Korean.
SERIF_FALLBACKS = (
    "Noto Serif",  # Linux
    # Linux. Its ligatures (lam-alef) read back as text from a PDF; Noto Naskh's do not.
    "Noto Sans Arabic",
    "Noto Naskh Arabic",  # Linux
    "Noto Serif CJK SC",  # Linux
    "Noto Sans CJK SC",  # Linux (when only the sans CJK face is installed)
    "Times New Roman",  # Windows and macOS: Latin, Greek, Cyrillic, Arabic, Hebrew
    "Geeza Pro",  # macOS: Arabic
    "Songti SC",  # macOS: Chinese
    "SimSun",  # Windows: Chinese
    "Microsoft YaHei",  # Windows: Chinese
)
SANS_FALLBACKS = (
    "Noto Sans",  # Linux
    "Noto Sans Arabic",  # Linux
    "Noto Sans CJK SC",  # Linux
    "Arial",  # Windows and macOS: Latin, Greek, Cyrillic, Arabic, Hebrew
    "Geeza Pro",  # macOS: Arabic
    "PingFang SC",  # macOS: Chinese
    "Microsoft YaHei",  # Windows: Chinese
)


def with_fallbacks(primary: list[str] | tuple[str, ...], fallbacks: tuple[str, ...]) -> list[str]:
    """``primary`` then ``fallbacks``, each family once, in that order."""
    return list(dict.fromkeys([*primary, *fallbacks]))


def page_font(families: list[str], points: float, hint: QFont.StyleHint) -> QFont:
    """A font sized in layout pixels (see ``page.LAYOUT_DPI``), the same on every screen."""
    font = QFont()
    font.setFamilies(families)
    font.setStyleHint(hint)
    font.setPixelSize(round(points_to_layout_px(points)))
    return font
