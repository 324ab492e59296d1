"""Atomic writes and careful JSON reads."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.errors import ReaderError, StorageError
from reader.jsonio import atomic_write_bytes, atomic_write_json, read_json


def test_atomic_write_replaces_and_keeps_a_backup(tmp_path: Path) -> None:
    target = tmp_path / "a" / "file.json"
    atomic_write_json(target, {"v": 1})
    atomic_write_json(target, {"v": 2}, backup=True)
    assert read_json(target) == {"v": 2}
    assert read_json(target.with_name("file.json.bak")) == {"v": 1}
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_new_files_follow_the_umask_and_replacements_keep_their_mode(tmp_path: Path
                                                                     ) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "shared.json"
        atomic_write_bytes(target, b"{}")
        assert target.stat().st_mode & 0o777 == 0o644
        target.chmod(0o640)
        atomic_write_bytes(target, b"[]")
        assert target.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_a_failed_write_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "keep.json"
    target.write_text('{"old": true}')

    def boom(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(StorageError, match="No space left"):
        atomic_write_json(target, {"new": True})
    assert target.read_text() == '{"old": true}'
    assert [p.name for p in tmp_path.iterdir()] == ["keep.json"]


def test_writing_into_a_missing_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="Cannot write"):
        atomic_write_json(blocker / "sub" / "x.json", {})


@pytest.mark.parametrize(("data", "message"), [
    (b"", "not valid JSON"), (b"{", "not valid JSON"), (b"\xff\xfe\x00x", "not UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply|not valid JSON"),
])
def test_read_json_garbage(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "g.json"
    path.write_bytes(data)
    with pytest.raises(ReaderError, match=message):
        read_json(path)


def test_read_json_missing_and_too_large(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="does not exist"):
        read_json(tmp_path / "none.json")
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2048)
    with pytest.raises(ReaderError, match="too large"):
        read_json(big, max_bytes=1024)
