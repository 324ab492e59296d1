"""The operations layer (reader.ops): what each action returns and the change set it reports,
and the rules the CLI and the GUI now share (theme counts, the CSV guard, roman numerals,
the BM25 constants)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from reader.errors import AnnotationError, DocumentNotFound, UsageError
from reader.model.annotations import Stance, new_id
from reader.model.changes import ALL, NOTHING, ChangeSet
from reader.ops import highlights, queries, sharing, themes
from reader.ops.library import open_file
from reader.workspace import Workspace
from tests.core.annotations_fixtures import MEMO, FakeLibrary, make_workspace, settings_for


@pytest.fixture
def lib() -> FakeLibrary:
    lib = FakeLibrary()
    lib.add("memo.txt", MEMO)
    return lib


@pytest.fixture
def ws(tmp_path: Path, lib: FakeLibrary) -> Workspace:
    return make_workspace(tmp_path / "ws", lib, settings_for(tmp_path / "s.json", "me01", "Me"))


def _span(words: str) -> tuple[int, int]:
    i = MEMO.index(words)
    return i, i + len(words)


# -- change sets -----------------------------------------------------------------------------
def test_change_sets_combine_and_say_what_they_name() -> None:
    a = ChangeSet(annotations=frozenset({"h1"}))
    b = ChangeSet(themes=True, annotations=frozenset({ALL, "h2"}), settings=frozenset({"k"}))
    both = a | b
    assert both.themes and both.annotations == {"h1", "h2", ALL}
    assert both.all_annotations and both.highlight_ids == {"h1", "h2"}
    assert not a.all_annotations and not both.all_documents and both.settings == {"k"}
    assert NOTHING.empty and not a.empty and (NOTHING | NOTHING).empty


# -- highlights ------------------------------------------------------------------------------
def test_an_edit_returns_the_versions_undo_puts_back(ws: Workspace, lib: FakeLibrary) -> None:
    doc = lib.documents()[0]
    made = highlights.create(ws, doc.id, *_span("carry naloxone"), themes=["naloxone"])
    h = made.value.highlight
    assert made.value.before == {h.id: None} and made.value.after == {h.id: h}
    assert made.changes == ChangeSet(annotations=frozenset({h.id}))
    same = highlights.update(ws, h.id, note="")  # nothing changes: nothing to undo
    assert not same.value.changed and same.changes.empty
    edited = highlights.update(ws, h.id, stance="supports")
    assert edited.value.before == {h.id: h}
    assert edited.value.highlight.stance is Stance.SUPPORTS
    back = highlights.put_back(ws, dict(edited.value.before))
    assert back.value[0].stance is None and back.changes.highlight_ids == {h.id}
    gone = highlights.put_back(ws, {h.id: None})  # undo of the creation
    assert gone.value[0].deleted


def test_toggling_a_theme_adds_then_removes_it(ws: Workspace, lib: FakeLibrary) -> None:
    h = highlights.create(ws, lib.documents()[0].id, *_span("carry naloxone")).value.highlight
    on = highlights.toggle_theme(ws, h.id, "naloxone").value.highlight
    assert on.themes == ("naloxone",)
    assert highlights.toggle_theme(ws, h.id, "naloxone").value.highlight.themes == ()


def test_annotating_by_quote_finds_the_words_or_says_why_not(ws: Workspace,
                                                             lib: FakeLibrary) -> None:
    done = highlights.annotate(ws, "memo.txt", "carry   naloxone", themes=["naloxone access"],
                               stance="supports", note="Key line.")
    placed = done.value
    assert placed.highlight.quote.exact == "carry naloxone"
    assert placed.highlight.themes == ("naloxone",) and not ws.annotations().dirty  # saved
    with pytest.raises(AnnotationError, match="occur 3 times"):
        highlights.annotate(ws, "memo.txt", "possession")
    with pytest.raises(UsageError, match="between 1 and 3"):
        highlights.annotate(ws, "memo.txt", "possession", occurrence=4)
    with pytest.raises(AnnotationError, match="are not in"):
        highlights.annotate(ws, "memo.txt", "\x00 words nobody wrote \ufffd")
    with pytest.raises(UsageError, match="empty"):
        highlights.annotate(ws, "memo.txt", " \n\t ")
    with pytest.raises(UsageError, match="no theme"):
        highlights.annotate(ws, "memo.txt", "carry naloxone", themes=["\u202enot a theme"])
    with pytest.raises(DocumentNotFound):
        highlights.annotate(ws, "no/such/file.txt", "carry naloxone")


def test_a_selection_from_garbage_is_refused_clearly(ws: Workspace) -> None:
    with pytest.raises(UsageError, match="no theme"):
        queries.selection(ws, themes=["\x00\x01"])
    with pytest.raises(AnnotationError, match="No author"):
        queries.selection(ws, authors=["nobody at all"])
    assert queries.selection(ws).matches  # everything


def test_opening_a_file_that_is_not_there(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(DocumentNotFound, match="There is no file"):
        open_file(ws, tmp_path / "missing.pdf")
    with pytest.raises(DocumentNotFound):
        open_file(ws, tmp_path)  # a folder is not a document


# -- themes ----------------------------------------------------------------------------------
def test_a_merge_reports_the_highlights_it_retagged(ws: Workspace, lib: FakeLibrary) -> None:
    doc = lib.documents()[0]
    h = highlights.create(ws, doc.id, *_span("carry naloxone"), themes=["naloxone"])
    mine = h.value.highlight
    done = themes.merge(ws, "naloxone", "good-samaritan")
    edit = done.value
    assert edit.result == 1 and edit.before == {mine.id: mine}
    assert edit.after[mine.id].themes == ("good-samaritan",)
    assert "naloxone" in edit.before_tax.by_id and "naloxone" not in edit.after_tax.by_id
    assert done.changes == ChangeSet(themes=True, annotations=frozenset({mine.id}))
    assert themes.restore(ws, edit.before_tax).value.by_id["naloxone"]


def test_one_theme_count_rule_parents_include_their_sub_themes(ws: Workspace,
                                                              lib: FakeLibrary) -> None:
    doc = lib.documents()[0]
    highlights.create(ws, doc.id, *_span("carry naloxone"), themes=["naloxone"])
    highlights.create(ws, doc.id, *_span("call 911"), themes=["good-samaritan", "naloxone"])
    other = highlights.create(ws, doc.id, *_span("twelve months")).value.highlight
    ws.annotations().put_versions([replace(other, id=new_id(), themes=("their-own/bail-funds",))])
    found = themes.counts(ws)
    parent = ws.taxonomy().by_id["naloxone"].parent
    assert parent is not None
    assert found.everywhere["naloxone"] == 2 and found.everywhere["good-samaritan"] == 1
    assert found.everywhere[parent] == 2  # each highlight counted once for the parent
    assert found.unknown == {"their-own/bail-funds": 1}
    here = themes.count_in(queries.everything(ws), ws.taxonomy())
    assert here == found.everywhere | {"their-own/bail-funds": 1}


# -- drift removed ---------------------------------------------------------------------------
FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\uff1d1+1", "\uff0b1", "\uff0d1",
            "\uff20SUM(A1)"]


@pytest.mark.parametrize("value", FORMULAS)
def test_one_csv_guard_for_highlights_and_briefs(value: str) -> None:
    from reader.annotations.csv_export import safe_cell as highlights_cell
    from reader.compare.render import safe_cell as matrix_cell
    from reader.csvsafe import safe_cell
    from reader.export.csv import safe_cell as brief_cell

    assert highlights_cell is brief_cell is matrix_cell is safe_cell
    assert safe_cell(value) == "'" + value


def test_the_highlights_csv_defuses_full_width_formulas(ws: Workspace,
                                                         lib: FakeLibrary) -> None:
    doc = lib.documents()[0]
    highlights.create(ws, doc.id, *_span("carry naloxone"), note="\uff1dHYPERLINK(\"x\")")
    data, count = sharing.export_annotations(ws, "csv").value
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert count == 1 and rows[0]["note"] == "'\uff1dHYPERLINK(\"x\")"


def test_one_roman_numeral_parser() -> None:
    from reader.extract import pdf_heads, structure
    from reader.extract.roman import roman_value, to_roman

    assert structure.roman_value is roman_value
    assert all(roman_value(to_roman(n)) == n for n in range(1, 4000))
    for text in ("IIII", "VX", "IC", "MCMC", "", "abc", "x1"):
        assert roman_value(text) == 0 and pdf_heads.roman_value(text) is None
    for text, value in (("iv", 4), ("MCM", 1900), ("xlii", 42), ("CD", 400)):
        assert roman_value(text) == value == pdf_heads.roman_value(text)


def test_one_set_of_bm25_constants() -> None:
    from whoosh.scoring import BM25F

    from reader.search import hits, schema, scoring

    assert (scoring.B, scoring.K1) == (hits.B, hits.K1) == (schema.BM25_B, schema.BM25_K1)
    whoosh = BM25F()  # the scorer must equal Whoosh's searcher, which uses its defaults
    assert (whoosh.B, whoosh.K1) == (schema.BM25_B, schema.BM25_K1)


# -- comparing -------------------------------------------------------------------------------
def test_compare_ops_read_the_services_and_resolve_as_an_edit(tmp_path: Path) -> None:
    from reader.compare.matrix import build_matrix
    from reader.errors import CompareError
    from reader.model.compare import DisagreementKind, MatrixFilter
    from reader.model.remarks import Reply
    from reader.ops import compare
    from tests.core.compare_fixtures import MARKS, make_spaces

    ws = make_spaces(tmp_path)["maria"]
    store = ws.annotations()
    m = compare.matrix(ws, MatrixFilter(kinds=("memo",)))
    assert m == build_matrix(ws.library().documents(), store.by_document(), ws.taxonomy(),
                             MatrixFilter(kinds=("memo",)), authors=store.authors())
    assert compare.matrix(ws).highlights == len(MARKS)
    docs = [d.id for d in ws.library().documents()]
    side = compare.comparison(ws, docs[:2], ["naloxone"])
    assert len(side.documents) == 2
    with pytest.raises(CompareError):
        compare.comparison(ws, docs[:1], ["naloxone"])
    assert compare.agreement(ws).method in ("kappa", "alpha")
    found = compare.disagreements(ws)
    assert found and all(not d.resolved for d in found)
    d = next(x for x in found if x.kind is DisagreementKind.THEMES)
    with pytest.raises(AnnotationError):
        compare.resolve(ws, d, "copy")  # only for a passage someone else alone marked
    done = compare.resolve(ws, d, compare.Resolution.DIFFER, text="Both readings stand.")
    (reply,) = done.value.written
    assert isinstance(reply, Reply) and reply.text == "Both readings stand."
    assert done.changes.highlight_ids == {reply.id, reply.target.id}
    assert d.key not in {x.key for x in compare.disagreements(ws)}
    assert d.key in {x.key for x in compare.disagreements(ws, include_resolved=True)}


def test_adding_the_samples_copies_them_in_once_and_says_what_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.errors import WorkspaceError
    from reader.ops import library as library_ops
    from reader.workspace import Workspace as RealWorkspace

    samples = tmp_path / "corpus"
    (samples / "memos").mkdir(parents=True)
    (samples / "memos" / "memo.md").write_text("# A memo\n\nSample words.\n", "utf-8")
    (samples / "statutes").mkdir()
    (samples / "statutes" / "act.txt").write_text("An act. Sample text.\n", "utf-8")
    (samples / ".policy-reader").mkdir()  # the samples' own annotations stay out
    monkeypatch.setenv("POLICY_READER_CORPUS", str(samples))
    (tmp_path / "ws").mkdir()
    ws = RealWorkspace.open(tmp_path / "ws")
    outcome = library_ops.add_samples(ws)
    assert outcome.changes.documents and outcome.changes.index
    assert sorted(d.path for d in library_ops.documents(ws)) == ["memos/memo.md",
                                                                 "statutes/act.txt"]
    again = library_ops.add_samples(ws).value  # a second time: nothing copied twice
    assert again.summary is not None
    assert len(again.summary.already_present) == 2 and not again.copied
    assert not (tmp_path / "ws" / ".policy-reader" / "annotations").exists() or not any(
        (tmp_path / "ws" / ".policy-reader" / "annotations").iterdir())
    monkeypatch.setenv("POLICY_READER_CORPUS", str(tmp_path / "nowhere"))
    with pytest.raises(WorkspaceError, match="no sample documents"):
        library_ops.add_samples(ws)
