"""The theme: system, light or dark, switched while the app runs, and back to the system."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QToolButton
from pytestqt.qtbot import QtBot

from desktop.ui import icons
from desktop.ui.dialog_parts import InfoBox, error_label
from desktop.ui.theme import (
    apply_theme,
    contrast_ratio,
    current_theme,
    error_text_colour,
    fallback_palette,
    is_dark,
)

WINDOW = QPalette.ColorRole.Window


@pytest.fixture(autouse=True)
def _back_to_system(qapp: QApplication) -> Iterator[None]:
    yield
    apply_theme(qapp, "system")


def window_lightness() -> int:
    return QApplication.palette().color(WINDOW).lightness()


def test_dark_is_dark_light_is_light_and_system_gives_back_the_start(
    qapp: QApplication,
) -> None:
    start_style = qapp.style().name()
    start_window = QApplication.palette().color(WINDOW)

    apply_theme(qapp, "dark")
    assert window_lightness() < 80
    assert is_dark(QApplication.palette())
    assert current_theme() == "dark"

    apply_theme(qapp, "light")
    assert window_lightness() > 200
    assert not is_dark(QApplication.palette())

    apply_theme(qapp, "dark")
    apply_theme(qapp, "system")
    assert QApplication.palette().color(WINDOW) == start_window
    assert qapp.style().name() == start_style
    assert current_theme() == "system"


def test_the_offscreen_platform_cannot_switch_so_fusion_and_a_palette_stand_in(
    qapp: QApplication,
) -> None:
    if QGuiApplication.platformName() != "offscreen":
        pytest.skip("the fallback is what the offscreen platform gets")
    apply_theme(qapp, "dark")
    assert qapp.style().name().lower() == "fusion"
    assert QApplication.palette().color(WINDOW) == fallback_palette("dark").color(WINDOW)


def test_an_unknown_theme_counts_as_system(qapp: QApplication) -> None:
    start = QApplication.palette().color(WINDOW)
    apply_theme(qapp, "dark")
    apply_theme(qapp, "sepia")
    assert QApplication.palette().color(WINDOW) == start


def test_shown_widgets_follow_the_switch(qtbot: QtBot, qapp: QApplication) -> None:
    label = QLabel("Dana Davis")
    qtbot.addWidget(label)
    label.show()
    qtbot.waitExposed(label)

    apply_theme(qapp, "dark")
    qtbot.waitUntil(lambda: is_dark(label.palette()))
    dark = label.grab().toImage().pixelColor(1, 1)
    assert dark.lightness() < 80

    apply_theme(qapp, "system")
    qtbot.waitUntil(lambda: not is_dark(label.palette()))
    assert label.grab().toImage().pixelColor(1, 1).lightness() > 200


def test_both_fallback_palettes_keep_text_readable() -> None:
    for theme in ("light", "dark"):
        palette = fallback_palette(theme)
        for text, ground in (
            (QPalette.ColorRole.WindowText, WINDOW),
            (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
            (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
            (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
        ):
            gap = abs(palette.color(text).lightness() - palette.color(ground).lightness())
            assert gap > 100, (theme, text, ground)


# --- icons follow the palette --------------------------------------------------------------


def centre_colour(button: QToolButton) -> tuple[int, int]:
    """The lightness of the darkest and lightest pixel of the button's icon area."""
    image = button.grab().toImage()
    size = button.iconSize()
    left = (button.width() - size.width()) // 2
    top = (button.height() - size.height()) // 2
    values = [
        image.pixelColor(x, y).lightness()
        for x in range(left, left + size.width())
        for y in range(top, top + size.height())
    ]
    return min(values), max(values)


def test_a_themed_icon_is_drawn_in_the_palette_of_the_moment(qapp: QApplication) -> None:
    icon = icons.themed_icon("fa6s.print")
    apply_theme(qapp, "light")
    light_glyph = icon.pixmap(QSize(24, 24)).toImage()
    apply_theme(qapp, "dark")
    dark_glyph = icon.pixmap(QSize(24, 24)).toImage()

    def glyph_lightness(image: QImage) -> int:
        pixels = [image.pixelColor(x, y) for x in range(24) for y in range(24)]
        opaque = [p for p in pixels if p.alpha() > 200]
        assert opaque, "the glyph was drawn"
        return sum(p.lightness() for p in opaque) // len(opaque)

    assert glyph_lightness(light_glyph) < 80  # dark ink on light
    assert glyph_lightness(dark_glyph) > 180  # light ink on dark


