"""Child: start Follow-Up Desk the way its launcher does; report when it painted, three times.

    FOLLOWUP_DESK_DATA_DIR=DIR python bench/startup_app.py [--bench-scroll PAGES]

The data directory comes from the environment, so the app starts with no arguments, as from
a desktop launcher. Runs the real ``desktop.app.main``, which starts in two steps: argument
parsing, QApplication, window icon, then ``AppSession.show_frame`` shows the window's frame
(menus, toolbar, tabs, no database) and ``exec`` runs the event loop; once the frame has
been painted, ``AppSession.open`` opens the database (``open_context``) and completes the
window (``MainWindow.attach``). ``attach`` first builds and fills the lists on the left
(contacts, today, opportunities) and paints them there and then (``repaint``, then the
signal ``MainWindow.lists_shown``), then builds the card, photo, letter, menus and wiring;
Qt then paints the completed window. The only additions are timing wrappers (around
``show_frame``, ``open_context``, ``attach``, ``open`` and ``QApplication.exec``), a slot on
``lists_shown``, two first-paint watchers (``bench.first_paint``) and, once the second has
fired, printing the timings and quitting the event loop. Three moments:

- ``frame_painted``: the window is on screen (its frame: "Opening your contacts…");
- ``lists_shown``: the filled lists have been painted inside ``attach`` (the contacts are on
  screen, unless the window opened on another tab); the card and letter are not built yet;
- ``painted``: the completed window's current left-tab page has been painted after
  ``attach``: the whole window is ready.

``loaded`` lists which of the watched libraries had been imported when the frame painted.

With ``--bench-scroll PAGES`` (for the memory benchmark) the contacts table is then scrolled
down ``PAGES`` screens with its scroll bar, a repaint after each, and to the end; then a few
searches are typed and cleared and the table is sorted by four columns in turn, before the
result (with the peak resident memory at each stage) is printed.
"""

import time

T0 = time.perf_counter()  # first thing: everything below counts as start-up

import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

import desktop.app  # noqa: E402
from bench.first_paint import on_first_paint  # noqa: E402
from bench.protocol import emit, peak_rss_kib, rss_kib  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402

IMPORTED = time.perf_counter()
marks: dict[str, float] = {}
forced: dict[str, bool] = {}
# Libraries whose import cost bench/import_costs.py measures: which did start-up load by the
# time the frame was painted (the window on screen)?
WATCHED = ("qtawesome", "peewee", "jinja2", "babel", "email_validator", "platformdirs")
loaded_at_frame: list[str] = []
frames: list[QWidget] = []


def _scroll_pages() -> int:
    if "--bench-scroll" not in sys.argv:
        return 0
    at = sys.argv.index("--bench-scroll")
    pages = int(sys.argv[at + 1])
    del sys.argv[at : at + 2]
    return pages


SCROLL_PAGES = _scroll_pages()


def _frame_painted(at: float, was_forced: bool) -> None:
    marks["frame_painted"] = at
    forced["frame"] = was_forced
    loaded_at_frame[:] = [name for name in WATCHED if name in sys.modules]


def _lists_shown() -> None:
    if "lists_shown" not in marks:  # the first emission: the lists on screen
        marks["lists_shown"] = time.perf_counter()


def _show_frame(self, *args, **kwargs):  # type: ignore[no-untyped-def]
    window = real_show_frame(self, *args, **kwargs)
    # Connected here, before ``main`` connects anything of its own: this slot runs first.
    # Every frame (a recovery shows another): the one that gets attached emits.
    window.lists_shown.connect(_lists_shown)
    if "frame_shown" not in marks:  # the start's frame (a recovery may show another)
        marks["frame_shown"] = time.perf_counter()
        frames.append(window)
    return window


def _exec(self, *args, **kwargs):  # type: ignore[no-untyped-def]
    # The frame's first-paint watcher is installed here, as the event loop starts, after
    # ``main`` has installed its own after-paint callbacks on the frame (opening the
    # database among them): Qt asks the filter installed last first, so the bench's
    # watcher queues its moment before the app's callbacks, and opening the database does
    # not delay it. Nothing has painted before the loop runs.
    if frames and "frame_painted" not in marks:
        on_first_paint(frames[0], _frame_painted)
    return real_exec(*args, **kwargs)  # static in PySide6


def _open_context(*args, **kwargs):  # type: ignore[no-untyped-def]
    marks["context_start"] = time.perf_counter()
    context = real_open_context(*args, **kwargs)
    marks["context_end"] = time.perf_counter()
    return context


def _scroll(window) -> dict[str, int]:  # type: ignore[no-untyped-def]
    window.left_tabs.setCurrentWidget(window.contacts_pane)
    table = window.contact_table
    bar = table.verticalScrollBar()
    QApplication.processEvents()
    at_paint = peak_rss_kib()
    for _ in range(SCROLL_PAGES):
        bar.setValue(bar.value() + bar.pageStep())
        QApplication.processEvents()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    last_row = table.rowAt(table.viewport().height() - 1)
    scrolled = peak_rss_kib()
    # Then a little of everything else the table does: search as typed, clear, re-sort.
    for text in ("m", "ma", "mar", "mart", "martin", "", "s", "se", "sen", "senior", ""):
        window.search_field.setText(text)
        QApplication.processEvents()
    for column in (2, 1, 8, 0):  # Company, Job title, Last contact, Name
        table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        QApplication.processEvents()
    return {
        "peak_rss_kib_at_paint": at_paint,
        "peak_rss_kib_scrolled": scrolled,
        "last_row_shown": last_row,
    }


def _attach(self, *args, **kwargs):  # type: ignore[no-untyped-def]
    marks["attach_start"] = time.perf_counter()
    real_attach(self, *args, **kwargs)
    marks["attach_end"] = time.perf_counter()


def _open(self, *args, **kwargs):  # type: ignore[no-untyped-def]
    opened = real_open(self, *args, **kwargs)
    window = self.window
    if not opened or window is None or not window.is_attached:
        return opened
    # Watch the completed window's current left-tab page (what the user came for) from
    # here, just after ``attach`` and after the app's own after-paint callback on that page
    # (its whole-file check and daily backup), so this watcher is asked first, as above.
    page = window.left_tabs.currentWidget() or window

    def painted(at: float, was_forced: bool) -> None:
        scrolled = _scroll(window) if SCROLL_PAGES else {}
        emit(
            {
                "t0": T0,
                "imported": IMPORTED,
                **marks,
                "painted": at,
                "forced_paint": was_forced or forced.get("frame", False),
                "window_size": [window.width(), window.height()],
                "rows": window.contact_model.rowCount(),
                "tab": window.left_tabs.tabText(window.left_tabs.currentIndex()),
                "platform": QApplication.platformName(),
                "loaded": loaded_at_frame,
                "peak_rss_kib": peak_rss_kib(),
                "rss_kib": rss_kib(),
                **scrolled,
            }
        )
        QApplication.quit()

    on_first_paint(page, painted)
    return opened


real_show_frame = desktop.app.AppSession.show_frame
real_open = desktop.app.AppSession.open
real_open_context = desktop.app.open_context
real_attach = MainWindow.attach
real_exec = QApplication.exec
desktop.app.AppSession.show_frame = _show_frame  # type: ignore[method-assign]
desktop.app.AppSession.open = _open  # type: ignore[method-assign]
desktop.app.open_context = _open_context
MainWindow.attach = _attach  # type: ignore[method-assign]
QApplication.exec = _exec  # type: ignore[method-assign,assignment]

if __name__ == "__main__":
    sys.exit(desktop.app.main(["followup-desk", *sys.argv[1:]]))
