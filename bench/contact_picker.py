"""Child: the people a picker offers, read and shown.

    python -m bench.contact_picker DATA_DIR EXPECTED_COUNT [--rounds N]

Ours: ``ContactService.choices()`` (one query of five columns, sorted, a ``ContactChoice``
per contact), what Log Event, the opportunity dialog and the introducer chooser are given.
Beside it ``ContactService.list_contacts()`` (a full ``ContactRecord`` per contact, what
they were given before). Floor: a raw ``sqlite3``
``SELECT id, given_name, family_name, job_title, company FROM contact`` with ``fetchall()``
on the same file, unsorted.

Also the Log Event dialog opened as ``FollowUpFlow.log_event`` opens it: ``choices()``, the
opportunities, the dialog built, shown and painted; and the first key typed into its filter
(the search keys are folded then) until the list repainted. All alternate, round by round,
after one untimed warm-up; the first round also checks that ``choices()`` names the same
people in the same order as ``list_contacts()``.
"""

from __future__ import annotations

import argparse
import gc
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import Any

from bench.common import ensure_offscreen, fixed_now
from bench.protocol import emit, peak_rss_kib
from bench.qt_helpers import PaintWatcher, application, settle
from desktop.app import open_context
from desktop.domain.paths import DATABASE_FILENAME

FLOOR_SQL = "SELECT id, given_name, family_name, job_title, company FROM contact"
FIRST_KEY = "g"  # one letter: many scattered matches, the filter's hardest first key


def run(data_dir: Path, expected: int, rounds: int) -> dict[str, Any]:
    app = application()
    context = open_context(data_dir, clock=fixed_now)
    contacts = context.services.contacts
    opportunities = context.services.opportunities
    raw = sqlite3.connect(data_dir / DATABASE_FILENAME)
    # Imported here, as the flow imports it: on first use, not at start-up.
    from desktop.ui.log_event_dialog import LogEventDialog

    choices = contacts.choices()
    records = contacts.list_contacts()
    floor_rows = raw.execute(FLOOR_SQL).fetchall()
    if len(choices) != expected or len(floor_rows) != expected:
        raise SystemExit(f"{len(choices)} choices, {len(floor_rows)} rows, not {expected}")
    if [(c.id, c.full_name, c.job_title, c.company) for c in records] != [
        tuple(c) for c in choices
    ]:
        raise SystemExit("choices() and list_contacts() differ")
    del records

    times: dict[str, list[float]] = {
        "choices": [],
        "list_contacts": [],
        "floor": [],
        "log_event": [],
        "first_key": [],
    }

    def open_log_event() -> tuple[float, float]:
        start = time.perf_counter()
        dialog = LogEventDialog(
            contacts.choices(), opportunities.list_opportunities(), now=fixed_now(), tz=UTC
        )
        watcher = PaintWatcher(dialog.people.view.viewport())
        dialog.show()
        end, painted = settle(watcher, 0)
        if not painted:
            raise SystemExit("the Log Event dialog's list never painted")
        opened = end - start
        since = watcher.paints
        start = time.perf_counter()
        dialog.people.filter_edit.setText(FIRST_KEY)
        end, _ = settle(watcher, since)
        first_key = end - start
        if not 0 < dialog.people.proxy.rowCount() < expected:
            raise SystemExit(f"the filter {FIRST_KEY!r} did not narrow the list")
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
        return opened, first_key

    def read(function: Callable[[], object]) -> float:
        """Seconds to read the rows, not counting freeing them afterwards, nor collecting
        an earlier round's garbage (100,000 records make a lot)."""
        gc.collect()
        start = time.perf_counter()
        rows = function()
        seconds = time.perf_counter() - start
        del rows
        return seconds

    open_log_event()  # warm-up: imports, fonts, style
    for _ in range(rounds):
        times["choices"].append(read(contacts.choices))
        times["list_contacts"].append(read(contacts.list_contacts))
        times["floor"].append(read(lambda: raw.execute(FLOOR_SQL).fetchall()))
        gc.collect()
        opened, first_key = open_log_event()
        times["log_event"].append(opened)
        times["first_key"].append(first_key)
    raw.close()
    context.close()
    return {"count": expected, "times": times, "peak_rss_kib": peak_rss_kib()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("expected", type=int)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    ensure_offscreen()
    emit(run(args.data_dir, args.expected, args.rounds))


if __name__ == "__main__":
    main()
