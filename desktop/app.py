"""Composition root: command line -> data directory -> database -> services -> main window."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_ID, APP_NAME, COMMANDS, __version__
from desktop.domain.clock import Clock, system_clock
from desktop.domain.errors import FollowUpDeskError
from desktop.domain.paths import DATA_DIR_ENV, SETTINGS_FILENAME, icon_cache_dir, resolve_data_dir
from desktop.domain.services import Services, open_services
from desktop.logs import configure_logging, install_excepthook, log
from desktop.ui.icons import themed_icon, use_cache_dir
from desktop.ui.local_time import local_zone
from desktop.ui.main_window import MainWindow
from desktop.ui.single_instance import SingleInstance

EXIT_STARTUP_ERROR = 2
EXIT_ALREADY_OPEN = 3


@dataclass
class AppContext:
    """Everything the window needs, built once at start-up and closed at exit."""

    services: Services
    settings: QSettings

    @property
    def data_dir(self) -> Path:
        return self.services.data_dir

    def close(self) -> None:
        self.settings.sync()
        self.services.close()


def open_context(data_dir: Path, clock: Clock = system_clock) -> AppContext:
    """Open the database in ``data_dir`` and build the services. Raises FollowUpDeskError."""
    services = open_services(data_dir, clock)
    # Settings live beside the database so one data directory is one complete, portable
    # profile (and tests never touch the user's real settings).
    settings = QSettings(str(data_dir / SETTINGS_FILENAME), QSettings.Format.IniFormat)
    return AppContext(services=services, settings=settings)


def create_main_window(context: AppContext, zone: Callable[[], tzinfo] = local_zone) -> MainWindow:
    return MainWindow(context.services, context.settings, zone)


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(
        prog="followup-desk",
        description=f"{APP_NAME}: follow up with everyone who can affect your job search.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"folder for the database and settings (default: the user data folder; "
        f"also ${DATA_DIR_ENV})",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    # Whatever we do not know is left for Qt (-platform, -style, ...).
    return parser.parse_known_args(list(argv))


def report_startup_error(message: str) -> None:
    """Say why the app cannot start: on stderr for scripts and in a dialog for people."""
    if sys.stderr is not None:  # None in a windowed build on Windows
        print(f"followup-desk: {message}", file=sys.stderr)
    QMessageBox.critical(None, f"{APP_NAME} cannot start", message)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if any(arg in COMMANDS for arg in argv[1:]):  # maybe "due", "export", ...
        from desktop import cli

        if cli.first_command(argv[1:]) is not None:  # no window, no QApplication
            return cli.main(argv)
    args, qt_args = parse_args(argv[1:])
    app = QApplication.instance() or QApplication([argv[0] if argv else APP_ID, *qt_args])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    use_cache_dir(icon_cache_dir(__version__))
    app.setWindowIcon(themed_icon("fa6s.address-card"))

    configure_logging()
    install_excepthook()
    data_dir = resolve_data_dir(args.data_dir, os.environ)
    instance = SingleInstance(data_dir)
    with contextlib.suppress(OSError):  # an unwritable folder is reported just below
        data_dir.mkdir(parents=True, exist_ok=True)
    if data_dir.is_dir() and not instance.claim():
        if instance.ask_running_instance_to_activate():
            return 0  # the window already open on this folder came to the front
        report_startup_error(
            f"{APP_NAME} is already open on the data folder {data_dir}. "
            "Switch to that window, or close it and start again."
        )
        return EXIT_ALREADY_OPEN
    try:
        context = open_context(data_dir)
    except FollowUpDeskError as exc:
        instance.release()
        log.error("Could not open the data folder: %s", type(exc).__name__)
        report_startup_error(str(exc))
        return EXIT_STARTUP_ERROR
    log.info("Data folder opened: %d contacts", context.services.directory.total())
    try:
        window = create_main_window(context)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        instance.activation_requested.connect(window.bring_to_front)
        window.show()
        # Listening loads QtNetwork: after the first paint, not before it.
        QTimer.singleShot(0, instance.listen)
        window.ask_for_profile_if_new()
        code = app.exec()
        log.info("Closed normally")
        return code
    finally:
        context.close()
        instance.release()
