"""Composition root: command line -> data directory -> database -> services -> main window.

Start-up paints the window before it opens the database: the window's frame (menus,
toolbar, tabs) is shown first, and once it has been painted the database is opened, checked
and the panes are built on it (``MainWindow.attach``). So this module, and everything it
imports at its top, stays clear of Peewee, the domain's services and the panes: those load
after the first paint.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_ID, APP_NAME, COMMANDS, __version__
from desktop.domain.errors import DamagedDatabaseError, FollowUpDeskError
from desktop.domain.paths import DATA_DIR_ENV, SETTINGS_FILENAME, icon_cache_dir, resolve_data_dir
from desktop.logs import configure_logging, install_excepthook, log, log_unexpected
from desktop.ui.icons import use_cache_dir
from desktop.ui.main_window import MainWindow, system_zone
from desktop.ui.single_instance import SingleInstance
from desktop.ui.theme import remembered_theme, wear_theme
from desktop.ui.translations import TranslationContext, install_translators

if TYPE_CHECKING:
    from datetime import datetime, tzinfo

    from desktop.domain.backups import BackupInfo, BackupService
    from desktop.domain.clock import Clock
    from desktop.domain.services import Services

# Texts of the module's plain functions (see desktop.ui.translations).
AppText = TranslationContext("AppText")
EXIT_STARTUP_ERROR = 2
EXIT_ALREADY_OPEN = 3


class AppContext:
    """Everything the window needs, built once at start-up and closed at exit."""

    def __init__(self, services: Services, settings: QSettings) -> None:
        self.services = services
        self.settings = settings

    @property
    def data_dir(self) -> Path:
        return self.services.data_dir

    def close(self) -> None:
        self.settings.sync()
        self.services.close()


def _system_clock() -> datetime:
    """The current time (desktop.domain.clock, and datetime, load on first use)."""
    from desktop.domain.clock import system_clock

    return system_clock()


def open_settings(data_dir: Path) -> QSettings:
    """The window's settings. They live beside the database so one data directory is one
    complete, portable profile (and tests never touch the user's real settings)."""
    return QSettings(str(data_dir / SETTINGS_FILENAME), QSettings.Format.IniFormat)


def open_context(
    data_dir: Path,
    clock: Clock = _system_clock,
    *,
    daily_backup: bool = True,
    settings: QSettings | None = None,
) -> AppContext:
    """Open the database in ``data_dir`` and build the services. Raises FollowUpDeskError."""
    from desktop.domain.services import open_services

    services = open_services(data_dir, clock, daily_backup=daily_backup)
    return AppContext(services=services, settings=settings or open_settings(data_dir))


def use_preferred_theme(services: Services) -> None:
    """Wear the theme the preferences name (if the window does not already)."""
    wear_theme(services.preferences.load().theme)


def create_main_window(context: AppContext, zone: Callable[[], tzinfo] = system_zone) -> MainWindow:
    """The whole window at once (its frame and its panes) on an open database."""
    use_preferred_theme(context.services)  # before the window exists: built in its colours
    return MainWindow(context.services, context.settings, zone)


def _check_then_back_up(live: Path, backups: BackupService, now: datetime) -> str:
    """The whole-file check, then today's backup if due (on the background thread); the
    warning to show, or "". Raises DamagedDatabaseError, and then nothing was copied."""
    from desktop.domain.database import check_database_file

    try:
        check_database_file(live, live=True)
    except DamagedDatabaseError as exc:
        log.error("The whole-file check found the database damaged: %s", exc.reason)
        raise
    except FollowUpDeskError:
        # Unreadable, not damaged (a lock held too long): the next start checks again.
        log.warning("The whole-file check could not read the database")
    try:
        backups.daily_if_due(now)
    except FollowUpDeskError as exc:
        return str(exc)
    except Exception as exc:  # never lost silently: logged, and said in the window
        log_unexpected(type(exc), exc, exc.__traceback__)
        return AppText.tr("Today's backup could not be written (see the log).")
    return ""


def _newest_good_backup(data_dir: Path) -> BackupInfo | None:
    """The newest good backup, or None (also when the backups folder cannot be read)."""
    from desktop.domain.database import newest_good_backup

    try:
        return newest_good_backup(data_dir)
    except FollowUpDeskError:
        return None


class AfterNextPaint(QObject):
    """Calls ``callback`` once, when ``window`` (any widget) has next been painted, or after
    ``FALLBACK_MS`` if it has not by then (a window that starts minimized)."""

    FALLBACK_MS = 3000

    def __init__(self, window: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(window)
        self._window = window
        self._callback: Callable[[], object] | None = callback
        window.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Override of QObject.eventFilter."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # After this turn of the loop, so that the whole window is drawn first.
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self._window.removeEventFilter(self)
            callback()


class AppSession(QObject):
    """The services and the window on one data folder, for as long as the app runs.

    The window's frame is shown first (``show_frame``), before the database opens; ``open``
    then opens it and completes the window on it. A damaged database at start is dealt
    with here (restore the newest good backup, start empty, or quit, the damaged file kept
    aside untouched), and so is restoring a backup while the app runs: the window and
    services are closed, the database swapped, and both built again on it, without a
    restart.

    Start-up checks only the database's first page and schema (see
    ``check_database_opens``). Once the window has painted, a thread checks the whole file
    and then writes today's backup: a damaged database is told to the user, who is offered
    the newest good backup, and is never copied over the good daily copies.
    """

    # Emitted (from the background thread) with a warning to show, or "" when all went well.
    daily_backup_done = Signal(str)
    # Emitted (from the background thread) instead of daily_backup_done when the whole-file
    # check found damage: the DamagedDatabaseError and the newest good backup (or None).
    database_damaged = Signal(object, object)

    def __init__(
        self,
        data_dir: Path,
        clock: Clock = _system_clock,
        zone: Callable[[], tzinfo] = system_zone,
    ) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._clock = clock
        self._zone = zone
        self.settings = open_settings(data_dir)
        self.context: AppContext | None = None
        self.window: MainWindow | None = None
        self._backup_thread: threading.Thread | None = None
        self.daily_backup_done.connect(self._on_daily_backup_done)
        self.database_damaged.connect(self._on_database_damaged)

    def show_frame(self) -> MainWindow:
        """Show the window's frame, which needs no database (see MainWindow), in the theme
        the window wore when it last closed."""
        wear_theme(remembered_theme(self.settings))
        window = MainWindow(None, self.settings, self._zone)
        window.restore_requested.connect(self.restore)
        self.window = window
        window.show()
        return window

    def open(self) -> bool:
        """Open the database and complete the window on it (showing its frame first if
        ``show_frame`` has not); False if the user chose to quit. Raises
        FollowUpDeskError when the database cannot be opened at all."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        # The questions asked on the way (a damaged database) are windows too: closing the
        # last of them must not quit the app, which decides itself once this returns.
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)
        try:
            try:
                self._attach(self._open_context())
                return True
            except DamagedDatabaseError as exc:
                log.error("The database is damaged; asking what to do")
                recovered = self._recover(exc)
                if recovered is None:
                    return False
            self._attach(*recovered)
            return True
        finally:
            app.setQuitOnLastWindowClosed(quit_on_close)

    def _open_context(self) -> AppContext:
        return open_context(self._data_dir, self._clock, daily_backup=False, settings=self.settings)

    def _recover(self, error: DamagedDatabaseError) -> tuple[AppContext, str] | None:
        from desktop.domain.backups import restore_database
        from desktop.domain.database import newest_good_backup, set_aside_damaged
        from desktop.domain.errors import BackupError
        from desktop.ui.backup_dialogs import DamagedChoice, ask_what_to_do_with_damaged

        newest = newest_good_backup(self._data_dir)
        choice = ask_what_to_do_with_damaged(error, newest, self._zone())
        if choice is DamagedChoice.QUIT:
            return None
        if choice is DamagedChoice.RESTORE and newest is not None:
            try:
                # Sets the damaged file aside itself, once the copy is safely made.
                outcome = restore_database(self._data_dir, newest, self._clock)
            except BackupError as exc:
                log.error("Restoring at start failed: %s", type(exc).__name__)
                QtWidgets.QMessageBox.warning(
                    None,
                    self.tr("Backup not restored"),
                    self.tr("{reason}\n\nNothing was changed.").format(reason=exc),
                )
                return None
            kept = outcome.set_aside
            message = self.tr("Restored the backup {name}.").format(name=newest.path.name)
        else:
            kept = set_aside_damaged(error.path, self._clock())
            message = self.tr("Started with an empty database.")
        if kept is not None:
            message += " " + self.tr("The damaged file is kept as {name}.").format(name=kept.name)
        log.info("Recovered from a damaged database (%s)", choice.value)
        return self._open_context(), message

    def _attach(self, context: AppContext, message: str = "") -> None:
        """Complete the window on ``context`` (a new frame if there is none to complete).
        Raises DamagedDatabaseError (the context closed, the window gone) when the window
        read a damaged page, which the quick checks at start do not reach (damage further
        into the file is left to the check after the first paint, unless the window itself
        stumbles on it)."""
        import sqlite3

        import peewee

        from desktop.domain.database import check_database_file

        window = self.window
        if window is None or window.is_attached:
            window = self.show_frame()
        use_preferred_theme(context.services)
        try:
            window.attach(context.services)
        except (peewee.DatabaseError, sqlite3.DatabaseError):
            context.close()
            self.discard_window()
            check_database_file(Path(context.services.db.database))  # damage, or not ours
            raise
        self.context = context
        # Set here, not on the frame: naming a Qt.WidgetAttribute builds PySide's whole Qt
        # namespace (some 100 enums), which the first paint does not wait for.
        window.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        warning = context.services.backup_warning
        if warning:  # the daily copy failed: say so, the app still works
            message = f"{message} {warning}".strip()
        if message:
            window.statusBar().showMessage(message)
        # The whole-file check and today's backup, once the panes have been painted and on
        # a thread of their own: both read the whole database, and nobody should wait for
        # that to see their contacts (nor should they compete with that paint for the CPU).
        AfterNextPaint(window.left_tabs.currentWidget() or window, self._start_daily_backup)

    def discard_window(self) -> None:
        """Close the window without quitting the app (a start-up that went wrong)."""
        window, self.window = self.window, None
        if window is None:
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)
        try:
            window.close()
        finally:
            app.setQuitOnLastWindowClosed(quit_on_close)
        window.deleteLater()  # it may not be attached, so not deleted on close

    def _start_daily_backup(self) -> None:
        """Check the whole database, then write today's backup if it is due, on a thread."""
        context = self.context
        if context is None or self._backup_thread is not None:
            return
        services, now = context.services, self._clock()
        live, db, backups = Path(services.db.database), services.db, services.backups

        def work() -> None:
            warning, damage = "", None
            try:
                warning = _check_then_back_up(live, backups, now)
            except DamagedDatabaseError as exc:
                damage = exc
            finally:
                db.close()  # this thread's own connection (peewee keeps one per thread)
            if damage is not None:
                self.database_damaged.emit(damage, _newest_good_backup(self._data_dir))
            else:
                self.daily_backup_done.emit(warning)

        self._backup_thread = threading.Thread(target=work, name="daily-backup")
        self._backup_thread.start()

    def wait_for_backup(self) -> None:
        """Let a running daily backup finish (before the database is closed or replaced)."""
        if self._backup_thread is not None:
            self._backup_thread.join()
            self._backup_thread = None

    def _on_daily_backup_done(self, warning: str) -> None:
        if warning and self.window is not None:
            self.window.statusBar().showMessage(warning)
            log.error("Today's backup failed")

    def _on_database_damaged(self, error: DamagedDatabaseError, newest: BackupInfo | None) -> None:
        """The check after start found damage: say so, and restore the newest good backup
        if the user wants it (the window is rebuilt on it, no restart)."""
        from desktop.ui.damage_notice import DamageAction, damage_status_message, tell_about_damage

        window = self.window
        if window is None:
            return
        window.statusBar().showMessage(damage_status_message())
        action = tell_about_damage(window, error, newest, self._zone())
        log.info("Damage found after start: %s", action.value)
        if action is DamageAction.RESTORE and newest is not None and self.window is window:
            self.restore(newest.path)

    def bring_to_front(self) -> None:
        if self.window is not None:
            self.window.bring_to_front()

    def restore(self, source: Path) -> bool:
        """Replace the database with the backup ``source`` and reload; False if the user
        kept the window (unsaved edits) or the backup could not be restored."""
        from desktop.domain.backups import restore_database
        from desktop.domain.errors import BackupError

        window, context = self.window, self.context
        assert window is not None and context is not None
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)  # the window is rebuilt, the app goes on
        try:
            if not window.close():  # asks about unsaved edits; "Cancel" keeps everything
                return False
            self.window = None
            self.wait_for_backup()
            context.close()
            self.context = None
            try:
                outcome = restore_database(self._data_dir, source, self._clock)
            except BackupError as exc:
                log.error("A restore failed: %s", type(exc).__name__)
                QtWidgets.QMessageBox.warning(None, self.tr("Backup not restored"), str(exc))
                self._attach(self._open_context())
                return False
            kept = outcome.safety_copy or outcome.set_aside
            message = self.tr("Restored {name}.").format(name=source.name)
            if kept is not None:
                message += " " + self.tr("The database as it was is kept as {name}.").format(
                    name=kept.name
                )
            log.info("A backup was restored")
            self._attach(self._open_context(), message)
            return True
        finally:
            app.setQuitOnLastWindowClosed(quit_on_close)

    def close(self) -> None:
        self.wait_for_backup()
        if self.context is not None:
            self.context.close()
            self.context = None


def app_icon() -> QIcon:
    """The app's own icon (desktop/resources/icon, drawn from one SVG), at every size made."""
    icon = QIcon()
    folder = Path(__file__).with_name("resources") / "icon"
    for png in sorted(folder.glob("followup-desk-*.png")):
        icon.addFile(str(png))
    return icon


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
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this installation works (offscreen, on a temporary folder); exit 0",
    )
    # A smoke test of the window for installers and start-up benchmarks: open the real
    # window on the data folder, print "painted" once its frame has been painted,
    # "contacts" once the lists have, and "ready" once the whole window has, then quit.
    parser.add_argument("--quit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    # Whatever we do not know is left for Qt (-platform, -style, ...).
    return parser.parse_known_args(list(argv))


def _say(line: str) -> None:
    """A line for whoever is timing the smoke test (a windowed build on Windows has no
    standard output: its exit code says it all)."""
    if sys.stdout is not None:
        print(line, flush=True)


def _ready(window: MainWindow) -> None:
    """The smoke test's end: the whole window has been painted; say so and close it."""
    _say("ready")
    window.close()


def report_startup_error(message: str) -> None:
    """Say why the app cannot start: on stderr for scripts and in a dialog for people."""
    if sys.stderr is not None:  # None in a windowed build on Windows
        print(f"followup-desk: {message}", file=sys.stderr)
    QtWidgets.QMessageBox.critical(
        None, AppText.tr("{app} cannot start").format(app=APP_NAME), message
    )


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if "--self-test" in argv[1:]:  # an installer's check: no window, a temporary folder
        from desktop.self_test import run_self_test

        return run_self_test()
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
    # Before any widget exists; kept alive as long as the app (a translator is not owned).
    _translators = install_translators(app)
    use_cache_dir(icon_cache_dir(__version__))
    app.setWindowIcon(app_icon())

    install_excepthook()  # the log file itself is opened once the window is on screen
    data_dir = resolve_data_dir(args.data_dir, os.environ)
    instance = SingleInstance(data_dir)
    with contextlib.suppress(OSError):  # an unwritable folder is reported just below
        data_dir.mkdir(parents=True, exist_ok=True)
    if data_dir.is_dir() and not instance.claim():
        if instance.ask_running_instance_to_activate():
            return 0  # the window already open on this folder came to the front
        report_startup_error(
            AppText.tr(
                "{app} is already open on the data folder {folder}. "
                "Switch to that window, or close it and start again."
            ).format(app=APP_NAME, folder=data_dir)
        )
        return EXIT_ALREADY_OPEN
    session = AppSession(data_dir)
    started = False

    def open_database() -> None:
        """After the frame's first paint: open the database and complete the window."""
        nonlocal started
        if args.quit_after_first_paint:
            _say("painted")
        if not frame.isVisible():
            return  # closed before its database was opened: the app is ending
        configure_logging()
        try:
            opened = session.open()
        except FollowUpDeskError as exc:
            log.error("Could not open the data folder: %s", type(exc).__name__)
            session.discard_window()
            report_startup_error(str(exc))
            opened = False
        if not opened:  # the database is damaged and the user chose to quit, or it failed
            session.discard_window()
            app.exit(EXIT_STARTUP_ERROR)
            return
        started = True
        window, context = session.window, session.context
        assert window is not None and context is not None
        log.info("Data folder opened: %d contacts", context.services.directory.total())
        if args.quit_after_first_paint:
            AfterNextPaint(window.left_tabs.currentWidget() or window, lambda: _ready(window))
        else:
            window.ask_for_profile_if_new()

    try:
        frame = session.show_frame()
        if args.quit_after_first_paint:
            frame.lists_shown.connect(lambda: _say("contacts"))
        instance.activation_requested.connect(session.bring_to_front)
        # Listening loads QtNetwork (~10 ms): after the first paint, not before it (a timer
        # of 0 ms would fire before it), and after the database has opened: the watcher
        # installed last is told first.
        AfterNextPaint(frame, instance.listen)
        AfterNextPaint(frame, open_database)
        code = app.exec()
        if started:
            log.info("Closed normally")
        return code
    finally:
        session.close()
        instance.release()
