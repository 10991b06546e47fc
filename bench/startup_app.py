"""Child: start Follow-Up Desk the way its launcher does and report when it first painted.

    python bench/startup_app.py --data-dir DIR

Runs the real ``desktop.app.main`` (argument parsing, QApplication, window icon,
``open_context``, ``create_main_window``, ``show``, ``exec``). The only additions are timing
wrappers around ``open_context`` and ``create_main_window`` and, once the window has painted
for the first time, printing the timings and quitting the event loop.
"""

import time

T0 = time.perf_counter()  # first thing: everything below counts as start-up

import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtWidgets import QApplication  # noqa: E402

import desktop.app  # noqa: E402
from bench.first_paint import on_first_paint  # noqa: E402
from bench.protocol import emit  # noqa: E402

IMPORTED = time.perf_counter()
marks: dict[str, float] = {}


def _open_context(*args, **kwargs):  # type: ignore[no-untyped-def]
    marks["context_start"] = time.perf_counter()
    context = real_open_context(*args, **kwargs)
    marks["context_end"] = time.perf_counter()
    return context


def _create_main_window(context):  # type: ignore[no-untyped-def]
    window = real_create_main_window(context)
    marks["window_built"] = time.perf_counter()

    def painted(at: float, forced: bool) -> None:
        emit(
            {
                "t0": T0,
                "imported": IMPORTED,
                **marks,
                "painted": at,
                "forced_paint": forced,
                "window_size": [window.width(), window.height()],
                "rows": window.contact_model.rowCount(),
                "platform": QApplication.platformName(),
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
