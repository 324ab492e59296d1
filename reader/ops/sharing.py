"""Annotation files in and out: import colleagues' files, W3C Web Annotation files and
Hypothesis exports (every file checked before anything is written), and export highlights
as W3C JSON-LD, a Hypothesis export or CSV (:mod:`reader.annotations.interop` does the
reading and writing)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reader.annotations.interop import FORMATS, ImportResult
from reader.annotations.select import Selection
from reader.model.changes import ALL, ChangeSet, Outcome
from reader.workspace import Workspace

__all__ = ["FORMATS", "ImportResult", "export_annotations", "import_annotations"]

#: What an import may change: any highlight (a colleague's file is read like a sync
#: copy), new themes made from tags, and who is listed.
IMPORTED = ChangeSet(annotations=frozenset({ALL}), themes=True, authors=True)


def import_annotations(ws: Workspace, paths: Iterable[str | Path]
                       ) -> Outcome[list[ImportResult]]:
    """Check every file, then import them all (nothing is imported if one is broken)."""
    from reader.annotations.interop import import_files

    results = import_files(ws, paths)
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
