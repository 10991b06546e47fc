"""Copies of the database: daily, before risky operations, on request; and restoring one.

Every copy is made with SQLite's online backup API from a connection of its own, so it holds
exactly the committed transactions at one moment even while the app writes. It is written to
a temporary name (0600) beside its destination, flushed to disk and renamed into place, so a
crash never leaves half a backup under a backup's name.

The automatic copies live in ``<data dir>/backups/`` (0700), named so that they sort by time
and say why they exist: ``followup-desk-2026-11-25T143000Z-daily.sqlite3``. Times in names
are UTC, and "once a day" means once per UTC calendar day. Retention keeps the newest
``keep_daily`` daily copies and the newest ``keep_before`` copies made before an operation
(upgrade, import and restore together); manual copies are never pruned.

A copy can report its progress and be cancelled: pass ``progress(done_pages, total_pages)``,
called after every ``PAGES_PER_STEP`` pages; when it returns False the copy stops, its
temporary file is removed (a file already at the destination is left as it was) and
``BackupCancelled`` is raised.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import peewee

from desktop.domain.clock import Clock, system_clock
from desktop.domain.database import (
    BUSY_TIMEOUT_SECONDS,
    POSIX,
    PRIVATE_DIR,
    check_database_file,
    connect_read_only,
    fsync_dir,
    open_checked,
    prepare_data_dir,
    set_aside_damaged,
    side_files,
    summarize_database,
    timestamp,
)
from desktop.domain.errors import (
    BackupError,
    DamagedDatabaseError,
    DatabaseError,
    ValidationError,
)
from desktop.domain.migrations import SCHEMA_VERSION
from desktop.domain.paths import backups_dir, database_path

BACKUP_PREFIX = "followup-desk-"
BACKUP_SUFFIX = ".sqlite3"
KEEP_DAILY_KEY = "backups.keep_daily"
KEEP_BEFORE_KEY = "backups.keep_before"
DEFAULT_KEEP_DAILY = 10
DEFAULT_KEEP_BEFORE = 5
KEEP_LIMITS = (1, 100)
# Pages copied between two progress reports: 1,024 pages of 4 KiB is 4 MiB, a few
# milliseconds of copying, so a Cancel button answers at once.
PAGES_PER_STEP = 1024

Progress = Callable[[int, int], bool]
"""``progress(done_pages, total_pages)``: return False to cancel the copy."""

_NAME = re.compile(
    r"^followup-desk-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6}Z)(?:-(?P<number>\d+))?"
    r"-(?P<kind>[a-z]+(?:-[a-z]+)*)\.sqlite3$"
)
_STAMP_FORMAT = "%Y-%m-%dT%H%M%SZ"


class BackupCancelled(BackupError):
    """The progress callback asked to stop: nothing was written (see ``Progress``)."""

    def __init__(self, dest: Path) -> None:
        self.dest = dest
        super().__init__(f"The backup to {dest} was cancelled; nothing was written.")


class BackupKind(StrEnum):
    DAILY = "daily"
    BEFORE_MIGRATION = "before-migration"
    BEFORE_IMPORT = "before-import"
    BEFORE_RESTORE = "before-restore"
    MANUAL = "manual"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def is_before(self) -> bool:
        """A copy made before an operation: these share one retention count."""
        return self in _BEFORE_KINDS


_KIND_LABELS = {
    BackupKind.DAILY: "Daily",
    BackupKind.BEFORE_MIGRATION: "Before an upgrade",
    BackupKind.BEFORE_IMPORT: "Before an import",
    BackupKind.BEFORE_RESTORE: "Before a restore",
    BackupKind.MANUAL: "Made by you",
}
_BEFORE_KINDS = frozenset(
    {BackupKind.BEFORE_MIGRATION, BackupKind.BEFORE_IMPORT, BackupKind.BEFORE_RESTORE}
)


@dataclass(frozen=True, kw_only=True)
class BackupInfo:
    """One copy in the backups folder, as ``list_backups`` found it."""

    path: Path
    created_at: datetime  # from the file name, UTC
    kind: BackupKind
    size: int  # bytes
    contact_count: int | None  # None when the copy cannot be read
    schema_version: int | None
    ok: bool  # passes PRAGMA quick_check and is a Follow-Up Desk database this release reads
    problem: str = ""  # why not ok, a sentence for people


@dataclass(frozen=True)
class Retention:
    keep_daily: int = DEFAULT_KEEP_DAILY
    keep_before: int = DEFAULT_KEEP_BEFORE


@dataclass(frozen=True)
class RestoreOutcome:
    """What ``restore_database`` did with the database it replaced."""

    restored_from: Path
    # The copy of the replaced database (kind BEFORE_RESTORE), when it was sound.
    safety_copy: Path | None = None
    # The replaced database, renamed, when it was damaged (see set_aside_damaged).
    set_aside: Path | None = None


_LABELS = {"keep_daily": "Daily backups to keep", "keep_before": "Backups before changes to keep"}


def validate_retention(retention: Retention) -> dict[str, str]:
    low, high = KEEP_LIMITS
    errors = {}
    for name, label in _LABELS.items():
        value = getattr(retention, name)
        if not low <= value <= high:
            errors[name] = f"{label} must be between {low} and {high} (got {value})."
    return errors


def _retention_from(stored: Mapping[str, str]) -> Retention:
    """Settings as stored; a missing, unreadable or out-of-range value gives the default."""
    low, high = KEEP_LIMITS
    values = {}
    for name, key, default in (
        ("keep_daily", KEEP_DAILY_KEY, DEFAULT_KEEP_DAILY),
        ("keep_before", KEEP_BEFORE_KEY, DEFAULT_KEEP_BEFORE),
    ):
        try:
            value = int(stored.get(key, default))
        except ValueError:
            value = default
        values[name] = value if low <= value <= high else default
    return Retention(**values)


def _read_retention(conn: sqlite3.Connection) -> Retention:
    try:
        rows = conn.execute(
            "SELECT key, value FROM setting WHERE key IN (?, ?)", (KEEP_DAILY_KEY, KEEP_BEFORE_KEY)
        ).fetchall()
    except sqlite3.DatabaseError:  # a database older than the setting table
        rows = []
    return _retention_from({str(key): str(value) for key, value in rows})


# -- names ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Named:
    path: Path
    created_at: datetime
    number: int
    kind: BackupKind

    @property
    def order(self) -> tuple[datetime, int, str]:
        return (self.created_at, self.number, self.path.name)


def _parse(path: Path) -> _Named | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        kind = BackupKind(match["kind"])
        created = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        return None
    return _Named(path, created, int(match["number"] or 1), kind)


def _backup_files(folder: Path) -> list[_Named]:
    """The copies in ``folder`` by their names, newest first (nothing is opened)."""
    try:
        entries = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise BackupError(f"Cannot read the backups folder {folder}: {exc.strerror}.") from exc
    named = [n for n in map(_parse, entries) if n is not None and n.path.is_file()]
    return sorted(named, key=lambda n: n.order, reverse=True)


def backup_name(kind: BackupKind, moment: datetime, number: int = 1) -> str:
    """``followup-desk-2026-11-25T143000Z-daily.sqlite3``; a second copy of the same kind in
    the same second is ``...T143000Z-2-daily.sqlite3``."""
    counter = f"-{number}" if number > 1 else ""
    return f"{BACKUP_PREFIX}{timestamp(moment)}{counter}-{kind.value}{BACKUP_SUFFIX}"


def _free_name(folder: Path, kind: BackupKind, moment: datetime) -> Path:
    number = 1
    while (path := folder / backup_name(kind, moment, number)).exists():
        number += 1
    return path


# -- copying ----------------------------------------------------------------------------------
def _ensure_folder(folder: Path) -> None:
    try:
        created = not folder.exists()
        folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        if created and POSIX:
            os.chmod(folder, PRIVATE_DIR)
    except OSError as exc:
        raise BackupError(
            f"Cannot create the backups folder {folder}: {exc.strerror or exc}."
        ) from exc


class _Stop(Exception):
    """Raised from the backup API's callback: the only way to make it stop early."""


