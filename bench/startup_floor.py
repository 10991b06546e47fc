"""Child: the floor for start-up, a bare PySide6 main window with a label.

    python bench/startup_floor.py [--size WIDTHxHEIGHT]

Same interpreter, same Qt, same first-paint detection and a window of the same size as the
app's, but none of the app's imports, database or widgets.
"""

import time

T0 = time.perf_counter()  # first thing: everything below counts as start-up

import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import qVersion  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402

from bench.first_paint import on_first_paint  # noqa: E402
from bench.protocol import emit  # noqa: E402

IMPORTED = time.perf_counter()


def main(argv: list[str]) -> int:
    width, height = 1280, 820
    if len(argv) == 2 and argv[0] == "--size":
        width, height = (int(n) for n in argv[1].split("x"))
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("Floor")
    window.setCentralWidget(QLabel("A bare PySide6 window"))
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
            }
        )
        QApplication.quit()

    on_first_paint(window, painted)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
