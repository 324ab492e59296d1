"""Reply threads and typed links, worked out from plain records (pure functions).

* A **thread** is the replies under one highlight: replies to it, replies to those, and so
  on. Threads nest up to :data:`MAX_DEPTH` levels; deeper replies are shown at that level
  (flattened), in the order they were written. Every walk keeps a set of what it has seen,
  so a loop in the data (two replies answering each other, a file written by hand) can
  never make it run forever: replies caught in such a loop belong to no highlight.
* A reply whose highlight was deleted, or is not here at all (its author's file is gone),
  or that is caught in a loop, is **orphaned**: kept, listed as "reply to a removed
  highlight" with the words it answered (:attr:`Reply.target` remembers them).
* A **link** is seen from both of its ends (:func:`link_ends`); an end whose highlight was
  removed is kept and shown with its remembered words. Following links from a highlight
  (:func:`reachable`) visits each highlight once, so link cycles are fine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reader.model.annotations import Highlight
from reader.model.remarks import Link, Ref, Relation, Remark, Reply

#: Replies nest this many levels under their highlight; deeper ones are shown at this level.
MAX_DEPTH = 3

REMOVED = "removed"  # the highlight was deleted
MISSING = "missing"  # no highlight with that id here (its file is gone, or not shared yet)
LOOP = "loop"  # the replies answer each other and reach no highlight


@dataclass(frozen=True)
class ThreadNode:
    reply: Reply  # may be a tombstone ("reply removed") when live replies answer it
    depth: int  # 1: answers the highlight itself
    children: tuple[ThreadNode, ...] = ()


@dataclass(frozen=True)
class Thread:
    highlight_id: str
    nodes: tuple[ThreadNode, ...] = ()
    count: int = 0  # live replies in the thread

    def flat(self) -> list[ThreadNode]:
        """Every node in reading order (each after the one it answers)."""
        out: list[ThreadNode] = []
        stack = list(reversed(self.nodes))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out


@dataclass(frozen=True)
class OrphanReply:
    """A live reply that reaches no live highlight: ``reason`` is :data:`REMOVED`,
    :data:`MISSING` or :data:`LOOP`; ``ref`` is what it (or its thread) answered."""

    reply: Reply
    reason: str
    ref: Ref

    @property
    def sentence(self) -> str:
        words = f": \u201c{self.ref.quote}\u201d" if self.ref.quote else ""
        if self.reason == LOOP:
            return f"Reply in a thread that reaches no highlight{words}"
        return f"Reply to a removed highlight{words}"


def _order(r: Reply) -> tuple[object, str]:
    return (r.created, r.id)


class Discussion:
    """Replies and links indexed for the queries above. ``highlights`` maps every known
    highlight id (tombstones included) to its highlight."""

    def __init__(self, highlights: Mapping[str, Highlight], remarks: Iterable[Remark]) -> None:
        self.highlights = highlights
        self.replies: dict[str, Reply] = {}
        self.links: dict[str, Link] = {}
        for r in remarks:
            if isinstance(r, Reply):
                self.replies[r.id] = r
            else:
                self.links[r.id] = r
        self.children: dict[str, list[Reply]] = {}
        for r in self.replies.values():
            self.children.setdefault(r.target.id, []).append(r)
        for kids in self.children.values():
            kids.sort(key=_order)
        self.by_end: dict[str, list[Link]] = {}
        for link in self.links.values():
            if not link.deleted:
                for end in dict.fromkeys(link.ends()):
                    self.by_end.setdefault(end, []).append(link)

    # -- threads --------------------------------------------------------------------------
    def _live_below(self, rid: str, seen: set[str]) -> bool:
        stack = [rid]
        while stack:
            for r in self.children.get(stack.pop(), ()):
                if r.id in seen:
                    continue
                seen.add(r.id)
                if not r.deleted:
                    return True
                stack.append(r.id)
        return False

    def thread(self, highlight_id: str) -> Thread:
        """The replies under ``highlight_id`` (see the module doc)."""
        seen: set[str] = {highlight_id}
        count = 0

        def build(parent: str, depth: int) -> list[ThreadNode]:
            nonlocal count
            # at the deepest level, the whole subtree is flattened under one parent
            level = [r for r in self.children.get(parent, ()) if r.id not in seen]
            out: list[ThreadNode] = []
            for r in level:
                if r.id in seen:
                    continue
                seen.add(r.id)
                if depth >= MAX_DEPTH:
                    flat = self._flatten(r, seen)
                    for x in flat:
                        count += not x.deleted
                        out.append(ThreadNode(x, depth))
                    continue
                kids = build(r.id, depth + 1)
                if r.deleted and not kids:
                    continue
                count += not r.deleted
                out.append(ThreadNode(r, depth, tuple(kids)))
            return out

        nodes = build(highlight_id, 1)
        return Thread(highlight_id, tuple(nodes), count)

    def _flatten(self, first: Reply, seen: set[str]) -> list[Reply]:
        """``first`` and everything answering it, each after the reply it answers, answers
        to one reply in the order written (tombstones without live replies below them left
        out)."""
        found = []
        stack = [first]
        while stack:
            r = stack.pop()
            found.append(r)
            kids = [k for k in self.children.get(r.id, ()) if k.id not in seen]
            seen.update(k.id for k in kids)
            stack.extend(reversed(kids))
        return [r for r in found if not r.deleted or self._live_below(r.id, set())]

    def root(self, reply_id: str) -> tuple[str, str]:
        """(the id a reply's chain ends at, why it is orphaned or ``""``)."""
        seen: set[str] = set()
        cur = reply_id
        while cur in self.replies:
            if cur in seen:
                return cur, LOOP
            seen.add(cur)
            cur = self.replies[cur].target.id
        h = self.highlights.get(cur)
        if h is None:
            return cur, MISSING
        return cur, REMOVED if h.deleted else ""

    def orphaned(self) -> list[OrphanReply]:
        """Live replies that reach no live highlight, each with why, in the order written."""
        out = []
        for r in sorted(self.replies.values(), key=_order):
            if r.deleted:
                continue
            end, reason = self.root(r.id)
            if reason:
                h = self.highlights.get(end)
                ref = Ref(end, h.quote.exact, h.doc_path) if h is not None and h.quote.exact \
                    else r.target
                out.append(OrphanReply(r, reason, ref))
        return out

    def count_replies(self, highlight_id: str) -> int:
        return self.thread(highlight_id).count

    # -- links ----------------------------------------------------------------------------
    def link_ends(self, highlight_id: str) -> list[LinkEnd]:
        """The live links at ``highlight_id``, each seen from it, in the order made."""
        out = []
        for link in sorted(self.by_end.get(highlight_id, ()), key=lambda x: (x.created, x.id)):
            outgoing = link.source.id == highlight_id
            other = link.target if outgoing else link.source
            h = self.highlights.get(other.id)
            out.append(LinkEnd(link, other, outgoing, h is not None and not h.deleted))
        return out

    def reachable(self, start: str, relation: Relation | None = None) -> list[str]:
        """Highlight ids reached by following live links from ``start`` (either way; only
        ``relation`` when given), nearest first, each once: cycles end the walk."""
        seen = {start}
        order: list[str] = []
        frontier = [start]
        while frontier:
            nxt = []
            for hid in frontier:
                for end in self.link_ends(hid):
                    if relation is not None and end.link.relation is not relation:
                        continue
                    if end.other.id not in seen:
                        seen.add(end.other.id)
                        order.append(end.other.id)
                        nxt.append(end.other.id)
            frontier = nxt
        return order

    def affected(self, remark: Remark) -> list[str]:
        """The highlights whose discussion a change to ``remark`` changes (a reply's thread
        root, a link's ends)."""
        if isinstance(remark, Link):
            return [e for e in dict.fromkeys(remark.ends()) if e in self.highlights]
        end, reason = self.root(remark.id) if remark.id in self.replies else \
            (remark.target.id, "")
        return [end] if end in self.highlights and reason != LOOP else []


@dataclass(frozen=True)
class LinkEnd:
    """A link seen from one of its highlights."""

    link: Link
    other: Ref  # the highlight at the other end (its remembered words)
    outgoing: bool  # this highlight is the link's first passage
    other_live: bool  # the other end is here and not deleted

    @property
    def phrase(self) -> str:
        """How this passage relates to the other: "supports", "contradicted by"…"""
        rel = self.link.relation
        return rel.label if self.outgoing else rel.inverse_label
