"""Backups: daily and before operations, retention, listing, manual copies and restoring."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

import desktop.domain.backups as backups_module
from desktop.domain.backups import (
    DEFAULT_KEEP_BEFORE,
    DEFAULT_KEEP_DAILY,
    KEEP_BEFORE_KEY,
    KEEP_DAILY_KEY,
    BackupCancelled,
    BackupInfo,
    BackupKind,
    Retention,
    backup_name,
    inspect_backup,
    list_backups,
    restore_database,
)
from desktop.domain.contacts import ContactCard
from desktop.domain.database import newest_good_backup
from desktop.domain.errors import BackupError, ValidationError
from desktop.domain.migrations import SCHEMA_VERSION
from desktop.domain.paths import DATABASE_FILENAME, backups_dir
from desktop.domain.services import Services, open_services
from tests.conftest import NOW
from tests.domain.fixtures.make_v3_db import FIXTURE as V3_FIXTURE

POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
ROOT = Path(__file__).resolve().parents[2]
DAY = timedelta(days=1)


class Clockwork:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clockwork() -> Clockwork:
    return Clockwork()


@pytest.fixture
def services(data_dir: Path, clockwork: Clockwork) -> Iterator[Services]:
    with open_services(data_dir, clockwork) as opened:
        yield opened


def add(services: Services, *names: str) -> None:
    for name in names:
        services.contacts.add_contact(ContactCard(given_name=name, family_name="Davis"))


def names(services: Services) -> list[str]:
    return sorted(c.given_name for c in services.contacts.list_contacts())


def names_in(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(row[0] for row in conn.execute("SELECT given_name FROM contact"))
    finally:
        conn.close()


def folder_names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- one copy ---------------------------------------------------------------------------------
def test_a_copy_before_an_operation_is_named_by_time_and_kind(services: Services) -> None:
    add(services, "Dana", "Zoe")

    path = services.backups.before(BackupKind.BEFORE_IMPORT)

    assert path == backups_dir(services.data_dir) / (
        "followup-desk-2026-11-25T143000Z-before-import.sqlite3"
    )
    assert names_in(path) == ["Dana", "Zoe"]
    # One self-contained file: no WAL beside it, nothing temporary left.
    assert folder_names(path.parent) == [path.name]
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


@POSIX_ONLY
def test_copies_and_their_folder_are_private(services: Services) -> None:
    add(services, "Dana")

    path = services.backups.before(BackupKind.BEFORE_IMPORT)

    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_copies_in_the_same_second_get_their_own_names(services: Services) -> None:
    add(services, "Dana")
    first = services.backups.before(BackupKind.BEFORE_IMPORT)
    add(services, "Zoe")
    second = services.backups.before(BackupKind.BEFORE_IMPORT)

    assert second.name == "followup-desk-2026-11-25T143000Z-2-before-import.sqlite3"
    assert names_in(first) == ["Dana"] and names_in(second) == ["Dana", "Zoe"]
    assert [b.path for b in services.backups.list_backups()] == [second, first]


def test_names_sort_by_time() -> None:
    moments = [NOW - timedelta(days=400), NOW - DAY, NOW, NOW + timedelta(seconds=1)]
    listed = [backup_name(BackupKind.DAILY, moment) for moment in moments]
    assert sorted(listed) == listed
    assert backup_name(BackupKind.MANUAL, NOW) == "followup-desk-2026-11-25T143000Z-manual.sqlite3"
    # Times in names are UTC, whatever the zone of the moment.
    chicago = NOW.astimezone(timezone(timedelta(hours=-6)))
    assert backup_name(BackupKind.DAILY, chicago) == backup_name(BackupKind.DAILY, NOW)


def test_a_copy_holds_only_committed_transactions(services: Services) -> None:
    add(services, "Dana")
    writer = sqlite3.connect(services.data_dir / DATABASE_FILENAME, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO contact (given_name, category, created_at, updated_at)"
            " VALUES ('Uncommitted', 'hiring-process', '', '')"
        )

        path = services.backups.before(BackupKind.BEFORE_IMPORT)

        writer.execute("ROLLBACK")
    finally:
        writer.close()
    assert names_in(path) == ["Dana"]


# -- daily ------------------------------------------------------------------------------------
def test_no_daily_copy_of_an_empty_database(services: Services) -> None:
    assert services.backups.daily_if_due(NOW) is None
    assert not backups_dir(services.data_dir).exists()


def test_one_daily_copy_per_utc_day(services: Services) -> None:
    add(services, "Dana")
    backups = services.backups

    first = backups.daily_if_due(NOW)
    assert first is not None and first.name.endswith("-daily.sqlite3")
    assert backups.daily_if_due(NOW + timedelta(hours=9)) is None  # 23:30 UTC, same day
    # 19:00 in UTC-5 on the 25th is 00:00 UTC on the 26th: a new UTC day.
    evening = datetime(2026, 11, 25, 19, 0, tzinfo=timezone(timedelta(hours=-5)))
    second = backups.daily_if_due(evening)
    assert second is not None and "2026-11-26T000000Z" in second.name
    assert backups.daily_if_due(evening + timedelta(hours=23)) is None

    dailies = [b for b in backups.list_backups() if b.kind is BackupKind.DAILY]
    assert [b.path for b in dailies] == [second, first]


def test_other_copies_do_not_count_as_the_daily_one(services: Services) -> None:
    add(services, "Dana")
    services.backups.before(BackupKind.BEFORE_IMPORT)
    services.backups.before(BackupKind.MANUAL)  # a manual copy in the same folder

    assert services.backups.daily_if_due(NOW) is not None


def test_opening_the_services_writes_the_daily_copy_when_due(
    data_dir: Path, clockwork: Clockwork
) -> None:
    with open_services(data_dir, clockwork) as services:
        add(services, "Dana")  # the database was empty when it was opened: no copy yet
    assert not backups_dir(data_dir).exists()

    for hours in (1, 2, 30):
        clockwork.now = NOW + timedelta(hours=hours)
        open_services(data_dir, clockwork).close()

    found = [b for b in list_backups(backups_dir(data_dir)) if b.kind is BackupKind.DAILY]
    assert [b.created_at for b in found] == [NOW + timedelta(hours=30), NOW + timedelta(hours=1)]
    assert all(b.contact_count == 1 and b.ok for b in found)


def test_a_daily_copy_that_cannot_be_written_does_not_stop_the_start(
    data_dir: Path, clockwork: Clockwork
) -> None:
    with open_services(data_dir, clockwork) as services:
        add(services, "Dana")
    backups_dir(data_dir).write_text("a file where the folder should be")

    with open_services(data_dir, clockwork) as services:
        assert services.backup_warning is not None
        assert str(backups_dir(data_dir)) in services.backup_warning
        assert names(services) == ["Dana"]


# -- retention --------------------------------------------------------------------------------
def test_the_newest_ten_daily_copies_are_kept(services: Services) -> None:
    add(services, "Dana")
    written = [services.backups.daily_if_due(NOW + n * DAY) for n in range(25)]

    kept = services.backups.list_backups()
    assert [b.path for b in kept] == list(reversed(written))[:DEFAULT_KEEP_DAILY]
    assert DEFAULT_KEEP_DAILY == 10


def test_the_newest_five_copies_before_operations_are_kept_together(
    services: Services, clockwork: Clockwork
) -> None:
    add(services, "Dana")
    kinds = [BackupKind.BEFORE_IMPORT, BackupKind.BEFORE_MIGRATION, BackupKind.BEFORE_RESTORE]
    daily = services.backups.daily_if_due(NOW)
    manual = services.backups.before(BackupKind.MANUAL)
    written = []
    for n in range(9):
        clockwork.now = NOW + n * timedelta(minutes=5)
        written.append(services.backups.before(kinds[n % 3]))

    listed = services.backups.list_backups()
    before = [b.path for b in listed if b.kind.is_before]
    assert before == list(reversed(written))[:DEFAULT_KEEP_BEFORE]
    assert DEFAULT_KEEP_BEFORE == 5
    assert {b.kind for b in listed if b.kind.is_before} == set(kinds)
    # Daily and manual copies are counted apart and stay.
    assert daily in [b.path for b in listed] and manual in [b.path for b in listed]


def test_manual_copies_in_the_backups_folder_are_never_pruned(
    services: Services, clockwork: Clockwork
) -> None:
    add(services, "Dana")
    manual = []
    for n in range(12):
        clockwork.now = NOW + n * DAY
        manual.append(services.backups.before(BackupKind.MANUAL))
        services.backups.daily_if_due(clockwork.now)
        services.backups.before(BackupKind.BEFORE_IMPORT)

    kinds = [b.kind for b in services.backups.list_backups()]
    assert kinds.count(BackupKind.MANUAL) == 12
    assert kinds.count(BackupKind.DAILY) == 10
    assert kinds.count(BackupKind.BEFORE_IMPORT) == 5


def test_a_half_written_copy_left_by_a_killed_process_is_cleaned_up(
    services: Services,
) -> None:
    add(services, "Dana")
    folder = services.backups.folder
    first = services.backups.before(BackupKind.BEFORE_IMPORT)
    stale = folder / f".{first.name}.abc123.tmp"
    fresh = folder / f".{first.name}.def456.tmp"  # another process writing a copy right now
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half a database")
    an_hour_and_more_ago = time.time() - 3700
    os.utime(stale, (an_hour_and_more_ago, an_hour_and_more_ago))

    services.backups.before(BackupKind.BEFORE_IMPORT)

    assert not stale.exists()
    assert fresh.exists(), "a copy another process is still writing is left alone"


def test_retention_is_a_setting(services: Services, clockwork: Clockwork) -> None:
    add(services, "Dana")
    assert services.backups.retention() == Retention(keep_daily=10, keep_before=5)

    services.backups.set_retention(Retention(keep_daily=3, keep_before=1))

    assert services.backups.retention() == Retention(keep_daily=3, keep_before=1)
    for n in range(6):
        clockwork.now = NOW + n * DAY
        services.backups.daily_if_due(clockwork.now)
        services.backups.before(BackupKind.BEFORE_IMPORT)
    kinds = [b.kind for b in services.backups.list_backups()]
    assert kinds.count(BackupKind.DAILY) == 3
    assert kinds.count(BackupKind.BEFORE_IMPORT) == 1


@pytest.mark.parametrize(
    ("retention", "fields"),
    [
        (Retention(keep_daily=0, keep_before=5), {"keep_daily"}),
        (Retention(keep_daily=10, keep_before=101), {"keep_before"}),
        (Retention(keep_daily=-1, keep_before=0), {"keep_daily", "keep_before"}),
    ],
)
def test_retention_out_of_range_is_refused(
    services: Services, retention: Retention, fields: set[str]
) -> None:
    with pytest.raises(ValidationError) as excinfo:
        services.backups.set_retention(retention)

    assert set(excinfo.value.errors) == fields
    assert "between 1 and 100" in str(excinfo.value)
    assert services.backups.retention() == Retention()


def test_retention_edited_into_nonsense_falls_back_to_the_defaults(services: Services) -> None:
    for key, value in ((KEEP_DAILY_KEY, "lots"), (KEEP_BEFORE_KEY, "1000")):
        services.db.execute_sql("INSERT INTO setting (key, value) VALUES (?, ?)", (key, value))

    assert services.backups.retention() == Retention()
    assert services.preferences.load()  # the other settings still read


# -- listing ----------------------------------------------------------------------------------
def test_list_backups_newest_first_with_counts_and_a_damaged_copy(
    services: Services, clockwork: Clockwork
) -> None:
    add(services, "Dana")
    daily = services.backups.daily_if_due(NOW)
    add(services, "Zoe", "Priya")
    clockwork.now = NOW + timedelta(hours=1)
    before = services.backups.before(BackupKind.BEFORE_IMPORT)
    folder = services.backups.folder
    damaged = folder / backup_name(BackupKind.DAILY, NOW + DAY)
    damaged.write_bytes(os.urandom(8192))
    foreign = folder / backup_name(BackupKind.MANUAL, NOW + 2 * DAY)
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()
    (folder / "notes.txt").write_text("not a backup")
    (folder / ".followup-desk-x.sqlite3.tmp").write_bytes(b"half")

    listed = services.backups.list_backups()

    assert [b.path for b in listed] == [foreign, damaged, before, daily]
    assert [b.kind for b in listed] == [
        BackupKind.MANUAL,
        BackupKind.DAILY,
        BackupKind.BEFORE_IMPORT,
        BackupKind.DAILY,
    ]
    assert [b.ok for b in listed] == [False, False, True, True]
    assert [b.contact_count for b in listed] == [None, None, 3, 1]
    assert listed[2].created_at == NOW + timedelta(hours=1)
    assert listed[2].schema_version == SCHEMA_VERSION
    assert listed[2].size == before.stat().st_size > 0
    assert listed[1].size == 8192 and "not a SQLite database" in listed[1].problem
    assert "not a Follow-Up Desk database" in listed[0].problem
    assert listed[2].problem == ""
    assert newest_good_backup(services.data_dir) == listed[2]
    assert services.backups.newest_good() == listed[2]


def test_a_copy_from_a_newer_release_is_listed_as_not_restorable(services: Services) -> None:
    add(services, "Dana")
    path = services.backups.before(BackupKind.BEFORE_IMPORT)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()

    info = inspect_backup(path)

    assert not info.ok and info.contact_count == 1
    assert "newer version" in info.problem


def test_no_backups_folder_lists_nothing(tmp_path: Path) -> None:
    assert list_backups(tmp_path / "missing") == []
    assert newest_good_backup(tmp_path) is None


def test_inspect_backup_needs_a_backup_name(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not the name"):
        inspect_backup(tmp_path / "holiday.sqlite3")


# -- manual copies ----------------------------------------------------------------------------
@POSIX_ONLY
def test_back_up_to_a_file(services: Services, tmp_path: Path) -> None:
    add(services, "Dana")
    dest = tmp_path / "usb" / "mine.sqlite3"
    dest.parent.mkdir()
    dest.write_text("an older file of the same name")

    assert services.backups.back_up_to(dest) == dest

    assert names_in(dest) == ["Dana"]
    assert mode(dest) == 0o600
    assert folder_names(dest.parent) == ["mine.sqlite3"]


def test_back_up_to_a_folder_writes_a_dated_copy(services: Services, tmp_path: Path) -> None:
    add(services, "Dana")

    path = services.backups.back_up_to(tmp_path)

    assert path == tmp_path / "followup-desk-2026-11-25T143000Z-manual.sqlite3"
    assert names_in(path) == ["Dana"]


def test_back_up_to_never_overwrites_the_live_database(services: Services) -> None:
    add(services, "Dana")
    live = services.data_dir / DATABASE_FILENAME
    before = sha256(live)

    for dest in (live, services.data_dir / "." / DATABASE_FILENAME, Path(f"{live}-wal")):
        with pytest.raises(BackupError, match="database in use"):
            services.backups.back_up_to(dest)

    assert sha256(live) == before
    assert names(services) == ["Dana"]


def test_back_up_to_a_missing_folder_says_so(services: Services, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="missing"):
        services.backups.back_up_to(tmp_path / "nowhere" / "copy.sqlite3")


# -- progress and cancel ----------------------------------------------------------------------
@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two pages a step, so a small test database takes many steps."""
    monkeypatch.setattr(backups_module, "PAGES_PER_STEP", 2)


