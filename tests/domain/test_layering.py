"""The domain layer never imports Qt, so it can run (and be tested) without a display."""

from __future__ import annotations

import ast
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import desktop.domain

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DOMAIN_DIR = PROJECT_ROOT / "desktop" / "domain"

QT_PACKAGES = ("PySide6", "shiboken6", "qtawesome", "qtpy")
FORBIDDEN = (*QT_PACKAGES, "desktop.ui", "desktop.printing")


def _is_forbidden(module: str) -> bool:
    return any(module == name or module.startswith(name + ".") for name in FORBIDDEN)


def _resolve_relative(module: str | None, level: int, package: str) -> str:
    """The absolute name of ``from <level dots><module> import ...`` inside ``package``."""
    if level == 0:
        return module or ""
    parts = package.split(".")
    base = parts[: len(parts) - (level - 1)]
    return ".".join([*base, module] if module else base)


def forbidden_imports(source: str, package: str = "desktop.domain") -> list[str]:
    """Every module named by an import in ``source`` that the domain must not depend on."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_relative(node.module, node.level, package)
            # "from desktop import ui" names desktop.ui as much as "import desktop.ui" does.
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
        ):
            names = [node.args[0].value]
        found.extend(name for name in names if _is_forbidden(name))
    return found


def domain_sources() -> list[Path]:
    return sorted(DOMAIN_DIR.rglob("*.py"))


def domain_modules() -> list[str]:
    prefix = desktop.domain.__name__ + "."
    return sorted(info.name for info in pkgutil.walk_packages(desktop.domain.__path__, prefix))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import PySide6.QtCore", ["PySide6.QtCore"]),
        ("from PySide6 import QtWidgets", ["PySide6", "PySide6.QtWidgets"]),
        ("import shiboken6", ["shiboken6"]),
        ("import qtawesome as qta", ["qtawesome"]),
        ("from qtpy.QtCore import Qt", ["qtpy.QtCore", "qtpy.QtCore.Qt"]),
        ("from desktop import ui", ["desktop.ui"]),
        ("from desktop.printing import layout", ["desktop.printing", "desktop.printing.layout"]),
        ("from ..ui import main_window", ["desktop.ui", "desktop.ui.main_window"]),
        ("import importlib\nimportlib.import_module('PySide6.QtGui')", ["PySide6.QtGui"]),
        ("def f():\n    import PySide6\n", ["PySide6"]),
        ("import peewee\nfrom desktop.domain import models", []),
        ("import desktop.uix", []),
    ],
)
def test_the_import_scanner_recognises_qt_and_ui_imports(source: str, expected: list[str]) -> None:
    # The layering check below is only as good as this scanner; prove it is not vacuous.
    assert sorted(forbidden_imports(source)) == sorted(expected)


def test_domain_sources_are_found() -> None:
    names = {path.name for path in domain_sources()}
    assert {"__init__.py", "contacts.py", "database.py", "letters.py", "models.py"} <= names


@pytest.mark.parametrize("path", domain_sources(), ids=lambda p: p.name)
def test_no_domain_module_imports_qt_ui_or_printing(path: Path) -> None:
    # Relative imports resolve against the package the file sits in.
    package = ".".join(path.relative_to(PROJECT_ROOT).parent.parts)
    offending = forbidden_imports(path.read_text("utf-8"), package)
    assert offending == [], f"{path.relative_to(PROJECT_ROOT)} imports {offending}"


def test_importing_every_domain_module_loads_no_qt() -> None:
    modules = domain_modules()
    assert "desktop.domain.letters" in modules
    code = "\n".join(
        [
            *(f"import {name}" for name in modules),
            "import sys",
            f"qt = sorted(m for m in sys.modules if m.startswith({QT_PACKAGES!r}))",
            "assert not qt, qt",
        ]
    )
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONSTARTUP", "PYTHONPATH"}}
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
