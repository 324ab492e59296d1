"""The suite's network guard (tests/netguard.py, installed for every test by conftest):
connections to other machines fail the test before any packet is sent; local sockets
(loopback, AF_UNIX, multiprocessing's pipes) keep working."""

from __future__ import annotations

import multiprocessing
import socket
import subprocess
import sys
import threading
from typing import Any

import pytest

from tests import netguard


@pytest.mark.parametrize(("address", "local"), [
    (("127.0.0.1", 80), True), (("127.8.9.10", 1), True), (("::1", 80, 0, 0), True),
    (("localhost", 8080), True), (("LOCALHOST", 1), True), ((None,), True), (("",), True),
    ("/tmp/some.sock", True), (b"\0abstract", True),
    (("192.0.2.1", 80), False), (("10.0.0.1", 80), False), (("8.8.8.8", 53), False),
    (("example.org", 443), False), (("2001:db8::1", 80, 0, 0), False), ((), False),
])
def test_what_counts_as_this_machine(address: Any, local: bool) -> None:
    assert netguard.is_local(address) is local


def test_a_connection_elsewhere_fails_before_reaching_the_socket(
        monkeypatch: pytest.MonkeyPatch) -> None:
    reached: list[Any] = []
    # the real calls are replaced by recorders: nothing can leave even if the guard broke
    monkeypatch.setattr(netguard, "_real_connect", lambda s, a: reached.append(a))
    monkeypatch.setattr(netguard, "_real_create_connection", lambda a, *x, **k: reached.append(a))
    monkeypatch.setattr(netguard, "_real_getaddrinfo", lambda h, *x, **k: reached.append(h))
    monkeypatch.setattr(netguard, "_real_sendto", lambda s, d, *a: reached.append(a[-1]))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        with pytest.raises(netguard.NetworkUsed, match=r"192\.0\.2\.1"):
            s.connect(("192.0.2.1", 80))
        s.connect(("127.0.0.1", 9))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u, \
            pytest.raises(netguard.NetworkUsed):
        u.sendto(b"x", ("192.0.2.1", 53))
    with pytest.raises(netguard.NetworkUsed, match=r"example\.org"):
        socket.create_connection(("example.org", 443))
    with pytest.raises(netguard.NetworkUsed, match=r"example\.org"):
        socket.getaddrinfo("example.org", 443)
    socket.getaddrinfo("localhost", 80)
    assert reached == [("127.0.0.1", 9), "localhost"]


def test_loopback_unix_sockets_and_multiprocessing_pipes_work() -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        accepted: list[bytes] = []

        def serve() -> None:
            conn, _addr = server.accept()
            with conn:
                accepted.append(conn.recv(10))

        t = threading.Thread(target=serve)
        t.start()
        with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
            c.sendall(b"hello")
        t.join(5)
    assert accepted == [b"hello"]
    a, b = socket.socketpair()
    with a, b:
        a.sendall(b"unix")
        assert b.recv(10) == b"unix"
    left, right = multiprocessing.get_context("spawn").Pipe(duplex=True)
    left.send({"job": 1})
    assert right.recv() == {"job": 1}
    left.close()
    right.close()


def test_processes_the_tests_start_have_the_guard_too() -> None:
    """The CLI in tests/e2e, extraction workers …: tests/netguard_site/sitecustomize.py."""
    code = ("import socket; print(socket.socket.connect.__name__, "
            "socket.create_connection.__name__, socket.getaddrinfo.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["_guarded_connect", "_guarded_create_connection",
                                  "_guarded_getaddrinfo"]
