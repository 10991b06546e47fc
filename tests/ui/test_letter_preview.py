from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.letters import Letter
from desktop.printing.page import A4, LETTER
from desktop.ui.letter_preview import MAX_ZOOM, MIN_ZOOM, LetterPreview


def make_letter(paragraphs: int = 1) -> Letter:
    return Letter(
        sender_block=(),
        date_line="November 25, 2026",
        inside_address=("Ms. Dana Davis", "Acme"),
        salutation="Dear Ms. Davis:",
        paragraphs=tuple("Thank you for your time. " * 20 for _ in range(paragraphs)),
        closing="Sincerely,",
        signature_name="",
    )


def make_preview(qtbot: QtBot) -> LetterPreview:
    preview = LetterPreview(LETTER)
    qtbot.addWidget(preview)
    preview.resize(600, 700)
    preview.show()
    qtbot.waitExposed(preview)
    return preview


def test_without_a_letter_it_explains_what_to_do(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    assert preview.stack.currentWidget() is preview.empty_hint
    assert "Select a contact" in preview.empty_hint.text()
    assert preview.plain_text() == ""


def test_it_paints_the_letter_on_white_paper_on_a_grey_desk(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    preview.set_letter(make_letter())
    assert preview.stack.currentWidget() is preview.desk
    assert "Dear Ms. Davis:" in preview.plain_text()
    assert preview.canvas.accessibleDescription().startswith("November 25, 2026")

    image = preview.canvas.grab().toImage()
    page = preview.canvas.page_rect(0)
    paper = QColor(image.pixel(int(page.left()) + 5, int(page.top()) + 5))
    desk = QColor(image.pixel(3, 3))
    assert paper == QColor("white")
    assert desk != paper
    inked = any(
        QColor(image.pixel(x, y)).lightness() < 128
        for y in range(int(page.top()), int(page.bottom()), 3)
        for x in range(int(page.left()), int(page.right()), 3)
    )
    assert inked, "the letter's text is drawn on the page"


def test_fit_width_fills_the_pane_and_follows_resizes(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    preview.set_letter(make_letter())
    viewport = preview.desk.viewport().width()
    assert abs(preview.canvas.page_rect(0).right() + 16 - viewport) <= 2
    before = preview.zoom()
    with qtbot.waitSignal(preview.zoom_changed, timeout=2000):
        preview.resize(900, 700)
    assert preview.zoom() > before


def test_zoom_buttons_step_and_stop_at_the_limits(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    preview.set_letter(make_letter())
    start = preview.zoom()
    preview.zoom_in_action.trigger()
    assert preview.zoom() > start
    assert not preview.fit_width_action.isChecked()
    for _ in range(20):
        preview.zoom_in_action.trigger()
    assert preview.zoom() == MAX_ZOOM
    assert not preview.zoom_in_action.isEnabled()
    for _ in range(40):
        preview.zoom_out_action.trigger()
    assert preview.zoom() == MIN_ZOOM
    assert preview.zoom_label.text() == "25 %"
    preview.fit_width_action.trigger()
    assert preview.zoom() == start


def test_ctrl_wheel_zooms(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    preview.set_letter(make_letter())
    start = preview.zoom()
    viewport = preview.desk.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(viewport.rect().center())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)
    assert preview.zoom() > start


def test_long_letters_show_every_page_and_paper_can_change(qtbot: QtBot) -> None:
    preview = make_preview(qtbot)
    preview.set_letter(make_letter(paragraphs=12))
    assert preview.page_count() >= 2
    assert preview.canvas.height() > 2 * preview.canvas.page_rect(0).height()
    preview.set_page(A4)
    assert preview.title.text() == "Letter preview · A4"
    assert preview.page.size_id == A4.size_id
