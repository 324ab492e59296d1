"""A full disk and read-only folders, on real small filesystems (tmpfs; skipped with the
reason where mounting is not permitted): every command ends with at most one plain line
(no traceback, no logging stacks), nothing is left half-written, the search index stays
usable."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from reader.errors import StorageError
from reader.jsonio import atomic_write_json
from reader.log import QuietFileHandler
from tests.faults.files_helpers import (
    fill_disk,
    no_traceback,
    remount_read_only,
    run_cli,
    run_cli_many,
    small_workspace,
    tmpfs,
    write,
)

NEW_DOC = "Fentanyl test strip distribution program. Sample text for tests.\n"


def one_line_or_success(done, what: str) -> None:  # type: ignore[no-untyped-def]
    out = no_traceback(done)
    if done.returncode:
        errors = [line for line in done.stderr.splitlines() if line.startswith("policy-reader:")]
        assert errors, f"{what}: failed without saying why:\n{out}"


def test_a_full_disk_under_the_user_folders_gives_plain_errors(tmp_path: Path) -> None:
    ws = small_workspace(tmp_path / "ws")
    with tmpfs(tmp_path / "home", 6 * 1024) as home:
        for args in (["index"], ["annotate", "memos/possession-memo.txt", "--quote",
                                 "simple possession"]):  # while there is room
            first = run_cli("-w", ws, *args, home=home)
            assert first.returncode == 0, first.stderr
        filler = fill_disk(home)
        write(ws / "articles" / "test-strips.txt", NEW_DOC)  # needs the cache and the index

        index = run_cli("-w", ws, "index", home=home)
        one_line_or_success(index, "index")
        assert index.returncode == 1
        assert "No space left on device" in index.stderr and "search index" in index.stderr

        search = run_cli("-w", ws, "search", "possession", home=home)
        one_line_or_success(search, "search")
        assert search.returncode == 0 and "possession" in search.stdout.lower()

        commands = (["docs"], ["annotations", "list"], ["themes", "list"],
                    ["annotate", "statutes/good-samaritan.txt", "--quote", "medical help"],
                    ["brief", "--out", str(tmp_path / "brief.md")])
        for args, done in zip(commands, run_cli_many(*(["-w", ws, *c] for c in commands),
                                                     home=home), strict=True):
            one_line_or_success(done, " ".join(args))

        filler.unlink()  # room again: everything catches up, the index was left usable
        again = run_cli("-w", ws, "search", "fentanyl", home=home)
        no_traceback(again)
        assert "test strip" in again.stdout.lower(), again.stdout + again.stderr


def test_a_backup_is_never_half_written_on_a_nearly_full_disk(tmp_path: Path) -> None:
    """Room for the new file but not for a copy of the old one: the old '.bak' copy was
    cut short (invalid JSON) while the save said it succeeded."""
    with tmpfs(tmp_path / "small", 256) as disk:
        path = disk / "alex.json"
        old = {"items": ["old highlight " * 200]}  # about 3 KB: one 4 KB page
        atomic_write_json(path, old)
        filler = fill_disk(disk, leave=4096)  # one page left: the new file, not a copy
        new = {"items": ["new highlight " * 200]}
        try:
            atomic_write_json(path, new, backup=True)
        except StorageError:
            assert json.loads(path.read_text("utf-8")) == old  # nothing changed
        else:
            assert json.loads(path.read_text("utf-8")) == new
        bak = disk / "alex.json.bak"
        if bak.exists():
            assert json.loads(bak.read_text("utf-8")) == old  # whole, never truncated
        assert not [p for p in disk.iterdir() if p.name.endswith(".tmp")]
        filler.unlink()


def test_logging_goes_quiet_when_it_cannot_write(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "logs", 64) as disk:
        handler = QuietFileHandler(disk / "policy-reader.log")
        record = __import__("logging").makeLogRecord({"msg": "x" * 4000, "levelno": 30,
                                                       "levelname": "WARNING"})
        fill_disk(disk)
        for _ in range(40):
            handler.emit(record)  # would print '--- Logging error ---' stacks
            handler.flush()
        handler.close()
        assert handler.dropped >= 1


def test_a_read_only_workspace_gives_plain_errors_and_keeps_reading(
        tmp_path: Path, user_home: Path) -> None:
    with tmpfs(tmp_path / "ws", 2048) as ws:
        small_workspace(ws)
        assert run_cli("-w", ws, "index", home=user_home).returncode == 0
        remount_read_only(ws)
        outside = write(tmp_path / "new.txt", NEW_DOC)
        expected = ((["search", "possession"], True), (["docs"], True),
                    (["annotate", "memos/possession-memo.txt", "--quote", "simple possession"],
                     False), (["themes", "add", "Test strips"], False),
                    (["add", str(outside)], False))
        results = run_cli_many(*(["-w", ws, *args] for args, _ in expected), home=user_home)
        for (args, ok), done in zip(expected, results, strict=True):
            one_line_or_success(done, " ".join(args))
            assert (done.returncode == 0) is ok, (args, done.stdout, done.stderr)
        assert not (ws / "new.txt").exists()


def test_read_only_user_folders_still_let_people_read_and_search(tmp_path: Path) -> None:
    ws = small_workspace(tmp_path / "ws")
    with tmpfs(tmp_path / "home", 1024) as home:
        os.makedirs(home / "config")
        remount_read_only(home)
        index = run_cli("-w", ws, "index", home=home)
        one_line_or_success(index, "index")
        assert "kept in memory" in index.stderr
        search = run_cli("-w", ws, "search", "possession", home=home)
        one_line_or_success(search, "search")
        assert "possession" in search.stdout.lower()
    shutil.rmtree(tmp_path / "home", ignore_errors=True)
