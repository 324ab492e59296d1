"""Importing annotation files and exporting highlights (W3C JSON-LD, Hypothesis, CSV).

Import validates every file before anything is written; a broken file is rejected with its
reason. Then, per file:

* **a colleague's file** (our format, made by another author) is copied in unchanged as
  theirs: ``annotations/<their-id>.json``, or ``<their-id> (N).json`` beside an existing
  different one (read and merged like a sync copy; their file is never written over);
* **your own file** (from another computer) is merged into yours;
* **any other W3C file, or a Hypothesis export**, becomes yours: highlights keep their ids
  (an id someone else already holds here is skipped), the original creator is kept in
  ``pr:originalCreator``, tags become themes (by id or label; unknown labels become new
  themes), and documents are matched by content hash, path, source URL, file name or title.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from reader.annotations import csv_export, hypothesis
from reader.annotations.codec import HYPOTHESIS, MAX_FILE_BYTES, OURS, open_container
from reader.annotations.files import read_file
from reader.annotations.identity import AUTHOR_ID_RE
from reader.annotations.select import Selection
from reader.annotations.w3c import CONTEXT, FORMAT_VERSION, ItemError, decode_annotation
from reader.annotations.w3c_write import encode_highlight, iso, person
from reader.errors import AnnotationFileError, ExportError, NothingToExport, ReaderError
from reader.jsonio import atomic_write_bytes, read_json
from reader.model.annotations import Author, Highlight, Placed, now_utc

if TYPE_CHECKING:
    from reader.annotations.store import AnnotationStore
    from reader.annotations.themes import ThemeStore


class Workspace(Protocol):
    """What importing and exporting read of a workspace (:class:`reader.workspace.Workspace`
    passed by :mod:`reader.ops.sharing`)."""

    name: str
    annotations_dir: Path

    def annotations(self) -> AnnotationStore: ...

    def themes(self) -> ThemeStore: ...

log = logging.getLogger(__name__)

FORMATS = ("w3c", "hypothesis", "csv")


@dataclass
class Prepared:
    """A validated import file, not yet applied."""

    path: Path
    kind: str  # "colleague" | "mine" | "foreign"
    source_kind: str  # policy-reader | w3c | hypothesis
    author: Author | None = None
    highlights: list[Highlight] = field(default_factory=list)
    own_theme_ids: set[str] = field(default_factory=set)  # highlight ids carrying our ids
    titles: dict[str, str] = field(default_factory=dict)
    replies: int = 0
    raw: bytes = b""


@dataclass(frozen=True)
class ImportResult:
    path: str
    kind: str
    added: int = 0
    updated: int = 0
    skipped: int = 0
    copied_to: str = ""
    author: str = ""
    replies_skipped: int = 0
    new_themes: tuple[str, ...] = ()
    unmatched_documents: int = 0
    message: str = ""


# -- validation ------------------------------------------------------------------------------
def prepare(path: Path, me: Author) -> Prepared:
    """Read and validate ``path`` completely; ``AnnotationFileError`` says what is wrong."""
    path = Path(path)
    name = path.name
    try:
        data = read_json(path, max_bytes=MAX_FILE_BYTES, what="annotation file")
    except ReaderError as exc:
        raise AnnotationFileError(str(exc)) from exc
    container = open_container(data, name)
    if container.kind == HYPOTHESIS:
        read = hypothesis.decode(container.items)
        _reject_errors(name, read.errors)
        if not read.highlights:
            raise AnnotationFileError(f"{name} holds no highlights to import"
                                      + (f" (only {read.replies} replies)." if read.replies
                                         else "."))
        return Prepared(path, "foreign", HYPOTHESIS, None, read.highlights, read.own_themes,
                        read.titles, read.replies)
    creator = container.creator
    is_author_file = (container.kind == OURS and creator is not None
                      and bool(AUTHOR_ID_RE.match(creator.id)))
    if is_author_file and creator is not None and creator.id != me.id:
        fr = read_file(path, creator.id, False)
        if fr.damaged or fr.too_large:
            raise AnnotationFileError(fr.problems[0] if fr.problems else f"{name} is damaged.")
        if fr.unreadable and not fr.newer:
            raise AnnotationFileError(fr.problems[0])
        return Prepared(path, "colleague", OURS, fr.author, fr.highlights,
                        raw=path.read_bytes())
    if container.newer:
        raise AnnotationFileError(f"{name} was written by a newer version of Policy Reader.",
                                  "Update Policy Reader to import it.")
    errors: list[str] = []
    found: list[Highlight] = []
    for i, item in enumerate(container.items):
        try:
            found.append(decode_annotation(item, author=me if is_author_file else None,
                                           default_time=now_utc()))
        except ItemError as exc:
            errors.append(f"annotation {i + 1}: {exc}")
    _reject_errors(name, errors)
    if not found:
        raise AnnotationFileError(f"{name} holds no annotations.")
    own = {h.id for h in found} if container.kind == OURS else set()
    return Prepared(path, "mine" if is_author_file else "foreign", container.kind, creator,
                    found, own)


def _reject_errors(name: str, errors: Sequence[str]) -> None:
    if errors:
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        raise AnnotationFileError(f"{name} cannot be imported: {'; '.join(errors[:3])}{more}.",
                                  "Nothing was imported.")


# -- applying --------------------------------------------------------------------------------
def import_files(ws: Workspace, paths: Iterable[str | Path]) -> list[ImportResult]:
    """Validate every file, then import them all (see the module doc)."""
    store = ws.annotations()
    prepared: list[Prepared] = []
    problems: list[str] = []
    for p in paths:
        try:
            prepared.append(prepare(Path(p), store.author))
        except AnnotationFileError as exc:
            problems.append(str(exc))
    if problems:
        raise AnnotationFileError(" ".join(problems) if len(problems) == 1 else
                                  "Some files cannot be imported; nothing was imported. "
                                  + " ".join(problems))
    results = [_apply(ws, prep) for prep in prepared]
    store.save()
    return results


def _apply(ws: Workspace, prep: Prepared) -> ImportResult:
    store = ws.annotations()
    if prep.kind == "colleague":
        return _copy_colleague(ws, prep)
    me = store.author
    new_themes: list[str] = []
    highlights = []
    tax_store = ws.themes()
    for h in prep.highlights:
        if h.id not in prep.own_theme_ids and h.themes:
            before = set(tax_store.taxonomy().by_id)
            mapping = tax_store.ensure(h.themes)
            new_themes += [i for i in mapping.values() if i not in before]
            h = replace(h, themes=tuple(dict.fromkeys(mapping.get(t, t) for t in h.themes)))
        if h.author.id and h.author.id != me.id and prep.kind == "foreign":
            original = json.dumps({"id": h.author.id, "name": h.author.name},
                                  ensure_ascii=False)
            extra = tuple(e for e in h.extra if e[0] != "pr:originalCreator")
            h = replace(h, extra=(*extra, ("pr:originalCreator", original)))
        highlights.append(h)
    highlights, unmatched = _match_documents(store, highlights, prep.titles)
    added, updated, skipped = store.merge_in(highlights)
    return ImportResult(str(prep.path), prep.kind, added, updated, skipped,
                        author=me.name, replies_skipped=prep.replies,
                        new_themes=tuple(dict.fromkeys(new_themes)),
                        unmatched_documents=unmatched)


def _match_documents(store: Any, highlights: list[Highlight], titles: dict[str, str]
                     ) -> tuple[list[Highlight], int]:
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


def _copy_colleague(ws: Workspace, prep: Prepared) -> ImportResult:
    assert prep.author is not None
    folder = ws.annotations_dir
    target = folder / f"{prep.author.id}.json"
    n = 1
    while target.exists():
        try:
            if target.read_bytes() == prep.raw:
                return ImportResult(str(prep.path), "colleague", skipped=len(prep.highlights),
                                    copied_to=str(target), author=prep.author.name,
                                    message="already in this workspace")
        except OSError:
            pass
        target = folder / f"{prep.author.id} ({n}).json"
        n += 1
    atomic_write_bytes(target, prep.raw)
    ws.annotations().reload()
    return ImportResult(str(prep.path), "colleague", added=len(prep.highlights),
                        copied_to=str(target), author=prep.author.name)


# -- exporting -------------------------------------------------------------------------------
def select_placed(ws: Workspace, selection: Selection) -> list[Placed]:
    store = ws.annotations()
    chosen = [p for p in store.placed_all() if selection.matches(p)]
    chosen.sort(key=lambda p: (p.highlight.doc_path, p.orphaned, p.anchor.start,
                               p.highlight.id))
    return chosen


def export(ws: Workspace, fmt: str, *, selection: Selection = Selection(),
           names: bool = True, notes: bool = True) -> tuple[bytes, int]:
    """The chosen highlights in ``fmt`` (w3c | hypothesis | csv): (file bytes, count)."""
    if fmt not in FORMATS:
        raise ExportError(f"Unknown export format '{fmt}'.", f"Use one of: {', '.join(FORMATS)}.")
    placed = select_placed(ws, selection)
    if not placed:
        raise NothingToExport("No highlight matches; nothing was exported.")
    store = ws.annotations()
    docs = {d.id: d for d in store.placer.source.documents()}
    tax = ws.themes().taxonomy()
    now = now_utc()
    if fmt == "csv":
        return csv_export.to_csv(placed, taxonomy=tax, documents=docs, names=names,
                                 notes=notes), len(placed)
    if fmt == "hypothesis":
        data = hypothesis.encode(placed, taxonomy=tax, documents=docs, exporter=store.author,
                                 now=now, names=names, notes=notes)
        return _json_bytes(data), len(placed)
    items = []
    for p in placed:
        h, a = p.highlight, p.anchor
        if not p.orphaned:
            doc = docs.get(a.doc_id)
            h = replace(h, start=a.start, end=a.end, doc_id=a.doc_id,
                        doc_path=doc.path if doc else h.doc_path, page=a.page,
                        section=a.section)
        if not notes:
            h = replace(h, note="")
        creator = person(h.author) if names else None
        items.append(encode_highlight(h, creator=creator, with_note=notes))
    data = {"@context": CONTEXT, "type": "AnnotationCollection",
            "label": f"Highlights exported from Policy Reader ({ws.name})",
            "generated": iso(now), "pr:formatVersion": FORMAT_VERSION, "total": len(items),
            "first": {"type": "AnnotationPage", "startIndex": 0, "items": items}}
    return _json_bytes(data), len(items)


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_export(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(Path(path), data)
    except ReaderError as exc:
        raise ExportError(str(exc)) from exc
