"""Why the index has a row per document: compare layouts on the same generated documents.

    python tests/bench/search_layout.py [--docs 600]

* ``engine``     — what Policy Reader does (since format 6: a row per document,
  ``chars=True``, matches read from the postings and placed on the stored pages, queries
  scored over the posting blocks; up to format 5 it was a row per page).
* ``doc-chars``  — a row per document with ``chars=True``; Whoosh's highlighter with the
  ``PinpointFragmenter``; each match's page found by bisecting the page starts.
* ``doc-plain``  — a row per document without offsets; Whoosh's default highlighter
  (re-tokenises the stored text; sees only its first 32 KB).

Prints JSON: build seconds, index size, query p50/p95 (top 10 with snippets; CPU time, so
other load on the machine does not count), and how many top-10 hits got no snippet.
"""

from __future__ import annotations

import argparse
import bisect
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import make_corpus  # the benchmark's generator
from whoosh import highlight
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import QueryParser

from reader.search.analysis import text_analyzer
from reader.search.engine import SearchEngine
from reader.search.rows import doc_rows

QUERIES = ["naloxone", "treatment", "possession charges", '"personal use"', "fentanyl",
           "syringe services", "court", "buprenorphine", "diversion", "overdose death"]


def size(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6, 1)


def whole_doc(corpus: list, folder: Path, chars: bool) -> dict:
    schema = Schema(doc_id=ID(stored=True), title=TEXT(analyzer=text_analyzer()),
                    body=TEXT(analyzer=text_analyzer(), phrase=True, chars=chars, stored=True),
                    starts=STORED())
    folder.mkdir(parents=True)
    ix = FileStorage(str(folder)).create_index(schema)
    t = time.process_time()
    w = ix.writer(limitmb=256)
    for doc, text in corpus:
        w.add_document(doc_id=doc.id, title=doc.title, body=text.text,
                       starts=[p.start for p in text.pages])
    w.commit()
    build = time.process_time() - t
    parser = QueryParser("body", schema)
    times, missing = [], 0
    with ix.searcher() as s:
        for _ in range(2):
            for q in QUERIES:
                t = time.process_time()
                results = s.search(parser.parse(q), limit=10, terms=chars)
                if chars:
                    results.fragmenter = highlight.PinpointFragmenter(autotrim=True)
                for hit in results:
                    snippet = hit.highlights("body", top=3)
                    missing += not snippet
                    bisect.bisect_right(hit["starts"], 0)  # (the page, once offsets are known)
                times.append(time.process_time() - t)
    return {"build_cpu_s": round(build, 1), "index_mb": size(folder),
            "query_ms_p50": round(statistics.median(times) * 1000, 1),
            "query_ms_p95": round(sorted(times)[int(len(times) * 0.95)] * 1000, 1),
            "hits_without_snippet": missing // 2}


def engine_rows(corpus: list, folder: Path) -> dict:
    engine = SearchEngine(folder)
    t = time.process_time()
    with engine.writing() as w:
        for doc, text in corpus:
            w.replace(doc.id, doc_rows(doc, text))
    build = time.process_time() - t
    engine.search("warm up")
    times, missing = [], 0
    for _ in range(2):
        for q in QUERIES:
            t = time.process_time()
            r = engine.search(q, limit=10)
            times.append(time.process_time() - t)
            missing += sum(1 for g in r.groups for h in g.hits if not h.snippets)
    engine.close()
    return {"build_cpu_s": round(build, 1), "index_mb": size(folder),
            "query_ms_p50": round(statistics.median(times) * 1000, 1),
            "query_ms_p95": round(sorted(times)[int(len(times) * 0.95)] * 1000, 1),
            "hits_without_snippet": missing // 2,
            "note": "includes totals, facets, suggestions and page-accurate offsets"}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--words", type=int, default=2000)
    args = ap.parse_args()
    corpus = make_corpus(args.docs, args.words)
    base = Path(tempfile.mkdtemp(prefix="search-layout-"))
    try:
        out = {"documents": args.docs, "words": args.words,
               "engine": engine_rows(corpus, base / "a"),
               "doc-chars": whole_doc(corpus, base / "b", chars=True),
               "doc-plain": whole_doc(corpus, base / "c", chars=False)}
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