def test_a_copy_reports_its_progress_page_by_page(
    services: Services, tmp_path: Path, small_steps: None
) -> None:
    add(services, "Dana", "Zoe")
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    dest = services.backups.back_up_to(tmp_path / "copy.sqlite3", progress)

    assert names_in(dest) == ["Dana", "Zoe"]
    assert len(seen) > 3
    total = seen[-1][1]
    assert seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert all(0 < done <= total for done, _ in seen)


@pytest.mark.parametrize("into_folder", [False, True])
def test_cancelling_a_copy_leaves_nothing_behind(
    services: Services, tmp_path: Path, small_steps: None, into_folder: bool
) -> None:
    add(services, "Dana")
    target = tmp_path / "usb"
    target.mkdir()
    dest = target if into_folder else target / "mine.sqlite3"
    steps = 0

    def cancel_on_the_third_step(done: int, total: int) -> bool:
        nonlocal steps
        steps += 1
        return steps < 3

    with pytest.raises(BackupCancelled, match="cancelled; nothing was written") as excinfo:
        services.backups.back_up_to(dest, cancel_on_the_third_step)

    assert isinstance(excinfo.value, BackupError)  # callers that catch BackupError still do
    assert steps == 3  # it stopped when told, not at the end
    assert folder_names(target) == []  # no copy and no hidden temporary file
    assert names(services) == ["Dana"]


