"""Crash safety, the slow test of the suite (about 15 s): a writer killed at random moments,
again and again on the same database, never loses a write it reported, and never leaves a
database that fails SQLite's integrity check.

The writer (``crash_writer``) goes through the app's own ``open_services``, so the pragmas
(WAL, synchronous=full), the start-up check, the daily backup and the services' transactions
are the real ones. SIGKILL gives it no chance to clean up: whatever it has not committed is
lost, and whatever it said was committed must be there, byte for byte.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.domain.database import check_database_file
from desktop.domain.paths import DATABASE_FILENAME
from tests.domain.crash_writer import digest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50
SEED = 20261125
# Most kills land while the writer writes (20-200 ms after it said it was ready); one in
# four lands at any moment of its start-up instead (opening, the integrity check, the daily
# backup), except the first, which must leave a database behind to crash on.
WRITING_DELAY = (0.020, 0.200)
STARTING_DELAY = (0.0, 0.250)


def _start(data_dir: Path, run: int) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONSTARTUP", "PYTHONPATH"}}
    env["PYTHONPATH"] = str(ROOT)
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.Popen(
        [sys.executable, "-m", "tests.domain.crash_writer", str(data_dir), str(run)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def _kill(child: subprocess.Popen[str], rng: random.Random, run: int) -> list[str]:
    """Kill the child at a random moment; return the complete lines it printed.

    The sleeps below wait for nothing: they *are* the random moment (seeded) at which the
    writer is killed, during its start or in the middle of its writes.
    """
    assert child.stdout is not None and child.stderr is not None
    if run > 0 and rng.random() < 0.25:
        time.sleep(rng.uniform(*STARTING_DELAY))
        ready = True
    else:
        ready = child.stdout.readline() == "ready\n"
        if ready:
            time.sleep(rng.uniform(*WRITING_DELAY))
    child.send_signal(signal.SIGKILL)
    out, err = child.communicate(timeout=30)  # waits, reads the rest, closes the pipes
    assert ready, f"the writer did not start: {err}"
    assert child.returncode == -signal.SIGKILL, f"the writer stopped by itself: {err}"
    # A line cut off by the kill is not a report.
    return out[: out.rfind("\n") + 1].splitlines()


def _contents(conn: sqlite3.Connection) -> dict[tuple[str, int], str]:
    found: dict[tuple[str, int], str] = {}
    for row_id, given, family, notes in conn.execute(
        "SELECT id, given_name, family_name, notes FROM contact"
    ):
        found["contact", row_id] = digest(given, family, notes)
    for row_id, kind, discussed, contact_id in conn.execute(
        "SELECT e.id, e.kind, e.discussed, ec.contact_id"
        " FROM event e JOIN event_contact ec ON ec.event_id = e.id"
    ):
        found["event", row_id] = digest(kind, discussed, contact_id)
    for row_id, contact_id, template_name, text in conn.execute(
        "SELECT id, contact_id, template_name, final_text FROM letter"
    ):
        found["letter", row_id] = digest(contact_id, template_name, text)
    return found


def _verify(path: Path, reported: dict[tuple[str, int], str]) -> int:
    """Integrity, then every reported write present and intact; return how many rows."""
    # Read-only, so the next writer finds the database exactly as the kill left it.
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        found = _contents(conn)
        sent = conn.execute(
            "SELECT count(*) FROM letter l JOIN follow_up f ON f.id = l.follow_up_id"
            " WHERE f.status <> 'sent'"
        ).fetchone()[0]
    finally:
        conn.close()
    missing = [key for key in reported if key not in found]
    changed = [key for key, value in reported.items() if key in found and found[key] != value]
    assert not missing, f"reported writes lost: {missing[:5]}"
    assert not changed, f"reported writes changed: {changed[:5]}"
    assert sent == 0, "a letter was kept without its follow-up marked sent"
    return len(found)


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_slow_writes_survive_fifty_kills_in_a_row(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    path = data_dir / DATABASE_FILENAME
    rng = random.Random(SEED)
    reported: dict[tuple[str, int], str] = {}
    started = time.monotonic()

    for run in range(KILLS):
        lines = _kill(_start(data_dir, run), rng, run)
        for line in lines:
            if line == "ready":
                continue
            table, row_id, value = line.split(" ")
            key = (table, int(row_id))
            assert key not in reported, f"{key} reported twice"
            reported[key] = value
        rows = _verify(path, reported)
        assert rows >= len(reported)

    elapsed = time.monotonic() - started
    # Enough happened to prove something: writes in most runs, every kind of write.
    assert len(reported) >= 3 * KILLS, len(reported)
    assert {table for table, _ in reported} == {"contact", "event", "letter"}
    check_database_file(path)  # what the app checks at its next start
    print(f"{KILLS} kills, {len(reported)} reported writes, {elapsed:.1f} s")
