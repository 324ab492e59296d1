"""Highlights as CSV for a spreadsheet.

UTF-8 with a byte-order mark (so Excel detects the encoding), CRLF line ends, every field
quoted when needed. A cell that a spreadsheet could run as a formula is prefixed with an
apostrophe (the one guard: :mod:`reader.csvsafe`, as the brief's CSV).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from reader.annotations.threads import Discussion
from reader.annotations.w3c_write import iso
from reader.csvsafe import safe_cell
from reader.model.annotations import Placed
from reader.model.documents import Document
from reader.model.themes import Taxonomy

COLUMNS = ("document", "path", "page", "section", "quote", "themes", "stance", "note",
           "author", "created", "modified", "status", "id", "replies", "links")


def to_csv(placed: Iterable[Placed], *, taxonomy: Taxonomy, documents: dict[str, Document],
           names: bool = True, notes: bool = True, discussion: Discussion | None = None
           ) -> bytes:
    """One row per highlight. ``replies``: its thread, one reply a line ("Name: text",
    nested ones indented; empty without ``notes``); ``links``: one link a line ("contradicts
    “words” (document path)", "[removed]" for an end that is gone)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for p in placed:
        h, a = p.highlight, p.anchor
        doc = documents.get(a.doc_id) or documents.get(h.doc_id)
        row = (
            doc.title if doc else h.doc_path,
            doc.path if doc else h.doc_path,
            h.page if p.orphaned else a.page,
            h.section if p.orphaned else a.section,
            h.quote.exact,
            "; ".join(taxonomy.path_label(t) for t in h.themes),
            h.stance.label if h.stance else "",
            h.note if notes else "",
            h.author.name if names else "",
            iso(h.created),
            iso(h.modified),
            a.status.value,
            h.id,
            replies_cell(discussion, h.id, names=names) if discussion and notes else "",
            links_cell(discussion, h.id) if discussion else "",
        )
        writer.writerow([safe_cell(str(v)) for v in row])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def replies_cell(discussion: Discussion, highlight_id: str, *, names: bool = True) -> str:
    lines = []
    for node in discussion.thread(highlight_id).flat():
        r = node.reply
        text = "[reply removed]" if r.deleted else " ".join(r.text.split())
        who = f"{r.author.name}: " if names and not r.deleted else ""
        lines.append("  " * (node.depth - 1) + who + text)
    return "\n".join(lines)


def links_cell(discussion: Discussion, highlight_id: str) -> str:
    lines = []
    for end in discussion.link_ends(highlight_id):
        words = " ".join(end.other.quote.split())
        where = f" ({end.other.doc_path})" if end.other.doc_path else ""
        gone = "" if end.other_live else " [removed]"
        lines.append(f"{end.phrase} \u201c{words}\u201d{where}{gone}")
    return "\n".join(lines)
