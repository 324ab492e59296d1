"""The passages the group read differently, to walk through and resolve.

In each document two or more people annotated, overlapping highlights (sharing at least one
character) form a passage. A passage is listed when

* two or more people marked it and chose **different themes** (each person's themes on it,
  taken together) — only people who chose themes are compared;
* two or more people marked it and chose **different stances** — only explicit stances;
* only **one person** marked it, and the document's other coders did not.

Each has a ``key`` that stays the same while the passages and the choices in question stay
the same, so a reply that settles it ("we agree to differ", :attr:`Reply.resolves`) keeps
it settled until somebody changes those choices.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from reader.gcpause import paused_gc
from reader.model.annotations import Author, Placed
from reader.model.compare import Disagreement, DisagreementKind
from reader.model.documents import Document
from reader.model.remarks import Reply
from reader.model.themes import Taxonomy


def _clusters(placed: Sequence[Placed]) -> list[list[Placed]]:
    ordered = sorted(placed, key=lambda p: (p.anchor.start, p.anchor.end, p.highlight.id))
    out: list[list[Placed]] = []
    reach = -1
    for p in ordered:
        if out and p.anchor.start < reach:
            out[-1].append(p)
            reach = max(reach, p.anchor.end)
        else:
            out.append([p])
            reach = p.anchor.end
    return out


def _key(kind: DisagreementKind, parts: Iterable[str]) -> str:
    raw = kind.value + "\x00" + "\x00".join(parts)
    return hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=10).hexdigest()


def find_disagreements(placed_by_doc: Mapping[str, Sequence[Placed]],
                       documents: Mapping[str, Document], taxonomy: Taxonomy, *,
                       themes: Sequence[str] = (), replies: Iterable[Reply] = (),
                       include_resolved: bool = False) -> tuple[Disagreement, ...]:
    """Every disagreement in the documents of ``placed_by_doc`` (see the module doc), in
    document and reading order. With ``themes`` (ids), only passages where one of them (or
    a sub-theme) was chosen by someone. ``replies`` that settle a disagreement mark it
    resolved; resolved ones are left out unless ``include_resolved``."""
    wanted: set[str] | None = None
    if themes:
        wanted = set()
        for t in themes:
            theme = taxonomy.find(t)
            wanted |= taxonomy.matching(theme.id if theme else t)
    settled = {r.resolves: r.id for r in replies if r.resolves and not r.deleted}
    with paused_gc():
        return _find(placed_by_doc, documents, _Judge(taxonomy), wanted, settled,
                     include_resolved)


def _find(placed_by_doc: Mapping[str, Sequence[Placed]], documents: Mapping[str, Document],
          judge: _Judge, wanted: set[str] | None, settled: Mapping[str, str],
          include_resolved: bool) -> tuple[Disagreement, ...]:
    out: list[Disagreement] = []
    for doc_id, placed in placed_by_doc.items():
        live = [p for p in placed if not p.orphaned and not p.highlight.deleted
                and p.anchor.end > p.anchor.start >= 0]
        coders = {p.highlight.author.id: p.highlight.author for p in live}
        if len(coders) < 2:
            continue
        doc = documents.get(doc_id)
        title = doc.title if doc else (live[0].highlight.doc_path if live else doc_id)
        for cluster in _clusters(live):
            if wanted is not None and not any(wanted.intersection(p.highlight.themes)
                                              for p in cluster):
                continue
            for d in judge(cluster, coders, doc_id, title):
                resolved = settled.get(d.key, "")
                if resolved and not include_resolved:
                    continue
                out.append(d if not resolved else _with(d, resolved))
    return tuple(out)


def _with(d: Disagreement, reply_id: str) -> Disagreement:
    return replace(d, resolved_by=reply_id)


class _Judge:
    """Judges passages, caching what repeats (a highlight's themes as current ids, sorted
    theme lists, people's sort keys)."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._tags: dict[tuple[str, ...], frozenset[str]] = {}
        self._sorted: dict[frozenset[str], tuple[str, ...]] = {}
        self._order: dict[str, tuple[str, str]] = {}

    def tags(self, themes: tuple[str, ...]) -> frozenset[str]:
        hit = self._tags.get(themes)
        if hit is None:
            resolve = self.taxonomy.resolve
            hit = self._tags[themes] = frozenset(resolve(t) or t for t in themes)
        return hit

    def listed(self, tags: frozenset[str]) -> tuple[str, ...]:
        hit = self._sorted.get(tags)
        if hit is None:
            hit = self._sorted[tags] = tuple(sorted(tags))
        return hit

    def people(self, authors: Mapping[str, Author]) -> tuple[Author, ...]:
        order = self._order
        for aid, a in authors.items():
            if aid not in order:
                order[aid] = (a.name.casefold(), aid)
        return tuple(authors[k] for k in sorted(authors, key=order.__getitem__))

    def __call__(self, cluster: list[Placed], coders: Mapping[str, Author], doc_id: str,
                 title: str) -> list[Disagreement]:
        people: dict[str, Author] = {}
        chosen_themes: dict[str, frozenset[str]] = {}
        chosen_stance: dict[str, str] = {}
        start, end = cluster[0].anchor.start, 0
        for p in cluster:
            h = p.highlight
            aid = h.author.id
            people[aid] = h.author
            if p.anchor.end > end:
                end = p.anchor.end
            tags = self.tags(h.themes)
            if tags:
                old = chosen_themes.get(aid)
                chosen_themes[aid] = tags if old is None or old == tags else old | tags
            if h.stance is not None:
                old_s = chosen_stance.get(aid)
                if old_s is None:
                    chosen_stance[aid] = h.stance.value
                elif old_s != h.stance.value:  # one person, two stances on the passage
                    chosen_stance[aid] = "/".join(sorted({*old_s.split("/"), h.stance.value}))
        single = len(people) == 1
        differ_themes = len(chosen_themes) >= 2 and len(set(chosen_themes.values())) > 1
        differ_stance = len(chosen_stance) >= 2 and len(set(chosen_stance.values())) > 1
        if not (single or differ_themes or differ_stance):
            return []
        ids = [p.highlight.id for p in cluster]
        first = cluster[0]
        base = dict(doc_id=doc_id, doc_title=title, start=start, end=end,
                    quote=first.highlight.quote.exact, page=first.anchor.page,
                    highlights=tuple(ids), authors=self.people(people))
        out = []
        if single:
            kind = DisagreementKind.ONLY_ONE
            missing = self.people({k: a for k, a in coders.items() if k not in people})
            out.append(Disagreement(key=_key(kind, ids), kind=kind, missing=missing,
                                    **base))  # type: ignore[arg-type]
            return out
        if differ_themes:
            kind = DisagreementKind.THEMES
            pairs = tuple((k, self.listed(chosen_themes[k])) for k in sorted(chosen_themes))
            out.append(Disagreement(
                key=_key(kind, [*ids, *(f"{k}={','.join(v)}" for k, v in pairs)]),
                kind=kind, themes=pairs, **base))  # type: ignore[arg-type]
        if differ_stance:
            kind = DisagreementKind.STANCE
            stances = tuple((k, chosen_stance[k]) for k in sorted(chosen_stance))
            out.append(Disagreement(key=_key(kind, [*ids, *(f"{k}={v}" for k, v in stances)]),
                                    kind=kind, stances=stances, **base))  # type: ignore[arg-type]
        return out
