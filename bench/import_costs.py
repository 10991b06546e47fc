"""Child: what each of the app's dependencies adds to start-up, imported one after another.

    python bench/import_costs.py

PySide6.QtWidgets comes first (the floor window pays for it too); every later step is
charged only for what it loads that was not loaded before, so a library that pulls in more
of Qt or a compatibility layer is charged for that. ``desktop.app`` comes last: the app's
own modules, with its dependencies already loaded.
"""

import time

T0 = time.perf_counter()

import importlib  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench.protocol import emit  # noqa: E402

STEPS = (
    "PySide6.QtWidgets",
    "peewee",
    "platformdirs",
    "qtawesome",
    "jinja2.sandbox",
    "email_validator",
    "desktop.app",
)


def main() -> None:
    times: dict[str, float] = {}
    for name in STEPS:
        start = time.perf_counter()
        importlib.import_module(name)
        times[name] = time.perf_counter() - start
    emit({"times": times, "total": time.perf_counter() - T0})


if __name__ == "__main__":
    main()
