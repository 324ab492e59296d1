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

from reader.annotations.taxonomy import Taxonomy
from reader.model.annotations import Author, Placed
from reader.model.compare import Disagreement, DisagreementKind
from reader.model.documents import Document
from reader.model.remarks import Reply


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


def _key(kind: DisagreementKind, parts: Iterable[object]) -> str:
    raw = repr((kind.value, sorted(repr(p) for p in parts)))
    return hashlib.blake2b(raw.encode("utf-8"), digest_size=10).hexdigest()


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
            for d in _judge(cluster, coders, doc_id, title, taxonomy):
                resolved = settled.get(d.key, "")
                if resolved and not include_resolved:
                    continue
                out.append(d if not resolved else _with(d, resolved))
    return tuple(out)


def _with(d: Disagreement, reply_id: str) -> Disagreement:
    return replace(d, resolved_by=reply_id)


def _judge(cluster: list[Placed], coders: Mapping[str, Author], doc_id: str, title: str,
           taxonomy: Taxonomy) -> list[Disagreement]:
    people: dict[str, Author] = {}
    chosen_themes: dict[str, set[str]] = {}
    chosen_stance: dict[str, set[str]] = {}
    for p in cluster:
        h = p.highlight
        people[h.author.id] = h.author
        tags = {taxonomy.resolve(t) or t for t in h.themes}
        chosen_themes.setdefault(h.author.id, set()).update(tags)
        if h.stance is not None:
            chosen_stance.setdefault(h.author.id, set()).add(h.stance.value)
    start = min(p.anchor.start for p in cluster)
    end = max(p.anchor.end for p in cluster)
    first = cluster[0]
    base = dict(doc_id=doc_id, doc_title=title, start=start, end=end,
                quote=first.highlight.quote.exact, page=first.anchor.page,
                highlights=tuple(p.highlight.id for p in cluster),
                authors=tuple(sorted(people.values(), key=lambda a: (a.name.casefold(), a.id))))
    ids = [p.highlight.id for p in cluster]
    out = []
    if len(people) == 1:
        (who,) = people
        missing = tuple(sorted((a for k, a in coders.items() if k != who),
                               key=lambda a: (a.name.casefold(), a.id)))
        kind = DisagreementKind.ONLY_ONE
        out.append(Disagreement(key=_key(kind, ids), kind=kind, missing=missing,
                                **base))  # type: ignore[arg-type]
        return out
    themed = {k: v for k, v in chosen_themes.items() if v}
    if len(themed) >= 2 and len({frozenset(v) for v in themed.values()}) > 1:
        kind = DisagreementKind.THEMES
        pairs = tuple(sorted((k, tuple(sorted(v))) for k, v in themed.items()))
        out.append(Disagreement(key=_key(kind, [*ids, *pairs]), kind=kind, themes=pairs,
                                **base))  # type: ignore[arg-type]
    if len(chosen_stance) >= 2 and len({frozenset(v) for v in chosen_stance.values()}) > 1:
        kind = DisagreementKind.STANCE
        stances = tuple(sorted((k, "/".join(sorted(v))) for k, v in chosen_stance.items()))
        out.append(Disagreement(key=_key(kind, [*ids, *stances]), kind=kind,
                                stances=stances, **base))  # type: ignore[arg-type]
    return out
