"""Start-up through the real entry point: data directory choice and failures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop import __version__
from desktop.app import EXIT_STARTUP_ERROR, main
from desktop.domain.paths import DATA_DIR_ENV, DATABASE_FILENAME
from desktop.ui.main_window import MainWindow


def close_main_window_soon(seen: list[str]) -> None:
    """Once the app's window is up (its panes built on the database, not only its frame),
    note its title and close it as a user would."""

    def close() -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and w.is_attached
        ]
        if not windows:
            QTimer.singleShot(10, close)
            return
        modal = QApplication.activeModalWidget()
        if not seen:
            seen.append(windows[0].windowTitle())
            if modal is None:
                # First run asks for the profile once the window is up: wait for that question.
                QTimer.singleShot(10, close)
                return
        if isinstance(modal, QDialog):
            seen.append(type(modal).__name__)
            modal.reject()
        windows[0].close()

    QTimer.singleShot(0, close)


def test_main_opens_the_window_on_the_data_dir_from_the_environment(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    seen: list[str] = []
    close_main_window_soon(seen)

    assert main(["followup-desk"]) == 0

    assert seen[0].startswith("Follow-Up Desk")
    assert seen[1] == "ProfileDialog", "a first run asks for the sender's profile"
    assert (tmp_path / "from-env" / DATABASE_FILENAME).is_file()


def test_data_dir_option_wins_over_the_environment(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    seen: list[str] = []
    close_main_window_soon(seen)

    assert main(["followup-desk", "--data-dir", str(tmp_path / "from-option")]) == 0

    assert (tmp_path / "from-option" / DATABASE_FILENAME).is_file()
    assert not (tmp_path / "from-env").exists()


def test_an_unwritable_data_dir_is_reported_and_exits_non_zero(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialogs: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, title, text: dialogs.append(f"{title}|{text}")
    )

    code = main(["followup-desk", "--data-dir", str(blocker / "data")])

    assert code == EXIT_STARTUP_ERROR
    err = capsys.readouterr().err
    assert err.startswith("followup-desk: Follow-Up Desk cannot write its data directory")
    assert str(blocker / "data") in err
    assert "Traceback" not in err
    assert dialogs and dialogs[0].startswith("Follow-Up Desk cannot start|")
    assert str(blocker / "data") in dialogs[0]


def test_module_entry_point_answers_version(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"followup-desk {__version__}"


def test_the_window_smoke_test_quits_once_painted(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["followup-desk", "--data-dir", str(tmp_path / "data"), "--quit-after-first-paint"])
    assert code == 0
    assert capsys.readouterr().out.splitlines()[-3:] == ["painted", "contacts", "ready"]
    assert (tmp_path / "data" / DATABASE_FILENAME).is_file(), "the real window, on the folder"
