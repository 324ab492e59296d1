"""One window per workspace: a second launch on the same workspace hands its files to the
window already running there (which opens them and comes to the front) and exits.

The running window listens on a local socket (a Unix socket in the temporary folder, a named
pipe on Windows) named after its workspace and its user (:func:`reader.ops.desktop.
instance_name`); it listens under the new name when another workspace is opened. A launch
first tries to reach that name: when someone answers, it sends one line
(:func:`reader.ops.desktop.encode_hand_over`), waits for ``ok`` and exits (on Linux and macOS
through Python's own Unix socket, :func:`reader.ops.desktop.knock`: Qt's network module is
loaded only once the window is on screen, when it starts listening). When no one
answers, a socket left by an instance that crashed is removed and this launch listens.
"""

from __future__ import annotations

import logging
import os
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from reader.errors import UsageError
from reader.model.desktop import HandOver
from reader.ops.desktop import (
    MAX_MESSAGE_BYTES,
    decode_hand_over,
    encode_hand_over,
    instance_address,
    instance_name,
    knock,
)

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

    from reader.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)
CONNECT_MS = 1500
REPLY_MS = 5000


class Reach(Enum):
    HANDED = "handed"  # a running window took the files
    ABSENT = "absent"  # no one listens (or only a stale socket is left)
    SILENT = "silent"  # someone listens but did not answer (a hung window)


def hand_over(name: str, files: list[str], page: str | int | None = None, *,
              timeout_ms: int = CONNECT_MS) -> Reach:
    """Try to give ``files`` to the window listening as ``name`` (blocking, short). On
    Linux and macOS without Qt's network module (start-up stays quick)."""
    if os.name == "posix":
        took = knock(instance_address(name), encode_hand_over(files, page), timeout_ms / 1000)
        return Reach.ABSENT if took is None else Reach.HANDED if took else Reach.SILENT
    from PySide6.QtNetwork import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(instance_address(name))
    if not sock.waitForConnected(timeout_ms):
        return Reach.ABSENT
    sock.write(encode_hand_over(files, page))
    reply = b""
    if sock.waitForBytesWritten(REPLY_MS):
        while b"\n" not in reply and sock.waitForReadyRead(REPLY_MS):
            reply += bytes(sock.readAll().data())
    sock.disconnectFromServer()
    if reply.startswith(b"ok"):
        return Reach.HANDED
    log.warning("the window running on this workspace did not take the files (%r)",
                reply[:80])
    return Reach.SILENT


def _answers(name: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(instance_address(name))
    connected = sock.waitForConnected(300)
    sock.abort()
    return connected


class InstanceServer(QObject):
    """Listens for second launches; :attr:`received` carries each :class:`HandOver`."""

    received = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer  # loaded once the window is on screen

        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        self.name = ""

    def listen(self, name: str) -> bool:
        """Listen as ``name``, taking over a stale socket; False when another live window
        holds the name (two launches at once: the first one serves)."""
        if name == self.name and self.server.isListening():
            return True
        self.server.close()
        self.name = ""
        if _answers(name):  # (Qt would replace a live server's socket file without a word)
            log.info("another window already listens as %s", name)
            return False
        address = instance_address(name)
        self.server.removeServer(address)  # a socket left by an instance that crashed
        if not self.server.listen(address):
            log.warning("cannot listen as %s: %s", name, self.server.errorString())
            return False
        self.name = name
        log.info("listening for second launches at %s", address)
        return True

    def close(self) -> None:
        self.server.close()
        self.name = ""

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            if sock is None:
                return
            buffer = bytearray()
            sock.readyRead.connect(lambda s=sock, b=buffer: self._read(s, b))
            sock.disconnected.connect(sock.deleteLater)
            if sock.bytesAvailable():
                self._read(sock, buffer)

    def _read(self, sock: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(sock.readAll().data())
        if b"\n" not in buffer and len(buffer) <= MAX_MESSAGE_BYTES:
            return  # more to come
        line = bytes(buffer).split(b"\n", 1)[0]
        buffer.clear()
        try:
            request = decode_hand_over(line)
        except UsageError as exc:
            log.warning("ignoring a message on the instance socket: %s", exc)
            sock.write(b"error\n")
            sock.flush()
            sock.disconnectFromServer()
            return
        sock.write(b"ok\n")
        sock.flush()
        sock.disconnectFromServer()
        self.received.emit(request)


def attach(window: MainWindow) -> InstanceServer:
    """Make ``window`` the one window of its workspace: it listens under its workspace's
    name (and the next one's when another is opened) and opens what second launches send."""
    server = InstanceServer(window)

    def follow(ws: Any) -> None:
        server.listen(instance_name(str(ws.root)))

    if window.session.workspace is not None:
        follow(window.session.workspace)
    window.session.workspace_changed.connect(follow)
    server.received.connect(lambda request: receive(window, request))
    return server


def receive(window: MainWindow, request: HandOver) -> None:
    """Open what a second launch sent (a file from outside the workspace is imported first,
    as File → Open does) and bring the window to the front."""
    log.info("a second launch handed over %d file(s)", len(request.files))
    for i, ref in enumerate(request.files):
        window.open_ref(ref, (request.page or None) if i == 0 else None)
    bring_to_front(window)


def bring_to_front(window: MainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
