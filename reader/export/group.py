"""Group cited quotes into the brief's sections: by theme (taxonomy order, sub-themes
nested), by theme then stance (arguments beside counter-arguments), or by document
(reading order). Quotes are numbered in reading order.

A passage filed under several themes is quoted once, in the first of their sections; the
others list it at their top as a reference ("See No. 3", its first words, where it is
quoted), so a printed brief never repeats a passage and its numbers always run upwards
(a reader who meets "No. 3" after "No. 7" is lost). The full quote names at most
:data:`MAX_ALSO_UNDER` of the other sections and counts the rest, and a reference is a
line of bounded size, so a highlight with n tags costs the brief O(n), not O(n²) (4,000
tags once gave a 109 MB brief)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice

from reader.export.citation import format_date
from reader.export.model import BriefQuote, BriefReference, BriefSection
from reader.export.options import NO_STANCE, BriefOptions, GroupBy
from reader.export.select import ThemeTree
from reader.export.text import clean, one_line, slug
from reader.model.annotations import Stance
from reader.model.documents import Document

STANCE_ORDER = (Stance.SUPPORTS, Stance.OPPOSES, Stance.NEUTRAL)
MAX_ALSO_UNDER = 5
EXCERPT_WORDS = 12
EXCERPT_CHARS = 90
_INNER_QUOTES = re.compile(r'["“”]')
_QUOTE_MARKS = "\"“”„'‘’"
UNTHEMED_TITLE = "Not assigned to a theme"
KIND_LABELS = {"article": "Article", "memo": "Memo", "statute": "Statute",
               "opinion": "Court opinion", "filing": "Court filing", "report": "Report",
               "other": "Document"}


@dataclass
class _Node:
    key: str
    title: str
    level: int
    kind: str
    description: str = ""
    subtitle: str = ""
    quotes: list[BriefQuote] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    owner: str = ""  # the title "also under" names (a stance section names its theme)


class _Keys:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, base: str) -> str:
        key, n = base, 2
        while key in self.used:
            key, n = f"{base}-{n}", n + 1
        self.used.add(key)
        return key


def group_quotes(options: BriefOptions, items: Sequence[tuple[BriefQuote, Sequence[str]]],
                 tree: ThemeTree, documents: Mapping[str, Document]
                 ) -> tuple[BriefSection, ...]:
    """``items`` are (quote, theme ids to file it under), already in document order."""
    keys = _Keys()
    if options.group_by is GroupBy.DOCUMENT:
        nodes = _by_document([q for q, _ in items], documents, keys)
    else:
        nodes = _by_theme(items, tree, keys, by_stance=options.group_by is GroupBy.STANCE)
    return _finalize(nodes)


def _by_document(quotes: Sequence[BriefQuote], documents: Mapping[str, Document],
                 keys: _Keys) -> list[_Node]:
    nodes: dict[str, _Node] = {}
    for q in quotes:
        node = nodes.get(q.doc_id)
        if node is None:
            doc = documents[q.doc_id]
            node = nodes[q.doc_id] = _Node(
                keys("doc-" + slug(doc.title, "document")), one_line(doc.title), 1,
                "document", subtitle=document_line(doc))
            node.owner = node.title
        node.quotes.append(q)
    for node in nodes.values():
        node.quotes.sort(key=lambda q: (q.start, q.end))
    return list(nodes.values())


def document_line(doc: Document) -> str:
    """``"Office of the District Attorney · Mar. 3, 2021 · Memo · Pennsylvania"``."""
    m = doc.meta
    parts = [one_line(m.author), format_date(one_line(m.date)),
             KIND_LABELS.get(m.kind, "") if m.kind != "other" else "",
             one_line(m.jurisdiction), one_line(m.citation)]
    return " · ".join(p for p in parts if p)


def _by_theme(items: Sequence[tuple[BriefQuote, Sequence[str]]], tree: ThemeTree,
              keys: _Keys, *, by_stance: bool) -> list[_Node]:
    placements: dict[str, list[BriefQuote]] = {}
    unthemed: list[BriefQuote] = []
    for quote, theme_ids in items:
        if not theme_ids:
            unthemed.append(quote)
        for tid in theme_ids:
            placements.setdefault(tid, []).append(quote)

    def stance_nodes(parent: _Node, quotes: list[BriefQuote]) -> list[_Node]:
        out = []
        for stance in STANCE_ORDER:
            qs = [q for q in quotes if (q.stance or NO_STANCE) is stance]
            if qs:
                out.append(_Node(keys(f"{parent.key}--{stance.value}"), stance.label,
                                 parent.level + 1, "stance", quotes=qs, owner=parent.title))
        return out

    def fill(node: _Node, quotes: list[BriefQuote]) -> None:
        if by_stance and quotes:
            node.children.extend(stance_nodes(node, quotes))
        else:
            node.quotes.extend(quotes)

    def build(tid: str, level: int) -> _Node | None:
        kids = [n for n in (build(c.id, level + 1) for c in tree.children(tid)) if n]
        own = placements.get(tid, [])
        if not own and not kids:
            return None
        theme = tree.by_id[tid]
        node = _Node(keys("theme-" + slug(theme.label, "theme")), one_line(theme.label), level,
                     "theme", description=clean(theme.description).strip())
        node.owner = node.title
        fill(node, own)
        node.children.extend(kids)
        return node

    nodes = [n for n in (build(r.id, 1) for r in tree.roots()) if n]
    for tid in sorted((t for t in placements if t not in tree.by_id), key=str.casefold):
        node = _Node(keys("theme-" + slug(tid, "theme")), one_line(tid), 1, "theme",
                     description="This theme is not in the workspace's theme list.")
        node.owner = node.title
        fill(node, placements[tid])
        nodes.append(node)
    if unthemed:
        node = _Node(keys("unthemed"), UNTHEMED_TITLE, 1, "unthemed")
        node.owner = node.title
        fill(node, unthemed)
        nodes.append(node)
    return nodes


def _finalize(nodes: list[_Node]) -> tuple[BriefSection, ...]:
    home: dict[str, tuple[_Node, BriefQuote]] = {}  # highlight id -> where quoted in full
    owners: dict[str, dict[str, None]] = {}  # highlight id -> section owners, in order

    def scan(node: _Node) -> None:
        for q in node.quotes:
            home.setdefault(q.highlight_id, (node, q))
            owners.setdefault(q.highlight_id, {})[node.owner] = None
        for child in node.children:
            scan(child)

    for n in nodes:
        scan(n)
    numbers = {hid: i for i, hid in enumerate(home, 1)}

    def others(hid: str, owner: str) -> tuple[tuple[str, ...], int]:
        where = owners[hid]
        named = tuple(islice((o for o in where if o != owner), MAX_ALSO_UNDER))
        return named, len(where) - (owner in where) - len(named)

    def freeze(node: _Node) -> BriefSection:
        quotes: list[BriefQuote] = []
        refs: list[BriefReference] = []
        for q in node.quotes:
            first, _ = home[q.highlight_id]
            if first is not node:
                refs.append(BriefReference(
                    q.highlight_id, numbers[q.highlight_id], excerpt(q.text), q.citation,
                    first.key, first.owner, q.stance))
                continue
            named, more = others(q.highlight_id, node.owner)
            quotes.append(replace(q, number=numbers[q.highlight_id], also_under=named,
                                  also_under_more=more))
        refs.sort(key=lambda r: r.number)
        return BriefSection(key=node.key, title=node.title, level=node.level, kind=node.kind,
                            description=node.description, quotes=tuple(quotes),
                            children=tuple(freeze(c) for c in node.children),
                            subtitle=node.subtitle, references=tuple(refs))

    return tuple(freeze(n) for n in nodes)


def excerpt(text: str) -> str:
    """The first words of a passage (its first paragraph), ``…`` when shortened. It is
    printed inside double quotes: quotation marks around it are dropped, those inside
    become single ones."""
    first = text.split("\n\n", 1)[0].strip().strip(_QUOTE_MARKS).strip()
    first = _INNER_QUOTES.sub(_single, first)
    words = first[:EXCERPT_CHARS * 2].split()
    out = " ".join(words[:EXCERPT_WORDS])
    if len(out) > EXCERPT_CHARS:
        out = out[:EXCERPT_CHARS].rsplit(" ", 1)[0] if " " in out[:EXCERPT_CHARS] \
            else out[:EXCERPT_CHARS]
    if out != " ".join(first.split()) or "\n\n" in text.strip():
        out = out.rstrip(" ,;:.") + "…"
    return out


def _single(m: re.Match[str]) -> str:
    mark, before = m.group(0), m.string[m.start() - 1] if m.start() else " "
    if mark == "“" or (mark == '"' and (before.isspace() or before in "([—–-")):
        return "‘"
    return "’"
