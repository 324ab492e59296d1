"""The extracted-text cache cannot be poisoned: a file that changes while it is read is
never stored under the other version's fingerprint, and an entry that fails its check is
dropped (re-read), never served."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.documents.cache import ExtractCache
from reader.extract import text as text_extractor
from reader.extract.registry import cache_tag
from reader.workspace import Workspace
from tests.faults.files_helpers import write

#: Two versions of one memo: same length, different words (an amended memo saved in place).
VERSION_A = ("MEMORANDUM (version A)\n\nThe office will divert people found with naloxone kits "
             "to treatment. Sample text for tests.\n")
VERSION_B = ("MEMORANDUM (version B)\n\nThe office will charge people found with syringes "
             "with possession. Sample text for tests.\n")
TAG = cache_tag(Path("memo.txt"))  # the key the library uses for a .txt file


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_texts(cache_root: Path) -> dict[str, str]:
    """Every text stored in the cache, by the fingerprint it is stored under (read from
    the files themselves, not through the cache's own checks)."""
    found: dict[str, str] = {}
    for path in cache_root.rglob("*.json.gz"):
        body = json.loads(gzip.decompress(path.read_bytes()))
        found[path.name.split(".")[0]] = body["text"]
    return found


def assert_clean(cache_root: Path) -> None:
    """No entry holds the other version's text."""
    for key, text in stored_texts(cache_root).items():
        if key == digest(VERSION_A):
            assert "version A" in text and "version B" not in text, f"poisoned: {text!r}"
        elif key == digest(VERSION_B):
            assert "version B" in text and "version A" not in text, f"poisoned: {text!r}"


@pytest.fixture
def cache_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "extract-cache"
    monkeypatch.setenv("POLICY_READER_EXTRACT_CACHE", str(root))
    return root


def test_a_file_rewritten_between_hashing_and_extraction_is_not_cached_as_the_old_one(
        workspace_dir: Path, cache_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    memo = write(workspace_dir / "memo.txt", VERSION_A)
    real = text_extractor.extract
    flips = []

    def flip_then_extract(path: Path):  # the file is saved again just as it is read
        if not flips:
            flips.append(path)
            memo.write_text(VERSION_B, "utf-8")
        return real(path)

    monkeypatch.setattr(text_extractor, "extract", flip_then_extract)
    ws = Workspace.open(workspace_dir)
    ws.library().update()
    assert flips, "the hook never ran"
    assert_clean(cache_root)
    doc = ws.library().find("memo.txt")
    assert doc.id == digest(VERSION_B)  # what is on disk now, read now
    assert "version B" in ws.library().text(doc.id).text


def test_a_change_reverted_during_extraction_is_not_cached(
        workspace_dir: Path, cache_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A → B → A while the extractor reads B, with the size and modification time put back:
    the bytes read were not the fingerprinted ones, so nothing is stored under A's."""
    memo = write(workspace_dir / "memo.txt", VERSION_A)
    st = memo.stat()
    real = text_extractor.extract
    calls = []

    def extract_b_then_restore(path: Path):
        calls.append(path)
        if len(calls) > 1:
            return real(path)
        memo.write_text(VERSION_B, "utf-8")
        try:
            return real(path)
        finally:
            memo.write_text(VERSION_A, "utf-8")
            os.utime(memo, ns=(st.st_atime_ns, st.st_mtime_ns))

    monkeypatch.setattr(text_extractor, "extract", extract_b_then_restore)
    ws = Workspace.open(workspace_dir)
    ws.library().update()
    assert_clean(cache_root)
    doc = ws.library().find("memo.txt")
    assert "version A" in ws.library().text(doc.id).text


#: Another program saving the memo over and over (write a copy, rename it over the file),
#: as an editor or a sync tool does: a separate process, so it runs truly alongside.
FLIPPER = """
import os, sys
target, a, b, stop = sys.argv[1:5]
versions = [open(b, "rb").read(), open(a, "rb").read()]
saves = 0
while not os.path.exists(stop):
    tmp = target + ".saving"
    with open(tmp, "wb") as fh:
        fh.write(versions[saves % 2])
    os.replace(tmp, target)
    saves += 1
print(saves)
"""


def test_a_file_flipping_during_indexing_never_poisons_the_cache(
        tmp_path: Path, cache_root: Path) -> None:
    """A real concurrent writer saves the two versions in turn while the library reads the
    folder again and again; then a brand-new workspace with a clean copy shows its text."""
    filler = "Sample paragraph about syringe services and treatment courts. " * 300
    big_a, big_b = VERSION_A + filler, VERSION_B + filler
    ws_dir = tmp_path / "flipping"
    target = write(ws_dir / "memo.txt", big_a)
    a, b = write(tmp_path / "a.txt", big_a), write(tmp_path / "b.txt", big_b)
    stop = tmp_path / "stop"
    flipper = subprocess.Popen([sys.executable, "-c", FLIPPER, str(target), str(a), str(b),
                                str(stop)], stdout=subprocess.PIPE, text=True)
    poisoned: list[int] = []
    try:
        library = Workspace.open(ws_dir).library()
        for run in range(16):
            library.update(rebuild=True)
            if any((key, text[:22]) in ((digest(big_a), "MEMORANDUM (version B)"),
                                        (digest(big_b), "MEMORANDUM (version A)"))
                   for key, text in stored_texts(cache_root).items()):
                poisoned.append(run)
    finally:
        stop.touch()
        saves = int(flipper.communicate(timeout=30)[0] or 0)
    assert saves > 16, "the writer did not run alongside the reads"
    assert poisoned == [], (
        f"the cache held the other version's text after {len(poisoned)} of 16 updates")
    clean = tmp_path / "clean"
    write(clean / "memo.txt", big_a)
    fresh = Workspace.open(clean).library()
    fresh.update()
    assert fresh.text(fresh.find("memo.txt").id).text.startswith("MEMORANDUM (version A)")


def test_an_entry_holding_another_files_text_is_dropped_not_served(
        workspace_dir: Path, cache_root: Path) -> None:
    write(workspace_dir / "a.txt", VERSION_A)
    write(workspace_dir / "b.txt", VERSION_B)
    Workspace.open(workspace_dir).library().update()
    cache = ExtractCache(cache_root)
    a, b = digest(VERSION_A), digest(VERSION_B)
    # B's stored text put where A's belongs (a copy by hand, a bug, a race of old versions)
    cache.text_path(a, TAG).write_bytes(cache.text_path(b, TAG).read_bytes())
    assert cache.load_text(a, TAG) is None
    assert not cache.text_path(a, TAG).exists()  # dropped
    library = Workspace.open(workspace_dir).library()
    assert "version A" in library.text(library.find("a.txt").id).text  # read again


def test_entries_written_without_a_check_are_dropped(workspace_dir: Path,
                                                     cache_root: Path) -> None:
    """Entries from before the check existed may hold another version's text: never served."""
    write(workspace_dir / "a.txt", VERSION_A)
    a = digest(VERSION_A)
    old = cache_root / a[:2]
    old.mkdir(parents=True)
    (old / f"{a}.{TAG}.json.gz").write_bytes(gzip.compress(json.dumps(
        {"version": 1, "text": VERSION_B, "pages": [[1, 0, len(VERSION_B), "", True]],
         "sections": []}).encode()))
    (old / f"{a}.{TAG}.meta.json").write_text(json.dumps(
        {"version": 1, "status": "ok", "reason": "", "meta": {"title": "Memo"}, "pages": 1,
         "chars": len(VERSION_B), "paged_labels": False}))
    library = Workspace.open(workspace_dir).library()
    library.update()
    assert "version A" in library.text(library.find("a.txt").id).text
    assert_clean(cache_root)