def _stepper(progress: Progress) -> Callable[[int, int, int], None]:
    """The sqlite3 backup callback ``(status, remaining, total)`` that reports to
    ``progress`` and stops the copy when it says so."""

    def step(_status: int, remaining: int, total: int) -> None:
        if not progress(total - remaining, total):
            raise _Stop

    return step


def _copy(source: sqlite3.Connection, dest: Path, progress: Progress | None = None) -> None:
    """Copy the database ``source`` reads to ``dest``: complete and consistent, or not at all.

    The copy is a single self-contained file (rollback journal, no ``-wal``), readable by its
    owner only. With ``progress``, it is copied ``PAGES_PER_STEP`` pages at a time and
    reported; raises BackupCancelled when ``progress`` returns False.
    """
    # mkstemp creates the file with mode 0600 and a name nobody else can have taken.
    fd, temp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        target = sqlite3.connect(temp)
        try:
            if progress is None:
                source.backup(target)
            else:
                try:
                    source.backup(target, pages=PAGES_PER_STEP, progress=_stepper(progress))
                except _Stop:
                    raise BackupCancelled(dest) from None
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        with temp.open("rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temp, dest)
        fsync_dir(dest.parent)
    except BaseException:
        for leftover in (temp, *side_files(temp)):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise


def _copy_live(live: Path, dest: Path, progress: Progress | None = None) -> sqlite3.Connection:
    """Copy the live database at ``live``; return the (still open) source connection."""
    source = sqlite3.connect(live, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        _copy(source, dest, progress)
    except BaseException:
        source.close()
        raise
    return source


def _failed(dest: Path, exc: BaseException) -> BackupError:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupError(f"Cannot write the backup {dest}: {reason}.")


def write_backup(live: Path, folder: Path, kind: BackupKind, now: datetime) -> Path:
    """Copy the database at ``live`` into ``folder`` as a ``kind`` copy made at ``now``, then
    prune that kind's old copies (see Retention, read from the database). Return its path.

    Raises BackupError (nothing half-written is left behind).
    """
    _ensure_folder(folder)
    dest = _free_name(folder, kind, now)
    try:
        source = _copy_live(live, dest)
        try:
            retention = _read_retention(source)
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        raise _failed(dest, exc) from exc
    prune(folder, retention)
    return dest


# A copy still being written by another process (a ``backup`` command beside the window) is
# younger than this; an older temporary file is what a killed process left behind.
_LEFTOVER_AGE_SECONDS = 3600


def _remove_leftovers(folder: Path) -> list[Path]:
    """Delete the hidden temporary files of copies whose writer was killed mid-copy."""
    removed = []
    cutoff = time.time() - _LEFTOVER_AGE_SECONDS
    for leftover in folder.glob(f".{BACKUP_PREFIX}*.tmp*"):
        with contextlib.suppress(OSError):
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
                removed.append(leftover)
    return removed


def prune(folder: Path, retention: Retention) -> list[Path]:
    """Delete the daily and before-an-operation copies beyond what ``retention`` keeps, and
    temporary files a killed copy left; return what was deleted. Manual copies are never
    deleted."""
    removed = _remove_leftovers(folder)
    daily: list[_Named] = []
    before: list[_Named] = []
    for named in _backup_files(folder):
        if named.kind is BackupKind.DAILY:
            daily.append(named)
        elif named.kind.is_before:
            before.append(named)
    for named in [*daily[retention.keep_daily :], *before[retention.keep_before :]]:
        with contextlib.suppress(FileNotFoundError):
            named.path.unlink()
        removed.append(named.path)
    return removed


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def back_up_file(live: Path, dest: Path, now: datetime, progress: Progress | None = None) -> Path:
    """A manual copy of the database at ``live`` to ``dest``: a file path (replaced if it
    exists), or a folder, which receives a dated copy (kind MANUAL). Return the path.

    Refuses (BackupError) to write over the database itself or one of its side files.
    Raises BackupCancelled when ``progress`` returns False (see ``Progress``).
    """
    if dest.is_dir():
        dest = _free_name(dest, BackupKind.MANUAL, now)
    forbidden = [live, *side_files(live)]
    if any(_same_file(dest, path) for path in forbidden) or dest.absolute() in [
        p.absolute() for p in forbidden
    ]:
        raise BackupError(
            f"{dest} is the database in use; choose another file or folder for the backup."
        )
    if not dest.parent.is_dir():
        raise BackupError(f"Cannot write the backup {dest}: the folder {dest.parent} is missing.")
    try:
        _copy_live(live, dest, progress).close()
    except (OSError, sqlite3.Error) as exc:
        raise _failed(dest, exc) from exc
    return dest


# -- reading copies ---------------------------------------------------------------------------
def inspect_backup(path: Path) -> BackupInfo:
    """Open the copy at ``path`` read-only and say what it holds and whether it is sound.

    The name must be a backup's name (``backup_name``); raises ValueError otherwise.
    """
    named = _parse(path)
    if named is None:
        raise ValueError(f"{path.name} is not the name of a Follow-Up Desk backup")
    return _inspect(named)


def _inspect(named: _Named) -> BackupInfo:
    try:
        size = named.path.stat().st_size
    except OSError:
        size = 0
    count: int | None = None
    version: int | None = None
    try:
        summary = summarize_database(named.path)
    except DamagedDatabaseError as exc:
        problem = exc.reason
    except Exception as exc:  # unreadable: permissions, a vanished file
        problem = f"The copy cannot be read ({exc})."
    else:
        count, version = summary.contact_count, summary.schema_version
        problem = _unusable(summary.contact_count, summary.schema_version)
    return BackupInfo(
        path=named.path,
        created_at=named.created_at,
        kind=named.kind,
        size=size,
        contact_count=count,
        schema_version=version,
        ok=not problem,
        problem=problem,
    )


def _unusable(contact_count: int | None, version: int) -> str:
    """Why a sound SQLite file cannot be restored, or "" when it can."""
    if contact_count is None or version < 1:
        return "The file is not a Follow-Up Desk database (it has no contacts table)."
    if version > SCHEMA_VERSION:
        return (
            f"The copy was written by a newer version of Follow-Up Desk (schema {version}; "
            f"this version reads up to {SCHEMA_VERSION})."
        )
    return ""


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every copy in ``folder``, newest first, each opened read-only and checked."""
    return [_inspect(named) for named in _backup_files(folder)]


def newest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest copy in ``folder`` that passes the checks (older ones are not opened)."""
    for named in _backup_files(folder):
        info = _inspect(named)
        if info.ok:
            return info
    return None


# -- restoring --------------------------------------------------------------------------------
def _verify_restorable(source: Path) -> None:
    if not source.is_file():
        raise BackupError(f"Cannot restore {source}: there is no such file.")
    try:
        summary = summarize_database(source)
    except DamagedDatabaseError as exc:
        raise BackupError(f"Cannot restore {source}: it is damaged. {exc.reason}") from exc
    except Exception as exc:
        raise BackupError(f"Cannot restore {source}: it cannot be read ({exc}).") from exc
    if problem := _unusable(summary.contact_count, summary.schema_version):
        raise BackupError(f"Cannot restore {source}. {problem}")


def _close_cleanly(live: Path) -> None:
    """Fold the WAL into the database and close it; refuse if anyone else has it open.

    The last connection to close a WAL database checkpoints it and deletes ``-wal`` and
    ``-shm``; if they are still there after ours closed, another program holds it open.
    Then (only then) leftover side files are stale and are removed.
    """
    in_use = BackupError(
        f"The database {live} is open in another program (another Follow-Up Desk window or a "
        "followup-desk command); close it and try again. Nothing was restored."
    )
    try:
        conn = sqlite3.connect(live, timeout=BUSY_TIMEOUT_SECONDS)
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise in_use from exc
        raise
    wal, shm, _journal = side_files(live)
    if busy or wal.exists():
        raise in_use
    for stale in (wal, shm):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()


def restore_database(
    data_dir: Path, source: BackupInfo | Path, clock: Clock = system_clock
) -> RestoreOutcome:
    """Replace the database in ``data_dir`` with the copy ``source``. Raises BackupError
    (and then the database in use is as it was).

    The protocol, for a caller with the database open (the window):

    1. Close every service on the database first (``Services.close()``): this function
       refuses to replace a database another connection still holds open.
    2. Call ``restore_database``. It checks that ``source`` passes ``PRAGMA quick_check`` and
       is a Follow-Up Desk database this release can read, keeps the current database (a
       BEFORE_RESTORE copy in ``backups/``; a damaged one is renamed by
       ``set_aside_damaged`` instead), copies ``source`` beside it, closes it cleanly,
       removes its now-stale ``-wal``/``-shm`` and renames the copy over it in one step, then
       opens it once to upgrade it if it is older, and closes it again.
    3. Build new services with ``open_services(data_dir)`` and rebuild the window on them.

    Works without a database in ``data_dir`` too (the start-up dialog for a damaged file).
    """
    path = source.path if isinstance(source, BackupInfo) else source
    data_dir_live = database_path(data_dir)
    if _same_file(path, data_dir_live):
        raise BackupError(f"Cannot restore {path}: it is the database in use.")
    _verify_restorable(path)
    try:
        live = prepare_data_dir(data_dir)
    except Exception as exc:
        raise BackupError(f"Cannot restore into {data_dir}: {exc}") from exc
    now = clock()
    damaged = False
    safety_copy = None
    if live.exists():
        try:
            check_database_file(live)
        except DamagedDatabaseError:
            damaged = True
        else:
            safety_copy = write_backup(live, backups_dir(data_dir), BackupKind.BEFORE_RESTORE, now)
    # The copy is made first: if it fails (a full disk), nothing has been touched.
    fd, temp_name = tempfile.mkstemp(prefix=f".{live.name}.restore.", suffix=".tmp", dir=data_dir)
    os.close(fd)
    temp = Path(temp_name)
    set_aside = None
    try:
        try:
            reader = connect_read_only(path)
            try:
                _copy(reader, temp)
            finally:
                reader.close()
        except (OSError, sqlite3.Error) as exc:
            raise BackupError(f"Cannot copy {path} for the restore: {exc}.") from exc
        if damaged or (not live.exists() and any(s.exists() for s in side_files(live))):
            try:
                set_aside = set_aside_damaged(live, now)
            except DatabaseError as exc:
                raise BackupError(f"{exc} Nothing was restored.") from exc
        elif live.exists():
            _close_cleanly(live)
        os.replace(temp, live)
        fsync_dir(data_dir)
    except BaseException:
        for leftover in (temp, *side_files(temp)):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    try:
        open_checked(live, lambda: now).close()
    except Exception as exc:
        raise BackupError(
            f"{path} was restored, but it could not be opened afterwards: {exc}"
        ) from exc
    return RestoreOutcome(restored_from=path, safety_copy=safety_copy, set_aside=set_aside)


# -- the service ------------------------------------------------------------------------------
class BackupService:
    """Backups of the open database ``db`` in ``data_dir``."""

    def __init__(self, db: peewee.SqliteDatabase, data_dir: Path, clock: Clock) -> None:
        self._db = db
        self._data_dir = data_dir
        self._clock = clock

    @property
    def folder(self) -> Path:
        return backups_dir(self._data_dir)

    @property
    def _live(self) -> Path:
        return Path(self._db.database)

    def retention(self) -> Retention:
        return _read_retention(self._db.connection())

    def set_retention(self, retention: Retention) -> Retention:
        """Save how many copies to keep (1 to 100 of each); prunes at the next backup."""
        if errors := validate_retention(retention):
            raise ValidationError(errors)
        with self._db.atomic():
            for key, value in (
                (KEEP_DAILY_KEY, retention.keep_daily),
                (KEEP_BEFORE_KEY, retention.keep_before),
            ):
                self._db.execute_sql(
                    "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", (key, str(value))
                )
        return retention

    def has_data(self) -> bool:
        """Whether any table holds a row the user made (the index tables do not count)."""
        tables = [
            str(row[0])
            for row in self._db.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                " AND name NOT LIKE 'contact\\_search%' ESCAPE '\\'"
                " AND name NOT LIKE 'contact\\_text%' ESCAPE '\\'"
            )
        ]
        return any(
            self._db.execute_sql(f'SELECT EXISTS (SELECT 1 FROM "{name}")').fetchone()[0]
            for name in tables
        )

    def daily_if_due(self, now: datetime) -> Path | None:
        """Write today's DAILY copy unless one exists for ``now``'s UTC calendar day or the
        database holds nothing yet; return its path, or None. Cheap when there is nothing to
        do (the folder's names are read, no file is opened)."""
        today = now.astimezone(UTC).date()
        if any(
            named.kind is BackupKind.DAILY and named.created_at.date() == today
            for named in _backup_files(self.folder)
        ):
            return None
        if not self.has_data():
            return None
        return write_backup(self._live, self.folder, BackupKind.DAILY, now)

    def before(self, kind: BackupKind) -> Path:
        """A copy before an operation (or a MANUAL one) in the backups folder, now."""
        return write_backup(self._live, self.folder, kind, self._clock())

    def back_up_to(self, dest: Path, progress: Progress | None = None) -> Path:
        """A manual copy at ``dest``: a file, or a folder that receives a dated copy.

        ``progress(done_pages, total_pages)`` is called as the copy goes; when it returns
        False the copy stops and BackupCancelled (a BackupError) is raised, with nothing
        written and a file already at ``dest`` left as it was.
        """
        return back_up_file(self._live, dest, self._clock(), progress)

    def list_backups(self) -> list[BackupInfo]:
        return list_backups(self.folder)

    def newest_good(self) -> BackupInfo | None:
        return newest_good_backup(self.folder)

    def restore(self, source: BackupInfo | Path) -> RestoreOutcome:
        """Close this service's database and restore ``source`` (see restore_database).

        Every service built on the same database is closed afterwards, whatever the outcome:
        build new ones with ``open_services(data_dir)``.
        """
        self._db.close()
        return restore_database(self._data_dir, source, self._clock)
