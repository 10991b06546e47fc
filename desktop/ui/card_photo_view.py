"""The photo of a business card beside its form: attach, paste, drop, remove, and zoom.

``CardPhotoView`` holds the photo shown on the card and what the user did to it since it
was loaded; ``photo_change()`` is what ``ContactService.add_contact``/``update_contact``
take, so the card and its photo are saved in one transaction. The view never touches the
database itself.

Photos from a phone are large; before one is kept it is made at most ``MAX_EDGE`` pixels on
its long edge and stored as JPEG (quality ``JPEG_QUALITY``), unless it is a small JPEG, PNG
or WebP already, which is kept byte for byte. ``CardPhotoViewer`` shows the photo zoomable.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMimeData,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QImageReader,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.card_photos import (
    KEEP_PHOTO,
    PhotoChange,
    PhotoUpload,
    photo_problem,
)
from desktop.ui.dialog_parts import ErrorLabel
from desktop.ui.icons import themed_icon
from desktop.ui.translations import TranslationContext

MAX_EDGE = 2000  # pixels on the long edge: a card's text stays sharp when zoomed in
JPEG_QUALITY = 85
# A JPEG, PNG or WebP this small (and no larger than MAX_EDGE) is kept as it came.
KEEP_AS_IS_BYTES = 1_500_000
# A PNG made smaller stays PNG (sharp text, transparency) when it encodes this small.
SMALL_PNG_BYTES = 1_000_000
# Files larger than this are not read at all (a business card photo never is).
MAX_FILE_BYTES = 100 * 1024 * 1024
# The shape of a business card (3.5 × 2 in), for the thumbnail's size.
CARD_ASPECT = 3.5 / 2
THUMBNAIL_WIDTH = 280

MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
ZOOM_STEP = 1.25

_KEPT_FORMATS = {b"jpeg": "image/jpeg", b"png": "image/png", b"webp": "image/webp"}
FILE_FILTER_SUFFIXES = "*.jpg *.jpeg *.png *.webp *.bmp *.gif *.tif *.tiff"


# Text of the module's functions (pyside6-lupdate does not read a ``_tr`` wrapper).
CardPhoto = TranslationContext("CardPhoto")


class UnreadablePhoto(Exception):
    """An image that cannot be used as a card photo; the message says why, for the user."""


# -- images ---------------------------------------------------------------------------------
def _read(data: bytes) -> tuple[QImage, bytes]:
    """``data`` decoded (upright, as its EXIF data says) and the name of its format."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # phones store photos sideways with an EXIF rotation
    fmt = bytes(reader.format().data()).lower()
    image = reader.read()
    # The reader before its buffer: some image handlers (TIFF) use the device as they go.
    del reader
    buffer.close()
    return image, fmt


def read_image(data: bytes) -> QImage:
    """Decode ``data`` (any format Qt reads), turned upright as its EXIF data says; a null
    image if it cannot be read."""
    return _read(data)[0]


def _encode(image: QImage, fmt: str, quality: int = -1) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str at run time; its stubs say bytes, which it refuses.
    if not image.save(buffer, fmt, quality):  # type: ignore[call-overload]
        raise UnreadablePhoto(
            CardPhoto.tr("The photo could not be encoded as {format}.").format(format=fmt)
        )
    return bytes(buffer.data().data())


