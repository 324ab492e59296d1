"""The isolated extraction pool: limits, crashes, cancel, missing files, determinism."""

from __future__ import annotations

import logging
import multiprocessing
import shutil
from pathlib import Path

import pytest

from reader.errors import Cancelled
from reader.extract import pool as pool_mod
from reader.extract.pdf import extract as extract_pdf
from reader.extract.pool import Job, JobResult, extract_many
from reader.model.documents import DocStatus
from reader.paths import user_cache_dir
from reader.progress import CancelToken
from tests.core import pool_extractors as px
from tests.core.pdf_fixtures import bomb_pdf

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"


def _files(tmp_path: Path, **named: str) -> list[Path]:
    out = []
    for name, content in named.items():
        p = tmp_path / name.replace("_", ".")
        p.write_text(content, encoding="utf-8")
        out.append(p)
    return out


def _run(paths: list[Path], **kw: object) -> dict[str, JobResult]:
    kw.setdefault("formats", px.ALL)
    results = list(extract_many([Job(p.name, p) for p in paths], **kw))
    assert sorted(r.key for r in results) == sorted(p.name for p in paths)
    return {r.key: r for r in results}


def test_hang_is_killed_and_the_batch_goes_on(tmp_path: Path) -> None:
    paths = _files(tmp_path, stuck_hang="x", a_ok="alpha text", b_ok="beta text")
    got = _run(paths, workers=2, timeout=1.0)
    hang = got["stuck.hang"]
    assert hang.status is DocStatus.DAMAGED
    assert hang.reason == "stopped: no progress for 1 s"
    assert hang.extracted is None
    assert 1.0 <= hang.seconds < 10
    assert got["a.ok"].status is DocStatus.OK and got["a.ok"].extracted.text == "alpha text"
    assert got["b.ok"].extracted.text == "beta text"
    assert not multiprocessing.active_children()


def test_progress_keeps_a_long_file_alive_but_the_overall_cap_stops_it(tmp_path: Path) -> None:
    paths = _files(tmp_path, long_slow="2.0", longer_slow="30")
    got = _run(paths, workers=2, timeout=1.0, max_seconds=3.0)
    assert got["long.slow"].status is DocStatus.OK  # 2 s of beats > the 1 s stall limit
    assert got["long.slow"].extracted.text.startswith("slow file done")
    assert got["longer.slow"].status is DocStatus.DAMAGED
    assert got["longer.slow"].reason == "stopped: took longer than 3 s"


def test_memory_balloon_is_stopped_by_the_cap(tmp_path: Path) -> None:
    paths = _files(tmp_path, big_balloon="x", fine_ok="still read")
    got = _run(paths, workers=1, memory_mb=300, timeout=30)
    assert got["big.balloon"].status is DocStatus.DAMAGED
    assert got["big.balloon"].reason == "stopped: used more than 300 MB"
    assert got["fine.ok"].extracted.text == "still read"


def test_crash_exception_and_wrong_result_are_reported(tmp_path: Path) -> None:
    paths = _files(tmp_path, a_crash="x", b_boom="x", c_weird="x", d_ok="after the crash")
    got = _run(paths, workers=1, timeout=30)
    assert got["a.crash"].reason == "the extractor crashed (exit code 3)"
    assert got["b.boom"].status is DocStatus.DAMAGED
    assert got["b.boom"].reason == "the extractor failed (ValueError: a bug in the extractor)"
    assert "not a result" in got["c.weird"].reason
    assert got["d.ok"].status is DocStatus.OK
    for r in got.values():
        assert "\n" not in r.reason


def test_cancel_kills_workers_and_raises(tmp_path: Path) -> None:
    paths = _files(tmp_path, first_ok="quick", a_hang="x", b_hang="x")
    token = CancelToken()
    seen = []
    with pytest.raises(Cancelled):
        for r in extract_many([Job(p.name, p) for p in paths], workers=2, timeout=60,
                              cancel=token, formats=px.ALL):
            seen.append(r.key)
            token.cancel()  # both hanging files are still running
    assert seen == ["first.ok"]
    assert not multiprocessing.active_children()


