"""Words every format prints the same way: cover details, the line under a quote, a
source entry, appendix titles. Themes and stances are always named in words (a brief must
read well in black and white)."""

from __future__ import annotations

from reader.export.citation import court_tail, format_date, format_day
from reader.export.group import KIND_LABELS
from reader.export.model import (
    Brief,
    BriefLink,
    BriefQuote,
    BriefReference,
    BriefReply,
    BriefSection,
    Citation,
    SourceEntry,
)
from reader.export.options import GroupBy

CONTENTS = "Contents"
SOURCES = "Sources"
THEMES = "Themes used in this brief"
ORPHANS = "Passages that could not be located"
ORPHANS_INTRO = ("These highlights could not be found in the current version of their "
                 "documents (the text changed, or the document was removed). They are "
                 "shown as they were highlighted and are not cited with a page.")
GENERATOR = "Policy Reader"
MATRIX = "Comparison matrix"
REPLIES = "Replies"
CONTRADICTED_BY = "Contradicted by"


def appendices(brief: Brief) -> list[tuple[str, str]]:
    """The brief's appendices in order, as (key, title): sources, themes used, passages
    that could not be located — each only when the options and the brief have it."""
    out = []
    if brief.options.include_sources and brief.sources:
        out.append(("sources", SOURCES))
    if brief.options.include_theme_appendix and brief.themes:
        out.append(("themes", THEMES))
    if brief.orphans:
        out.append(("orphans", ORPHANS))
    return out


def front_matter(brief: Brief) -> list[tuple[str, str]]:
    """What comes before the passages, as (key, title): the comparison matrix."""
    return [("matrix", brief.matrix.title)] if brief.matrix is not None else []


def reply_line(r: BriefReply) -> str:
    """``"María Ortega (2025-03-02): text"`` (no name when anonymised)."""
    who = f"{r.author} ({r.date})" if r.author else r.date
    return f"{who}: {r.text}" if who else r.text


def contradiction_line(link: BriefLink) -> str:
    """``"“words” — Title (Office, 2021), p. 3"``, or the remembered words of a passage
    since removed."""
    if link.removed:
        return f"\u201c{link.text}\u201d (a passage whose highlight was since removed)"
    return f"\u201c{link.text}\u201d \u2014 {link.citation}"


def cover_details(brief: Brief) -> list[tuple[str, str]]:
    """(label, value) pairs for the cover, empty values left out."""
    c = brief.cover
    rows = [("Prepared by", c.prepared_by), ("Prepared for", c.prepared_for),
            ("Date", format_day(c.date))]
    if c.as_of and c.as_of != c.date:
        rows.append(("Current as of", format_day(c.as_of)))
    return [(k, v) for k, v in rows if v]


def intro_lines(brief: Brief) -> list[str]:
    """The sentences under the cover details: what is in the brief, what was left out."""
    lines = [brief.summary()]
    o = brief.options
    how = {GroupBy.THEME: "Passages are grouped by theme.",
           GroupBy.DOCUMENT: "Passages are grouped by document, in reading order.",
           GroupBy.STANCE: "Passages are grouped by theme, with those supporting harm "
                           "reduction set beside those opposing it."}[o.group_by]
    lines.append(how)
    if o.anonymize:
        lines.append("Annotators are not named.")
    if not o.include_notes:
        lines.append("Annotators’ notes are left out.")
    if brief.orphan_count:
        lines.append(brief.orphan_sentence())
    return lines


#: Under a quote whose page was a scan read by OCR (misread letters are possible).
OCR_CAVEAT = "Text recognised by OCR — check quotes against the page"


def quote_meta(brief: Brief, section: BriefSection, quote: BriefQuote, *,
               number: bool = True) -> str:
    """The small line under a citation: ``"No. 3 · Stance: Opposes harm reduction · Also
    under: Racial equity · Highlighted by María Ortega"``."""
    parts = [f"No. {quote.number}"] if number else []
    mode = brief.options.group_by
    if mode is GroupBy.DOCUMENT and quote.themes:
        parts.append("Themes: " + "; ".join(quote.themes))
    if mode is not GroupBy.STANCE and quote.stance is not None:
        parts.append(f"Stance: {quote.stance.label}")
    if mode is not GroupBy.DOCUMENT and quote.also_under:
        more = f" and {quote.also_under_more:,} more" if quote.also_under_more else ""
        parts.append("Also under: " + "; ".join(quote.also_under) + more)
    if quote.annotator:
        parts.append(f"Highlighted by {quote.annotator}")
    if quote.ocr:
        parts.append(OCR_CAVEAT)
    return " · ".join(parts)


