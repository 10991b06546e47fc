"""Where the data lives: --data-dir, then FOLLOWUP_DESK_DATA_DIR, then the platform default."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.paths import DATA_DIR_ENV, default_data_dir, resolve_data_dir


def test_the_default_data_dir_is_named_after_the_app() -> None:
    default = default_data_dir()
    assert default.name == "FollowUpDesk"
    assert default.is_absolute()


def test_without_overrides_the_default_is_used() -> None:
    assert resolve_data_dir(None, {}) == default_data_dir()


def test_the_environment_variable_beats_the_default(tmp_path: Path) -> None:
    assert resolve_data_dir(None, {DATA_DIR_ENV: str(tmp_path / "env")}) == tmp_path / "env"


def test_the_command_line_beats_the_environment_variable(tmp_path: Path) -> None:
    environ = {DATA_DIR_ENV: str(tmp_path / "env")}
    assert resolve_data_dir(str(tmp_path / "cli"), environ) == tmp_path / "cli"


def test_only_the_given_environment_is_consulted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "process-env"))
    assert resolve_data_dir(None, {}) == default_data_dir()


@pytest.mark.parametrize("blank", ["", " ", "\t", "  \n"])
def test_a_blank_environment_variable_is_ignored(blank: str) -> None:
    assert resolve_data_dir(None, {DATA_DIR_ENV: blank}) == default_data_dir()


def test_an_empty_command_line_value_falls_back_to_the_environment(tmp_path: Path) -> None:
    assert resolve_data_dir("", {DATA_DIR_ENV: str(tmp_path / "env")}) == tmp_path / "env"


def test_surrounding_blanks_in_the_environment_variable_are_dropped(tmp_path: Path) -> None:
    assert resolve_data_dir(None, {DATA_DIR_ENV: f"  {tmp_path / 'env'}\n"}) == tmp_path / "env"


@pytest.mark.parametrize("source", ["cli", "env"])
def test_tilde_is_expanded(source: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))  # what expanduser reads on Windows
    value = "~/Follow-Up Data"
    if source == "cli":
        resolved = resolve_data_dir(value, {})
    else:
        resolved = resolve_data_dir(None, {DATA_DIR_ENV: value})
    assert resolved == home / "Follow-Up Data"
    assert "~" not in str(resolved)