def test_a_cancelled_copy_keeps_the_file_it_would_have_replaced(
    services: Services, tmp_path: Path, small_steps: None
) -> None:
    add(services, "Dana")
    (tmp_path / "usb").mkdir()
    dest = tmp_path / "usb" / "mine.sqlite3"
    dest.write_text("last week's copy")

    with pytest.raises(BackupCancelled):
        services.backups.back_up_to(dest, lambda done, total: False)

    assert dest.read_text() == "last week's copy"
    assert folder_names(dest.parent) == ["mine.sqlite3"]


# -- before an import -------------------------------------------------------------------------
GENERIC_CSV = "Name,E-mail\nPriya Patel,priya@example.com\nZoe Adams,zoe@example.com\n"


def test_an_import_writes_a_copy_first(services: Services, tmp_path: Path) -> None:
    add(services, "Dana")
    path = tmp_path / "people.csv"
    path.write_text(GENERIC_CSV, encoding="utf-8")
    transfer = services.transfer
    source = transfer.read(path)

    result = transfer.apply(transfer.plan(source, transfer.mapping_for(source)))

    assert result.added == 2
    [copy] = services.backups.list_backups()
    assert copy.kind is BackupKind.BEFORE_IMPORT
    assert names_in(copy.path) == ["Dana"]
    assert names(services) == ["Dana", "Priya", "Zoe"]


