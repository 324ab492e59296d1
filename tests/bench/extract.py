"""Extraction benchmark: prints JSON with files, pages, cold pages/s with 1 worker and with
N workers (N = cores), their ratio, the library's cached re-scan time and peak memory, and
the whole pipeline (extract + index, N workers) against a plain pdfminer baseline.

    .venv/bin/python tests/bench/extract.py DIR
    .venv/bin/python tests/bench/extract.py --generate 100      # + one 2,000-page PDF
    .venv/bin/python tests/bench/extract.py DIR --only-baseline  # just the ratio

**Baseline**: one plain process (``python -c``) that calls
``pdfminer.high_level.extract_text`` on every PDF of the folder in turn, timed from start to
exit. **Pipeline**: a cold ``Workspace(DIR).refresh()`` (extraction in N workers, then the
search index), timed the same way. ``pipeline_vs_plain`` is baseline seconds / pipeline
seconds: how much faster the whole import is than the simplest single-process reader.
Both also report CPU seconds (``cpu_plain_vs_pipeline``: plain CPU / pipeline CPU, all
processes), which other load on a shared machine does not change; the two wall-clock runs
follow each other, so a change of load between them moves the ratio.

Cold runs go through :func:`reader.extract.pool.extract_many` (no cache involved). The
library runs use a private, empty user folder (``POLICY_READER_HOME``) so the first
``update()`` extracts everything and the second is the cached re-scan; ``DIR`` is read
only (a library keeps its data in the user folders). Peak RSS is sampled every 50 ms over
this process and all its children (``/proc``), so it is the real simultaneous total.
The machine's load average and each run's ``cpu_share`` (CPU time used / wall time x
workers) are included: on a shared machine other processes take cores and every
wall-clock figure, the 1-vs-N ratio above all, shrinks; CPU seconds stay comparable.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO))

from reader.extract.pool import Job, default_workers, extract_many  # noqa: E402
from reader.extract.registry import format_for  # noqa: E402
from tests.bench.pdf_corpus import generate  # noqa: E402


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


class PeakRss:
    """Samples the summed RSS of this process tree in a background thread."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak_kb = 0
        self.peak_parent_kb = 0
        self.peak_child_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            parent = _rss_kb(me)
            todo, kids = _children(me), []
            while todo:
                pid = todo.pop()
                kids.append(_rss_kb(pid))
                todo += _children(pid)
            self.peak_kb = max(self.peak_kb, parent + sum(kids))
            self.peak_parent_kb = max(self.peak_parent_kb, parent)
            self.peak_child_kb = max([self.peak_child_kb, *kids])
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def cold_run(files: list[Path], workers: int) -> dict[str, object]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu0 = time.process_time()
    t0 = time.monotonic()
    pages = chars = 0
    statuses: dict[str, int] = {}
    slowest = (0.0, "")
    for r in extract_many([Job(str(p), p) for p in files], workers=workers):
        statuses[r.status.value] = statuses.get(r.status.value, 0) + 1
        slowest = max(slowest, (r.seconds, r.path.name))
        if r.extracted is not None:
            pages += len(r.extracted.pages)
            chars += len(r.extracted.text)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (time.process_time() - cpu0 + after.ru_utime - before.ru_utime
           + after.ru_stime - before.ru_stime)
    return {"workers": workers, "seconds": round(wall, 1), "pages": pages, "chars": chars,
            "pages_per_s": round(pages / wall, 2) if wall else 0.0,
            "cpu_seconds": round(cpu, 1),
            # Share of the workers' cores this run actually got (1.0: no other load).
            "cpu_share": round(cpu / (wall * workers), 2) if wall else 0.0,
            "statuses": statuses,
            "slowest_file": {"name": slowest[1], "seconds": slowest[0]}}


@contextlib.contextmanager
def private_home() -> Iterator[Path]:
    """An empty user folder of its own (no shared text cache) for the time of a run."""
    home = Path(tempfile.mkdtemp(prefix="bench-home-"))
    saved = {k: os.environ.get(k) for k in ("POLICY_READER_HOME",
                                             "POLICY_READER_EXTRACT_CACHE")}
    os.environ["POLICY_READER_HOME"] = str(home)
    os.environ.pop("POLICY_READER_EXTRACT_CACHE", None)
    try:
        yield home
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(home, ignore_errors=True)


def library_runs(folder: Path) -> dict[str, object]:
    from reader.workspace import Workspace

    with private_home():
        t0 = time.monotonic()
        first = Workspace(folder).library().update()
        cold = time.monotonic() - t0
        t0 = time.monotonic()
        again = Workspace(folder).library().update()  # a fresh object: state from disk
        rescan = time.monotonic() - t0
        return {"cold_update_seconds": round(cold, 1), "extracted": first.extracted,
                "cached_rescan_seconds": round(rescan, 3),
                "extracted_on_rescan": again.extracted}


_BASELINE = """
import sys, time
from pdfminer.high_level import extract_text
pages = 0
for name in sys.argv[1:]:
    try:
        text = extract_text(name)
    except Exception as exc:
        print("failed", name, type(exc).__name__, file=sys.stderr)
        continue
    pages += text.count("\\f")
print(pages)
"""


