"""No network in tests: an opened connection to anything but this machine fails the test.

Installed for every test by ``tests/conftest.py``, and in every Python process the tests
start (the CLI in tests/e2e, extraction workers): ``tests/netguard_site/sitecustomize.py``,
on the ``PYTHONPATH`` the conftest sets. Local sockets keep working: ``AF_UNIX``
(multiprocessing's pipes, socketpairs) and loopback addresses (127.0.0.0/8, ::1,
``localhost``). Name lookups of other hosts fail too, before any packet is sent.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pytest

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_sendto = socket.socket.sendto
_real_create_connection = socket.create_connection
_real_getaddrinfo = socket.getaddrinfo


class NetworkUsed(AssertionError):
    """A test tried to reach another machine."""


def is_local(address: Any) -> bool:
    """True for a Unix socket's path, or a socket address whose host is this machine
    (loopback, ``localhost``; ``None`` or ``""`` mean this machine to a resolver)."""
    if isinstance(address, (str, bytes)):
        return True  # only AF_UNIX sockets take a path
    if not isinstance(address, tuple) or not address:
        return False
    host = address[0]
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host in (None, "") or str(host).lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False  # another machine's name


def _refuse(what: str, address: Any) -> NetworkUsed:
    return NetworkUsed(f"a test tried to use the network: {what} {address!r}")


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if self.family != socket.AF_UNIX and not is_local(address):
        raise _refuse("connect to", address)
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> Any:
    if self.family != socket.AF_UNIX and not is_local(address):
        raise _refuse("connect to", address)
    return _real_connect_ex(self, address)


def _guarded_sendto(self: socket.socket, data: Any, *args: Any) -> Any:
    address = args[-1]
    if self.family != socket.AF_UNIX and not is_local(address):
        raise _refuse("send to", address)
    return _real_sendto(self, data, *args)


def _guarded_create_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
    if not is_local(address):
        raise _refuse("connect to", address)
    return _real_create_connection(address, *args, **kwargs)


def _guarded_getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    if not is_local((host,)):
        raise _refuse("look up", host)
    return _real_getaddrinfo(host, *args, **kwargs)


GUARDS = ((socket.socket, "connect", _guarded_connect),
          (socket.socket, "connect_ex", _guarded_connect_ex),
          (socket.socket, "sendto", _guarded_sendto),
          (socket, "create_connection", _guarded_create_connection),
          (socket, "getaddrinfo", _guarded_getaddrinfo))


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    """For one test (undone after it)."""
    for owner, name, guard in GUARDS:
        monkeypatch.setattr(owner, name, guard)


def install_for_process() -> None:
    """For the whole of a process the tests started (see netguard_site/)."""
    for owner, name, guard in GUARDS:
        setattr(owner, name, guard)
