"""Highlights as CSV for a spreadsheet.

UTF-8 with a byte-order mark (so Excel detects the encoding), CRLF line ends, every field
quoted when needed. A cell that a spreadsheet could run as a formula is prefixed with an
apostrophe (the one guard: :mod:`reader.csvsafe`, as the brief's CSV).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from reader.annotations.w3c_write import iso
from reader.csvsafe import safe_cell
from reader.model.annotations import Placed
from reader.model.documents import Document
from reader.model.themes import Taxonomy

COLUMNS = ("document", "path", "page", "section", "quote", "themes", "stance", "note",
           "author", "created", "modified", "status", "id")
def to_csv(placed: Iterable[Placed], *, taxonomy: Taxonomy, documents: dict[str, Document],
           names: bool = True, notes: bool = True) -> bytes:
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
        )
        writer.writerow([safe_cell(str(v)) for v in row])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
