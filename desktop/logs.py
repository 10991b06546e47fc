"""The app's log: what happened and what went wrong, never who or what was written.

A job seeker's log file may be attached to a bug report, so it holds counts, ids, versions
and the places in the code where something failed: no names, emails, addresses or letter
text. Messages follow that rule by construction (``log`` calls pass ids and counts), and
unexpected exceptions are logged by type and traceback only, never by their message, which
may quote a card ("“dana@” is not a valid email address").

The file rotates (1 MB, three old files) in the platform's log folder, readable by the user
only. Nothing here needs Qt, so the command line logs the same way.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

import platformdirs

from desktop import APP_ID, __version__

LOG_FILENAME = "followup-desk.log"
_MAX_BYTES = 1_000_000
_KEEP = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("desktop")


def default_log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def _private_rotating_file_handler(path: Path) -> logging.Handler:
    """A rotating file whose every generation is created readable by its owner only."""
    # Imported here: logging.handlers brings socket, pickle and queue, some 8 ms of a start
    # that logs only once its window is on screen.
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        def _open(self):  # type: ignore[no-untyped-def]  # the stdlib's own signature
            stream = super()._open()
            if os.name == "posix":
                os.chmod(self.baseFilename, 0o600)
            return stream

    return PrivateRotatingFileHandler(
        path, maxBytes=_MAX_BYTES, backupCount=_KEEP, encoding="utf-8"
    )


def configure_logging(directory: Path | None = None) -> Path | None:
    """Log to ``directory`` (default: the platform's log folder); return the file, or None
    when the folder cannot be written (the app runs on without a log)."""
    directory = directory or default_log_dir()
    path = directory / LOG_FILENAME
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = _private_rotating_file_handler(path)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    for old in list(log.handlers):
        if isinstance(old, logging.FileHandler):
            log.removeHandler(old)
            old.close()
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    import platform

    log.info(
        "Follow-Up Desk %s starting: Python %s, %s",
        __version__,
        platform.python_version(),
        # Not platform.platform(): on Linux it reads the interpreter's binary for the C
        # library's version, some 7 ms of every start.
        f"{platform.system()} {platform.release()} {platform.machine()}",
    )
    return path


def log_unexpected(
    kind: type[BaseException], _value: BaseException, tb: TracebackType | None
) -> None:
    """Record an unexpected exception by type and where it happened, without its message."""
    where = "".join(traceback.format_tb(tb))
    log.error("Unexpected %s.%s\n%s", kind.__module__, kind.__qualname__, where)


def install_excepthook() -> None:
    """Unexpected exceptions go to the log (privately) as well as to stderr, as before."""
    previous = sys.excepthook
    if getattr(previous, "logs_privately", False):
        return

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log_unexpected(kind, value, tb)
        previous(kind, value, tb)

    hook.logs_privately = True  # type: ignore[attr-defined]
    sys.excepthook = hook
