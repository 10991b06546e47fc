"""Schema migrations keyed by SQLite's ``user_version``.

Each migration is plain SQL for one version step, run in its own transaction together with
the ``user_version`` bump, so a failed upgrade leaves the previous version intact. Add a new
step by appending to ``MIGRATIONS``; never edit a step that has shipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import peewee

from desktop.domain.errors import DatabaseError

Migration = Callable[[peewee.SqliteDatabase], None]


def _v1_contacts(db: peewee.SqliteDatabase) -> None:
    db.execute_sql(
        """
        CREATE TABLE contact (
            id            INTEGER PRIMARY KEY AUTOINCREMENT,
            courtesy_title TEXT NOT NULL DEFAULT '',
            given_name    TEXT NOT NULL DEFAULT '',
            family_name   TEXT NOT NULL DEFAULT '',
            job_title     TEXT NOT NULL DEFAULT '',
            company       TEXT NOT NULL DEFAULT '',
            department    TEXT NOT NULL DEFAULT '',
            email         TEXT NOT NULL DEFAULT '',
            phone         TEXT NOT NULL DEFAULT '',
            street        TEXT NOT NULL DEFAULT '',
            city          TEXT NOT NULL DEFAULT '',
            region        TEXT NOT NULL DEFAULT '',
            postal_code   TEXT NOT NULL DEFAULT '',
            country       TEXT NOT NULL DEFAULT '',
            category      TEXT NOT NULL,
            met_at        TEXT NOT NULL DEFAULT '',
            notes         TEXT NOT NULL DEFAULT '',
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL,
            CHECK (given_name <> '' OR family_name <> '')
        )
        """
    )
    db.execute_sql("CREATE INDEX contact_family_given ON contact (family_name, given_name)")


# MIGRATIONS[i] upgrades a database from user_version i to i + 1.
MIGRATIONS: Sequence[Migration] = (_v1_contacts,)

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: peewee.SqliteDatabase) -> int:
    return int(db.pragma("user_version"))


def migrate(db: peewee.SqliteDatabase, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring ``db`` up to the newest version; return how many steps ran.

    A database written by a newer release is refused rather than guessed at.
    """
    current = schema_version(db)
    target = len(migrations)
    if current > target:
        raise DatabaseError(
            f"This database was written by a newer version of Follow-Up Desk "
            f"(schema {current}; this version understands up to {target}). "
            "Install the newer version to open it."
        )
    for version in range(current, target):
        with db.atomic():
            migrations[version](db)
            # PRAGMA takes no bound parameters; the value is an int we computed.
            db.execute_sql(f"PRAGMA user_version = {version + 1:d}")
    return target - current
