# ruff: noqa: E501  (OOXML fixture strings below are long by nature)
"""Word documents: paragraphs, headings, lists, tables, notes, properties, bad packages."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from reader.errors import DamagedFile, FileTooLarge
from reader.extract import docx as docx_extractor
from reader.extract.registry import extract_file
from reader.model.documents import DocText
from tests.core.formats_fixtures import FIXTURES, check_deterministic

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Berschrift2"><w:name w:val="Überschrift 2"/>
  <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="SubsecList"><w:name w:val="Subsection List"/>
  <w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
</w:styles>"""
NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%2)"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""
FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W_NS}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:t>See the county overdose report, 2021.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:t>A fictional citation for tests.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def _p(text: str, style: str = "", num: tuple[int, int] | None = None, extra: str = "") -> str:
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>{extra}</w:p>"


def raw_docx(path: Path, body: str, *, parts: dict[str, str] | None = None) -> Path:
    """Write a minimal .docx package from XML strings."""
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W_NS}" '
                f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                f"<w:body>{body}<w:sectPr/></w:body></w:document>")
    files = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
             "word/_rels/document.xml.rels": DOC_RELS, "word/document.xml": document,
             "word/styles.xml": STYLES, "word/numbering.xml": NUMBERING,
             "word/footnotes.xml": FOOTNOTES}
    files.update(parts or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content)
    return path


STATUTE_BODY = "".join([
    _p("Sample statute for Policy Reader tests; not a real law."),
    _p("Section 4. Syringe services programs.", "Heading1"),
    _p("A health department may operate a program.", "SubsecList"),
    _p("Programs shall offer:", num=(7, 0)),
    _p("naloxone;", num=(7, 1)),
    _p("disposal; and", num=(7, 1)),
    _p("referrals.", num=(7, 1)),
    _p("No participant shall be charged for a used syringe.", num=(7, 0)),
    _p("Commentary (ungeschriebene Überschrift)", "Berschrift2"),
    _p("Drafters' note", extra=(
        '<w:r><w:footnoteReference w:id="1"/></w:r>'
        '<w:del w:id="9"><w:r><w:delText>DELETED-TEXT</w:delText></w:r></w:del>'
        '<w:ins w:id="10"><w:r><w:t xml:space="preserve"> with an insertion</w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText>HYPERLINK "http://example.org" FIELD-CODE</w:instrText></w:r>'
        '<w:r><w:t>.</w:t></w:r><w:r><w:tab/><w:t>After tab</w:t><w:br/><w:t>new line</w:t></w:r>'
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        "<w:p><w:r><w:t>Text box words</w:t></w:r></w:p></w:txbxContent></w:drawing>"
        "</mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>FALLBACK-COPY</w:t>"
        "</w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>")),
    _p("First bullet", num=(8, 0)),
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Program</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>Sites</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:p><w:r><w:t>North</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p><w:p><w:r><w:t>(mobile)</w:t></w:r></w:p></w:tc>"
    "</w:tr></w:tbl>",
    "<w:sdt><w:sdtContent>" + _p("Inside a content control.", extra=(
        '<w:r><w:footnoteReference w:id="2"/></w:r>')) + "</w:sdtContent></w:sdt>",
])


def test_raw_package_structure(tmp_path: Path) -> None:
    x = extract_file(raw_docx(tmp_path / "act.docx", STATUTE_BODY))
    text = x.text
    assert "(a) A health department may operate a program." in text  # numbering via style
    assert "(b) Programs shall offer:" in text
    assert "(1) naloxone;\n\n(2) disposal; and\n\n(3) referrals." in text
    assert "(c) No participant shall be charged" in text  # level 1 counter continues
    assert "- First bullet" in text
    assert "Program | Sites\n\nNorth | 3 (mobile)" in text
    assert "Drafters' note[1] with an insertion. After tab\nnew line" in text
    assert "Text box words" in text
    for hidden in ("DELETED-TEXT", "FIELD-CODE", "FALLBACK-COPY"):
        assert hidden not in text
    assert "Inside a content control.[2]" in text
    assert text.endswith("Notes\n\n[1] See the county overdose report, 2021.\n\n"
                         "[2] A fictional citation for tests.")
    doc = DocText("id", text, x.pages, x.sections)
    assert doc.pinpoint(text.index("disposal; and")) == "§ 4(b)(2)"
    assert doc.pinpoint(text.index("No participant")) == "§ 4(c)"
    levels = [(s.level, s.number or s.title) for s in x.sections if not s.number.startswith("(")]
    assert levels == [(1, "§ 4"), (2, "Commentary (ungeschriebene Überschrift)"), (1, "Notes")]


