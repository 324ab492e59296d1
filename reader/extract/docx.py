"""Word documents (.docx) with python-docx.

* The zip package is checked before anything is parsed: not a zip, no
  ``word/document.xml``, too many entries, or declared sizes that would expand past
  :data:`MAX_EXPANDED` (a zip bomb) → :class:`DamagedFile`.
* Body paragraphs in order (inside content controls too); tracked deletions, field codes
  and the fallback copy of drawings are skipped; text boxes follow their paragraph.
* "Title" and "Heading N" styles (or an outline level) become sections.
* List paragraphs get their visible marker ("- ", "1.", "(a)") from the numbering
  definitions, so a statute's auto-numbered subsections read and cite correctly.
* Table rows become paragraphs with cells separated by " | ".
* Footnotes and endnotes: "[n]" at the reference, and the notes in a final "Notes" section.
* Core properties (title, author, category when it names a kind) are metadata hints.
"""

from __future__ import annotations

import logging
import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import lxml.etree

from reader.errors import DamagedFile, FileTooLarge
from reader.extract.base import Extracted, single_page
from reader.extract.blocks import TextBuilder, join_cells
from reader.extract.metadata import guess_meta_sourced, is_title_line
from reader.extract.roman import to_roman
from reader.model.documents import KINDS, DocMeta
from reader.safe_files import open_regular

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

log = logging.getLogger(__name__)

MAX_DOCX_BYTES = 100 * 1024 * 1024
MAX_EXPANDED = 400 * 1024 * 1024
MAX_ENTRIES = 5000
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {W + "pPr", W + "rPr", W + "del", W + "moveFrom", W + "instrText", W + "delText",
         _MC_FALLBACK, W + "txbxContent", W + "commentReference", W + "fldData"}
_JUNK_AUTHORS = re.compile(r"^(?:user|admin(?:istrator)?|owner|author|unknown|"
                           r"microsoft office user|windows user|python-docx|"
                           r"[a-z0-9._-]+)$", re.IGNORECASE)


def check_package(path: Path) -> None:
    """Refuse files that are not a sane .docx package before python-docx opens them."""
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise DamagedFile(f"{name}: the file is missing (moved or deleted).") from exc
    except OSError as exc:
        raise DamagedFile(f"{name}: the file could not be read ({exc.strerror}).") from exc
    if size == 0:
        raise DamagedFile(f"{name}: the file is empty.")
    if size > MAX_DOCX_BYTES:
        raise FileTooLarge(f"{name}: the file is {size // (1024 * 1024)} MB; Word files over "
                           f"{MAX_DOCX_BYTES // (1024 * 1024)} MB are not read.")
    try:
        with open_regular(path) as fh:  # never a pipe or a device
            head = fh.read(8)
    except OSError as exc:
        raise DamagedFile(f"{name}: the file could not be read ({exc.strerror or exc}).") \
            from exc
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise DamagedFile(f"{name}: this is an old Word .doc file (or an encrypted .docx) "
                          "with a .docx name; save it as .docx or PDF.")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DamagedFile(f"{name}: not a Word document (the file is not a valid .docx "
                          "package).") from exc
    if len(infos) > MAX_ENTRIES:
        raise DamagedFile(f"{name}: the package holds {len(infos)} parts; not a normal Word "
                          "document.")
    expanded = sum(i.file_size for i in infos)
    if expanded > MAX_EXPANDED:
        raise DamagedFile(f"{name}: the package would expand to {expanded // (1024 * 1024)} MB "
                          "(a zip bomb?); it was not opened.")
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise DamagedFile(f"{name}: not a Word document (no document body in the package).")


