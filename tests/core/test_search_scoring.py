"""The query scorer (reader.search.scoring) reads postings blocks itself: it must find the
same rows as Whoosh's own matchers, with the same BM25F scores where Whoosh scores terms
(phrases are scored as the sum of their words', so only their rows are compared)."""

from __future__ import annotations

import pytest
from whoosh import query as wq

from reader.search.engine import SearchEngine
from reader.search.query_build import build_query
from reader.search.query_parse import parse_query
from reader.search.rows import doc_rows
from reader.search.scoring import Scorer, TermCache

from .search_fixtures import build_engine, highlight, make_doc, sample_docs

QUERIES = [
    "naloxone", "naloxone access", "overdose probation", '"controlled substance"',
    '"good samaritan provision"', "naloxone OR fentanyl", "(treatment OR diversion) AND court",
    "treatment -fentanyl", "overdose NOT probation", "kind:memo naloxone", "date:2019..2022",
    "nalox*", "jurisdiction:NY", "12-405", "§ 4-210", "note:jail", "theme:naloxone",
    "author:maria", "title:memo", "naloxne~", "-possession",
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    docs = sample_docs()
    memo, mt = docs["memo"]
    notes = [highlight(memo, mt, "Officers are encouraged to carry naloxone",
                       note="Ask whether jail staff carry it too", themes=("naloxone",))]
    engine = build_engine(tmp_path_factory.mktemp("s") / "index", docs, notes)
    extra, text = make_doc("more/extra.txt", "Naloxone access in the county jail: "
                           "possession of a controlled substance is not charged.")
    with engine.writing() as w:  # a second segment, and a deletion in the first
        w.replace(extra.id, doc_rows(extra, text))
        w.delete_key(docs["decoy"][0].id)
    return engine


def _whoosh_scores(searcher: object, q: wq.Query) -> dict[int, float]:
    out = {}
    context = searcher.context()  # type: ignore[attr-defined]
    for sub, offset in searcher.leaf_searchers():  # type: ignore[attr-defined]
        m = q.matcher(sub, context)
        while m.is_active():
            out[offset + m.id()] = m.score()
            m.next()
    return out


def _has_phrase(q: wq.Query) -> bool:
    return isinstance(q, wq.Phrase) or any(_has_phrase(c) for c in q.children())


@pytest.mark.parametrize("text", QUERIES)
def test_scorer_finds_what_whoosh_finds(engine: SearchEngine, text: str) -> None:
    engine.search("warm")  # the engine's searcher and table
    with engine._search_lock:
        searcher, table = engine._searcher_and_table()
        built = build_query(parse_query(text).tree, searcher.reader(), [])
        assert built.query is not None
        mine = Scorer(searcher, table).run(built.query)
        theirs = _whoosh_scores(searcher, built.query)
    assert set(mine) == set(theirs), text
    if not _has_phrase(built.query):
        for d, score in theirs.items():
            assert mine[d] == pytest.approx(score, rel=1e-4), (text, d)


def test_term_cache_gives_the_same_results_and_stays_in_budget(engine: SearchEngine) -> None:
    engine.search("warm")
    with engine._search_lock:
        searcher, table = engine._searcher_and_table()
        table.memo.clear()
        built = build_query(parse_query('naloxone "controlled substance"').tree,
                            searcher.reader(), [])
        first = Scorer(searcher, table).run(built.query)
        cache = table.memo["terms"]
        assert cache._items
        again = Scorer(searcher, table)
        assert again.run(built.query) == first
        occ = again.occurrences("body", "naloxon", sorted(first))
        assert occ and all(spans for spans in occ.values())
    small = TermCache(budget=1000)
    small.put("a", {1: 1.0}, None, 600)
    small.put("b", {2: 1.0}, None, 600)
    assert small.get("a") is None and small.get("b") is not None
    small.put("huge", {}, None, 5000)
    assert small.get("huge") is None


