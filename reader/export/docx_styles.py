"""Word styles for briefs: the built-in ones (Title, Subtitle, Heading 1–3, Quote) restyled
for black-and-white printing, plus custom paragraph styles ("Citation", "Passage Details",
"See Also", "Note", "Source", "Theme Description", "Stance Heading", "Cover Details",
"TOC 1–3"), so the person can restyle the whole brief in Word or LibreOffice by editing a
style."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

SERIF = "Cambria"  # LibreOffice substitutes the metric-compatible Caladea
SANS = "Calibri"  # … and Carlito
MONO = "Consolas"
INK = RGBColor(0x1A, 0x1A, 0x1A)
MUTED = RGBColor(0x59, 0x59, 0x59)

QUOTE_INDENT = Cm(1.0)


def set_font(style: ParagraphStyle, name: str) -> None:
    """Set a style's font, dropping theme-font attributes (which would win over it)."""
    style.font.name = name
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        return
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:cs"), name)


def _drop_border(style: ParagraphStyle) -> None:
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def _left_rule(style: ParagraphStyle, color: str = "808080") -> None:
    ppr = style.element.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for k, v in (("w:val", "single"), ("w:sz", "12"), ("w:space", "8"), ("w:color", color)):
        left.set(qn(k), v)
    bdr.append(left)
    # pBdr must come before spacing/ind in CT_PPr's sequence
    anchor = None
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc"):
        anchor = ppr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(bdr)
    else:
        ppr.append(bdr)


def _custom(doc: DocxDocument, name: str, base: str = "Normal") -> ParagraphStyle:
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    return style


def _under_quote(doc: DocxDocument, name: str, size: float, *, after: float,
                 before: float | None = None, keep: bool = False,
                 muted: bool = False) -> ParagraphStyle:
    """A sans style for a line under a quote, indented past the quote's rule."""
    style = _custom(doc, name)
    set_font(style, SANS)
    style.font.size = Pt(size)
    if muted:
        style.font.color.rgb = MUTED
    pf = style.paragraph_format
    pf.left_indent = QUOTE_INDENT + Cm(0.45)
    if before is not None:
        pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if keep:
        pf.keep_with_next = True
    return style


def setup_styles(doc: DocxDocument) -> dict[str, ParagraphStyle]:
    """Create and return every style a brief uses, by name."""
    s = doc.styles
    normal = s["Normal"]
    set_font(normal, SERIF)
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15

    title = s["Title"]
    _drop_border(title)
    set_font(title, SERIF)
    title.font.size = Pt(28)
    title.font.bold = True
    title.font.color.rgb = INK
    title.paragraph_format.space_before = Pt(120)
    title.paragraph_format.space_after = Pt(12)

    subtitle = s["Subtitle"]
    set_font(subtitle, SERIF)
    subtitle.font.size = Pt(15)
    subtitle.font.italic = True
    subtitle.font.color.rgb = MUTED
    subtitle.paragraph_format.space_after = Pt(30)

    sizes = {1: 17, 2: 13.5, 3: 11.5}
    for level, size in sizes.items():
        h = s[f"Heading {level}"]
        set_font(h, SANS)
        h.font.size = Pt(size)
        h.font.bold = True
        h.font.italic = False
        h.font.color.rgb = INK
        h.paragraph_format.space_before = Pt(22 if level == 1 else 14)
        h.paragraph_format.space_after = Pt(6 if level == 1 else 4)
        h.paragraph_format.keep_with_next = True
    s["Heading 3"].font.all_caps = True
    s["Heading 3"].font.size = Pt(10.5)

    quote = s["Quote"]
    set_font(quote, SERIF)
    quote.font.italic = False
    quote.font.size = Pt(11)
    quote.font.color.rgb = INK
    pf = quote.paragraph_format
    pf.left_indent = QUOTE_INDENT
    pf.right_indent = Cm(0.8)
    pf.space_before = Pt(0)
    pf.space_after = Pt(4)
    pf.keep_with_next = True
    pf.widow_control = True
    _left_rule(quote)

    out: dict[str, ParagraphStyle] = {"Quote": quote}
    # the lines under a quote: its citation, its details, "See No. 3: …" for a passage
    # quoted earlier, and a note; sans, indented past the quote's rule
    out["Citation"] = _under_quote(doc, "Citation", 9.5, after=1, keep=True)
    out["Passage Details"] = _under_quote(doc, "Passage Details", 8.5, after=12, muted=True)
    out["See Also"] = _under_quote(doc, "See Also", 9.5, after=3, keep=True)
    out["Note"] = _under_quote(doc, "Note", 9.5, after=3, before=0)

    stance = _custom(doc, "Stance Heading", base="Heading 3")
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), "9")  # body level: not in the table of contents
    stance.element.get_or_add_pPr().append(outline)
    out["Stance Heading"] = stance

    desc = _custom(doc, "Theme Description")
    desc.font.italic = True
    desc.font.color.rgb = MUTED
    desc.paragraph_format.space_after = Pt(10)
    desc.paragraph_format.keep_with_next = True
    out["Theme Description"] = desc

    cover = _custom(doc, "Cover Details")
    set_font(cover, SANS)
    cover.font.size = Pt(11)
    cover.paragraph_format.space_after = Pt(2)
    out["Cover Details"] = cover

    group = _custom(doc, "Cover Group")
    set_font(group, SANS)
    group.font.size = Pt(11)
    group.font.all_caps = True
    group.font.color.rgb = MUTED
    out["Cover Group"] = group

    source = _custom(doc, "Source")
    source.font.size = Pt(10)
    source.paragraph_format.left_indent = Cm(0.8)
    source.paragraph_format.first_line_indent = Cm(-0.8)
    source.paragraph_format.space_after = Pt(8)
    source.paragraph_format.keep_together = True
    out["Source"] = source

    for level in (1, 2, 3):
        toc = _custom(doc, f"TOC {level}")
        toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
        toc.paragraph_format.space_after = Pt(2 if level > 1 else 4)
        toc.font.bold = level == 1
        out[f"TOC {level}"] = toc
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Normal",
                 "TOC Heading"):
        out[name] = s[name]
    return out
