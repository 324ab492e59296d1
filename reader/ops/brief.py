"""Briefs: what ``policy-reader brief`` and the export-brief dialog do.

The dialog's loop::

    gathered = gather(ws)                               # once (reads every highlight)
    preview = make_preview(gathered.inputs, options)    # on every change
    result = write(gathered.inputs, options, target, fmt, progress=, cancel=)

The command: :func:`resolve_options` turns names into ids, :func:`export` does the rest.
The option and result types are re-exported here for the front ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.annotations.select import author_filter, parse_stance
from reader.errors import NothingToExport, UsageError
from reader.export.gather import BriefInputs, Counts
from reader.export.options import (
    MAX_TEXT,
    BriefOptions,
    GroupBy,
    MatrixBy,
    OrphanPolicy,
    PageSize,
)
from reader.export.paper import default_page_size
from reader.export.write import (
    EXTENSIONS,
    FORMATS,
    ExportResult,
    check_destination,
    format_for,
    target_path,
)
from reader.model.annotations import Stance
from reader.model.documents import Document
from reader.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from reader.workspace import Workspace

__all__ = ["EXTENSIONS", "FORMATS", "MAX_TEXT", "BriefInputs", "BriefOptions", "Choice",
           "Counts", "ExportResult", "Gathered", "GroupBy", "MatrixBy", "OrphanPolicy",
           "PageSize", "Preview", "check_destination", "default_page_size", "destination",
           "format_for", "gather", "gather_inputs", "make_preview", "prepare",
           "resolve_options", "target_path", "write"]

PREVIEW_LIMIT = 30


def gather_inputs(ws: Workspace) -> BriefInputs:
    """Read the library, the taxonomy and every highlight (placed in the current texts)."""
    library = ws.library()
    store = ws.annotations()
    return BriefInputs(placed=tuple(store.placed_all()),
                       documents={d.id: d for d in library.documents()}, library=library,
                       taxonomy=ws.taxonomy(), authors=store.authors(),
                       discussion=store.discussion())


# -- the dialog ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Choice:
    """One row of a pick list: a theme, a document or an annotator."""

    id: str
    label: str
    count: int = 0  # live highlights
    tip: str = ""
    parent: str | None = None  # themes: the parent theme's id
    color: str = ""  # themes: "#rrggbb", shown as a swatch


@dataclass(frozen=True)
class Gathered:
    """What the dialog needs from the workspace, read once."""

    inputs: BriefInputs
    themes: tuple[Choice, ...]
    documents: tuple[Choice, ...]
    authors: tuple[Choice, ...]
    first_day: dt.date | None
    total: int  # live highlights


def gather(ws: Workspace, *, details: Callable[[Document], str] = lambda _d: ""
           ) -> Gathered:
    """The highlights and the pick lists (themes counted by the one rule: a parent
    includes its sub-themes). ``details`` gives a document's line for its tooltip."""
    from reader.annotations.theme_counts import ThemeCounter
    from reader.export.select import ThemeTree, local_day

    inputs = gather_inputs(ws)
    live = [p for p in inputs.placed if not p.highlight.deleted]
    tree = ThemeTree.of(inputs.taxonomy)
    per_theme = ThemeCounter(inputs.taxonomy).count(p.highlight for p in live)
    themes = tuple(Choice(tid, tree.label(tid), per_theme[tid],
                          tree.by_id[tid].description, tree.parent.get(tid),
                          tree.by_id[tid].color)
                   for tid in tree.preorder)
    documents = tuple(Choice(d.id, d.title, n, f"{d.title}\n{details(d)}\n{d.path}")
                      for d, n in inputs.documents_with_highlights())
    per_author: dict[str, int] = {}
    for p in live:
        per_author[p.highlight.author.id] = per_author.get(p.highlight.author.id, 0) + 1
    authors = tuple(Choice(a.id, a.name or "(no name)", per_author.get(a.id, 0))
                    for a in inputs.authors)
    first = min((local_day(p.highlight.created) for p in live), default=None)
    return Gathered(inputs, themes, documents, authors, first, len(live))