MAX_SHORT_TITLE = 60


def see_lead(ref: BriefReference) -> str:
    """``"See No. 3"``: what a reference to a passage quoted earlier starts with."""
    return f"See No. {ref.number}"


def see_excerpt(ref: BriefReference) -> str:
    """``"“The Office will decline to file those charges…”"``."""
    return f"“{ref.excerpt}”"


def see_source(ref: BriefReference) -> str:
    """The passage's document and page, short: ``"Declination of Simple Possession
    Charges…, p. 1"``."""
    title = ref.citation.title
    if len(title) > MAX_SHORT_TITLE:
        title = title[:MAX_SHORT_TITLE].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    pages = ref.citation.pages
    p = ("pp." if "–" in pages else "p.") if pages else ""
    return f"{title}, {p}\u00a0{pages}" if pages else title


def see_where(ref: BriefReference, page: str = "") -> str:
    """``"quoted under Charging policies, page 4"`` (the page where the printed brief has
    it, when known)."""
    return f"quoted under {ref.section_title}" + (f", page\u00a0{page}" if page else "")


def see_line(ref: BriefReference, page: str = "") -> str:
    """The whole reference as plain text."""
    return (f"{see_lead(ref)}: {see_excerpt(ref)} ({see_source(ref)}), "
            f"{see_where(ref, page)}.")


def _court_lines(s: SourceEntry) -> tuple[list[str], list[str]]:
    """An opinion or a filing in the Sources: its citation ("No. 08-3071 (D.C. Cir. Feb. 5,
    2010)"), then the court, what it is and who wrote it."""
    c = Citation(s.title, date=s.date, legal_citation=s.legal_citation, site=s.site,
                 kind=s.kind, docket=s.docket, court=s.court, doc_type=s.doc_type)
    if s.kind == "filing":
        cite = ", ".join(x for x in (s.doc_type, s.docket) if x)
        cite += court_tail(Citation("", date=s.date, court=s.court, kind="opinion"), pin=False)
    else:
        cite = court_tail(c, pin=False).removeprefix(", ")
        if s.docket and s.docket not in cite:
            cite += f"; {s.docket}"
    kind = s.doc_type if s.kind == "opinion" and s.doc_type else KIND_LABELS.get(s.kind, "")
    second = [x for x in (s.site, kind, s.judge) if x]
    return [cite.strip()] if cite.strip() else [], second


def source_lines(s: SourceEntry) -> tuple[str, list[str]]:
    """(title, detail lines) for one source."""
    first = [x for x in (s.author, s.site if s.site != s.author else "", format_date(s.date))
             if x]
    kind = KIND_LABELS.get(s.kind, "") if s.kind and s.kind != "other" else ""
    second = [x for x in (kind, s.jurisdiction, s.legal_citation) if x]
    if s.kind in ("opinion", "filing"):
        first, second = _court_lines(s)
    lines = []
    if first and s.kind in ("opinion", "filing"):
        lines.append(first[0])
    elif first:
        lines.append(". ".join(first) + ".")
    if second:
        lines.append(" · ".join(second))
    if s.source_url:
        lines.append(s.source_url)
    n = s.quote_count
    quoted = f"Quoted {n} time{'s' if n != 1 else ''}"
    if s.pages_cited:
        p = "p." if len(s.pages_cited) == 1 else "pp."
        quoted += f" ({p} {', '.join(s.pages_cited)})"
    lines.append(f"{quoted}. File: {s.path}")
    return s.title, lines


def pdf_author(brief: Brief) -> str:
    """Who the file's metadata names as author: never an annotator when anonymised."""
    c = brief.cover
    if brief.options.anonymize:
        return c.group_name
    return c.prepared_by or c.group_name or ", ".join(brief.annotators)


def subject(brief: Brief) -> str:
    return brief.cover.subtitle or brief.summary()


def keywords(brief: Brief) -> list[str]:
    return [t.label for t in brief.themes]
