"""Babel stays out: dates come from Qt's locale tables, so the installers carry no second
copy of CLDR (Babel's ~30 MB of locale data was most of the bundle's excess size)."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = PROJECT_ROOT / "desktop"


def imported_modules(source: str) -> set[str]:
    """Every module an import statement in ``source`` names, at any depth (lazy ones too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def test_no_module_of_the_app_imports_babel() -> None:
    offenders = [
        str(path.relative_to(PROJECT_ROOT))
        for path in sorted(PACKAGE_DIR.rglob("*.py"))
        if any(
            name == "babel" or name.startswith("babel.")
            for name in imported_modules(path.read_text(encoding="utf-8"))
        )
    ]
    assert offenders == []


def test_the_import_check_sees_lazy_imports() -> None:
    source = "def f():\n    import babel.dates\n    from babel import Locale\n"
    assert imported_modules(source) == {"babel.dates", "babel"}


# Blocks Babel the way a bundle without it would, imports every module of the app, then
# dates a letter and an agenda row and writes the CLI's report lines.
PROBE = """
import importlib, pkgutil, sys
from datetime import date, datetime, timezone

class NoBabel:
    def find_spec(self, name, path=None, target=None):
        if name == "babel" or name.startswith("babel."):
            raise ImportError(f"{name} was imported")
        return None

sys.meta_path.insert(0, NoBabel())
import desktop
for module in pkgutil.walk_packages(desktop.__path__, "desktop."):
    if module.name != "desktop.__main__":
        importlib.import_module(module.name)

from PySide6.QtGui import QGuiApplication
app = QGuiApplication(["probe", "-platform", "offscreen"])
from desktop import cli
from desktop.printing.agenda_document import format_due_by
from desktop.printing.dates import qt_long_date
moment = datetime(2026, 11, 26, 8, 30, tzinfo=timezone.utc)
print(qt_long_date("de_DE")(date(2026, 11, 25)))
print(format_due_by(moment, timezone.utc, "en_US"))
print(cli.local_time(moment, timezone.utc))
print(cli.backup_time(moment, timezone.utc))
print(sorted(name for name in sys.modules if name.split(".")[0] == "babel"))
"""


def test_the_whole_app_runs_its_dates_without_babel() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "25. November 2026",
        "Thu 26 Nov, 08:30",
        "Thu 26 Nov, 08:30",
        "Thu 26 Nov 2026, 08:30",
        "[]",
    ]


def test_babel_is_not_a_dependency_and_the_bundle_leaves_it_out() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    names = [dependency.lower() for dependency in project["project"]["dependencies"]]
    assert not [name for name in names if name.startswith("babel")]

    spec = (PROJECT_ROOT / "packaging" / "followup-desk.spec").read_text(encoding="utf-8")
    tree = ast.parse(spec)
    excluded = {
        element.value
        for node in ast.walk(tree)
        if isinstance(node, ast.AugAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == "excludes"
        and isinstance(node.value, ast.List)
        for element in node.value.elts
        if isinstance(element, ast.Constant)
    }
    assert "babel" in excluded
