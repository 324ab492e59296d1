"""Desktop conventions without Qt: which workspace the app starts on, the recent workspaces
as the File menu lists them, the name a running window listens under (one window per
workspace) and the message a second launch sends it.

The socket itself is Qt's (:mod:`reader.ui.single_instance`); what goes over it is decided
here, and a message that is not one of ours (another program, a damaged write) is refused
with a reason, never acted on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
from pathlib import Path

from reader.errors import UsageError
from reader.model.desktop import HandOver, RecentWorkspace
from reader.paths import WORKSPACE_ENV, resolve_workspace
from reader.settings import Settings

log = logging.getLogger(__name__)

RECENT_KEY = "recent_workspaces"
MAX_RECENT = 8
#: A hand-over is a few paths: anything longer is not one of ours.
MAX_MESSAGE_BYTES = 256 * 1024
MAX_FILES = 200
PROTOCOL = 1


def startup_workspace(explicit: str | None, settings: Settings) -> str | None:
    """The workspace the window opens on: ``--workspace``, else ``$POLICY_READER_WORKSPACE``,
    else the last workspace opened if its folder is still there, else ``None`` (the default
    workspace). The CLI's commands do not follow the last workspace: only the window does."""
    if explicit or os.environ.get(WORKSPACE_ENV):
        return explicit
    for item in recent_workspaces(settings)[:1]:
        if item.exists:
            return item.path
    return None


def recent_workspaces(settings: Settings) -> list[RecentWorkspace]:
    """The workspaces opened lately, most recent first (at most :data:`MAX_RECENT`); one
    whose folder is gone is listed with ``exists=False``. A damaged setting gives ``[]``."""
    out: list[RecentWorkspace] = []
    for path in settings.recent_workspaces()[:MAX_RECENT]:
        if not path.strip() or "\0" in path:
            continue
        try:
            exists = Path(path).is_dir()
        except (OSError, ValueError):
            exists = False
        out.append(RecentWorkspace(path=path, name=Path(path).name or path, exists=exists))
    return out


def clear_recent_workspaces(settings: Settings) -> None:
    """Forget the recent workspaces (``StorageError`` if the settings cannot be written)."""
    settings.set(RECENT_KEY, [])


def instance_name(workspace: str | None) -> str:
    """The local-socket name of the window running on ``workspace`` (resolved as the window
    resolves it: ``None`` is ``$POLICY_READER_WORKSPACE`` or the default workspace). Short,
    without path separators, and per user: two people on one computer never meet."""
    try:
        root = str(resolve_workspace(workspace))
    except (OSError, ValueError):  # a NUL character, a loop of links: the window says why
        root = str(workspace)
    getuid = getattr(os, "getuid", None)  # (getpass costs start-up time)
    user = str(getuid()) if getuid is not None else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{user}\0{root}".encode("utf-8", "surrogatepass")).hexdigest()
    return f"policy-reader-{digest[:24]}"


def instance_address(name: str) -> str:
    """Where the window named ``name`` listens: on Linux and macOS a Unix socket in the
    temporary folder (a full path, so this module can reach it without Qt); elsewhere (a
    named pipe on Windows) the name itself, which Qt places."""
    if os.name != "posix":
        return name
    return str(Path(os.environ.get("TMPDIR") or "/tmp") / name)


def knock(address: str, data: bytes, timeout: float = 1.5) -> bool | None:
    """Send ``data`` to the window listening at ``address`` (a Unix socket path) and wait for
    its answer: True when it took the request, False when it did not answer (a hung window),
    None when no one listens there (nothing, or a socket a crashed instance left)."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        try:
            sock.connect(address)
        except OSError:  # not there, refused (stale), a path too long: no one to hand to
            return None
        try:
            sock.sendall(data)
            reply = b""
            while b"\n" not in reply and len(reply) < 64:
                chunk = sock.recv(64)
                if not chunk:
                    break
                reply += chunk
        except OSError as exc:  # (socket.timeout is an OSError)
            log.warning("the window running on this workspace did not answer: %s", exc)
            return False
        return reply.startswith(b"ok")
    finally:
        sock.close()


def encode_hand_over(files: list[str], page: str | int | None = None) -> bytes:
    """The one line a second launch sends: the files as absolute paths (a bare document id
    is kept as it is) and the page."""
    absolute = []
    for ref in files[:MAX_FILES]:
        path = Path(ref).expanduser()
        absolute.append(str(path.resolve()) if path.exists() else ref)
    message = {"policy-reader": PROTOCOL, "files": absolute,
               "page": "" if page is None else str(page)}
    return json.dumps(message, ensure_ascii=True).encode("ascii") + b"\n"


def decode_hand_over(data: bytes) -> HandOver:
    """The request in ``data``; ``UsageError`` saying what is wrong when it is not one."""
    if len(data) > MAX_MESSAGE_BYTES:
        raise UsageError(f"The message is too long ({len(data):,} bytes).")
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"The message is not JSON: {exc}.") from exc
    if not isinstance(message, dict) or message.get("policy-reader") != PROTOCOL:
        raise UsageError("The message is not a Policy Reader hand-over.")
    files, page = message.get("files", []), message.get("page", "")
    if not isinstance(files, list) or not all(isinstance(f, str) and f and "\0" not in f
                                              for f in files):
        raise UsageError("The message's files are not a list of paths.")
    if not isinstance(page, str):
        raise UsageError("The message's page is not text.")
    return HandOver(files=tuple(files[:MAX_FILES]), page=page[:40])
