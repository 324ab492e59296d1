"""Desktop conventions without Qt: the workspace the window starts on, the recent workspaces,
the instance name and the hand-over message (garbage refused with a reason)."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
from pathlib import Path

import pytest

from reader.errors import UsageError
from reader.model.desktop import HandOver
from reader.ops.about import about_info, about_text, font_licences
from reader.ops.desktop import (
    MAX_RECENT,
    clear_recent_workspaces,
    decode_hand_over,
    encode_hand_over,
    instance_address,
    instance_name,
    knock,
    recent_workspaces,
    startup_workspace,
)
from reader.settings import Settings


def test_the_window_starts_on_the_last_workspace_if_it_is_still_there(
        tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    last, older = tmp_path / "last", tmp_path / "older"
    older.mkdir()
    assert startup_workspace(None, settings) is None  # nothing yet: the default workspace
    settings.add_recent_workspace(older)
    settings.add_recent_workspace(last)  # most recent, but its folder is gone
    assert startup_workspace(None, settings) is None
    last.mkdir()
    assert startup_workspace(None, settings) == str(last)
    assert startup_workspace(str(older), settings) == str(older)  # --workspace wins
    monkeypatch.setenv("POLICY_READER_WORKSPACE", str(older))
    assert startup_workspace(None, settings) is None  # the variable is resolved later


def test_recent_workspaces_flag_missing_folders_and_keep_eight(
        tmp_path: Path, settings: Settings) -> None:
    for i in range(10):
        (tmp_path / f"ws{i}").mkdir()
        settings.add_recent_workspace(tmp_path / f"ws{i}")
    (tmp_path / "ws9").rmdir()
    items = recent_workspaces(settings)
    assert len(items) == MAX_RECENT
    assert [i.name for i in items[:2]] == ["ws9", "ws8"]
    assert [i.exists for i in items[:2]] == [False, True]
    clear_recent_workspaces(settings)
    assert recent_workspaces(settings) == []


@pytest.mark.parametrize("saved", ["/a/path", {"a": 1}, [None, 3, "", "  ", "a\0b"], 42])
def test_garbage_in_the_saved_recent_list_gives_an_empty_list(
        user_home: Path, saved: object) -> None:
    path = user_home / "settings.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"recent_workspaces": saved}), "utf-8")
    settings = Settings(path)
    assert recent_workspaces(settings) == []
    assert startup_workspace(None, settings) is None


def test_instance_names_are_per_workspace_short_and_without_separators(
        tmp_path: Path) -> None:
    a, b = instance_name(str(tmp_path / "a")), instance_name(str(tmp_path / "b"))
    assert a != b
    assert a == instance_name(str(tmp_path / "x" / ".." / "a"))  # resolved first
    assert "/" not in a and "\\" not in a and len(a) < 60
    assert instance_name("bad\0name").startswith("policy-reader-")  # no crash


def test_a_hand_over_round_trips(tmp_path: Path) -> None:
    memo = tmp_path / "memo.md"
    memo.write_text("# A memo\n", "utf-8")
    data = encode_hand_over([str(memo), "3f2a"], page=4)
    assert data.endswith(b"\n") and data.count(b"\n") == 1
    assert decode_hand_over(data.strip()) == HandOver(files=(str(memo.resolve()), "3f2a"),
                                                      page="4")
    assert decode_hand_over(encode_hand_over([])) == HandOver()


@pytest.mark.parametrize("data", [
    b"", b"garbage", b"\xff\xfe", b"[]", b'{"files": ["a"]}', b'{"policy-reader": 2}',
    b'{"policy-reader": 1, "files": "a"}', b'{"policy-reader": 1, "files": [1]}',
    b'{"policy-reader": 1, "files": [""]}', b'{"policy-reader": 1, "files": ["a\\u0000"]}',
    b'{"policy-reader": 1, "page": 3}', b"x" * 300_000,
])
def test_a_message_that_is_not_a_hand_over_is_refused(data: bytes) -> None:
    with pytest.raises(UsageError):
        decode_hand_over(data)


def test_about_lists_versions_and_licences(tmp_path: Path) -> None:
    text = about_text(about_info())
    for name in ("Policy Reader 0.1.0", "Python", "whoosh-reloaded", "pdfminer.six", "lxml",
                 "reportlab", "SIL Open Font License 1.1", "Bitstream Vera Fonts licence",
                 "LICENSE-DejaVu.txt"):
        assert name in text
    assert "not installed" not in text.split("tesserocr")[0]
    # licence files that cannot be read or are unknown: named, not a crash
    (tmp_path / "LICENSE-Odd.txt").write_bytes(b"\xff\xfeOdd Sans, bundled for tests\n")
    (tmp_path / "LICENSE-Gone.txt").mkdir()
    fonts = font_licences(tmp_path)
    assert [f.licence for f in fonts] == ["see LICENSE-Odd.txt"]


def _serve_once(path: Path, answer: bytes | None) -> tuple[socket.socket, list[bytes]]:
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(1)
    got: list[bytes] = []

    def run() -> None:
        conn, _ = server.accept()
        with conn:
            got.append(conn.recv(4096))
            if answer is not None:
                conn.sendall(answer)
            else:  # a hung window: holds the line until the caller gives up
                conn.settimeout(5)
                with contextlib.suppress(OSError):
                    conn.recv(1)

    threading.Thread(target=run, daemon=True).start()
    return server, got


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets")
def test_knock_hands_over_or_says_why_not(tmp_path: Path) -> None:
    data = encode_hand_over(["memo.pdf"])
    assert knock(str(tmp_path / "nobody"), data) is None  # no socket at all
    stale = tmp_path / "stale"
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(str(stale))
    left.close()
    assert knock(str(stale), data) is None  # a crashed instance's socket: refused
    server, got = _serve_once(tmp_path / "live", b"ok\n")
    with server:
        assert knock(str(tmp_path / "live"), data) is True
    assert got == [data]
    server, _ = _serve_once(tmp_path / "error", b"error\n")
    with server:
        assert knock(str(tmp_path / "error"), data) is False
    server, _ = _serve_once(tmp_path / "hung", None)
    with server:
        assert knock(str(tmp_path / "hung"), data, timeout=0.3) is False


def test_the_address_is_in_the_temporary_folder(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    name = instance_name(str(tmp_path / "ws"))
    assert instance_address(name) == str(tmp_path / name)
    monkeypatch.delenv("TMPDIR")
    assert instance_address(name) == f"/tmp/{name}"
