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
    run_cli_many,
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
    commands = (["index"], ["search", "possession"], ["themes", "list"],
                ["annotate", "memos/possession-memo.txt", "--quote", "simple possession"])
    said = 0
    for args, done in zip(commands, run_cli_many(*(["-w", ws, *c] for c in commands),
                                                 home=user_home, timeout=HANG), strict=True):
        out = no_traceback(done)
        told = f"{state_file} is a named pipe (FIFO)" in out
        assert told or not done.returncode, (args, out)
        said += told
    assert said, "no command said what is wrong"
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
    pdf = make_fifo(tmp_path / "fifo.pdf")
    folder = tmp_path / "to-import"
    write(folder / "naloxone-article.txt", "Naloxone in every school. Sample text for tests.\n")
    make_fifo(folder / "stuck.txt")
    other = small_workspace(tmp_path / "other-ws")  # its additions must not count for ws
    imported, added_pdf, added_folder = run_cli_many(
        ["-w", ws, "annotations", "import", fifo], ["-w", ws, "add", pdf],
        ["-w", other, "add", folder], home=user_home, timeout=HANG)

    out = no_traceback(imported)
    assert imported.returncode == 1 and "named pipe (FIFO)" in out, out

    out = no_traceback(added_pdf)
    assert added_pdf.returncode == 1, out  # not a silent success
    assert "1 not copied: a named pipe (FIFO), not a document file\n    fifo.pdf" in out

    out = no_traceback(added_folder)
    assert added_folder.returncode == 0, out
    assert "1 not copied: a named pipe (FIFO), not a document file\n    to-import/stuck.txt" \
        in out
    assert (other / "to-import" / "naloxone-article.txt").is_file()
    assert not (other / "to-import" / "stuck.txt").exists()


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
    found, listed = run_cli_many(["-w", ws, "search", "zanzibarish OR root", "--no-update"],
                                 ["-w", ws, "docs", "--json"], home=user_home)
    assert "No " in found.stdout or "0 " in found.stdout, found.stdout
    assert "diary" not in found.stdout and "passwd" not in found.stdout
    assert "diary.txt" not in listed.stdout and "passwd.txt" not in listed.stdout


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
