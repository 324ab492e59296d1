"""What the export-brief dialog works out away from its widgets: the highlights and pick
lists read from the workspace (:func:`gather`), one preview (:func:`make_preview`) — both run
on the task runner — and the choices it remembers in the user settings."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reader.errors import NothingToExport, ReaderError
from reader.export.gather import BriefInputs, Counts, gather_inputs
from reader.export.html import render_html
from reader.export.options import BriefOptions
from reader.export.select import ThemeTree, local_day
from reader.export.write import EXTENSIONS, FORMATS
from reader.settings import Settings
from reader.ui.formatting import doc_details
from reader.ui.widgets.brief_filters import Choice
from reader.workspace import Workspace

log = logging.getLogger(__name__)

KEY_OPTIONS, KEY_FORMAT, KEY_FOLDER = "brief.options", "brief.format", "brief.folder"
PREVIEW_LIMIT = 30


@dataclass(frozen=True)
class Gathered:
    """What the dialog needs from the workspace, read once."""

    inputs: BriefInputs
    themes: tuple[Choice, ...]
    documents: tuple[Choice, ...]
    authors: tuple[Choice, ...]
    first_day: dt.date | None
    total: int  # live highlights


def gather(ws: Workspace) -> Gathered:
    inputs = gather_inputs(ws)
    live = [p for p in inputs.placed if not p.highlight.deleted]
    tree = ThemeTree.of(inputs.taxonomy)
    per_theme: Counter[str] = Counter()
    for p in live:
        found: set[str] = set()
        for tid in tree.tags(p.highlight.themes):
            found.add(tid)
            found.update(tree.ancestors(tid))
        per_theme.update(found)
    themes = tuple(Choice(tid, tree.label(tid), per_theme[tid],
                          tree.by_id[tid].description, tree.parent.get(tid),
                          tree.by_id[tid].color)
                   for tid in tree.preorder)
    documents = tuple(Choice(d.id, d.title, n, f"{d.title}\n{doc_details(d)}\n{d.path}")
                      for d, n in inputs.documents_with_highlights())
    per_author = Counter(p.highlight.author.id for p in live)
    authors = tuple(Choice(a.id, a.name or "(no name)", per_author[a.id])
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
    counts = inputs.count(options)
    try:
        brief = inputs.build(options)
    except NothingToExport as exc:
        return Preview(options, counts, problem=str(exc))
    return Preview(options, counts, render_html(brief, lite=True, limit=PREVIEW_LIMIT),
                   quotes=brief.quote_count, documents=len(brief.sources),
                   themes=brief.theme_count)


# -- remembering the choices ---------------------------------------------------------------
def restore_choices(settings: Settings) -> tuple[BriefOptions, str, Path | None]:
    """The last options, format and folder; damaged values give the defaults. The cover
    date and "as of" date always start from today."""
    try:
        options = BriefOptions.from_dict(settings.get(KEY_OPTIONS, {}, type_=dict))
        options = BriefOptions.from_dict({**options.to_dict(), "date": None, "as_of": None})
    except Exception:  # a damaged setting must never stop the dialog
        log.warning("brief options in the settings are damaged; using the defaults",
                    exc_info=True)
        options = BriefOptions()
    fmt = settings.get(KEY_FORMAT, "pdf", type_=str)
    folder = settings.get(KEY_FOLDER, "", type_=str)
    path = Path(folder) if folder and len(folder) < 4096 and "\0" not in folder else None
    return options, (fmt if fmt in FORMATS else "pdf"), path


def save_choices(settings: Settings, options: BriefOptions, fmt: str,
                 folder: Path | None = None) -> None:
    try:
        settings.set(KEY_OPTIONS, options.to_dict())
        settings.set(KEY_FORMAT, fmt)
        if folder is not None:
            settings.set(KEY_FOLDER, str(folder))
    except ReaderError as exc:  # a read-only config folder must not stop an export
        log.warning("cannot remember the brief choices: %s", exc)


def resolve_target(path: str | Path, fmt: str) -> tuple[Path, str]:
    """The file to write and its format: a known extension decides the format, otherwise
    the chosen format's extension is added."""
    p = Path(path).expanduser()
    if p.suffix.lower() in EXTENSIONS:
        return p, EXTENSIONS[p.suffix.lower()]
    return p.with_name(p.name + FORMATS[fmt][1]), fmt


def file_name(title: str) -> str:
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", title).strip(" .")
    return re.sub(r"\s+", " ", name)[:80].strip() or "Brief"
