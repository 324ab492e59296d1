"""What goes into the index: rows built from documents and highlights (pure functions, no
Whoosh writer), plus the signatures that make updates incremental."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from reader.model.annotations import Placed
from reader.model.documents import DocText, Document
from reader.search.analysis import (
    join_keys,
    jurisdiction_keys,
    path_filename_words,
    path_keys,
    theme_keys,
)
from reader.search.schema import MAX_PAGE_CHARS, PASSAGE_CHARS, SCHEMA_VERSION
from reader.search.sections import own_sections, section_value

Row = dict[str, Any]


@dataclass(frozen=True)
class NoteEntry:
    """What the index keeps of one live highlight (built from a :class:`Placed`)."""

    id: str
    doc_id: str
    doc_path: str
    quote: str
    note: str = ""
    themes: tuple[str, ...] = ()  # the theme ids it is tagged with
    theme_terms: tuple[tuple[str, str], ...] = ()  # (id, label) of those and their ancestors
    stance: str = ""
    author_name: str = ""
    author_id: str = ""
    page: int = 1
    page_label: str = ""
    start: int = -1
    end: int = -1
    orphaned: bool = False

    @classmethod
    def from_placed(cls, placed: Placed, *, labels: Mapping[str, str] | None = None,
                    page_number: int = 0) -> NoteEntry:
        """``labels`` maps theme ids to labels; ``page_number`` is the 1-based page the
        anchor starts on (0: unknown, taken from the page label when it is a number)."""
        h, a = placed.highlight, placed.anchor
        labels = labels or {}
        orphaned = placed.orphaned
        label = (a.page if not orphaned else "") or h.page
        if not page_number:
            page_number = int(label) if label.isdigit() and int(label) > 0 else 1
        return cls(
            id=h.id, doc_id=(a.doc_id or h.doc_id), doc_path=h.doc_path,
            quote=h.quote.exact, note=h.note, themes=tuple(h.themes),
            theme_terms=tuple((t, labels.get(t, "")) for t in h.themes),
            stance=h.stance.value if h.stance is not None else "",
            author_name=h.author.name, author_id=h.author.id,
            page=page_number, page_label=label,
            start=-1 if orphaned else a.start, end=-1 if orphaned else a.end,
            orphaned=orphaned)

    def signature(self, doc_sig: str) -> str:
        """Changes when the row must be rewritten (the page number and label follow from
        the anchor and the document, so they are left out)."""
        return _digest((SCHEMA_VERSION, doc_sig, replace(self, page=0, page_label="")))


def _digest(value: object) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"),
                           digest_size=12).hexdigest()


def doc_signature(doc: Document) -> str:
    """Changes when anything the rows of ``doc`` are built from changes (content, path,
    metadata, status, index format)."""
    return _digest((SCHEMA_VERSION, doc.id, doc.path, doc.status.value, doc.meta,
                    doc.pages, doc.chars))


def split_passages(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into passages of about :data:`PASSAGE_CHARS`, at a paragraph
    break, else a line break, else a space. Short spans are returned whole."""
    if end - start <= MAX_PAGE_CHARS:
        return [(start, end)]
    out = []
    pos = start
    while end - pos > PASSAGE_CHARS * 3 // 2:
        target = pos + PASSAGE_CHARS
        lo, hi = pos + PASSAGE_CHARS // 2, min(end, pos + PASSAGE_CHARS * 3 // 2)
        cut = -1
        for sep in ("\n\n", "\n", " "):
            before = text.rfind(sep, lo, target)
            after = text.find(sep, target, hi)
            candidates = [c for c in (before, after) if c >= 0]
            if candidates:
                cut = min(candidates, key=lambda c: abs(c - target)) + len(sep)
                break
        if cut <= pos:
            cut = target
        out.append((pos, cut))
        pos = cut
    out.append((pos, end))
    return out


def _doc_fields(doc: Document) -> Row:
    m = doc.meta
    meta_text = " ".join(x for x in (m.author, m.site, m.jurisdiction, m.citation, m.docket,
                                     m.judge, m.doc_type, m.kind, m.date,
                                     path_filename_words(doc.path)) if x)
    return {
        "doc_id": doc.id,
        "title": doc.title,
        "meta": meta_text,
        "author": "; ".join(x for x in (m.author, m.judge) if x),
        "kind": (m.kind or "other").lower(),
        "jurisdiction": join_keys(jurisdiction_keys(m.jurisdiction)),
        "jfacet": m.jurisdiction.strip(),
        "path": join_keys(path_keys(doc.path)),
        "date": m.date.strip(),
    }


