"""Acceptance over the bundled corpus: known-item searches (fragments across line breaks
and from second columns find their document first, on the right page), citations as
written, field filters and facet counts against the library, real-word suggestions."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.ops.library import refresh
from reader.search.index import WhooshIndex
from reader.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
EXPECT = json.loads((REPO / "tests/fixtures/corpus_expectations.json").read_text("utf-8"))
DOCS = EXPECT["documents"]
FRAGMENTS = [(d["path"], f["text"], f["page"]) for d in DOCS for f in d["fragments"]]


@pytest.fixture(scope="module")
def corpus_ws(tmp_path_factory: pytest.TempPathFactory, session_extract_cache: Path
              ) -> Iterator[Workspace]:
    import shutil
    root = tmp_path_factory.mktemp("corpus") / "ws"
    shutil.copytree(REPO / "corpus", root, ignore=shutil.ignore_patterns(".*"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICY_READER_HOME", str(tmp_path_factory.mktemp("home")))
        mp.setenv("POLICY_READER_EXTRACT_CACHE", str(session_extract_cache))
        ws = Workspace.open(root)
        refresh(ws)
        yield ws


@pytest.fixture(scope="module")
def index(corpus_ws: Workspace) -> WhooshIndex:
    return corpus_ws.search()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" .,;:").lower()


def test_every_expected_document_is_indexed_with_text(corpus_ws: Workspace,
                                                      index: WhooshIndex) -> None:
    lib = corpus_ws.library()
    for d in DOCS:
        doc = lib.find(d["path"])
        assert doc.status.value == "ok", (d["path"], doc.status_line)
    assert index.status().state == "ready"
    assert index.status().documents == len(lib.documents())


@pytest.mark.parametrize(("path", "fragment", "page"), FRAGMENTS,
                         ids=[f"{p.rsplit('/', 1)[-1]}:{t[:24]}" for p, t, _ in FRAGMENTS])
def test_known_item_fragment_finds_its_page_first(index: WhooshIndex, corpus_ws: Workspace,
                                                  path: str, fragment: str, page: int) -> None:
    for query in (f'"{fragment}"', fragment):
        r = index.search(query, limit=5)
        assert r.groups, query
        first = r.groups[0]
        assert first.path == path, (query, [g.path for g in r.groups])
        assert first.hits[0].page == page, (query, [(h.page, h.source) for h in first.hits])
    # the phrase's marks are exactly the fragment, at the right offsets of the text
    r = index.search(f'"{fragment}"', limit=1)
    text = corpus_ws.library().text(r.groups[0].doc_id).text
    matches = [m for h in r.groups[0].hits for s in h.snippets for m in s.matches]
    assert matches
    assert all(_squash(text[a:b]) == _squash(fragment) for a, b in matches)
    for h in r.groups[0].hits:
        pg = corpus_ws.library().text(r.groups[0].doc_id).page(h.page)
        assert pg is not None
        assert all(pg.start <= a and b <= pg.end for s in h.snippets for a, b in s.matches)


@pytest.mark.parametrize("doc", DOCS, ids=[d["path"].rsplit("/", 1)[-1] for d in DOCS])
def test_title_finds_the_document_first(index: WhooshIndex, doc: dict) -> None:
    r = index.search(doc["title"], limit=3)
    assert r.groups[0].path == doc["path"]


@pytest.mark.parametrize("citation", EXPECT.get("required_citations", []))
def test_required_citations_are_found_as_written(index: WhooshIndex, citation: str) -> None:
    r = index.search(citation, limit=50)
    assert r.total >= 1, citation
    marked = [_squash(s.text[a:b]) for g in r.groups for h in g.hits for s in h.snippets
              for a, b in s.marks]
    assert any(_squash(citation) in m for m in marked), (citation, marked[:10])


def test_kind_and_jurisdiction_facets_match_the_library(corpus_ws: Workspace,
                                                        index: WhooshIndex) -> None:
    docs = corpus_ws.library().documents()
    r = index.search("-qqzzxxv", limit=500)  # everything
    assert r.total == len(docs)
    facets = Counter({(f.field, f.value): f.count for f in r.facets})
    kinds = Counter(d.meta.kind or "other" for d in docs)
    for kind, count in kinds.items():
        assert facets[("kind", kind)] == count, kind
        assert index.search(f"kind:{kind}", limit=500).total == count
    jurs = Counter(d.meta.jurisdiction for d in docs if d.meta.jurisdiction)
    for jur, count in jurs.items():
        assert facets[("jurisdiction", jur)] == count, jur


def test_field_filters_against_the_expectations(index: WhooshIndex) -> None:
    def found(query: str) -> set[str]:
        return {g.path for g in index.search(query, limit=500).groups}

    expected_paths = {d["path"] for d in DOCS}
    for d in DOCS:
        assert d["path"] in found(f"kind:{d['kind']}")
        assert d["path"] in found(f'jurisdiction:"{d["jurisdiction"]}"')
        assert d["path"] in found(f"date:{d['date'][:4]}")
    pa = {d["path"] for d in DOCS if d["jurisdiction"].endswith(", PA")}
    assert pa and pa <= found("jurisdiction:pennsylvania")
    in_range = {d["path"] for d in DOCS if "2020" <= d["date"][:4] <= "2021"}
    assert found("date:2020..2021") & expected_paths == in_range
    newest = index.search("kind:memo", sort="date", limit=500).groups
    dates = [g.date for g in newest if g.date]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(("typo", "word"), [
    ("naloxne", "naloxone"), ("declinaton", "declination"), ("tolrance", "tolerance"),
    ("proscutor", "prosecutor"), ("paraphenalia", "paraphernalia"),
])
def test_misspellings_get_real_word_suggestions(index: WhooshIndex, typo: str,
                                                word: str) -> None:
    assert index.search(word).total > 0, f"the corpus does not use {word!r}"
    r = index.search(typo)
    assert r.suggestion == word
    r = index.search(f"kind:memo {typo.capitalize()}")
    assert r.suggestion == f"kind:memo {word.capitalize()}"
