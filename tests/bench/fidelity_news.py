"""How well saved news pages are read: body word-F1 against each fixture's reference body
(ours, trafilatura alone, and readability alone as a second opinion), headline, author,
date and site accuracy (ours and trafilatura's own metadata). Prints JSON.

    .venv/bin/python tests/bench/fidelity_news.py [--folder DIR] [--show]

``--folder`` reads another folder of ``NAME.html`` + ``NAME.expected.json`` pairs (the same
sidecar format as ``tests/fixtures/fidelity/news``), e.g. real pages kept outside the repo.
``--show`` also prints each page's headline, byline, date and the start of the body.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.extract.registry import extract_file  # noqa: E402
from reader.extract.web.engine import article_engine, engine_versions  # noqa: E402
from reader.extract.web.names import fold  # noqa: E402
from tests.core.news_fixtures import NEWS, news_fixtures, word_f1  # noqa: E402


def trafilatura_alone(html: str) -> tuple[str, dict[str, str]]:
    """The extractor as a user would call it: text and metadata, nothing cleaned after."""
    engine = article_engine()
    doc = engine.bare_extraction(html, favor_recall=True, include_comments=False,
                                 include_tables=True, with_metadata=True)
    if doc is None:
        return "", {}
    return (doc.text or ""), {"headline": doc.title or "", "author": doc.author or "",
                              "date": doc.date or "", "site": doc.sitename or ""}


def readability_alone(html: str) -> str:
    """The readability algorithm (trafilatura's bundled port) as a second opinion."""
    import lxml.html
    from trafilatura.readability_lxml import Document
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return ""
    summary = Document(tree).summary()
    if isinstance(summary, str):
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""
    return lxml.html.tostring(summary, method="text", encoding="unicode")


def _same(got: str, want: str) -> bool:
    return fold(got) == fold(want)


def _summary(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 4),
            "mean": round(statistics.mean(values), 4), "min": round(min(values), 4)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder", type=Path, default=NEWS)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    fixtures = news_fixtures(args.folder)
    rows = []
    fields = ("headline", "author", "date", "site")
    hits = {f: 0 for f in fields}
    alone_hits = {f: 0 for f in fields}
    start = time.perf_counter()
    for fx in fixtures:
        x = extract_file(fx.path)
        got = {"headline": x.meta.title, "author": x.meta.author, "date": x.meta.date,
               "site": x.meta.site}
        text, alone = trafilatura_alone(fx.path.read_text("utf-8", "replace"))
        want = {"headline": fx.headline, "author": fx.author, "date": fx.date,
                "site": fx.site}
        row = {"name": fx.name, "style": fx.style,
               "body_f1": round(word_f1(x.text, fx.body), 4),
               "body_f1_trafilatura": round(word_f1(text, fx.body), 4),
               "body_f1_readability": round(word_f1(readability_alone(
                   fx.path.read_text("utf-8", "replace")), fx.body), 4)}
        for f in fields:
            ok, ok_alone = _same(got[f], want[f]), _same(alone.get(f, ""), want[f])
            hits[f] += ok
            alone_hits[f] += ok_alone
            if not ok:
                row[f"{f}_wrong"] = {"got": got[f], "want": want[f]}
        rows.append(row)
        if args.show:
            print(f"== {fx.name}: {got}\n{x.text[:600]}\n", file=sys.stderr)
    elapsed = time.perf_counter() - start  # includes the two comparison extractors
    n = max(1, len(fixtures))
    print(json.dumps({
        "bench": "fidelity_news",
        "folder": str(args.folder),
        "pages": len(fixtures),
        "extractor": engine_versions(),
        "body_f1": _summary([r["body_f1"] for r in rows]),
        "body_f1_trafilatura_alone": _summary([r["body_f1_trafilatura"] for r in rows]),
        "body_f1_readability_alone": _summary([r["body_f1_readability"] for r in rows]),
        "accuracy": {f: round(hits[f] / n, 4) for f in fields},
        "accuracy_trafilatura_alone": {f: round(alone_hits[f] / n, 4) for f in fields},
        "seconds": round(elapsed, 2),
        "per_page": rows,
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
