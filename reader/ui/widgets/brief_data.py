"""What the export-brief dialog works out away from its widgets: the highlights and pick
lists read from the workspace (:func:`gather`) and one preview (:func:`make_preview`) — both
operations (:mod:`reader.ops.brief`), run on the task runner — and the choices it remembers
in the user settings."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from reader.errors import ReaderError
from reader.ops import brief
from reader.ops.brief import (
    EXTENSIONS,
    FORMATS,
    BriefOptions,
    Gathered,
    Preview,
    make_preview,
)
from reader.ops.workspace import Workspace
from reader.settings import Settings
from reader.ui.formatting import doc_details

__all__ = ["Gathered", "Preview", "file_name", "gather", "make_preview", "resolve_target",
           "restore_choices", "save_choices"]

log = logging.getLogger(__name__)

KEY_OPTIONS, KEY_FORMAT, KEY_FOLDER = "brief.options", "brief.format", "brief.folder"


def gather(ws: Workspace) -> Gathered:
    """The highlights and pick lists (:func:`reader.ops.brief.gather`), with each
    document's details line for its tooltip."""
    return brief.gather(ws, details=doc_details)


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
