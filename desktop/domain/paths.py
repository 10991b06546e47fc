"""Where the user's data lives: the platform's user data directory unless overridden."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import platformdirs

from desktop import APP_ID

DATA_DIR_ENV = "FOLLOWUP_DESK_DATA_DIR"
DATABASE_FILENAME = "followup-desk.sqlite3"
SETTINGS_FILENAME = "settings.ini"
BACKUPS_DIRNAME = "backups"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=False))


def resolve_data_dir(cli_value: str | None, environ: Mapping[str, str]) -> Path:
    """``--data-dir`` wins over ``FOLLOWUP_DESK_DATA_DIR``, which wins over the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    if env_value := environ.get(DATA_DIR_ENV, "").strip():
        return Path(env_value).expanduser()
    return default_data_dir()


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_FILENAME


def backups_dir(data_dir: Path) -> Path:
    """Where the automatic copies (daily, before an upgrade, import or restore) are kept."""
    return data_dir / BACKUPS_DIRNAME


def icon_cache_dir(version: str) -> Path:
    """Rendered toolbar icons, per release (a new release may draw them differently)."""
    return Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)) / "icons" / version