def make_memo(path: Path) -> Path:
    d = docx.Document()
    d.core_properties.title = "Naloxone in every patrol car"
    d.core_properties.author = "jsmith"  # a user name, not an author: ignored
    d.core_properties.category = "memo"
    d.add_paragraph("Sample memo written for Policy Reader tests.")
    d.add_paragraph("Office of the District Attorney", style="Title")
    t = d.add_table(rows=3, cols=2)
    for row, (k, v) in zip(t.rows, [("TO:", "All staff"), ("FROM:", "Rosa Abernathy, "
                                    "District Attorney"), ("DATE:", "April 2, 2023")],
                           strict=True):
        row.cells[0].text, row.cells[1].text = k, v
    d.add_paragraph("Background", style="Heading 1")
    d.add_paragraph("Wexler County, Michigan recorded 58 overdose deaths last year.")
    d.add_paragraph("Policy", style="Heading 1")
    d.add_paragraph("Every patrol car will carry naloxone.", style="List Bullet")
    d.add_paragraph("Officers are trained twice a year.", style="List Number")
    d.add_paragraph("Details", style="Heading 2")
    d.add_paragraph("Kits are replaced when they expire.")
    d.save(str(path))
    return path


def test_python_docx_memo(tmp_path: Path) -> None:
    x = check_deterministic(docx_extractor.extract, make_memo(tmp_path / "memo.docx"))
    assert "TO: All staff\n\nFROM: Rosa Abernathy, District Attorney" in x.text
    assert "- Every patrol car will carry naloxone." in x.text
    assert "1. Officers are trained twice a year." in x.text
    assert [(s.level, s.title) for s in x.sections] == [
        (1, "Office of the District Attorney"), (2, "Background"), (2, "Policy"),
        (3, "Details")]
    m = x.meta
    assert m.title == "Naloxone in every patrol car"
    assert m.kind == "memo"
    assert m.author == "Office of the District Attorney, Wexler County, Michigan"
    assert m.date == "2023-04-02"
    assert m.jurisdiction == "Wexler County, MI"


def test_statute_fixture() -> None:
    x = check_deterministic(docx_extractor.extract, FIXTURES / "docx" / "harm_reduction_act.docx")
    doc = DocText("id", x.text, x.pages, x.sections)
    assert doc.pinpoint(x.text.index("naloxone and training")) == "§ 2(a)(2)"
    assert doc.pinpoint(x.text.index("require identification")) == "§ 2(b)"
    assert doc.pinpoint(x.text.index("Participants served")) == "§ 3"
    assert "Measure | Frequency\n\nParticipants served | Quarterly" in x.text
    assert x.meta.title == "Model Harm Reduction Services Act"
    assert x.meta.kind == "statute"
    assert x.meta.author == "Legislative Drafting Clinic"
    assert x.meta.date == "2024-01-15"
    assert x.meta.jurisdiction == ""


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"This is plain text saved with a .docx name.", "not a Word document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old Word .doc file"),
    (b"PK\x03\x04" + bytes(60), "not a Word document"),
])
def test_not_a_docx(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(DamagedFile, match=reason) as err:
        extract_file(path)
    assert str(err.value).startswith("bad.docx: ") and "\n" not in str(err.value)


def test_zip_without_document_body(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(DamagedFile, match="no document body"):
        extract_file(path)


def test_zip_bomb_is_refused_before_opening(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_extractor, "MAX_EXPANDED", 4 * 1024 * 1024)
    path = tmp_path / "bomb.docx"
    raw_docx(path, _p("tiny"), parts={"word/media/zeros.bin": "\0" * (8 * 1024 * 1024)})
    assert path.stat().st_size < 100_000  # compresses to almost nothing
    with pytest.raises(DamagedFile, match="zip bomb"):
        extract_file(path)


def test_too_many_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_extractor, "MAX_ENTRIES", 20)
    path = raw_docx(tmp_path / "many.docx", _p("x"),
                    parts={f"word/media/{i}.bin": "x" for i in range(30)})
    with pytest.raises(DamagedFile, match="parts"):
        extract_file(path)


def test_huge_docx(tmp_path: Path) -> None:
    path = tmp_path / "huge.docx"
    with open(path, "wb") as fh:
        fh.truncate(150 * 1024 * 1024)
    with pytest.raises(FileTooLarge, match="Word files over 100 MB"):
        extract_file(path)


def test_damaged_xml_and_truncated_package(tmp_path: Path) -> None:
    bad_xml = raw_docx(tmp_path / "badxml.docx", "",
                       parts={"word/document.xml": "<w:document><not closed"})
    with pytest.raises(DamagedFile, match="damaged"):
        extract_file(bad_xml)
    good = make_memo(tmp_path / "good.docx").read_bytes()
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good[: len(good) // 2])
    with pytest.raises(DamagedFile):
        extract_file(truncated)


def test_entities_are_not_expanded(tmp_path: Path) -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "LAUGHLAUGHLAUGH">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>Start &b;</w:t></w:r>'
              "</w:p></w:body></w:document>")
    path = raw_docx(tmp_path / "laughs.docx", "", parts={"word/document.xml": laughs})
    try:
        x = extract_file(path)
    except DamagedFile:
        return  # refusing it is fine too
    assert "LAUGH" not in x.text


def test_empty_document(tmp_path: Path) -> None:
    d = docx.Document()
    d.save(str(tmp_path / "empty.docx"))
    with pytest.raises(DamagedFile, match="contains no text"):
        extract_file(tmp_path / "empty.docx")