def _on_white(image: QImage) -> QImage:
    """``image`` without transparency, on white paper (JPEG has no alpha)."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor(Qt.GlobalColor.white))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    return flat


def prepare_photo(data: bytes) -> PhotoUpload:
    """The photo to store for an image file's bytes: small ones as they are, others made at
    most ``MAX_EDGE`` pixels and re-encoded. Raises UnreadablePhoto."""
    if not data:
        raise UnreadablePhoto(CardPhoto.tr("The file is empty: it holds no image."))
    image, source = _read(data)
    if image.isNull():
        raise UnreadablePhoto(
            CardPhoto.tr(
                "This file is not an image Follow-Up Desk can read. "
                "Use a JPEG, PNG or WebP photo of the card."
            )
        )
    long_edge = max(image.width(), image.height())
    if source in _KEPT_FORMATS and long_edge <= MAX_EDGE and len(data) <= KEEP_AS_IS_BYTES:
        upload = PhotoUpload(data, _KEPT_FORMATS[source], image.width(), image.height())
    else:
        # A photo (JPEG, WebP) stays a JPEG; a scan or screenshot may stay lossless.
        upload = encode_image(image, lossless_source=source not in (b"jpeg", b"webp"))
    if problem := photo_problem(upload):
        raise UnreadablePhoto(problem)
    return upload


def encode_image(image: QImage, *, lossless_source: bool = True) -> PhotoUpload:
    """``image`` made at most ``MAX_EDGE`` pixels on its long edge, as JPEG; an image from a
    lossless source (a PNG, a screenshot on the clipboard) stays PNG if that is small."""
    if image.isNull():
        raise UnreadablePhoto(CardPhoto.tr("The image is empty."))
    if max(image.width(), image.height()) > MAX_EDGE:
        image = image.scaled(
            MAX_EDGE,
            MAX_EDGE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    size = (image.width(), image.height())
    if lossless_source or image.hasAlphaChannel():
        # Sharp text and transparency survive; a real photo as PNG is far too large.
        png = _encode(image, "PNG")
        if len(png) <= SMALL_PNG_BYTES:
            return PhotoUpload(png, "image/png", *size)
    jpeg = _encode(_on_white(image) if image.hasAlphaChannel() else image, "JPEG", JPEG_QUALITY)
    return PhotoUpload(jpeg, "image/jpeg", *size)


def read_photo_file(path: Path) -> PhotoUpload:
    """``prepare_photo`` of the file at ``path``. Raises UnreadablePhoto."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UnreadablePhoto(
                CardPhoto.tr("{name} is too large to be a photo of a card.").format(name=path.name)
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadablePhoto(
            CardPhoto.tr("Could not read {name}: {reason}.").format(
                name=path.name, reason=exc.strerror or str(exc)
            )
        ) from exc
    return prepare_photo(data)


def photo_from_mime(mime: QMimeData | None) -> PhotoUpload | None:
    """The photo carried by dropped or pasted data: an image file (its own bytes, the best
    quality), encoded image bytes, or a bitmap. None if it carries no image at all; raises
    UnreadablePhoto for one that cannot be read."""
    if mime is None:
        return None
    files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    if files:
        return read_photo_file(files[0])
    for fmt in mime.formats():
        if fmt.startswith("image/") and (raw := bytes(mime.data(fmt).data())):
            if read_image(raw).isNull():
                continue  # an encoding Qt cannot read; the bitmap below may still do
            return prepare_photo(raw)
    if mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            return encode_image(image)
    return None


def _carries_image(mime: QMimeData | None) -> bool:
    if mime is None:
        return False
    if mime.hasImage() or any(fmt.startswith("image/") for fmt in mime.formats()):
        return True
    return any(url.isLocalFile() for url in mime.urls())


