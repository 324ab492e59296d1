"""Annotation files in and out: import colleagues' files, W3C Web Annotation files and
Hypothesis exports (planned first: the app's preview, ``--dry-run`` and the import itself
use one plan; every file is checked before anything is written; your own highlights change
only with ``replace_mine``), export highlights as W3C JSON-LD, a Hypothesis export or CSV,
and the future-dated changes to your highlights held aside until you accept them.
(:mod:`reader.annotations.interop` and :mod:`reader.annotations.import_plan` do the work.)"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reader.annotations.holds import HeldVersion
from reader.annotations.import_plan import Decision, FilePlan, ImportPlan
from reader.annotations.interop import FORMATS, ImportResult
from reader.annotations.select import Selection
from reader.model.changes import ALL, ChangeSet, Outcome
from reader.model.remarks import Link, Record, Reply
from reader.ops.highlights import touched
from reader.progress import NEVER_CANCELLED, CancelToken
from reader.workspace import Workspace

__all__ = ["FORMATS", "Decision", "FilePlan", "HeldVersion", "ImportPlan", "ImportResult",
           "accept_held", "export_annotations", "export_mine", "held", "import_annotations",
           "plan_import"]

#: What an import may change: any highlight (a colleague's file is read like a sync
#: copy), new themes made from tags, and who is listed.
IMPORTED = ChangeSet(annotations=frozenset({ALL}), themes=True, authors=True)


def plan_import(ws: Workspace, paths: Iterable[str | Path], *, replace_mine: bool = False,
                cancel: CancelToken = NEVER_CANCELLED) -> ImportPlan:
    """What importing ``paths`` would do, file by file and highlight by highlight
    (nothing is written): the app's preview and ``--dry-run``."""
    from reader.annotations.import_plan import plan_imports

    return plan_imports(ws, paths, replace_mine=replace_mine, cancel=cancel)


def import_annotations(ws: Workspace, paths: Iterable[str | Path], *,
                       replace_mine: bool = False) -> Outcome[list[ImportResult]]:
    """Check every file, then import them all by the plan (nothing is imported if one is
    broken; your own highlights change only with ``replace_mine``)."""
    from reader.annotations.interop import import_files

    results = import_files(ws, paths, replace_mine=replace_mine)
    return Outcome(results, IMPORTED)


def export_annotations(ws: Workspace, fmt: str, *, selection: Selection = Selection(),
                       names: bool = True, notes: bool = True,
                       out: str | Path | None = None) -> Outcome[tuple[bytes, int]]:
    """The chosen highlights as ``fmt`` (w3c | hypothesis | csv): (file bytes, count),
    written atomically to ``out`` when given. ``NothingToExport`` when none matches."""
    from reader.annotations.interop import export, write_export

    data, count = export(ws, fmt, selection=selection, names=names, notes=notes)
    if out is not None:
        write_export(Path(out), data)
    return Outcome((data, count))


def export_mine(ws: Workspace, fmt: str, out: str | Path) -> Outcome[int]:
    """Your own highlights (saved first) written to ``out`` as ``fmt``: how many."""
    store = ws.annotations()
    store.save()
    mine = Selection(author_ids=frozenset({store.author.id}))
    return Outcome(export_annotations(ws, fmt, selection=mine, out=out).value[1])


def file_problems(ws: Workspace) -> tuple[str, ...]:
    """What could not be read in the annotation files, the changes held aside and a save
    that failed, one sentence each (the files are read first if they were not yet)."""
    store = ws.annotations()
    store.held()  # reads the files once
    return store.problems


def held(ws: Workspace) -> tuple[HeldVersion, ...]:
    """Future-dated changes to your highlights found in copies of your file, held aside."""
    return ws.annotations().held()


def accept_held(ws: Workspace, ids: Iterable[str]) -> Outcome[list[Record]]:
    """Apply the held changes of these ids to your highlights, replies and links, and
    save. The change set names what was applied and, for a reply or a link, the
    highlights it is about (their discussion changed)."""
    store = ws.annotations()
    applied = list(store.accept_held(set(ids)))
    store.save()
    return Outcome(applied, touched(_about(applied)))


def _about(records: Iterable[Record]) -> Iterable[str]:
    for r in records:
        yield r.id
        if isinstance(r, Reply):
            yield r.target.id
        elif isinstance(r, Link):
            yield from r.ends()
