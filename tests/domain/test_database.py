"""Opening the database: data directory, pragmas, migrations and failure messages."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee
import pytest

from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard, ContactService
from desktop.domain.database import make_database, open_database, prepare_data_dir
from desktop.domain.errors import DatabaseError, DataDirectoryError
from desktop.domain.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version
from desktop.domain.models import ALL_MODELS
from desktop.domain.paths import DATABASE_FILENAME


def _user_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    return int(version)


def _tables(db: peewee.SqliteDatabase) -> set[str]:
    return set(db.get_tables())


def test_open_database_creates_the_data_directory_and_the_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "not" / "yet" / "there"
    db = open_database(data_dir)
    try:
        assert data_dir.is_dir()
        assert (data_dir / DATABASE_FILENAME).is_file()
        assert Path(db.database) == data_dir / DATABASE_FILENAME
    finally:
        db.close()


def test_prepare_data_dir_returns_the_database_path_and_leaves_no_probe(tmp_path: Path) -> None:
    path = prepare_data_dir(tmp_path / "data")
    assert path == tmp_path / "data" / DATABASE_FILENAME
    assert list((tmp_path / "data").iterdir()) == []


def test_pragmas_are_in_force(db: peewee.SqliteDatabase) -> None:
    assert str(db.pragma("journal_mode")).lower() == "wal"
    assert db.pragma("synchronous") == 2  # FULL
    assert db.pragma("foreign_keys") == 1


def test_pragmas_are_applied_again_on_a_new_connection(db: peewee.SqliteDatabase) -> None:
    db.close()
    db.connect()
    assert db.pragma("synchronous") == 2
    assert db.pragma("foreign_keys") == 1
    assert str(db.pragma("journal_mode")).lower() == "wal"


def test_a_new_database_is_at_the_current_schema_version(db: peewee.SqliteDatabase) -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS) >= 1
    assert schema_version(db) == SCHEMA_VERSION
    assert "contact" in _tables(db)


def test_reopening_runs_no_migration_and_keeps_the_data(data_dir: Path, clock: Clock) -> None:
    db = open_database(data_dir)
    ContactService(db, clock).add_contact(ContactCard(given_name="Dana", family_name="Davis"))
    db.close()

    db = open_database(data_dir)
    try:
        assert migrate(db) == 0
        assert schema_version(db) == SCHEMA_VERSION
        names = [c.full_name for c in ContactService(db, clock).list_contacts()]
        assert names == ["Dana Davis"]
    finally:
        db.close()


def test_migrate_reports_the_number_of_steps_it_ran(tmp_path: Path) -> None:
    db = make_database(tmp_path / "fresh.sqlite3")
    db.connect()
    try:
        assert migrate(db) == SCHEMA_VERSION
        assert migrate(db) == 0
    finally:
        db.close()


def test_a_database_from_a_newer_release_is_refused_untouched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / DATABASE_FILENAME
    newer = SCHEMA_VERSION + 1
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE future_things (id INTEGER PRIMARY KEY)")
        conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()

    with pytest.raises(DatabaseError, match="newer") as excinfo:
        open_database(data_dir)

    assert str(newer) in str(excinfo.value)
    assert _user_version(path) == newer


def test_a_failing_migration_leaves_version_and_schema_untouched(tmp_path: Path) -> None:
    def broken_step(db: peewee.SqliteDatabase) -> None:
        db.execute_sql("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
        raise RuntimeError("disk on fire")

    db = make_database(tmp_path / "upgrade.sqlite3")
    db.connect()
    try:
        assert migrate(db, [MIGRATIONS[0]]) == 1
        before = _tables(db)

        with pytest.raises(RuntimeError, match="disk on fire"):
            migrate(db, [MIGRATIONS[0], broken_step])

        assert schema_version(db) == 1
        assert _tables(db) == before
        assert "half_done" not in _tables(db)
        assert not db.in_transaction()
    finally:
        db.close()


def test_a_data_dir_under_a_regular_file_is_reported_by_path(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    data_dir = blocker / "data"

    with pytest.raises(DataDirectoryError) as excinfo:
        prepare_data_dir(data_dir)

    assert str(data_dir) in str(excinfo.value)
    assert isinstance(excinfo.value.__cause__, OSError)


def test_a_data_dir_that_is_a_regular_file_is_reported_by_path(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.write_text("oops")

    with pytest.raises(DataDirectoryError, match="data directory") as excinfo:
        open_database(data_dir)

    assert str(data_dir) in str(excinfo.value)
    assert data_dir.read_text() == "oops"


def test_a_file_that_is_not_sqlite_gives_a_readable_error(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / DATABASE_FILENAME
    garbage = b"This is my shopping list, not a database.\n" * 200
    path.write_bytes(garbage)

    with pytest.raises(DatabaseError) as excinfo:
        open_database(data_dir)

    # The domain's own error, not sqlite3's or peewee's, and it names the file.
    assert not isinstance(excinfo.value, (sqlite3.Error, peewee.PeeweeException))
    assert str(path) in str(excinfo.value)
    assert path.read_bytes() == garbage


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda m: m.__name__)
def test_models_match_the_migrated_schema(
    db: peewee.SqliteDatabase, model: type[peewee.Model]
) -> None:
    table = model._meta.table_name
    columns = {row[1]: row for row in db.execute_sql(f"PRAGMA table_info({table})").fetchall()}
    fields = {field.column_name: field for field in model._meta.sorted_fields}

    assert columns, f"the migrations create no table {table!r}"
    assert set(fields) == set(columns)
    for name, field in fields.items():
        if field is model._meta.primary_key:
            assert columns[name][5], f"{table}.{name} is not the table's primary key"
            continue
        not_null = bool(columns[name][3])
        assert not_null == (not field.null), f"{table}.{name} nullability differs"
