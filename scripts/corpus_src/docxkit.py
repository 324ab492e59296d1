"""DOCX output for the generated corpus: python-docx with real Word styles, fixed core
properties, and a zip rewritten with fixed timestamps so the file is byte-identical."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor

from .markup import Block
from .pdfkit import statute_level

_RUN_RE = re.compile(
    r"(\*\*.+?\*\*|(?<![\w*])\*(?!\s).+?(?<!\s)\*(?![\w*])|__.+?__|~~.+?~~|\{br\})")
ZIP_DATE = (2024, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class DocxMeta:
    title: str
    author: str
    date: dt.datetime
    subject: str = ""
    keywords: str = ""
    footer: str = ""


def _runs(paragraph, text: str, *, bold: bool = False, size: float | None = None,
          italic: bool = False) -> None:
    text = text.replace("{-}", "")
    for part in _RUN_RE.split(text):
        if not part:
            continue
        if part == "{br}":
            paragraph.add_run().add_break()
            continue
        marks = {"**": "bold", "__": "underline", "~~": "strike"}
        mark = next((m for m in marks if part.startswith(m) and part.endswith(m)
                     and len(part) > 4), "")
        is_italic = not mark and part.startswith("*") and part.endswith("*") and len(part) > 2
        body = part[2:-2] if mark else part[1:-1] if is_italic else part
        run = paragraph.add_run(body)
        run.bold = bold or mark == "**" or None
        run.italic = italic or is_italic or None
        if mark == "__":
            run.underline = True
        if mark == "~~":
            run.font.strike = True
        if size:
            run.font.size = Pt(size)


def _table(doc, block: Block) -> None:
    ncols = max(len(r) for r in block.rows)
    table = doc.add_table(rows=0, cols=ncols)
    if block.header_rows:
        table.style = doc.styles["Table Grid"]
    for i, row in enumerate(block.rows):
        cells = table.add_row().cells
        for j, value in enumerate(row):
            para = cells[j].paragraphs[0]
            head = i < block.header_rows or (not block.header_rows and j == 0)
            _runs(para, value, bold=head)


def build_docx(out: Path, blocks: list[Block], meta: DocxMeta, *, statute: bool = False) -> None:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Cambria"
    normal.font.size = Pt(11)
    for b in blocks:
        if b.kind == "heading":
            doc.add_heading(b.text.replace("{-}", ""), level=min(b.level, 3))
        elif b.kind == "para":
            style = b.style
            if style == "title":
                doc.add_heading(b.text, level=0)
                continue
            para = doc.add_paragraph()
            if statute and not style:
                level = statute_level(b.text)
                para.paragraph_format.left_indent = Pt(18 * level)
            if style in ("center", "letterhead", "notice"):
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if style == "letterhead":
                _runs(para, b.text, bold=True, size=14)
                para.runs[0].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
            elif style == "notice":
                _runs(para, b.text, italic=True, size=8.5)
            elif style == "small":
                _runs(para, b.text, size=9)
            elif style == "sigline":
                para.paragraph_format.space_before = Pt(24)
                _runs(para, b.text)
            else:
                _runs(para, b.text)
        elif b.kind == "bullets":
            for item in b.items:
                _runs(doc.add_paragraph(style="List Bullet"), item)
        elif b.kind == "quote":
            _runs(doc.add_paragraph(style="Quote"), b.text)
        elif b.kind == "table":
            _table(doc, b)
            doc.add_paragraph()
        elif b.kind == "directive" and b.text == "pagebreak":
            doc.add_page_break()
    if meta.footer:
        doc.sections[0].footer.paragraphs[0].text = meta.footer
    props = doc.core_properties
    props.title, props.author, props.subject = meta.title, meta.author, meta.subject
    props.keywords, props.last_modified_by = meta.keywords, meta.author
    props.created = props.modified = meta.date
    props.last_printed = meta.date
    props.revision = 3
    props.comments = "Fictional sample written for Policy Reader."
    buf = io.BytesIO()
    doc.save(buf)
    _write_fixed_zip(buf.getvalue(), out)


def _write_fixed_zip(data: bytes, out: Path) -> None:
    """Rewrite a zip with fixed entry timestamps (python-docx stamps the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
