"""Search benchmark: build an index of generated policy-like documents and time it.

    python tests/bench/search.py [--docs 5000] [--words 2000] [--dir DIR]

Prints JSON: build docs/s, index size, one-document update seconds, and p50/p95 latency of
a fixed mix of queries (terms, phrases, fields, fuzzy, prefix, citations, boolean), each
returning the top 10 documents with snippets, facets and suggestions: ``first_run`` is the
mix's first pass on a fresh searcher (no word read yet, as after every commit),
``latency`` the timed repeats (the searcher's term cache warm, as when a query is refined,
re-sorted or narrowed by a facet). Documents are
generated from a fixed seed (a vocabulary of policy words plus a long tail of rarer
words, Zipf-distributed), a third of them paged like PDFs. The engine is driven directly
(the rows a workspace's files would give), committing in batches as the app does.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.model.documents import DocMeta, DocStatus, DocText, Document, Page
from reader.search.engine import SearchEngine
from reader.search.rows import doc_rows


def _split(text: str) -> list[str]:
    return text.split()

POLICY_WORDS = _split("""
the of and to a in that shall be or is for any by on with as person who not under this
section may an drug are office court county district attorney charge charges possession
treatment overdose naloxone prosecution prosecutor police officer officers arrest evidence
substance controlled use personal program services health public community policy memo
diversion deflection referral probation bail jail sentence conviction record records
immunity medical assistance emergency call good samaritan syringe syringes exchange
fentanyl opioid opioids antagonist pharmacy pharmacist standing order dispense access
housing employment immigration consequences racial disparities enforcement data report
evaluation outcomes international models decriminalization declination declined decline
paraphernalia checking strips test centres prevention supervised consumption site sites
people residents families advocates harm reduction outreach peer workers clinic clinics
hospital emergency department buprenorphine methadone medication disorder recovery court
courts judge judges plea dismissal dismissed charging discretion amount quantity intent
deliver distribution homicide death resulting victims survivors trust reconciliation
acknowledgement past hiring standards conduct training budget funding grant state federal
legislature statute act amendment subsection paragraph provision provisions effective date
year years month months review reviewed approval exception exceptions supervisor assistant
first second third fourth written notice shall must will would should could also each
every all no other such these those their there where when which while because if than
""")

FUNCTION_WORDS = set(_split("""
the of and to a in that shall be or is for any by on with as who not under this may an are
also each every all no other such these those their there where when which while because
if than must will would should could first second third fourth
"""))
JURISDICTIONS = ["Alder County, PA", "PA", "NY", "Philadelphia, PA", "Tolliver County, NM",
                 "NM", "Brennan County, MI", "MI", "OH", "Cook County, IL", "MD", "WA", ""]
KINDS = ["memo", "statute", "opinion", "article", "report", "other"]
AUTHORS = ["Office of the District Attorney", "Court of Appeals", "Department of Health",
           "Harm Reduction Coalition", "State Legislature", "Public Defender Service"]
CITATIONS = ["12-405", "§ 4-210(b)", "35 P.S. § 17.1", "§ 780-113(a)(16)", "Section 12-402",
             "18 Pa.C.S. § 2506", "§ 3.5(c)"]

QUERIES: list[tuple[str, str]] = [
    *[(q, "relevance") for q in (
        "naloxone", "possession", "treatment", "prosecution", "overdose", "diversion",
        "syringe", "fentanyl", "declination", "probation", "immunity", "housing",
        "employment", "evidence", "bail", "court", "community", "pharmacy", "outreach",
        "buprenorphine",
        "naloxone access", "possession charges", "treatment court", "overdose death",
        "syringe services",
        '"controlled substance"', '"good samaritan"', '"drug checking"', '"personal use"',
        '"standing order"',
        "kind:memo naloxone", "jurisdiction:PA treatment", "date:2019..2021 overdose",
        "kind:statute immunity", "author:office prosecution", "path:memo diversion",
        "kind:report -fentanyl housing", "jurisdiction:ny kind:opinion",
        "naloxne~", "posession~", "treatmnt~", "prosecuton~", "diverson~",
        "nalox*", "decrim*", "prosecut*", "treat*", "syring*",
        "12-405", "§ 4-210(b)", "35 P.S. § 17.1", "§ 780-113",
        "naloxone OR fentanyl", "(treatment OR diversion) AND court", "overdose -fentanyl",
        "immunity NOT arrest", "naloxne")],
    ("naloxone", "date"), ("kind:memo", "date"), ("possession treatment", "date"),
]


def vocabulary(rng: random.Random, size: int) -> list[str]:
    syllables = ["ba", "co", "de", "fi", "gu", "la", "me", "no", "pra", "ri", "sa", "te",
                 "vo", "zu", "ker", "mon", "tal", "ven", "dor", "lis"]
    seen = set(POLICY_WORDS)
    tail: list[str] = []
    while len(tail) < size:
        w = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 3, 3, 4))))
        if w not in seen:
            seen.add(w)
            tail.append(w)
    # function words first; topic words spread over ranks 40..6000 (some common, many
    # rare, as in a real collection where "court" is everywhere and "naloxone" is not);
    # the generated long tail fills the rest
    function = [w for w in dict.fromkeys(POLICY_WORDS) if w in FUNCTION_WORDS]
    topic = [w for w in dict.fromkeys(POLICY_WORDS) if w not in FUNCTION_WORDS]
    rng.shuffle(topic)
    ranked = function + tail[:40 - len(function)] if len(function) < 40 else function
    rest = tail[max(0, 40 - len(function)):]
    for k, w in enumerate(topic):
        ranked.append(w)
        step = int(40 * (150 ** (k / len(topic))) - 40 * (150 ** ((k - 1) / len(topic))))
        ranked.extend(rest[:max(0, step)])
        rest = rest[max(0, step):]
    return ranked + rest


def make_corpus(n: int, words: int, seed: int = 7) -> list[tuple[Document, DocText]]:
    rng = random.Random(seed)
    vocab = vocabulary(rng, 40_000)
    # Zipf-like: ~700-800 distinct words per 2,000-word document, as in real prose
    weights = [1.0 / (rank + 2) ** 1.2 for rank in range(len(vocab))]
    out = []
    for i in range(n):
        tokens = rng.choices(vocab, weights=weights, k=words)
        paras, sent, para = [], [], []
        for j, tok in enumerate(tokens):
            sent.append(tok)
            if j % 300 == 150:
                sent.append(rng.choice(CITATIONS))
            if len(sent) >= rng.randint(8, 24):
                s = " ".join(sent)
                para.append(s[0].upper() + s[1:] + ".")
                sent = []
                if len(para) >= rng.randint(3, 7):
                    paras.append(" ".join(para))
                    para = []
        if sent:
            para.append(" ".join(sent) + ".")
        if para:
            paras.append(" ".join(para))
        paged = i % 3 == 0
        if paged:  # ~4 pages, as a PDF gives them
            per = max(1, len(paras) // 4)
            page_texts = ["\n\n".join(paras[k:k + per]) for k in range(0, len(paras), per)]
        else:
            page_texts = ["\n\n".join(paras)]
        text = "\n\n".join(page_texts)
        pages, pos = [], 0
        for k, t in enumerate(page_texts):
            pages.append(Page(k + 1, pos, pos + len(t), str(k + 1) if paged else ""))
            pos += len(t) + 2
        kind = KINDS[i % len(KINDS)]
        title = " ".join(rng.choices(vocab[:400], k=rng.randint(3, 8))).title()
        meta = DocMeta(title=title, kind=kind, author=rng.choice(AUTHORS),
                       date=f"{rng.randint(2010, 2024)}-{rng.randint(1, 12):02}",
                       jurisdiction=rng.choice(JURISDICTIONS),
                       citation=rng.choice(CITATIONS) if kind == "statute" else "")
        doc_id = f"{i:064x}"
        folder = {"memo": "memos", "statute": "statutes"}.get(kind, kind + "s")
        doc = Document(id=doc_id, path=f"{folder}/doc-{i:05}.{'pdf' if paged else 'txt'}",
                       format="pdf" if paged else "text", size=len(text), mtime_ns=0,
                       status=DocStatus.OK, meta=meta, pages=len(pages), chars=len(text),
                       paged=paged)
        out.append((doc, DocText(doc_id, text, tuple(pages))))
    return out


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(q * (len(values) - 1))))
    return values[k]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--words", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=400, help="documents per commit")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of the query mix")
    ap.add_argument("--dir", help="where to build the index (default: a temporary folder)")
    ap.add_argument("--tier", type=int, default=0,
                    help="override the engine's TIER (mid-size segments merged per bulk commit)")
    ap.add_argument("--reuse", action="store_true",
                    help="time updates and queries on the index already in --dir (no build)")
    args = ap.parse_args()

    if args.tier:
        from reader.search import merging
        merging.TIER = args.tier
    t0 = time.perf_counter()
    corpus = make_corpus(args.docs, args.words)
    gen_s = time.perf_counter() - t0
    base = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="search-bench-"))
    index_dir = base / "index"
    if not args.reuse:
        shutil.rmtree(index_dir, ignore_errors=True)
    engine = SearchEngine(index_dir)

    t0, c0 = time.perf_counter(), time.process_time()
    rows = 0
    for start in range(0, 0 if args.reuse else len(corpus), args.batch):
        with engine.writing(bulk=True) as w:
            for doc, text in corpus[start:start + args.batch]:
                r = doc_rows(doc, text)
                rows += len(r)
                w.replace(doc.id, r)
    build_s = time.perf_counter() - t0
    build_cpu_s = time.process_time() - c0

    # one-document update: a changed document replaced, committed, and searchable. Eight
    # of them, so the tiny segments they leave get folded (in the background, after the
    # sixth): that fold is timed apart, and each update starts once it is over, as edits
    # a person makes seconds apart would.
    # The app has the index open and searched before anyone edits: the first search after
    # opening (reading the tables the searcher keeps) is timed apart.
    t = time.perf_counter()
    engine.search("naloxone")
    open_search_s = time.perf_counter() - t
    updates, folds = [], []
    for k in range(8):
        doc, text = corpus[k * 7]
        changed = DocText(doc.id, text.text.replace(".", " zeppelinupdate.", 1), text.pages)
        t = time.perf_counter()
        with engine.writing() as w:
            w.replace(doc.id, doc_rows(doc, changed))
        found = engine.search("zeppelinupdate").total
        updates.append(time.perf_counter() - t)
        assert found >= 1
        if engine.folding():
            t = time.perf_counter()
            engine.wait_tidy()
            folds.append(time.perf_counter() - t)

    # first run of the mix on a fresh searcher (after a commit: the searcher's term cache
    # is empty; words shared by queries of the mix are read once), then the timed runs
    engine.close()
    engine = SearchEngine(index_dir)
    first: list[float] = []
    first_cpu: list[float] = []
    for q, sort in QUERIES:
        t, c = time.perf_counter(), time.process_time()
        engine.search(q, limit=10, sort=sort)
        first.append(time.perf_counter() - t)
        first_cpu.append(time.process_time() - c)
    latencies: dict[str, list[float]] = {}
    cpu: list[float] = []
    empty = []
    for _ in range(args.repeat):
        for q, sort in QUERIES:
            t, c = time.perf_counter(), time.process_time()
            r = engine.search(q, limit=10, sort=sort)
            latencies.setdefault(f"{q} [{sort}]", []).append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
            if not r.groups and not r.suggestion:
                empty.append(q)
            for g in r.groups:
                for h in g.hits:
                    assert all(s.text.strip() for s in h.snippets)
    flat = [v for vs in latencies.values() for v in vs]
    slowest = sorted(latencies.items(), key=lambda kv: -statistics.median(kv[1]))[:5]
    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "documents": len(corpus), "words_per_document": args.words, "rows": rows,
        "text_mb": round(sum(len(t.text) for _, t in corpus) / 1e6, 1),
        "generate_s": round(gen_s, 1),
        "build_s": round(build_s, 1),
        "build_docs_per_s": None if args.reuse else round(len(corpus) / build_s, 1),
        "build_cpu_s": None if args.reuse else round(build_cpu_s, 1),
        "build_docs_per_cpu_s": None if args.reuse else round(len(corpus) / build_cpu_s, 1),
        "index_mb": round(dir_size(index_dir) / 1e6, 1),
        "one_document_update_s": {"median": round(statistics.median(updates), 3),
                                  "max": round(max(updates), 3)},
        "background_fold_s": [round(f, 3) for f in folds],
        "first_search_after_open_s": round(open_search_s, 3),
        "queries": len(QUERIES), "runs": len(flat),
        "latency_ms": {"p50": round(percentile(flat, 0.5) * 1000, 1),
                       "p95": round(percentile(flat, 0.95) * 1000, 1),
                       "max": round(max(flat) * 1000, 1)},
        "latency_cpu_ms": {"p50": round(percentile(cpu, 0.5) * 1000, 1),
                           "p95": round(percentile(cpu, 0.95) * 1000, 1)},
        "first_run_ms": {"p50": round(percentile(first, 0.5) * 1000, 1),
                         "p95": round(percentile(first, 0.95) * 1000, 1),
                         "max": round(max(first) * 1000, 1)},
        "first_run_cpu_ms": {"p50": round(percentile(first_cpu, 0.5) * 1000, 1),
                             "p95": round(percentile(first_cpu, 0.95) * 1000, 1)},
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "slowest_queries_ms": {q: round(statistics.median(v) * 1000, 1) for q, v in slowest},
        "queries_without_results": sorted(set(empty)),
    }
    print(json.dumps(result, indent=2))
    engine.close()
    if not args.dir:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
