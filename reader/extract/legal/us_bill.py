"""Congressional bills and resolutions in the older bill DTD (``bill.dtd``/``res.dtd``),
the XML most bill versions on govinfo still use: a root ``<bill>``, ``<resolution>`` or
``<amendment-doc>`` without a namespace::

    <bill bill-stage="Introduced-in-House">
      <metadata><dublinCore><dc:title>119 HR 4821 IH: Short Title Act</dc:title>…
      <form><congress>119th CONGRESS</congress><legis-num>H. R. 4821</legis-num>
        <action><action-date date="20250721">July 21, 2025</action-date>…</action>
        <official-title>To amend …</official-title></form>
      <legis-body><section><enum>1.</enum><header>Short title</header><text>…</text>
        <subsection><enum>(a)</enum><header>…</header><text>… <external-xref
          legal-doc="usc" parsable-cite="usc/21/844">…</external-xref></text>…

Levels (``<division>``, ``<title>``, ``<subtitle>``, ``<part>`` …, ``<section>``,
``<subsection>``, ``<paragraph>`` …) become nested sections numbered "Title I", "§ 101",
"(a)", "(1)", so a quote is pinpointed "§ 101(b)(2)". ``<quoted-block>`` (the text a bill
inserts into another law) is read as text of the provision that quotes it, never as this
bill's own sections. The form (sponsors, committees), the table of contents and the
attestation are not part of the text. ``<external-xref>`` becomes a link to "21 U.S.C.
§ 844" or "Pub. L. 114-198"; ``<internal-xref>`` to the provision of this bill it names.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

import lxml.etree as etree

from reader.errors import DamagedFile
from reader.extract.base import Extracted, single_page
from reader.extract.legal.builder import Piece, StatuteText, short_title
from reader.extract.legal.inline import all_text, child, descendants, inline, strip_end
from reader.extract.legal.safe_xml import local
from reader.model.documents import DocMeta

log = logging.getLogger(__name__)

ROOTS = ("bill", "resolution", "amendment-doc")
BIG = ("division", "subdivision", "title", "subtitle", "part", "subpart", "chapter",
       "subchapter")
SMALL = ("subsection", "paragraph", "subparagraph", "clause", "subclause", "item", "subitem")
TEXT = ("text", "continuation-text", "whereas", "resolved", "proviso", "formula",
        "quoted-block-continuation-text", "enacting-clause")
SKIP = ("toc", "form", "metadata", "attestation", "endorsement", "legis-comment", "enum",
        "header", "footnote", "amendment-instruction", "after-quoted-block")
_SKIP_INLINE = ("footnote", "legis-comment")
_SEC_RE = re.compile(r"^sec(?:tion)?\.?\s*", re.IGNORECASE)
_KINDS = (("h. j. res.", "H.J. Res."), ("s. j. res.", "S.J. Res."),
          ("h. con. res.", "H. Con. Res."), ("s. con. res.", "S. Con. Res."),
          ("h. res.", "H.R. Res."), ("s. res.", "S. Res."), ("h. r.", "H.R."), ("s.", "S."))


def xref_target(el: etree._Element, numbers: dict[str, str]) -> tuple[str, str] | None:
    """The target of an ``<external-xref>`` ("usc/21/844" → "21 U.S.C. § 844") or an
    ``<internal-xref idref>`` (the designation of the provision it names)."""
    tag = local(el)
    if tag == "internal-xref":
        idref = (el.get("idref") or "").strip()
        target = numbers.get(idref, "")
        return (target, f"#{idref}") if target else None
    if tag != "external-xref":
        return None
    cite = (el.get("parsable-cite") or "").strip()
    parts = [p for p in cite.split("/") if p]
    if len(parts) >= 3 and parts[0] == "usc":
        rest = "".join(f"({p})" for p in parts[3:])
        return f"{parts[1]} U.S.C. § {parts[2]}{rest}", cite
    if len(parts) >= 3 and parts[0] == "pl":
        return f"Pub. L. {parts[1]}-{parts[2]}", cite
    if len(parts) >= 3 and parts[0] == "usc-chapter":
        return f"{parts[1]} U.S.C. ch. {parts[2]}", cite
    if len(parts) >= 3 and parts[0] == "stat":
        return f"{parts[1]} Stat. {parts[2]}", cite
    return (cite, cite) if cite else None


def designation(tag: str, enum: str) -> str:
    value = enum.strip().rstrip(".").strip().strip("()").strip()
    if not value:
        return ""
    if tag == "section":
        return f"§ {_SEC_RE.sub('', value)}"
    if tag in SMALL:
        return f"({value})"
    return f"{tag.capitalize()} {value}"


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.out = StatuteText()
        self.numbers: dict[str, str] = {}  # id → "§ 101(a)"

    def index(self, el: etree._Element, trail: str = "") -> None:
        for c in el:
            tag = local(c)
            if tag == "quoted-block":
                continue
            here = trail
            if tag in BIG or tag in SMALL or tag == "section":
                num = designation(tag, all_text(child(c, "enum")))
                here = trail + num if num.startswith("(") else (num or trail)
                if c.get("id"):
                    self.numbers[c.get("id", "")] = here
            self.index(c, here)

    def link_of(self, el: etree._Element) -> tuple[str, str] | None:
        return xref_target(el, self.numbers)

    def pieces(self, el: etree._Element) -> list[Piece]:
        return inline(el, self.link_of, _SKIP_INLINE)

    def walk(self, children: Iterable[etree._Element]) -> None:
        for c in children:
            tag = local(c)
            if tag in BIG or tag in SMALL or tag == "section":
                self.level(c, tag)
            elif tag in TEXT:
                self.out.block(self.pieces(c))
            elif tag == "quoted-block":
                self.quoted(c)
            elif tag not in SKIP:
                self.walk(c)  # legis-body, resolution-body, preamble, engrossed bodies …

    def level(self, el: etree._Element, tag: str) -> None:
        enum, header = all_text(child(el, "enum")), all_text(child(el, "header"))
        number = designation(tag, enum)
        first = next((c for c in el if local(c) == "text"), None)
        if tag == "section":
            label = " ".join(p for p in ((f"Sec. {enum}" if enum else ""), header) if p)
        elif tag in BIG:
            label = "—".join(p for p in (number, header) if p)
        else:
            label = " ".join(p for p in (enum, f"{strip_end(header)}.—" if header else "") if p)
        title = label if tag not in SMALL else f"{enum} {header or all_text(first)}"
        token = self.out.open(strip_end(short_title(title or all_text(first) or number or tag)),
                              number)
        rest = list(el)
        if _resolving(el, first) and first is not None:  # printed "Resolved, That …"
            self.out.block([Piece("Resolved, "), *self.pieces(first)])
            rest.remove(first)
        elif tag in SMALL and first is not None:
            glue = "" if label.endswith("—") else " "
            self.out.block([Piece(label + glue), *self.pieces(first)])
            rest.remove(first)
        elif label:
            self.out.block(label + ("." if tag == "section" and not label.endswith(".") else ""))
        self.walk(rest)
        self.out.close(token)

    def quoted(self, el: etree._Element) -> None:
        """Text a bill inserts into another law, in quotation marks: each provision one
        paragraph, no sections of this bill; ``<after-quoted-block>`` ends the last one."""
        blocks: list[list[Piece]] = []
        self._quoted_blocks(el, blocks)
        if not blocks:
            return
        blocks[0].insert(0, Piece("\u201c"))  # printed in quotation marks, as bills print it
        blocks[-1].append(Piece("\u201d"))
        after = el.getnext()
        if after is not None and local(after) == "after-quoted-block":
            blocks[-1].extend(self.pieces(after))
        for pieces in blocks:
            self.out.block(pieces)

    def _quoted_blocks(self, children: Iterable[etree._Element],
                       blocks: list[list[Piece]]) -> None:
        for c in children:
            tag = local(c)
            if tag in BIG or tag in SMALL or tag == "section":
                enum, header = all_text(child(c, "enum")), all_text(child(c, "header"))
                enum = f"Sec. {enum}" if tag == "section" and enum else enum
                head = " ".join(p for p in (enum, f"{strip_end(header)}.—" if header else "")
                                if p)
                first = next((x for x in c if local(x) == "text"), None)
                if first is not None:
                    glue = "" if head.endswith("—") or not head else " "
                    blocks.append([Piece(head + glue), *self.pieces(first)])
                elif head:
                    blocks.append([Piece(head)])
                self._quoted_blocks((x for x in c if x is not first), blocks)
            elif tag in TEXT:
                blocks.append(self.pieces(c))
            elif tag not in SKIP:
                self._quoted_blocks(c, blocks)


def _resolving(el: etree._Element, first: etree._Element | None) -> bool:
    """The first section of a resolution's body, whose "That …" the printed resolution
    opens with "Resolved," (a word the stylesheet adds, not in the XML)."""
    parent = el.getparent()
    return (first is not None and parent is not None and local(parent) == "resolution-body"
            and next((c for c in parent if local(c) == "section"), None) is el
            and all_text(first).startswith("That "))


def _bill_number(legis_num: str) -> str:
    """``"H. R. 4821"`` → ``"H.R. 4821"``, ``"H. RES. 12"`` → ``"H.R. Res. 12"``."""
    text = " ".join(legis_num.split())
    low = text.lower()
    for prefix, short in _KINDS:
        if low.startswith(prefix):
            return f"{short} {text[len(prefix):].strip()}".strip()
    return text


def _iso(value: str) -> str:
    digits = re.sub(r"\D", "", value or "")
    if len(digits) == 8:
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    m = re.match(r"\d{4}-\d\d-\d\d", value or "")
    return m.group(0) if m else ""


def _meta(root: etree._Element, sections: list[str]) -> DocMeta:
    form = child(root, "form")
    dc_title = all_text(next(iter(descendants(root, "title")), None)) \
        if child(root, "metadata") is not None else ""
    dc_title = dc_title.split(":", 1)[1].strip() if ":" in dc_title else dc_title
    short = all_text(next(iter(descendants(root, "short-title")), None))
    official = all_text(child(form, "official-title")) if form is not None else ""
    number = _bill_number(all_text(child(form, "legis-num"))) if form is not None else ""
    congress = all_text(child(form, "congress")) if form is not None else ""
    m = re.match(r"(\d+)(?:st|nd|rd|th)?", congress)
    citation = number
    if citation and m:
        ordinal = congress[:m.end()].lower() if congress[m.end() - 2:m.end()].isalpha() \
            else f"{m.group(1)}th"
        citation = f"{number}, {ordinal} Cong."
    dates = [_iso(d.get("date", "")) for d in descendants(root, "action-date")]
    dc_date = next((all_text(d) for d in descendants(root, "date")
                    if d.getparent() is not None and local(d.getparent()) == "dublinCore"), "")
    date = max((d for d in dates if d), default="") or _iso(dc_date)
    title = dc_title or short or official or number
    return DocMeta(title=strip_end(title), kind="statute", author="United States Congress",
                   jurisdiction="US", date=date, citation=citation)  # author names Congress


def read(root: etree._Element, name: str) -> Extracted:
    reader = _Reader(name)
    reader.index(root)
    reader.walk(root)
    text, sections, links = reader.out.build()
    if not text:
        raise DamagedFile(f"{name}: the bill contains no text.")
    return Extracted(text=text, pages=single_page(text), sections=sections,
                     meta=_meta(root, [s.number for s in sections]), links=links)
