"""Crash safety: junk, truncated, deleted or foreign index folders, a writer killed in the
middle of commits, a second process holding the lock, a search while a rebuild runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from reader.search import merging
from reader.search.engine import FORMAT_FILE, IndexBusy, SearchEngine
from reader.search.rows import doc_rows

from .search_fixtures import build_engine, make_doc, sample_docs

REPO = Path(__file__).resolve().parents[2]


def fill(engine: SearchEngine) -> None:
    with engine.writing() as w:
        for doc, text in sample_docs().values():
            w.replace(doc.id, doc_rows(doc, text))


def assert_works(engine: SearchEngine) -> None:
    assert engine.search("zebrafinch").total == 1
    assert engine.search("naloxone").total == 4


def test_a_new_folder_is_built(tmp_path: Path) -> None:
    engine = SearchEngine(tmp_path / "index")
    assert engine.status().state == "building"
    assert engine.needs_fill()
    r = engine.search("naloxone")
    assert r.total == 0 and any("being built" in w for w in r.warnings)
    fill(engine)
    assert not engine.needs_fill()
    assert_works(engine)


def test_a_healthy_index_reopens_ready(tmp_path: Path) -> None:
    build_engine(tmp_path / "index", sample_docs()).close()
    engine = SearchEngine(tmp_path / "index")
    assert engine.status().state == "ready"
    assert not engine.needs_fill()
    assert_works(engine)


@pytest.mark.parametrize("damage", ["junk files", "junk toc", "truncated segment",
                                    "missing segment", "old format", "no format file",
                                    "folder is a file", "emptied"])
def test_damaged_index_is_rebuilt_never_a_dead_end(tmp_path: Path, damage: str) -> None:
    d = tmp_path / "index"
    build_engine(d, sample_docs()).close()
    segs = sorted(d.glob("*.seg"), key=lambda p: p.stat().st_size)
    if damage == "junk files":
        for p in d.iterdir():
            p.write_bytes(os.urandom(300))
    elif damage == "junk toc":
        for p in d.glob("*.toc"):
            p.write_bytes(b"\x00garbage" * 20)
    elif damage == "truncated segment":
        big = segs[-1]
        big.write_bytes(big.read_bytes()[: big.stat().st_size // 3])
    elif damage == "missing segment":
        segs[-1].unlink()
    elif damage == "old format":
        (d / FORMAT_FILE).write_text(json.dumps({"schema": -1}))
    elif damage == "no format file":
        (d / FORMAT_FILE).unlink()
    elif damage == "folder is a file":
        for p in d.iterdir():
            p.unlink()
        d.rmdir()
        d.write_text("not a folder")
    elif damage == "emptied":
        for p in d.iterdir():
            p.unlink()
    engine = SearchEngine(d)
    status = engine.status()
    assert status.state in ("rebuilding", "building"), status
    assert status.message
    assert engine.needs_fill()
    r = engine.search("naloxone")  # works (empty) while it is rebuilt
    assert r.total == 0 and r.warnings
    fill(engine)
    assert_works(engine)
    assert SearchEngine(d).status().state == "ready"


def test_a_folder_that_cannot_be_created_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    engine = SearchEngine(blocker / "index")
    status = engine.status()
    assert status.state == "read-only" and "memory" in status.message
    fill(engine)
    assert_works(engine)


def test_damage_found_while_searching_is_reported_and_rebuilt(tmp_path: Path) -> None:
    d = tmp_path / "index"
    engine = build_engine(d, sample_docs())
    assert_works(engine)
    engine.close()
    for p in d.glob("*.seg"):
        p.write_bytes(b"junk")
    engine._tables.clear()
    r = engine.search("naloxone kits")
    assert r.total == 0
    assert any("could not be read" in w for w in r.warnings) or engine.status().state in (
        "rebuilding", "damaged")
    # the next use verifies, finds the damage and starts afresh
    engine.search("naloxone")
    assert engine.status().state == "rebuilding" and engine.needs_fill()
    fill(engine)
    assert_works(engine)


WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {repo!r})
    from pathlib import Path
    from tests.core.search_fixtures import sample_docs
    from reader.search.engine import SearchEngine
    from reader.search.rows import doc_rows
    engine = SearchEngine(Path({index!r}))
    docs = list(sample_docs().values())
    print("ready", flush=True)
    i = 0
    while True:
        with engine.writing(timeout=30) as w:
            for doc, text in docs[i % 3:]:
                w.replace(doc.id, doc_rows(doc, text))
        i += 1
        print("committed", i, flush=True)
""")


