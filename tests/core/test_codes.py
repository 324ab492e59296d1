"""Codes as collections: one-section files grouped per code in their hierarchy (from the
chapter's index.xml, else from the numbers), a section's neighbours, a chapter read in order
(issue 13, part 4: the core)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from reader.documents.chapter_text import chapter_text
from reader.documents.codes import code_collections, place_of, sort_key
from reader.errors import DocumentError
from reader.model.codes import CodeCollection, CodeNode
from reader.model.documents import DocMeta, DocStatus, DocText, Document
from reader.ops.library import refresh
from reader.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "bench"))
from statutes import generate  # noqa: E402  (the benchmark's generated D.C. sections)

DC = REPO / "corpus" / "statutes" / "dc-code-48-chapter-9e"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory, session_extract_cache: Path) -> Workspace:
    root = tmp_path_factory.mktemp("codes") / "ws"
    shutil.copytree(DC, root / "dc")
    shutil.copy(REPO / "corpus/statutes/usc-title-21-chapter-13a-excerpt.xml", root)
    generate(root / "title-48-more", 30)  # 48-900.01 … 48-900.30: no index names them
    older = (DC / "48-961.05.xml").read_text("utf-8").replace("Good Samaritan", "Samaritan")
    (root / "old").mkdir()
    (root / "old" / "48-961.05.xml").write_text(older, "utf-8")  # a second § 48-961.05
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICY_READER_HOME", str(tmp_path_factory.mktemp("home")))
        mp.setenv("POLICY_READER_EXTRACT_CACHE", str(session_extract_cache))
        workspace = Workspace.open(root)
        refresh(workspace, index=False)
        return workspace


@pytest.fixture(scope="module")
def dc(ws: Workspace) -> CodeCollection:
    lib = ws.library()
    (coll,) = code_collections(lib.documents(), lib.text)
    return coll


def _outline(node: CodeNode, depth: int = 0) -> list[str]:
    lines = [f"{'  ' * depth}{node.label}" + (f". {node.heading}" if node.heading else "")]
    for child in node.children:
        if not child.is_section:
            lines += _outline(child, depth + 1)
    return lines


def test_one_collection_per_code_with_its_hierarchy(ws: Workspace, dc: CodeCollection) -> None:
    assert dc.code == "D.C. Code" and dc.jurisdiction == "DC"
    (title,) = dc.roots
    assert _outline(title) == ["Title 48. Foods and Drugs",
                               "  §§ 48-900.01–48-900.30",
                               "  Chapter 9E. Harm Reduction and Overdose Prevention Services"]
    chapter = title.children[1]
    assert [n.label for n in chapter.children] == [
        "§ 48-961.01", "§ 48-961.02", "§ 48-961.03", "§ 48-961.04", "§ 48-961.05",
        "§ 48-961.05", "§ 48-961.06", "§ 48-961.07", "§ 48-961.08", "§ 48-961.09",
        "§ 48-961.10", "§ 48-961.11", "§ 48-961.12"]  # both files claiming § 48-961.05
    lib = ws.library()
    index = lib.find("dc/index.xml")
    assert dc.index_ids == (index.id,) and chapter.doc_id == index.id
    assert chapter.children[4].heading.startswith("Good Samaritan immunity")
    assert len(dc.sections()) == 43 and len(dc.doc_ids) == 44
    # the U.S. Code title is one document with its own outline, not a collection member
    usc = lib.find("usc-title-21-chapter-13a-excerpt.xml")
    assert usc.id not in dc.doc_ids


def test_a_sections_neighbours(ws: Workspace, dc: CodeCollection) -> None:
    lib = ws.library()
    place = place_of([dc], lib.find("dc/48-961.03.xml").id)
    assert place is not None
    assert place.trail == "Title 48 › Chapter 9E › § 48-961.03"
    assert place.previous is not None and place.previous.label == "§ 48-961.02"
    assert place.next is not None and place.next.label == "§ 48-961.04"
    assert place.chapter is not None and place.chapter.label == "Chapter 9E"
    first = place_of([dc], lib.find("title-48-more/48-900.01.xml").id)
    assert first is not None and first.previous is None
    assert first.trail == "Title 48 › §§ 48-900.01–48-900.30 › § 48-900.01"
    last = place_of([dc], lib.find("dc/48-961.12.xml").id)
    assert last is not None and last.next is None
    assert place_of([dc], lib.find("usc-title-21-chapter-13a-excerpt.xml").id) is None


def test_a_chapter_reads_in_order(ws: Workspace, dc: CodeCollection) -> None:
    lib = ws.library()
    chapter = dc.roots[0].children[1]
    whole = chapter_text(chapter, lib.text)
    assert [p.label for p in whole.parts][:3] == ["§ 48-961.01", "§ 48-961.02", "§ 48-961.03"]
    text = whole.text.text
    assert text.index("§ 48-961.01.") < text.index("§ 48-961.02.") < text.index("§ 48-961.12.")
    # offsets map back to the section files, sections and links moved with their text
    at = text.index("Shall not be a criminal conviction")
    doc_id, local = whole.locate(at) or ("", -1)
    assert doc_id == lib.find("dc/48-961.03.xml").id
    assert lib.text(doc_id).text[local:local + 10] == "Shall not "
    assert whole.text.pinpoint(at) == "§ 48-961.03(b)(3)"
    link = next(k for k in whole.text.links if k.target == "D.C. Code § 48-961.12")
    assert text[link.start:link.end] == "§ 48-961.12"
    assert whole.locate(whole.parts[0].end) is None  # between two sections


def test_a_section_that_cannot_be_read_is_said_in_its_place(dc: CodeCollection) -> None:
    chapter = dc.roots[0].children[1]

    def failing(doc_id: str) -> DocText:
        raise DocumentError("the file was removed")

    whole = chapter_text(chapter, failing)
    assert whole.text.text.count("[This section cannot be shown: the file was removed]") \
        == len(chapter.sections())


def test_code_order() -> None:
    numbers = ["48-961.10", "48-904.01a", "893.14", "48-961.065", "48-904.01", "893.1351",
               "48-904.02", "7-403", "893.13", "48-961.06", "893.135", "12-405", "12-41"]
    assert sorted(numbers, key=sort_key) == [
        "7-403", "12-41", "12-405", "48-904.01", "48-904.01a", "48-904.02", "48-961.06",
        "48-961.065", "48-961.10", "893.13", "893.135", "893.1351", "893.14"]


def _doc(i: int, citation: str, kind: str = "statute",
         status: DocStatus = DocStatus.OK) -> Document:
    return Document(f"{i:064x}", f"f{i}.xml", "xml", 1, 0, status,
                    meta=DocMeta(title=f"{citation} heading", kind=kind, citation=citation))


def test_odd_documents_are_left_out_or_placed_by_number() -> None:
    docs = [_doc(1, "21 U.S.C. § 844"), _doc(2, "21 U.S.C. § 802"),
            _doc(3, "D.C. Code §§ 1–3"), _doc(4, "D.C. Code § "), _doc(5, "§ 4"),
            _doc(6, "D.C. Code § 4-1", kind="memo"),
            _doc(7, "D.C. Code § 4-2", status=DocStatus.DAMAGED),
            _doc(8, "21 U.S.C.")]  # an index-like file whose text cannot be read

    def text_of(doc_id: str) -> DocText:
        raise DocumentError("not readable")

    (usc,) = code_collections(docs, text_of)
    assert usc.code == "21 U.S.C."
    assert [n.label for n in usc.roots] == ["Title 21"]
    assert [n.label for n in usc.sections()] == ["§ 802", "§ 844"]
    assert code_collections([], text_of) == ()


def test_the_operations(ws: Workspace) -> None:
    from reader.ops import codes

    assert len(codes.collections(ws)) == 1
    lib = ws.library()
    place = codes.section_place(ws, lib.find("dc/48-961.10.xml").id)
    assert place is not None and place.trail == "Title 48 › Chapter 9E › § 48-961.10"
    node = codes.find_node(ws, "chapter 9e")
    assert node.label == "Chapter 9E"
    assert codes.find_node(ws, "D.C. Code Title 48").label == "Title 48"
    whole = codes.chapter(ws, node)
    assert len(whole.parts) == 13
    with pytest.raises(DocumentError, match="No chapter or title 'Chapter 99'"):
        codes.find_node(ws, "Chapter 99")
