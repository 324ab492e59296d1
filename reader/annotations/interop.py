"""Importing annotation files and exporting highlights (W3C JSON-LD, Hypothesis, CSV).

Import validates every file before anything is written (:mod:`.import_read`); a broken
file is rejected with its reason, and so is an import of more than
:data:`~reader.annotations.import_read.MAX_IMPORT_HIGHLIGHTS` highlights. Then it does
what the plan says (:mod:`.import_plan`: the same plan as ``--dry-run`` and the app's
preview), per file:

* **a colleague's file** (our format, made by another author) is copied in unchanged as
  theirs: ``annotations/<their-id>.json``, or ``<their-id> (N).json`` beside an existing
  different one (read and merged like a sync copy; their file is never written over);
* **your own file** (from another computer) is merged into yours;
* **any other W3C file, or a Hypothesis export**, becomes yours: highlights keep their ids
  (an id someone else already holds here is skipped), the original creator is kept in
  ``pr:originalCreator``, tags become themes (by id or label; unknown labels become new
  themes, written to ``themes.json`` once per import, after your file), and documents are matched by
  content hash, path, source URL, file name or title.

An import never changes one of your existing highlights (edits or deletes it) unless
``replace_mine`` is given, whatever the file claims; those changes are counted as
``refused``. Your file is saved with a size limit: if the import would make it larger than
others can read, nothing is imported (nothing is written at all).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader.annotations import codec, csv_export, hypothesis
from reader.annotations.import_plan import (
    ADD,
    UPDATE,
    FilePlan,
    Workspace,
    colleague_target,
    plan_prepared,
    tag_labels,
)
from reader.annotations.import_read import Prepared, check_count, prepare
from reader.annotations.select import Selection
from reader.annotations.theme_labels import plan_labels
from reader.annotations.threads import Discussion
from reader.annotations.w3c_remarks import encode_link, encode_reply
from reader.annotations.w3c_terms import CONTEXT
from reader.annotations.w3c_write import encode_highlight, file_version, iso, person
from reader.errors import (
    AnnotationError,
    AnnotationFileError,
    ExportError,
    NothingToExport,
    ReaderError,
)
from reader.jsonio import atomic_write_bytes
from reader.model.annotations import Placed, now_utc

log = logging.getLogger(__name__)

FORMATS = ("w3c", "hypothesis", "csv")


@dataclass(frozen=True)
class ImportResult:
    path: str
    kind: str
    added: int = 0
    updated: int = 0
    skipped: int = 0
    refused: int = 0  # changes to your highlights not made (no ``replace_mine``)
    copied_to: str = ""
    author: str = ""
    replies_skipped: int = 0
    remarks_added: int = 0  # replies and links added or updated
    new_themes: tuple[str, ...] = ()
    unmatched_documents: int = 0
    message: str = ""


# -- applying --------------------------------------------------------------------------------
def import_files(ws: Workspace, paths: Iterable[str | Path], *, replace_mine: bool = False
                 ) -> list[ImportResult]:
    """Validate every file, then import them all as :func:`~reader.annotations.import_plan.
    plan_prepared` plans (see the module doc). Nothing is written when a file is broken,
    when the import is too large, or when your file would grow beyond what others read."""
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
    check_count("This import", sum(len(p.highlights) + len(p.remarks) for p in prepared))
    themes = ws.themes()
    mapping, new_themes = plan_labels(themes.taxonomy(), tag_labels(prepared))
    if new_themes:
        themes.check_writable()
    plan = plan_prepared(ws, prepared, replace_mine=replace_mine, orphans=False,
                         mapping=mapping)
    errors = [f.error for f in plan.files if f.error]
    if errors:
        raise AnnotationFileError(" ".join(errors))
    new_ids = {t.id: t.label for t in new_themes}
    used = {t for f in plan.files for d in f.decisions if d.action in (ADD, UPDATE)
            for t in d.highlight.themes}
    new_themes = tuple(t for t in new_themes if t.id in used)
    snapshot = store.snapshot()
    results = [_apply(store, prep, fp, new_ids) for prep, fp in zip(prepared, plan.files,
                                                                      strict=True)]
    try:
        store.save(limit=codec.MAX_FILE_BYTES)
    except AnnotationError as exc:  # too large: nothing was written
        store.rollback(snapshot)
        raise AnnotationFileError(f"{exc} Nothing was imported.",
                                  "Import fewer highlights at a time.") from exc
    if new_themes:
        themes.add_planned(new_themes)  # one write of themes.json, however many tags
    return [_copy_colleague(ws, prep, r) if prep.kind == "colleague" else r
            for prep, r in zip(prepared, results, strict=True)]


def _apply(store: Any, prep: Prepared, fp: FilePlan, new_ids: dict[str, str]
           ) -> ImportResult:
    if prep.kind == "colleague":  # copied in after your own file is saved
        return ImportResult(str(prep.path), "colleague", author=fp.author)
    chosen = [d.highlight for d in fp.decisions if d.action in (ADD, UPDATE)]
    remarks = [d.highlight for d in fp.remarks if d.action in (ADD, UPDATE)]
    store.put_versions([*chosen, *remarks])
    new = {new_ids[t] for h in chosen for t in h.themes if t in new_ids}
    return ImportResult(str(prep.path), prep.kind, fp.added, fp.updated, fp.skipped,
                        fp.refused, author=store.author.name, replies_skipped=prep.replies,
                        remarks_added=len(remarks), new_themes=tuple(sorted(new)),
                        unmatched_documents=fp.unmatched_documents)


def _copy_colleague(ws: Workspace, prep: Prepared, result: ImportResult) -> ImportResult:
    assert prep.author is not None
    target, already = colleague_target(ws.annotations_dir, prep.author.id, prep.raw)
    if already:
        return replace(result, skipped=len(prep.highlights), copied_to=str(target),
                       message="already in this workspace")
    atomic_write_bytes(target, prep.raw)
    ws.annotations().reload()
    return replace(result, added=len(prep.highlights), remarks_added=len(prep.remarks),
                   copied_to=str(target))


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
    discussion = store.discussion()
    if fmt == "csv":
        return csv_export.to_csv(placed, taxonomy=tax, documents=docs, names=names,
                                 notes=notes, discussion=discussion), len(placed)
    if fmt == "hypothesis":
        data = hypothesis.encode(placed, taxonomy=tax, documents=docs, exporter=store.author,
                                 now=now, names=names, notes=notes, discussion=discussion)
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
    count = len(items)
    items += remark_items({p.highlight.id for p in placed}, discussion, names=names,
                          notes=notes)
    data = {"@context": CONTEXT, "type": "AnnotationCollection",
            "label": f"Highlights exported from Policy Reader ({ws.name})",
            "generated": iso(now), "pr:formatVersion": file_version(items), "total": len(items),
            "first": {"type": "AnnotationPage", "startIndex": 0, "items": items}}
    return _json_bytes(data), count


def remark_items(exported: set[str], discussion: Discussion, *, names: bool, notes: bool
                 ) -> list[dict[str, Any]]:
    """The live replies under the ``exported`` highlights (none without ``notes``: a reply
    is a note) and the live links with an end among them, as W3C annotations."""
    out = []
    for r in sorted(discussion.replies.values(), key=lambda x: (x.created, x.id)):
        root, why = discussion.root(r.id)
        if notes and not r.deleted and not why and root in exported:
            out.append(encode_reply(r, creator=person(r.author) if names else None))
    for link in sorted(discussion.links.values(), key=lambda x: (x.created, x.id)):
        if not link.deleted and exported.intersection(link.ends()):
            out.append(encode_link(link, creator=person(link.author) if names else None,
                                   with_note=notes))
    return out


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_export(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(Path(path), data)
    except ReaderError as exc:
        raise ExportError(str(exc)) from exc