def test_cancel_before_start_raises_without_work(tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    paths = _files(tmp_path, a_ok="x")
    with pytest.raises(Cancelled):
        list(extract_many([Job("a", paths[0])], cancel=token, formats=px.ALL))


def test_closing_the_generator_stops_workers(tmp_path: Path) -> None:
    paths = _files(tmp_path, a_ok="x", b_hang="x", c_hang="x")
    gen = extract_many([Job(p.name, p) for p in paths], workers=2, formats=px.ALL)
    first = next(gen)
    assert first.key == "a.ok"
    gen.close()
    assert not multiprocessing.active_children()


def test_file_deleted_while_the_batch_runs(tmp_path: Path) -> None:
    first = tmp_path / "first.slow"
    first.write_text("0.5 " + "x" * 1000)  # bigger: dispatched first
    doomed = tmp_path / "doomed.ok"
    doomed.write_text("gone soon")

    def progress(done: int, total: int, label: str) -> None:
        if label.startswith("Extracting first.slow") and doomed.exists():
            doomed.unlink()

    got = {r.key: r for r in extract_many([Job("first", first), Job("doomed", doomed)],
                                          workers=1, progress=progress, formats=px.ALL)}
    assert got["first"].status is DocStatus.OK
    assert got["doomed"].status is DocStatus.DAMAGED
    assert "missing" in got["doomed"].reason


def test_nothing_isolated_starts_no_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                            ) -> None:
    def no_workers(*a: object, **k: object) -> None:
        raise AssertionError("a worker process was started")

    monkeypatch.setattr(pool_mod, "_Worker", no_workers)
    a = tmp_path / "a.ok"
    a.write_text("in process")
    odd = tmp_path / "letter.wpd"
    odd.write_bytes(b"\xffWPC")
    got = {r.key: r for r in extract_many([Job("a", a), Job("odd", odd)],
                                          formats=px.fmt(".ok", isolated=False))}
    assert got["a"].extracted.text == "in process"
    assert got["odd"].status is DocStatus.UNSUPPORTED
    assert "WordPerfect" in got["odd"].reason


def test_progress_reaches_the_total_and_a_bad_callback_is_harmless(tmp_path: Path) -> None:
    paths = _files(tmp_path, a_ok="1", b_ok="2", c_ok="3")
    calls = []

    def progress(done: int, total: int, label: str) -> None:
        calls.append((done, total))
        raise RuntimeError("broken progress bar")

    got = _run(paths, workers=1, progress=progress)
    assert all(r.status is DocStatus.OK for r in got.values())
    assert calls[-1] == (3, 3)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_pdf_batch_with_bomb_and_bad_files(tmp_path: Path) -> None:
    names = ["two_column.pdf", "password_required.pdf", "scanned.pdf", "truncated.pdf",
             "gzip_named.pdf", "zero_bytes.pdf"]
    paths = [shutil.copy(FIXTURES / n, tmp_path / n) for n in names]
    paths.append(bomb_pdf(tmp_path / "bomb.pdf", 512))  # inflates to 512 MB
    assert paths[-1].stat().st_size < 1_000_000
    got = {r.key: r for r in extract_many([Job(Path(p).name, Path(p)) for p in paths],
                                          workers=2, memory_mb=200, timeout=60)}
    assert got["bomb.pdf"].status is DocStatus.DAMAGED
    assert got["bomb.pdf"].reason == "stopped: used more than 200 MB"
    assert got["two_column.pdf"].status is DocStatus.OK
    assert got["password_required.pdf"].status is DocStatus.PASSWORD
    assert got["scanned.pdf"].status is DocStatus.NO_TEXT
    assert got["scanned.pdf"].extracted is not None
    for n in ("truncated.pdf", "gzip_named.pdf", "zero_bytes.pdf"):
        assert got[n].status is DocStatus.DAMAGED
        assert got[n].reason and "\n" not in got[n].reason
    # Same file, same text and boxes as in this process, byte for byte.
    here = extract_pdf(Path(paths[0]))
    assert got["two_column.pdf"].extracted.text == here.text
    assert got["two_column.pdf"].extracted.boxes == here.boxes


def test_big_pdf_split_across_workers_gives_the_same_result(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="reader.extract.pool")
    path = Path(shutil.copy(FIXTURES / "two_column.pdf", tmp_path / "two_column.pdf"))
    other = Path(shutil.copy(FIXTURES / "hyphenation.pdf", tmp_path / "hyphenation.pdf"))
    got = {r.key: r for r in extract_many([Job("a", path), Job("b", other)], workers=2,
                                          split_pages=2, timeout=60)}
    whole = extract_pdf(path)
    split = got["a"].extracted
    assert got["a"].status is DocStatus.OK
    assert split.text == whole.text and split.pages == whole.pages
    assert split.boxes == whole.boxes and split.meta == whole.meta
    assert got["b"].extracted.text == extract_pdf(other).text
    assert "two_column.pdf: read in 2 page ranges" in caplog.text
    spool = user_cache_dir() / "extract-parts"  # parts waited here; all gone now
    assert spool.is_dir() and not any(spool.iterdir())
