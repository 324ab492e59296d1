"""Benchmark: the comparison matrix and agreement between annotators.

500 documents, a taxonomy of 45 themes (the shipped one, plus one), 50,000 highlights from
20 authors. Highlights cluster on passages the way a study group reads (each passage is
marked by several people with slightly different ends, themes drawn from the passage's
likely themes, a stance or none), so agreement has real overlaps to sweep.

Measured (best of 3 runs in one process, and the first run):

* ``matrix_s``: :func:`build_matrix` over all documents and themes (the targets: ≤ 0.3 s);
  ``matrix_filtered_s``: memos of one state, two themes (what a filter change costs);
* ``matrix_from_store_s``: the same from 20 author files read by the store
  (``store.by_document()`` + the matrix; the files' reading and merging is timed apart as
  ``store_load_s``, which ``tests/bench/annotations.py`` covers);
* ``agreement_s``: per-theme kappa/alpha over characters (target ≤ 1 s), ``disagreements_s``
  the disagreements list, and ``agreement_total_s`` both.

    python tests/bench/compare.py [--docs 500] [--authors 20] [--highlights 50000]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.annotations.taxonomy import Taxonomy, parse  # noqa: E402
from reader.annotations.w3c_write import encode_collection, encode_highlight  # noqa: E402
from reader.compare.agreement import agreement_figures  # noqa: E402
from reader.compare.disagreements import find_disagreements  # noqa: E402
from reader.compare.matrix import build_matrix  # noqa: E402
from reader.model.annotations import (  # noqa: E402
    Anchor,
    AnchorStatus,
    Author,
    Highlight,
    Placed,
    Stance,
    TextQuote,
    Theme,
)
from reader.model.compare import MatrixFilter  # noqa: E402
from reader.model.documents import DocMeta, DocStatus, Document  # noqa: E402

KINDS = ("memo", "memo", "statute", "article", "report", "opinion")
STATES = ("PA", "NM", "MI", "MD", "WA", "OR", "VT", "DC", "MN", "NY")
T0 = datetime(2025, 1, 1, tzinfo=UTC)


def taxonomy() -> Taxonomy:
    tax, _, _ = parse(json.loads((REPO / "resources" / "themes.json").read_text("utf-8")))
    themes = list(tax.themes)
    while len(themes) < 45:
        themes.append(Theme(f"extra-{len(themes)}", f"Extra theme {len(themes)}", "#cccccc",
                            parent=themes[0].id))
    return Taxonomy(tuple(themes[:45]))


def documents(rng: random.Random, n: int) -> list[Document]:
    out = []
    for i in range(n):
        state = rng.choice(STATES)
        kind = rng.choice(KINDS)
        meta = DocMeta(title=f"Document {i:03d}", kind=kind,
                       author=f"County {i % 60} District Attorney" if kind == "memo" else "",
                       date=f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}",
                       jurisdiction=f"County {i % 60}, {state}")
        chars = rng.randint(5_000, 120_000)
        out.append(Document(f"{i:064x}", f"docs/d{i:03d}.txt", "text", chars, 0,
                            DocStatus.OK, meta=meta, chars=chars))
    return out


def highlights(rng: random.Random, docs: list[Document], tax: Taxonomy, authors: int,
               total: int) -> dict[str, list[Placed]]:
    people = [Author(f"a{k:02d}{rng.getrandbits(24):06x}", f"Reader {k}") for k in range(authors)]
    leaves = [t.id for t in tax.themes]
    per_doc = total // len(docs)
    out: dict[str, list[Placed]] = {}
    n = 0
    for d in docs:
        placed: list[Placed] = []
        passages = [(rng.randrange(0, d.chars - 400), rng.randint(40, 300),
                     rng.sample(leaves, 3)) for _ in range(max(1, per_doc // 4))]
        for _ in range(per_doc):
            start, length, likely = rng.choice(passages)
            s = max(0, start + rng.randint(-25, 25))
            e = min(d.chars, s + length + rng.randint(-30, 30))
            who = rng.choice(people)
            themes = tuple(rng.sample(likely, rng.choice((1, 1, 1, 2))))
            when = T0 + timedelta(seconds=n)
            h = Highlight(f"urn:uuid:{rng.getrandbits(128):032x}", d.id, d.path, s, e,
                          TextQuote(f"words {n}"), who, when, when, themes=themes,
                          stance=rng.choice((None, *Stance)))
            placed.append(Placed(h, Anchor(AnchorStatus.ANCHORED, s, e, doc_id=d.id)))
            n += 1
        out[d.id] = placed
    return out


def timed(fn: Callable[[], object], runs: int = 3) -> tuple[float, float, float, object]:
    """(first run, best run, best CPU time, result) in seconds: wall time, and CPU time,
    which is what an idle machine takes when others share it."""
    times, cpu = [], []
    result = None
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return round(times[0], 3), round(min(times), 3), round(min(cpu), 3), result


class _Library:
    def __init__(self, docs: list[Document]) -> None:
        self.docs = tuple(docs)

    def documents(self) -> tuple[Document, ...]:
        return self.docs

    def text(self, doc_id: str):  # type: ignore[no-untyped-def]
        raise KeyError(doc_id)  # counting never needs a text


def from_store(docs: list[Document], placed: dict[str, list[Placed]], tax: Taxonomy
               ) -> dict[str, float]:
    """Write one file per author, load them with the store, time the matrix from it."""
    from reader.settings import Settings
    from reader.workspace import Workspace

    work = Path(tempfile.mkdtemp(prefix="bench-compare-"))
    try:
        os.environ["POLICY_READER_HOME"] = str(work / "home")
        folder = work / "ws" / ".policy-reader" / "annotations"
        folder.mkdir(parents=True)
        by_author: dict[str, tuple[Author, list[dict]]] = {}
        for ps in placed.values():
            for p in ps:
                a = p.highlight.author
                by_author.setdefault(a.id, (a, []))[1].append(encode_highlight(p.highlight))
        for a, items in by_author.values():
            (folder / f"{a.id}.json").write_bytes(encode_collection(a, items, modified=T0))
        ws = Workspace(work / "ws", settings=Settings(work / "settings.json"))
        ws.__dict__["_library"] = _Library(docs)
        store = ws.annotations()
        t = time.perf_counter()
        store.load()
        load = time.perf_counter() - t
        first, best, cpu, _ = timed(lambda: build_matrix(docs, store.by_document(), tax,
                                                         authors=store.authors()))
        return {"store_load_s": round(load, 3), "matrix_from_store_first_s": first,
                "matrix_from_store_s": best, "matrix_from_store_cpu_s": cpu}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--authors", type=int, default=20)
    ap.add_argument("--highlights", type=int, default=50_000)
    ap.add_argument("--no-store", action="store_true", help="skip the run over real files")
    args = ap.parse_args()
    rng = random.Random(14)
    tax = taxonomy()
    docs = documents(rng, args.docs)
    placed = highlights(rng, docs, tax, args.authors, args.highlights)
    by_doc = {d: [p.highlight for p in ps] for d, ps in placed.items()}
    doc_map = {d.id: d for d in docs}
    m_first, m_best, m_cpu, m = timed(lambda: build_matrix(docs, by_doc, tax))
    f_first, f_best, f_cpu, fm = timed(lambda: build_matrix(docs, by_doc, tax, MatrixFilter(
        kinds=("memo",), jurisdictions=("PA",), themes=("overdose-response", "naloxone"))))
    a_first, a_best, a_cpu, report = timed(lambda: agreement_figures(placed, doc_map, tax))
    d_first, d_best, d_cpu, found = timed(lambda: find_disagreements(placed, doc_map, tax))
    out = {
        "cores": os.cpu_count(), "load_average": round(os.getloadavg()[0], 2),
        "documents": len(docs), "themes": len(tax.themes), "authors": args.authors,
        "highlights": sum(len(v) for v in placed.values()),
        "matrix_first_s": m_first, "matrix_s": m_best, "matrix_cpu_s": m_cpu,
        "matrix_cells": len(m.cells),  # type: ignore[attr-defined]
        "matrix_filtered_first_s": f_first, "matrix_filtered_s": f_best,
        "matrix_filtered_cpu_s": f_cpu,
        "matrix_filtered_rows": len(fm.rows),  # type: ignore[attr-defined]
        "agreement_first_s": a_first, "agreement_s": a_best, "agreement_cpu_s": a_cpu,
        "agreement_overall": round(report.overall.value or 0, 4),  # type: ignore[attr-defined]
        "agreement_method": report.method,  # type: ignore[attr-defined]
        "disagreements_first_s": d_first, "disagreements_s": d_best,
        "disagreements_cpu_s": d_cpu,
        "disagreements": len(found),  # type: ignore[arg-type]
        "agreement_total_s": round(a_best + d_best, 3),
        "agreement_total_cpu_s": round(a_cpu + d_cpu, 3),
        "targets": {"matrix_s": 0.3, "agreement_total_s": 1.0},
    }
    if not args.no_store:
        out.update(from_store(docs, placed, tax))
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