def test_no_import_without_its_copy(services: Services, tmp_path: Path) -> None:
    add(services, "Dana")
    path = tmp_path / "people.csv"
    path.write_text(GENERIC_CSV, encoding="utf-8")
    backups_dir(services.data_dir).write_text("in the way")
    transfer = services.transfer
    source = transfer.read(path)
    plan = transfer.plan(source, transfer.mapping_for(source))

    with pytest.raises(BackupError, match="backups folder"):
        transfer.apply(plan)

    assert names(services) == ["Dana"]


# -- restoring --------------------------------------------------------------------------------
def test_restore_round_trip(data_dir: Path, clockwork: Clockwork) -> None:
    with open_services(data_dir, clockwork) as services:
        add(services, "Dana", "Zoe")
        copy = services.backups.before(BackupKind.BEFORE_IMPORT)
        add(services, "Priya")
        services.contacts.delete_contact(services.contacts.list_contacts()[0].id)
        after_copy = names(services)
    clockwork.now = NOW + timedelta(hours=2)

    outcome = restore_database(data_dir, copy, clockwork)

    assert outcome.restored_from == copy and outcome.set_aside is None
    assert outcome.safety_copy is not None
    assert outcome.safety_copy.name.endswith("T163000Z-before-restore.sqlite3")
    assert names_in(outcome.safety_copy) == after_copy
    with open_services(data_dir, clockwork) as services:
        assert names(services) == ["Dana", "Zoe"]
        assert services.contacts.count() == 2
        add(services, "Ravi")  # the restored database is an ordinary one
    assert names_in(copy) == ["Dana", "Zoe"]  # the copy itself is left as it was
    assert sorted(p.name for p in data_dir.iterdir()) == ["backups", DATABASE_FILENAME]


