"""Build a :class:`Brief` from highlights: select, cite, group. Pure: no I/O of its own
(document texts come through the ``texts`` callable), no Qt.

Every quote is taken from the *current* text of its document at its anchor, and its page
is computed from that text, so the page printed is the page that holds the words. A
highlight whose anchor is orphaned, whose document is gone or whose position falls outside
the text is never cited: it is counted (and, on request, listed without a page).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from reader.annotations.threads import Discussion
from reader.errors import NothingToExport, ReaderError
from reader.export.citation import plain
from reader.export.discussion import contradictions_for, matrix_section, replies_for
from reader.export.group import group_quotes
from reader.export.model import (
    Brief,
    BriefQuote,
    Citation,
    Cover,
    OrphanEntry,
    SourceEntry,
    ThemeEntry,
)
from reader.export.options import BriefOptions, OrphanPolicy
from reader.export.select import TaxonomyLike, ThemeTree, local_day, matches, wanted_themes
from reader.export.text import clean, one_line, quote_text, redact
from reader.extract.courts import court_abbrev
from reader.model.annotations import Placed, Stance, Theme
from reader.model.documents import DocText, Document
from reader.model.themes import Taxonomy

log = logging.getLogger(__name__)

TextsFn = Callable[[str], DocText]
#: Source order in a brief, as a legal brief lists authorities.
KIND_ORDER = ("statute", "opinion", "filing", "memo", "report", "article", "other")


@dataclass(frozen=True)
class _Cited:
    quote: BriefQuote
    theme_ids: tuple[str, ...]  # most specific, within the theme filter
    doc_rank: int


def build_brief(options: BriefOptions, placed: Sequence[Placed],
                documents: Mapping[str, Document], texts: TextsFn,
                taxonomy: TaxonomyLike | Sequence[Theme] | None, *,
                now: dt.datetime | None = None, discussion: Discussion | None = None) -> Brief:
    """The brief ``options`` asks for. Raises :class:`NothingToExport` (with a message for
    a person) when no highlight can be quoted. ``discussion`` (the replies and links) gives
    the replies under quotes and "Contradicted by: …"."""
    now = now or dt.datetime.now(dt.UTC)
    tree = ThemeTree.of(taxonomy)
    wanted = wanted_themes(options, tree)
    live = [p for p in placed if not p.highlight.deleted]
    chosen = [p for p in live if matches(p, options, wanted, tree)]
    names = {p.highlight.author.name for p in live}
    doc_rank = _document_order(options, chosen, documents)
    text_cache: dict[str, DocText | None] = {}

    def text_of(doc_id: str) -> DocText | None:
        if doc_id not in text_cache:
            try:
                text_cache[doc_id] = texts(doc_id)
            except ReaderError as exc:
                log.warning("brief: cannot read the text of %s: %s", doc_id[:12], exc)
                text_cache[doc_id] = None
        return text_cache[doc_id]

    cited: list[_Cited] = []
    orphans: list[OrphanEntry] = []
    for p in chosen:
        result = _cite(p, options, documents, text_of, names)
        tags = sorted(tree.tags(p.highlight.themes), key=tree.order_key)
        if isinstance(result, OrphanEntry):
            orphans.append(replace(result, themes=tuple(tree.label(t) for t in tags)))
            continue
        if result is None:
            continue
        theme_ids = [t for t in tags if wanted is None or t in wanted]
        theme_ids = sorted(tree.most_specific(theme_ids), key=tree.order_key)
        labels = tuple(one_line(tree.label(t)) for t in tags)
        cited.append(_Cited(replace(result, themes=labels), tuple(theme_ids),
                            doc_rank[result.doc_id]))
    if not cited:
        raise NothingToExport(_nothing_message(options, live, chosen, orphans))
    if discussion is not None:
        cited = _with_discussion(cited, discussion, options, live, documents, text_of, names)
    cited.sort(key=lambda c: (c.doc_rank, c.quote.start, c.quote.end, c.quote.highlight_id))
    sections = group_quotes(options, [(c.quote, c.theme_ids) for c in cited], tree, documents)
    brief_quotes = {q.highlight_id: q for s in sections for x in s.walk() for q in x.quotes}
    orphans.sort(key=lambda o: (o.doc_title.casefold(), o.text))
    return Brief(
        options=options,
        cover=Cover(title=one_line(options.title) or "Briefing packet",
                    subtitle=one_line(options.subtitle),
                    prepared_by=one_line(options.prepared_by),
                    prepared_for=one_line(options.prepared_for),
                    group_name=one_line(options.group_name), notice=one_line(options.notice),
                    date=options.cover_date(local_day(now)),
                    as_of=options.as_of_date(local_day(now))),
        sections=sections,
        sources=_sources(list(brief_quotes.values()), documents, doc_rank),
        themes=_theme_entries(list(brief_quotes.values()), cited, tree),
        orphans=tuple(orphans) if options.orphans is OrphanPolicy.APPENDIX else (),
        orphan_count=len(orphans),
        annotators=() if options.anonymize else tuple(sorted(
            {q.annotator for q in brief_quotes.values() if q.annotator}, key=str.casefold)),
        generated=now,
        matrix=matrix_section(options, chosen, documents,
                              sorted(doc_rank, key=doc_rank.__getitem__), _taxonomy(taxonomy)),
    )


def _taxonomy(taxonomy: TaxonomyLike | Sequence[Theme] | None) -> Taxonomy | None:
    if taxonomy is None or isinstance(taxonomy, Taxonomy):
        return taxonomy
    themes = tuple(ThemeTree.of(taxonomy).themes)
    return Taxonomy(themes, getattr(taxonomy, "aliases", {}))


def _with_discussion(cited: list[_Cited], discussion: Discussion, options: BriefOptions,
                     live: Sequence[Placed], documents: Mapping[str, Document],
                     text_of: Callable[[str], DocText | None], names: set[str]
                     ) -> list[_Cited]:
    """Each quote with its replies and the passages that contradict it."""
    by_id = {p.highlight.id: p for p in live}

    def cite(hid: str) -> tuple[str, str] | None:
        p = by_id.get(hid)
        found = _cite(p, options, documents, text_of, names) if p is not None else None
        if not isinstance(found, BriefQuote):
            return None
        return found.text, plain(found.citation)

    out = []
    for c in cited:
        hid = c.quote.highlight_id
        quote = replace(c.quote, replies=replies_for(hid, discussion, options, names),
                        contradicted_by=contradictions_for(hid, discussion, options, cite))
        out.append(replace(c, quote=quote))
    return out


def _document_order(options: BriefOptions, chosen: Sequence[Placed],
                    documents: Mapping[str, Document]) -> dict[str, int]:
    """Documents in the order the person listed them, else by authority as a legal brief
    lists them (statutes, opinions, memos, reports, articles), then date, then title."""
    ids = {p.anchor.doc_id or p.highlight.doc_id for p in chosen}
    listed = [d for d in options.documents if d in ids]

    def key(doc_id: str) -> tuple[int, str, str, str]:
        doc = documents.get(doc_id)
        if doc is None:
            return (len(KIND_ORDER) + 1, "", "", doc_id)
        rank = KIND_ORDER.index(doc.meta.kind) if doc.meta.kind in KIND_ORDER else len(
            KIND_ORDER)
        return (rank, doc.meta.date, doc.title.casefold(), doc_id)

    rest = sorted(ids - set(listed), key=key)
    return {d: i for i, d in enumerate(listed + rest)}


def _cite(p: Placed, options: BriefOptions, documents: Mapping[str, Document],
          text_of: Callable[[str], DocText | None], names: set[str]
          ) -> BriefQuote | OrphanEntry | None:
    h, a = p.highlight, p.anchor
    doc_id = a.doc_id or h.doc_id
    doc = documents.get(doc_id)
    note = clean(h.note) if options.include_notes else ""
    if note and options.anonymize:
        note = redact(note, names)
    annotator = "" if options.anonymize else one_line(h.author.name)
    title = one_line(doc.title) if doc else one_line(h.doc_path.rsplit("/", 1)[-1])

    def orphan(reason: str) -> OrphanEntry:
        return OrphanEntry(h.id, quote_text(h.quote.exact), title, reason, note, annotator)

    if p.orphaned:
        return orphan("The passage could not be found in the current version of the document.")
    if doc is None:
        return orphan("The document is no longer in the workspace.")
    text = text_of(doc_id)
    if text is None:
        return orphan("The document's text could not be read, so its page cannot be checked.")
    start, end = a.start, a.end
    if not (0 <= start < end <= len(text.text)):
        return orphan("The highlight points outside the document's current text.")
    raw = text.text[start:end]
    start += len(raw) - len(raw.lstrip())  # the page of the first real character
    end -= len(raw) - len(raw.rstrip())
    words = quote_text(raw)
    if not words:
        log.info("brief: skipping empty highlight %s", h.id)
        return None
    page = end_page = physical = ""
    page_number = 0
    ocr = False
    if doc.paged or len(text.pages) > 1:
        first, last = text.page_at(start), text.page_at(end - 1)
        if first is not None and last is not None:
            page, end_page, page_number = first.cite_label, last.cite_label, first.number
            ocr = any(p.ocr for p in text.pages[first.number - 1:last.number])
            if first.printed_differs or last.printed_differs:
                physical = str(first.number) if first is last else \
                    f"{first.number}–{last.number}"
    section = text.pinpoint(start)
    inner = text.section_at(start)
    meta = doc.meta
    citation = Citation(
        title=title, author=one_line(meta.author), date=one_line(meta.date), page=page,
        end_page=end_page if end_page != page else "", section=one_line(section),
        section_title=(one_line(inner.title) if inner and not section and not inner.is_note
                       and text.note_at(start) is None
                       and one_line(inner.title).casefold() != title.casefold() else ""),
        legal_citation=one_line(meta.citation), site=one_line(meta.site), kind=meta.kind,
        docket=one_line(meta.docket), court=court_abbrev(meta.site, meta.jurisdiction),
        doc_type=one_line(meta.doc_type), physical=physical)
    return BriefQuote(highlight_id=h.id, number=0, text=words, citation=citation,
                      doc_id=doc_id, page_number=page_number, start=start, end=end,
                      themes=(), stance=h.stance, note=note, annotator=annotator,
                      created=h.created, ocr=ocr)


def _nothing_message(options: BriefOptions, live: Sequence[Placed],
                     chosen: Sequence[Placed], orphans: Sequence[OrphanEntry]) -> str:
    if not live:
        return "There are no highlights to put in a brief yet. Highlight some passages first."
    if not chosen:
        filters = []
        if options.themes:
            filters.append("themes " + ", ".join(options.themes))
        if options.authors:
            filters.append("annotators " + ", ".join(options.authors))
        if options.documents:
            n = len(options.documents)
            filters.append(f"{n} chosen document{'s' if n != 1 else ''}")
        if options.stances:
            filters.append("stance " + " or ".join(Stance(s).label.lower()
                                                   for s in options.stances))
        if options.since or options.until:
            filters.append(f"dates {options.since or '…'} to {options.until or '…'}")
        which = "; ".join(filters) or "the filters"
        return (f"No highlight matches {which} (out of {len(live)} highlights). "
                "Widen the filters and try again.")
    if orphans and len(orphans) == len(chosen):
        return (f"The {len(orphans)} matching highlight{'s' if len(orphans) != 1 else ''} "
                "cannot be found in the current versions of their documents, so there is "
                "nothing to cite.")
    return "The matching highlights are empty, so there is nothing to cite."


def _sources(quotes: Sequence[BriefQuote], documents: Mapping[str, Document],
             doc_rank: Mapping[str, int]) -> tuple[SourceEntry, ...]:
    by_doc: dict[str, list[BriefQuote]] = {}
    for q in quotes:
        by_doc.setdefault(q.doc_id, []).append(q)
    out = []
    for doc_id in sorted(by_doc, key=lambda d: doc_rank.get(d, 0)):
        doc = documents[doc_id]
        qs = sorted(by_doc[doc_id], key=lambda q: (q.page_number, q.start))
        pages = tuple(dict.fromkeys(q.citation.page for q in qs if q.citation.page))
        m = doc.meta
        out.append(SourceEntry(
            doc_id=doc_id, title=one_line(doc.title), author=one_line(m.author),
            date=one_line(m.date), kind=m.kind, jurisdiction=one_line(m.jurisdiction),
            site=one_line(m.site), legal_citation=one_line(m.citation),
            source_url=one_line(m.source_url), path=doc.path, quote_count=len(qs),
            pages_cited=pages, docket=one_line(m.docket),
            court=court_abbrev(m.site, m.jurisdiction), doc_type=one_line(m.doc_type),
            judge=one_line(m.judge)))
    return tuple(out)


def _theme_entries(quotes: Sequence[BriefQuote], cited: Sequence[_Cited],
                   tree: ThemeTree) -> tuple[ThemeEntry, ...]:
    """The themes the brief uses (those quotes are filed under, with their ancestors), in
    taxonomy order, with their definitions."""
    used: dict[str, int] = {}
    in_brief = {q.highlight_id for q in quotes}
    for c in cited:
        if c.quote.highlight_id not in in_brief:
            continue
        for tid in c.theme_ids:
            used[tid] = used.get(tid, 0) + 1
    ids = set(used)
    for tid in list(ids):
        ids.update(tree.ancestors(tid))
    out = []
    for tid in sorted(ids, key=tree.order_key):
        theme = tree.by_id.get(tid)
        parent = tree.parent.get(tid)
        out.append(ThemeEntry(
            id=tid, label=one_line(tree.label(tid)),
            description=clean(theme.description).strip() if theme else
            "This theme is not in the workspace's theme list.",
            parent=one_line(tree.label(parent)) if parent else "",
            level=tree.depth.get(tid, 0) + 1, quote_count=used.get(tid, 0)))
    return tuple(out)
