"""Child: load the contacts list from a prepared data directory.

    python -m bench.contacts_load DATA_DIR EXPECTED_COUNT [--repeats N] [--window-repeats N]
                                  [--sorted-repeats N] [--search-rounds N]

Ours: ``ContactService.list_contacts()`` + ``ContactTableModel.set_rows()``, separately and
together. Floor: the same SELECT on the same file through the standard ``sqlite3`` module,
fetched with ``fetchall()``. One untimed warm-up of each, then ``N`` timed repeats, ours and
floor alternating.

In a shown MainWindow, also: ``reload_contacts()`` with the repaint (what every save and
delete costs), typing a search and clearing it, clicking the Name header, and
``reload_contacts()`` once the list is sorted. Their floors are raw sqlite3 queries that
return the same rows (a LIKE over the shown columns for the search).
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from pathlib import Path

from PySide6.QtCore import Qt

from bench.common import LIST_SQL, ensure_offscreen, fixed_now, timed
from bench.protocol import emit
from bench.qt_helpers import application, show_and_settle
from desktop.app import create_main_window, open_context
from desktop.domain.contacts import ContactRecord
from desktop.domain.paths import DATABASE_FILENAME
from desktop.ui.contact_table_model import COL_NAME, ContactTableModel

# The search filters the 7 shown columns; as SQL (category as stored, not as labelled).
_SHOWN = (
    "given_name || ' ' || family_name",
    "job_title",
    "company",
    "category",
    "email",
    "phone",
    "met_at",
)
FLOOR_SEARCH_SQL = (
    "SELECT * FROM contact WHERE "
    + " OR ".join(f"{column} LIKE ?" for column in _SHOWN)
    + " ORDER BY lower(family_name), lower(given_name), id"
)
SEARCH_KEYS = "mar"


def run(
    data_dir: Path,
    expected: int,
    repeats: int,
    window_repeats: int,
    sorted_repeats: int,
    search_rounds: int,
) -> dict[str, object]:
    app = application()
    context = open_context(data_dir, clock=fixed_now)
    raw = sqlite3.connect(data_dir / DATABASE_FILENAME)
    service = context.services.contacts
    model = ContactTableModel()

    def floor() -> list[tuple[object, ...]]:
        return raw.execute(LIST_SQL).fetchall()

    # Warm-up, and proof that ours and the floor return the same rows in the same order.
    rows: list[ContactRecord] = service.list_contacts()
    model.set_rows(rows)
    floor_rows = floor()
    if len(rows) != expected or [r.id for r in rows] != [r[0] for r in floor_rows]:
        raise SystemExit("ours and the floor disagree about the contacts")

    times: dict[str, list[float]] = {"list": [], "set_rows": [], "total": [], "floor": []}
    for _ in range(repeats):
        start = time.perf_counter()
        rows = service.list_contacts()
        listed = time.perf_counter()
        model.set_rows(rows)
        done = time.perf_counter()
        times["list"].append(listed - start)
        times["set_rows"].append(done - listed)
        times["total"].append(done - start)
        start = time.perf_counter()
        floor()
        times["floor"].append(time.perf_counter() - start)

    window = create_main_window(context)
    show_and_settle(window)

    def reload_in_window() -> float:
        start = time.perf_counter()
        window.reload_contacts()
        app.processEvents()  # the table's repaint after the reset
        return time.perf_counter() - start

    reload_in_window()
    times["window_reload"] = [reload_in_window() for _ in range(window_repeats)]

    def search_in_window(text: str) -> float:
        start = time.perf_counter()
        window.search_field.setText(text)  # textChanged -> the proxy's filter, as typing does
        app.processEvents()
        return time.perf_counter() - start

    def floor_search(text: str) -> float:
        start = time.perf_counter()
        raw.execute(FLOOR_SEARCH_SQL, [f"%{text}%"] * len(_SHOWN)).fetchall()
        return time.perf_counter() - start

    times["search_key"], times["search_key_floor"] = [], []
    times["search_clear"], times["search_clear_floor"] = [], []
    for _ in range(search_rounds):
        for length in range(1, len(SEARCH_KEYS) + 1):
            times["search_key"].append(search_in_window(SEARCH_KEYS[:length]))
            times["search_key_floor"].append(floor_search(SEARCH_KEYS[:length]))
        times["search_clear"].append(search_in_window(""))
        times["search_clear_floor"].append(timed(floor))
    if window.contact_proxy.rowCount() != expected:
        raise SystemExit("clearing the search did not bring every contact back")

    # Clicking the Name header: the proxy sorts every row, locale-aware, through data().
    times["sort_click"] = []
    times["window_reload_sorted"] = []
    for _ in range(sorted_repeats):
        start = time.perf_counter()
        window.contact_table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        app.processEvents()
        times["sort_click"].append(time.perf_counter() - start)
        times["window_reload_sorted"].append(reload_in_window())
        window.contact_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to unsorted
        app.processEvents()
    window.close()
    raw.close()
    context.close()
    return {"count": expected, "times": times}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("expected", type=int)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--window-repeats", type=int, default=5)
    parser.add_argument("--sorted-repeats", type=int, default=3)
    parser.add_argument("--search-rounds", type=int, default=3)
    args = parser.parse_args()
    ensure_offscreen()
    result = run(
        args.data_dir,
        args.expected,
        args.repeats,
        args.window_repeats,
        args.sorted_repeats,
        args.search_rounds,
    )
    emit(result)


if __name__ == "__main__":
    main()