def _doc_info(doc: Document) -> dict[str, Any]:
    return {"title": doc.title, "path": doc.path, "kind": doc.meta.kind or "other",
            "date": doc.meta.date, "citation": doc.meta.citation, "author": doc.meta.author,
            "status": doc.status.value}


def meta_snippet_text(info: Mapping[str, Any]) -> str:
    """What a hit on a document's metadata shows: title · author · date · citation."""
    parts = [str(info.get(k) or "") for k in ("title", "author", "date", "citation")]
    return " · ".join(p for p in parts if p)


def text_units(doc: Document, text: DocText) -> list[tuple[int, str, int, int]]:
    """The places a hit can point to: (page number, printed label, start, end) per page
    of text, long pages and unpaged documents cut into passages (see
    :func:`split_passages`)."""
    pages = text.pages or ()
    paged = doc.paged or len(pages) > 1
    spans = [(p.number, p.label or (str(p.number) if paged else ""), p.start, p.end)
             for p in pages if p.has_text]
    if not pages:
        spans = [(1, "", 0, len(text.text))]
    units = []
    for number, label, start, end in spans:
        for s, e in split_passages(text.text, start, end):
            if text.text[s:e].strip():
                units.append((number, label, s, e))
    return units


def doc_rows(doc: Document, text: DocText | None) -> list[Row]:
    """The rows of one document: one ``doc`` row holding its whole text (character
    offsets in the postings are document offsets; its pages, with their texts
    compressed one by one, are stored so a hit is placed on its page), or a ``meta`` row
    when there is no text (so it is still found by title and metadata)."""
    sig = doc_signature(doc)
    common = _doc_fields(doc)
    citation = "\n".join(dict.fromkeys(c for c in (doc.meta.citation, doc.meta.docket) if c))
    units = text_units(doc, text) if text is not None and text.text.strip() else []
    own = own_sections(doc, text if units else None)
    if own:
        common["section"] = section_value(own)
    if units:
        assert text is not None
        body = text.text
        return [{
            **common, "rid": f"d:{doc.id}", "key": doc.id, "sig": sig, "rtype": "doc",
            "body": body, "cite": body + ("\n" + citation if citation else ""),
            "info": {**_doc_info(doc), "n": len(body),
                     "units": [list(u) for u in units],
                     "z": [zlib.compress(body[s:e].encode("utf-8"), 6)
                           for _n, _l, s, e in units]},
        }]
    return [{
        **common, "rid": f"m:{doc.id}", "key": doc.id, "sig": sig, "rtype": "meta",
        "cite": citation, "info": {**_doc_info(doc), "n": 0, "units": [], "z": []},
    }]


def note_row(entry: NoteEntry, doc: Document | None) -> Row:
    """The row of one highlight. ``doc`` is its document (None when it is not in the
    library any more: the highlight is still found, under its path)."""
    if doc is not None:
        common = _doc_fields(doc)
        info = _doc_info(doc)
        doc_sig = doc_signature(doc)
    else:
        common = {"doc_id": entry.doc_id, "title": entry.doc_path.rsplit("/", 1)[-1],
                  "path": join_keys(path_keys(entry.doc_path)), "kind": "other"}
        info = {"title": entry.doc_path.rsplit("/", 1)[-1], "path": entry.doc_path,
                "kind": "other", "date": "", "citation": "", "author": "", "status": ""}
        doc_sig = ""
    themes: list[str] = []
    for tid, label in entry.theme_terms or tuple((t, "") for t in entry.themes):
        themes.extend(theme_keys(tid, label))
    return {
        **common,
        "rid": f"a:{entry.id}", "key": f"a:{entry.id}", "sig": entry.signature(doc_sig),
        "doc_id": entry.doc_id, "rtype": "note",
        "body": entry.note, "quote": entry.quote, "cite": entry.quote,
        "author": f"{entry.author_name} {entry.author_id}".strip(),
        "theme": join_keys(themes), "stance": entry.stance,
        "info": {**info, "page": entry.page, "label": entry.page_label,
                 "start": entry.start, "end": entry.end, "hl": entry.id,
                 "note": entry.note, "quote": entry.quote, "themes": list(entry.themes),
                 "annotator": entry.author_name, "orphaned": entry.orphaned},
    }


def unit_text(info: Mapping[str, Any], i: int) -> str:
    """The text of the ``i``-th unit (page or passage) of a ``doc`` row."""
    chunks = info.get("z") or []
    data = chunks[i] if 0 <= i < len(chunks) else b""
    return zlib.decompress(data).decode("utf-8") if data else ""
