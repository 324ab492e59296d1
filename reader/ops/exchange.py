"""Exchange with other research tools: a REFI-QDA project (``qdpx``: documents, codebook,
highlights) or codebook (``qdc``) out and in, and a spreadsheet (``xlsx``) of highlights
out. (:mod:`reader.interop.refi` and :mod:`reader.annotations.xlsx_export` do the work.)"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.annotations.select import Selection
from reader.model.changes import ALL, ChangeSet, Outcome
from reader.workspace import Workspace

FORMATS = ("qdpx", "qdc", "xlsx")
IMPORTED = ChangeSet(documents=frozenset({ALL}), annotations=frozenset({ALL}), themes=True,
                     authors=True)


def export_xlsx(ws: Workspace, out: str | Path, *, selection: Selection = Selection(),
                names: bool = True, notes: bool = True) -> Outcome[int]:
    """The chosen highlights as a spreadsheet written to ``out``: how many."""
    from reader.annotations.xlsx_export import export_xlsx as build
    from reader.interop.refi import export as refi_export

    data, count = build(ws, selection=selection, names=names, notes=notes)
    refi_export.write(Path(out), data)
    return Outcome(count)


def export_refi(ws: Workspace, fmt: str, out: str | Path, *,
                selection: Selection = Selection(), names: bool = True,
                notes: bool = True) -> Outcome[Any]:
    """A REFI-QDA project (``qdpx``) or codebook (``qdc``) written to ``out``: its
    summary (codes, highlights, sources, users, orphans left out)."""
    from reader.interop.refi import export as refi_export

    if fmt == "qdc":
        data, summary = refi_export.export_qdc(ws)
    else:
        data, summary = refi_export.export_qdpx(ws, selection=selection, names=names,
                                                notes=notes)
    refi_export.write(Path(out), data)
    return Outcome(summary)


def import_refi(ws: Workspace, path: str | Path, *, dry_run: bool = False,
                add_sources: bool = True, as_mine: bool = False) -> Outcome[Any]:
    """Import a REFI-QDA project or codebook (with ``dry_run``, only its plan)."""
    from reader.interop.refi import import_refi as run

    done = run(ws, path, dry_run=dry_run, add_sources=add_sources, as_mine=as_mine)
    return Outcome(done, ChangeSet() if dry_run else IMPORTED)
