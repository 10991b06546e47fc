"""One running app per data folder: a second launch brings the first window forward.

Two processes writing one SQLite file through two windows would each show the other's
changes late, or not at all, and a restore in one would pull the file out from under the
other. So the first launch takes a lock file in the data folder (QLockFile: a lock left by a
crashed process is detected by its process id and taken over) and listens on a local socket
named after the folder; a second launch finds the lock taken, asks the first to come to the
front over that socket, and exits without opening the database.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

LOCK_FILENAME = "followup-desk.lock"
_ACTIVATE = b"activate\n"
_TIMEOUT_MS = 1000
# The first app listens only once its window is up (QtNetwork costs ~20 ms to load), so a
# second launch in that moment keeps trying for a while.
_CONNECT_FOR_S = 3.0


def server_name(data_dir: Path) -> str:
    """A local socket name for this user and folder (the same folder, the same name)."""
    import hashlib  # here: only once the window is up, or for a second launch

    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"FollowUpDesk-{digest}"


class SingleInstance(QObject):
    """Emits ``activation_requested`` when another launch on the same folder asked."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._lock = QLockFile(str(data_dir / LOCK_FILENAME))
        # Only a dead owner makes a lock stale, never its age: the app may run for weeks.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def _name(self) -> str:
        return server_name(self._data_dir)

    def claim(self) -> bool:
        """Take the folder for this process; False if another running app holds it."""
        return bool(self._lock.tryLock(_TIMEOUT_MS))

    def listen(self) -> bool:
        """Start answering later launches (after ``claim``); False if the socket failed."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(self._name())  # a socket file left by a crash: ours now
        if not server.listen(self._name()):
            # Without the socket the lock still keeps a second window out; it just cannot
            # bring this one forward.
            return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def ask_running_instance_to_activate(self) -> bool:
        """Tell the app that holds the folder to show its window; False if it cannot hear."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        deadline = time.monotonic() + _CONNECT_FOR_S
        while True:
            socket.connectToServer(self._name())
            if socket.waitForConnected(_TIMEOUT_MS):
                break
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)  # not listening yet: the first app is still painting
        socket.write(_ACTIVATE)
        sent = socket.waitForBytesWritten(_TIMEOUT_MS)
        socket.disconnectFromServer()
        return sent

    def release(self) -> None:
        if self._server is not None:
            self._server.newConnection.disconnect(self._on_connection)
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # Read now: a launch writes one short line and hangs up at once.
            socket.waitForReadyRead(_TIMEOUT_MS)
            message = bytes(socket.readAll().data())
            socket.disconnectFromServer()
            socket.deleteLater()
            if message.startswith(_ACTIVATE.strip()):
                self.activation_requested.emit()
