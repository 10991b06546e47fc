"""Child: save one new contact, again and again.

    python -m bench.save_contact DATA_DIR [--saves N] [--window-saves N]

Ours: ``ContactService.add_contact`` (validation, one committed transaction, WAL with
synchronous=full). Floor: a raw ``sqlite3`` INSERT of the same values + COMMIT, on the same
file, through a second connection with the same pragmas. Ours and floor alternate, after
one untimed warm-up of each.

Also the whole Save in a shown MainWindow, Contacts tab (the form's card -> ``add_contact``
-> the contact directory asked for the ids again, the new contact indexed and inserted as
one row -> selected -> repaint), which is what a user waits for. Its floor is the raw
insert + commit and the ordered ids read back. Rows the floor inserts are queued for the
search index by the schema's triggers; the window is reloaded (untimed) after each, so
ours never pays for the floor's rows and each save really is a one-row insert.
"""

from __future__ import annotations

import argparse
import dataclasses
import sqlite3
import time
from pathlib import Path

from bench.common import IDS_SQL, ensure_offscreen, sample_cards
from bench.protocol import emit
from bench.qt_helpers import PaintWatcher, application, settle, show_and_settle
from desktop.app import create_main_window, open_context
from desktop.domain.contacts import ContactCard
from desktop.domain.database import PRAGMAS
from desktop.domain.models import Contact, UtcDateTimeField
from desktop.domain.paths import DATABASE_FILENAME

COLUMNS = [*(f.name for f in dataclasses.fields(ContactCard)), "created_at", "updated_at"]
INSERT_SQL = f"INSERT INTO contact ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"


def run(data_dir: Path, saves: int, window_saves: int) -> dict[str, object]:
    app = application()
    context = open_context(data_dir)  # the real clock, as in the app
    service = context.services.contacts
    raw = sqlite3.connect(data_dir / DATABASE_FILENAME, isolation_level=None)
    for name, value in PRAGMAS.items():
        raw.execute(f"PRAGMA {name} = {value}")
    stamp_field: UtcDateTimeField = Contact.created_at

    def floor_insert(card: ContactCard) -> None:
        stamp = stamp_field.db_value(context.services.clock())
        raw.execute("BEGIN")
        raw.execute(INSERT_SQL, [*dataclasses.astuple(card.normalised()), stamp, stamp])
        raw.execute("COMMIT")

    cards = list(sample_cards(2 * saves + 2 + 2 * window_saves, seed=7))
    service.add_contact(cards.pop())
    floor_insert(cards.pop())
    pragmas = {
        "ours_synchronous": context.services.db.pragma("synchronous"),
        "ours_journal_mode": context.services.db.pragma("journal_mode"),
        "floor_synchronous": raw.execute("PRAGMA synchronous").fetchone()[0],
        "floor_journal_mode": raw.execute("PRAGMA journal_mode").fetchone()[0],
    }
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(saves):
        card = cards.pop()
        start = time.perf_counter()
        service.add_contact(card)
        ours.append(time.perf_counter() - start)
        card = cards.pop()
        start = time.perf_counter()
        floor_insert(card)
        floor.append(time.perf_counter() - start)

    directory = context.services.directory
    directory.refresh_index()  # index the rows saved so far (not timed)
    window = create_main_window(context)
    show_and_settle(window)
    window.left_tabs.setCurrentWidget(window.contacts_pane)
    app.processEvents()
    watcher = PaintWatcher(window.contact_table.viewport())
    in_window: list[float] = []
    in_window_floor: list[float] = []
    for _ in range(window_saves):
        window.new_action.trigger()
        window.card_form.load(cards.pop())  # as if typed: a new card, not yet saved
        app.processEvents()
        before = service.count()
        shown = window.contact_model.rowCount()
        since = watcher.paints
        start = time.perf_counter()
        window.save_card()
        end, _ = settle(watcher, since)
        in_window.append(end - start)
        # The table gains the new card, selected.
        selected = window.contacts_pane.selected_contact_id()
        if not (
            service.count() == before + 1
            and window.contact_model.rowCount() == shown + 1
            and selected is not None
            and window.contact_model.row_of(selected) is not None
        ):
            raise SystemExit("the window did not save the card")
        card = cards.pop()
        start = time.perf_counter()
        floor_insert(card)
        raw.execute(IDS_SQL).fetchall()
        in_window_floor.append(time.perf_counter() - start)
        window.reload_contacts()  # the floor's row indexed and shown before ours runs again
        app.processEvents()
    count = service.count()
    raw.close()
    context.close()
    return {
        "count_after": count,
        "pragmas": pragmas,
        "times": {
            "ours": ours,
            "floor": floor,
            "window": in_window,
            "window_floor": in_window_floor,
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--saves", type=int, default=50)
    parser.add_argument("--window-saves", type=int, default=7)
    args = parser.parse_args()
    ensure_offscreen()
    emit(run(args.data_dir, args.saves, args.window_saves))


if __name__ == "__main__":
    main()