def test_writer_killed_in_the_middle_of_commits(tmp_path: Path) -> None:
    d = tmp_path / "index"
    script = WRITER.format(repo=str(REPO), index=str(d))
    for round_ in range(4):
        proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        for _ in range(round_ + 1):  # killed in the commit after this many, at once
            assert proc.stdout.readline().startswith("committed")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        engine = SearchEngine(d, lock_timeout=5)
        state = engine.status().state
        assert state in ("ready", "rebuilding", "building")
        engine.search("naloxone")  # never raises
        if engine.needs_fill():
            fill(engine)
        # whatever was committed is whole: every indexed document can be found again
        with engine.writing() as w:  # the killed writer's lock was released
            for doc, text in sample_docs().values():
                w.replace(doc.id, doc_rows(doc, text))
        assert_works(engine)
        engine.close()


HOLDER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {repo!r})
    from pathlib import Path
    from reader.search.engine import SearchEngine
    engine = SearchEngine(Path({index!r}))
    with engine.writing():
        print("holding", flush=True)
        sys.stdin.readline()
""")


def test_a_second_process_waits_briefly_then_gives_up(tmp_path: Path) -> None:
    d = tmp_path / "index"
    engine = build_engine(d, sample_docs())
    proc = subprocess.Popen([sys.executable, "-c", HOLDER.format(repo=str(REPO), index=str(d))],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "holding"
        started = time.monotonic()
        with pytest.raises(IndexBusy), engine.writing(timeout=0.3):
            pass
        assert time.monotonic() - started < 5
        assert_works(engine)  # reading never waits for the writer
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(timeout=20)
    finally:
        proc.kill()
    with engine.writing(timeout=5):
        pass


def test_search_while_a_rebuild_runs_sees_the_old_index(tmp_path: Path) -> None:
    engine = build_engine(tmp_path / "index", sample_docs())
    inside = threading.Event()
    release = threading.Event()
    errors: list[BaseException] = []
    new_doc, new_text = make_doc("new/fresh.txt", "A completely new zeppelin text.")

    def rebuild() -> None:
        try:
            with engine.writing(clear=True) as w:
                w.replace(new_doc.id, doc_rows(new_doc, new_text))
                inside.set()
                assert release.wait(20)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    t = threading.Thread(target=rebuild)
    t.start()
    assert inside.wait(20)
    started = time.monotonic()
    assert_works(engine)  # the old index, at once
    assert engine.search("zeppelin").total == 0
    assert time.monotonic() - started < 5
    release.set()
    t.join(20)
    assert not errors
    assert engine.search("zeppelin").total == 1
    assert engine.search("naloxone").total == 0  # the rebuild replaced everything


def test_a_cancelled_writer_changes_nothing(tmp_path: Path) -> None:
    engine = build_engine(tmp_path / "index", sample_docs())
    new_doc, new_text = make_doc("new/fresh.txt", "A completely new zeppelin text.")
    with pytest.raises(RuntimeError), engine.writing(clear=True) as w:
        w.replace(new_doc.id, doc_rows(new_doc, new_text))
        raise RuntimeError("cancelled")
    assert_works(engine)
    assert engine.search("zeppelin").total == 0


def test_threads_search_while_one_writes(tmp_path: Path) -> None:
    engine = build_engine(tmp_path / "index", sample_docs())
    stop = threading.Event()
    failures: list[BaseException] = []

    def searcher() -> None:
        try:
            while not stop.is_set():
                r = engine.search("naloxone OR zebrafinch")
                assert r.total >= 4
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=searcher) for _ in range(2)]
    for t in threads:
        t.start()
    for i in range(8):
        doc, text = make_doc(f"new/{i}.txt", f"Extra document number {i} about zeppelins.")
        with engine.writing() as w:
            w.replace(doc.id, doc_rows(doc, text))
    stop.set()
    for t in threads:
        t.join(20)
    assert not failures
    assert engine.search("zeppelins").total == 8


def test_a_small_commit_never_rewrites_big_segments(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(merging, "SMALL_ROWS", 4)
    monkeypatch.setattr(merging, "TINY_ROWS", 2)
    monkeypatch.setattr(merging, "MAX_MERGED_ROWS", 24)
    engine = SearchEngine(tmp_path / "index")
    for batch in range(8):
        with engine.writing(bulk=True) as w:
            for i in range(6):
                doc, text = make_doc(f"b{batch}/{i}.txt", f"Batch {batch} letter {i} zeppelin.")
                w.replace(doc.id, doc_rows(doc, text))

    def segments() -> dict[str, int]:
        return {s.segment_id(): s.doc_count_all() for s in engine._ix._segments()}

    before = segments()
    assert max(before.values()) <= 24 and len(before) > 1  # merged, but never past the cap
    big = {k for k, n in before.items() if n >= 4}
    for i in range(5):
        doc, text = make_doc(f"single/{i}.txt", f"A single update {i} about zeppelins.")
        with engine.writing() as w:
            w.replace(doc.id, doc_rows(doc, text))
        assert big <= set(segments())  # the big segments were left alone
    assert engine.search("zeppelin OR zeppelins", limit=100).total == 53
