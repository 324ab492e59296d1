"""The brief as CSV: one row per quote with its citation fields. UTF-8 with a byte-order
mark (so spreadsheet programs read accents right), CRLF rows, and every cell that a
spreadsheet would run as a formula prefixed with ``'`` (:mod:`reader.csvsafe`)."""

from __future__ import annotations

import csv
import io

from reader.csvsafe import safe_cell
from reader.export import citation as cite
from reader.export import labels
from reader.export.model import Brief, BriefSection

COLUMNS = ("number", "section", "themes", "stance", "quote", "citation", "document_title",
           "author_or_office", "document_date", "page", "end_page", "section_pinpoint",
           "note", "annotator", "document_kind", "jurisdiction", "legal_citation", "site",
           "source_url", "document_path", "document_id", "highlight_id", "highlighted_on",
           "status", "replies", "contradicted_by")


def render(brief: Brief) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    first_section: dict[str, BriefSection] = {}
    for section, quote in brief.placements():
        first_section.setdefault(quote.highlight_id, section)
    doc_kinds = {s.doc_id: s for s in brief.sources}
    for quote in brief.quotes():
        section = first_section[quote.highlight_id]
        src = doc_kinds.get(quote.doc_id)
        c = quote.citation
        row: tuple[object, ...] = (
               quote.number, _section_path(brief, section), "; ".join(quote.themes),
               quote.stance.label if quote.stance else "", quote.text, cite.plain(c), c.title,
               c.author, c.date, c.page, c.end_page, c.section, quote.note, quote.annotator,
               src.kind if src else "", src.jurisdiction if src else "", c.legal_citation,
               c.site, src.source_url if src else "", src.path if src else "", quote.doc_id,
               quote.highlight_id,
               quote.created.date().isoformat() if quote.created else "", "cited",
               "\n".join("  " * (r.depth - 1) + labels.reply_line(r) for r in quote.replies),
               "\n".join(labels.contradiction_line(c) for c in quote.contradicted_by))
        writer.writerow([safe_cell(v) for v in row])
    for o in brief.orphans:
        row = ("", "", "; ".join(o.themes), "", o.text, "", o.doc_title, "", "", "", "", "",
               o.note, o.annotator, "", "", "", "", "", "", "", o.highlight_id, "",
               "not located: " + o.reason, "", "")
        writer.writerow([safe_cell(v) for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _section_path(brief: Brief, target: BriefSection) -> str:
    """``"Decriminalization and declination › Charging policies"``."""

    def find(sections: tuple[BriefSection, ...], trail: list[str]) -> list[str] | None:
        for s in sections:
            here = [*trail, s.title]
            if s is target:
                return here
            found = find(s.children, here)
            if found:
                return found
        return None

    return " › ".join(find(brief.sections, []) or [target.title])
