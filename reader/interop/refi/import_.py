"""Importing a REFI-QDA project (``.qdpx``) or codebook (``.qdc``) made by QualCoder, NVivo,
MAXQDA, ATLAS.ti, Taguette or Policy Reader.

:func:`plan_import` reads and checks everything and says what would happen (an
:class:`ImportPlan`, the preview); :func:`apply_import` does it. Nothing is written by a
plan, and a file with any problem is refused whole (:class:`AnnotationFileError` saying what
and where).

* Codes are merged into the theme taxonomy (:mod:`.codes`).
* Sources are matched to workspace documents by content (the PDF's bytes, or the same
  text), else by name; a source not in the workspace can be added (its PDF, or its text as
  a ``.txt`` file, under ``imported/<project>/``).
* Each selection becomes a highlight attributed to its user, written to that user's own
  annotation file (``annotations/<id>.json``; shown read-only, like any colleague's). The
  id is the one Policy Reader exported, else ``refi-<user guid>``. Your own highlights (a
  project you exported) merge into your file; ``as_mine`` makes every highlight yours.
* Positions are mapped onto our text (:mod:`.positions`) and checked by quote: a highlight
  is *placed* (the same words at the same place), *moved* (found by its words elsewhere)
  or *orphaned* (kept with its quote, listed like any orphan).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reader.annotations.anchoring import anchor, make_quote
from reader.annotations.identity import AUTHOR_ID_RE
from reader.errors import AnnotationFileError, ReaderError
from reader.extract.boxes import BoxesError, CharBoxes
from reader.interop.refi import archive, schema
from reader.interop.refi.codes import CodePlan, plan_codes
from reader.interop.refi.export import STANCE_PREFIX
from reader.interop.refi.model import RefiProject, RefiSelection, RefiSource, RefiUser
from reader.interop.refi.positions import canonical, span_for_rect
from reader.interop.refi.xml_read import read_project
from reader.interop.refi.xml_write import pdf_selection_guid
from reader.model.annotations import AnchorStatus, Author, Highlight, Stance, TextQuote, now_utc
from reader.model.documents import DocText, Document

if TYPE_CHECKING:
    from reader.workspace import Workspace

MAX_QDC = 64 * 1024**2


@dataclass(frozen=True)
class Pending:
    """A highlight waiting for its theme ids (new codes get theirs when applied)."""

    highlight: Highlight
    codes: tuple[str, ...]
    source: str  # source guid
    status: AnchorStatus | None  # None: its source is not in the workspace yet


@dataclass(frozen=True)
class ImportPlan:
    path: str
    kind: str  # "project" | "codebook"
    name: str
    origin: str
    users: tuple[tuple[str, str, int], ...] = ()  # (name, author id, highlights)
    codes_merged: tuple[str, ...] = ()
    codes_new: tuple[str, ...] = ()
    sources_matched: tuple[tuple[str, str], ...] = ()  # (source name, document path)
    sources_to_add: tuple[str, ...] = ()
    added: int = 0  # highlights new to this workspace
    already: int = 0  # highlights it has already (same id, not newer)
    placed: int = 0
    moved: int = 0
    orphaned: int = 0
    on_new_sources: int = 0  # placed once their sources are added
    left_out: tuple[str, ...] = ()  # what was not read (pictures, audio…)
    pending: tuple[Pending, ...] = field(default=(), repr=False, compare=False)
    code_plan: CodePlan | None = field(default=None, repr=False, compare=False)
    project: RefiProject | None = field(default=None, repr=False, compare=False)
    listing: archive.Listing | None = field(default=None, repr=False, compare=False)
    authors: dict[str, Author] = field(default_factory=dict, repr=False, compare=False)


# -- reading ---------------------------------------------------------------------------------
def read(path: Path) -> tuple[RefiProject, archive.Listing | None, dict[str, int]]:
    """The checked project (or codebook) in ``path``."""
    path = Path(path)
    what = path.name
    if path.suffix.lower() == ".qdc":
        try:
            if path.stat().st_size > MAX_QDC:
                raise AnnotationFileError(f"{what} is larger than {MAX_QDC // 1024**2} MB; "
                                          "it is not read.")
            data = path.read_bytes()
        except OSError as exc:
            raise AnnotationFileError(f"{what} cannot be read: {exc.strerror or exc}.") from exc
        root = schema.parse(data, what)
        schema.validate(root, "codebook" if "codebook" in str(root.tag) else "project", what)
        project, skipped = read_project(root, lambda _m: None, what)
        return project, None, skipped
    listing = archive.open_listing(path)
    member = listing.find(archive.PROJECT_MEMBER) or next(
        (m for m in listing.members if "/" not in m and m.lower().endswith(".qde")), None)
    if member is None:
        raise AnnotationFileError(f"{what} is a zip archive but holds no project.qde; it is "
                                  "not a REFI-QDA project.")
    root = schema.parse(archive.read_member(listing, member), f"{what} ({member})")
    schema.validate(root, "project", f"{what} ({member})")

    def fetch(name: str) -> bytes | None:
        found = listing.find(name)
        return archive.read_member(listing, found) if found else None

    project, skipped = read_project(root, fetch, what)
    _check_references(project, what)
    return project, listing, skipped


def _check_references(project: RefiProject, what: str) -> None:
    known = {c.guid for c, _p in project.all_codes()}
    for src in project.sources:
        length = len(src.plain_text) if src.plain_text is not None else None
        for sel in src.selections:
            for code in sel.codes:
                if code not in known:
                    raise AnnotationFileError(
                        f"{what}: a selection in source '{src.name}' ({sel.where}) is coded "
                        f"with code {code}, which the codebook does not define.",
                        "Nothing was imported.")
            if sel.rect is not None:
                continue
            if length is None:
                raise AnnotationFileError(f"{what}: source '{src.name}' has text selections "
                                          f"({sel.where}) but no text.",
                                          "Nothing was imported.")
            if not 0 <= sel.start < sel.end <= length:
                raise AnnotationFileError(
                    f"{what}: a selection in source '{src.name}' ({sel.where}) runs from "
                    f"{sel.start} to {sel.end}, but the source's text has {length:,} "
                    "characters.", "Nothing was imported.")


# -- planning --------------------------------------------------------------------------------
def author_for(user: RefiUser | None, guid: str, project: RefiProject) -> Author:
    if user is not None and project.from_policy_reader and AUTHOR_ID_RE.match(user.id):
        return Author(user.id, user.name or user.id)
    name = (user.name if user is not None else "") or f"QDA user {guid[:8] or 'unknown'}"
    return Author(f"refi-{guid}" if guid else "refi-unknown", name)


class _Matcher:
    """Finds the workspace document for a source: same bytes, same text, else same name."""

    def __init__(self, ws: Workspace) -> None:
        self.library = ws.library()
        self.docs = [d for d in self.library.documents() if d.status.readable]

    def text(self, doc: Document) -> DocText | None:
        try:
            return self.library.text(doc.id)
        except ReaderError:
            return None

    def match(self, src: RefiSource, file_bytes: bytes | None, canon: str | None,
              added: str = "") -> Document | None:
        if added:
            hit = next((d for d in self.docs if d.path == added), None)
            if hit is not None:
                return hit
        if file_bytes is not None:
            digest = hashlib.sha256(file_bytes).hexdigest()
            hit = next((d for d in self.docs if d.id == digest), None)
            if hit is not None:
                return hit
        if canon is not None:
            for d in self.docs:
                if d.chars == len(canon) or d.chars == 0:
                    t = self.text(d)
                    if t is not None and t.text == canon:
                        return d
        name = src.name.replace("\\", "/")
        base = name.rsplit("/", 1)[-1].casefold()
        for test in (lambda d: d.path == name,
                     lambda d: d.path.rsplit("/", 1)[-1].casefold() == base,
                     lambda d: d.title.casefold() == name.casefold()):
            hits = [d for d in self.docs if test(d)]
            if len(hits) == 1:
                return hits[0]
        return None


def _stance(description: str) -> Stance | None:
    m = re.match(rf"^{STANCE_PREFIX}(\w+)", description)
    try:
        return Stance(m.group(1)) if m else None
    except ValueError:
        return None


def plan_import(ws: Workspace, path: str | Path, *, added: dict[str, str] | None = None
                ) -> ImportPlan:
    """Read and check ``path``; what importing it would do. Writes nothing. ``added``:
    ``{source guid: document path}`` of sources just copied into the workspace."""
    project, listing, skipped = read(Path(path))
    tax = ws.themes().taxonomy()
    code_plan = plan_codes(project, tax)
    left_out = tuple(f"{n} {k.replace('Source', '').lower()} source(s)"
                     for k, n in sorted(skipped.items()))
    base = ImportPlan(str(path), "codebook" if project.name == "codebook" and listing is None
                      and not project.sources else "project", project.name, project.origin,
                      codes_merged=code_plan.merged_labels, codes_new=code_plan.new_labels,
                      left_out=left_out, code_plan=code_plan, project=project,
                      listing=listing)
    if not project.sources:
        return base
    store = ws.annotations()
    existing = {h.id: h for h in store.all(include_deleted=True)}
    users = {u.guid: u for u in project.users}
    matcher = _Matcher(ws)
    pending: list[Pending] = []
    authors: dict[str, Author] = {}
    matched: list[tuple[str, str]] = []
    to_add: list[str] = []
    counts = {"added": 0, "already": 0, "placed": 0, "moved": 0, "orphaned": 0, "new": 0}
    now = now_utc()
    for src in project.sources:
        canon, starts, ends = canonical(src.plain_text) if src.plain_text is not None else \
            (None, [], [])
        file_bytes = None
        if src.file_member and listing is not None:
            found = listing.find(src.file_member)
            file_bytes = archive.read_member(listing, found) if found else None
        doc = matcher.match(src, file_bytes, canon, (added or {}).get(src.guid, ""))
        doc_text = matcher.text(doc) if doc is not None else None
        if doc is not None:
            matched.append((src.name, doc.path))
        else:
            to_add.append(src.name)
        boxes = _boxes(matcher.library, doc.id) if doc is not None and doc.format == "pdf" \
            else None
        text_guids = {s.guid for s in src.selections if s.rect is None}
        spans: set[tuple[int, int]] = set()
        for sel in sorted(src.selections, key=lambda s: s.rect is not None):
            if sel.rect is not None:
                if pdf_selection_guid(sel.guid) in text_guids or any(
                        pdf_selection_guid(g) == sel.guid for g in text_guids):
                    continue  # our own export: the text selection carries it
                span = (span_for_rect(boxes, sel.rect, len(doc_text.text))
                        if boxes is not None and doc_text is not None else None)
                if span is None or span in spans:
                    counts["orphaned"] += span is None
                    continue
                text, (s, e) = doc_text.text, span  # type: ignore[union-attr]
            else:
                assert canon is not None
                text, s, e = canon, starts[sel.start], ends[sel.end]
            spans.add((s, e))
            author = author_for(users.get(sel.user), sel.user, project)
            authors[author.id] = author
            h = _highlight(sel, author, text, s, e, doc, project, now, src.name)
            old = existing.get(h.id)
            if old is not None and old.modified >= h.modified:
                counts["already"] += 1
                continue
            counts["added"] += 1
            status = None
            if doc_text is not None:
                status = anchor(h, doc_text).status
                counts[{AnchorStatus.ANCHORED: "placed", AnchorStatus.MOVED: "moved",
                        AnchorStatus.ORPHANED: "orphaned"}[status]] += 1
            else:
                counts["new"] += 1
            pending.append(Pending(h, sel.codes, src.guid, status))
    per_user: dict[str, int] = {}
    for p in pending:
        per_user[p.highlight.author.id] = per_user.get(p.highlight.author.id, 0) + 1
    return replace(base, users=tuple((authors[a].name, a, n) for a, n in per_user.items()),
                   sources_matched=tuple(matched), sources_to_add=tuple(to_add),
                   added=counts["added"], already=counts["already"], placed=counts["placed"],
                   moved=counts["moved"], orphaned=counts["orphaned"],
                   on_new_sources=counts["new"], pending=tuple(pending), authors=authors)


def _highlight(sel: RefiSelection, author: Author, text: str, s: int, e: int,
               doc: Document | None, project: RefiProject, now: datetime,
               source_name: str) -> Highlight:
    created = sel.created or project.created or now
    quote = make_quote(text, s, e) if e > s else TextQuote("")
    return Highlight(
        id=f"urn:uuid:{sel.guid}", doc_id=doc.id if doc else "",
        doc_path=doc.path if doc else source_name, start=s, end=e, quote=quote, author=author,
        created=created, modified=max(sel.modified or created, created),
        note=sel.note, stance=_stance(sel.description))


def _boxes(library: object, doc_id: str) -> CharBoxes | None:
    try:
        data = library.boxes(doc_id)  # type: ignore[attr-defined]
        return CharBoxes.from_bytes(data) if data else None
    except (BoxesError, ReaderError, OSError):
        return None
