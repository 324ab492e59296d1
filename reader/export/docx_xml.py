"""Raw WordprocessingML pieces python-docx has no API for: fields (PAGE, NUMPAGES, TOC),
bookmarks and links to them, the extended properties part, and the 255-character cap of
core properties."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

APP_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>Policy Reader</Application><DocSecurity>0</DocSecurity>\
<ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate>\
<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>\
<AppVersion>1.0000</AppVersion></Properties>"""


def cap(text: str, limit: int = 255) -> str:
    """Core properties hold at most 255 characters."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def fld_char(kind: str):
    run = OxmlElement("w:r")
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), kind)
    run.append(fld)
    return run


def instr(text: str):
    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = text
    run.append(instr)
    return run


def first_run_index(p) -> int:
    """Where runs start in a ``w:p`` (after its ``w:pPr``)."""
    ppr = p.find(qn("w:pPr"))
    return 1 if ppr is not None else 0


def field(paragraph: Paragraph, code: str, placeholder: str) -> None:
    """A simple field (PAGE, NUMPAGES) with a cached result."""
    for el in (fld_char("begin"), instr(f" {code} "), fld_char("separate")):
        paragraph._p.append(el)
    paragraph.add_run(placeholder)
    paragraph._p.append(fld_char("end"))


def quote_bookmark(number: int) -> str:
    """The bookmark of passage ``number`` (Word: letters, digits and _, at most 40)."""
    return f"passage_{number}"


def bookmark(paragraph: Paragraph, name: str, ident: int) -> None:
    """Mark the whole of ``paragraph`` as bookmark ``name``."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    p = paragraph._p
    p.insert(first_run_index(p), start)
    p.append(end)


def link_last_run(paragraph: Paragraph, anchor: str) -> None:
    """Make the paragraph's last run a link to bookmark ``anchor``."""
    p = paragraph._p
    run = p[-1]
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    p.append(link)
    link.append(run)  # moves it
