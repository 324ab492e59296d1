"""Writing the workspace's highlights as a REFI-QDA project (``.qdpx``) or its theme
taxonomy as a codebook (``.qdc``).

* **Users**: every author of an exported highlight (and you), with a GUID derived from the
  annotator id and the id itself in the ``id`` attribute (so Policy Reader finds the same
  person again on import).
* **Codebook**: the whole theme taxonomy, with hierarchy, colours and descriptions.
* **Sources**: each document with an exported highlight. A PDF is a ``PDFSource`` holding
  the file, a ``PDFSelection`` rectangle per highlight where character boxes exist, and its
  extracted text as the ``Representation`` with a ``PlainTextSelection`` per highlight
  (what QualCoder reads). Other documents are ``TextSource``\\s with their extracted text.
* **Selections**: codes (themes), the note (a ``Note`` the selection refers to), the stance
  as the description (``Stance: supports``), creating and modifying user and times.
  Positions are code points of the text written beside them (see :mod:`.positions`).

Orphaned highlights (no place in the current text) are left out and counted.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.annotations.select import Selection
from reader.annotations.taxonomy import Taxonomy
from reader.errors import ExportError, NothingToExport, ReaderError
from reader.extract.boxes import BoxesError, CharBoxes
from reader.interop.refi.model import (
    ORIGIN,
    RefiCode,
    RefiProject,
    RefiSelection,
    RefiSource,
    RefiUser,
)
from reader.interop.refi.positions import rect_for_span
from reader.interop.refi.xml_write import codebook_xml, project_xml
from reader.jsonio import atomic_write_bytes
from reader.model.annotations import Author, Placed, now_utc

if TYPE_CHECKING:
    from reader.workspace import Workspace

NS = uuid.UUID("6f1d2c4a-8b3e-5f70-9a1c-2e4d6b8f0a13")
STANCE_PREFIX = "Stance: "


def guid_for(kind: str, key: str) -> str:
    """A stable GUID for one of our ids (a theme, an author, a document)."""
    return str(uuid.uuid5(NS, f"{kind}:{key}"))


def highlight_guid(hid: str) -> str:
    tail = hid.rsplit(":", 1)[-1]
    try:
        return str(uuid.UUID(tail)) if hid.startswith("urn:uuid:") else guid_for("h", hid)
    except ValueError:
        return guid_for("h", hid)


@dataclass(frozen=True)
class ExportSummary:
    highlights: int
    sources: int
    codes: int
    users: int
    orphans_left_out: int = 0
    without_rectangles: int = 0  # PDF highlights with no character boxes (text only)


def origin() -> str:
    return f"{ORIGIN} {__version__}"


def codebook(tax: Taxonomy, extra: dict[str, str] | None = None) -> tuple[RefiCode, ...]:
    """The taxonomy as codes (children under their parents); ``extra`` adds codes for theme
    ids used by highlights but not in the taxonomy (``{id: name}``)."""
    def build(parent: str | None) -> tuple[RefiCode, ...]:
        return tuple(RefiCode(guid_for("theme", t.id), t.label, t.color.lower(),
                              t.description, True, build(t.id))
                     for t in tax.children(parent))

    codes = build(None)
    for tid, name in sorted((extra or {}).items()):
        codes += (RefiCode(guid_for("theme", tid), name, "", "", True, ()),)
    return codes


def _user(author: Author, names: bool, n: int) -> RefiUser:
    if names:
        return RefiUser(guid_for("author", author.id), author.name, author.id)
    return RefiUser(guid_for("author", author.id), f"Annotator {n}", "")


def build_project(ws: Workspace, placed: list[Placed], *, names: bool = True,
                  notes: bool = True) -> tuple[RefiProject, ExportSummary]:
    library = ws.library()
    tax = ws.themes().taxonomy()
    me = ws.annotations().author
    users: dict[str, RefiUser] = {me.id: _user(me, names, 1)}
    unknown: dict[str, str] = {}
    by_doc: dict[str, list[Placed]] = {}
    orphans = 0
    for p in placed:
        if p.orphaned or p.highlight.deleted:
            orphans += p.orphaned
            continue
        by_doc.setdefault(p.anchor.doc_id, []).append(p)
    sources: list[RefiSource] = []
    files: dict[str, bytes] = {}
    count = no_rects = 0
    for doc_id, group in sorted(by_doc.items(), key=lambda kv: kv[1][0].highlight.doc_path):
        doc = library.get(doc_id)
        text = library.text(doc_id).text
        guid = guid_for("doc", doc.id)
        boxes = _boxes(library, doc.id) if doc.format == "pdf" else None
        sels = []
        for p in sorted(group, key=lambda p: (p.anchor.start, p.anchor.end, p.highlight.id)):
            h = p.highlight
            if h.author.id not in users:
                users[h.author.id] = _user(h.author, names, len(users) + 1)
            codes = []
            for t in h.themes:
                tid = tax.resolve(t) or t
                if tid not in tax.by_id:
                    unknown[tid] = tid
                codes.append(guid_for("theme", tid))
            rect = rect_for_span(boxes, p.anchor.start, p.anchor.end) if boxes else None
            no_rects += doc.format == "pdf" and rect is None
            user = users[h.author.id].guid
            sels.append(RefiSelection(
                highlight_guid(h.id), p.anchor.start, p.anchor.end, rect,
                tuple(dict.fromkeys(codes)), h.note if notes else "",
                f"{STANCE_PREFIX}{h.stance.value}" if h.stance else "", user, h.created,
                h.modified, user))
            count += 1
        text_member = f"Sources/{guid}.txt"
        files[text_member] = text.encode("utf-8")
        file_member = ""
        if doc.format == "pdf":
            file_member = f"Sources/{guid}.pdf"
            try:
                files[file_member] = library.absolute_path(doc.id).read_bytes()
            except OSError as exc:
                raise ExportError(f"{doc.path} cannot be read for the project: "
                                  f"{exc.strerror or exc}.") from exc
        kind = "pdf" if doc.format == "pdf" else "text"
        sources.append(RefiSource(guid, doc.path, kind, text, text_member, file_member,
                                  tuple(sels)))
    if not count:
        raise NothingToExport("No highlight can be placed in its document's current text; "
                              "nothing was exported." if orphans else
                              "No highlight matches; nothing was exported.")
    project = RefiProject(ws.name, origin(), tuple(users.values()), codebook(tax, unknown),
                          tuple(sources), now_utc(), users[me.id].guid, files)
    return project, ExportSummary(count, len(sources), len(tax.themes) + len(unknown),
                                  len(users), orphans, no_rects)


def _boxes(library: object, doc_id: str) -> CharBoxes | None:
    try:
        data = library.boxes(doc_id)  # type: ignore[attr-defined]
        return CharBoxes.from_bytes(data) if data else None
    except (BoxesError, ReaderError, OSError):
        return None


def qdpx_bytes(project: RefiProject) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", project_xml(project))
        for member, data in sorted(project.files.items()):
            zf.writestr(member, data)
    return buf.getvalue()


def export_qdpx(ws: Workspace, *, selection: Selection = Selection(), names: bool = True,
                notes: bool = True) -> tuple[bytes, ExportSummary]:
    """The chosen highlights as a ``.qdpx`` archive, and what went in."""
    from reader.annotations.interop import select_placed
    project, summary = build_project(ws, select_placed(ws, selection), names=names,
                                     notes=notes)
    return qdpx_bytes(project), summary


def export_qdc(ws: Workspace) -> tuple[bytes, ExportSummary]:
    """The theme taxonomy as a REFI-QDA codebook (``.qdc``)."""
    tax = ws.themes().taxonomy()
    if not tax.themes:
        raise NothingToExport("The workspace has no themes; nothing was exported.")
    return codebook_xml(codebook(tax), origin()), ExportSummary(0, 0, len(tax.themes), 0)


def write(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(Path(path), data)
    except ReaderError as exc:
        raise ExportError(str(exc)) from exc
