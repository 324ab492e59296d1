"""What an annotation import would do, worked out before anything is written (plain Python,
no Qt): the preview of File → Import Annotations….

For each file: its kind (a colleague's Policy Reader file, your own file from another
computer, a W3C Web Annotation file, a Hypothesis export), and how many highlights would be
**added**, **updated** (a newer version of one already here), **skipped** (an older or
identical version, or someone else's id), how many would be **orphaned** (their document is
not in the workspace, or their words cannot be found in it), and which **themes** are not
in this workspace (tags that would become new themes, or a colleague's theme ids that stay
"unknown" until adopted). A broken file gets its reason and nothing else.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.annotations import merge as merging
from reader.annotations.codec import HYPOTHESIS
from reader.errors import ReaderError
from reader.model.annotations import Highlight
from reader.progress import NEVER_CANCELLED, CancelToken

if TYPE_CHECKING:
    from reader.annotations.interop import Prepared
    from reader.ops.workspace import Workspace

log = logging.getLogger(__name__)

KIND_LABELS = {
    "colleague": "{author}'s Policy Reader file (copied in as theirs)",
    "mine": "Your own Policy Reader file from another computer (merged into yours)",
    "w3c": "W3C Web Annotation file (becomes your highlights)",
    "hypothesis": "Hypothesis export (becomes your highlights)",
}


@dataclass(frozen=True)
class FilePlan:
    path: str
    kind: str = ""  # colleague | mine | w3c | hypothesis ("" when the file is broken)
    author: str = ""  # whose highlights they will be
    total: int = 0
    added: int = 0
    updated: int = 0
    skipped: int = 0
    orphaned: int = 0
    unknown_themes: tuple[str, ...] = ()  # labels or ids not in this workspace
    creates_themes: bool = False  # unknown tags become new themes (else shown as unknown)
    replies: int = 0
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def description(self) -> str:
        if self.error:
            return "Cannot be imported"
        return KIND_LABELS.get(self.kind, self.kind).format(author=self.author or "A colleague")


def plan_imports(ws: Workspace, paths: Iterable[str | Path], *,
                 cancel: CancelToken = NEVER_CANCELLED) -> list[FilePlan]:
    from reader.annotations.interop import prepare

    store = ws.annotations()
    out = []
    for p in paths:
        cancel.raise_if_cancelled()
        try:
            prep = prepare(Path(p), store.author)
        except ReaderError as exc:
            out.append(FilePlan(str(p), error=str(exc)))
            continue
        try:
            out.append(_plan(ws, prep))
        except ReaderError as exc:
            out.append(FilePlan(str(p), error=str(exc)))
    return out


def _plan(ws: Workspace, prep: Prepared) -> FilePlan:
    store = ws.annotations()
    tax = ws.themes().taxonomy()
    colleague = prep.kind == "colleague"
    me = store.author
    author = prep.author.name if colleague and prep.author else me.name
    kind = prep.kind if prep.kind in ("colleague", "mine") else \
        ("hypothesis" if prep.source_kind == HYPOTHESIS else "w3c")
    added = updated = skipped = 0
    unknown: dict[str, None] = {}
    creates = False
    candidates: list[Highlight] = []
    for h in prep.highlights:
        ours = colleague or h.id in prep.own_theme_ids
        for t in h.themes:
            if ours and not tax.known(t):
                unknown.setdefault(t)
            elif not ours and tax.find(t) is None:
                unknown.setdefault(" ".join(t.split()))
                creates = True
        try:
            old = store.get(h.id)
        except ReaderError:
            old = None
        owner = prep.author.id if colleague and prep.author else me.id
        if old is None:
            added += 1
        elif old.author.id != owner or merging.newer(old, replace(h, author=old.author)) is old:
            skipped += 1
            continue
        else:
            updated += 1
        candidates.append(h)
    orphaned = _orphans(store, candidates, prep.titles)
    return FilePlan(str(prep.path), kind, author, len(prep.highlights), added, updated,
                    skipped, orphaned, tuple(unknown), creates, prep.replies)


def _orphans(store: object, highlights: list[Highlight], titles: dict[str, str]) -> int:
    """How many of ``highlights`` would not be placed in the workspace's documents."""
    live = [h for h in highlights if not h.deleted]
    if not live:
        return 0
    placer = store.placer  # type: ignore[attr-defined]
    try:
        placer.refresh()
        docs = placer.source.documents()
    except ReaderError as exc:
        log.warning("import preview: cannot list documents: %s", exc)
        return len(live)
    by_title: dict[str, object] = {}
    for d in docs:
        key = d.title.casefold()
        by_title[key] = None if key in by_title else d
    findable = []
    missing = 0
    for h in live:
        doc = placer.resolve(h)
        if doc is None and h.id in titles:
            doc = by_title.get(titles[h.id].casefold())
            if doc is not None:
                h = replace(h, doc_path=doc.path)  # type: ignore[attr-defined]
        if doc is None:
            missing += 1
        else:
            findable.append(h)
    # anchor copies under ids of their own: the preview must not touch the placer's cache
    probes = [replace(h, id=f"{h.id}#preview") for h in findable]
    try:
        placed = placer.place(probes)
    finally:
        placer.forget(p.id for p in probes)
    return missing + sum(1 for p in placed if p.orphaned)
