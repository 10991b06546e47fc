"""Back Up Now with a progress dialog: none for a quick copy, Cancel for a long one."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

import desktop.domain.backups as backups_module
from desktop.domain.clock import Clock
from desktop.domain.contacts import ContactCard
from desktop.domain.services import Services, open_services
from desktop.ui import backup_dialogs
from desktop.ui.backup_dialogs import back_up_with_progress


@pytest.fixture
def services(data_dir: Path, clock: Clock) -> Iterator[Services]:
    with open_services(data_dir, clock) as opened:
        for name in ("Dana", "Zoe", "Ivy"):
            opened.contacts.add_contact(ContactCard(given_name=name, family_name="Davis"))
        yield opened


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    widget.setAccessibleName("Main window")
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


class ShownDialogs(QObject):
    """Every QProgressDialog that is shown while it is installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override of QObject.eventFilter."""
        if event.type() == QEvent.Type.Show and isinstance(watched, QProgressDialog):
            self.shown.append(watched.labelText())
        return False


@pytest.fixture
def shown(qapp: QApplication) -> Iterator[ShownDialogs]:
    watcher = ShownDialogs()
    qapp.installEventFilter(watcher)
    yield watcher
    qapp.removeEventFilter(watcher)


def names_in(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT given_name FROM contact"))
    finally:
        conn.close()


def test_a_quick_copy_shows_no_progress(
    services: Services, parent: QWidget, tmp_path: Path, shown: ShownDialogs
) -> None:
    dest = tmp_path / "copy.sqlite3"

    assert back_up_with_progress(parent, services.backups, dest) == dest

    assert names_in(dest) == ["Dana", "Ivy", "Zoe"]
    assert shown.shown == []
    assert QApplication.activeModalWidget() is None


def test_a_long_copy_shows_progress_and_cancel_leaves_nothing(
    qtbot: QtBot,
    services: Services,
    parent: QWidget,
    tmp_path: Path,
    shown: ShownDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A long copy, without a long wait: one page a step, and the dialog shows at once.
    monkeypatch.setattr(backups_module, "PAGES_PER_STEP", 1)
    monkeypatch.setattr(backup_dialogs, "PROGRESS_DELAY_MS", 0)
    folder = tmp_path / "usb"
    folder.mkdir()
    seen: dict[str, object] = {}
    progress_at: list[tuple[int, int]] = []

    def click_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QProgressDialog) or not dialog.isVisible():
            QTimer.singleShot(0, click_cancel)  # runs again at the copy's next step
            return
        seen["name"] = dialog.accessibleName()
        seen["modality"] = dialog.windowModality()
        progress_at.append((dialog.value(), dialog.maximum()))
        (button,) = dialog.findChildren(QPushButton)
        seen["button"] = button.accessibleName()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click_cancel)
    result = back_up_with_progress(parent, services.backups, folder / "copy.sqlite3")

    assert result is None
    assert list(folder.iterdir()) == []  # no copy, no hidden temporary file
    assert shown.shown == ["Copying your database to copy.sqlite3…"]
    assert seen["name"] == "Backup progress"
    assert seen["button"] == "Cancel the backup"
    assert seen["modality"] == Qt.WindowModality.WindowModal
    ((done, total),) = progress_at
    assert 0 < done < total, "cancelled part way"
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_a_long_copy_left_alone_completes(
    services: Services,
    parent: QWidget,
    tmp_path: Path,
    shown: ShownDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(backups_module, "PAGES_PER_STEP", 1)
    monkeypatch.setattr(backup_dialogs, "PROGRESS_DELAY_MS", 0)

    written = back_up_with_progress(parent, services.backups, tmp_path)

    assert written is not None and written.parent == tmp_path
    assert names_in(written) == ["Dana", "Ivy", "Zoe"]
    assert len(shown.shown) == 1
    assert QApplication.activeModalWidget() is None
