"""Child: start Follow-Up Desk the way its launcher does and report when it first painted.

    FOLLOWUP_DESK_DATA_DIR=DIR python bench/startup_app.py [--bench-scroll PAGES]

The data directory comes from the environment, so the app starts with no arguments, as from
a desktop launcher. Runs the real ``desktop.app.main`` (argument parsing, QApplication,
window icon,
``open_context``, ``create_main_window``, ``show``, ``exec``). The only additions are timing
wrappers around ``open_context`` and ``create_main_window`` and, once the window has painted
for the first time, printing the timings and quitting the event loop.

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
from PySide6.QtWidgets import QApplication  # noqa: E402

import desktop.app  # noqa: E402
from bench.first_paint import on_first_paint  # noqa: E402
from bench.protocol import emit, peak_rss_kib, rss_kib  # noqa: E402

IMPORTED = time.perf_counter()
marks: dict[str, float] = {}
# Libraries whose import cost bench/import_costs.py measures: which did start-up load?
WATCHED = ("qtawesome", "peewee", "jinja2", "babel", "email_validator", "platformdirs")


def _scroll_pages() -> int:
    if "--bench-scroll" not in sys.argv:
        return 0
    at = sys.argv.index("--bench-scroll")
    pages = int(sys.argv[at + 1])
    del sys.argv[at : at + 2]
    return pages


SCROLL_PAGES = _scroll_pages()


def _open_context(*args, **kwargs):  # type: ignore[no-untyped-def]
    marks["context_start"] = time.perf_counter()
    context = real_open_context(*args, **kwargs)
    marks["context_end"] = time.perf_counter()
    return context


def _scroll(window) -> dict[str, int]:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    window.left_tabs.setCurrentWidget(window.contacts_pane)
    table = window.contact_table
    bar = table.verticalScrollBar()
    app.processEvents()
    at_paint = peak_rss_kib()
    for _ in range(SCROLL_PAGES):
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()
    bar.setValue(bar.maximum())
    app.processEvents()
    last_row = table.rowAt(table.viewport().height() - 1)
    scrolled = peak_rss_kib()
    # Then a little of everything else the table does: search as typed, clear, re-sort.
    for text in ("m", "ma", "mar", "mart", "martin", "", "s", "se", "sen", "senior", ""):
        window.search_field.setText(text)
        app.processEvents()
    for column in (2, 1, 8, 0):  # Company, Job title, Last contact, Name
        table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        app.processEvents()
    return {
        "peak_rss_kib_at_paint": at_paint,
        "peak_rss_kib_scrolled": scrolled,
        "last_row_shown": last_row,
    }


def _create_main_window(context, *args, **kwargs):  # type: ignore[no-untyped-def]
    window = real_create_main_window(context, *args, **kwargs)
    marks["window_built"] = time.perf_counter()

    def painted(at: float, forced: bool) -> None:
        scrolled = _scroll(window) if SCROLL_PAGES else {}
        emit(
            {
                "t0": T0,
                "imported": IMPORTED,
                **marks,
                "painted": at,
                "forced_paint": forced,
                "window_size": [window.width(), window.height()],
                "rows": window.contact_model.rowCount(),
                "tab": window.left_tabs.tabText(window.left_tabs.currentIndex()),
                "platform": QApplication.platformName(),
                "loaded": [name for name in WATCHED if name in sys.modules],
                "peak_rss_kib": peak_rss_kib(),
                "rss_kib": rss_kib(),
                **scrolled,
            }
        )
        QApplication.quit()

    on_first_paint(window, painted)
    return window


real_open_context = desktop.app.open_context
real_create_main_window = desktop.app.create_main_window
desktop.app.open_context = _open_context
desktop.app.create_main_window = _create_main_window

if __name__ == "__main__":
    sys.exit(desktop.app.main(["followup-desk", *sys.argv[1:]]))