@dataclass
class _Numbering:
    """Visible list markers from ``word/numbering.xml``."""

    levels: dict[str, dict[int, tuple[str, str, int]]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def load(cls, numbering: lxml.etree._Element | None) -> _Numbering:
        out = cls()
        if numbering is None:
            return out
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in numbering.iter(W + "abstractNum"):
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in an.iter(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl", "0"))
                fmt = _val(lvl.find(W + "numFmt"), "decimal")
                text = _val(lvl.find(W + "lvlText"), f"%{ilvl + 1}.")
                start = int(_val(lvl.find(W + "start"), "1") or 1)
                lv[ilvl] = (fmt, text, start)
            abstract[an.get(W + "abstractNumId", "")] = lv
        for num in numbering.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            if ref is not None:
                out.levels[num.get(W + "numId", "")] = abstract.get(ref.get(W + "val", ""), {})
        return out

    def prefix(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or num_id == "0":
            return ""
        fmt, text, _ = levels.get(ilvl, ("bullet", "", 1))
        counters = self.counters.setdefault(num_id, [0] * 10)
        ilvl = max(0, min(ilvl, 8))
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = 0
        if fmt == "bullet":
            return "- "
        if fmt == "none" or not text:
            return ""

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            kfmt, _, kstart = levels.get(k, ("decimal", "", 1))
            return _format_number(max(counters[k], 1) + kstart - 1, kfmt)

        return re.sub(r"%([1-9])", sub, text) + " "


def _val(el: lxml.etree._Element | None, default: str) -> str:
    return el.get(W + "val", default) if el is not None else default


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = chr(96 + (n - 1) % 26 + 1) * ((n - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman"):
        r = to_roman(n)
        return r.lower() if fmt == "lowerRoman" else r
    return str(n)


class _Reader:
    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc
        part = doc.part
        try:
            numbering = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        self.numbering = _Numbering.load(numbering)
        self.styles = self._styles(doc)
        self.note_ids: dict[tuple[str, str], int] = {}
        self.blocks: list[tuple[str, int]] = []  # (text, heading level or 0)

    @staticmethod
    def _styles(doc: DocxDocument) -> dict[str, tuple[str, int, tuple[str, int] | None]]:
        """style id → (name, outline level or -1, numPr of the style)."""
        out: dict[str, tuple[str, int, tuple[str, int] | None]] = {}
        styles = doc.styles.element
        for st in styles.iter(W + "style"):
            name = _val(st.find(W + "name"), st.get(W + "styleId", ""))
            ppr = st.find(W + "pPr")
            outline = int(_val(ppr.find(W + "outlineLvl"), "-1")) if ppr is not None else -1
            num = _num_pr(ppr)
            out[st.get(W + "styleId", "")] = (name, outline, num)
        return out

    def run_text(self, el: lxml.etree._Element, out: list[str], boxes: list[str]) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                if tag == W + "txbxContent":
                    boxes.extend(self.para_text(p, boxes) for p in child.iter(W + "p"))
                continue
            if tag == W + "t":
                out.append(child.text or "")
            elif tag == W + "tab":
                out.append(" ")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                key = (tag, child.get(W + "id", ""))
                n = self.note_ids.setdefault(key, len(self.note_ids) + 1)
                out.append(f"[{n}]")
            else:
                self.run_text(child, out, boxes)

    def para_text(self, p: lxml.etree._Element, boxes: list[str]) -> str:
        out: list[str] = []
        self.run_text(p, out, boxes)
        return "".join(out)

    def paragraph(self, p: lxml.etree._Element) -> None:
        boxes: list[str] = []
        text = self.para_text(p, boxes)
        ppr = p.find(W + "pPr")
        style_id = _val(ppr.find(W + "pStyle"), "Normal") if ppr is not None else "Normal"
        name, outline, style_num = self.styles.get(style_id, (style_id, -1, None))
        level = 0
        m = re.match(r"(?i)heading\s*(\d)$", name)
        if name.lower() == "title":
            level = -1  # marks the document title; levels fixed in build()
        elif m:
            level = int(m.group(1))
        else:
            own = int(_val(ppr.find(W + "outlineLvl"), "-1")) if ppr is not None else -1
            lvl = own if own >= 0 else outline
            if 0 <= lvl <= 8:
                level = lvl + 1
        num = _num_pr(ppr) or style_num
        if num and text.strip():
            text = self.numbering.prefix(num[0], num[1]) + text
        self.blocks.append((text, level))
        for box in boxes:
            self.blocks.append((box, 0))

    def table(self, tbl: lxml.etree._Element) -> None:
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is not tbl:
                continue
            cells = []
            for tc in tr.findall(W + "tc"):
                parts = [" ".join(self.para_text(p, []).split()) for p in tc.iter(W + "p")]
                cells.append(" ".join(x for x in parts if x))
            self.blocks.append((join_cells(cells), 0))

    def body(self, el: lxml.etree._Element) -> None:
        for child in el:
            if child.tag == W + "p":
                self.paragraph(child)
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "ins",
                               W + "smartTag"):
                self.body(child)

    def notes(self, kind: str) -> list[tuple[int, str]]:
        part = self.doc.part
        tag = W + ("footnoteReference" if kind == "footnotes" else "endnoteReference")
        wanted = {ident: n for (t, ident), n in self.note_ids.items() if t == tag}
        if not wanted:
            return []
        for rel in part.rels.values():
            if rel.reltype.endswith("/" + kind) and not rel.is_external:
                parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True,
                                              huge_tree=False)
                root = lxml.etree.fromstring(rel.target_part.blob, parser)
                out = []
                for note in root:
                    ident = note.get(W + "id", "")
                    if ident in wanted:
                        text = " ".join(self.para_text(p, []) for p in note.iter(W + "p"))
                        out.append((wanted[ident], text))
                return sorted(out)
        return []


def _num_pr(ppr: lxml.etree._Element | None) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num = ppr.find(W + "numPr")
    if num is None:
        return None
    num_id = _val(num.find(W + "numId"), "")
    if not num_id:
        return None
    return num_id, int(_val(num.find(W + "ilvl"), "0") or 0)


def _hints(doc: DocxDocument) -> DocMeta:
    core = doc.core_properties
    title = (core.title or "").strip()
    author = (core.author or "").strip()
    if _JUNK_AUTHORS.match(author):
        author = ""
    category = (core.category or "").strip().lower()
    return DocMeta(title=title if is_title_line(title) else "", author=author,
                   kind=category if category in KINDS else "other")


def extract(path: Path) -> Extracted:
    path = Path(path)
    check_package(path)
    import docx  # python-docx; imported here to keep start-up light

    try:
        doc = docx.Document(str(path))
        reader = _Reader(doc)
        reader.body(doc.element.body)
        notes = reader.notes("footnotes") + reader.notes("endnotes")
        hints = _hints(doc)
    except (DamagedFile, FileTooLarge):
        raise
    except Exception as exc:  # python-docx/lxml/zipfile raise many types on broken files
        log.info("%s: python-docx failed: %r", path.name, exc)
        raise DamagedFile(f"{path.name}: the Word document is damaged and could not be "
                          "read.") from exc
    out = TextBuilder()
    has_title = any(level == -1 for _, level in reader.blocks)
    for text, level in reader.blocks:
        if level == -1:
            out.heading(text, 1)
        elif level:
            out.heading(text, level + 1 if has_title else level)
        else:
            out.paragraph(text)
    if notes:
        out.heading("Notes", 2 if has_title else 1)
        for n, text in notes:
            out.paragraph(f"[{n}] {text}")
    text, sections = out.build()
    if not text:
        raise DamagedFile(f"{path.name}: the document contains no text.")
    if not hints.title and has_title:
        hints = replace(hints, title=out.first_heading(1))
    meta, sources = guess_meta_sourced(text, hints, filename=path.name)
    return Extracted(text=text, pages=single_page(text), sections=sections, meta=meta,
                     sources=sources)