def test_the_service_restores_and_closes_its_database(data_dir: Path, clockwork: Clockwork) -> None:
    services = open_services(data_dir, clockwork)
    add(services, "Dana")
    info = inspect_backup(services.backups.before(BackupKind.BEFORE_IMPORT))
    add(services, "Zoe")

    outcome = services.backups.restore(info)

    assert services.db.is_closed()
    assert outcome.safety_copy is not None and names_in(outcome.safety_copy) == ["Dana", "Zoe"]
    with open_services(data_dir, clockwork) as reopened:
        assert names(reopened) == ["Dana"]


def _crash_after_writing(live: Path, given_name: str) -> None:
    """Another process commits a contact and dies without closing: its WAL stays behind."""
    code = "\n".join(
        [
            "import os, sqlite3, sys",
            "conn = sqlite3.connect(sys.argv[1])",
            "conn.execute('PRAGMA wal_autocheckpoint = 0')",
            'conn.execute("INSERT INTO contact (given_name, category, created_at, updated_at)'
            " VALUES (?, 'hiring-process', '2026-11-25T14:30:00+00:00',"
            " '2026-11-25T14:30:00+00:00')\", (sys.argv[2],))",
            "conn.commit()",
            "os._exit(0)",
        ]
    )
    subprocess.run([sys.executable, "-c", code, str(live), given_name], check=True, timeout=60)


