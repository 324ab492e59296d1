"""Tags from imported files as themes: which labels are themes already, and the new themes
the others become, worked out at once (no file written), so an import writes
``themes.json`` once however many new tags it brings, and a dry run shows the same ids the
import will use."""

from __future__ import annotations

from collections.abc import Iterable

from reader.annotations.taxonomy import MAX_LABEL, slug
from reader.model.annotations import Theme
from reader.model.themes import PALETTE, Taxonomy


def plan_labels(tax: Taxonomy, labels: Iterable[str], *, parent: str | None = None
                ) -> tuple[dict[str, str], tuple[Theme, ...]]:
    """``({label: theme id}, new themes)``: each label's theme (by id, old id, label or
    label path, case-insensitively), new themes under ``parent`` for the others (ids from
    their labels, made unique; the next unused colours; after the last sibling)."""
    out: dict[str, str] = {}
    new: list[Theme] = []
    made: dict[str, str] = {}  # casefolded label -> new id
    taken = set(tax.by_id) | set(tax.aliases)
    siblings = tax.children(parent)
    used_colors = {t.color.lower() for t in siblings}
    count = len(siblings)
    order = max((t.order for t in siblings), default=-1) + 1
    for label in labels:
        text = " ".join(label.split())
        if not text or label in out:
            continue
        found = tax.find(text)
        if found is not None:
            out[label] = found.id
            continue
        key = text[:MAX_LABEL].casefold()
        if key in made:
            out[label] = made[key]
            continue
        base = slug(text)
        tid, n = base, 2
        while tid in taken:
            tid, n = f"{base}-{n}", n + 1
        taken.add(tid)
        color = next((c for c in PALETTE if c not in used_colors), PALETTE[count % len(PALETTE)])
        used_colors.add(color)
        new.append(Theme(tid, text[:MAX_LABEL], color, "", parent, order))
        count += 1
        order += 1
        made[key] = tid
        out[label] = tid
    return out, tuple(new)
