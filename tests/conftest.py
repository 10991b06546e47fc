"""Shared fixtures. Qt runs offscreen; every test gets its own data directory and clock."""

from __future__ import annotations

import os

# Before any Qt import: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import peewee
import pytest
from hypothesis import settings

from desktop.domain.clock import Clock, fixed_clock
from desktop.domain.contacts import ContactService
from desktop.domain.database import open_database

# CI runs the same examples every time (derandomized); elsewhere Hypothesis explores anew.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# A fixed moment: Wednesday 25 November 2026, 14:30 UTC.
NOW = datetime(2026, 11, 25, 14, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the app caches (rendered icons) and logs goes to the test's folder, not the
    user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def clock() -> Clock:
    return fixed_clock(NOW)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[peewee.SqliteDatabase]:
    database = open_database(data_dir)
    yield database
    database.close()


@pytest.fixture
def contacts(db: peewee.SqliteDatabase, clock: Clock) -> ContactService:
    return ContactService(db, clock)
