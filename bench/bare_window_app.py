"""The floor for the standalone bundle: bench/startup_floor.py as a program to freeze.

    python bench/bare_window_app.py [--size WIDTHxHEIGHT]

A bare PySide6 ``QMainWindow`` holding an empty ``QTableView`` (the contacts table's nine
column headers), the same window, the same first-paint detection (``bench.first_paint``) and
the same result line (``bench.protocol``) as the start-up floor, then it quits.
``bench/bundle.py`` freezes it with PyInstaller's default options (one folder, nothing
trimmed): the bundle a naive build of a bare PySide6 window gives.
"""

import os
import sys

if not getattr(sys, "frozen", False):  # run from the source tree: make bench importable
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench.startup_floor import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
