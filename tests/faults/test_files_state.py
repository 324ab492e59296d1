"""The workspace's shared ``documents.json``: damage is said where people look (the CLI,
the app), values are checked on read (never shown unchecked, never a crash, never lost);
temporary files left by killed saves are swept when a workspace opens."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from reader.workspace import Workspace
from tests.faults.files_helpers import no_traceback, run_cli, small_workspace

MEMO_PATH = "memos/possession-memo.txt"
STATUTE_PATH = "statutes/good-samaritan.txt"
HOSTILE = {
    "kind": "novel",
    "date": "2019-02-30",
    "title": "\x1b[31mRed alert\x07 memo\u202e",
    "author": "A" * 1_000_000,
    "source_url": "javascript:alert(1)",
    "jurisdiction": 42,
    "citation": "35 P.S. § 780-113",
    "hash": "not-a-hash",
}


def test_a_damaged_documents_json_is_said_on_the_command_line(tmp_path: Path,
                                                              user_home: Path) -> None:
    ws = small_workspace(tmp_path / "ws")
    assert run_cli("-w", ws, "index", home=user_home).returncode == 0
    (ws / ".policy-reader").mkdir(exist_ok=True)
    (ws / ".policy-reader" / "documents.json").write_bytes(b'{"documents": {"memo')
    docs = run_cli("-w", ws, "docs", home=user_home)
    no_traceback(docs)
    assert docs.returncode == 0
    warnings = [line for line in docs.stderr.splitlines() if "documents.json" in line]
    assert warnings and warnings[0].startswith("policy-reader: warning: "), docs.stderr
    assert "not valid JSON" in warnings[0]


def test_a_damaged_documents_json_is_shown_in_the_app(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      user_home: Path) -> None:
    from reader.settings import Settings
    from reader.ui import messages
    from reader.ui.session import Session
    from reader.ui.window.main_window import MainWindow

    ws = small_workspace(tmp_path / "ws")
    (ws / ".policy-reader").mkdir()
    (ws / ".policy-reader" / "documents.json").write_bytes(b"[1, 2]")
    session = Session(Settings())
    window = MainWindow(session)
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(session.library_problems, timeout=60_000) as got:
            session.open_workspace(ws)
        assert any("documents.json" in line for line in got.args[0])
        qtbot.waitUntil(lambda: any("documents.json" in (s.text + s.details)
                                    for s in messages.HISTORY), timeout=10_000)
    finally:
        session.runner.cancel_all()
        assert session.runner.drain(60_000)


def _hostile_workspace(root: Path) -> Path:
    ws = small_workspace(root)
    data = {"version": 1, "documents": {
        MEMO_PATH: HOSTILE,
        "statutes": "not an entry",
        STATUTE_PATH: {"title": "Good Samaritan Act", "kind": "statute", "date": "2019-04"},
    }, "future-key": {"kept": True}}
    (ws / ".policy-reader").mkdir()
    (ws / ".policy-reader" / "documents.json").write_text(json.dumps(data), "utf-8")
    return ws


def test_documents_json_values_are_checked_on_read(tmp_path: Path) -> None:
    ws = _hostile_workspace(tmp_path / "ws")
    library = Workspace.open(ws).library()
    library.update()
    memo = library.find(MEMO_PATH).meta
    assert memo.kind != "novel"
    assert memo.date != "2019-02-30"
    assert memo.title == "Red alert memo"  # control and direction characters removed
    assert len(memo.author) <= 2000
    assert not memo.source_url.startswith("javascript")
    assert memo.citation == "35 P.S. § 780-113"  # a good value is kept
    statute = library.find(STATUTE_PATH).meta
    assert (statute.title, statute.kind, statute.date) == ("Good Samaritan Act", "statute",
                                                           "2019-04")
    said = "\n".join(library.untold_problems())
    for words in ("kind 'novel'", "2019-02-30", "control characters", "too long",
                  "javascript", "jurisdiction", "statutes"):
        assert words in said, (words, said)
    assert len(said) < 5000  # a million-character value is not repeated back
    assert library.untold_problems() == []  # said once


def test_a_checked_file_is_never_rewritten_with_less(tmp_path: Path) -> None:
    ws = _hostile_workspace(tmp_path / "ws")
    library = Workspace.open(ws).library()
    library.update()
    library.set_meta(library.find(STATUTE_PATH).id, title="Good Samaritan Overdose Act")
    saved = json.loads((ws / ".policy-reader" / "documents.json").read_text("utf-8"))
    assert saved["documents"][MEMO_PATH] == HOSTILE  # what others wrote stays as it was
    assert saved["documents"]["statutes"] == "not an entry"
    assert saved["future-key"] == {"kept": True}
    assert saved["documents"][STATUTE_PATH]["title"] == "Good Samaritan Overdose Act"


def test_the_cli_shows_checked_values(tmp_path: Path, user_home: Path) -> None:
    ws = _hostile_workspace(tmp_path / "ws")
    run_cli("-w", ws, "index", home=user_home)
    docs = run_cli("-w", ws, "docs", "--json", home=user_home)
    no_traceback(docs)
    shown = {d["path"]: d for d in json.loads(docs.stdout)}
    assert shown[MEMO_PATH]["kind"] != "novel" and "\x1b" not in shown[MEMO_PATH]["title"]
    assert shown[MEMO_PATH]["date"] != "2019-02-30"


@pytest.mark.parametrize("folder", [".policy-reader", ".policy-reader/annotations"])
def test_stale_temporary_files_of_killed_saves_are_swept(tmp_path: Path, folder: str) -> None:
    ws = small_workspace(tmp_path / "ws")
    where = ws / folder
    where.mkdir(parents=True, exist_ok=True)
    old = where / ".themes.json.k3x9q2ab.tmp"
    fresh = where / ".alex.json.p0q1r2s3.tmp"  # another process may be saving right now
    mine = where / "notes.tmp"  # not a name we make
    for p in (old, fresh, mine):
        p.write_text("{}")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(mine, (hour_ago, hour_ago))
    Workspace.open(ws)
    assert not old.exists()
    assert fresh.exists() and mine.exists()


def test_a_killed_import_leaves_no_copy_behind_for_long(tmp_path: Path) -> None:
    """A document half-copied by an import that was killed (``.importing-XXXXXXXX``) is
    removed by the next import into that folder once it is old; a fresh one (an import
    running now) and files not named as ours stay."""
    from reader.documents.importing import copy_into
    from reader.progress import NEVER_CANCELLED

    ws = small_workspace(tmp_path / "ws")
    dest = ws / "imported"
    dest.mkdir()
    old, fresh, other = (dest / ".importing-ab12cd34", dest / ".importing-zz99yy88",
                         dest / ".importing-notes")
    for p in (old, fresh, other):
        p.write_bytes(b"%PDF-1.4 half")
    hour_ago = time.time() - 3600
    for p in (old, other):
        os.utime(p, (hour_ago, hour_ago))
    src = tmp_path / "new-memo.txt"
    src.write_text("A memo to import.\n", "utf-8")
    copy_into(ws, [src], subdir="imported", progress=lambda *_a: None,
              cancel=NEVER_CANCELLED)
    assert (dest / "new-memo.txt").exists()
    assert not old.exists() and fresh.exists() and other.exists()
