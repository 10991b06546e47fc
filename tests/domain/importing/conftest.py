"""Helpers for the importer tests: files on disk, whole-database snapshots, one-call imports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import peewee
import pytest

from desktop.domain.clock import Clock
from desktop.domain.importing import (
    DuplicateChoice,
    ImportPlan,
    ImportResult,
    apply_import,
    mapping_for,
    plan_import,
    read_import_file,
)

WriteFile = Callable[..., Path]
Snapshot = dict[str, list[tuple[Any, ...]]]

# Every table an import writes to, directly or through the search triggers.
TABLES = ("contact", "contact_search", "contact_search_queue", "contact_text")


@pytest.fixture
def write_file(tmp_path: Path) -> WriteFile:
    """``write_file("x.csv", "text", encoding="utf-8")`` or ``write_file("x.png", b"...")``."""

    def write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        data = content if isinstance(content, bytes) else content.encode(encoding)
        path.write_bytes(data)
        return path

    return write


def snapshot(db: peewee.SqliteDatabase) -> Snapshot:
    """Every row of every table an import touches, to compare before and after."""
    return {
        table: list(db.execute_sql(f"SELECT rowid, * FROM {table} ORDER BY rowid"))
        for table in TABLES
    }


def planned(
    db: peewee.SqliteDatabase, path: Path, default_category: str | None = None
) -> ImportPlan:
    source = read_import_file(path)
    return plan_import(db, source, mapping_for(source), default_category)


def imported(
    db: peewee.SqliteDatabase,
    clock: Clock,
    path: Path,
    choices: DuplicateChoice = DuplicateChoice.SKIP,
) -> ImportResult:
    return apply_import(db, planned(db, path), clock, choices)
