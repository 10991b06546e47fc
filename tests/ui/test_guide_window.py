"""The follow-up guide: what it tells the user, and reading it (contents, find, zoom)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.categories import Category
from desktop.ui.guide_window import (
    MAX_ZOOM,
    GuideSection,
    GuideWindow,
    guide_markdown,
    open_guide,
    slug,
)
from desktop.ui.theme import apply_theme, fallback_palette

HIGHLIGHT = QPalette.ColorRole.Highlight


@pytest.fixture
def owner(qtbot: QtBot) -> QWidget:
    """Stands in for the main window: the guide belongs to it and closes with it."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def opened(qtbot: QtBot, owner: QWidget, section: str | None = None) -> GuideWindow:
    guide = open_guide(owner, section)
    qtbot.waitExposed(guide)
    qtbot.waitUntil(guide.isActiveWindow)  # its shortcuts act in the active window only
    return guide


def top_text(guide: GuideWindow) -> str:
    """The line of text at the top of the visible page."""
    browser = guide.browser
    return browser.cursorForPosition(browser.viewport().rect().topLeft()).block().text()


def section_text(markdown: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    assert match, f"the guide has a section “{heading}”"
    return " ".join(match.group(1).split())


# --- what it says ------------------------------------------------------------------------


def test_the_guide_tells_when_and_how_to_follow_up() -> None:
    text = guide_markdown()
    when = section_text(text, "When to follow up")
    assert "24 to 36 hours" in when
    assert "Overdue" in when and "Due now" in when and "Upcoming" in when
    how = section_text(text, "How to follow up")
    assert "direct mail your default" in how
    assert "email now, card later" in how.lower()


def test_the_guide_names_every_relationship_the_card_offers() -> None:
    who = section_text(guide_markdown(), "Who to follow up with")
    missing = [c.label for c in Category if c is not Category.OTHER and c.label not in who]
    assert missing == []


def test_each_section_ends_with_what_the_app_does() -> None:
    text = guide_markdown()
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert [slug(h) for h in headings] == [s.value for s in GuideSection]
    for heading in headings:
        last = section_text(text, heading).split("**In the app:**")
        assert len(last) == 2 and last[1].strip(), f"“{heading}” says how the app helps"
    assert "Ctrl+Return" in section_text(text, "After an interview"), "the card-by-card flow"
    assert "cool-down" in section_text(text, "Follow up, don't stalk")


def test_the_rules_are_in_our_own_words() -> None:
    """Not a sentence of the source text copied: no eight-word run is shared with it."""
    source = (
        "It is important to follow up within 24-36 hours after the contact has been made",
        "When you have submitted your Resume or CVs you are still a stranger they don't know",
        "Request a business card from each person involved in the hiring process",
        "Rather than ask why you were not hired, ask for any suggestions how you might improve",
        "Email is an easy, simple and fast way to follow up",
    )
    ours = " ".join(guide_markdown().lower().split())
    for sentence in source:
        words = sentence.lower().split()
        for start in range(len(words) - 7):
            assert " ".join(words[start : start + 8]) not in ours


# --- reading it --------------------------------------------------------------------------


def test_one_guide_window_is_shown_and_reused(qtbot: QtBot, owner: QWidget) -> None:
    guide = opened(qtbot, owner)
    assert guide.isVisible() and guide.isWindow()
    assert not guide.isModal(), "the user reads it while working in the main window"
    guide.close()
    assert open_guide(owner) is guide
    assert guide.isVisible()
    assert owner.findChildren(GuideWindow) == [guide]


def test_the_contents_jump_to_a_section(qtbot: QtBot, owner: QWidget) -> None:
    guide = opened(qtbot, owner)
    assert guide.browser.verticalScrollBar().value() == 0
    titles = [guide.contents.item(row).text() for row in range(guide.contents.count())]
    assert titles[1:] == [
        "Who to follow up with",
        "When to follow up",
        "How to follow up",
        "After you send a resume",
        "After an interview",
        "When you don't get the job",
        "When someone helps you",
        "Follow up, don't stalk",
    ]

    row = titles.index("After an interview")
    item = guide.contents.item(row)
    rect = guide.contents.visualItemRect(item)
    qtbot.mouseClick(guide.contents.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    assert guide.browser.verticalScrollBar().value() > 0
    assert top_text(guide) == "After an interview"


# Opening the guide while it is shown raises it, which the offscreen platform cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_open_guide_can_open_at_a_section_and_keeps_it_after_a_resize(
    qtbot: QtBot, owner: QWidget
) -> None:
    guide = opened(qtbot, owner, GuideSection.AFTER_RESUME)
    assert top_text(guide) == "After you send a resume"
    assert guide.contents.currentItem().text() == "After you send a resume"

    guide.resize(guide.width() - 200, guide.height())
    qtbot.waitUntil(lambda: top_text(guide) == "After you send a resume")

    open_guide(owner, "When to follow up")  # heading text works as well as a slug
    assert top_text(guide) == "When to follow up"
    assert not guide.show_section("no such section")


def test_the_last_section_stays_marked_though_it_cannot_reach_the_top(
    qtbot: QtBot, owner: QWidget
) -> None:
    guide = opened(qtbot, owner, GuideSection.DONT_STALK)
    bar = guide.browser.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0, "scrolled as far as the text goes"
    assert guide.contents.currentItem().text() == "Follow up, don't stalk"

    bar.setValue(0)  # the reader scrolls back up: the contents follow
    assert guide.contents.currentRow() == 0
    bar.setValue(bar.maximum())
    assert guide.contents.currentItem().text() == "Follow up, don't stalk"


def test_find_highlights_the_word_and_moves_from_match_to_match(
    qtbot: QtBot, owner: QWidget
) -> None:
    guide = opened(qtbot, owner)
    qtbot.keySequence(guide, QKeySequence.StandardKey.Find)
    assert guide.find_field.hasFocus()
    qtbot.keyClicks(guide.find_field, "referral")

    browser = guide.browser
    first = browser.textCursor()
    assert first.selectedText().lower() == "referral"
    count = guide.match_count()
    assert count >= 2, "every match is tinted, not just the current one"
    assert guide.match_label.text() == f"1 of {count}"
    current = [s for s in browser.extraSelections() if s.cursor == first]
    highlight = browser.palette().color(QPalette.ColorRole.Highlight)
    assert current and current[0].format.background().color() == highlight

    qtbot.keySequence(guide, QKeySequence.StandardKey.FindNext)
    assert browser.textCursor().selectionStart() > first.selectionStart()
    assert guide.match_label.text() == f"2 of {count}"

    qtbot.keySequence(guide, QKeySequence.StandardKey.FindPrevious)
    assert browser.textCursor().selectionStart() == first.selectionStart()


def test_find_wraps_around_and_says_when_nothing_matches(qtbot: QtBot, owner: QWidget) -> None:
    guide = opened(qtbot, owner, GuideSection.DONT_STALK)
    guide.find_field.setFocus()
    qtbot.keyClicks(guide.find_field, "stranger")  # only in an earlier section
    assert guide.browser.textCursor().selectedText() == "stranger"
    assert guide.match_label.text() == "1 of 1"

    guide.find_field.clear()
    qtbot.keyClicks(guide.find_field, "xylophone")
    assert guide.match_label.text() == "Not found"
    assert guide.match_count() == 0

    qtbot.keyClick(guide.find_field, Qt.Key.Key_Escape)
    assert guide.find_field.text() == "" and guide.isVisible()
    qtbot.keyClick(guide.find_field, Qt.Key.Key_Escape)
    assert not guide.isVisible()


def test_zoom_makes_the_text_larger_and_smaller(qtbot: QtBot, owner: QWidget) -> None:
    guide = opened(qtbot, owner)
    normal = guide.browser.font().pointSizeF()
    assert guide.zoom_in_action.shortcuts() == QKeySequence.keyBindings(
        QKeySequence.StandardKey.ZoomIn
    )
    assert not guide.zoom_reset_action.isEnabled()

    guide.zoom_in_action.trigger()
    guide.zoom_in_action.trigger()
    assert guide.browser.font().pointSizeF() == normal + 2
    guide.zoom_out_action.trigger()
    assert guide.browser.font().pointSizeF() == normal + 1
    guide.zoom_reset_action.trigger()
    assert guide.browser.font().pointSizeF() == normal

    for _ in range(MAX_ZOOM + 3):
        guide.zoom_in_action.trigger()
    assert guide.zoom() == MAX_ZOOM and not guide.zoom_in_action.isEnabled()
    document = guide.browser.document()
    frame = document.rootFrame().frameFormat()
    assert frame.leftMargin() >= document.documentMargin(), "large text keeps off the edge"


def test_a_wide_window_keeps_lines_a_readable_length(qtbot: QtBot, owner: QWidget) -> None:
    guide = opened(qtbot, owner)
    guide.resize(1800, 900)
    browser = guide.browser
    qtbot.waitUntil(lambda: browser.viewport().width() > 1200)

    frame = browser.document().rootFrame().frameFormat()
    text_width = browser.viewport().width() - frame.leftMargin() - frame.rightMargin()
    assert frame.leftMargin() == pytest.approx(frame.rightMargin())
    assert text_width < 100 * browser.fontMetrics().averageCharWidth()


def test_every_control_has_an_accessible_name(qtbot: QtBot, owner: QWidget) -> None:
    guide = opened(qtbot, owner)
    interactive = [
        w for w in guide.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert len(interactive) >= 6
    assert [type(w).__name__ for w in interactive if not w.accessibleName()] == []


def test_find_highlights_take_the_new_colours_when_the_theme_changes(
    qtbot: QtBot, owner: QWidget, qapp: QApplication
) -> None:
    apply_theme(qapp, "light")
    try:
        guide = opened(qtbot, owner)
        qtbot.keyClicks(guide.find_field, "referral")
        browser = guide.browser

        def current_background() -> QColor:
            first = browser.textCursor()
            chosen = [s for s in browser.extraSelections() if s.cursor == first]
            return chosen[0].format.background().color()

        assert current_background() == fallback_palette("light").color(HIGHLIGHT)
        apply_theme(qapp, "dark")
        qtbot.waitUntil(lambda: current_background() == fallback_palette("dark").color(HIGHLIGHT))
    finally:
        apply_theme(qapp, "system")
