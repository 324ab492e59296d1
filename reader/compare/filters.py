"""Which documents a comparison covers, how they group into rows, and which themes are
its columns (pure functions over plain data)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.errors import ThemeError
from reader.extract.jurisdiction import state_code
from reader.model.annotations import Author
from reader.model.compare import GroupBy, MatrixColumn, MatrixFilter
from reader.model.documents import Document
from reader.model.themes import Taxonomy

#: Row order of kinds when documents are listed (as a brief lists its sources).
KIND_ORDER = ("statute", "opinion", "filing", "memo", "report", "article", "other")


def _words(value: str) -> str:
    return " ".join(value.casefold().split())


def place_keys(jurisdiction: str) -> set[str]:
    """``"Alder County, PA"`` → ``{"alder county, pa", "alder county", "pa",
    "pennsylvania"}``: what a jurisdiction filter may name."""
    whole = _words(jurisdiction)
    if not whole:
        return set()
    keys = {whole}
    for part in whole.replace(";", ",").split(","):
        part = part.strip()
        if part:
            keys.add(part)
            code = state_code(part.upper() if len(part) == 2 else part.title())
            if code:
                keys.add(code.casefold())
    return keys


def _place_matches(doc: Document, wanted: Sequence[str]) -> bool:
    keys = place_keys(doc.meta.jurisdiction)
    for w in wanted:
        key = _words(w)
        code = state_code(key.upper() if len(key) == 2 else key.title())
        if key in keys or (code and code.casefold() in keys):
            return True
    return False


def _office_matches(doc: Document, wanted: Sequence[str]) -> bool:
    office = _words(doc.meta.author)
    return any(_words(w) and _words(w) in office for w in wanted)


def _date_ok(date: str, since: str, until: str) -> bool:
    if not since and not until:
        return True
    if not date:
        return False
    if since and date[:len(since)] < since:
        return False
    return not (until and date[:len(until)] > until)


def select_documents(documents: Iterable[Document], filt: MatrixFilter) -> list[Document]:
    """The readable documents ``filt`` chooses, in row order (kind, place, date, title)."""
    kinds = {k.casefold() for k in filt.kinds}
    ids = set(filt.documents)
    out = []
    for d in documents:
        if ids and d.id not in ids:
            continue
        if kinds and d.meta.kind.casefold() not in kinds:
            continue
        if filt.jurisdictions and not _place_matches(d, filt.jurisdictions):
            continue
        if filt.offices and not _office_matches(d, filt.offices):
            continue
        if not _date_ok(d.meta.date, filt.since, filt.until):
            continue
        out.append(d)
    return sorted(out, key=row_order)


def row_order(d: Document) -> tuple[int, str, str, str, str]:
    kind = KIND_ORDER.index(d.meta.kind) if d.meta.kind in KIND_ORDER else len(KIND_ORDER)
    return (kind, _words(d.meta.jurisdiction), d.meta.date, d.title.casefold(), d.id)


@dataclass(frozen=True)
class RowKey:
    key: str
    label: str


def row_key(doc: Document, group_by: GroupBy) -> RowKey:
    if group_by is GroupBy.OFFICE:
        office = " ".join(doc.meta.author.split())
        return RowKey("office:" + office.casefold(), office or "No office or author named")
    if group_by is GroupBy.JURISDICTION:
        place = " ".join(doc.meta.jurisdiction.split())
        return RowKey("place:" + place.casefold(), place or "No jurisdiction named")
    return RowKey(doc.id, doc.title)


def where(doc: Document) -> str:
    """``"Alder County, PA · 2020"``: a document row's second line."""
    parts = [" ".join(doc.meta.jurisdiction.split()), doc.meta.date[:4]]
    return " \u00b7 ".join(p for p in parts if p)


def detail(doc: Document) -> str:
    """``"memo · Alder County, PA · 2020-01-21"``."""
    parts = [doc.meta.kind if doc.meta.kind != "other" else "", doc.meta.author,
             doc.meta.jurisdiction, doc.meta.date]
    return " \u00b7 ".join(" ".join(p.split()) for p in parts if p.strip())


def annotator_ids(authors: Iterable[Author], wanted: Sequence[str]) -> frozenset[str] | None:
    """The author ids ``wanted`` names (ids or names, any case); ``None`` for everyone."""
    if not wanted:
        return None
    keys = {_words(w) for w in wanted}
    return frozenset(a.id for a in authors if a.id.casefold() in keys or _words(a.name) in keys
                     ) | frozenset(w for w in wanted if w)


def theme_columns(taxonomy: Taxonomy, wanted: Sequence[str] = ()) -> list[MatrixColumn]:
    """The columns: every theme in taxonomy order, or the ``wanted`` themes (by id or name)
    with their sub-themes. ``ThemeError`` for a theme this workspace does not have."""
    chosen: list[str] = []
    for ref in wanted:
        theme = taxonomy.find(ref)
        if theme is None:
            raise ThemeError(f"There is no theme '{ref}' in this workspace.",
                             "List them with 'policy-reader themes list'.")
        chosen.append(theme.id)
    roots = chosen or [t.id for t in taxonomy.roots()]
    out: list[MatrixColumn] = []
    seen: set[str] = set()
    for root in dict.fromkeys(roots):
        base = taxonomy.depth(root)
        for t in (taxonomy.get(root), *taxonomy.descendants(root)):
            if t is None or t.id in seen:
                continue
            seen.add(t.id)
            parent = t.parent if t.id != root else None
            out.append(MatrixColumn(t.id, t.label, taxonomy.depth(t.id) - base, parent,
                                    bool(taxonomy.children(t.id)), t.color, t.description))
    return out


def ancestors_within(taxonomy: Taxonomy, columns: Sequence[MatrixColumn]
                     ) -> dict[str, tuple[int, ...]]:
    """For every theme id (and merged old id) a highlight may carry: the indexes of the
    columns it counts into — its own and its ancestors' among ``columns``."""
    index = {c.theme_id: i for i, c in enumerate(columns)}
    out: dict[str, tuple[int, ...]] = {}
    for t in taxonomy.themes:
        out[t.id] = tuple(index[p.id] for p in taxonomy.path(t.id) if p.id in index)
    for old in taxonomy.aliases:
        current = taxonomy.resolve(old)
        if current is not None:
            out[old] = out.get(current, ())
    return out
