"""Issue 17, findings 7 and 9 (annotation side): what a person is told about edits that
could not be saved is true (a command says they were NOT saved and exits 1 in one line;
the app keeps them and retries); two damaged files set aside in the same second keep
both; ``whoami --name`` does what its exit code says."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from reader.annotations import saving
from reader.cli import main as cli_main
from reader.errors import StorageError
from reader.settings import Settings
from tests.e2e.cli_helpers import run_cli
from tests.faults.conftest import ME, open_ws

MEMO_TXT = ("Office of the District Attorney\n\nThis office will decline to charge possession "
            "of a controlled substance.\n")


def group(tmp_path: Path) -> Path:
    ws = tmp_path / "group"
    ws.mkdir()
    (ws / "memo.txt").write_text(MEMO_TXT, "utf-8")
    return ws


def newer_own_file(ws: Path, author_id: str) -> Path:
    folder = ws / ".policy-reader" / "annotations"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{author_id}.json"
    path.write_text(json.dumps({"type": "AnnotationCollection", "pr:formatVersion": 99,
                                "creator": {"id": f"urn:policy-reader:author:{author_id}"},
                                "items": []}), "utf-8")
    return path


def test_a_command_says_unsaved_edits_were_not_saved(tmp_path: Path) -> None:
    ws = group(tmp_path)
    home = tmp_path / "home"
    first = run_cli("-w", str(ws), "whoami", "--json", home=home)
    me = json.loads(first.stdout)["id"]
    mine = newer_own_file(ws, me)
    before = mine.read_bytes()
    r = run_cli("-q", "-w", str(ws), "annotate", "memo.txt", "--quote", "decline to charge",
                home=home)
    assert r.returncode == 1 and r.stdout == ""
    lines = r.stderr.strip().splitlines()  # the file's problem on loading, then the error
    assert len(lines) == 2 and "Traceback" not in r.stderr, r.stderr
    assert "NOT saved" in lines[-1] and "kept in memory" not in r.stderr
    assert mine.read_bytes() == before


def test_a_full_disk_is_reported_as_not_saved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    ws = group(tmp_path)

    def full(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(saving, "atomic_write_bytes", full)
    rc = cli_main(["-q", "-w", str(ws), "annotate", "memo.txt", "--quote",
                   "decline to charge"])
    out, err = capsys.readouterr()
    assert rc == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "No space left on device. Your edits were NOT saved." in err


def test_the_app_is_told_its_edits_are_kept_and_retried(shared: tuple[Path, Path],
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    root, settings = shared
    store = open_ws(root, settings).annotations()
    store.retries_saves = True
    doc = next(iter(store.placer.source.documents()))
    h = store.create(doc.id, 0, 6)

    def full(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(saving, "atomic_write_bytes", full)
    with pytest.raises(StorageError, match="kept in memory and saving will be tried again"):
        store.save()
    assert store.dirty and store.get(h.id)
    monkeypatch.undo()
    store.save()
    assert h.id in open_ws(root, settings).annotations().all()[0].id


def test_a_theme_merge_says_when_highlights_could_not_be_retagged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    ws = group(tmp_path)
    assert cli_main(["-q", "-w", str(ws), "annotate", "memo.txt", "--quote",
                     "decline to charge", "--theme", "naloxone"]) == 0
    capsys.readouterr()

    def full(*_a: object, **_k: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(saving, "atomic_write_bytes", full)
    rc = cli_main(["-q", "-w", str(ws), "themes", "merge", "naloxone", "good-samaritan"])
    _, err = capsys.readouterr()
    assert rc == 1 and "not retagged" in err and "NOT saved" in err


def test_two_damaged_files_set_aside_in_one_second_are_both_kept(
        shared: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    root, settings = shared
    monkeypatch.setattr("time.time", lambda: 1_800_000_000.0)
    mine = root / ".policy-reader" / "annotations" / f"{ME}.json"
    mine.parent.mkdir(parents=True)
    for garbage in (b"{first damaged", b"{second damaged"):
        mine.write_bytes(garbage)
        store = open_ws(root, settings).annotations()
        doc = next(iter(store.placer.source.documents()))
        store.create(doc.id, 0, 6)
        store.save()
    kept = sorted(p.read_bytes() for p in mine.parent.glob(f"{ME}.json.damaged-*"))
    assert kept == [b"{first damaged", b"{second damaged"]
    path = root.parent / "broken-settings.json"
    for garbage in (b"[1", b"[2"):
        path.write_bytes(garbage)
        assert Settings(path).problem
    assert sorted(p.read_bytes() for p in root.parent.glob("broken-settings.json.damaged-*")
                  ) == [b"[1", b"[2"]


def test_whoami_name_succeeds_when_the_name_is_saved(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    ws = group(tmp_path)
    assert cli_main(["-q", "-w", str(ws), "whoami", "--json"]) == 0
    me = json.loads(capsys.readouterr()[0])["id"]
    newer_own_file(ws, me)
    rc = cli_main(["-q", "-w", str(ws), "whoami", "--name", "Maria G"])
    out, err = capsys.readouterr()
    assert rc == 0 and out.startswith("Maria G")
    assert "your new name is saved" in err
    assert Settings().get("author.name") == "Maria G"
    assert cli_main(["-q", "-w", str(ws), "whoami", "--name", " "]) == 2
    assert Settings().get("author.name") == "Maria G"
