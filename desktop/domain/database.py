"""Opening the SQLite database: the data directory, an integrity check, pragmas, migrations.

Start-up runs in this order, and each step leaves the user's file as it found it when it
fails:

1. ``prepare_data_dir``: the folder exists (0700 when we create it) and is writable.
2. ``check_database_opens``: an existing file is a SQLite database whose first page and
   schema SQLite can read, through a connection that cannot write (a millisecond, whatever
   the size). A damaged one raises ``DamagedDatabaseError`` and is not touched; the
   application then offers ``newest_good_backup`` (restored with
   ``desktop.domain.backups.restore_database``) or a fresh start after
   ``set_aside_damaged``. The whole-file check, ``check_database_file`` (``PRAGMA
   quick_check``: 50 ms at 30,000 contacts, more with more), runs before an upgrade, in
   ``followup-desk check`` and on copies; the window runs it after its first paint, on a
   thread (``check_database_file(path, live=True)``).
3. A new file is created readable by its owner only (0600) before SQLite opens it; SQLite
   gives its ``-wal`` and ``-shm`` files the same mode.
4. An existing database older than this release is copied to ``backups/`` (kind
   BEFORE_MIGRATION) and then upgraded by ``migrate``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import peewee

from desktop.domain.clock import Clock, system_clock
from desktop.domain.errors import DamagedDatabaseError, DatabaseError, DataDirectoryError
from desktop.domain.migrations import SCHEMA_VERSION, migrate, schema_version
from desktop.domain.models import database_proxy
from desktop.domain.paths import backups_dir, database_path

if TYPE_CHECKING:
    from desktop.domain.backups import BackupInfo

# WAL keeps readers and the writer apart; synchronous=full makes a committed write survive a
# power cut in WAL mode; foreign keys are off by default in SQLite and must be asked for.
PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": 5000,
}
BUSY_TIMEOUT_SECONDS = 5.0
SQLITE_HEADER = b"SQLite format 3\x00"
# The files SQLite keeps beside a database while it is open (WAL) or mid-write (rollback).
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700
POSIX = os.name == "posix"

# What a file that is not a database most likely is, by its first bytes.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "a gzip archive"),
)


def make_database(path: Path | str) -> peewee.SqliteDatabase:
    """A database object with the project's pragmas, applied on every connection."""
    return peewee.SqliteDatabase(str(path), pragmas=PRAGMAS)


# -- files and permissions --------------------------------------------------------------------
def side_files(path: Path) -> list[Path]:
    """The ``-wal``, ``-shm`` and ``-journal`` files of the database at ``path``."""
    return [path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES]


def restrict_to_owner(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Take group and other permissions off ``path`` if it has any (POSIX; no-op elsewhere)."""
    if not POSIX:
        return
    current = stat.S_IMODE(path.stat().st_mode)
    if current & 0o077:
        os.chmod(path, current & mode)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` survive a power cut (POSIX only)."""
    if not POSIX:
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _create_private_file(path: Path) -> None:
    """An empty file, 0600 from the first moment (SQLite would create it 0644 minus umask)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))


def prepare_data_dir(data_dir: Path) -> Path:
    """Create ``data_dir`` (0700) if needed and prove it is writable; return the database path."""
    try:
        created = not data_dir.exists()
        data_dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        if created and POSIX:
            os.chmod(data_dir, PRIVATE_DIR)
        probe = data_dir / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DataDirectoryError(
            f"Follow-Up Desk cannot write its data directory {data_dir}: {reason}. "
            "Choose another folder with --data-dir or FOLLOWUP_DESK_DATA_DIR."
        ) from exc
    return database_path(data_dir)


# -- integrity --------------------------------------------------------------------------------
def connect_read_only(path: Path, *, live: bool = False) -> sqlite3.Connection:
    """A connection to ``path`` that never writes to it, nor creates files beside it.

    With a ``-wal`` (or ``-journal``) beside it, the database is open somewhere or was not
    closed: SQLite's read-only mode reads the committed transactions in the WAL too. Without
    one, the file alone is the database and is read as immutable, which creates no ``-wal``
    or ``-shm`` (read-only mode would).

    ``live``: the app has the database open and may write to it while this connection
    reads, so it is always read in read-only mode (immutable would trust pages that a
    write can change under it); SQLite may then create the ``-wal`` and ``-shm`` the app's
    own connection uses anyway.
    """
    wal, _shm, journal = side_files(path)
    # as_uri() escapes "?", "#" and "%" in the path, and spells Windows drives as SQLite wants.
    uri = path.absolute().as_uri() + (
        "?mode=ro" if live or wal.exists() or journal.exists() else "?immutable=1"
    )
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)


def _not_sqlite_reason(head: bytes) -> str:
    for signature, what in _SIGNATURES:
        if head.startswith(signature):
            return f"The file is not a database: it looks like {what}."
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if text and all(ch.isprintable() or ch.isspace() for ch in text):
        return "The file is not a database: it holds plain text."
    return "The file is not a SQLite database (it does not start with SQLite's signature)."


def _sqlite_reason(exc: sqlite3.DatabaseError) -> str:
    message = str(exc)
    if "malformed" in message:
        return (
            "SQLite reports that the file is malformed: part of it is missing or was "
            f"overwritten ({message})."
        )
    if "not a database" in message:
        return f"SQLite cannot read the file as a database ({message})."
    return f"SQLite cannot read the file ({message})."


def _read_head(path: Path) -> None:
    """The checks that need no SQLite: the file can be read, is not empty, has the header."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(
            f"Follow-Up Desk cannot read the database {path}: {exc.strerror or exc}."
        ) from exc
    if size == 0:
        raise DamagedDatabaseError(
            path,
            "The file is empty (0 bytes); an interrupted write, such as a crash or a full "
            "disk, can leave one.",
        )
    if head != SQLITE_HEADER:
        raise DamagedDatabaseError(path, _not_sqlite_reason(head))


