"""What the library's rows say: each column's words, the line under a title, and the keys
the library sorts by (strings, which the sort proxy compares in C++: a Python ``lessThan``
cost ~0.2 s of stalled window per 500 rows inserted or recounted). Plain functions over
``Document`` records, the rows of :mod:`.library_rows` and the highlight counts."""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum

from reader.model.documents import DocStatus, Document
from reader.ui.formatting import glance, kind_label, plural, short_date
from reader.ui.models.library_rows import CODE, DOC, Row

Counts = Mapping[str, int]


class Column(IntEnum):
    TITLE = 0
    KIND = 1
    JURISDICTION = 2
    DATE = 3
    PAGES = 4
    NOTES = 5
    STATUS = 6
    SOURCE = 7  # where the text came from: the file, or OCR of scanned pages


HEADERS = {Column.TITLE: "Title", Column.KIND: "Kind", Column.JURISDICTION: "Jurisdiction",
           Column.DATE: "Date", Column.PAGES: "Pages", Column.NOTES: "Marks",
           Column.STATUS: "Status", Column.SOURCE: "Text"}
SHORT_KINDS = {"opinion": "Opinion", "filing": "Filing"}
_TIE = "\x1f"  # between a sort key and its tie-breaker: below every printed character
_LAST = 9_999_999  # inside a code sorted descending, positions count down from here


def status_text(doc: Document) -> str:
    if doc.status is DocStatus.OK:
        return ""
    if doc.status is DocStatus.PENDING:
        return "Reading…"
    return doc.status.value.capitalize()


def _sections(row: Row) -> int:
    """The sections at and below a code's row (its index files are not sections)."""
    own = 1 if row.kind == DOC and row.node is not None else 0
    return own + sum(_sections(child) for child in row.children)


def _code_row(row: Row | None) -> Row | None:
    while row is not None and row.kind != CODE:
        row = row.parent
    return row


def _total(row: Row, counts: Counts) -> int:
    return sum(counts.get(d, 0) for d in row.doc_ids())


def display(doc: Document, column: Column, counts: Counts) -> str:
    """A document's words in one column."""
    if column == Column.TITLE:
        if doc.status.readable or doc.status is DocStatus.PENDING:
            return doc.title
        return f"{doc.title} — {doc.status_line}"
    if column == Column.KIND:
        return SHORT_KINDS.get(doc.meta.kind, kind_label(doc.meta.kind))
    if column == Column.JURISDICTION:
        return doc.meta.jurisdiction
    if column == Column.DATE:
        return doc.meta.date
    if column == Column.PAGES:
        return str(doc.pages) if doc.paged and doc.pages else ""
    if column == Column.NOTES:
        count = counts.get(doc.id, 0)
        return str(count) if count else ""
    if column == Column.SOURCE:
        return doc.text_source
    reason = f" — {doc.reason}" if doc.reason and not doc.status.readable else ""
    return status_text(doc) + reason


def details(doc: Document, counts: Counts, *, in_code: bool = False) -> str:
    """The line under a title: ``Memo · Office of … · 21 January 2020 · 3 pages ·
    2 highlights``, or why the file cannot be read. A code's section (``in_code``)
    leaves out what its code's row says (kind, place)."""
    if doc.status is DocStatus.PENDING:
        return "Reading…"
    if not doc.status.readable and doc.status is not DocStatus.NO_TEXT:
        return doc.status_line[:1].upper() + doc.status_line[1:]
    parts = [short_date(doc.meta.date) if in_code else glance(doc)]
    count = counts.get(doc.id, 0)
    if count:
        parts.append(plural(count, "highlight"))
    if doc.status is DocStatus.NO_TEXT:
        parts.append("no text layer")
    return " · ".join(p for p in parts if p)


def part_display(row: Row, column: Column, counts: Counts) -> str:
    """A code's row ("D.C. Code (13 sections)") or a part's ("Chapter 9E. Harm …")."""
    coll = row.collection
    if column == Column.TITLE:
        if row.kind == CODE and coll is not None:
            return coll.label
        return row.node.text if row.node is not None else ""
    if column == Column.KIND:
        return kind_label("statute")
    if column == Column.JURISDICTION:
        owner = _code_row(row)
        return owner.collection.jurisdiction if owner and owner.collection else ""
    if column == Column.NOTES:
        total = _total(row, counts)
        return str(total) if total else ""
    return ""


def part_details(row: Row, counts: Counts) -> str:
    """The line under a code's title (``Statute · DC · 2 highlights``: its label counts
    the sections) or a part's (``5 sections · 2 highlights``)."""
    if row.kind == CODE:
        owner = row.collection
        parts = [kind_label("statute"), owner.jurisdiction if owner else ""]
    else:
        parts = [plural(_sections(row), "section")]
    count = _total(row, counts)
    if count:
        parts.append(plural(count, "highlight"))
    return " · ".join(p for p in parts if p)


def sort_data(row: Row, column: Column, doc: Document | None, counts: Counts, *,
              position: int, descending: bool) -> str:
    """What the library sorts by. Inside a code (``position`` among its siblings), the
    code's own order whichever way the column is sorted; elsewhere the column's value,
    ties by title (by path for the title itself)."""
    if row.parent is not None:
        return f"{_LAST - position if descending else position:07d}"
    if doc is None:  # a code's row among the documents
        title = part_display(row, Column.TITLE, counts).casefold()
        key = f"{_total(row, counts):09d}" if column == Column.NOTES \
            else part_display(row, column, counts).casefold()
    else:
        title = doc.title.casefold()
        key = _sort_key(doc, column, counts)
    return f"{key}{_TIE}{doc.path if doc else ''}" if column == Column.TITLE \
        else f"{key}{_TIE}{title}"


def _sort_key(doc: Document, column: Column, counts: Counts) -> str:
    if column == Column.TITLE:
        return doc.title.casefold()
    if column == Column.PAGES:
        return f"{doc.pages if doc.paged else 0:09d}"
    if column == Column.NOTES:
        return f"{counts.get(doc.id, 0):09d}"
    if column == Column.STATUS:
        return f"{0 if doc.status.readable else 1}{status_text(doc).casefold()}"
    return display(doc, column, counts).casefold()
