"""The comparison matrix and the policy comparison: counts and stance mix checked against
the annotation files themselves, filters, grouping, empty cells and empty matrices."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from reader.compare import render
from reader.compare.comparison import compare_documents
from reader.compare.matrix import build_matrix, column_totals
from reader.errors import CompareError, ThemeError
from reader.model.compare import GroupBy, MatrixFilter, StanceMix
from reader.workspace import Workspace
from tests.core.annotations_fixtures import make_workspace, settings_for
from tests.core.compare_fixtures import MARKS, library, make_spaces


@pytest.fixture
def spaces(tmp_path: Path) -> dict[str, Workspace]:
    return make_spaces(tmp_path)


def matrix(ws: Workspace, **kw: object):  # type: ignore[no-untyped-def]
    store = ws.annotations()
    return build_matrix(ws.library().documents(), store.by_document(),
                        ws.themes().taxonomy(), MatrixFilter(**kw), authors=store.authors())  # type: ignore[arg-type]


def from_files(ws: Workspace) -> Counter:
    """(document path, theme id, stance) counts read straight from the annotation files,
    each highlight counted once per theme it or its sub-themes carry (shipped taxonomy)."""
    parents = {t.id: t.parent for t in ws.themes().taxonomy().themes}
    out: Counter = Counter()
    for f in ws.annotations_dir.glob("*.json"):
        for item in json.loads(f.read_text())["first"]["items"]:
            tags = {b["value"] for b in item.get("body", []) if b["purpose"] == "tagging"}
            up = set()
            for t in tags:
                while t:
                    up.add(t)
                    t = parents.get(t)
            for t in up:
                out[(item["target"]["pr:path"], t, item.get("pr:stance", "neutral"))] += 1
    return out


def test_counts_and_stance_mix_match_the_annotation_files(spaces) -> None:  # type: ignore[no-untyped-def]
    ws = spaces["maria"]
    m = matrix(ws)
    assert m.empty_reason == "" and m.documents == 4 and m.highlights == len(MARKS)
    expected = from_files(ws)
    paths = {d.id: d.path for d in ws.library().documents()}
    for r, row in enumerate(m.rows):
        for c, col in enumerate(m.columns):
            cell = m.cell(r, c)
            path = paths[row.documents[0]]
            want = StanceMix(*(expected[(path, col.theme_id, s)]
                               for s in ("supports", "opposes", "neutral")))
            assert (cell.count, cell.mix) == (want.total, want), (row.label, col.label)
    # spot checks in words: the naloxone passage both marked counts twice, once per person,
    # and once under its parent even when tagged with both
    alder = next(i for i, r in enumerate(m.rows) if r.label == "Alder declination memo")
    naloxone, overdose = m.column_index("naloxone"), m.column_index("overdose-response")
    assert m.cell(alder, naloxone).mix == StanceMix(1, 0, 1)
    assert m.cell(alder, overdose).count == 3  # two naloxone + one Good Samaritan
    assert m.rows[alder].total == 5 and m.rows[alder].other == 0
    statute = next(i for i, r in enumerate(m.rows) if r.label.startswith("PA Overdose"))
    assert m.rows[statute].other == 1  # the untagged pharmacy passage
    assert sum(column_totals(m)) == sum(c.count for c in m.cells.values())


def test_rows_are_filtered_and_grouped(spaces) -> None:  # type: ignore[no-untyped-def]
    ws = spaces["maria"]
    memos = matrix(ws, kinds=["memo"])
    assert [r.label for r in memos.rows] == ["Alder declination memo", "Brennan directive",
                                             "Tolliver scene policy"]
    assert memos.rows[0].detail == ("memo \u00b7 Alder County District Attorney \u00b7 "
                                    "Alder County, PA \u00b7 2020-01-21")
    assert memos.rows[0].where == "Alder County, PA \u00b7 2020"
    assert matrix(ws, kinds=["memo"], group_by="office").rows[0].where == ""  # a group
    assert [r.label for r in matrix(ws, jurisdictions=["PA"]).rows] == [
        "PA Overdose Response Act", "Alder declination memo"]
    assert [r.label for r in matrix(ws, jurisdictions=["pennsylvania"]).rows] == [
        "PA Overdose Response Act", "Alder declination memo"]
    assert [r.label for r in matrix(ws, offices=["district attorney"]).rows] == [
        "Alder declination memo", "Tolliver scene policy"]
    assert [r.label for r in matrix(ws, since="2021", until="2021").rows] == [
        "Tolliver scene policy"]
    by_dev = matrix(ws, annotators=["dev"], kinds=["memo"])
    assert by_dev.highlights == 3
    by_office = matrix(ws, group_by=GroupBy.JURISDICTION, kinds=["memo", "statute"])
    assert [r.label for r in by_office.rows] == ["Alder County, PA", "Brennan County, MI",
                                                "PA", "Tolliver County, NM"]
    themed = matrix(ws, themes=["Overdose response"], kinds=["memo"])
    assert [c.label for c in themed.columns] == ["Overdose response",
                                                 "Good Samaritan / 911 immunity",
                                                 "Naloxone access", "Drug-induced homicide"]
    assert [c.depth for c in themed.columns] == [0, 1, 1, 1]
    with pytest.raises(ThemeError, match="no theme 'nope'"):
        matrix(ws, themes=["nope"])


def test_an_empty_cell_says_what_is_missing_and_empty_matrices_explain(spaces,  # type: ignore[no-untyped-def]
                                                                       tmp_path) -> None:
    ws = spaces["maria"]
    m = matrix(ws, kinds=["memo"])
    tolliver = next(i for i, r in enumerate(m.rows) if r.label.startswith("Tolliver"))
    naloxone = m.column_index("naloxone")
    assert m.cell(tolliver, naloxone).count == 0
    assert m.empty_sentence(tolliver, naloxone) == (
        "No one in the group marked a passage about Naloxone access in Tolliver scene "
        "policy (nor under any of its sub-themes).")
    none = matrix(ws, kinds=["opinion"])
    assert none.rows == () and "No document matches kind opinion" in none.empty_reason
    blank = make_workspace(tmp_path / "blank", library(), settings_for(
        tmp_path / "z.json", "zed03", "Zed"))
    empty = matrix(blank)
    assert empty.highlights == 0 and len(empty.rows) == 4
    assert empty.empty_reason.startswith("No highlights in these 4 documents yet.")
    assert render.text_table(empty) == empty.empty_reason + "\n"


def test_renderings_are_real_tables(spaces) -> None:  # type: ignore[no-untyped-def]
    m = matrix(spaces["maria"], kinds=["memo"], themes=["overdose-response",
                                                        "treatment-coercion"])
    md = render.markdown(m, max_depth=0)
    lines = md.splitlines()
    assert lines[0] == "| Document | Overdose response | Treatment and coercion | All highlights |"
    assert lines[2] == ("| Alder declination memo | 3 (+1 \u22120 \u00b72) | "
                        "1 (+1 \u22120 \u00b70) | 5 |")
    rows = list(csv.reader(io.StringIO(render.to_csv(m).decode("utf-8-sig"))))
    assert rows[0][:5] == ["row", "detail", "documents", "all_highlights", "no_listed_theme"]
    assert rows[1][0] == "Alder declination memo" and rows[1][5] == "3"
    assert rows[1][6] == "1/0/2"
    data = render.to_json(m)
    assert data["rows"][0]["cells"]["naloxone"]["highlights"] == 2
    assert "\u2014" in render.text_table(m)


def test_stance_bar_reads_without_colour() -> None:
    assert StanceMix(3, 1, 0).glyphs(8) == "++++++\u2212\u2212"
    assert StanceMix(0, 0, 0).glyphs() == ""
    bar = StanceMix(1, 0, 99).glyphs(10)
    assert bar.startswith("+") and len(bar) == 10  # a small part is never lost
    assert StanceMix(2, 1, 0).words == "2 supporting, 1 opposing"


def test_policy_comparison_sets_documents_side_by_side(spaces) -> None:  # type: ignore[no-untyped-def]
    ws = spaces["maria"]
    store = ws.annotations()
    docs = {d.path: d for d in ws.library().documents()}
    ids = [docs["memos/alder.txt"].id, docs["memos/brennan.txt"].id,
           docs["memos/tolliver.txt"].id]
    placed = {d: store.for_document(d) for d in ids}
    tax = ws.themes().taxonomy()
    cmp = compare_documents(ids, ["overdose-response", "Treatment and coercion"], placed,
                            {d.id: d for d in docs.values()}, tax)
    assert [t.label for t in cmp.themes] == ["Overdose response", "Treatment and coercion"]
    assert next(d.office for d in cmp.documents) == "Alder County District Attorney"
    overdose = cmp.cells[0]
    assert [p.text for p in overdose[0]] == ["carry naloxone on every shift",
                                             "carry naloxone on every shift",
                                             "call 911 will not be charged"]
    assert overdose[1] == ()  # Brennan: nothing on overdose response
    assert cmp.empty_sentence(0, 1) == ("Brennan County Prosecuting Attorney says nothing "
                                        "the group marked about Overdose response.")
    assert [p.text for p in overdose[2]] == ["Drug-induced homicide charges"]
    treatment = cmp.cells[1]
    assert [p.stance.value for p in treatment[1]] == ["supports", "opposes"]  # type: ignore[union-attr]
    with pytest.raises(CompareError, match="2 to 6 documents"):
        compare_documents(ids[:1], ["naloxone"], placed, {d.id: d for d in docs.values()}, tax)
    with pytest.raises(CompareError, match="1 to 5 themes"):
        compare_documents(ids, [], placed, {d.id: d for d in docs.values()}, tax)
    with pytest.raises(CompareError, match="1 to 5 themes"):
        compare_documents(ids, [t.id for t in tax.roots()][:6], placed,
                          {d.id: d for d in docs.values()}, tax)
