"""Metadata from the page, the file's properties only as a fallback — with where each value
came from.

Called by every extractor on normalised text. Per field, the first that has a value wins:

1. what a structured first page says: an opinion's or a filing's caption
   (:mod:`reader.extract.court_docs`), a Statement of Administration Policy, a Federal
   Register document or a bill (:mod:`reader.extract.govdocs`);
2. ``hints``: what the file states about itself and its author meant (HTML meta tags, DOCX
   core properties, Markdown front matter);
3. heuristics over the text (:mod:`reader.extract.generic`: title line, memo fields,
   byline, labelled date, place);
4. ``fallback``: properties a program wrote for the file (a PDF's Info dictionary: often
   "SAP", "Microsoft Word - x.docx" or the day the PDF was made), then the file name.

Every value comes with a :class:`~reader.model.documents.FieldSource` (page and characters,
or "the file's properties"), so Document Properties can say "from page 1: 'Decided
February 5, 2010'". A person's corrections (documents.json) are applied later and win.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePath

from reader.extract.casing import title_case
from reader.extract.court_docs import read_court_doc
from reader.extract.dates import parse_date
from reader.extract.evidence import Ev, Reading, locate, to_source
from reader.extract.generic import (
    _MODEL_TITLE_RE,
    clean_byline,
    guess_author,
    guess_citation,
    guess_date_ev,
    guess_place,
    guess_title,
    is_title_line,
    memo_fields,
)
from reader.extract.govdocs import read_govdoc
from reader.extract.jurisdiction import STATE_NAMES
from reader.extract.kinds import guess_kind
from reader.model.documents import (
    FROM_FILENAME,
    FROM_PROPERTIES,
    FROM_TEXT,
    KINDS,
    DocMeta,
    FieldSource,
    Page,
)

__all__ = ["clean_byline", "guess_meta", "guess_meta_sourced", "guess_title", "is_title_line",
           "memo_fields", "title_case"]

#: Fields a reading of the page can give, in the order Document Properties shows them.
FIELDS = ("title", "kind", "author", "date", "jurisdiction", "site", "citation", "docket",
          "judge", "doc_type", "source_url")
_CASE_RE = re.compile(r"^[^\n]{2,80}\sv\.\s[^\n]{2,80}$")
_COURT_KINDS = ("opinion", "filing")


def guess_meta(text: str, hints: DocMeta | None = None, *, filename: str = "",
               default_kind: str = "other") -> DocMeta:
    """The metadata alone (see :func:`guess_meta_sourced`)."""
    return guess_meta_sourced(text, hints, filename=filename, default_kind=default_kind)[0]


def _valid_kind(kind: str) -> str:
    return kind if kind in KINDS and kind != "other" else ""


def guess_meta_sourced(text: str, hints: DocMeta | None = None, *, filename: str = "",
                       default_kind: str = "other", fallback: DocMeta | None = None,
                       pages: Sequence[Page] = (), paged: bool = False,
                       furniture: Sequence[tuple[int, str]] = ()
                       ) -> tuple[DocMeta, tuple[FieldSource, ...]]:
    """Metadata and where each value came from.

    ``hints`` win over heuristics (not over a structured first page); ``fallback`` only
    fills what nothing else gives. ``default_kind`` is the kind when the text shows none
    clearly ("article" for web pages). ``pages`` map offsets to pages (``paged``: real
    pages, PDF); ``furniture`` are running heads taken out of the text, ``(page, line)`` (a
    docket stamp, a "Cite as" line), read for what they say about the document.
    """
    hints = hints or DocMeta()
    fallback = fallback or DocMeta()
    heads = tuple(t for _, t in furniture)
    first_label = pages[0].label if pages else ""
    chosen: dict[str, Ev] = {}
    hinted = _valid_kind(hints.kind)
    reading: Reading | None = read_govdoc(text, heads, first_label) if text else None
    if reading is None and text:
        reading = read_court_doc(text, hinted_kind=hinted, furniture=heads)
    if hinted:
        chosen["kind"] = Ev(hinted, origin=FROM_PROPERTIES)
    elif reading is not None:
        chosen["kind"] = Ev(reading.kind)
    else:
        kind = guess_kind(text, default_kind if default_kind in KINDS else "other")
        if kind in ("other", "article", "report") and any(
                _CASE_RE.match(t) for t in (hints.title, fallback.title) if t):
            kind = "opinion"  # a caption-less opinion whose file calls it "X v. Y"
        if kind in _COURT_KINDS and text:
            reading = read_court_doc(text, hinted_kind=kind, furniture=heads)
        chosen["kind"] = Ev(kind)
    kind = chosen["kind"].value
    if reading is not None:
        for key, ev in reading.fields.items():
            if ev.value:
                chosen.setdefault(key, ev)
    _from_hints(chosen, hints, FROM_PROPERTIES)
    _from_text(chosen, text, kind)
    _from_hints(chosen, fallback, FROM_PROPERTIES)
    _refine_date(chosen, fallback)
    if "title" not in chosen and filename:
        stem = PurePath(filename).stem.replace("_", " ").replace("-", " ").strip()
        if stem:
            chosen["title"] = Ev(stem, origin=FROM_FILENAME)
    if paged and kind in _COURT_KINDS and chosen.get("title") and chosen["title"].start < 0:
        no_text = bool(pages) and not pages[0].has_text
        chosen["title"] = _noted(chosen["title"], "page 1 has no text" if no_text else
                                 "no caption found in the text")
    if kind == "statute" and "citation" not in chosen and "title" in chosen and \
            _MODEL_TITLE_RE.match(chosen["title"].value):
        chosen["citation"] = chosen["title"]  # a model act is cited by its name
    for key, ev in chosen.items():  # read from a running head: say which page's
        if ev.start < 0 and ev.origin == FROM_TEXT and ev.snippet and not ev.page:
            page = next((p for p, t in furniture if t.strip() == ev.snippet), 0)
            chosen[key] = Ev(ev.value, origin=ev.origin, note="a running head", page=page,
                             snippet=ev.snippet)
    values = {k: re.sub(r"\s+", " ", ev.value).strip() for k, ev in chosen.items()}
    values["title"] = values.get("title", "")[:300]
    meta = DocMeta(**{k: v for k, v in values.items() if k in DocMeta.__dataclass_fields__})
    sources = [to_source(k, chosen[k], text, pages, paged) for k in FIELDS
               if k in chosen and values.get(k)]
    if reading is not None:
        for key, ev in reading.extra.items():
            sources.append(to_source(key, ev, text, pages, paged))
    return meta, tuple(sources)


def _noted(ev: Ev, note: str) -> Ev:
    return Ev(ev.value, ev.start, ev.end, ev.origin, note, ev.page, ev.snippet)


def _from_hints(chosen: dict[str, Ev], hints: DocMeta, origin: str) -> None:
    for key in FIELDS:
        if key == "kind" or key in chosen:
            continue
        value = getattr(hints, key, "")
        if key == "date":
            value = parse_date(value)
        if value:
            chosen[key] = Ev(value, origin=origin, snippet=value[:120])


def _from_text(chosen: dict[str, Ev], text: str, kind: str) -> None:
    """Heuristic guesses for what the page and the hints left empty."""
    if not text:
        return
    if "title" not in chosen and kind not in _COURT_KINDS:
        title = guess_title(text, kind)
        if title:
            chosen["title"] = _located(text, title)
    if "author" not in chosen and kind not in _COURT_KINDS:
        author = guess_author(text, kind)
        if author:
            chosen["author"] = _located(text, author)
    if "date" not in chosen:
        found = guess_date_ev(text, kind)
        if found:
            chosen["date"] = found
    if "jurisdiction" not in chosen and kind not in _COURT_KINDS:
        title = chosen["title"].value if "title" in chosen else ""
        place = guess_place(text, kind, title)
        if place:
            where = place.split(",")[0]
            where = STATE_NAMES.get(where, where) if len(where) == 2 else where
            chosen["jurisdiction"] = Ev(place, *_locate_loose(text, where))
    if "citation" not in chosen and kind not in _COURT_KINDS:
        citation = guess_citation(text, kind)
        if citation:
            chosen["citation"] = _located(text, citation)


def _locate_loose(text: str, value: str) -> tuple[int, int]:
    for candidate in (value, value.split(",")[0], " ".join(value.split()[:6])):
        start, end = locate(text, candidate)
        if start >= 0:
            return start, end
    return -1, -1


def _located(text: str, value: str) -> Ev:
    return Ev(value, *_locate_loose(text, value))


def _refine_date(chosen: dict[str, Ev], fallback: DocMeta) -> None:
    """A month from the page ("April 2025") and the day from the file's properties
    (2025-04-15) that agrees with it: the full date, said to be from the properties."""
    ev = chosen.get("date")
    if ev is None or len(ev.value) != 7 or ev.origin == FROM_PROPERTIES:
        return
    fb = parse_date(fallback.date)
    if len(fb) == 10 and fb.startswith(ev.value):
        chosen["date"] = Ev(fb, origin=FROM_PROPERTIES, snippet=fb,
                            note=f"agrees with the page's {ev.value}")