def test_restore_over_a_database_with_a_leftover_wal(data_dir: Path, clockwork: Clockwork) -> None:
    with open_services(data_dir, clockwork) as services:
        add(services, "Dana")
        copy = services.backups.before(BackupKind.BEFORE_IMPORT)
    live = data_dir / DATABASE_FILENAME
    _crash_after_writing(live, "Walter")
    wal = Path(f"{live}-wal")
    assert wal.stat().st_size > 0  # Walter is only in the WAL

    outcome = restore_database(data_dir, copy, clockwork)

    # The copy kept before the restore has what the WAL held; the WAL is not applied to
    # the restored file.
    assert outcome.safety_copy is not None
    assert names_in(outcome.safety_copy) == ["Dana", "Walter"]
    assert not wal.exists() and not Path(f"{live}-shm").exists()
    with open_services(data_dir, clockwork) as services:
        assert names(services) == ["Dana"]


def test_restore_is_refused_while_another_connection_is_open(
    data_dir: Path, clockwork: Clockwork
) -> None:
    with open_services(data_dir, clockwork) as services:
        add(services, "Dana")
        copy = services.backups.before(BackupKind.BEFORE_IMPORT)
        add(services, "Zoe")
        live = data_dir / DATABASE_FILENAME

        with pytest.raises(BackupError, match="open in another program"):
            restore_database(data_dir, copy, clockwork)

        assert names(services) == ["Dana", "Zoe"]  # still usable, unchanged
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]
    assert names_in(live) == ["Dana", "Zoe"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 4096, "PNG image"),
        (b"Dear diary,\n" * 100, "plain text"),
        (os.urandom(16384), "not a SQLite database"),
    ],
    ids=["empty", "png", "text", "random"],
)
def test_restore_refuses_a_damaged_copy(
    data_dir: Path, clockwork: Clockwork, tmp_path: Path, content: bytes, message: str
) -> None:
    with open_services(data_dir, clockwork) as services:
        add(services, "Dana")
    live = data_dir / DATABASE_FILENAME
    before = sha256(live)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)

    with pytest.raises(BackupError, match=message) as excinfo:
        restore_database(data_dir, bad, clockwork)

    assert str(bad) in str(excinfo.value) and "damaged" in str(excinfo.value)
    assert sha256(live) == before
    assert not backups_dir(data_dir).exists()  # refused before anything was written
    assert bad.read_bytes() == content


def test_restore_refuses_a_truncated_copy(
    data_dir: Path, clockwork: Clockwork, tmp_path: Path
) -> None:
    with open_services(data_dir, clockwork) as services:
        add(services, *(f"Person{n}" for n in range(200)))
        copy = services.backups.before(BackupKind.BEFORE_IMPORT)
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(copy.read_bytes()[: 2 * 4096])

    with pytest.raises(BackupError, match="damaged"):
        restore_database(data_dir, truncated, clockwork)


@pytest.mark.parametrize("case", ["other-app", "newer", "missing"])
def test_restore_refuses_what_is_not_a_follow_up_desk_database(
    data_dir: Path, clockwork: Clockwork, tmp_path: Path, case: str
) -> None:
    with open_services(data_dir, clockwork) as services:
        add(services, "Dana")
    other = tmp_path / "other.sqlite3"
    if case == "other-app":
        with sqlite3.connect(other) as conn:
            conn.execute("CREATE TABLE recipes (name TEXT)")
            conn.execute("PRAGMA user_version = 2")
        conn.close()
        expected = "not a Follow-Up Desk database"
    elif case == "newer":
        with open_services(tmp_path / "newer", clockwork) as services:
            add(services, "Future")
        shutil.copyfile(tmp_path / "newer" / DATABASE_FILENAME, other)
        with sqlite3.connect(other) as conn:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.close()
        expected = "newer version"
    else:
        expected = "no such file"

    with pytest.raises(BackupError, match=expected):
        restore_database(data_dir, other, clockwork)

    assert names_in(data_dir / DATABASE_FILENAME) == ["Dana"]