def _check_with_sqlite(path: Path, *, whole_file: bool, live: bool = False) -> int:
    """Read the first page and the schema (and, ``whole_file``, every page) through a
    read-only connection; return the schema version (``user_version``)."""
    try:
        conn = connect_read_only(path, live=live)
        try:
            # Opening the b-tree reads page 1 and compares the page count in its header with
            # the file (and the WAL): a truncated file fails here. Counting the schema's rows
            # reads the schema table, which every query needs.
            conn.execute("PRAGMA schema_version").fetchone()
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            problems = (
                [str(row[0]) for row in conn.execute("PRAGMA quick_check(10)")]
                if whole_file
                else ["ok"]
            )
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "unable to open" in str(exc):
            raise DatabaseError(f"Follow-Up Desk cannot read the database {path}: {exc}.") from exc
        raise DamagedDatabaseError(path, _sqlite_reason(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(path, _sqlite_reason(exc)) from exc
    if problems != ["ok"]:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DamagedDatabaseError(
            path, f"SQLite's integrity check found damage: {problems[0]}{more}."
        )
    return version


def check_database_opens(path: Path) -> int:
    """The checks at start, quick whatever the size: raise DamagedDatabaseError unless
    ``path`` is a SQLite database whose first page and schema SQLite can read; return its
    schema version (``user_version``).

    Damaged here means: an empty file, one that does not start with SQLite's header, one
    shorter than its header says, or one whose first page or schema SQLite cannot read.
    Damage further into the file is for ``check_database_file``. The file is only read,
    never changed. An unreadable file (permissions) raises DatabaseError: that is not damage.
    """
    _read_head(path)
    return _check_with_sqlite(path, whole_file=False)


def check_database_file(path: Path, *, live: bool = False) -> None:
    """Raise DamagedDatabaseError unless ``path`` holds a sound SQLite database.

    ``check_database_opens``, then ``PRAGMA quick_check`` over every page (about 50 ms at
    30,000 contacts). The file is only read, never changed, moved or locked for writing. An
    unreadable file (permissions) raises DatabaseError: that is not damage. ``live``: the
    app has it open and may write meanwhile (see ``connect_read_only``), as when the window
    checks it on a thread after it has appeared.
    """
    _read_head(path)
    _check_with_sqlite(path, whole_file=True, live=live)


@dataclass(frozen=True)
class DatabaseSummary:
    """What ``summarize_database`` reads from a sound database file."""

    schema_version: int
    # None: the file has no contact table, so it is not a Follow-Up Desk database (or one
    # that was never set up, at schema 0).
    contact_count: int | None

    @property
    def is_follow_up_desk(self) -> bool:
        return self.contact_count is not None and self.schema_version > 0

    @property
    def is_newer(self) -> bool:
        """Written by a newer release: this one refuses to open it."""
        return self.schema_version > SCHEMA_VERSION


def summarize_database(path: Path) -> DatabaseSummary:
    """Check ``path`` (see ``check_database_file``), then read its schema version and how
    many contacts it holds, without writing anything."""
    check_database_file(path)
    try:
        conn = connect_read_only(path)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            has_contacts = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contact'"
            ).fetchone()
            count = (
                int(conn.execute("SELECT count(*) FROM contact").fetchone()[0])
                if has_contacts
                else None
            )
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(path, _sqlite_reason(exc)) from exc
    return DatabaseSummary(schema_version=version, contact_count=count)


def timestamp(moment: datetime) -> str:
    """``2026-11-25T143000Z``: UTC, sorts as text, and is a valid file name everywhere."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H%M%SZ")


def set_aside_damaged(path: Path, now: datetime) -> Path:
    """Rename the damaged database (and its ``-wal``, ``-shm``, ``-journal``) out of the way.

    ``followup-desk.sqlite3`` becomes ``followup-desk.damaged-2026-11-25T143000Z.sqlite3`` in
    the same folder, its side files renamed with it, so its bytes are kept for a later rescue
    and a restore or a fresh start can use the name. Returns the new path of the main file
    (a name no file had; the main file may have been missing, leaving only side files).
    """
    stem, suffix = path.stem, path.suffix
    base = f"{stem}.damaged-{timestamp(now)}"
    target = path.with_name(base + suffix)
    number = 1
    while target.exists() or any(side.exists() for side in side_files(target)):
        number += 1
        target = path.with_name(f"{base}-{number}{suffix}")
    try:
        for source, dest in zip(
            [path, *side_files(path)], [target, *side_files(target)], strict=True
        ):
            if source.exists():
                os.rename(source, dest)
        fsync_dir(path.parent)
    except OSError as exc:
        raise DatabaseError(
            f"Follow-Up Desk cannot rename the damaged database {path}: {exc.strerror or exc}."
        ) from exc
    return target


def newest_good_backup(data_dir: Path) -> BackupInfo | None:
    """The newest copy in ``data_dir``'s backups folder that passes the checks, if any."""
    from desktop.domain.backups import newest_good_backup as newest_in

    return newest_in(backups_dir(data_dir))


# -- opening ----------------------------------------------------------------------------------
def open_checked(path: Path, clock: Clock = system_clock) -> peewee.SqliteDatabase:
    """Check (``check_database_opens``; all of it before an upgrade), open and upgrade the
    database at ``path`` (its folder must exist).

    The models are not bound: ``open_database`` does that. Raises DamagedDatabaseError,
    BackupError (the copy before an upgrade could not be written: nothing was upgraded) or
    DatabaseError.
    """
    if path.exists():
        version = check_database_opens(path)
        if 0 < version < SCHEMA_VERSION:
            # An upgrade copies the file and rewrites it: the whole of it is checked first.
            check_database_file(path)
        try:
            restrict_to_owner(path)
            for side in side_files(path):
                if side.exists():
                    restrict_to_owner(side)
        except OSError:
            pass  # not ours to change (a shared folder); reading and writing still work
    else:
        _create_private_file(path)
    db = make_database(path)
    try:
        db.connect()
        version = schema_version(db)
        if 0 < version < SCHEMA_VERSION:
            from desktop.domain.backups import BackupKind, write_backup

            write_backup(path, backups_dir(path.parent), BackupKind.BEFORE_MIGRATION, clock())
        migrate(db)
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        raise DatabaseError(f"Follow-Up Desk cannot open the database {path}: {exc}.") from exc
    except BaseException:
        db.close()
        raise
    return db


def open_database(data_dir: Path, clock: Clock = system_clock) -> peewee.SqliteDatabase:
    """Open (creating if needed) the database in ``data_dir``, upgrade it, bind the models.

    ``clock`` names the copy written before an upgrade. Raises DataDirectoryError,
    DamagedDatabaseError (the file is left as it was), BackupError or DatabaseError.
    """
    path = prepare_data_dir(data_dir)
    db = open_checked(path, clock)
    database_proxy.initialize(db)
    return db
