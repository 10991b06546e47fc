"""Child: search, sort and scroll the contacts table of a shown MainWindow.

    python -m bench.contacts_search DATA_DIR EXPECTED_COUNT [--rounds N] [--pages N]

Drives the real window the way a user does: realistic queries typed one key at a time into
the search field (``QTest.keyClicks``), the field cleared with Ctrl+A, Backspace, column
headers clicked with the mouse, the table scrolled a page at a time and to the end with its
scroll bar. Every step is timed from the input event to the end of the event-loop turn in
which the table's viewport repainted.

Floors, interleaved with ours: the very SQL the contact directory ran for that step (caught
in an untimed first round, with its parameters) through the standard ``sqlite3`` module on
the same file, fetched with ``fetchall()``; for scrolling, the rows of one page
(``SELECT * FROM contact WHERE id IN (…)`` and their last-contact times). The first round
also checks that the floor returns exactly the ids the table shows, in the same order.
"""

from __future__ import annotations

import argparse
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench.common import ensure_offscreen, fixed_now
from bench.protocol import emit, peak_rss_kib
from bench.qt_helpers import PaintWatcher, application, settle, show_and_settle
from desktop.app import create_main_window, open_context
from desktop.domain.contact_search import ContactFilter, ContactOrder, search_terms
from desktop.domain.paths import DATABASE_FILENAME
from desktop.ui.contact_table_model import (
    COL_COMPANY,
    COL_JOB_TITLE,
    COL_LAST_CONTACT,
    COL_NAME,
)

# What people type: a family name without its accent, a company, a job-title word, part of
# an email address, "zoe" for Zoë, two-word queries, a Japanese family name (as an input
# method commits it, a character at a time).
QUERIES = (
    "garcia",
    "northwind",
    "recruiter",
    "dana.perry",
    "zoe",
    "maria lopez",
    "senior engineer",
    "田中",
)
# Header clicks, in turn; the round ends where it started (Name, ascending).
SORT_CLICKS = (
    (COL_COMPANY, "Company"),
    (COL_COMPANY, "Company again (descending)"),
    (COL_JOB_TITLE, "Job title"),
    (COL_LAST_CONTACT, "Last contact"),
    (COL_NAME, "Name"),
)
PAGE_ROWS = 200  # rows the table model fetches around the row the view asks for
IDS_SQL_START = "SELECT s.contact_id FROM contact_search"
PAGE_SQL = "SELECT * FROM contact WHERE id IN ({marks})"
COUNT_SQL = "SELECT count(*) FROM contact"
LAST_CONTACT_SQL = (
    "SELECT contact_id, last_contact_at FROM contact_search WHERE contact_id IN ({marks})"
)


@dataclass
class Step:
    kind: str  # key, clear, sort, page, end
    label: str
    action: Callable[[], None]
    expect_text: str | None = None
    floor_sql: tuple[str, list[Any]] | None = None
    floor_page: str = ""  # "next" or "end": fetch a page of rows as the floor
    changes: bool = True


def _short(text: str) -> bool:
    """Does the search use the word-prefix index (a term of one or two letters)?"""
    return any(len(term) < 3 for term in search_terms(text))


