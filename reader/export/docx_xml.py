"""Raw WordprocessingML pieces python-docx has no API for: fields (PAGE, NUMPAGES, TOC),
the extended properties part, and the 255-character cap of core properties."""

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
