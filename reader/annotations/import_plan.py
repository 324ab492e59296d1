"""What an annotation import would do, worked out before anything is written (plain Python,
no Qt): the import itself (:func:`reader.annotations.interop.import_files`), its
``--dry-run`` and the app's preview all use this one plan, so what is shown is what is done.

For each file: its kind (a colleague's Policy Reader file, your own file from another
computer, a W3C Web Annotation file, a Hypothesis export), and a decision for each of its
highlights, as it would be stored (tags as theme ids, documents matched):

* **add**: a highlight not here yet;
* **update**: a newer version of a highlight here. Of *your own* highlights only with
  ``replace_mine`` (``--replace-mine``): an import never changes (edits, deletes) one of
  your highlights otherwise, whatever the file claims (a ``creator`` with your id too);
* **refuse**: it would change one of your highlights, and ``replace_mine`` is not given;
* **skip**: an older or identical version, a deleted highlight that is not here, or an id
  that another author's highlight holds here.

Files are planned in order, each seeing what the earlier ones would bring. The plan also
counts highlights whose document or words are not found here (**orphaned**) and names the
tags that are not themes here (``unknown_themes``; new themes are created for them).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from reader import safe_files
from reader.annotations import merge as merging
from reader.annotations.codec import HYPOTHESIS
from reader.annotations.holds import same_content
from reader.annotations.import_read import Prepared, prepare
from reader.annotations.theme_labels import plan_labels
from reader.errors import ReaderError
from reader.model.annotations import Author, Highlight
from reader.model.remarks import Link, Record, Remark, Reply
from reader.progress import NEVER_CANCELLED, CancelToken

if TYPE_CHECKING:
    from reader.annotations.store import AnnotationStore
    from reader.annotations.themes import ThemeStore


class Workspace(Protocol):
    """What planning, importing and exporting read of a workspace (the
    :class:`reader.workspace.Workspace` that :mod:`reader.ops.sharing` passes)."""

    @property
    def name(self) -> str: ...

    @property
    def annotations_dir(self) -> Path: ...

    def annotations(self) -> AnnotationStore: ...

    def themes(self) -> ThemeStore: ...

log = logging.getLogger(__name__)

ADD, UPDATE, SKIP, REFUSE = "add", "update", "skip", "refuse"
R = TypeVar("R", bound=Highlight | Reply | Link)

KIND_LABELS = {
    "colleague": "{author}'s Policy Reader file (copied in as theirs)",
    "mine": "Your own Policy Reader file from another computer (merged into yours)",
    "w3c": "W3C Web Annotation file (becomes your highlights)",
    "hypothesis": "Hypothesis export (becomes your highlights)",
}


@dataclass(frozen=True)
class Decision(Generic[R]):
    action: str  # add | update | skip | refuse
    highlight: R  # as it would be stored (a reply or link in ``FilePlan.remarks``)
    reason: str = ""
    current: Record | None = None  # the version here it would replace, or that stays
    yours: bool = False  # ``current`` is one of your highlights


@dataclass(frozen=True)
class FilePlan:
    path: str
    kind: str = ""  # colleague | mine | w3c | hypothesis ("" when the file is broken)
    author: str = ""  # whose highlights they will be
    decisions: tuple[Decision[Highlight], ...] = ()
    orphaned: int = 0
    unknown_themes: tuple[str, ...] = ()  # labels or ids not in this workspace
    creates_themes: bool = False  # unknown tags become new themes (else shown as unknown)
    replies: int = 0
    already_here: bool = False  # a colleague's file that is here already, unchanged
    unmatched_documents: int = 0  # highlights whose document is not found here
    error: str = ""
    remarks: tuple[Decision[Remark], ...] = ()  # replies and links, decided alike

    @property
    def remarks_added(self) -> int:
        """Replies and links the import adds or updates."""
        return sum(1 for d in self.remarks if d.action in (ADD, UPDATE))

    def _count(self, action: str) -> int:
        return sum(1 for d in self.decisions if d.action == action)

    @property
    def total(self) -> int:
        return len(self.decisions)

    @property
    def added(self) -> int:
        return self._count(ADD)

    @property
    def updated(self) -> int:
        return self._count(UPDATE)

    @property
    def skipped(self) -> int:
        return self._count(SKIP)

    @property
    def refused(self) -> int:
        return self._count(REFUSE)

    @property
    def changes_yours(self) -> tuple[Decision[Highlight], ...]:
        """Decisions that would change (update) or were refused to change your highlights."""
        return tuple(d for d in self.decisions if d.yours and d.action in (UPDATE, REFUSE))

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def description(self) -> str:
        if self.error:
            return "Cannot be imported"
        return KIND_LABELS.get(self.kind, self.kind).format(author=self.author or "A colleague")


@dataclass(frozen=True)
class ImportPlan:
    files: tuple[FilePlan, ...]
    replace_mine: bool = False

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.files)

    def count(self, action: str) -> int:
        return sum(f._count(action) for f in self.files)


def plan_imports(ws: Workspace, paths: Iterable[str | Path], *, replace_mine: bool = False,
                 orphans: bool = True, cancel: CancelToken = NEVER_CANCELLED) -> ImportPlan:
    """The plan for importing ``paths`` (a broken file gets its reason, the others a plan)."""
    me = ws.annotations().author
    prepared: list[Prepared | FilePlan] = []
    for p in paths:
        cancel.raise_if_cancelled()
        try:
            prepared.append(prepare(Path(p), me))
        except ReaderError as exc:
            prepared.append(FilePlan(str(p), error=str(exc)))
    return plan_prepared(ws, prepared, replace_mine=replace_mine, orphans=orphans,
                         cancel=cancel)


def plan_prepared(ws: Workspace, prepared: Iterable[Prepared | FilePlan], *,
                  replace_mine: bool = False, orphans: bool = True,
                  mapping: Mapping[str, str] | None = None,
                  cancel: CancelToken = NEVER_CANCELLED) -> ImportPlan:
    """The plan for files already read (a ``FilePlan`` passes through: a broken file).
    ``mapping`` ({tag: theme id}) is the one the import made; else it is worked out."""
    prepared = list(prepared)
    tax = ws.themes().taxonomy()
    if mapping is None:
        mapping = plan_labels(tax, tag_labels(p for p in prepared if isinstance(p, Prepared)))[0]
    overlay: dict[str, Record] = {}
    out = []
    for prep in prepared:
        cancel.raise_if_cancelled()
        if isinstance(prep, FilePlan):
            out.append(prep)
            continue
        try:
            out.append(_plan_file(ws, prep, mapping, overlay, replace_mine, orphans))
        except ReaderError as exc:
            out.append(FilePlan(str(prep.path), error=str(exc)))
    return ImportPlan(tuple(out), replace_mine)


def tag_labels(prepared: Iterable[Prepared]) -> list[str]:
    """The tags (labels) of every highlight whose tags are not our theme ids."""
    labels: dict[str, None] = {}
    for prep in prepared:
        if prep.kind == "colleague":
            continue
        for h in prep.highlights:
            if h.id not in prep.own_theme_ids:
                labels.update(dict.fromkeys(h.themes))
    return list(labels)


def _plan_file(ws: Workspace, prep: Prepared, mapping: Mapping[str, str],
               overlay: dict[str, Record], replace_mine: bool, orphans: bool) -> FilePlan:
    store = ws.annotations()
    tax = ws.themes().taxonomy()
    me = store.author
    colleague = prep.kind == "colleague"
    owner = prep.author if colleague and prep.author else me
    kind = prep.kind if prep.kind in ("colleague", "mine") else \
        ("hypothesis" if prep.source_kind == HYPOTHESIS else "w3c")
    unknown: dict[str, None] = {}
    creates = False
    for h in prep.highlights:
        ours = colleague or h.id in prep.own_theme_ids
        for t in h.themes:
            if ours and not tax.known(t):
                unknown.setdefault(t)
            elif not ours and tax.find(t) is None:
                unknown.setdefault(" ".join(t.split()))
                creates = True
    stored, unmatched = (prep.highlights, 0) if colleague else \
        _as_stored(store, prep, mapping, me)
    already = colleague and colleague_target(ws.annotations_dir, owner.id, prep.raw)[1]
    decisions: list[Decision[Highlight]] = []
    for h in stored:
        d = _decide(h, overlay.get(h.id) or store.peek_record(h.id), owner, me, replace_mine,
                    already)
        if d.action in (ADD, UPDATE):
            overlay[h.id] = h
        decisions.append(d)
    remarks: list[Decision[Remark]] = []
    for r in prep.remarks if colleague else [_as_mine(r, prep, me) for r in prep.remarks]:
        rd = _decide(r, overlay.get(r.id) or store.peek_record(r.id), owner, me,
                     replace_mine, already)
        if rd.action in (ADD, UPDATE):
            overlay[r.id] = r
        remarks.append(rd)
    orphaned = _orphans(store, [d.highlight for d in decisions
                                if d.action in (ADD, UPDATE)]) if orphans else 0
    return FilePlan(str(prep.path), kind, owner.name, tuple(decisions), orphaned,
                    tuple(unknown), creates, prep.replies, bool(already), unmatched,
                    remarks=tuple(remarks))


def _decide(h: R, current: Record | None, owner: Author, me: Author,
            replace_mine: bool, already: bool) -> Decision[R]:
    if already:
        return Decision(SKIP, h, "the file is in this workspace already", current)
    if current is None:
        if h.deleted:
            return Decision(SKIP, h, "deleted in the file, and not here")
        return Decision(ADD, h)
    yours = current.author.id == me.id
    if current.author.id != owner.id:
        return Decision(SKIP, h, f"its id belongs to {current.author.name}'s highlight here",
                        current, yours)
    incoming = replace(h, author=current.author)
    if same_content(current, incoming) or merging.newer(current, incoming) is current:
        return Decision(SKIP, h, "the version here is the same or newer", current, yours)
    if yours and not replace_mine:
        what = "delete" if h.deleted and not current.deleted else "change"
        return Decision(REFUSE, h, f"it would {what} your highlight (use --replace-mine "
                        "to let it)", current, yours)
    return Decision(UPDATE, h, "", current, yours)


def _as_stored(store: Any, prep: Prepared, mapping: Mapping[str, str], me: Author
               ) -> tuple[list[Highlight], int]:
    """The file's highlights as an import stores them: yours, tags as theme ids, the
    original creator remembered, documents matched by title where needed."""
    out = []
    for h in prep.highlights:
        if h.id not in prep.own_theme_ids and h.themes:
            h = replace(h, themes=tuple(dict.fromkeys(mapping.get(t, t) for t in h.themes)))
        out.append(_as_mine(h, prep, me))
    return match_documents(store, out, prep.titles)


def _as_mine(h: R, prep: Prepared, me: Author) -> R:
    """``h`` as yours, the original creator of a foreign file's annotation remembered."""
    if h.author.id and h.author.id != me.id and prep.kind == "foreign":
        original = json.dumps({"id": h.author.id, "name": h.author.name}, ensure_ascii=False)
        extra = tuple(e for e in h.extra if e[0] != "pr:originalCreator")
        h = replace(h, extra=(*extra, ("pr:originalCreator", original)))
    return replace(h, author=me)