def test_a_tool_button_icon_switches_without_being_set_again(
    qtbot: QtBot, qapp: QApplication
) -> None:
    apply_theme(qapp, "light")
    button = QToolButton()
    button.setAccessibleName("Print")
    button.setIcon(icons.themed_icon("fa6s.print"))
    button.setIconSize(QSize(24, 24))
    button.resize(40, 40)
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    darkest_on_light, _ = centre_colour(button)
    assert darkest_on_light < 80

    apply_theme(qapp, "dark")
    qtbot.waitUntil(lambda: is_dark(button.palette()))
    darkest, lightest = centre_colour(button)
    assert lightest > 180, "the glyph is light on the dark button"
    assert darkest < 80, "and the button itself is dark"


def test_a_disabled_themed_icon_uses_the_disabled_text_colour(qapp: QApplication) -> None:
    apply_theme(qapp, "dark")
    icon = icons.themed_icon("fa6s.circle")
    normal = icon.pixmap(QSize(16, 16)).toImage().pixelColor(8, 8)
    disabled = icon.pixmap(QSize(16, 16), icon.Mode.Disabled).toImage().pixelColor(8, 8)
    palette = QApplication.palette()
    assert normal.name() == palette.color(QPalette.ColorRole.WindowText).name()
    assert (
        disabled.name()
        == palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    )


def test_icons_are_sharp_at_twice_the_pixels(qapp: QApplication) -> None:
    apply_theme(qapp, "dark")
    fine = icons.themed_icon("fa6s.sliders").pixmap(QSize(20, 20), 2.0)
    assert fine.devicePixelRatio() == 2.0
    assert (fine.width(), fine.height()) == (40, 40)
    assert fine.deviceIndependentSize().toSize() == QSize(20, 20)


# --- error text ----------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_error_text_reads_on_both_fallback_palettes(theme: str) -> None:
    palette = fallback_palette(theme)
    colour = error_text_colour(palette)
    window = palette.color(WINDOW)
    assert contrast_ratio(colour, window) >= 4.5
    assert colour.hue() in range(0, 15) or colour.hue() > 345, "it is still red"
    # Darker than the window on light, lighter on dark.
    assert (colour.lightness() > window.lightness()) == (theme == "dark")


def test_pure_red_was_too_faint_on_light_grey() -> None:
    assert contrast_ratio(QColor("red"), fallback_palette("light").color(WINDOW)) < 4.5


def test_an_error_label_changes_red_with_the_theme(qtbot: QtBot, qapp: QApplication) -> None:
    apply_theme(qapp, "light")
    label = error_label("Name: error")
    qtbot.addWidget(label)
    label.setText("Type a name.")
    label.show()
    light_red = label.palette().color(QPalette.ColorRole.WindowText)
    assert light_red == error_text_colour(fallback_palette("light"))

    apply_theme(qapp, "dark")
    qtbot.waitUntil(
        lambda: (
            label.palette().color(QPalette.ColorRole.WindowText)
            == error_text_colour(fallback_palette("dark"))
        )
    )


def test_an_info_box_icon_is_redrawn_for_the_new_palette(qtbot: QtBot, qapp: QApplication) -> None:
    apply_theme(qapp, "light")
    box = InfoBox("fa6s.circle-info", name="Note")
    qtbot.addWidget(box)
    box.show()

    def ink(label: QLabel) -> int:
        image = label.pixmap().toImage()
        opaque = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert opaque, "the icon was drawn"
        return sum(p.lightness() for p in opaque) // len(opaque)

    assert ink(box.icon) < 80
    apply_theme(qapp, "dark")
    qtbot.waitUntil(lambda: ink(box.icon) > 180)