def _pixmap_fitting(image: QImage, box: QSize, ratio: float) -> QPixmap:
    """``image`` scaled to fit ``box`` (logical pixels) at the screen's pixel ratio, so it is
    sharp on a high-DPI screen."""
    device = QSize(max(1, round(box.width() * ratio)), max(1, round(box.height() * ratio)))
    scaled = image.scaled(
        device, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    pixmap = QPixmap.fromImage(scaled)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


# -- the thumbnail --------------------------------------------------------------------------
class _Thumbnail(QFrame):
    """The photo fitted into a card-shaped box, or the placeholder text; double-click,
    Enter or Space opens the viewer."""

    activated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QImage()
        self.placeholder = ""
        self._cache: tuple[QSize, float, QPixmap] | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumSize(160, round(160 / CARD_ASPECT))
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)

    def set_image(self, image: QImage) -> None:
        self.image = image
        self._cache = None
        self.update()

    def sizeHint(self) -> QSize:
        """Override of QWidget.sizeHint: a business card's shape."""
        return QSize(THUMBNAIL_WIDTH, round(THUMBNAIL_WIDTH / CARD_ASPECT))

    def hasHeightForWidth(self) -> bool:
        """Override of QWidget.hasHeightForWidth."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Override of QWidget.heightForWidth: keep the card's shape as it widens."""
        return max(self.minimumHeight(), round(width / CARD_ASPECT))

    def shown_pixmap(self) -> QPixmap:
        """The pixmap painted now: the photo fitted to the box, at the screen's ratio."""
        box = self.contentsRect().adjusted(4, 4, -4, -4).size()
        ratio = self.devicePixelRatioF()
        if self._cache is None or self._cache[:2] != (box, ratio):
            self._cache = (box, ratio, _pixmap_fitting(self.image, box, ratio))
        return self._cache[2]

    def paintEvent(self, event: QPaintEvent) -> None:
        """Override of QFrame.paintEvent."""
        super().paintEvent(event)
        painter = QPainter(self)
        inner = self.contentsRect().adjusted(4, 4, -4, -4)
        if self.image.isNull():
            painter.setPen(
                self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            )
            painter.drawText(
                inner.adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.placeholder,
            )
        else:
            pixmap = self.shown_pixmap()
            logical = pixmap.deviceIndependentSize().toSize()
            at = inner.center() - QPoint(logical.width() // 2, logical.height() // 2)
            painter.drawPixmap(QRect(at, logical), pixmap)
        if self.hasFocus():
            pen = painter.pen()
            pen.setColor(self.palette().color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override of QFrame.resizeEvent."""
        self._cache = None
        super().resizeEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Override of QWidget.mouseDoubleClickEvent."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit()
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Override of QWidget.keyPressEvent: Enter, Return or Space opens the viewer."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            event.accept()
            return
        super().keyPressEvent(event)


# -- the view beside the card ---------------------------------------------------------------
class CardPhotoView(QWidget):
    """The card's photo with Attach, Paste and Remove, taking drops of image files and images.

    ``set_photo`` loads what is stored (not an edit); attaching, pasting, dropping or
    removing is an edit: ``photo_edited`` is emitted and ``photo_change()`` says what to save.
    """

    photo_edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Card photo"))
        self.setAcceptDrops(True)
        self._stored: bytes | None = None  # the photo as loaded
        self._data: bytes | None = None  # the photo as shown now
        self._upload: PhotoUpload | None = None  # set when _data came from the user
        self.viewer: CardPhotoViewer | None = None

        self.thumbnail = _Thumbnail()
        self.thumbnail.setAccessibleName(self.tr("Photo of the business card"))
        self.thumbnail.placeholder = self.tr(
            "No photo of the card — drop one here, paste it (Ctrl+V), or choose a file"
        )
        self.thumbnail.activated.connect(self.open_viewer)

        # Readable in light and dark: its colour follows the palette (theme.error_text_colour).
        self.message = ErrorLabel()
        self.message.setObjectName("photo_error")
        self.message.setAccessibleName(self.tr("Photo problem"))
        self.message.setVisible(False)

        self.attach_action = self._action(self.tr("Attach photo…"), "fa6s.paperclip")
        self.attach_action.setToolTip(self.tr("Choose an image file of the card"))
        self.attach_action.triggered.connect(self.choose_file)
        self.paste_action = self._action(self.tr("Paste photo"), "fa6s.paste")
        # Only while the photo area has focus: in a text field Ctrl+V pastes text.
        self.paste_action.setShortcut(QKeySequence.StandardKey.Paste)
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_action.triggered.connect(self.paste_photo)
        self.view_action = self._action(self.tr("View photo"), "fa6s.magnifying-glass-plus")
        self.view_action.triggered.connect(self.open_viewer)
        self.remove_action = self._action(self.tr("Remove photo"), "fa6s.trash-can")
        self.remove_action.triggered.connect(self.remove_photo)
        self.thumbnail.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.view_action, self.attach_action, self.paste_action, self.remove_action):
            self.thumbnail.addAction(action)

        self.attach_button = QPushButton(self.attach_action.icon(), self.attach_action.text())
        self.attach_button.setAccessibleName(self.tr("Attach a photo of the card"))
        self.attach_button.setToolTip(self.attach_action.toolTip())
        self.attach_button.clicked.connect(self.attach_action.trigger)
        self.paste_button = QToolButton()
        self.paste_button.setDefaultAction(self.paste_action)
        self.paste_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.paste_button.setAccessibleName(self.tr("Paste a photo of the card"))
        self.paste_button.setToolTip(self.tr("Paste a photo of the card from the clipboard"))
        self.remove_button = QPushButton(self.remove_action.icon(), self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the photo of the card"))
        self.remove_button.clicked.connect(self.remove_action.trigger)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.paste_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbnail)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._show()

    def _action(self, text: str, icon: str) -> QAction:
        action = QAction(themed_icon(icon), text, self)
        self.addAction(action)
        return action

    # -- what the window calls ----------------------------------------------------------
    def set_photo(self, data: bytes | None, media_type: str = "") -> None:
        """Show the stored photo of the contact now on the card (None: no photo). Not an
        edit: ``is_modified()`` is False afterwards. ``media_type`` is informational."""
        del media_type  # the bytes say what they are
        self._stored = data or None
        self._data = self._stored
        self._upload = None
        self._close_viewer()
        self._hide_message()
        self._show()

    def clear(self) -> None:
        """No photo, nothing edited: for a new, empty card."""
        self.set_photo(None)

    def revert(self) -> None:
        """Drop the edit: show the photo as it was loaded."""
        self.set_photo(self._stored)

    def show_problem(self, text: str) -> None:
        """Show why the photo was not saved (a ValidationError's "photo" message)."""
        self._show_message(text)

    def mark_saved(self) -> None:
        """What is shown was saved: it becomes the stored photo."""
        self._stored = self._data
        self._upload = None

    def photo_change(self) -> PhotoChange:
        """For ``ContactService.add_contact``/``update_contact``'s ``photo``: KEEP_PHOTO when
        nothing was edited, None when the photo was removed, else the new PhotoUpload."""
        if not self.is_modified():
            return KEEP_PHOTO
        return self._upload if self._data is not None else None

    def is_modified(self) -> bool:
        return self._data != self._stored

    def has_photo(self) -> bool:
        return self._data is not None

    def image(self) -> QImage:
        """The photo as shown (upright), or a null image."""
        return QImage(self.thumbnail.image)

    def problem(self) -> str:
        """The message about the last image that could not be used ("" if none)."""
        return self.message.text() if not self.message.isHidden() else ""

    # -- edits ----------------------------------------------------------------------------
    def attach_file(self, path: Path) -> bool:
        """Use the image file at ``path`` as the photo; False (with a message, nothing
        changed) if it cannot be used."""
        try:
            upload = read_photo_file(path)
        except UnreadablePhoto as exc:
            self._show_message(str(exc))
            return False
        return self._use(upload)

    def attach_mime(self, mime: QMimeData | None) -> bool:
        """Use the image carried by ``mime`` (pasted or dropped)."""
        try:
            upload = photo_from_mime(mime)
        except UnreadablePhoto as exc:
            self._show_message(str(exc))
            return False
        if upload is None:
            self._show_message(self.tr("There is no image to use: copy a photo of the card first."))
            return False
        return self._use(upload)

    def choose_file(self) -> None:
        """Ask for an image file and use it."""
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach a photo of the card"),
            "",
            self.tr("Images ({suffixes});;All files (*)").format(suffixes=FILE_FILTER_SUFFIXES),
        )
        if chosen:
            self.attach_file(Path(chosen))

    def paste_photo(self) -> bool:
        """Use the image (or image file) on the clipboard."""
        return self.attach_mime(QGuiApplication.clipboard().mimeData())

    def remove_photo(self) -> None:
        if self._data is None:
            return
        self._data = None
        self._upload = None
        self._close_viewer()
        self._hide_message()
        self._show()
        self.photo_edited.emit()

    def open_viewer(self) -> CardPhotoViewer | None:
        """Show the photo zoomable in a window of its own (None when there is no photo)."""
        if self.thumbnail.image.isNull():
            return None
        self._close_viewer()
        self.viewer = CardPhotoViewer(self.thumbnail.image, self.window())
        self.viewer.open()
        return self.viewer

    # -- drag and drop --------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Override of QWidget.dragEnterEvent: image files and images are welcome."""
        if _carries_image(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Override of QWidget.dropEvent."""
        if self.attach_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    # -- internals ------------------------------------------------------------------------
    def _use(self, upload: PhotoUpload) -> bool:
        image = read_image(upload.data)
        if image.isNull():  # prepare_photo read it already; this is a safety net
            self._show_message(self.tr("The photo could not be shown."))
            return False
        self._data = upload.data
        self._upload = upload
        self._close_viewer()
        self._hide_message()
        self._show(image)
        self.photo_edited.emit()
        return True

    def _show(self, image: QImage | None = None) -> None:
        if image is None:
            image = read_image(self._data) if self._data is not None else QImage()
            if self._data is not None and image.isNull():
                # Stored by a build with a codec this one lacks, say: say so, keep it.
                self._show_message(self.tr("The stored photo cannot be shown on this computer."))
        self.thumbnail.set_image(image)
        has_photo = self._data is not None
        self.remove_action.setEnabled(has_photo)
        self.remove_button.setEnabled(has_photo)
        self.view_action.setEnabled(not image.isNull())
        self.thumbnail.setToolTip(
            self.tr("Double-click (or press Enter) to zoom") if not image.isNull() else ""
        )
        self.thumbnail.setAccessibleDescription(
            self.tr("{width} × {height} pixels").format(width=image.width(), height=image.height())
            if not image.isNull()
            else self.thumbnail.placeholder
        )

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

    def _hide_message(self) -> None:
        self.message.clear()
        self.message.setVisible(False)

    def _close_viewer(self) -> None:
        if self.viewer is not None:
            self.viewer.close()
            self.viewer.deleteLater()
            self.viewer = None


# -- the zoom viewer ------------------------------------------------------------------------
class _PhotoCanvas(QWidget):
    """The photo at the current scale (1.0: one image pixel per screen point)."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = image
        self.scale = 1.0
        self._cache: tuple[float, float, QPixmap] | None = None

    def sizeHint(self) -> QSize:
        """Override of QWidget.sizeHint."""
        return QSize(
            max(1, round(self.image.width() * self.scale)),
            max(1, round(self.image.height() * self.scale)),
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """Override of QWidget.paintEvent."""
        painter = QPainter(self)
        ratio = self.devicePixelRatioF()
        if self.scale * ratio < 1:
            # Smaller than the image: one smooth scaling, kept while the scale stays.
            if self._cache is None or self._cache[:2] != (self.scale, ratio):
                pixmap = _pixmap_fitting(self.image, self.sizeHint(), ratio)
                self._cache = (self.scale, ratio, pixmap)
            painter.drawPixmap(QRect(QPoint(0, 0), self.sizeHint()), self._cache[2])
        else:
            # Magnified: draw only the part in view (a whole 2000-pixel photo at 800% would
            # be a gigabyte of pixmap).
            self._cache = None
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.scale(self.scale, self.scale)
            exposed = QRectF(event.rect())
            source = QRectF(
                exposed.x() / self.scale,
                exposed.y() / self.scale,
                exposed.width() / self.scale,
                exposed.height() / self.scale,
            ).adjusted(-1, -1, 1, 1) & QRectF(self.image.rect())
            painter.drawImage(source, self.image, source)
        painter.end()


class _ZoomArea(QScrollArea):
    """Scrolls the photo when it is larger than the window; Ctrl+wheel zooms."""

    wheel_zoom = Signal(int)  # +1 in, -1 out
    resized = Signal()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Override of QScrollArea.wheelEvent: Ctrl+wheel zooms, as in every viewer."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.wheel_zoom.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Override of QScrollArea.resizeEvent."""
        super().resizeEvent(event)
        self.resized.emit()


class CardPhotoViewer(QDialog):
    """The photo of a card, zoomable: in, out, fit to the window, actual size."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photo of the business card"))
        self.setAccessibleName(self.tr("Card photo viewer"))
        self._fit = True

        self.canvas = _PhotoCanvas(image)
        self.canvas.setAccessibleName(self.tr("Photo of the business card"))
        self.canvas.setAccessibleDescription(
            self.tr("{width} × {height} pixels").format(width=image.width(), height=image.height())
        )
        self.area = _ZoomArea()
        self.area.setAccessibleName(self.tr("Photo"))
        self.area.setWidget(self.canvas)
        self.area.setWidgetResizable(False)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area.setBackgroundRole(QPalette.ColorRole.Mid)
        self.area.wheel_zoom.connect(lambda step: self.zoom_in() if step > 0 else self.zoom_out())
        self.area.resized.connect(self._refit)

        self.zoom_out_action = self._action(
            self.tr("Zoom out"), "fa6s.magnifying-glass-minus", QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_in_action = self._action(
            self.tr("Zoom in"), "fa6s.magnifying-glass-plus", QKeySequence.StandardKey.ZoomIn
        )
        self.fit_action = self._action(self.tr("Fit to window"), "fa6s.expand", None)
        self.fit_action.setCheckable(True)
        self.actual_action = self._action(self.tr("Actual size"), "fa6s.maximize", None)
        self.zoom_out_action.triggered.connect(self.zoom_out)
        self.zoom_in_action.triggered.connect(self.zoom_in)
        self.fit_action.triggered.connect(self.fit_to_window)
        self.actual_action.triggered.connect(self.actual_size)

        self.zoom_label = QLabel()
        self.zoom_label.setAccessibleName(self.tr("Zoom level"))
        bar = QHBoxLayout()
        for action in (
            self.zoom_out_action,
            self.zoom_in_action,
            self.fit_action,
            self.actual_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAccessibleName(action.text())
            button.setAutoRaise(True)
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.zoom_label)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.area, 1)
        layout.addWidget(close)
        self.resize(self._starting_size())
        self.fit_to_window()

    def _action(self, text: str, icon: str, shortcut: QKeySequence.StandardKey | None) -> QAction:
        action = QAction(themed_icon(icon), text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        self.addAction(action)
        return action

    def _starting_size(self) -> QSize:
        screen = self.screen().availableGeometry().size() if self.screen() else QSize(1280, 800)
        return QSize(min(1000, screen.width() * 4 // 5), min(720, screen.height() * 4 // 5))

    # -- zoom -----------------------------------------------------------------------------
    def scale(self) -> float:
        """Screen points per image pixel."""
        return self.canvas.scale

    def is_fitted(self) -> bool:
        return self._fit

    def set_scale(self, scale: float) -> None:
        self._fit = False
        self.fit_action.setChecked(False)
        self._scroll_bars(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._apply(scale)

    def zoom_in(self) -> None:
        self.set_scale(self.canvas.scale * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_scale(self.canvas.scale / ZOOM_STEP)

    def actual_size(self) -> None:
        self.set_scale(1.0)

    def fit_to_window(self) -> None:
        self._fit = True
        self.fit_action.setChecked(True)
        # Fitted, the photo never needs them; a bar coming and going would re-fit forever.
        self._scroll_bars(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._refit()

    def _scroll_bars(self, policy: Qt.ScrollBarPolicy) -> None:
        self.area.setHorizontalScrollBarPolicy(policy)
        self.area.setVerticalScrollBarPolicy(policy)

    def _refit(self) -> None:
        if not self._fit:
            return
        image = self.canvas.image
        room = self.area.viewport().size()
        if image.isNull() or room.isEmpty():
            return
        self._apply(min(room.width() / image.width(), room.height() / image.height()))

    def _apply(self, scale: float) -> None:
        scale = max(MIN_ZOOM, min(MAX_ZOOM, scale))
        # Zoom about the middle of what is in view, as image viewers do.
        bars = (self.area.horizontalScrollBar(), self.area.verticalScrollBar())
        old = self.canvas.size()
        middle = [
            (bar.value() + bar.pageStep() / 2) / length if bar.maximum() > 0 else 0.5
            for bar, length in zip(bars, (old.width(), old.height()), strict=True)
        ]
        self.canvas.scale = scale
        self.canvas.resize(self.canvas.sizeHint())
        new = self.canvas.size()
        for bar, length, at in zip(bars, (new.width(), new.height()), middle, strict=True):
            bar.setValue(round(at * length - bar.pageStep() / 2))
        self.canvas.update()
        self.zoom_label.setText(self.tr("{percent}%").format(percent=round(scale * 100)))
        self.zoom_out_action.setEnabled(scale > MIN_ZOOM)
        self.zoom_in_action.setEnabled(scale < MAX_ZOOM)
