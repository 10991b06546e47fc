"""Child: import a LinkedIn ``Connections.csv`` with the app's importer.

    python -m bench.import_linkedin CSV WARMUP_DIR --ours DIR [DIR ...] --floor DIR [DIR ...]

Every directory is a fresh copy of the same prepared data directory. Ours, per run:
``read_import_file`` → ``mapping_for`` + ``plan_import`` → ``apply_import`` (duplicates
skipped, as the dialog's default), each phase timed; ``apply_import`` brings the search
index up to date inside its transaction, and that part is timed too (a timing wrapper around
``ContactDirectory.refresh_index``). Floors: reading, the standard ``csv`` module over the
same file (decoded, the "Notes:" preamble skipped, every row a list); writing, one
``executemany`` of exactly the rows ours inserted (read back from the untimed warm-up
import) into the ``contact`` table in one committed transaction, through ``sqlite3`` with
the app's pragmas. Ours and the floor alternate.
"""

from __future__ import annotations

import argparse
import csv
import io
import sqlite3
import time
from pathlib import Path
from typing import Any

from bench.common import fixed_now
from bench.protocol import emit, peak_rss_kib
from desktop.domain import importing
from desktop.domain.contact_search import ContactDirectory
from desktop.domain.database import PRAGMAS
from desktop.domain.paths import DATABASE_FILENAME
from desktop.domain.services import open_services

index_seconds: list[float] = []
_real_refresh = ContactDirectory.refresh_index


def _timed_refresh(self: ContactDirectory) -> int:
    start = time.perf_counter()
    try:
        return _real_refresh(self)
    finally:
        index_seconds.append(time.perf_counter() - start)


ContactDirectory.refresh_index = _timed_refresh  # type: ignore[method-assign]


def ours(csv_path: Path, data_dir: Path) -> tuple[dict[str, float], Any]:
    with open_services(data_dir, fixed_now) as services:
        index_seconds.clear()
        start = time.perf_counter()
        source = importing.read_import_file(csv_path)
        read = time.perf_counter()
        plan = importing.plan_import(services.db, source, importing.mapping_for(source))
        planned = time.perf_counter()
        result = importing.apply_import(services.db, plan, fixed_now)
        applied = time.perf_counter()
        times = {
            "read": read - start,
            "plan": planned - read,
            "apply": applied - planned,
            "index": sum(index_seconds),
            "total": applied - start,
        }
        return times, (source, plan, result)


def floor_read(csv_path: Path) -> list[list[str]]:
    text = csv_path.read_bytes().decode("utf-8-sig")
    lines = io.StringIO(text)
    for line in lines:  # the preamble ends with the blank line before the header
        if line.startswith("First Name,"):
            break
    return list(csv.reader(lines))


def floor_write(data_dir: Path, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    raw = sqlite3.connect(data_dir / DATABASE_FILENAME, isolation_level=None)
    for name, value in PRAGMAS.items():
        raw.execute(f"PRAGMA {name} = {value}")
    marks = ", ".join("?" * len(columns))
    raw.execute("BEGIN")
    raw.executemany(f"INSERT INTO contact ({', '.join(columns)}) VALUES ({marks})", rows)
    raw.execute("COMMIT")
    raw.close()


def run(csv_path: Path, warmup: Path, ours_dirs: list[Path], floor_dirs: list[Path]) -> dict:  # type: ignore[type-arg]
    before = _count(warmup)
    last_id = _max_id(warmup)
    _, (source, plan, result) = ours(csv_path, warmup)
    raw = sqlite3.connect(warmup / DATABASE_FILENAME)
    cursor = raw.execute("SELECT * FROM contact WHERE id > ? ORDER BY id", (last_id,))
    columns = [d[0] for d in cursor.description if d[0] != "id"]
    rows = [row[1:] for row in cursor.fetchall()]
    raw.close()
    if len(rows) != result.added:
        raise SystemExit(f"the warm-up added {result.added} contacts but {len(rows)} rows")
    floor_read(csv_path)
    times: dict[str, list[float]] = {}
    for ours_dir, floor_dir in zip(ours_dirs, floor_dirs, strict=True):
        sample, (_, _, again) = ours(csv_path, ours_dir)
        if again != result:
            raise SystemExit(f"imports differ: {again} and {result}")
        for key, value in sample.items():
            times.setdefault(key, []).append(value)
        start = time.perf_counter()
        floor_read(csv_path)
        read = time.perf_counter()
        floor_write(floor_dir, columns, rows)
        written = time.perf_counter()
        times.setdefault("floor_read", []).append(read - start)
        times.setdefault("floor_write", []).append(written - read)
        times.setdefault("floor_total", []).append(written - start)
        if _count(floor_dir) != _count(ours_dir):
            raise SystemExit("the floor and ours hold different numbers of contacts")
    return {
        "rows": len(source.rows),
        "kind": source.kind.value,
        "existing": before,
        "added": result.added,
        "skipped": result.skipped,
        "rejected": result.rejected,
        "duplicates": len(plan.duplicates),
        "bytes": csv_path.stat().st_size,
        "times": times,
        "peak_rss_kib": peak_rss_kib(),
    }


def _count(data_dir: Path) -> int:
    raw = sqlite3.connect(data_dir / DATABASE_FILENAME)
    try:
        return int(raw.execute("SELECT count(*) FROM contact").fetchone()[0])
    finally:
        raw.close()


def _max_id(data_dir: Path) -> int:
    raw = sqlite3.connect(data_dir / DATABASE_FILENAME)
    try:
        return int(raw.execute("SELECT coalesce(max(id), 0) FROM contact").fetchone()[0])
    finally:
        raw.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("csv", type=Path)
    parser.add_argument("warmup", type=Path)
    parser.add_argument("--ours", type=Path, nargs="+", required=True)
    parser.add_argument("--floor", type=Path, nargs="+", required=True)
    args = parser.parse_args()
    emit(run(args.csv, args.warmup, args.ours, args.floor))


if __name__ == "__main__":
    main()
