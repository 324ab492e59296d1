"""Merging a REFI-QDA codebook into the theme taxonomy.

A code is matched to a theme by its path of names (``Parent › Child``, case-insensitive),
else by its name alone when exactly one theme has it; the rest are new themes, under a
top-level theme "Imported" (a new code whose parent code is new stays under that parent),
keeping the code's colour and description.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.annotations.taxonomy import Taxonomy
from reader.annotations.themes import ThemeStore
from reader.interop.refi.model import RefiCode, RefiProject

IMPORTED = "Imported"


@dataclass(frozen=True)
class CodePlan:
    merged: dict[str, str]  # code guid -> existing theme id
    new: tuple[tuple[RefiCode, str | None], ...]  # (code, parent code guid if new) in order
    paths: dict[str, str]  # code guid -> "A › B" (for messages)

    @property
    def new_labels(self) -> tuple[str, ...]:
        return tuple(self.paths[c.guid] for c, _p in self.new)

    @property
    def merged_labels(self) -> tuple[str, ...]:
        return tuple(self.paths[g] for g in self.merged)


def plan_codes(project: RefiProject, tax: Taxonomy) -> CodePlan:
    by_path: dict[tuple[str, ...], str] = {}
    by_name: dict[str, str | None] = {}
    for t in tax.themes:
        by_path[tuple(x.label.casefold() for x in tax.path(t.id))] = t.id
        key = t.label.casefold()
        by_name[key] = None if key in by_name else t.id
    merged: dict[str, str] = {}
    new: list[tuple[RefiCode, str | None]] = []
    paths: dict[str, str] = {}
    new_guids: set[str] = set()

    def walk(codes: tuple[RefiCode, ...], path: tuple[str, ...], parent: str | None) -> None:
        for c in codes:
            p = (*path, c.name)
            paths[c.guid] = " › ".join(p)
            hit = by_path.get(tuple(x.casefold() for x in p)) or by_name.get(c.name.casefold())
            if hit is not None and c.guid not in merged:
                merged[c.guid] = hit
            elif c.guid not in new_guids:
                new.append((c, parent if parent in new_guids else None))
                new_guids.add(c.guid)
            walk(c.children, p, c.guid)

    walk(project.codes, (), None)
    return CodePlan(merged, tuple(new), paths)


def apply_codes(themes: ThemeStore, plan: CodePlan) -> dict[str, str]:
    """Create the new themes; ``{code guid: theme id}`` for every code."""
    out = dict(plan.merged)
    if not plan.new:
        return out
    tax = themes.taxonomy()
    imported = next((t for t in tax.roots() if t.label.casefold() == IMPORTED.casefold()),
                    None)
    if imported is None:
        imported = themes.add(IMPORTED, description="Codes imported from other "
                              "qualitative-analysis tools (REFI-QDA).")
    for code, parent in plan.new:
        under = out.get(parent) if parent else imported.id
        label = code.name[:80] or "Unnamed code"
        existing = next((t for t in themes.taxonomy().children(under)
                         if t.label.casefold() == label.casefold()), None)
        if existing is None:
            existing = themes.add(label, parent=under, color=code.color or None,
                                  description=code.description)
        out[code.guid] = existing.id
    return out