def run(data_dir: Path, expected: int, rounds: int, pages: int) -> dict[str, Any]:
    app = application()
    context = open_context(data_dir, clock=fixed_now)
    db = context.services.db
    directory = context.services.directory
    opened = time.perf_counter()
    window = create_main_window(context)
    built = time.perf_counter() - opened
    show_and_settle(window)
    window.find_action.trigger()  # Ctrl+F: the Contacts tab, focus in the search field
    app.processEvents()
    pane = window.contacts_pane
    field = window.search_field
    table = window.contact_table
    model = window.contact_model
    header = table.horizontalHeader()
    vbar = table.verticalScrollBar()
    watcher = PaintWatcher(table.viewport())
    raw = sqlite3.connect(data_dir / DATABASE_FILENAME)
    if model.rowCount() != expected:
        raise SystemExit(f"the window shows {model.rowCount()} contacts, not {expected}")

    # -- the steps of one round ----------------------------------------------------------
    def type_key(char: str) -> Callable[[], None]:
        if char.isascii():
            return lambda: QTest.keyClicks(field, char)

        def commit() -> None:  # what an input method does with a character it composed
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(field, event)

        return commit

    def select_all() -> None:
        QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)

    def backspace() -> None:
        QTest.keyClick(field, Qt.Key.Key_Backspace)

    def click_header(column: int) -> Callable[[], None]:
        def click() -> None:
            x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
            QTest.mouseClick(
                header.viewport(),
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
                QPoint(x, header.height() // 2),
            )

        return click

    def reveal(column: int) -> None:
        """Scroll the header sideways so the section can be clicked (not timed)."""
        hbar = table.horizontalScrollBar()
        hbar.setValue(min(hbar.maximum(), header.sectionPosition(column)))
        app.processEvents()

    def page_down() -> None:
        vbar.setValue(vbar.value() + vbar.pageStep())  # a click in the scroll bar's trough

    def to_end() -> None:
        vbar.setValue(vbar.maximum())  # the scroll bar dragged to the bottom

    steps: list[Step] = []
    prepare: dict[int, Callable[[], None]] = {}  # untimed, before step i
    for query in QUERIES:
        for length in range(1, len(query) + 1):
            text = query[:length]
            kind = "key-short" if _short(text) else "key-long"
            steps.append(Step(kind, text, type_key(query[length - 1]), expect_text=text))
        prepare[len(steps)] = select_all
        steps.append(Step("clear", "clear", backspace, expect_text=""))
    for column, label in SORT_CLICKS:
        prepare[len(steps)] = lambda column=column: reveal(column)  # type: ignore[misc]
        steps.append(Step("sort", label, click_header(column)))
    prepare[len(steps)] = lambda: reveal(COL_NAME)
    for number in range(pages):
        steps.append(Step("page", f"page {number + 1}", page_down, floor_page="next"))
    steps.append(Step("end", "end", to_end, floor_page="end"))

    def back_to_top() -> None:
        vbar.setValue(0)
        app.processEvents()

    # -- the first round: not timed; catches the SQL and checks the floor ------------------
    caught: list[tuple[str, list[Any]]] = []
    statements: list[int] = [0]

    def catching(sql: str, params: Any = None) -> Any:
        statements[0] += 1
        if sql.lstrip().startswith(IDS_SQL_START):
            caught.append((sql, list(params or ())))
        return type(db).execute_sql(db, sql, params)

    plans: dict[str, list[str]] = {}
    db.execute_sql = catching  # type: ignore[method-assign]
    queries_per_step: dict[str, list[int]] = {}
    for index, step in enumerate(steps):
        if index in prepare:
            prepare[index]()
        caught.clear()
        statements[0] = 0
        before = model.ids()
        step.action()
        app.processEvents()
        if step.expect_text is not None and field.text() != step.expect_text:
            raise SystemExit(f"the field reads {field.text()!r}, expected {step.expect_text!r}")
        step.changes = model.ids() != before
        queries_per_step.setdefault(step.kind, []).append(statements[0])
        if step.kind in ("key-short", "key-long", "clear", "sort"):
            if not caught:
                raise SystemExit(f"step {step.label!r} ran no search")
            step.floor_sql = caught[-1]
            sql, params = step.floor_sql
            plan = [row[3] for row in raw.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
            plans[step.label] = plan
            if [row[0] for row in raw.execute(sql, params)] != model.ids():
                raise SystemExit(f"step {step.label!r}: the floor's ids differ from the table's")
    del db.execute_sql
    back_to_top()
    if pane.order() != ContactOrder():
        raise SystemExit(f"the round ended sorted by {pane.order()}")

    def fetch_page(chosen: list[int]) -> None:
        marks = ",".join("?" * len(chosen))
        raw.execute(PAGE_SQL.format(marks=marks), chosen).fetchall()
        raw.execute(LAST_CONTACT_SQL.format(marks=marks), chosen).fetchall()

    def floor_page(where: str) -> None:
        ids = model.ids()
        if where == "end":
            fetch_page(ids[-PAGE_ROWS:])
        else:
            first = table.rowAt(0)
            fetch_page(ids[max(0, first - 50) : first + PAGE_ROWS - 50])

    # -- timed rounds ----------------------------------------------------------------------
    times: dict[str, list[float]] = {}
    floors: dict[str, list[float]] = {}
    labels: dict[str, list[str]] = {}
    unpainted: dict[str, int] = {}
    for _ in range(rounds):
        for index, step in enumerate(steps):
            if index in prepare:
                prepare[index]()
            since = watcher.paints
            start = time.perf_counter()
            step.action()
            end, painted = settle(watcher, since)
            times.setdefault(step.kind, []).append(end - start)
            labels.setdefault(step.kind, []).append(step.label)
            if not painted:
                unpainted[step.kind] = unpainted.get(step.kind, 0) + 1
            floor_start = time.perf_counter()
            if step.floor_sql is not None:
                raw.execute(*step.floor_sql).fetchall()
            elif step.floor_page:
                floor_page(step.floor_page)
            floors.setdefault(step.kind, []).append(time.perf_counter() - floor_start)
        back_to_top()

    # -- where a keystroke's time goes: the directory alone, then the rows of one page ------
    parts: dict[str, list[float]] = {
        "matching_ids": [],
        "matching_ids_floor": [],
        "total": [],
        "total_floor": [],
        "listings": [],
        "listings_floor": [],
    }
    key_steps = [s for s in steps if s.kind.startswith("key")]
    for _ in range(rounds):
        for step in key_steps:
            shown = ContactFilter(text=step.label)
            start = time.perf_counter()
            ids = directory.matching_ids(shown, ContactOrder(), fixed_now())
            parts["matching_ids"].append(time.perf_counter() - start)
            assert step.floor_sql is not None
            start = time.perf_counter()
            raw.execute(*step.floor_sql).fetchall()
            parts["matching_ids_floor"].append(time.perf_counter() - start)
            start = time.perf_counter()
            directory.total()
            parts["total"].append(time.perf_counter() - start)
            start = time.perf_counter()
            raw.execute(COUNT_SQL).fetchall()
            parts["total_floor"].append(time.perf_counter() - start)
            start = time.perf_counter()
            directory.listings(ids[:PAGE_ROWS])
            parts["listings"].append(time.perf_counter() - start)
            start = time.perf_counter()
            fetch_page(ids[:PAGE_ROWS])
            parts["listings_floor"].append(time.perf_counter() - start)
    result = {
        "count": expected,
        "window_build_seconds": built,
        "window_size": [window.width(), window.height()],
        "visible_rows": table.rowAt(table.viewport().height() - 1) - table.rowAt(0) + 1,
        "queries": list(QUERIES),
        "times": times,
        "floors": floors,
        "labels": labels,
        "unpainted": unpainted,
        "unchanged": {
            kind: sum(1 for s in steps if s.kind == kind and not s.changes)
            for kind in {s.kind for s in steps}
        },
        "statements": {kind: max(values) for kind, values in queries_per_step.items()},
        "parts": parts,
        "plans": plans,
        "peak_rss_kib": peak_rss_kib(),
    }
    window.close()
    raw.close()
    context.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("expected", type=int)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    ensure_offscreen()
    emit(run(args.data_dir, args.expected, args.rounds, args.pages))


if __name__ == "__main__":
    main()
