"""Opening the database: data directory, integrity, permissions, pragmas, migrations, the
copy before an upgrade and failure messages."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import peewee
import pytest

from desktop.domain.backups import BackupKind, list_backups
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard, ContactService
from desktop.domain.database import (
    DatabaseSummary,
    check_database_file,
    check_database_opens,
    make_database,
    newest_good_backup,
    open_database,
    prepare_data_dir,
    set_aside_damaged,
    summarize_database,
)
from desktop.domain.errors import (
    BackupError,
    DamagedDatabaseError,
    DatabaseError,
    DataDirectoryError,
)
from desktop.domain.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, schema_version
from desktop.domain.models import ALL_MODELS
from desktop.domain.paths import DATABASE_FILENAME, backups_dir
from desktop.domain.services import open_services
from tests.conftest import NOW
from tests.domain.fixtures.make_v3_db import FIXTURE as V3_FIXTURE


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


# -- integrity at start -----------------------------------------------------------------------
def _sound_database(data_dir: Path, clock: Clock, contacts: int = 300) -> Path:
    """A database with enough contacts to span many pages, closed cleanly."""
    db = open_database(data_dir)
    service = ContactService(db, clock)
    for n in range(contacts):
        service.add_contact(ContactCard(given_name=f"Person{n}", family_name="Davis" * 20))
    db.close()
    return data_dir / DATABASE_FILENAME


def _page_size(data: bytes) -> int:
    size = int.from_bytes(data[16:18], "big")
    return 65536 if size == 1 else size


def _overwrite_a_page(path: Path, *, last: bool = False) -> bytes:
    """Fill one page (the middle one, or the last) with noise; return the file's bytes."""
    data = bytearray(path.read_bytes())
    page = _page_size(bytes(data[:100]))
    pages = len(data) // page
    start = (pages - 1 if last else pages // 2) * page
    data[start : start + page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    return bytes(data)


DAMAGE = {
    "zero-length": (lambda data: b"", "empty"),
    "first-page-only": (lambda data: data[: _page_size(data)], "malformed"),
    "first-two-pages": (lambda data: data[: 2 * _page_size(data)], "malformed"),
    "random-bytes": (lambda data: os.urandom(len(data)), "not a SQLite database"),
    "text": (lambda data: b"Call Dana on Monday.\n" * 500, "plain text"),
    "png": (lambda data: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + b"\0" * 4000, "PNG image"),
    "sqlite-header-then-noise": (
        lambda data: data[:100] + os.urandom(len(data) - 100),
        "",
    ),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_database_is_detected_and_left_byte_for_byte(
    data_dir: Path, clock: Clock, damage: str
) -> None:
    path = _sound_database(data_dir, clock)
    spoil, reason = DAMAGE[damage]
    damaged = spoil(path.read_bytes())
    path.write_bytes(damaged)
    before = sorted(p.name for p in data_dir.iterdir())

    with pytest.raises(DamagedDatabaseError) as excinfo:
        open_database(data_dir)

    error = excinfo.value
    assert isinstance(error, DatabaseError)
    assert error.path == path
    assert reason in error.reason
    assert error.reason.endswith(".") and error.reason[0].isupper()
    assert str(path) in str(error) and "damaged" in str(error)
    assert path.read_bytes() == damaged
    assert sorted(p.name for p in data_dir.iterdir()) == before  # no -wal, -shm, nothing


def test_a_page_overwritten_in_the_middle_fails_the_quick_check(
    data_dir: Path, clock: Clock
) -> None:
    path = _sound_database(data_dir, clock)
    data = _overwrite_a_page(path)

    with pytest.raises(DamagedDatabaseError) as excinfo:
        check_database_file(path)

    assert "SQLite" in excinfo.value.reason
    assert path.read_bytes() == data


def test_damage_past_the_first_page_is_found_by_the_check_after_opening(
    data_dir: Path, clock: Clock
) -> None:
    path = _sound_database(data_dir, clock)
    _overwrite_a_page(path, last=True)

    # Start-up reads the first page and the schema only: the window opens.
    db = open_database(data_dir, clock)
    try:
        assert schema_version(db) == SCHEMA_VERSION
        # What the window runs on a thread once it has appeared, the database open.
        with pytest.raises(DamagedDatabaseError, match="SQLite"):
            check_database_file(path, live=True)
    finally:
        db.close()


def test_a_damaged_database_is_not_upgraded(v3_data_dir: Path, clock: Clock) -> None:
    path = v3_data_dir / DATABASE_FILENAME
    damaged = _overwrite_a_page(path, last=True)

    with pytest.raises(DamagedDatabaseError):
        open_database(v3_data_dir, clock)

    assert path.read_bytes() == damaged, "neither upgraded nor touched"
    assert not backups_dir(v3_data_dir).exists(), "a damaged file is not kept as a backup"


def test_the_quick_checks_read_the_schema_version_and_create_nothing(
    data_dir: Path, clock: Clock
) -> None:
    path = _sound_database(data_dir, clock, contacts=3)
    before = path.read_bytes()

    assert check_database_opens(path) == SCHEMA_VERSION

    assert sorted(p.name for p in data_dir.iterdir()) == [DATABASE_FILENAME]
    assert path.read_bytes() == before


def test_the_check_passes_a_sound_database_and_creates_nothing(
    data_dir: Path, clock: Clock
) -> None:
    path = _sound_database(data_dir, clock, contacts=3)
    before = path.read_bytes()

    check_database_file(path)
    summary = summarize_database(path)

    assert summary == DatabaseSummary(schema_version=SCHEMA_VERSION, contact_count=3)
    assert summary.is_follow_up_desk and not summary.is_newer
    assert sorted(p.name for p in data_dir.iterdir()) == [DATABASE_FILENAME]
    assert path.read_bytes() == before


def test_the_check_reads_what_a_crashed_writer_left_in_the_wal(tmp_path: Path) -> None:
    path = tmp_path / "crashed.sqlite3"
    code = "\n".join(
        [
            "import os, sqlite3, sys",
            "conn = sqlite3.connect(sys.argv[1])",
            "conn.execute('PRAGMA journal_mode = wal')",
            "conn.execute('PRAGMA wal_autocheckpoint = 0')",
            "conn.execute('CREATE TABLE contact (id INTEGER PRIMARY KEY)')",
            "conn.execute('PRAGMA user_version = 1')",
            "conn.executemany('INSERT INTO contact VALUES (?)', [(n,) for n in range(50)])",
            "conn.commit()",
            "os._exit(0)",
        ]
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    main_file = path.read_bytes()

    summary = summarize_database(path)

    assert summary.contact_count == 50
    assert path.read_bytes() == main_file  # the WAL was read, not folded in


def test_an_unreadable_database_is_not_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_FILENAME
    path.mkdir()  # cannot be read as a file, whoever runs the test (root ignores modes)

    with pytest.raises(DatabaseError, match="cannot read") as excinfo:
        check_database_file(path)

    assert not isinstance(excinfo.value, DamagedDatabaseError)


def test_set_aside_damaged_renames_the_file_and_its_side_files(data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / DATABASE_FILENAME
    contents = {"": b"broken main file", "-wal": b"wal bytes", "-shm": b"shm bytes"}
    for suffix, data in contents.items():
        Path(f"{path}{suffix}").write_bytes(data)

    moved = set_aside_damaged(path, NOW)

    assert moved == data_dir / "followup-desk.damaged-2026-11-25T143000Z.sqlite3"
    for suffix, data in contents.items():
        assert Path(f"{moved}{suffix}").read_bytes() == data
    assert sorted(p.name for p in data_dir.iterdir()) == sorted(
        f"{moved.name}{suffix}" for suffix in contents
    )

    # Set aside twice in the same second: the first is not overwritten.
    path.write_bytes(b"broken again")
    again = set_aside_damaged(path, NOW)
    assert again.name == "followup-desk.damaged-2026-11-25T143000Z-2.sqlite3"
    assert again.read_bytes() == b"broken again" and moved.read_bytes() == b"broken main file"


def test_after_setting_aside_a_fresh_start_works(data_dir: Path, clock: Clock) -> None:
    path = _sound_database(data_dir, clock, contacts=1)
    path.write_bytes(b"")
    with pytest.raises(DamagedDatabaseError):
        open_database(data_dir)

    set_aside_damaged(path, NOW)
    db = open_database(data_dir)
    try:
        assert ContactService(db, clock).count() == 0
    finally:
        db.close()


def test_newest_good_backup_is_offered_for_a_damaged_database(data_dir: Path, clock: Clock) -> None:
    with open_services(data_dir, clock) as services:
        services.contacts.add_contact(ContactCard(given_name="Dana"))
        good = services.backups.before(BackupKind.BEFORE_IMPORT)
    (data_dir / DATABASE_FILENAME).write_bytes(b"")

    offered = newest_good_backup(data_dir)

    assert offered is not None and offered.path == good and offered.contact_count == 1


# -- permissions ------------------------------------------------------------------------------
POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual 022, so that modes tighter than 0644 come from the code, not the umask."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@POSIX_ONLY
@pytest.mark.usefixtures("open_umask")
def test_a_new_database_and_its_wal_and_shm_are_private(tmp_path: Path, clock: Clock) -> None:
    data_dir = tmp_path / "data"
    db = open_database(data_dir)
    try:
        ContactService(db, clock).add_contact(ContactCard(given_name="Dana"))
        path = data_dir / DATABASE_FILENAME
        assert _mode(data_dir) == 0o700
        assert _mode(path) == 0o600
        # SQLite gives the -wal and -shm files the mode of the database file.
        assert _mode(Path(f"{path}-wal")) == 0o600
        assert _mode(Path(f"{path}-shm")) == 0o600
    finally:
        db.close()


@POSIX_ONLY
@pytest.mark.usefixtures("open_umask")
def test_an_existing_open_database_is_made_private(tmp_path: Path, clock: Clock) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o755)
    path = _sound_database(data_dir, clock, contacts=1)
    path.chmod(0o644)

    open_database(data_dir).close()

    assert _mode(path) == 0o600
    assert _mode(data_dir) == 0o755  # a folder the user made is theirs to set


# -- the copy before an upgrade ---------------------------------------------------------------
@pytest.fixture
def v3_data_dir(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(V3_FIXTURE, data_dir / DATABASE_FILENAME)  # never the fixture itself
    return data_dir


def _rows(path: Path, table: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
    finally:
        conn.close()


def test_an_upgrade_is_preceded_by_a_copy_of_the_old_database(
    v3_data_dir: Path, clock: Clock
) -> None:
    fixture_sha = hashlib.sha256(V3_FIXTURE.read_bytes()).hexdigest()
    old_contacts = _rows(V3_FIXTURE, "contact")

    db = open_database(v3_data_dir, clock)
    try:
        assert schema_version(db) == SCHEMA_VERSION
    finally:
        db.close()

    [copy] = list_backups(backups_dir(v3_data_dir))
    assert copy.kind is BackupKind.BEFORE_MIGRATION
    assert copy.path.name == "followup-desk-2026-11-25T143000Z-before-migration.sqlite3"
    assert copy.schema_version == 3 and copy.ok
    assert _rows(copy.path, "contact") == old_contacts
    assert hashlib.sha256(V3_FIXTURE.read_bytes()).hexdigest() == fixture_sha


def test_no_copy_when_nothing_is_upgraded(data_dir: Path, clock: Clock) -> None:
    open_database(data_dir, clock).close()  # new: nothing to keep
    open_database(data_dir, clock).close()  # current: nothing to upgrade

    assert not backups_dir(data_dir).exists()


def test_no_upgrade_without_its_copy(v3_data_dir: Path, clock: Clock) -> None:
    backups_dir(v3_data_dir).write_text("a file where the folder should be")

    with pytest.raises(BackupError, match="backups folder"):
        open_database(v3_data_dir, clock)

    assert _user_version(v3_data_dir / DATABASE_FILENAME) == 3


def test_the_check_reads_a_path_with_uri_characters(tmp_path: Path, clock: Clock) -> None:
    data_dir = tmp_path / "odd ?name #1 %20"
    path = _sound_database(data_dir, clock, contacts=2)

    assert summarize_database(path).contact_count == 2
    path.write_bytes(b"")
    with pytest.raises(DamagedDatabaseError, match="empty"):
        check_database_file(path)
