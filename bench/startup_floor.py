"""Child: the floor for start-up, a bare PySide6 main window holding an empty table.

    python bench/startup_floor.py [--size WIDTHxHEIGHT]

Same interpreter, same Qt, same first-paint detection and a window of the same size as the
app's: a ``QMainWindow`` whose central widget is a ``QTableView`` over an empty
``QStandardItemModel`` with the contacts table's nine column headers. None of the app's
imports, database or other widgets.
"""

import time

T0 = time.perf_counter()  # first thing: everything below counts as start-up

import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import qVersion  # noqa: E402
from PySide6.QtGui import QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402

from bench.first_paint import on_first_paint  # noqa: E402
from bench.protocol import emit, peak_rss_kib, rss_kib  # noqa: E402

IMPORTED = time.perf_counter()
HEADERS = ("Name", "Job title", "Company", "Category", "Email", "Phone", "Met at", "Met on")
HEADERS += ("Last contact",)


def main(argv: list[str]) -> int:
    width, height = 1280, 820
    if len(argv) == 2 and argv[0] == "--size":
        width, height = (int(n) for n in argv[1].split("x"))
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Floor")
    model = QStandardItemModel(0, len(HEADERS))
    model.setHorizontalHeaderLabels(list(HEADERS))
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(width, height)
    window.show()

    def painted(at: float, forced: bool) -> None:
        emit(
            {
                "t0": T0,
                "imported": IMPORTED,
                "painted": at,
                "forced_paint": forced,
                "window_size": [window.width(), window.height()],
                "platform": QApplication.platformName(),
                "qt": qVersion(),
                "peak_rss_kib": peak_rss_kib(),
                "rss_kib": rss_kib(),
            }
        )
        QApplication.quit()

    on_first_paint(window, painted)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
