"""Named pipes, sockets and devices are never opened, wherever they turn up (the workspace,
the state files, the settings, annotation files, imports); links that leave the workspace
are not followed. Each case is reported with a reason; no command hangs."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reader import safe_files
from reader.annotations.files import read_file
from reader.documents.scan import scan_workspace
from reader.errors import ReaderError, SpecialFile
from reader.jsonio import read_json
from reader.workspace import Workspace
from tests.faults.files_helpers import (
    make_fifo,
    no_traceback,
    run_cli,
    small_workspace,
    unix_socket,
    write,
)

HANG = 30  # seconds: a command that takes this long on a two-document workspace is stuck


@pytest.mark.parametrize("state_file", ["documents.json", "themes.json"])
def test_a_pipe_in_place_of_a_state_file_hangs_no_command(tmp_path: Path, user_home: Path,
                                                          state_file: str) -> None:
    ws = small_workspace(tmp_path / "ws")
    make_fifo(ws / ".policy-reader" / state_file)
    for args in (["index"], ["search", "possession"], ["themes", "list"],
                 ["annotate", "memos/possession-memo.txt", "--quote", "simple possession"]):
        done = run_cli("-w", ws, *args, home=user_home, timeout=HANG)
        out = no_traceback(done)
        if done.returncode:
            assert f"{state_file} is a named pipe (FIFO)" in out, (args, out)
    assert stat.S_ISFIFO(os.lstat(ws / ".policy-reader" / state_file).st_mode)  # untouched


def test_a_pipe_in_place_of_the_settings_or_an_annotation_file_hangs_nothing(
        tmp_path: Path, user_home: Path) -> None:
    ws = small_workspace(tmp_path / "ws")
    make_fifo(user_home / "config" / "settings.json")
    make_fifo(ws / ".policy-reader" / "annotations" / "0123456789abcdef.json")
    done = run_cli("-w", ws, "annotations", "list", home=user_home, timeout=HANG)
    no_traceback(done)
    assert done.returncode == 0, done.stderr


def test_importing_a_pipe_is_refused_at_once(tmp_path: Path, user_home: Path) -> None:
    ws = small_workspace(tmp_path / "ws")
    fifo = make_fifo(tmp_path / "colleague.json")
    done = run_cli("-w", ws, "annotations", "import", fifo, home=user_home, timeout=HANG)
    out = no_traceback(done)
    assert done.returncode == 1 and "named pipe (FIFO)" in out, out

    pdf = make_fifo(tmp_path / "fifo.pdf")
    done = run_cli("-w", ws, "add", pdf, home=user_home, timeout=HANG)
    out = no_traceback(done)
    assert done.returncode == 1, out  # not a silent success
    assert "fifo.pdf: a named pipe (FIFO), not a document file" in out

    folder = tmp_path / "to-import"
    write(folder / "naloxone-article.txt", "Naloxone in every school. Sample text for tests.\n")
    make_fifo(folder / "stuck.txt")
    done = run_cli("-w", ws, "add", folder, home=user_home, timeout=HANG)
    out = no_traceback(done)
    assert done.returncode == 0, out
    assert "stuck.txt: a named pipe (FIFO), not a document file; skipped" in out
    assert (ws / "to-import" / "naloxone-article.txt").is_file()
    assert not (ws / "to-import" / "stuck.txt").exists()


def test_links_leaving_the_workspace_are_not_followed(tmp_path: Path,
                                                      user_home: Path) -> None:
    ws = small_workspace(tmp_path / "ws")
    secret = write(tmp_path / "private" / "diary.txt", "Zanzibarish private words.\n")
    os.symlink(secret, ws / "diary.txt")
    os.symlink("/etc/passwd", ws / "passwd.txt")
    os.symlink(ws / "memos" / "possession-memo.txt", ws / "memo-link.txt")  # stays inside
    done = run_cli("-w", ws, "index", home=user_home, timeout=HANG)
    out = no_traceback(done)
    assert "diary.txt: a link to a file outside the workspace, not followed" in out
    assert "passwd.txt: a link to a file outside the workspace, not followed" in out
    found = run_cli("-w", ws, "search", "zanzibarish OR root", "--no-update", home=user_home)
    assert "No " in found.stdout or "0 " in found.stdout, found.stdout
    assert "diary" not in found.stdout and "passwd" not in found.stdout
    docs = run_cli("-w", ws, "docs", "--json", home=user_home).stdout
    assert "diary.txt" not in docs and "passwd.txt" not in docs


def test_the_scan_names_every_special_file(tmp_path: Path) -> None:
    ws = small_workspace(tmp_path / "w")
    make_fifo(ws / "pipe.pdf")
    os.mkdir(ws / "folder.txt")  # a folder with a document's name is simply a folder
    with unix_socket(ws / "sock.html"):
        reasons = scan_workspace(ws).skipped
    assert "pipe.pdf: a named pipe (FIFO), not a document file; skipped" in reasons
    assert "sock.html: a socket, not a document file; skipped" in reasons
    os.symlink("/dev/null", ws / "null.txt")
    assert "null.txt: a link to a file outside the workspace, not followed; skipped" \
        in scan_workspace(ws).skipped
    assert sorted(scan_workspace(ws).files) == ["memos/possession-memo.txt",
                                                "statutes/good-samaritan.txt"]


def test_a_device_inside_the_workspace_is_not_opened(tmp_path: Path) -> None:
    ws = small_workspace(tmp_path / "w")
    try:
        os.mknod(ws / "zero.txt", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # like /dev/zero
    except (OSError, AttributeError) as exc:
        pytest.skip(f"cannot make a device file here: {exc}")
    assert "zero.txt: a device, not a document file; skipped" in scan_workspace(ws).skipped
    changes = Workspace.open(ws).library().update()
    assert any("zero.txt" in p for p in changes.problems)


@pytest.mark.parametrize("kind", ["fifo", "socket", "folder", "device"])
def test_the_safe_reader_refuses_anything_but_a_regular_file(tmp_path: Path,
                                                             kind: str) -> None:
    path = tmp_path / "s"
    if kind == "fifo":
        make_fifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path = Path("/dev/zero")
        if not path.exists():
            pytest.skip("no /dev/zero here")
    if kind == "socket":
        with unix_socket(path), pytest.raises(SpecialFile, match="socket"):
            safe_files.read_bytes(path)
        return
    with pytest.raises(SpecialFile, match="not a regular file"):
        safe_files.read_bytes(path, max_bytes=10)
    with pytest.raises(ReaderError):
        read_json(path)
    fr = read_file(path, "someone", False)
    assert fr.damaged and "not a regular file" in fr.problems[0]


def test_the_safe_reader_caps_size_and_checks_the_opened_file(tmp_path: Path,
                                                              monkeypatch) -> None:
    big = tmp_path / "big.json"
    big.write_bytes(b"[" + b"1," * 100 + b"1]")
    with pytest.raises(ReaderError, match="too large"):
        safe_files.read_bytes(big, max_bytes=50, what="theme list")
    assert safe_files.read_bytes(big, max_bytes=1000).startswith(b"[1,")
    # swapped for a pipe between the check and the open: the opened descriptor is checked
    fifo = make_fifo(tmp_path / "later")
    monkeypatch.setattr(safe_files, "check_regular", lambda p: os.stat(big))
    with pytest.raises(SpecialFile, match="named pipe"):
        safe_files.read_bytes(fifo)
