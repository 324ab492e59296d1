"""The rows of the library, as a tree: documents at the top level, and one row per code
collection holding its hierarchy (Title 48 › Chapter 9E › § 48-961.05) instead of hundreds of
flat rows. Plain Python (no Qt): :mod:`.library_model` shows it; :func:`plan` builds the rows
wanted, :class:`Rows` keeps them and tells the model what to insert and remove, so an update
keeps the rows (and the selection and expanded folders) of what stays.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import count

from reader.model.codes import CodeCollection, CodeNode
from reader.model.documents import Document

DOC, CODE, PART = "doc", "code", "part"


@dataclass(eq=False)
class Row:
    """One row: a document (``doc_id``), a code (``collection``) or a part of one (``node``:
    a title, a chapter, a group of sections)."""

    key: str
    kind: str
    uid: int
    doc_id: str = ""
    collection: CodeCollection | None = None
    node: CodeNode | None = None
    parent: Row | None = None
    children: list[Row] = field(default_factory=list)

    def doc_ids(self) -> Iterable[str]:
        """The documents at and below this row."""
        if self.doc_id:
            yield self.doc_id
        for child in self.children:
            yield from child.doc_ids()


@dataclass(frozen=True)
class Wanted:
    """A row as it should be (before it has a uid)."""

    key: str
    kind: str
    doc_id: str = ""
    collection: CodeCollection | None = None
    node: CodeNode | None = None
    children: tuple[Wanted, ...] = ()


def _node_rows(node: CodeNode, prefix: str, index_ids: set[str]) -> Wanted:
    key = f"{prefix}/{node.key or node.label}"
    kids: list[Wanted] = []
    if node.doc_id and node.doc_id in index_ids:  # the chapter's index file, first
        kids.append(Wanted(f"doc:{node.doc_id}", DOC, doc_id=node.doc_id))
    for child in node.children:
        if child.is_section:
            kids.append(Wanted(f"doc:{child.doc_id}", DOC, doc_id=child.doc_id, node=child))
        else:
            kids.append(_node_rows(child, key, index_ids))
    return Wanted(key, PART, node=node, children=tuple(kids))


def plan(docs: Sequence[Document], collections: Sequence[CodeCollection]) -> list[Wanted]:
    """The top-level rows: every document not in a collection (in the order given) and
    one row per collection, placed where its first document would be."""
    in_coll: dict[str, CodeCollection] = {}
    for coll in collections:
        for doc_id in coll.doc_ids:
            in_coll.setdefault(doc_id, coll)
    out: list[Wanted] = []
    placed: set[str] = set()
    seen_docs: set[str] = set()
    for doc in docs:
        if doc.id in seen_docs:
            continue
        seen_docs.add(doc.id)
        coll = in_coll.get(doc.id)
        if coll is None:
            out.append(Wanted(f"doc:{doc.id}", DOC, doc_id=doc.id))
        elif coll.code not in placed:
            placed.add(coll.code)
            out.append(_collection_rows(coll))
    return out


def _collection_rows(coll: CodeCollection) -> Wanted:
    key = f"code:{coll.code}"
    index_ids = set(coll.index_ids)
    kids: list[Wanted] = []
    listed: set[str] = set()
    for node in coll.roots:
        if node.is_section:
            kids.append(Wanted(f"doc:{node.doc_id}", DOC, doc_id=node.doc_id, node=node))
        else:
            kids.append(_node_rows(node, key, index_ids))
    for kid in _walk(kids):
        listed.add(kid.doc_id)
    for doc_id in coll.index_ids:  # an index whose chapter has no section here
        if doc_id not in listed:
            kids.append(Wanted(f"doc:{doc_id}", DOC, doc_id=doc_id))
    return Wanted(key, CODE, collection=coll, children=tuple(kids))


def _walk(rows: Iterable[Wanted]) -> Iterable[Wanted]:
    for r in rows:
        yield r
        yield from _walk(r.children)


class Rows:
    """The current rows. :meth:`update` changes them towards a plan, calling ``listener``'s
    ``removing(parent, first, last)`` / ``removed()`` / ``inserting(parent, first, last)`` /
    ``inserted()`` around each run of neighbouring rows removed or added (the Qt model's
    begin/end calls: 500 files synced at once are one insertion); it returns False when
    the rows of what stays changed order (the model then resets)."""

    def __init__(self) -> None:
        self.top: list[Row] = []
        self.by_uid: dict[int, Row] = {}
        self.by_doc: dict[str, Row] = {}
        self._uids = count(1)
        #: row positions per list of siblings (the list itself kept, to be sure it is that
        #: one); dropped when the list changes: Qt asks for parents and positions constantly
        self._positions: dict[int, tuple[list[Row], dict[int, int]]] = {}

    def siblings(self, row: Row) -> list[Row]:
        return row.parent.children if row.parent is not None else self.top

    def position(self, row: Row) -> int:
        siblings = self.siblings(row)
        cached = self._positions.get(id(siblings))
        if cached is None or cached[0] is not siblings:
            cached = (siblings, {r.uid: i for i, r in enumerate(siblings)})
            self._positions[id(siblings)] = cached
        return cached[1].get(row.uid, -1)

    def _moved(self, siblings: list[Row]) -> None:
        self._positions.pop(id(siblings), None)

    def reset(self, wanted: Sequence[Wanted]) -> None:
        self._positions = {}
        self.top, self.by_uid, self.by_doc = [], {}, {}
        self.top = [self._make(w, None) for w in wanted]

    def _make(self, w: Wanted, parent: Row | None) -> Row:
        row = Row(w.key, w.kind, next(self._uids), w.doc_id, w.collection, w.node, parent)
        self.by_uid[row.uid] = row
        if row.doc_id:
            self.by_doc[row.doc_id] = row
        row.children = [self._make(c, row) for c in w.children]
        return row

    def _forget(self, row: Row) -> None:
        self.by_uid.pop(row.uid, None)
        self._moved(row.children)
        if row.doc_id and self.by_doc.get(row.doc_id) is row:
            del self.by_doc[row.doc_id]
        for child in row.children:
            self._forget(child)

    def update(self, wanted: Sequence[Wanted], listener: object) -> bool:
        return self._update(None, self.top, wanted, listener)

    def _update(self, parent: Row | None, current: list[Row], wanted: Sequence[Wanted],
                listener: object) -> bool:
        keys = [w.key for w in wanted]
        wanted_keys = set(keys)
        last = len(current) - 1
        while last >= 0:  # runs of rows to remove, from the end
            if current[last].key in wanted_keys:
                last -= 1
                continue
            first = last
            while first > 0 and current[first - 1].key not in wanted_keys:
                first -= 1
            listener.removing(parent, first, last)  # type: ignore[attr-defined]
            for gone in current[first:last + 1]:
                self._forget(gone)
            del current[first:last + 1]
            self._moved(current)
            listener.removed()  # type: ignore[attr-defined]
            last = first - 1
        kept = [r.key for r in current]
        kept_keys = set(kept)
        if kept != [k for k in keys if k in kept_keys]:
            return False
        j = 0
        while j < len(wanted):
            if j < len(current) and current[j].key == wanted[j].key:
                row, w = current[j], wanted[j]
                row.collection, row.node = w.collection, w.node
                if not self._update(row, row.children, w.children, listener):
                    return False
                j += 1
                continue
            end = j  # a run of new rows (kept rows are in order: this one is new)
            while end < len(wanted) and wanted[end].key not in kept_keys:
                end += 1
            listener.inserting(parent, j, end - 1)  # type: ignore[attr-defined]
            current[j:j] = [self._make(w, parent) for w in wanted[j:end]]
            self._moved(current)
            listener.inserted()  # type: ignore[attr-defined]
            j = end
        return True
