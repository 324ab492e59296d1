"""Carrying out an :class:`ImportPlan`: sources added, themes created, highlights written
to their users' files (see :mod:`.import_`)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.annotations.w3c_write import author_iri, encode_collection, encode_highlight
from reader.errors import AnnotationFileError
from reader.interop.refi import archive
from reader.interop.refi.codes import apply_codes
from reader.interop.refi.import_ import ImportPlan, plan_import
from reader.interop.refi.positions import canonical
from reader.jsonio import atomic_write_bytes
from reader.model.annotations import Author, Highlight, now_utc

if TYPE_CHECKING:
    from reader.workspace import Workspace

log = logging.getLogger(__name__)
IMPORT_DIR = "imported"


@dataclass(frozen=True)
class ImportOutcome:
    plan: ImportPlan
    files_written: tuple[str, ...] = ()
    sources_added: tuple[str, ...] = ()
    themes_created: int = 0
    mine: int = 0  # highlights merged into your own file


def import_refi(ws: Workspace, path: str | Path, *, dry_run: bool = False,
                add_sources: bool = True, as_mine: bool = False) -> ImportOutcome:
    """Plan, and unless ``dry_run`` carry out, the import of ``path``."""
    plan = plan_import(ws, path)
    if dry_run:
        return ImportOutcome(plan)
    added: dict[str, str] = {}
    if add_sources and plan.sources_to_add:
        added = _add_sources(ws, plan)
        plan = plan_import(ws, path, added=added)  # matched against the added documents
    return _apply(ws, plan, tuple(added.values()), as_mine)


def _safe_name(name: str, fallback: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[^\w .()+,-]+", "_", base).strip(" .")[:120]
    return base or fallback


def _add_sources(ws: Workspace, plan: ImportPlan) -> dict[str, str]:
    """Copy the sources not in the workspace into ``imported/<project>/``: ``{source guid:
    document path}``."""
    assert plan.project is not None
    folder = ws.root / IMPORT_DIR / _safe_name(plan.name, "project")
    wanted = set(plan.sources_to_add)
    written: dict[str, str] = {}
    for src in plan.project.sources:
        if src.name not in wanted:
            continue
        if src.kind == "pdf" and src.file_member and plan.listing is not None:
            member = plan.listing.find(src.file_member)
            data = archive.read_member(plan.listing, member) if member else None
            name = _safe_name(src.name, src.guid)
            name = name if name.lower().endswith(".pdf") else name + ".pdf"
        elif src.plain_text is not None:
            data = canonical(src.plain_text)[0].encode("utf-8")
            name = _safe_name(src.name, src.guid)
            name = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name) + ".txt"
        else:
            continue
        if data is None:
            continue
        target = archive.safe_target(folder, name)
        n = 1
        while target.exists() and target.read_bytes() != data:
            stem, _dot, ext = name.rpartition(".")
            target = archive.safe_target(folder, f"{stem} ({n}).{ext}")
            n += 1
        if not target.exists():
            atomic_write_bytes(target, data)
        written[src.guid] = target.relative_to(ws.root).as_posix()
    if written:
        changes = ws.library().update()
        for problem in changes.problems:
            log.warning("refi import: %s", problem)
    return written


def _apply(ws: Workspace, plan: ImportPlan, added: tuple[str, ...],
           as_mine: bool) -> ImportOutcome:
    themes = ws.themes()
    before = len(themes.taxonomy().themes)
    mapping = apply_codes(themes, plan.code_plan) if plan.code_plan else {}
    tax = themes.taxonomy()
    store = ws.annotations()
    me = store.author
    groups: dict[str, list[Highlight]] = {}
    for p in plan.pending:
        ids = tuple(dict.fromkeys(mapping[c] for c in p.codes if c in mapping))
        color = next((c for c in (tax.color(t) for t in ids) if c), None)
        h = replace(p.highlight, themes=ids)
        if color:
            h = replace(h, color=color)
        owner = me.id if as_mine else h.author.id
        groups.setdefault(owner, []).append(h)
    written: list[str] = []
    mine = 0
    existing = {h.id for h in store.all(include_deleted=True)}
    for owner, highlights in groups.items():
        if owner == me.id:
            # new ones only: an import never changes a highlight you already have
            fresh = [h for h in highlights if h.id not in existing]
            if fresh:
                snapshot = store.snapshot()
                try:
                    mine += store.put_versions(fresh)
                    store.save()
                except Exception:
                    store.rollback(snapshot)
                    raise
        else:
            written.append(_write_colleague(ws, plan.authors[owner], highlights))
    if written:
        store.reload()
    return ImportOutcome(plan, tuple(written), added, len(tax.themes) - before, mine)


def _write_colleague(ws: Workspace, author: Author, highlights: Iterable[Highlight]) -> str:
    """Their own file, beside (never over) an existing one: ``<id> (N).json`` is read and
    merged like a sync tool's copy."""
    folder = ws.annotations_dir
    folder.mkdir(parents=True, exist_ok=True)
    items = [encode_highlight(h, creator=author_iri(author.id))
             for h in sorted(highlights, key=lambda h: (h.created, h.id))]
    data = encode_collection(author, items, modified=now_utc(),
                             label=f"Annotations by {author.name} (imported from REFI-QDA)")
    target = folder / f"{author.id}.json"
    n = 1
    while target.exists():
        target = folder / f"{author.id} ({n}).json"
        n += 1
        if n > 999:
            raise AnnotationFileError(f"Too many copies of {author.id}.json in the "
                                      "annotations folder.")
    atomic_write_bytes(target, data)
    return target.relative_to(ws.root).as_posix()
