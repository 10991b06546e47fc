"""Opening the SQLite database: pragmas, the data directory, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee

from desktop.domain.errors import DatabaseError, DataDirectoryError
from desktop.domain.migrations import migrate
from desktop.domain.models import database_proxy
from desktop.domain.paths import DATABASE_FILENAME

# WAL keeps readers and the writer apart; synchronous=full makes a committed write survive a
# power cut in WAL mode; foreign keys are off by default in SQLite and must be asked for.
PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": 5000,
}


def make_database(path: Path | str) -> peewee.SqliteDatabase:
    """A database object with the project's pragmas, applied on every connection."""
    return peewee.SqliteDatabase(str(path), pragmas=PRAGMAS)


def prepare_data_dir(data_dir: Path) -> Path:
    """Create ``data_dir`` if needed and prove it is writable; return the database path."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DataDirectoryError(
            f"Follow-Up Desk cannot write its data directory {data_dir}: {reason}. "
            "Choose another folder with --data-dir or FOLLOWUP_DESK_DATA_DIR."
        ) from exc
    return data_dir / DATABASE_FILENAME


def open_database(data_dir: Path) -> peewee.SqliteDatabase:
    """Open (creating if needed) the database in ``data_dir``, upgrade it, bind the models."""
    path = prepare_data_dir(data_dir)
    db = make_database(path)
    try:
        db.connect()
        migrate(db)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        raise DatabaseError(f"Follow-Up Desk cannot open the database {path}: {exc}.") from exc
    except DatabaseError:
        db.close()
        raise
    database_proxy.initialize(db)
    return db
