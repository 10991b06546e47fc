"""Child: create a data directory holding ``count`` contacts.

    python -m bench.populate DATA_DIR COUNT

The database is created by the app's own ``open_context`` (so migrations and pragmas are
the real ones) and filled in a single transaction through the Contact model.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from bench.common import created_at, fixed_now, sample_cards, timed
from bench.protocol import emit
from desktop.app import open_context
from desktop.domain.contacts import validate_card
from desktop.domain.models import Contact

# SQLite allows 32,766 bound parameters per statement; 18 columns x 500 rows stays well below.
BATCH = 500


def populate(data_dir: Path, count: int) -> None:
    context = open_context(data_dir, clock=fixed_now)
    try:
        rows = []
        for index, card in enumerate(sample_cards(count)):
            card = card.normalised()
            if errors := validate_card(card):  # the sample data must be data the app accepts
                raise SystemExit(f"sample card {index} is invalid: {errors}")
            stamp = created_at(index)
            rows.append({**dataclasses.asdict(card), "created_at": stamp, "updated_at": stamp})
        with context.services.db.atomic():
            for start in range(0, len(rows), BATCH):
                Contact.insert_many(rows[start : start + BATCH]).execute()
        context.services.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[no-untyped-call]
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("count", type=int)
    args = parser.parse_args()
    seconds = timed(lambda: populate(args.data_dir, args.count))
    emit({"count": args.count, "seconds": seconds})


if __name__ == "__main__":
    main()