def test_restore_refuses_the_database_itself(data_dir: Path, clockwork: Clockwork) -> None:
    with open_services(data_dir, clockwork) as services:
        add(services, "Dana")

    with pytest.raises(BackupError, match="database in use"):
        restore_database(data_dir, data_dir / DATABASE_FILENAME, clockwork)


def test_restore_over_a_damaged_database_sets_it_aside(
    data_dir: Path, clockwork: Clockwork
) -> None:
    with open_services(data_dir, clockwork) as services:
        add(services, "Dana")
        copy = services.backups.before(BackupKind.BEFORE_IMPORT)
    live = data_dir / DATABASE_FILENAME
    garbage = b"overwritten by something else" * 100
    live.write_bytes(garbage)

    outcome = restore_database(data_dir, copy, clockwork)

    assert outcome.safety_copy is None
    assert outcome.set_aside == data_dir / "followup-desk.damaged-2026-11-25T143000Z.sqlite3"
    assert outcome.set_aside.read_bytes() == garbage
    with open_services(data_dir, clockwork) as services:
        assert names(services) == ["Dana"]


def test_restore_into_an_empty_data_dir(tmp_path: Path, clockwork: Clockwork) -> None:
    source_dir, target_dir = tmp_path / "old", tmp_path / "new"
    with open_services(source_dir, clockwork) as services:
        add(services, "Dana")
        copy = services.backups.before(BackupKind.BEFORE_IMPORT)

    outcome = restore_database(target_dir, copy, clockwork)

    assert outcome.safety_copy is None and outcome.set_aside is None
    with open_services(target_dir, clockwork) as services:
        assert names(services) == ["Dana"]


def test_restoring_an_older_copy_upgrades_it_after_a_copy_of_its_own(
    data_dir: Path, clockwork: Clockwork, tmp_path: Path
) -> None:
    with open_services(data_dir, clockwork) as services:
        add(services, "Dana")
    old = backups_dir(data_dir) / backup_name(BackupKind.MANUAL, NOW - DAY)
    old.parent.mkdir()
    shutil.copyfile(V3_FIXTURE, old)
    before = sha256(V3_FIXTURE)
    info = inspect_backup(old)
    assert info.ok and info.schema_version == 3

    restore_database(data_dir, info, clockwork)

    with sqlite3.connect(data_dir / DATABASE_FILENAME) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    kinds = {b.kind: b for b in list_backups(backups_dir(data_dir))}
    assert kinds[BackupKind.BEFORE_MIGRATION].schema_version == 3
    assert kinds[BackupKind.BEFORE_RESTORE].contact_count == 1
    assert sha256(V3_FIXTURE) == before


def test_a_failed_copy_leaves_the_database_as_it_was(
    data_dir: Path, clockwork: Clockwork, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_services(data_dir, clockwork) as services:
        add(services, "Dana")
        copy = services.backups.before(BackupKind.BEFORE_IMPORT)
        add(services, "Zoe")
    live = data_dir / DATABASE_FILENAME
    before = sha256(live)

    real_copy = backups_module._copy
    calls: list[Path] = []

    def copy_then_fail(
        source: sqlite3.Connection, dest: Path, progress: backups_module.Progress | None = None
    ) -> None:
        calls.append(dest)
        if dest.parent == data_dir:  # the restore's copy, not the safety copy
            raise OSError(28, "No space left on device")
        real_copy(source, dest, progress)

    monkeypatch.setattr(backups_module, "_copy", copy_then_fail)

    with pytest.raises(BackupError, match="No space left"):
        restore_database(data_dir, copy, clockwork)

    assert sha256(live) == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["backups", DATABASE_FILENAME]


def test_what_the_restore_dialog_shows() -> None:
    fields = set(BackupInfo.__dataclass_fields__)
    assert {"path", "created_at", "kind", "size", "contact_count", "ok"} <= fields
    assert [kind.label for kind in BackupKind] == [
        "Daily",
        "Before an upgrade",
        "Before an import",
        "Before a restore",
        "Made by you",
    ]


def test_times_are_aware_utc(services: Services, clockwork: Clockwork) -> None:
    add(services, "Dana")
    clockwork.now = datetime(2026, 11, 25, 9, 0, tzinfo=timezone(timedelta(hours=-5)))
    services.backups.before(BackupKind.BEFORE_IMPORT)

    [info] = services.backups.list_backups()
    assert info.created_at == datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
