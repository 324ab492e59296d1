"""The workspace library: scanning, identity by content hash, the extraction cache,
change detection, metadata overrides, import, and bad input."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.documents import library as library_mod
from reader.errors import DocumentError, DocumentNotFound, ReaderError, UsageError
from reader.model.documents import DocStatus
from reader.workspace import Workspace

MEMO = ("OFFICE OF THE DISTRICT ATTORNEY\n\nMEMORANDUM\n\nThis office will no longer charge "
        "simple possession of a controlled substance. Sample text written for tests.\n")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def ws(workspace_dir: Path) -> Workspace:
    write(workspace_dir / "memos" / "memo.txt", MEMO)
    write(workspace_dir / "notes.md", "# Syringe services\n\nNeedles save lives.\n")
    (workspace_dir / "old.wpd").write_bytes(b"\xffWPC binary")
    write(workspace_dir / ".policy-reader" / "annotations" / "x.json", "{}")
    write(workspace_dir / ".hidden" / "secret.txt", "not a document")
    write(workspace_dir / "image.png", "not a candidate")
    return Workspace.open(workspace_dir)


def test_update_lists_supported_and_unsupported_files(ws: Workspace) -> None:
    changes = ws.library().update()
    docs = {d.path: d for d in ws.library().documents()}
    assert sorted(docs) == ["memos/memo.txt", "notes.md", "old.wpd"]
    assert docs["memos/memo.txt"].status is DocStatus.OK
    assert docs["memos/memo.txt"].chars > 50
    assert docs["old.wpd"].status is DocStatus.UNSUPPORTED
    assert "WordPerfect" in docs["old.wpd"].reason
    assert set(changes.added) == {d.id for d in docs.values()}
    assert changes.extracted == 2


def test_second_update_extracts_nothing(ws: Workspace) -> None:
    ws.library().update()
    again = Workspace.open(ws.root).library()  # a new process would start like this
    assert len(again.documents()) == 3
    changes = again.update()
    assert changes.extracted == 0
    assert changes.empty


def test_unchanged_files_are_not_hashed_again(ws: Workspace, monkeypatch) -> None:
    ws.library().update()
    calls: list[Path] = []
    real = library_mod.hash_file
    monkeypatch.setattr(library_mod, "hash_file", lambda p: calls.append(p) or real(p))
    Workspace.open(ws.root).library().update()
    assert calls == []


def test_changed_moved_and_removed_files_are_detected(ws: Workspace) -> None:
    lib = ws.library()
    lib.update()
    memo = lib.find("memos/memo.txt")
    notes = lib.find("notes.md")
    write(ws.root / "memos" / "memo.txt", MEMO + "\nAmended in 2024.\n")
    (ws.root / "notes.md").rename(ws.root / "moved-notes.md")
    (ws.root / "old.wpd").unlink()
    changes = lib.update()
    new_memo = lib.find("memos/memo.txt")
    assert changes.changed == ((memo.id, new_memo.id),)
    assert changes.moved == (notes.id,)
    assert lib.find("moved-notes.md").id == notes.id
    assert len(changes.removed) == 1 and changes.extracted == 1


def test_identical_files_are_one_document(ws: Workspace) -> None:
    write(ws.root / "copy-of-memo.txt", MEMO)
    ws.library().update()
    memo = ws.library().find("memos/memo.txt")
    assert memo.path == "copy-of-memo.txt"
    assert memo.duplicates == ("memos/memo.txt",)


def test_find_by_id_prefix_path_and_errors(ws: Workspace) -> None:
    lib = ws.library()
    lib.update()
    memo = lib.find("memos/memo.txt")
    assert lib.find(memo.id[:8]).id == memo.id
    assert lib.find(str(ws.root / "memos" / "memo.txt")).id == memo.id
    with pytest.raises(DocumentNotFound):
        lib.find("nothing-here.pdf")
    with pytest.raises(UsageError):
        lib.find("  ")


def test_text_is_rebuilt_when_the_cache_is_deleted(ws: Workspace, tmp_path: Path,
                                                   monkeypatch) -> None:
    cache = tmp_path / "own-cache"
    monkeypatch.setenv("POLICY_READER_EXTRACT_CACHE", str(cache))
    lib = Workspace.open(ws.root).library()
    lib.update()
    memo = lib.find("memos/memo.txt")
    first = lib.text(memo.id).text
    for p in cache.rglob("*.json.gz"):
        p.unlink()
    fresh = Workspace.open(ws.root).library()
    assert fresh.text(memo.id).text == first
    assert "simple possession" in first


def test_unsupported_document_text_is_a_clear_error(ws: Workspace) -> None:
    lib = ws.library()
    lib.update()
    with pytest.raises(DocumentError, match="WordPerfect"):
        lib.text(lib.find("old.wpd").id)


def test_metadata_overrides_are_saved_in_the_workspace_and_follow_moves(ws: Workspace
                                                                        ) -> None:
    lib = ws.library()
    lib.update()
    memo = lib.find("memos/memo.txt")
    lib.set_meta(memo.id, title="Declination of possession", kind="memo",
                 jurisdiction="PA")
    saved = json.loads((ws.root / ".policy-reader" / "documents.json").read_text("utf-8"))
    assert saved["documents"]["memos/memo.txt"]["title"] == "Declination of possession"
    (ws.root / "memos" / "memo.txt").rename(ws.root / "memo-moved.txt")
    fresh = Workspace.open(ws.root).library()
    fresh.update()
    moved = fresh.find("memo-moved.txt")
    assert moved.meta.title == "Declination of possession"
    assert moved.meta.kind == "memo" and moved.meta.jurisdiction == "PA"


def test_bad_metadata_edits_are_refused(ws: Workspace) -> None:
    lib = ws.library()
    lib.update()
    memo = lib.find("memos/memo.txt")
    with pytest.raises(UsageError, match="kind"):
        lib.set_meta(memo.id, kind="novel")
    with pytest.raises(UsageError, match="Unknown document field"):
        lib.set_meta(memo.id, colour="red")
    with pytest.raises(UsageError, match="too long"):
        lib.set_meta(memo.id, title="x" * 5000)


@pytest.mark.parametrize("garbage", [b"", b"{not json", b"[1, 2]", b"\xff\xfe\x00garbage",
                                     b'{"documents": "nope"}'])
def test_damaged_documents_json_is_reported_and_never_overwritten(ws: Workspace,
                                                                  garbage: bytes) -> None:
    path = ws.root / ".policy-reader" / "documents.json"
    path.write_bytes(garbage)
    lib = Workspace.open(ws.root).library()
    lib.update()
    assert lib.overrides.problem
    memo = lib.find("memos/memo.txt")
    with pytest.raises(ReaderError):
        lib.set_meta(memo.id, title="New")
    assert path.read_bytes() == garbage


@pytest.mark.parametrize("garbage", [b"", b"{", b'{"version": 1, "files": {"a": 3}}',
                                     b'{"version": 1, "files": []}'])
def test_damaged_library_state_only_costs_a_rescan(ws: Workspace, garbage: bytes) -> None:
    ws.library().update()
    state = ws.cache_dir / "library.json"
    state.write_bytes(garbage)
    lib = Workspace.open(ws.root).library()
    changes = lib.update()
    assert len(lib.documents()) == 3
    assert changes.extracted == 0  # the extraction cache still holds the text


def test_damaged_cache_entries_are_re_extracted(ws: Workspace, tmp_path: Path,
                                                monkeypatch) -> None:
    cache = tmp_path / "own-cache"
    monkeypatch.setenv("POLICY_READER_EXTRACT_CACHE", str(cache))
    Workspace.open(ws.root).library().update()
    for p in cache.rglob("*"):
        if p.is_file():
            p.write_bytes(b"\x00garbage")
    lib = Workspace.open(ws.root).library()
    lib.update()
    assert "simple possession" in lib.text(lib.find("memos/memo.txt").id).text


def test_a_file_deleted_during_the_scan_does_not_stop_the_batch(ws: Workspace,
                                                                monkeypatch) -> None:
    real = library_mod.hash_file

    def flaky(path: Path) -> tuple[str, object]:
        if path.name == "notes.md":
            raise FileNotFoundError(2, "No such file or directory")
        return real(path)

    monkeypatch.setattr(library_mod, "hash_file", flaky)
    changes = ws.library().update()
    assert any("notes.md" in p for p in changes.problems)
    assert ws.library().find("memos/memo.txt").status is DocStatus.OK


def test_too_large_files_are_listed_not_read(ws: Workspace, monkeypatch) -> None:
    monkeypatch.setattr(library_mod, "MAX_FILE_BYTES", 20)
    ws.library().update()
    memo = ws.library().find("memos/memo.txt")
    assert memo.status is DocStatus.TOO_LARGE
    assert "limit" in memo.reason


@pytest.mark.parametrize("cold", [True, False])
def test_batches_are_published_while_the_update_runs(ws: Workspace, monkeypatch,
                                                      tmp_path: Path, cold: bool) -> None:
    if cold:  # nothing extracted yet: batches come from the extraction
        monkeypatch.setenv("POLICY_READER_EXTRACT_CACHE", str(tmp_path / "cold-cache"))
    else:  # extracted before (another workspace): published at once, not re-extracted
        Workspace.open(ws.root).library().update()
        (ws.cache_dir / "library.json").unlink()
    monkeypatch.setattr(library_mod, "BATCH_SIZE", 1)
    seen: list[tuple[str, ...]] = []
    lib = Workspace.open(ws.root).library()
    changes = lib.update(on_batch=lambda ch: seen.append(ch.added))
    assert changes.extracted == (2 if cold else 0)
    assert sorted(i for batch in seen for i in batch) == sorted(
        d.id for d in lib.documents() if d.status is DocStatus.OK)


def test_add_files_copies_in_and_reports_problems(ws: Workspace, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write(outside / "folder" / "a.txt", "First imported statute text. Sample.")
    write(outside / "folder" / "deep" / "b.md", "# B\n\nSecond sample.")
    write(outside / "folder" / "skip.png", "x")
    write(outside / "memo.txt", MEMO)  # same bytes as memos/memo.txt but another name
    write(outside / "notes.md", "# Different notes\n\nOther words.")
    lib = ws.library()
    lib.update()
    changes = lib.add_files([outside / "folder", outside / "memo.txt", outside / "notes.md",
                             outside / "missing.pdf", outside / "folder" / "skip.png"])
    paths = {d.path for d in lib.documents()} | {p for d in lib.documents()
                                                  for p in d.duplicates}
    assert {"folder/a.txt", "folder/deep/b.md", "notes (2).md"} <= paths
    assert not (ws.root / "memo.txt").exists()  # the same bytes as memos/memo.txt
    assert "memo.txt" not in paths  # the memo's words are in the library already
    assert not changes.moved and not changes.copies
    assert not (ws.root / "folder" / "skip.png").exists()
    assert any("missing.pdf" in p and "no such file" in p for p in changes.problems)
    assert any("skip.png" in p for p in changes.problems)
    summary = changes.summary
    assert summary is not None
    assert set(summary.imported) == {"folder/a.txt", "folder/deep/b.md", "notes (2).md"}
    assert [g.line for g in summary.skipped] == [
        "2 not documents Policy Reader reads: .png files",  # in the folder, and named
        "1 not found: no such file or folder"]
    assert [a.line for a in summary.already_present] == [
        "memo.txt: already in the library as “OFFICE OF THE DISTRICT ATTORNEY” "
        "(memos/memo.txt)"]
    again = lib.add_files([outside / "notes.md"])
    assert not (ws.root / "notes (3).md").exists() and again.extracted == 0
    assert again.summary is not None and again.summary.headline == (
        "Imported 0 files; 1 already in the library")
    assert [a.line for a in again.summary.already_present] == [
        "notes.md: already in the library as “Different notes” (notes (2).md)"]
    assert not list(ws.root.rglob(".importing-*"))


def test_adding_a_file_the_library_holds_says_which_document_it_is(ws: Workspace,
                                                                     tmp_path: Path) -> None:
    lib = ws.library()
    lib.update()
    title = lib.find("memos/memo.txt").title
    outside = tmp_path / "downloads"
    write(outside / "memo (final).txt", MEMO)
    write(outside / "batch" / "one.txt", "Fresh words for a new file.")
    write(outside / "batch" / "two.txt", "Fresh words for a new file.")  # same as one.txt
    changes = lib.add_files([outside / "memo (final).txt", ws.root / "memos" / "memo.txt",
                             outside / "batch"])
    assert changes.summary is not None
    lines = sorted(a.line for a in changes.summary.already_present)
    assert lines == [f"memo (final).txt: already in the library as “{title}” (memos/memo.txt)",
                     f"memo.txt: already in the library as “{title}” (memos/memo.txt)",
                     "two.txt: already in the library as “Fresh words for a new file” "
                     "(batch/one.txt)"]
    assert changes.copied == ("batch/one.txt",)
    assert len(changes.added) == 1 and not changes.moved and not changes.copies
    assert not (ws.root / "memo (final).txt").exists()


def test_a_second_copy_inside_the_workspace_is_not_a_move(ws: Workspace) -> None:
    lib = ws.library()
    lib.update()
    write(ws.root / "copy" / "memo.txt", MEMO)
    changes = lib.update()
    assert not changes.moved and len(changes.copies) == 1
    doc = lib.find("memos/memo.txt")
    assert {doc.path, *doc.duplicates} == {"copy/memo.txt", "memos/memo.txt"}
    (ws.root / "memos" / "memo.txt").unlink()
    again = lib.update()  # now the only copy left is at the new place: still no move
    assert not again.moved and not again.removed and not again.copies
    (ws.root / "copy" / "memo.txt").rename(ws.root / "memo-moved.txt")
    moved = lib.update()
    assert moved.moved == changes.copies and not moved.copies


def test_workspace_open_errors(tmp_path: Path) -> None:
    from reader.errors import WorkspaceError
    with pytest.raises(WorkspaceError, match="does not exist"):
        Workspace.open(tmp_path / "nope")
    (tmp_path / "file").write_text("x")
    with pytest.raises(WorkspaceError, match="not a folder"):
        Workspace.open(tmp_path / "file")
    assert Workspace.open(tmp_path / "new", create=True).root.is_dir()


def test_default_workspace_is_seeded_from_the_corpus(user_home: Path, tmp_path: Path,
                                                     monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "memos" / "m.txt", MEMO)
    monkeypatch.setenv("POLICY_READER_CORPUS", str(corpus))
    ws = Workspace.open()
    assert ws.root == (user_home / "data" / "workspace").resolve()
    assert (ws.root / "memos" / "m.txt").read_text("utf-8") == MEMO
    os.remove(ws.root / "memos" / "m.txt")
    Workspace.open()  # not re-seeded: the person's deletions stay deleted
    assert not (ws.root / "memos" / "m.txt").exists()