def baseline_run(files: list[Path]) -> dict[str, object]:
    """One plain ``extract_text`` process over the PDFs (see the module docstring)."""
    import subprocess

    pdfs = [str(p) for p in files if p.suffix.lower() == ".pdf"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    done = subprocess.run([sys.executable, "-c", _BASELINE, *pdfs], capture_output=True,
                          text=True, check=False)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    pages = int(done.stdout.strip() or 0) if done.returncode == 0 else 0
    return {"files": len(pdfs), "seconds": round(wall, 1), "pages": pages,
            "pages_per_s": round(pages / wall, 2) if wall else 0.0,
            "cpu_seconds": round(cpu, 1),
            # share of one core the plain process got (1.0: no other load)
            "cpu_share": round(cpu / wall, 2) if wall else 0.0}


def pipeline_run(folder: Path) -> dict[str, object]:
    """A cold ``Workspace.refresh()`` (extract + index) in a private, empty user folder."""
    from reader.workspace import Workspace

    with private_home():
        ws = Workspace(folder)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu0 = time.process_time()
        t0 = time.monotonic()
        ws.library().update()
        extract_s = time.monotonic() - t0
        ws.search().update()
        wall = time.monotonic() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (time.process_time() - cpu0 + after.ru_utime - before.ru_utime
               + after.ru_stime - before.ru_stime)
        pages = sum(d.pages for d in ws.library().documents() if d.format == "pdf")
        return {"seconds": round(wall, 1), "extract_seconds": round(extract_s, 1),
                "index_seconds": round(wall - extract_s, 1), "pdf_pages": pages,
                "pages_per_s": round(pages / wall, 2) if wall else 0.0,
                "cpu_seconds": round(cpu, 1)}


def compare_with_plain(folder: Path, files: list[Path], workers: int) -> dict[str, object]:
    base = baseline_run(files)
    print(f"plain pdfminer, 1 process: {base['seconds']} s", file=sys.stderr)
    pipe = pipeline_run(folder)
    print(f"extract + index, {workers} workers: {pipe['seconds']} s", file=sys.stderr)
    ratio = (round(float(base["seconds"]) / float(pipe["seconds"]), 2)  # type: ignore[arg-type]
             if pipe["seconds"] else None)
    cpu_ratio = (round(float(base["cpu_seconds"]) / float(pipe["cpu_seconds"]), 2)  # type: ignore[arg-type]
                 if pipe["cpu_seconds"] else None)
    return {"plain_pdfminer": base, "extract_and_index": pipe, "workers": workers,
            "pipeline_vs_plain": ratio,
            # CPU seconds of the plain process / of the whole pipeline (all processes):
            # what each page costs, whatever the other load on the machine
            "cpu_plain_vs_pipeline": cpu_ratio}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", nargs="?", type=Path, help="folder of documents to extract")
    ap.add_argument("--generate", type=int, metavar="N",
                    help="generate N PDFs plus one big PDF into a temporary folder first")
    ap.add_argument("--big-pages", type=int, default=2000, help="pages of the big PDF")
    ap.add_argument("--workers", type=int, default=default_workers(), help="N (cores)")
    ap.add_argument("--no-library", action="store_true", help="skip the library runs")
    ap.add_argument("--keep", action="store_true", help="keep the generated folder")
    ap.add_argument("--only-baseline", action="store_true",
                    help="only the plain-pdfminer baseline against extract + index")
    args = ap.parse_args(argv)
    tmp = None
    if args.generate:
        tmp = Path(tempfile.mkdtemp(prefix="bench-pdfs-"))
        t0 = time.monotonic()
        generate(tmp, args.generate, args.big_pages, workers=default_workers())
        print(f"generated {args.generate + bool(args.big_pages)} PDFs in {tmp} "
              f"({time.monotonic() - t0:.0f} s)", file=sys.stderr)
        folder = tmp
    elif args.dir:
        folder = args.dir
    else:
        ap.error("give DIR or --generate N")
    files = sorted(p for p in folder.rglob("*") if p.is_file() and format_for(p)
                   and ".policy-reader" not in p.parts)
    out: dict[str, object] = {"dir": str(folder), "files": len(files),
                              "bytes": sum(p.stat().st_size for p in files),
                              "cores": os.cpu_count(), "load_average_start": os.getloadavg()}
    try:
        if args.only_baseline:
            out.update(compare_with_plain(folder, files, args.workers))
            out["load_average_end"] = os.getloadavg()
            print(json.dumps(out, indent=2))
            return 0
        with PeakRss() as pipeline_rss:  # extraction and indexing in one process tree
            plain = compare_with_plain(folder, files, args.workers)
        with PeakRss() as rss:  # extraction alone (the target: ≤ 500 MB)
            one = cold_run(files, 1)
            print(f"1 worker: {one['seconds']} s", file=sys.stderr)
            many = cold_run(files, args.workers)
            print(f"{args.workers} workers: {many['seconds']} s", file=sys.stderr)
            lib = {} if args.no_library else library_runs(folder)
        out.update({
            "pages": many["pages"], "chars": many["chars"],
            "cold_1_worker": one, "cold_n_workers": many,
            "ratio": round(one["seconds"] / many["seconds"], 2) if many["seconds"] else None,
            "library": lib or {"skipped": "--no-library"},
            "plain": plain,
            "peak_rss_mb": {"total": round(rss.peak_kb / 1024),
                            "parent": round(rss.peak_parent_kb / 1024),
                            "largest_child": round(rss.peak_child_kb / 1024),
                            "extract_and_index_total": round(pipeline_rss.peak_kb / 1024)},
            "load_average_end": os.getloadavg(),
        })
    finally:
        if tmp is not None and not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
