"""Briefs with the group's discussion and a comparison: a matrix table in every format (and
its CSV beside a CSV brief), replies under a quote, "Contradicted by: …"."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import docx
import pytest

from reader.export import BriefOptions
from reader.export.write import matrix_path, render, write_brief
from reader.ops.brief import gather_inputs
from reader.workspace import Workspace
from tests.core.brief_readback import pdf_text
from tests.core.compare_fixtures import make_spaces


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    spaces = make_spaces(tmp_path)
    maria, dev = spaces["maria"], spaces["dev"]
    m = maria.annotations()
    by_words = {p.highlight.quote.exact: p.highlight for p in m.placed_all()}
    promise = by_words["decline to file possession charges"]
    charges = by_words["Drug-induced homicide charges"]
    m.reply(promise.id, "Does the Ledger find they kept it?")
    m.link(promise.id, charges.id, "contradicts")
    m.save()
    d = dev.annotations()
    d.load()
    first = d.thread(promise.id).nodes[0].reply
    d.reply(first.id, "Mostly — see the court records.")
    d.save()
    m.reload()
    return maria


OPTIONS = BriefOptions(title="Possession and overdose", include_matrix=True,
                       include_replies=True, documents=())


def test_the_brief_holds_replies_contradictions_and_a_matrix(ws: Workspace) -> None:
    brief = gather_inputs(ws).build(OPTIONS)
    quotes = {q.text: q for q in brief.quotes()}
    promise = quotes["decline to file possession charges"]
    assert [(r.depth, r.author, r.text) for r in promise.replies] == [
        (1, "Maria", "Does the Ledger find they kept it?"),
        (2, "Dev", "Mostly — see the court records.")]
    (link,) = promise.contradicted_by
    assert link.text == "Drug-induced homicide charges"
    assert link.citation.startswith("Tolliver scene policy (Tolliver County District Attorney")
    back = quotes["Drug-induced homicide charges"].contradicted_by  # both ends
    assert [x.text for x in back] == ["decline to file possession charges"]
    m = brief.matrix
    assert m is not None and m.corner == "Theme"  # four documents: themes down the side
    assert list(m.columns) == ["PA Overdose Response Act", "Alder declination memo",
                               "Brennan directive", "Tolliver scene policy"]
    rows = dict(m.rows)
    assert rows["Overdose response"] == ("1 (+1 \u22120 \u00b70)", "3 (+1 \u22120 \u00b72)",
                                         "\u2014", "1 (+0 \u22121 \u00b70)")
    assert "neutral or no stance" in m.legend


def test_anonymised_briefs_name_nobody_in_replies(ws: Workspace) -> None:
    brief = gather_inputs(ws).build(BriefOptions(include_replies=True, anonymize=True))
    promise = next(q for q in brief.quotes() if q.text.startswith("decline"))
    assert [r.author for r in promise.replies] == ["", ""]
    no_notes = gather_inputs(ws).build(BriefOptions(include_replies=True,
                                                    include_notes=False))
    assert all(not q.replies for q in no_notes.quotes())
    plain = gather_inputs(ws).build(BriefOptions(show_contradictions=False))
    assert all(not q.contradicted_by for q in plain.quotes())
    assert plain.matrix is None and all(not q.replies for q in plain.quotes())


def test_every_format_has_a_real_matrix_table(ws: Workspace, tmp_path: Path) -> None:
    brief = gather_inputs(ws).build(OPTIONS)
    html = render(brief, "html").decode("utf-8")
    assert '<table class="matrix">' in html and "<th scope=\"row\">Overdose response</th>" in html
    assert "Contradicted by:</strong> \u201cDrug-induced homicide charges\u201d" in html
    assert "Dev (" in html and "Mostly \u2014 see the court records." in html
    md = render(brief, "md").decode("utf-8")
    lines = md.splitlines()
    head = lines.index("| Theme | PA Overdose Response Act | Alder declination memo | "
                       "Brennan directive | Tolliver scene policy |")
    assert lines[head + 1] == "| --- | :---: | :---: | :---: | :---: |"
    assert "**Contradicted by:**" in md and "- Maria (" in md and "  - Dev (" in md
    text = pdf_text(render(brief, "pdf"))
    assert "Comparison matrix" in text and "Tolliver scene policy" in text
    assert "3 (+1 \u22120 \u00b72)" in text
    assert "Contradicted by: \u201cDrug-induced homicide charges\u201d" in text
    document = docx.Document(io.BytesIO(render(brief, "docx")))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells][:2] == ["Theme", "PA Overdose Response Act"]
    grid = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    assert grid["Overdose response"][1] == "3 (+1 \u22120 \u00b72)"
    with zipfile.ZipFile(io.BytesIO(render(brief, "docx"))) as z:
        assert "<w:tblHeader" in z.read("word/document.xml").decode()
    result = write_brief(brief, tmp_path / "packet.csv")
    assert result.also == (tmp_path / "packet-matrix.csv",) == (matrix_path(result.path),)
    assert "packet-matrix.csv" in result.summary()
    rows = list(csv.DictReader(io.StringIO(result.path.read_text("utf-8-sig"))))
    promise = next(r for r in rows if r["quote"] == "decline to file possession charges")
    assert promise["replies"].startswith("Maria (")
    assert promise["contradicted_by"].startswith("\u201cDrug-induced homicide charges\u201d")
    matrix = list(csv.reader(io.StringIO(result.also[0].read_text("utf-8-sig"))))
    assert matrix[0][:4] == ["row", "detail", "documents", "all_highlights"]
    assert [r[0] for r in matrix[1:]] == ["PA Overdose Response Act",
                                          "Alder declination memo", "Brennan directive",
                                          "Tolliver scene policy"]


def test_many_documents_put_documents_down_the_side(ws: Workspace) -> None:
    from dataclasses import replace

    import reader.export.discussion as discussion

    brief = gather_inputs(ws).build(replace(OPTIONS, matrix_by="jurisdiction"))
    assert brief.matrix is not None and brief.matrix.corner == "Theme"
    old = discussion.TRANSPOSE_AT
    discussion.TRANSPOSE_AT = 2
    try:
        wide = gather_inputs(ws).build(OPTIONS)
    finally:
        discussion.TRANSPOSE_AT = old
    assert wide.matrix is not None and wide.matrix.corner == "Document"
    assert wide.matrix.columns[0] == "Decriminalization and declination"


def test_a_removed_contradicting_passage_is_named_by_its_words(ws: Workspace) -> None:
    store = ws.annotations()
    charges = next(h for h in store.all() if h.quote.exact == "Drug-induced homicide charges")
    store.delete(charges.id)
    brief = gather_inputs(ws).build(OPTIONS)
    promise = next(q for q in brief.quotes() if q.text.startswith("decline"))
    (link,) = promise.contradicted_by
    assert link.removed and link.citation == ""
    assert "since removed" in render(brief, "md").decode()
