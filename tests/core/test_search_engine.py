"""The engine over documents and highlights built in the test (no workspace): page-accurate
hits with exact offsets, citations as written, fields, facets, sorting, suggestions,
annotations, incremental rows."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.model.annotations import Stance
from reader.model.documents import DocStatus
from reader.search.api import SearchResults
from reader.search.engine import SearchEngine
from reader.search.rows import doc_rows, doc_signature, split_passages

from .search_fixtures import MEMO_PAGES, build_engine, highlight, make_doc, sample_docs


@pytest.fixture(scope="module")
def corpus() -> dict:
    return sample_docs()


@pytest.fixture(scope="module")
def engine(corpus: dict, tmp_path_factory: pytest.TempPathFactory) -> SearchEngine:
    memo, mt = corpus["memo"]
    statute, st_text = corpus["statute"]
    notes = [
        highlight(memo, mt, "Officers are encouraged to carry naloxone",
                  note="Ask the DA whether sheriff's deputies carry it too",
                  themes=("naloxone",), stance=Stance.SUPPORTS),
        highlight(statute, st_text, "shall not be charged", note="Compare with the memo",
                  themes=("diversion",), stance=Stance.NEUTRAL, author=("b2", "Sam Okafor")),
        highlight(memo, mt, "This memo will be reviewed after twelve months",
                  note="Was it ever reviewed? Lost in a reorganisation", orphaned=True),
    ]
    return build_engine(tmp_path_factory.mktemp("idx") / "index", corpus, notes)


def docs_of(results: SearchResults) -> list[str]:
    return [g.path for g in results.groups]


def all_snippets(results: SearchResults):
    return [(g, h, s) for g in results.groups for h in g.hits for s in h.snippets]


def test_a_word_finds_its_page_with_exact_offsets(engine: SearchEngine, corpus: dict) -> None:
    r = engine.search("encouraged")
    assert docs_of(r) == ["memos/alder-2019.pdf"]
    hit = r.groups[0].hits[0]
    assert (hit.page, hit.page_label, hit.source) == (2, "2", "text")
    text = corpus["memo"][1].text
    (start, end), = hit.snippets[0].matches
    assert text[start:end] == "encouraged"
    s = hit.snippets[0]
    assert text[s.start:s.end].replace("\n", " ") == s.text
    assert [s.text[a:b] for a, b in s.marks] == ["encouraged"]


def test_stemming_matches_word_forms(engine: SearchEngine, corpus: dict) -> None:
    r = engine.search("declinations")  # page 1 says "decline", page 3 "declinations"
    pages = {h.page for h in r.groups[0].hits}
    assert pages == {1, 3}


def test_page_labels_are_the_printed_ones(engine: SearchEngine) -> None:
    r = engine.search("revocation")
    hit = r.groups[0].hits[0]
    assert (hit.page, hit.page_label) == (2, "A-2")


def test_phrase_marks_the_whole_phrase_only_where_it_occurs(engine: SearchEngine,
                                                            corpus: dict) -> None:
    r = engine.search('"carry naloxone"')
    text = corpus["memo"][1].text
    matches = [m for _, h, s in all_snippets(r) if h.source == "text" for m in s.matches]
    assert [text[a:b] for a, b in matches] == ["carry naloxone"]


def test_a_phrase_across_a_line_break(engine: SearchEngine) -> None:
    r = engine.search('"report an overdose will not be prosecuted"')
    assert docs_of(r) == ["memos/alder-2019.pdf"]
    assert r.groups[0].hits[0].page == 2


@pytest.mark.parametrize(("query", "paths", "marked"), [
    ("12-405", ["statutes/overdose-act.txt"], "12-405"),
    ("§ 4-210(b)", ["opinions/state-v-doe.pdf"], "§ 4-210(b)"),
    ("35 P.S. § 17.1", ["memos/alder-2019.pdf"], "35 P.S. § 17.1"),
])
def test_statute_citations_are_found_as_written(engine: SearchEngine, query: str,
                                                paths: list[str], marked: str) -> None:
    r = engine.search(query)
    assert docs_of(r) == paths  # not the survey with "12 clinics and 405 workers"
    marks = [s.text[a:b] for _, _, s in all_snippets(r) for a, b in s.marks]
    assert marked in marks


def test_a_section_finds_its_subsections_and_its_citation_metadata(engine: SearchEngine
                                                                   ) -> None:
    r = engine.search("§ 4-210")
    assert set(docs_of(r)) == {"statutes/overdose-act.txt", "opinions/state-v-doe.pdf"}


def test_title_is_boosted(engine: SearchEngine) -> None:
    r = engine.search("immunity")
    assert docs_of(r)[0] == "statutes/overdose-act.txt"  # "Overdose Immunity Act"


def test_words_in_title_and_text_combine(engine: SearchEngine) -> None:
    r = engine.search("alder naloxone")  # "alder" only in the title, naloxone on page 2
    assert docs_of(r) == ["memos/alder-2019.pdf"]
    assert r.groups[0].hits[0].page == 2


def test_long_unpaged_text_has_snippets_at_its_end(engine: SearchEngine, corpus: dict) -> None:
    text = corpus["report"][1].text
    assert len(text) > 36_000  # beyond the highlighter's 32 KB window
    r = engine.search("zebrafinch")
    (_g, _h, s), = all_snippets(r)
    (a, b), = s.matches
    assert text[a:b] == "zebrafinch" and a > 36_000


def test_scanned_document_is_found_by_title_never_with_an_empty_snippet(
        engine: SearchEngine) -> None:
    r = engine.search("scanned directive")
    assert docs_of(r) == ["memos/scanned-naloxone-memo.pdf"]
    hit = r.groups[0].hits[0]
    assert hit.source == "title"
    assert hit.snippets[0].text.startswith("Scanned naloxone directive")
    assert [hit.snippets[0].text[a:b] for a, b in hit.snippets[0].marks] == [
        "Scanned", "directive"]
    assert engine.search("jurisdiction:NM").total == 1
    for q in ("naloxone", "kind:memo", "memo", "2020", "date:2020", "-possession"):
        for _g, _h, s in all_snippets(engine.search(q)):
            assert s.text.strip()


@pytest.mark.parametrize(("query", "paths"), [
    ("kind:statute", {"statutes/overdose-act.txt"}),
    ("kind:opinion", {"opinions/state-v-doe.pdf"}),
    ("kind:memos", {"memos/alder-2019.pdf", "memos/scanned-naloxone-memo.pdf"}),
    ("jurisdiction:PA", {"memos/alder-2019.pdf", "reports/working-group.txt"}),
    ("jurisdiction:pennsylvania", {"memos/alder-2019.pdf", "reports/working-group.txt"}),
    ('jurisdiction:"alder county"', {"memos/alder-2019.pdf"}),
    ("jurisdiction:ny", {"statutes/overdose-act.txt", "opinions/state-v-doe.pdf"}),
    ("date:2019..2021", {"memos/alder-2019.pdf", "reports/survey.txt",
                         "memos/scanned-naloxone-memo.pdf"}),
    ("date:2023", {"reports/working-group.txt"}),
    ("date:2022-11", {"opinions/state-v-doe.pdf"}),
    ("date:..2016", {"statutes/overdose-act.txt"}),
    ("author:appeals", {"opinions/state-v-doe.pdf"}),
    ('author:"district attorney"', {"memos/alder-2019.pdf"}),
    ("path:reports", {"reports/survey.txt", "reports/working-group.txt"}),
    ("path:reports/survey*", {"reports/survey.txt"}),
    ("naloxone kind:report", {"reports/survey.txt"}),
    ("naloxone -kind:memo", {"reports/survey.txt", "statutes/overdose-act.txt"}),
    ("naloxone -possession", {"reports/survey.txt", "statutes/overdose-act.txt",
                              "memos/scanned-naloxone-memo.pdf"}),
    ("immunity OR zebrafinch", {"statutes/overdose-act.txt", "opinions/state-v-doe.pdf",
                                "reports/working-group.txt"}),
    ("regul*", {"reports/survey.txt"}),
    ("regulations*", {"reports/survey.txt"}),
    ("syr?nge", {"reports/survey.txt"}),
    ("naloxne~", {"memos/alder-2019.pdf", "reports/survey.txt", "statutes/overdose-act.txt",
                  "memos/scanned-naloxone-memo.pdf"}),
])
def test_fields_and_operators(engine: SearchEngine, query: str, paths: set[str]) -> None:
    assert set(docs_of(engine.search(query, limit=50))) == paths


def test_filters_argument_uses_the_same_syntax(engine: SearchEngine) -> None:
    r = engine.search("naloxone", filters={"kind": "memo", "date": "2019..2019"})
    assert docs_of(r) == ["memos/alder-2019.pdf"]
    r = engine.search("", filters={"jurisdiction": "New York"})
    assert set(docs_of(r)) == {"statutes/overdose-act.txt", "opinions/state-v-doe.pdf"}
    r = engine.search("naloxone", filters={"nonsense": "x"})
    assert r.total == 4 and any("filter" in w for w in r.warnings)


def test_facets_count_documents(engine: SearchEngine) -> None:
    r = engine.search("naloxone")
    facets = {(f.field, f.value): f.count for f in r.facets}
    assert facets[("kind", "memo")] == 2
    assert facets[("kind", "statute")] == 1
    assert facets[("kind", "report")] == 1
    assert facets[("jurisdiction", "NY")] == 1
    assert facets[("theme", "naloxone")] == 1
    assert facets[("theme", "diversion")] == 1  # the statute has a diversion highlight
    assert r.total == 4


def test_sort_by_date_newest_first(engine: SearchEngine) -> None:
    r = engine.search("naloxone", sort="date")
    assert [g.date for g in r.groups] == ["2021", "2020-05-05", "2019-03-01", "2015-06-01"]
    r = engine.search("naloxone", sort="date", limit=2)
    assert [g.date for g in r.groups] == ["2021", "2020-05-05"] and r.total == 4


def test_limit_caps_documents_not_the_total(engine: SearchEngine) -> None:
    r = engine.search("naloxone", limit=1)
    assert len(r.groups) == 1 and r.total == 4
    assert 1 <= len(r.groups[0].hits) <= 3


def test_did_you_mean_gives_real_words(engine: SearchEngine) -> None:
    assert engine.search("naloxne").suggestion == "naloxone"
    assert engine.search("regulatons syringe").suggestion == "regulations syringe"
    assert engine.search("Decriminalisation").suggestion == ""  # nothing close enough
    assert engine.search("naloxone").suggestion == ""
    assert engine.search("kind:memo prosecuted").suggestion == ""


def test_highlights_are_searchable_by_note_theme_stance_and_author(engine: SearchEngine
                                                                   ) -> None:
    r = engine.search("deputies")
    hit = r.groups[0].hits[0]
    assert (hit.source, hit.page) == ("note", 2)
    assert hit.annotation_id
    assert [hit.snippets[0].text[a:b] for a, b in hit.snippets[0].marks] == ["deputies"]
    for query in ("theme:naloxone", 'theme:"naloxone access"', "theme:overdose-response",
                  "theme:overdose", "stance:supports", "author:maria", "author:a1"):
        r = engine.search(query)
        assert docs_of(r) == ["memos/alder-2019.pdf"], query
        assert r.groups[0].hits[0].source in ("quote", "note")
    assert docs_of(engine.search("stance:neutral author:sam")) == ["statutes/overdose-act.txt"]
    r = engine.search("stance:maybe")
    assert r.total == 0 and any("stance" in w for w in r.warnings)


def test_an_orphaned_highlight_is_still_found(engine: SearchEngine) -> None:
    r = engine.search("reorganisation")
    hit = r.groups[0].hits[0]
    assert hit.source == "note" and hit.snippets[0].matches == ()


def test_quote_matches_give_document_offsets(engine: SearchEngine, corpus: dict) -> None:
    r = engine.search("theme:naloxone carry")
    hit = r.groups[0].hits[0]
    text = corpus["memo"][1].text
    (a, b), = hit.snippets[0].matches
    assert text[a:b] == "carry"


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=120))
def test_any_query_returns_results_never_raises(engine: SearchEngine, text: str) -> None:
    r = engine.search(text)
    assert r.total >= len(r.groups)
    for _g, _h, s in all_snippets(r):
        assert s.text.strip()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(['"', "(", ")", "AND", "OR", "NOT", "-", "kind:", "theme:",
                                 "naloxone", "§", "4-210(b)", "*", "~", "date:", "2019..2021",
                                 "x~3", "12-405", "stance:", "author:", "nal*", "path:"]),
                max_size=12))
def test_operator_soup_never_raises(engine: SearchEngine, parts: list[str]) -> None:
    engine.search(" ".join(parts))
    engine.search("".join(parts), sort="date")


def test_bad_arguments_do_not_raise(engine: SearchEngine) -> None:
    r = engine.search("naloxone", limit=-5, sort="sideways")
    assert r.groups and any("sort" in w for w in r.warnings)
    assert engine.search("naloxone", limit="many").groups


def test_split_passages_cuts_at_paragraphs() -> None:
    text = ("word " * 150 + "\n\n") * 40
    spans = split_passages(text, 0, len(text))
    assert len(spans) > 3
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(text[s - 2:s] == "\n\n" for s, _ in spans[1:])


def test_rows_and_signatures(corpus: dict) -> None:
    doc, text = corpus["memo"]
    (row,) = doc_rows(doc, text)  # one row per document, its pages stored with it
    assert row["rtype"] == "doc"
    assert [u[0] for u in row["info"]["units"]] == [1, 2, 3]
    assert [row["body"][s:e] for _n, _l, s, e in row["info"]["units"]] == list(MEMO_PAGES)
    scanned, stext = corpus["scanned"]
    (row,) = doc_rows(scanned, stext)
    assert row["rtype"] == "meta"
    moved = doc.__class__(**{**doc.__dict__, "path": "elsewhere/memo.pdf"})
    assert doc_signature(moved) != doc_signature(doc)


def test_incremental_replace_and_delete(tmp_path: Path) -> None:
    # the first search caches "zebrafinch" as absent: after a commit a fresh searcher (and
    # a fresh term cache) must find it
    docs = sample_docs()
    engine = build_engine(tmp_path / "index", {"memo": docs["memo"]})
    assert engine.search("zebrafinch").total == 0
    report, rtext = docs["report"]
    with engine.writing() as w:
        w.replace(report.id, doc_rows(report, rtext))
    assert engine.search("zebrafinch").total == 1
    memo, _mtext = docs["memo"]
    renamed, new_text = make_doc("memos/alder-2019.pdf",
                                 ("A new first page about fentanyl strips",),
                                 title="Alder County charging memo")
    with engine.writing() as w:
        w.delete_key(memo.id)
        w.replace(renamed.id, doc_rows(renamed, new_text))
    assert engine.search("naloxone").total == 0
    assert engine.search("fentanyl").total == 1
    assert set(engine.indexed()) == {report.id, renamed.id}
    # a document whose text cannot be read is indexed by its metadata
    broken, _ = make_doc("memos/locked.pdf", ("secret",), status=DocStatus.PASSWORD,
                         title="Locked memo")
    with engine.writing() as w:
        w.replace(broken.id, doc_rows(broken, None))
    assert docs_of(engine.search("locked")) == ["memos/locked.pdf"]


def test_words_standing_together_rank_first() -> None:
    far = make_doc("a/far.txt", "Naloxone naloxone naloxone kits were counted. "
                   + "Filler words here. " * 30 + "Public access to the building was limited.",
                   title="Far apart")
    near = make_doc("b/near.txt", "The memo expands naloxone access for families. "
                    + "Other words. " * 30, title="Close together")
    engine = build_engine(None, {"far": far, "near": near})
    assert docs_of(engine.search("naloxone")) == ["a/far.txt", "b/near.txt"]
    assert docs_of(engine.search("naloxone access")) == ["b/near.txt", "a/far.txt"]
    assert docs_of(engine.search("access naloxone")) == ["b/near.txt", "a/far.txt"]


def _segment_sizes(engine: SearchEngine) -> list[int]:
    return sorted(seg.doc_count_all() for seg in engine._ix._segments())


def test_one_document_commits_fold_tiny_segments_only_when_there_are_several(
        tmp_path: Path) -> None:
    """Folding costs per distinct word, so a one-document commit does not fold the tiny
    segment the previous one left; a segment whose rows are all deleted is dropped
    without being read; once there are FOLD_TINY tiny segments they are folded, by a
    commit of their own on a background thread."""
    from reader.search.engine import FOLD_TINY
    engine = SearchEngine(tmp_path / "index")
    docs = list(sample_docs().values())
    for k in range(3):
        doc, text = docs[k]
        with engine.writing() as w:
            w.replace(doc.id, doc_rows(doc, text))
    assert _segment_sizes(engine) == [1, 1, 1]
    doc, text = docs[0]
    with engine.writing() as w:  # its old segment is now empty: dropped, not merged
        w.replace(doc.id, doc_rows(doc, text))
    assert _segment_sizes(engine) == [1, 1, 1]
    for k in range(3, 3 + FOLD_TINY):
        doc, text = make_doc(f"more/{k}.txt", f"Extra document {k} about naloxone.")
        with engine.writing() as w:
            w.replace(doc.id, doc_rows(doc, text))
        # each update is searchable as soon as its own commit returns
        assert engine.search(f"extra {k}").total >= 1
    engine.wait_tidy(60)  # the fold runs in a commit of its own, in the background
    assert len(_segment_sizes(engine)) < 3 + FOLD_TINY
    assert engine.search("extra naloxone").total == FOLD_TINY
    engine.close()


def test_lengths_read_at_once_equal_whooshs_row_by_row(tmp_path: Path) -> None:
    from reader.search.tables import _read_lengths
    docs = sample_docs()
    doc, text = docs["memo"]
    engine = build_engine(tmp_path / "index", docs, [highlight(doc, text, "carry naloxone",
                                                              note="kits in cars")])
    with engine._ix.searcher() as s:
        for leaf, _offset in s.reader().leaf_readers():
            n = leaf.doc_count_all()
            for name in ("body", "cite", "title", "meta", "quote", "kind", "author"):
                expected = [leaf.doc_field_length(d, name, 0) or 0 for d in range(n)]
                assert _read_lengths(leaf, name, n) == expected, name
