"""The photo of a business card beside the form: attaching, pasting, dropping, removing,
making large photos small, and the zoom viewer."""

from __future__ import annotations

import random
from pathlib import Path

import peewee
import pytest
from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QImageIOHandler,
    QImageWriter,
    QKeySequence,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.card_photos import KEEP_PHOTO, CardPhotoService, PhotoUpload
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard, ContactService
from desktop.ui.card_photo_view import (
    JPEG_QUALITY,
    MAX_EDGE,
    ZOOM_STEP,
    CardPhotoView,
    CardPhotoViewer,
    read_image,
)

PLACEHOLDER = "No photo of the card — drop one here, paste it (Ctrl+V), or choose a file"


def card_image(width: int = 700, height: int = 400, *, alpha: bool = False) -> QImage:
    """A drawn business card: a few flat colours, like a scan or a screenshot."""
    fmt = QImage.Format.Format_ARGB32 if alpha else QImage.Format.Format_RGB32
    image = QImage(width, height, fmt)
    image.fill(QColor(0, 0, 0, 0) if alpha else QColor("#f4efe6"))
    painter = QPainter(image)
    painter.fillRect(0, height * 9 // 10, width, height // 10, QColor("#c0392b"))
    painter.fillRect(width // 10, height // 4, width // 2, height // 8, QColor("#1b2a49"))
    painter.end()
    return image


def photo_image(width: int, height: int) -> QImage:
    """A camera-like photo: sensor noise under the light, so it compresses as photos do."""
    noise = random.Random(2041).randbytes(width * height * 4)
    image = QImage(noise, width, height, width * 4, QImage.Format.Format_RGB32).copy()
    painter = QPainter(image)
    painter.setOpacity(0.8)
    painter.fillRect(0, 0, width, height, QColor("#dfe6ee"))
    painter.end()
    return image


def encoded(image: QImage, fmt: str, quality: int = -1) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, fmt, quality)  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.fixture
def view(qtbot: QtBot) -> CardPhotoView:
    widget = CardPhotoView()
    qtbot.addWidget(widget)
    widget.resize(320, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def small_png(tmp_path: Path) -> Path:
    return write(tmp_path / "card.png", encoded(card_image(), "PNG"))


# --- empty, loaded -----------------------------------------------------------------------


def test_an_empty_card_invites_a_photo(view: CardPhotoView) -> None:
    assert not view.has_photo()
    assert view.thumbnail.placeholder == PLACEHOLDER
    assert view.thumbnail.accessibleDescription() == PLACEHOLDER
    assert not view.remove_button.isEnabled()
    assert view.attach_button.isEnabled()
    assert view.photo_change() is KEEP_PHOTO and not view.is_modified()
    assert view.open_viewer() is None
    for widget in (view.thumbnail, view.attach_button, view.paste_button, view.remove_button):
        assert widget.accessibleName()


def test_a_stored_photo_is_shown_and_is_not_an_edit(view: CardPhotoView, qtbot: QtBot) -> None:
    data = encoded(card_image(), "PNG")
    with qtbot.assertNotEmitted(view.photo_edited):
        view.set_photo(data, "image/png")

    assert view.has_photo() and view.remove_button.isEnabled()
    assert view.image().size() == card_image().size()
    assert view.photo_change() is KEEP_PHOTO and not view.is_modified()
    assert view.thumbnail.accessibleDescription() == "700 × 400 pixels"


def test_the_thumbnail_keeps_the_shape_and_is_sharp_on_a_high_dpi_screen(
    view: CardPhotoView,
) -> None:
    view.set_photo(encoded(card_image(1000, 250), "PNG"))
    view.thumbnail.resize(300, 200)

    pixmap = view.thumbnail.shown_pixmap()
    ratio = view.thumbnail.devicePixelRatioF()
    assert pixmap.devicePixelRatio() == ratio
    logical = pixmap.deviceIndependentSize()
    assert logical.width() <= view.thumbnail.contentsRect().width()
    assert logical.width() / logical.height() == pytest.approx(4.0, rel=0.02)
    assert pixmap.width() == round(logical.width() * ratio)


# --- attaching ---------------------------------------------------------------------------


def test_attaching_a_small_png_keeps_it_byte_for_byte(
    view: CardPhotoView, qtbot: QtBot, small_png: Path
) -> None:
    with qtbot.waitSignal(view.photo_edited):
        assert view.attach_file(small_png)

    change = view.photo_change()
    assert isinstance(change, PhotoUpload)
    assert change.data == small_png.read_bytes()
    assert (change.media_type, change.width, change.height) == ("image/png", 700, 400)
    assert view.is_modified() and view.remove_button.isEnabled()
    assert view.problem() == ""


def test_a_large_photo_is_made_smaller_and_stored_as_jpeg(
    view: CardPhotoView, tmp_path: Path
) -> None:
    original = encoded(photo_image(2400, 1800), "JPEG", 95)
    path = write(tmp_path / "IMG_2041.JPG", original)

    assert view.attach_file(path)

    change = view.photo_change()
    assert isinstance(change, PhotoUpload)
    assert change.media_type == "image/jpeg"
    assert (change.width, change.height) == (MAX_EDGE, 1500)
    assert len(change.data) < len(original)
    assert read_image(change.data).size().toTuple() == (MAX_EDGE, 1500)


def test_a_large_screenshot_stays_png_when_that_is_small(
    view: CardPhotoView, tmp_path: Path
) -> None:
    path = write(tmp_path / "scan.png", encoded(card_image(5000, 2860), "PNG"))

    assert view.attach_file(path)

    change = view.photo_change()
    assert isinstance(change, PhotoUpload)
    assert (change.media_type, change.width, change.height) == ("image/png", MAX_EDGE, 1144)


def test_a_large_jpeg_stays_jpeg_even_when_png_would_be_small(
    view: CardPhotoView, tmp_path: Path
) -> None:
    path = write(tmp_path / "card.jpg", encoded(card_image(4000, 2286), "JPEG", 95))

    assert view.attach_file(path)

    change = view.photo_change()
    assert isinstance(change, PhotoUpload)
    assert (change.media_type, change.width) == ("image/jpeg", MAX_EDGE)


def test_a_large_png_photo_becomes_jpeg(view: CardPhotoView, tmp_path: Path) -> None:
    original = encoded(photo_image(2400, 1800), "PNG")
    path = write(tmp_path / "photo.png", original)

    assert view.attach_file(path)

    change = view.photo_change()
    assert isinstance(change, PhotoUpload)
    assert (change.media_type, change.width, change.height) == ("image/jpeg", MAX_EDGE, 1500)
    assert len(change.data) < len(original) // 4


def test_a_photo_taken_sideways_is_shown_upright(view: CardPhotoView, tmp_path: Path) -> None:
    """Phones store the pixels as the sensor saw them and say in EXIF how to turn them."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, b"jpeg")
    writer.setTransformation(QImageIOHandler.Transformation.TransformationRotate90)
    assert writer.write(card_image(350, 200))
    del writer
    data = bytes(buffer.data().data())

    assert view.attach_file(write(tmp_path / "sideways.jpg", data))

    change = view.photo_change()
    assert isinstance(change, PhotoUpload)
    assert change.data == data  # small: kept as it came, EXIF and all
    assert (change.width, change.height) == (200, 350)
    assert view.image().size().toTuple() == (200, 350)


def test_other_formats_are_converted(view: CardPhotoView, tmp_path: Path) -> None:
    path = write(tmp_path / "card.bmp", encoded(card_image(), "BMP"))

    assert view.attach_file(path)

    change = view.photo_change()
    assert isinstance(change, PhotoUpload) and change.media_type == "image/png"


def test_transparency_is_kept_in_png(view: CardPhotoView, tmp_path: Path) -> None:
    path = write(tmp_path / "logo.tiff", encoded(card_image(alpha=True), "TIFF"))

    assert view.attach_file(path)

    change = view.photo_change()
    assert isinstance(change, PhotoUpload) and change.media_type == "image/png"
    assert read_image(change.data).pixelColor(1, 1).alpha() == 0


def test_jpeg_quality_is_the_one_documented() -> None:
    assert JPEG_QUALITY == 85


# libjpeg says what is wrong with a damaged file; the view says it to the user.
@pytest.mark.qt_log_ignore("Corrupt JPEG data", "JPEG datastream contains no image")
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Dana Davis, Acme Robotics", "This file is not an image Follow-Up Desk can read."),
        (b"\xff\xd8\xff\xe0 cut short", "This file is not an image Follow-Up Desk can read."),
        (b"", "The file is empty: it holds no image."),
    ],
)
def test_an_unreadable_file_says_so_and_changes_nothing(
    view: CardPhotoView, qtbot: QtBot, tmp_path: Path, small_png: Path, content: bytes, message: str
) -> None:
    view.set_photo(small_png.read_bytes())
    path = write(tmp_path / "card.jpg", content)

    with qtbot.assertNotEmitted(view.photo_edited):
        assert not view.attach_file(path)

    assert view.problem().startswith(message)
    assert view.message.isVisibleTo(view)
    assert view.photo_change() is KEEP_PHOTO
    assert view.image().size().toTuple() == (700, 400)


def test_a_missing_file_says_so(view: CardPhotoView, tmp_path: Path) -> None:
    assert not view.attach_file(tmp_path / "gone.jpg")
    assert view.problem() == "Could not read gone.jpg: No such file or directory."


def test_the_next_good_photo_clears_the_message(
    view: CardPhotoView, tmp_path: Path, small_png: Path
) -> None:
    view.attach_file(write(tmp_path / "notes.txt", b"hello"))
    assert view.problem()

    view.attach_file(small_png)

    assert view.problem() == "" and not view.message.isVisibleTo(view)


# --- removing ----------------------------------------------------------------------------


def test_removing_a_stored_photo_asks_to_remove_it(view: CardPhotoView, qtbot: QtBot) -> None:
    view.set_photo(encoded(card_image(), "PNG"))

    with qtbot.waitSignal(view.photo_edited):
        qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)

    assert view.photo_change() is None and view.is_modified()
    assert not view.has_photo() and not view.remove_button.isEnabled()
    assert view.thumbnail.image.isNull()


def test_attaching_then_removing_on_a_card_without_a_photo_is_no_change(
    view: CardPhotoView, small_png: Path
) -> None:
    view.attach_file(small_png)
    view.remove_photo()

    assert view.photo_change() is KEEP_PHOTO and not view.is_modified()


def test_loading_another_contact_or_saving_ends_the_edit(
    view: CardPhotoView, small_png: Path
) -> None:
    view.attach_file(small_png)
    view.mark_saved()
    assert view.photo_change() is KEEP_PHOTO and view.has_photo()

    view.remove_photo()
    view.clear()
    assert view.photo_change() is KEEP_PHOTO and not view.has_photo()


def test_reverting_shows_the_stored_photo_again(
    view: CardPhotoView, qtbot: QtBot, small_png: Path
) -> None:
    stored = encoded(card_image(400, 230), "PNG")
    view.set_photo(stored)
    view.attach_file(small_png)
    view.show_problem("The photo is 9.0 MB; a card photo may be at most 8 MB.")

    with qtbot.assertNotEmitted(view.photo_edited):
        view.revert()

    assert view.photo_change() is KEEP_PHOTO and view.problem() == ""
    assert view.image().size().toTuple() == (400, 230)


def test_a_stored_photo_that_cannot_be_shown_can_still_be_removed(view: CardPhotoView) -> None:
    view.set_photo(b"RIFF\x00\x00\x00\x00WEBP damaged")

    assert view.has_photo() and view.remove_button.isEnabled()
    assert view.problem() == "The stored photo cannot be shown on this computer."
    view.remove_photo()
    assert view.photo_change() is None


# --- pasting -----------------------------------------------------------------------------


def test_pasting_an_image_from_the_clipboard(view: CardPhotoView, qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setImage(card_image())

    with qtbot.waitSignal(view.photo_edited):
        view.paste_action.trigger()

    change = view.photo_change()
    assert isinstance(change, PhotoUpload)
    assert (change.media_type, change.width, change.height) == ("image/png", 700, 400)


def test_ctrl_v_on_the_photo_pastes(view: CardPhotoView, qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setImage(card_image(300, 200))
    view.activateWindow()
    view.thumbnail.setFocus()
    qtbot.waitUntil(view.thumbnail.hasFocus)

    with qtbot.waitSignal(view.photo_edited):
        qtbot.keyClick(view.thumbnail, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)

    assert view.image().size().toTuple() == (300, 200)


def test_pasting_a_copied_image_file_uses_the_file(view: CardPhotoView, small_png: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(small_png))])
    QGuiApplication.clipboard().setMimeData(mime)

    assert view.paste_photo()

    change = view.photo_change()
    assert isinstance(change, PhotoUpload) and change.data == small_png.read_bytes()


def test_pasting_text_says_there_is_no_image(view: CardPhotoView, qtbot: QtBot) -> None:
    QGuiApplication.clipboard().setText("Dana Davis")

    with qtbot.assertNotEmitted(view.photo_edited):
        assert not view.paste_photo()

    assert view.problem() == "There is no image to use: copy a photo of the card first."


# --- dropping ----------------------------------------------------------------------------


def drop(view: CardPhotoView, mime: QMimeData) -> tuple[bool, bool]:
    """Drag ``mime`` over the view and drop it: (was the drag accepted, the drop)."""
    at = QPointF(view.thumbnail.geometry().center())
    enter = QDragEnterEvent(
        at.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, enter)
    if not enter.isAccepted():
        return False, False
    event = QDropEvent(
        at,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, event)
    return True, event.isAccepted()


def test_dropping_an_image_file(view: CardPhotoView, small_png: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(small_png))])

    assert drop(view, mime) == (True, True)

    change = view.photo_change()
    assert isinstance(change, PhotoUpload) and change.data == small_png.read_bytes()


def test_dropping_image_data(view: CardPhotoView) -> None:
    mime = QMimeData()
    mime.setImageData(card_image(350, 200))

    assert drop(view, mime) == (True, True)

    assert view.image().size().toTuple() == (350, 200)


def test_dropping_encoded_image_bytes_keeps_them(view: CardPhotoView) -> None:
    jpeg = encoded(card_image(), "JPEG", 80)
    mime = QMimeData()
    mime.setData("image/jpeg", jpeg)

    assert drop(view, mime) == (True, True)

    change = view.photo_change()
    assert isinstance(change, PhotoUpload)
    assert (change.data, change.media_type) == (jpeg, "image/jpeg")


def test_text_cannot_be_dropped(view: CardPhotoView) -> None:
    mime = QMimeData()
    mime.setText("Dana Davis")

    assert drop(view, mime) == (False, False)
    assert not view.is_modified()


def test_a_dropped_file_that_is_no_image_is_refused(view: CardPhotoView, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write(tmp_path / "cv.pdf", b"%PDF-1.7")))])

    assert drop(view, mime) == (True, False)
    assert view.problem().startswith("This file is not an image")


# --- saved through the domain ------------------------------------------------------------


def test_the_change_saves_with_the_card_and_loads_back(
    view: CardPhotoView,
    contacts: ContactService,
    db: peewee.SqliteDatabase,
    clock: Clock,
    small_png: Path,
) -> None:
    photos = CardPhotoService(db, clock)
    view.attach_file(small_png)

    dana = contacts.add_contact(ContactCard(given_name="Dana"), photo=view.photo_change())
    stored = photos.get(dana.id)
    assert stored is not None and stored.data == small_png.read_bytes()

    view.set_photo(stored.data, stored.media_type)
    view.remove_photo()
    contacts.update_contact(dana.id, dana.card, photo=view.photo_change())
    assert photos.get(dana.id) is None


# --- the viewer --------------------------------------------------------------------------


def open_viewer(view: CardPhotoView, qtbot: QtBot) -> CardPhotoViewer:
    view.set_photo(encoded(card_image(2000, 1143), "PNG"))
    viewer = view.open_viewer()
    assert viewer is not None
    qtbot.waitExposed(viewer)
    return viewer


def test_double_click_opens_the_viewer_fitted_to_its_window(
    view: CardPhotoView, qtbot: QtBot
) -> None:
    view.set_photo(encoded(card_image(2000, 1143), "PNG"))

    qtbot.mouseDClick(view.thumbnail, Qt.MouseButton.LeftButton)

    viewer = view.viewer
    assert viewer is not None and viewer.isVisible()
    qtbot.waitExposed(viewer)
    assert viewer.is_fitted() and viewer.fit_action.isChecked()
    room = viewer.area.viewport().size()
    shown = viewer.canvas.size()
    assert shown.width() <= room.width() and shown.height() <= room.height()
    assert max(shown.width() - room.width(), shown.height() - room.height()) >= -1
    assert viewer.zoom_label.text() == f"{round(viewer.scale() * 100)}%"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_or_space_on_the_thumbnail_opens_the_viewer(
    view: CardPhotoView, qtbot: QtBot, key: Qt.Key
) -> None:
    view.set_photo(encoded(card_image(), "PNG"))

    qtbot.keyClick(view.thumbnail, key)

    assert view.viewer is not None and view.viewer.isVisible()


def test_zooming_in_and_out_changes_the_scale(view: CardPhotoView, qtbot: QtBot) -> None:
    viewer = open_viewer(view, qtbot)
    fitted = viewer.scale()

    viewer.zoom_in_action.trigger()
    assert viewer.scale() == pytest.approx(fitted * ZOOM_STEP)
    assert not viewer.is_fitted()
    viewer.zoom_out_action.trigger()
    viewer.zoom_out_action.trigger()
    assert viewer.scale() == pytest.approx(fitted / ZOOM_STEP)


def test_actual_size_scrolls_and_fit_comes_back(view: CardPhotoView, qtbot: QtBot) -> None:
    viewer = open_viewer(view, qtbot)

    viewer.actual_action.trigger()

    assert viewer.scale() == 1.0 and viewer.zoom_label.text() == "100%"
    assert viewer.canvas.size().toTuple() == (2000, 1143)
    assert viewer.area.horizontalScrollBar().maximum() > 0
    assert viewer.area.verticalScrollBar().maximum() > 0
    viewer.fit_action.trigger()
    assert viewer.is_fitted() and viewer.scale() < 1.0


def test_ctrl_wheel_zooms(view: CardPhotoView, qtbot: QtBot) -> None:
    viewer = open_viewer(view, qtbot)
    fitted = viewer.scale()

    def wheel(delta: int, modifiers: Qt.KeyboardModifier) -> None:
        at = QPointF(viewer.area.viewport().rect().center())
        event = QWheelEvent(
            at,
            viewer.area.viewport().mapToGlobal(at),
            QPoint(),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewer.area.viewport(), event)

    wheel(120, Qt.KeyboardModifier.ControlModifier)
    assert viewer.scale() == pytest.approx(fitted * ZOOM_STEP)
    wheel(-120, Qt.KeyboardModifier.ControlModifier)
    assert viewer.scale() == pytest.approx(fitted)
    wheel(-120, Qt.KeyboardModifier.NoModifier)  # a plain wheel scrolls
    assert viewer.scale() == pytest.approx(fitted)


def test_zoom_shortcuts_are_the_standard_ones(view: CardPhotoView, qtbot: QtBot) -> None:
    viewer = open_viewer(view, qtbot)

    assert viewer.zoom_in_action.shortcut() == QKeySequence(QKeySequence.StandardKey.ZoomIn)
    assert viewer.zoom_out_action.shortcut() == QKeySequence(QKeySequence.StandardKey.ZoomOut)
    for action in (viewer.zoom_in_action, viewer.zoom_out_action, viewer.fit_action):
        assert action.text()


def test_a_new_photo_closes_the_viewer_of_the_old_one(
    view: CardPhotoView, qtbot: QtBot, small_png: Path
) -> None:
    viewer = open_viewer(view, qtbot)

    view.attach_file(small_png)

    assert view.viewer is None
    qtbot.waitUntil(lambda: not viewer.isVisible())
