"""File names that are not valid UTF-8 (``caf\\xe9.txt`` from an old Latin-1 archive) are
never fatal to a workspace: each command works on the other documents and says, per file,
why that one is left out; an import copies such a file in under a readable name."""

from __future__ import annotations

import os
from pathlib import Path

from reader.documents.scan import scan_workspace
from tests.faults.files_helpers import (
    MEMO,
    no_traceback,
    non_utf8_name,
    run_cli,
    run_cli_many,
    small_workspace,
    write,
)

CAFE = "Naloxone vending machines at the cafe near the courthouse. Sample text for tests.\n"


def test_every_command_works_in_a_workspace_with_a_latin1_file_name(
        tmp_path: Path, user_home: Path) -> None:
    ws = small_workspace(tmp_path / "ws")
    bad = ws / non_utf8_name()
    bad.write_text(CAFE, "utf-8")
    (ws / non_utf8_name(b"r\xe9sum\xe9s", b"")).mkdir()
    write(ws / non_utf8_name(b"r\xe9sum\xe9s", b"") / "inside.txt", CAFE)

    index = run_cli("-w", ws, "index", home=user_home)
    out = no_traceback(index)
    assert index.returncode == 0, out
    assert "caf\ufffd.txt: its name is not valid UTF-8" in index.stderr
    assert "r\ufffdsum\ufffds/: this folder's name is not valid UTF-8" in index.stderr
    assert "2 documents" in index.stdout

    search, annotate = run_cli_many(
        ["-w", ws, "search", "naloxone"],
        ["-w", ws, "annotate", "memos/possession-memo.txt", "--quote", "simple possession",
         "--note", "Diversion instead"], home=user_home)
    assert search.returncode == 0, no_traceback(search)
    assert "possession" in search.stdout.lower() or "1 document" in search.stdout
    assert annotate.returncode == 0, no_traceback(annotate)
    folder = ws / ".policy-reader" / "annotations"
    own = next(folder.glob("*.json"))  # a colleague's file, named in Latin-1 by an old tool
    (folder / non_utf8_name(b"caf\xe9", b".json")).write_bytes(own.read_bytes())

    listed, brief, docs, exported = run_cli_many(
        ["-w", ws, "annotations", "list"], ["-w", ws, "brief", "--out", tmp_path / "brief.md"],
        ["-w", ws, "docs"],
        ["-w", ws, "annotations", "export", "--format", "w3c", "--out", tmp_path / "all.json"],
        home=user_home)
    assert listed.returncode == 0, no_traceback(listed)
    assert "simple possession" in listed.stdout
    assert brief.returncode == 0, no_traceback(brief)
    assert "simple possession" in (tmp_path / "brief.md").read_text("utf-8")
    assert docs.returncode == 0, no_traceback(docs)
    assert exported.returncode == 0, no_traceback(exported)
    assert (tmp_path / "all.json").read_text("utf-8").count("simple possession") >= 2
    assert bad.exists()  # the person's file is left as it is


def test_add_copies_a_latin1_named_file_in_under_a_readable_name(
        tmp_path: Path, user_home: Path) -> None:
    ws = small_workspace(tmp_path / "ws")
    outside = tmp_path / "old-archive"
    outside.mkdir()
    (outside / non_utf8_name()).write_text(CAFE, "utf-8")
    added = run_cli("-w", ws, "add", outside / non_utf8_name(), home=user_home)
    out = no_traceback(added)
    assert added.returncode == 0, out
    assert (ws / "café.txt").read_text("utf-8") == CAFE
    assert "café.txt" in out  # says what it was called
    found = run_cli("-w", ws, "search", "vending", home=user_home)
    assert "vending" in found.stdout.lower(), no_traceback(found)


def test_the_scan_reports_bad_names_and_keeps_the_rest(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    write(ws / "memo.txt", MEMO)
    (ws / non_utf8_name()).write_text(CAFE, "utf-8")
    found = scan_workspace(ws)
    assert list(found.files) == ["memo.txt"]
    assert found.skipped == ["caf\ufffd.txt: its name is not valid UTF-8 text; rename it to "
                             "read it; skipped"]
    assert all(os.fsencode(line).decode("utf-8") for line in found.skipped)
