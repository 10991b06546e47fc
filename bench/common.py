"""Shared by the benchmark children that use the app: the fixed clock and timing helpers."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from bench.sample_data import NOW, created_at, sample_cards

__all__ = [
    "IDS_SQL",
    "NOW",
    "copy_data_dir",
    "created_at",
    "ensure_offscreen",
    "fixed_now",
    "sample_cards",
    "timed",
]

# The ids of every contact in the table's first order (Name, ascending), in plain SQL.
IDS_SQL = "SELECT contact_id FROM contact_search ORDER BY name_key, contact_id"


def fixed_now() -> datetime:
    return NOW


def timed(function: Callable[[], object]) -> float:
    """Seconds one call of ``function`` takes."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def ensure_offscreen() -> None:
    """No display is needed or wanted; the parent sets this too, this is for direct runs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def copy_data_dir(template: Path, target: Path) -> Path:
    """A fresh copy of a prepared data directory, so every run starts from the same state."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target)
    return target
