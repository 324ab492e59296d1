"""Comparing documents and annotators: the comparison matrix, the policy comparison,
agreement between annotators, the disagreements to walk through and their resolutions.

:mod:`reader.compare` does the work over plain data; these read it from the workspace's
services (the library's documents, the placed highlights, the taxonomy, the replies) and
hand it in. A resolution is an ordinary edit of your own highlights (or a reply), made in
memory like every edit: :func:`reader.ops.highlights.save` writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from reader.compare.comparison import MAX_DOCUMENTS, MAX_THEMES, MIN_DOCUMENTS, MIN_THEMES
from reader.compare.resolve import DIFFER_TEXT, Resolution, options
from reader.errors import CompareError, UsageError
from reader.model.annotations import Highlight, Placed, Stance
from reader.model.changes import Outcome
from reader.model.compare import (
    AgreementReport,
    Comparison,
    Disagreement,
    DisagreementKind,
    GroupBy,
    Matrix,
    MatrixFilter,
    Passage,
)
from reader.model.remarks import Record, Reply
from reader.model.themes import Taxonomy
from reader.ops.discussion import RecordEdit
from reader.ops.highlights import touched
from reader.workspace import Workspace

if TYPE_CHECKING:
    from reader.compare.matrix import DocumentCounts

__all__ = ["DIFFER_TEXT", "FORMATS", "MAX_DOCUMENTS", "MAX_THEMES", "MIN_DOCUMENTS",
           "MIN_THEMES", "AgreementReport", "Choices", "Comparison", "Disagreement", "GroupBy",
           "Matrix", "MatrixFilter", "Passage", "Resolution", "agreement", "check_comparison",
           "checked_date", "choices", "comparison", "disagreement", "disagreements",
           "make_filter", "matrix", "options", "passages", "readings", "render", "resolve"]

#: What ``policy-reader matrix --format`` writes.
FORMATS = ("table", "csv", "md", "json")


def _placed_by_document(ws: Workspace, doc_ids: Iterable[str] = ()
                        ) -> dict[str, list[Placed]]:
    """Current document id → its placed highlights (only ``doc_ids`` when given)."""
    wanted = set(doc_ids)
    out: dict[str, list[Placed]] = {}
    for p in ws.annotations().placed_all():
        doc_id = p.anchor.doc_id or p.highlight.doc_id
        if not wanted or doc_id in wanted:
            out.setdefault(doc_id, []).append(p)
    return out


def matrix(ws: Workspace, filt: MatrixFilter = MatrixFilter()) -> Matrix:
    """Documents (or offices, or jurisdictions) × themes, as ``filt`` asks. Each document's
    counts are kept until the highlights or the themes change, so another filter of the
    rows (a panel's) only adds them up."""
    from reader.compare.matrix import DocumentCounts, build_matrix

    store = ws.annotations()
    tax = ws.taxonomy()
    by_document = store.by_document()  # (places the library's documents: fingerprint next)
    key = (store.generation, store.placer.fingerprint, tax.themes,
           tuple(sorted(tax.aliases.items())))
    counts = _KEPT.get(store)
    if counts is None:  # one cache per store, gone with it (an id could be reused)
        counts = _KEPT[store] = DocumentCounts()
    authors = store.authors() if filt.annotators else ()  # (reads every highlight)
    return build_matrix(ws.library().documents(), by_document, tax, filt,
                        authors=authors, counts=counts, counts_key=key)


#: Each store's documents' counts of the last matrices asked for.
_KEPT: WeakKeyDictionary[object, DocumentCounts] = WeakKeyDictionary()


def comparison(ws: Workspace, doc_ids: Sequence[str], themes: Sequence[str]) -> Comparison:
    """The policy comparison: each document's passages on each theme, side by side."""
    from reader.compare.comparison import compare_documents

    documents = {d.id: d for d in ws.library().documents()}
    return compare_documents(doc_ids, themes, _placed_by_document(ws, doc_ids), documents,
                             ws.taxonomy())


def agreement(ws: Workspace, *, doc_ids: Sequence[str] = (), themes: Sequence[str] = ()
              ) -> AgreementReport:
    """Agreement per theme over the documents ``doc_ids`` (all when empty)."""
    from reader.compare.agreement import agreement_figures

    documents = {d.id: d for d in ws.library().documents()}
    return agreement_figures(_placed_by_document(ws, doc_ids), documents, ws.taxonomy(),
                             themes=themes)


def disagreements(ws: Workspace, *, doc_ids: Sequence[str] = (), themes: Sequence[str] = (),
                  include_resolved: bool = False) -> tuple[Disagreement, ...]:
    """The disagreements to walk through (resolved ones only with ``include_resolved``)."""
    from reader.compare.disagreements import find_disagreements

    store = ws.annotations()
    documents = {d.id: d for d in ws.library().documents()}
    replies = [r for r in store.remarks() if isinstance(r, Reply)]
    return find_disagreements(_placed_by_document(ws, doc_ids), documents, ws.taxonomy(),
                              themes=themes, replies=replies,
                              include_resolved=include_resolved)


def disagreement(ws: Workspace, key: str, *, include_resolved: bool = True) -> Disagreement:
    """The disagreement with this key (or the start of it, 4+ characters)."""
    key = key.strip().lower()
    found = [d for d in disagreements(ws, include_resolved=include_resolved)
             if len(key) >= 4 and d.key.startswith(key)]
    exact = [d for d in found if d.key == key]
    if len(exact) == 1 or len(found) == 1:
        return (exact or found)[0]
    if found:
        raise UsageError(f"'{key}' matches {len(found)} disagreements.",
                         "Give more characters of the key.")
    raise UsageError(f"There is no disagreement with the key '{key}'.",
                     "'policy-reader disagreements' lists them with their keys.")


def resolve(ws: Workspace, d: Disagreement, how: Resolution | str, *, source: str = "",
            text: str = "") -> Outcome[RecordEdit]:
    """Resolve ``d`` as you: adopt another reading, copy, withdraw, or agree to differ (a
    reply). Only your own file changes (in memory: save it after). The value holds what
    was written and the versions it replaced (what an undo puts back); the change set
    names them and, for a reply, the highlight it is about."""
    from reader.compare.resolve import resolve as apply

    store = ws.annotations()
    before: dict[str, Record | None] = {}
    for hid in d.highlights:
        found = store.peek_record(hid)
        if isinstance(found, Highlight) and found.author.id == store.author.id:
            before[hid] = found
    written = apply(store, d, how, source=source, text=text)
    after = {r.id: r for r in written}
    ids = [r.id for r in written]
    ids += [r.target.id for r in written if isinstance(r, Reply)]
    edit = RecordEdit(written[0] if written else None,
                      {rid: before.get(rid) for rid in after}, after)
    return Outcome(edit, touched(ids))


def passages(ws: Workspace, ids: Iterable[str]) -> list[Passage]:
    """These highlights as a comparison shows them (placed in the current texts), in the
    order given; ids that are gone are skipped."""
    from reader.compare.comparison import passage

    store = ws.annotations()
    found = [h for h in (store.peek_record(i) for i in dict.fromkeys(ids))
             if isinstance(h, Highlight) and not h.deleted]
    placed = {p.highlight.id: p for p in store.placer.place(found)}
    return [passage(placed[h.id]) for h in found if h.id in placed]


def render(m: Matrix, fmt: str, *, max_depth: int | None = None) -> str | bytes | dict[str, Any]:
    """The matrix as ``table`` (text), ``md`` (Markdown), ``csv`` (bytes, UTF-8 with a
    byte-order mark, formulas defused) or ``json`` (a plain dict)."""
    from reader.compare import render as out

    if fmt == "table":
        return out.text_table(m, max_depth=max_depth)
    if fmt == "md":
        return out.markdown(m, max_depth=max_depth)
    if fmt == "csv":
        return out.to_csv(m, max_depth=max_depth)
    if fmt == "json":
        return out.to_json(m)
    raise UsageError(f"'{fmt}' is not a matrix format.", f"Use one of: {', '.join(FORMATS)}.")


@dataclass(frozen=True)
class Choices:
    """What the matrix's filters offer: the kinds, places and offices of the library's
    documents (most common first), and the years their dates span."""

    kinds: tuple[str, ...]
    jurisdictions: tuple[str, ...]
    offices: tuple[str, ...]
    years: tuple[str, ...]


def choices(ws: Workspace) -> Choices:
    counted: dict[str, dict[str, int]] = {"kinds": {}, "places": {}, "offices": {}}
    years: set[str] = set()
    for d in ws.library().documents():
        m = d.meta
        for name, value in (("kinds", m.kind), ("places", m.jurisdiction),
                            ("offices", m.author)):
            value = " ".join(value.split())
            if value:
                counted[name][value] = counted[name].get(value, 0) + 1
        if m.date[:4].isdigit():
            years.add(m.date[:4])

    def ranked(name: str) -> tuple[str, ...]:
        return tuple(sorted(counted[name], key=lambda v: (-counted[name][v], v.casefold())))

    return Choices(ranked("kinds"), ranked("places"), ranked("offices"),
                   tuple(sorted(years)))


def check_comparison(doc_ids: Sequence[str], themes: Sequence[str]) -> None:
    """``CompareError`` when the numbers of documents or themes are out of range (what
    the pick lists check before asking)."""
    n, k = len(dict.fromkeys(doc_ids)), len(dict.fromkeys(themes))
    if not MIN_DOCUMENTS <= n <= MAX_DOCUMENTS:
        raise CompareError(f"Choose {MIN_DOCUMENTS} to {MAX_DOCUMENTS} documents to compare "
                           f"({n} chosen).")
    if not MIN_THEMES <= k <= MAX_THEMES:
        raise CompareError(f"Choose {MIN_THEMES} to {MAX_THEMES} themes to compare "
                           f"({k} chosen).")


_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def checked_date(value: str | None, what: str = "date") -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as typed (spaces trimmed), "" for nothing;
    ``UsageError`` for anything else."""
    value = (value or "").strip()
    if value and not _DATE.match(value):
        raise UsageError(f"The {what} '{value[:40]}' is not a date.",
                         "Write a year (2020), a month (2020-01) or a day (2020-01-21).")
    return value


def make_filter(ws: Workspace, *, kinds: Sequence[str] = (),
                jurisdictions: Sequence[str] = (), offices: Sequence[str] = (),
                since: str | None = None, until: str | None = None,
                themes: Sequence[str] = (), annotators: Sequence[str] = (),
                documents: Sequence[str] = (), group_by: GroupBy | str = GroupBy.DOCUMENT,
                only_with_highlights: bool = False) -> MatrixFilter:
    """A :class:`MatrixFilter` from what a person typed: themes by id or name, documents
    by id, id prefix or path, dates checked (``UsageError`` for garbage)."""
    from reader.ops.themes import theme_id

    first, last = checked_date(since, "start date"), checked_date(until, "end date")
    if first and last and first > last[:len(first)]:
        raise UsageError(f"The start date {first} is after the end date {last}.")
    try:
        grouping = GroupBy(str(group_by).strip().lower())
    except ValueError:
        raise UsageError(f"Rows cannot be grouped by '{group_by}'.",
                         "Use document, office or jurisdiction.") from None
    tax = ws.taxonomy()
    library = ws.library()

    def words(values: Sequence[str]) -> tuple[str, ...]:
        return tuple(v for v in (" ".join(str(x).split()) for x in values) if v)

    return MatrixFilter(kinds=tuple(k.lower() for k in words(kinds)),
                        jurisdictions=words(jurisdictions), offices=words(offices),
                        since=first, until=last,
                        themes=tuple(dict.fromkeys(theme_id(tax, t) for t in themes)),
                        annotators=words(annotators),
                        documents=tuple(dict.fromkeys(library.find(d).id for d in documents)),
                        group_by=grouping, only_with_highlights=only_with_highlights)


def readings(d: Disagreement, taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """(who, what they chose) for each person a disagreement names: their themes, their
    stance, or that they did not mark the passage."""
    names = {a.id: a.name for a in (*d.authors, *d.missing)}
    out: list[tuple[str, str]] = []
    if d.kind is DisagreementKind.THEMES:
        for who, themes in d.themes:
            out.append((names.get(who, who), ", ".join(taxonomy.label(t) for t in themes)
                        or "no theme"))
    elif d.kind is DisagreementKind.STANCE:
        for who, stance in d.stances:
            label = " / ".join(Stance(s).label for s in stance.split("/") if s) \
                if stance else "no stance"
            out.append((names.get(who, who), label))
    else:
        out += [(a.name, "marked it") for a in d.authors]
        out += [(a.name, "did not mark it") for a in d.missing]
    return out
