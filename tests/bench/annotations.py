"""Benchmark: 20 authors × 2,500 highlights (50,000) over a set of documents.

Measures, each in a fresh process: reading + merging every author file (``store.load()``)
and anchoring every highlight (``store.placed_all()``), with the text unchanged and after
an edit to every document (every document gets a new content hash: anchoring by quote).
Prints JSON. Uses the bundled corpus when it has at least 10 readable documents, otherwise
a generated set of documents (fictional text).

    python tests/bench/annotations.py [--authors 20] [--per-author 2500]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.annotations.anchoring import make_quote  # noqa: E402
from reader.annotations.w3c_write import encode_collection, encode_highlight  # noqa: E402
from reader.model.annotations import Author, Highlight, Stance  # noqa: E402
from reader.model.documents import DocText, Page, Section  # noqa: E402

_WORDS_TEXT = ("the office will decline to charge possession of controlled substances where the "
         "amount is consistent with personal use officers shall refer people to services "
         "instead of arrest naloxone distribution syringe services program evaluation "
         "county district attorney memorandum policy treatment court diversion overdose "
         "data shows racial disparities in enforcement housing employment records "
         "immunity good samaritan law pharmacies standing order section subsection "
         "community trust reconciliation participation lived experience")
WORDS = _WORDS_TEXT.split()
THEMES = ("non-prosecution-possession", "charging-policy", "pre-arrest-diversion",
          "good-samaritan", "naloxone", "drug-courts", "syringe-services", "racial-equity",
          "housing", "evaluations", "lived-experience", "unknown-from-elsewhere")


def generated_docs(rng: random.Random, n: int = 40) -> list[tuple[str, DocText]]:
    out = []
    for i in range(n):
        size = int(rng.choice((8_000, 20_000, 60_000, 150_000, 400_000)))
        paras, total = [], 0
        while total < size:
            p = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 120)))
            p = p[0].upper() + p[1:] + f" ({i}-{len(paras)})."
            paras.append(p)
            total += len(p) + 2
        text = "\n\n".join(paras)
        pages = tuple(Page(k + 1, s, min(len(text), s + 3000), str(k + 1))
                      for k, s in enumerate(range(0, len(text), 3000)))
        secs = tuple(Section(f"Part {k + 1}", 1, s, min(len(text), s + 20_000), f"§ {k + 1}")
                     for k, s in enumerate(range(0, len(text), 20_000)))
        out.append((f"docs/generated-{i:02d}.txt", _with_id(DocText("", text, pages, secs))))
    return out


def _with_id(dt: DocText) -> DocText:
    import hashlib
    did = hashlib.sha256(dt.text.encode("utf-8")).hexdigest()
    return DocText(did, dt.text, dt.pages, dt.sections)


def corpus_docs() -> list[tuple[str, DocText]]:
    corpus = REPO / "corpus"
    if not corpus.is_dir() or sum(1 for p in corpus.rglob("*") if p.is_file()) < 10:
        return []
    from reader.workspace import Workspace
    tmp = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        os.environ["POLICY_READER_HOME"] = str(tmp / "home")
        shutil.copytree(corpus, tmp / "ws")
        ws = Workspace.open(tmp / "ws")
        ws.library().update()
        out = []
        for d in ws.library().documents():
            try:
                t = ws.library().text(d.id)
            except Exception:
                continue
            if len(t.text) > 2000:
                out.append((d.path, t))
        return out if len(out) >= 10 else []
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def edit(rng: random.Random, dt: DocText) -> DocText:
    """Insert a sentence somewhere and delete a few words elsewhere (new content hash)."""
    text = dt.text
    at = rng.randrange(0, len(text))
    text = text[:at] + " An inserted sentence about the amended policy. " + text[at:]
    cut = rng.randrange(0, len(text) - 40)
    text = text[:cut] + text[cut + rng.randint(5, 30):]
    shift = len(text) - len(dt.text)
    pages = tuple(Page(p.number, p.start if p.start <= at else p.start + shift,
                       min(len(text), p.end if p.end <= at else p.end + shift), p.label)
                  for p in dt.pages)
    return _with_id(DocText("", text, pages, dt.sections))


def make_files(folder: Path, docs: list[tuple[str, DocText]], authors: int, per: int,
               rng: random.Random) -> None:
    folder.mkdir(parents=True)
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    weights = [len(dt.text) ** 0.5 for _, dt in docs]
    for a in range(authors):
        author = Author(f"bench{a:02d}{rng.getrandbits(32):08x}", f"Reader {a}")
        items = []
        for k in range(per):
            path, dt = rng.choices(docs, weights)[0]
            length = rng.randint(20, 240)
            s = rng.randrange(0, max(1, len(dt.text) - length))
            e = s + length
            when = t0 + timedelta(minutes=k)
            h = Highlight(id=f"urn:uuid:{rng.getrandbits(128):032x}", doc_id=dt.doc_id,
                          doc_path=path, start=s, end=e, quote=make_quote(dt.text, s, e),
                          author=author, created=when, modified=when,
                          themes=tuple(rng.sample(THEMES, rng.randint(0, 2))),
                          stance=rng.choice((None, *Stance)),
                          note=("A note on this passage. " * rng.randint(1, 6))
                          if rng.random() < 0.3 else "")
            items.append(encode_highlight(h, creator=f"urn:policy-reader:author:{author.id}"))
        data = encode_collection(author, items, modified=t0)
        (folder / f"{author.id}.json").write_bytes(data)


class MemoryLibrary:
    def __init__(self, docs: list[tuple[str, DocText]]) -> None:
        from reader.model.documents import DocStatus, Document
        self.texts = {dt.doc_id: dt for _, dt in docs}
        self.docs = tuple(Document(id=dt.doc_id, path=p, format="text", size=len(dt.text),
                                   mtime_ns=0, status=DocStatus.OK) for p, dt in docs)

    def documents(self):
        return self.docs

    def text(self, doc_id: str) -> DocText:
        return self.texts[doc_id]


def child(workdir: Path, case: str) -> dict[str, object]:
    from collections import Counter

    from reader.settings import Settings
    from reader.workspace import Workspace
    docs = pickle.loads((workdir / f"docs-{case}.pickle").read_bytes())
    os.environ["POLICY_READER_HOME"] = str(workdir / "home")
    ws = Workspace(workdir / "ws", settings=Settings(workdir / "settings.json"))
    ws.__dict__["_library"] = MemoryLibrary(docs)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), time.process_time()
    report = ws.annotations().load()
    t1, c1 = time.perf_counter(), time.process_time()
    placed = list(ws.annotations().placed_all())
    t2, c2 = time.perf_counter(), time.process_time()
    status = Counter(p.anchor.status.value for p in placed)
    return {"load_and_merge_s": round(t1 - t0, 3), "anchor_s": round(t2 - t1, 3),
            "total_s": round(t2 - t0, 3), "total_cpu_s": round(c2 - c0, 3),
            "load_and_merge_cpu_s": round(c1 - c0, 3), "anchor_cpu_s": round(c2 - c1, 3),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "rss_before_load_mb": round(base, 1), "highlights": report.highlights,
            "files": report.files, "status": dict(status)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--authors", type=int, default=20)
    ap.add_argument("--per-author", type=int, default=2500)
    ap.add_argument("--generated", action="store_true",
                    help="use generated documents (6 MB of text) even when the corpus is there")
    ap.add_argument("--child", nargs=2, metavar=("DIR", "CASE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(Path(args.child[0]), args.child[1])))
        return
    rng = random.Random(20240501)
    docs = [] if args.generated else corpus_docs()
    source = "corpus"
    if not docs:
        docs, source = generated_docs(rng), "generated"
    edited = [(p, edit(rng, dt)) for p, dt in docs]
    work = Path(tempfile.mkdtemp(prefix="bench-annotations-"))
    try:
        (work / "docs-unchanged.pickle").write_bytes(pickle.dumps(docs))
        (work / "docs-edited.pickle").write_bytes(pickle.dumps(edited))
        make_files(work / "ws" / ".policy-reader" / "annotations", docs, args.authors,
                   args.per_author, rng)
        size = sum(p.stat().st_size for p in (work / "ws").rglob("*.json"))
        t = time.perf_counter()
        for _ in range(1_000_000):
            pass
        loop_ns = round((time.perf_counter() - t) * 1000, 1)  # ~10-15 ns on an idle laptop
        result: dict[str, object] = {
            "calibration_empty_loop_ns": loop_ns,
            "cores": os.cpu_count(), "load_average": round(os.getloadavg()[0], 2),
            "python": sys.version.split()[0], "documents": len(docs),
            "document_source": source, "text_mb": round(sum(len(d.text) for _, d in docs)
                                                        / 1e6, 2),
            "authors": args.authors, "highlights": args.authors * args.per_author,
            "annotation_files_mb": round(size / 1e6, 1)}
        for case in ("unchanged", "edited"):
            out = subprocess.run([sys.executable, __file__, "--child", str(work), case],
                                 capture_output=True, text=True, check=True)
            result[case] = json.loads(out.stdout.strip().splitlines()[-1])
        print(json.dumps(result, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
