"""Child: create a data directory holding ``count`` contacts, or a LinkedIn export file.

    python -m bench.populate DATA_DIR COUNT
    python -m bench.populate --linkedin FILE COUNT

The database is created by the app's own ``open_services`` (so migrations and pragmas are
the real ones) and filled on the fast path: every card checked with ``validate_card``, then
one ``executemany`` of the values the ``Contact`` model would store, in one transaction with
the sample events (``insert_many``), then
``ContactDirectory.refresh_index()`` builds the search index the triggers queued. No
follow-up is pending, so the window opens on the Contacts tab (not on Today).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import time
from pathlib import Path

from bench.common import fixed_now
from bench.protocol import emit
from bench.sample_data import (
    LINKEDIN_COLUMNS,
    LINKEDIN_PREAMBLE,
    created_at,
    linkedin_rows,
    sample_cards,
    sample_events,
)
from desktop.domain.contact_search import ContactDirectory
from desktop.domain.contacts import ContactCard, validate_card
from desktop.domain.models import Contact, Event, EventContact
from desktop.domain.services import open_services

# SQLite allows 32,766 bound parameters per statement; 21 columns x 500 rows stays below.
BATCH = 500


def populate(data_dir: Path, count: int) -> dict[str, float]:
    times: dict[str, float] = {}
    start = time.perf_counter()
    # Stored as the Contact model's fields store them (dates as ISO text, UTC stamps).
    columns = [f.name for f in dataclasses.fields(ContactCard)] + ["created_at", "updated_at"]
    stamp_value = Contact.created_at.db_value
    rows = []
    for index, card in enumerate(sample_cards(count)):
        card = card.normalised()
        if errors := validate_card(card):  # the sample data must be data the app accepts
            raise SystemExit(f"sample card {index} is invalid: {errors}")
        stamp = stamp_value(created_at(index))
        values = dataclasses.astuple(card)
        rows.append(
            (
                *values[:-3],
                card.met_on.isoformat() if card.met_on else None,
                *values[-2:],
                stamp,
                stamp,
            )
        )
    times["generate"] = time.perf_counter() - start
    with open_services(data_dir, fixed_now) as services:
        db = services.db
        start = time.perf_counter()
        with db.atomic():
            # Contact.insert_many converts every value through peewee; one executemany of the
            # values it would store is the same rows, ten times faster.
            marks = ", ".join("?" * len(columns))
            db.cursor().executemany(
                f"INSERT INTO contact ({', '.join(columns)}) VALUES ({marks})", rows
            )
            events = list(sample_events(count))
            for first in range(0, len(events), BATCH):
                chunk = events[first : first + BATCH]
                event_rows = [
                    {
                        "kind": e.kind,
                        "occurred_at": e.occurred_at,
                        "discussed": e.discussed,
                        "created_at": e.occurred_at,
                    }
                    for e in chunk
                ]
                Event.insert_many(event_rows).execute()
            # Fresh file: event ids count from 1 in insertion order.
            links = [
                {"event_id": number, "contact_id": contact_id}
                for number, event in enumerate(events, start=1)
                for contact_id in event.contact_ids
            ]
            for first in range(0, len(links), BATCH):
                EventContact.insert_many(links[first : first + BATCH]).execute()
        times["insert"] = time.perf_counter() - start
        start = time.perf_counter()
        indexed = ContactDirectory(db, fixed_now).refresh_index()
        times["index"] = time.perf_counter() - start
        if indexed != count:
            raise SystemExit(f"indexed {indexed} contacts, expected {count}")
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[no-untyped-call]
        times["events"] = len(events)
    return times


def write_linkedin(path: Path, count: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(LINKEDIN_PREAMBLE)
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(LINKEDIN_COLUMNS)
        writer.writerows(linkedin_rows(count))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("target", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--linkedin", action="store_true", help="write a Connections.csv")
    args = parser.parse_args()
    start = time.perf_counter()
    if args.linkedin:
        write_linkedin(args.target, args.count)
        emit({"count": args.count, "seconds": time.perf_counter() - start})
        return
    times = populate(args.target, args.count)
    emit({"count": args.count, "seconds": time.perf_counter() - start, "times": times})


if __name__ == "__main__":
    main()
