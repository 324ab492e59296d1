"""REFI-QDA: exported projects and codebooks validate against the standard's XSDs, and a
round trip (export, then import into an empty workspace) keeps every highlight, code, note
and user with identical positions."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reader.extract.boxes import CharBoxes
from reader.interop.refi import export_qdc, export_qdpx, import_refi, schema
from reader.interop.refi.positions import rect_for_span
from tests.core.refi_fixtures import DOCS, colleague, doc_by_path, make_workspace, span

NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture
def annotated(tmp_path: Path):  # type: ignore[no-untyped-def]
    ws = make_workspace(tmp_path / "group", author_id="a1b2c3d4e5f6a1b2c3d4e5f6",
                        name="Maria G")
    themes = ws.themes()
    custom = themes.add("Police discretion", color="#336699",
                        description="How much officers decide on the street.")
    st = ws.annotations()
    d, s, e = span(ws, DOCS[0], "decline")
    st.create(d, s, e + 25, themes=["naloxone", custom.id], stance="supports",
              note="The core promise — *see* §3.\nSecond line.")
    d, s, e = span(ws, DOCS[1], "drug checking")
    st.create(d, s, e, themes=["drug-checking"], note="Festival 😀 pilot")
    st.save()
    other = colleague(ws, "ffee00112233445566778899", "Dev P")
    d, s, e = span(other, DOCS[2], "naloxone")
    other.annotations().create(d, s, e + 12, themes=[custom.id], stance="opposes")
    d, s, e = span(other, DOCS[0], "decline")
    other.annotations().create(d, s, e, note="Overlaps Maria's.")
    other.annotations().save()
    ws.annotations().reload()
    return ws


def test_exported_project_and_codebook_validate(annotated) -> None:  # type: ignore[no-untyped-def]
    data, summary = export_qdpx(annotated)
    assert (summary.highlights, summary.sources, summary.users) == (4, 3, 2)
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as zf:
        xml = zf.read("project.qde")
        names = zf.namelist()
        root = etree.fromstring(xml)
        for member in root.xpath("//@plainTextPath | //@path"):
            assert "Sources/" + member.removeprefix("internal://") in names
    assert schema.problems(xml, "project") == []
    # Users, codes with colours and hierarchy, selections with codes and notes
    assert sorted(u.get("name") for u in root.iterfind(".//q:User", NS)) == ["Dev P", "Maria G"]
    custom = root.find(".//q:Code[@name='Police discretion']", NS)
    assert custom.get("color") == "#336699"
    assert custom.findtext("q:Description", namespaces=NS).startswith("How much officers")
    naloxone = root.find(".//q:Code[@name='Naloxone access']", NS)
    assert naloxone.getparent().get("name") == "Overdose response"
    pdf = root.find(".//q:PDFSource", NS)
    assert len(pdf.findall("q:PDFSelection", NS)) == 2  # character boxes exist
    assert len(pdf.findall("q:Representation/q:PlainTextSelection", NS)) == 2
    notes = [n.findtext("q:PlainTextContent", namespaces=NS)
             for n in root.iterfind(".//q:Note", NS)]
    assert "Festival 😀 pilot" in notes
    qdc, _ = export_qdc(annotated)
    assert schema.problems(qdc, "codebook") == []
    assert etree.fromstring(qdc).find(".//{urn:QDA-XML:codebook:1.0}Code") is not None


def test_pdf_rectangles_cover_the_words(annotated) -> None:  # type: ignore[no-untyped-def]
    doc = doc_by_path(annotated, DOCS[0])
    boxes = CharBoxes.from_bytes(annotated.library().boxes(doc.id))
    _d, s, e = span(annotated, DOCS[0], "decline")
    rect = rect_for_span(boxes, s, e)
    assert rect is not None and rect.page == 0
    w, h = boxes.page_size(1)
    assert 0 <= rect.first_x < rect.second_x <= w and 0 <= rect.first_y < rect.second_y <= h
    from reader.interop.refi.positions import span_for_rect
    assert span_for_rect(boxes, rect, len(annotated.library().text(doc.id).text)) == (s, e)


def test_round_trip_into_an_empty_workspace(annotated, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data, _ = export_qdpx(annotated)
    path = tmp_path / "group.qdpx"
    path.write_bytes(data)
    before = {h.id: h for h in annotated.annotations().all()}
    tax = annotated.themes().taxonomy()
    empty = make_workspace(tmp_path / "empty", docs=(), author_id="0123456789abcdef01234567",
                           name="New person")
    dry = import_refi(empty, path, dry_run=True)
    assert dry.plan.added == 4 and dry.plan.on_new_sources == 4
    assert list(empty.annotations_dir.glob("*.json")) == []  # a dry run writes nothing
    assert not (empty.root / "imported").exists()
    out = import_refi(empty, path)
    assert out.plan.placed == 4 and out.plan.orphaned == 0 and out.plan.moved == 0
    assert len(out.sources_added) == 3 and out.mine == 0
    store = empty.annotations()
    store.load()
    after = {h.id: h for h in store.all()}
    assert set(after) == set(before)
    new_tax = empty.themes().taxonomy()
    for hid, old in before.items():
        new = after[hid]
        assert (new.start, new.end, new.quote.exact) == (old.start, old.end, old.quote.exact)
        assert new.author == old.author
        assert (new.note, new.stance) == (old.note, old.stance)
        assert new.created == old.created.replace(microsecond=0)
        assert [new_tax.label(t) for t in new.themes] == [tax.label(t) for t in old.themes]
        assert not store.is_mine(hid)  # shown read-only, like any colleague's
    custom = new_tax.find("Police discretion")
    assert custom is not None and custom.color == "#336699"
    assert new_tax.path_label(custom.id) == "Imported › Police discretion"
    placed = {p.highlight.id: p for p in store.placed_all()}
    assert all(not p.orphaned for p in placed.values())
    # importing again adds nothing and writes no second copy
    again = import_refi(empty, path)
    assert again.plan.added == 0 and again.plan.already == 4 and again.files_written == ()


def test_a_codebook_merges_into_the_taxonomy(annotated, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    qdc, _ = export_qdc(annotated)
    path = tmp_path / "codes.qdc"
    path.write_bytes(qdc)
    other = make_workspace(tmp_path / "other", docs=(), author_id="99aa99aa99aa")
    out = import_refi(other, path)
    assert out.plan.kind == "codebook" and out.plan.codes_new == ("Police discretion",)
    assert len(out.plan.codes_merged) == len(annotated.themes().taxonomy().themes) - 1
    assert out.themes_created == 2  # "Imported" and the new code
    again = import_refi(other, path)
    assert again.themes_created == 0
