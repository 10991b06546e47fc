"""The project's own promises: lint and types clean, README and CI telling the same story."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_finds_nothing() -> None:
    result = run_tool("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted() -> None:
    result = run_tool("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing() -> None:
    result = run_tool("mypy")  # packages and strictness come from pyproject.toml
    assert result.returncode == 0, result.stdout + result.stderr


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"^```sh\n(.+?)\n```", readme, flags=re.MULTILINE)


def test_readme_gives_exactly_two_commands_run_and_test() -> None:
    commands = readme_commands()
    assert len(commands) == 2, commands
    run, test = commands
    assert run.endswith("followup-desk")
    assert "pytest" in test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    test_command = readme_commands()[1]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines


def test_readme_screenshots_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+\.png)\)", readme)
    assert images, "the README shows a screenshot"
    for image in images:
        assert (ROOT / image).is_file(), image


def test_qt_binding_keeps_python_none_alive() -> None:
    """PySide6 6.12.0 leaks a reference to None per void call and aborts Python 3.11 in a
    long session; pyproject excludes it. This fails if a broken binding is installed."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QObject\n"
        "o = QObject()\n"
        "before = sys.getrefcount(None)\n"
        "for _ in range(1000): o.setObjectName('x')\n"
        "print(sys.getrefcount(None) - before)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert abs(int(result.stdout.strip())) < 50
