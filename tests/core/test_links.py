"""Cross-references lead to the section they name when it is in the workspace: a D.C. Code
file by its section, a subsection inside it, a section inside a U.S. Code title, a section
of the same act; nothing when the section is not here (issue 13: "a § 22-3201 in the text
opens that section when it is in the workspace")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.documents.links import parse_target, resolve
from reader.errors import DocumentError
from reader.model.documents import DocText, Link
from reader.ops.library import refresh
from reader.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
STATUTES = REPO / "corpus" / "statutes"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory, session_extract_cache: Path) -> Workspace:
    root = tmp_path_factory.mktemp("links") / "ws"
    root.mkdir()
    for name in ("48-961.03.xml", "48-961.05.xml", "48-961.06.xml"):
        shutil.copy(STATUTES / "dc-code-48-chapter-9e" / name, root / name)
    for name in ("usc-title-21-chapter-13a-excerpt.xml",
                 "vt-act-47-drug-checking-and-overdose-prevention-2025.xml"):
        shutil.copy(STATUTES / name, root / name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICY_READER_HOME", str(tmp_path_factory.mktemp("home")))
        mp.setenv("POLICY_READER_EXTRACT_CACHE", str(session_extract_cache))
        workspace = Workspace.open(root)
        refresh(workspace, index=False)
        return workspace


def _follow(ws: Workspace, source: str, target: str) -> tuple[str, str] | None:
    """(path opened, the text at the place it opens) for a link of ``source``."""
    lib = ws.library()
    doc = lib.find(source)
    link = next(k for k in lib.text(doc.id).links if k.target == target)
    found = resolve(link, doc, lib.documents(), lib.text)
    if found is None:
        return None
    opened = lib.get(found.doc_id)
    text = lib.text(found.doc_id).text
    return opened.path, text[found.offset:found.offset + 14]


def test_a_code_section_opens_its_file(ws: Workspace) -> None:
    assert _follow(ws, "48-961.05.xml", "D.C. Code § 48-961.03") == (
        "48-961.03.xml", "§ 48-961.03. P")


def test_a_subsection_opens_at_the_subsection(ws: Workspace) -> None:
    lib = ws.library()
    doc = lib.find("48-961.05.xml")
    link = Link(0, 1, "D.C. Code § 48-961.03(b)(3)")
    found = resolve(link, doc, lib.documents(), lib.text)
    assert found is not None and found.exact and found.found == "§ 48-961.03(b)(3)"
    text = lib.text(found.doc_id).text
    assert text[found.offset:].startswith("(3)")
    # a subsection the file does not have: its section, saying so
    missing = resolve(Link(0, 1, "D.C. Code § 48-961.03(z)"), doc, lib.documents(), lib.text)
    assert missing is not None and not missing.exact and missing.found == "§ 48-961.03"


def test_a_section_inside_a_code_title(ws: Workspace) -> None:
    path, words = _follow(ws, "usc-title-21-chapter-13a-excerpt.xml",
                          "21 U.S.C. § 978") or ("", "")
    assert path == "usc-title-21-chapter-13a-excerpt.xml" and words.startswith("§ 978.")


def test_a_section_of_the_same_act(ws: Workspace) -> None:
    path, words = _follow(ws, "vt-act-47-drug-checking-and-overdose-prevention-2025.xml",
                          "§ 3(c)") or ("", "")
    assert path.startswith("vt-act-47") and words.startswith("(c) Results")


def test_a_citation_without_a_section_sign_is_a_whole_document(ws: Workspace) -> None:
    lib = ws.library()
    vt = lib.find("vt-act-47-drug-checking-and-overdose-prevention-2025.xml")
    found = resolve(Link(0, 1, "Act No. 47"), None, lib.documents(), lib.text)
    assert found is not None and found.doc_id == vt.id and found.offset == 0


def test_a_section_not_in_the_workspace_leads_nowhere(ws: Workspace) -> None:
    assert _follow(ws, "48-961.05.xml", "D.C. Code § 7-403") is None
    assert _follow(ws, "usc-title-21-chapter-13a-excerpt.xml", "139 Stat. 1422") is None
    assert _follow(ws, "usc-title-21-chapter-13a-excerpt.xml", "21 U.S.C. § 802(6)") is None


def test_an_unreadable_document_is_passed_over(ws: Workspace) -> None:
    lib = ws.library()
    doc = lib.find("48-961.05.xml")

    def failing(doc_id: str) -> DocText:
        raise DocumentError("gone")

    found = resolve(Link(0, 1, "D.C. Code § 48-961.03"), doc, lib.documents(), failing)
    assert found is not None and found.offset == 0  # the file, at its start


@pytest.mark.parametrize(("target", "expected"), [
    ("D.C. Code § 48-961.03(d)", ("D.C. Code", "48-961.03", "(d)")),
    ("21 U.S.C. § 802(6)", ("21 U.S.C.", "802", "(6)")),
    ("§ 3(c)", ("", "3", "(c)")),
    ("Act No. 13 of 2021, § 4", ("Act No. 13 of 2021", "4", "")),
    ("139 Stat. 1422", None), ("", None), ("§", None), ("§§ 1–3", None),
    ("RCW 69.50.4013", None), ("§ 4(" + "a" * 500, None),
])
def test_parse_target(target: str, expected: tuple[str, str, str] | None) -> None:
    assert parse_target(target) == expected


def test_the_operation_says_when_a_section_is_not_here(ws: Workspace) -> None:
    from reader.errors import DocumentNotFound
    from reader.ops.codes import follow_link

    lib = ws.library()
    doc = lib.find("48-961.05.xml")
    found = follow_link(ws, doc.id, Link(0, 1, "D.C. Code § 48-961.06"))
    assert lib.get(found.doc_id).path == "48-961.06.xml"
    with pytest.raises(DocumentNotFound, match=r"D\.C\. Code § 7-403 is not in this workspace"):
        follow_link(ws, doc.id, Link(0, 1, "D.C. Code § 7-403"))