def match_documents(store: Any, highlights: list[Highlight], titles: Mapping[str, str]
                    ) -> tuple[list[Highlight], int]:
    """Highlights whose document is found by title get its path; (highlights, unmatched)."""
    placer = store.placer
    try:
        placer.refresh()
        docs = placer.source.documents()
    except ReaderError as exc:
        log.warning("import: cannot list documents: %s", exc)
        return highlights, len(highlights)
    by_title: dict[str, Any] = {}
    for d in docs:
        key = d.title.casefold()
        by_title[key] = None if key in by_title else d
    out, unmatched = [], 0
    for h in highlights:
        doc = placer.resolve(h)
        if doc is None and h.id in titles:
            doc = by_title.get(titles[h.id].casefold())
        if doc is None:
            unmatched += 1
        elif h.doc_id != doc.id:
            h = replace(h, doc_path=doc.path)
        out.append(h)
    return out, unmatched


def colleague_target(folder: Path, author_id: str, raw: bytes) -> tuple[Path, bool]:
    """Where a colleague's file would be copied, and whether it is here already."""
    target = folder / f"{author_id}.json"
    n = 1
    while target.exists():
        try:
            if safe_files.read_bytes(target) == raw:
                return target, True
        except OSError:
            pass
        target = folder / f"{author_id} ({n}).json"
        n += 1
    return target, False


def _orphans(store: Any, highlights: list[Highlight]) -> int:
    """How many of ``highlights`` would not be placed in the workspace's documents."""
    live = [h for h in highlights if not h.deleted]
    if not live:
        return 0
    placer = store.placer
    try:
        placer.refresh()
        findable = [h for h in live if placer.resolve(h) is not None]
    except ReaderError as exc:
        log.warning("import plan: cannot list documents: %s", exc)
        return len(live)
    # anchor copies under ids of their own: the preview must not touch the placer's cache
    probes = [replace(h, id=f"{h.id}#preview") for h in findable]
    try:
        placed = placer.place(probes)
    finally:
        placer.forget(p.id for p in probes)
    return len(live) - len(findable) + sum(1 for p in placed if p.orphaned)
