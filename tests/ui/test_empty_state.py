"""What stands in for the contacts table: the first-run panel and the no-match message."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.ui.empty_state import EmptyState, NoMatchesState
from desktop.ui.theme import apply_theme

LEFT = Qt.MouseButton.LeftButton


def shown(qtbot: QtBot, widget: EmptyState | NoMatchesState) -> None:
    qtbot.addWidget(widget)
    widget.resize(520, 640)
    widget.show()
    qtbot.waitExposed(widget)


def test_the_first_run_panel_says_what_to_do_first(qtbot: QtBot) -> None:
    empty = EmptyState()
    shown(qtbot, empty)

    assert empty.heading.text() == "Your follow-up list is empty"
    steps = [label.text() for label in empty.step_labels]
    assert len(steps) == 3
    assert "business card" in steps[0] and "Ctrl+N" in steps[0]
    assert all(source in steps[1] for source in ("LinkedIn", "Google", "Outlook", "vCard"))
    assert "log the event" in steps[2] and "Ctrl+L" in steps[2]
    assert not empty.icon.pixmap().isNull(), "a large icon draws the eye"
    assert empty.icon.pixmap().height() >= 3 * empty.fontMetrics().height()


def test_its_buttons_and_link_ask_for_a_card_an_import_and_the_guide(qtbot: QtBot) -> None:
    empty = EmptyState()
    shown(qtbot, empty)

    with qtbot.waitSignal(empty.new_card_requested):
        qtbot.mouseClick(empty.new_card_button, LEFT)
    with qtbot.waitSignal(empty.import_requested):
        qtbot.mouseClick(empty.import_button, LEFT)
    link = empty.guide_link
    with qtbot.waitSignal(empty.guide_requested):
        qtbot.mouseClick(link, LEFT, pos=link.rect().center())


def test_the_whole_panel_stays_readable_in_a_narrow_pane(qtbot: QtBot) -> None:
    empty = EmptyState()
    shown(qtbot, empty)
    empty.resize(300, 400)
    qtbot.waitUntil(lambda: empty.step_labels[0].width() < 300)

    for label in empty.step_labels:
        needed = label.heightForWidth(label.width())
        assert label.height() >= needed, f"every line of “{label.text()}” is shown"
    assert empty.minimumSizeHint().height() < 200, "it scrolls instead of growing the window"


def test_no_matches_names_the_search_and_offers_the_right_way_back(qtbot: QtBot) -> None:
    nothing = NoMatchesState()
    shown(qtbot, nothing)

    nothing.set_search("  zebra   crossing ", filtered=False)
    assert nothing.message.text() == "No contacts match “zebra crossing”"
    assert nothing.clear_button.text() == "Clear search"

    nothing.set_search("zebra", filtered=True)
    assert nothing.clear_button.text() == "Clear search and filters"

    nothing.set_search("", filtered=True)
    assert nothing.message.text() == "No contacts match these filters"
    assert nothing.clear_button.text() == "Clear filters"
    assert nothing.clear_button.accessibleName() == "Clear filters"

    with qtbot.waitSignal(nothing.clear_requested):
        qtbot.mouseClick(nothing.clear_button, LEFT)


def _ink(label: QLabel) -> int:
    """The average lightness of the icon's drawn pixels."""
    image = label.pixmap().toImage()
    opaque = [
        image.pixelColor(x, y)
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert opaque, "the icon was drawn"
    return sum(p.lightness() for p in opaque) // len(opaque)


def test_the_icon_is_redrawn_when_light_turns_dark(qtbot: QtBot, qapp: QApplication) -> None:
    apply_theme(qapp, "light")
    try:
        empty = EmptyState()
        shown(qtbot, empty)
        assert _ink(empty.icon) < 80
        apply_theme(qapp, "dark")
        qtbot.waitUntil(lambda: _ink(empty.icon) > 180)
    finally:
        apply_theme(qapp, "system")
