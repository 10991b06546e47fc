"""One app per data folder: a second launch brings the first window forward and never opens
the database itself."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import desktop.app as app_module
from desktop.ui.single_instance import LOCK_FILENAME, SingleInstance

POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")


def test_a_second_claim_on_the_same_folder_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    first, second, other = (SingleInstance(p) for p in (tmp_path, tmp_path, elsewhere))
    try:
        assert first.claim()
        assert not second.claim()
        assert other.claim(), "another folder is another app"
    finally:
        first.release()
        other.release()
    assert second.claim(), "once the first lets go, the folder is free"
    second.release()


def test_the_running_app_hears_a_later_launch(qtbot: QtBot, tmp_path: Path) -> None:
    running, later = SingleInstance(tmp_path), SingleInstance(tmp_path)
    assert running.claim()
    assert running.listen()
    try:
        with qtbot.waitSignal(running.activation_requested, timeout=5000):
            assert later.ask_running_instance_to_activate()
    finally:
        running.release()


@POSIX_ONLY
def test_a_lock_left_by_a_killed_app_is_taken_over(qtbot: QtBot, tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys
                from pathlib import Path
                from desktop.ui.single_instance import SingleInstance
                instance = SingleInstance(Path({str(tmp_path)!r}))
                assert instance.claim()
                print("claimed", flush=True)
                sys.stdin.read()  # hold the lock until killed
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    with holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "claimed"
            assert not SingleInstance(tmp_path).claim(), "held while its process lives"
        finally:
            holder.send_signal(signal.SIGKILL)
            holder.wait(timeout=10)

    assert (tmp_path / LOCK_FILENAME).exists(), "a killed process leaves its lock behind"
    taker = SingleInstance(tmp_path)
    assert taker.claim()
    taker.release()


@POSIX_ONLY
def test_a_second_launch_activates_the_first_and_does_not_open_the_database(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    first = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
                import sys
                from PySide6.QtCore import QTimer
                from PySide6.QtWidgets import QApplication
                import desktop.app
                from desktop.ui.main_window import MainWindow

                def bring_to_front(self):
                    print("activated", flush=True)
                    QApplication.quit()

                MainWindow.bring_to_front = bring_to_front
                MainWindow.ask_for_profile_if_new = lambda self: print("up", flush=True)
                QTimer.singleShot(60_000, QApplication.quit)  # never hang the test run
                sys.exit(desktop.app.main(sys.argv))
                """
            ),
            "--data-dir",
            str(data_dir),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    with first:
        try:
            assert first.stdout is not None
            assert first.stdout.readline().strip() == "up"
            opened: list[Path] = []
            monkeypatch.setattr(app_module, "open_context", lambda d, *a: opened.append(d))

            code = app_module.main(["followup-desk", "--data-dir", str(data_dir)])

            assert code == 0
            assert opened == [], "the second launch never touched the database"
            assert first.stdout.readline().strip() == "activated"
            assert first.wait(timeout=20) == 0
        finally:
            if first.poll() is None:
                first.kill()
                first.wait(timeout=10)