@dataclass(frozen=True)
class Preview:
    options: BriefOptions
    counts: Counts
    html: str = ""
    problem: str = ""  # why nothing can be exported ("" when something can)
    quotes: int = 0
    documents: int = 0
    themes: int = 0


def make_preview(inputs: BriefInputs, options: BriefOptions) -> Preview:
    """The counts and the first passages (Qt rich text) for the dialog."""
    from reader.export.html import render_html

    counts = inputs.count(options)
    try:
        brief = inputs.build(options)
    except NothingToExport as exc:
        return Preview(options, counts, problem=str(exc))
    return Preview(options, counts, render_html(brief, lite=True, limit=PREVIEW_LIMIT),
                   quotes=brief.quote_count, documents=len(brief.sources),
                   themes=brief.theme_count)


def write(inputs: BriefInputs, options: BriefOptions, target: str | Path, fmt: str, *,
          progress: ProgressFn = no_progress,
          cancel: CancelToken = NEVER_CANCELLED) -> ExportResult:
    """Build the brief ``options`` describes and write it to ``target`` (atomically).
    ``NothingToExport`` when nothing can be cited; ``ExportError`` when it cannot be
    written (a missing or read-only folder fails before any work)."""
    from reader.export.write import write_brief

    check_destination(Path(target))
    progress(0, 0, "Choosing the passages")
    brief = inputs.build(options)
    cancel.raise_if_cancelled()
    return write_brief(brief, target, fmt, progress=progress, cancel=cancel)


# -- the command -----------------------------------------------------------------------------
def _date(value: str | None, flag: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise UsageError(f"{flag} {value!r} is not a date.", "Write it as YYYY-MM-DD.") from exc


def resolve_options(ws: Workspace, options: BriefOptions, *, themes: Sequence[str] = (),
                    authors: Sequence[str] = (), documents: Sequence[str] = (),
                    stances: Sequence[str] = (), since: str | None = None,
                    until: str | None = None, date: str | None = None,
                    as_of: str | None = None) -> BriefOptions:
    """``options`` with the filters a person typed turned into ids: themes (ids or names;
    an id only others use is allowed), authors (names or ids), documents (ids, id prefixes
    or paths, order kept), stances, and dates (YYYY-MM-DD)."""
    store = ws.annotations()
    tax = ws.taxonomy()
    theme_ids = []
    for ref in themes:
        found = tax.find(ref)
        if found is not None:
            theme_ids.append(found.id)
        elif any(ref in h.themes for h in store.all()):
            theme_ids.append(ref)
        else:
            raise UsageError(f"There is no theme '{ref}'.",
                             "Run 'policy-reader themes list' to see them.")
    author_ids = sorted(author_filter(store.authors(), authors) or ())
    library = ws.library()
    doc_ids = list(dict.fromkeys(library.find(ref).id for ref in documents))
    chosen: list[Stance] = []
    for value in stances:
        stance = parse_stance(value)
        if stance is not None:
            chosen.append(stance)
    first, last = _date(since, "--since"), _date(until, "--until")
    if first and last and first > last:
        raise UsageError("--since is after --until.")
    return replace(options, date=_date(date, "--date"), as_of=_date(as_of, "--as-of"),
                   themes=tuple(theme_ids), authors=tuple(author_ids),
                   documents=tuple(doc_ids), stances=tuple(chosen), since=first, until=last)


@dataclass(frozen=True)
class Destination:
    target: Path  # the file to write
    fmt: str  # pdf | docx | html | md | csv


def destination(out: str | Path, fmt: str | None = None) -> Destination:
    """Where a brief goes and in which format (``fmt``, else from the extension); a
    missing or read-only folder fails here, before any work."""
    chosen = format_for(out, fmt)
    target = target_path(out, chosen)
    check_destination(target)
    return Destination(target, chosen)


def prepare(ws: Workspace, *, refresh: bool = True, progress: ProgressFn = no_progress,
            cancel: CancelToken = NEVER_CANCELLED) -> tuple[str, ...]:
    """Bring the library up to date (``refresh``) and read every annotation file: the
    problems met (those files were skipped)."""
    from reader.ops import library

    if refresh:
        library.refresh(ws, index=False, progress=progress, cancel=cancel)
    return ws.annotations().load().problems
