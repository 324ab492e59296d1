"""Reading QDA-XML (a validated ``project.qde`` or codebook) into a :class:`RefiProject`.

Text, PDF and the text of notes are read; pictures, audio, video, cases, variables, sets,
links and graphs are counted and left out. ``internal://NAME`` paths name members of the
archive's ``Sources/`` folder; an external path (``relative://``, ``absolute://``) is not
followed (nothing outside the archive is read).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from lxml import etree

from reader.errors import AnnotationFileError
from reader.interop.refi.model import (
    CODEBOOK_NS,
    PROJECT_NS,
    PdfRect,
    RefiCode,
    RefiProject,
    RefiSelection,
    RefiSource,
    RefiUser,
)
from reader.interop.refi.positions import plain_text

Fetch = Callable[[str], bytes | None]  # member name -> bytes, None when missing
SKIPPED_SOURCES = ("PictureSource", "AudioSource", "VideoSource")


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kids(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if _local(c) == name]


def _kid(el: etree._Element, name: str) -> etree._Element | None:
    found = _kids(el, name)
    return found[0] if found else None


def _text(el: etree._Element | None) -> str:
    return "" if el is None else (el.text or "")


def _time(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        t = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return t.replace(tzinfo=UTC) if t.tzinfo is None else t.astimezone(UTC)


def norm_guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


def codes_of(el: etree._Element) -> tuple[RefiCode, ...]:
    out = []
    for c in _kids(el, "Code"):
        color = (c.get("color") or "").strip()
        if len(color) == 4:  # "#abc"
            color = "#" + "".join(ch * 2 for ch in color[1:])
        out.append(RefiCode(norm_guid(c.get("guid")), (c.get("name") or "").strip(),
                            color.lower(), _text(_kid(c, "Description")).strip(),
                            (c.get("isCodable") or "true").strip() in ("true", "1"),
                            codes_of(c)))
    return tuple(out)


def read_codebook(root: etree._Element) -> RefiProject:
    codes = _kid(root, "Codes")
    return RefiProject(name="codebook", origin=root.get("origin") or "",
                       codes=codes_of(codes) if codes is not None else ())


class _ProjectReader:
    def __init__(self, root: etree._Element, fetch: Fetch, what: str) -> None:
        self.root = root
        self.fetch = fetch
        self.what = what
        self.notes: dict[str, str] = {}
        self.skipped: dict[str, int] = {}

    def member(self, path: str) -> str | None:
        path = (path or "").strip()
        if path.lower().startswith("internal://"):
            return "Sources/" + path[len("internal://"):].lstrip("/")
        return None

    def read_notes(self) -> None:
        box = _kid(self.root, "Notes")
        for note in _kids(box, "Note") if box is not None else []:
            text = _text(_kid(note, "PlainTextContent"))
            if not text and note.get("plainTextPath"):
                member = self.member(note.get("plainTextPath") or "")
                data = self.fetch(member) if member else None
                text = plain_text(data) if data is not None else ""
            self.notes[norm_guid(note.get("guid"))] = text.strip()

    def note_of(self, el: etree._Element) -> str:
        refs = [norm_guid(r.get("targetGUID")) for r in _kids(el, "NoteRef")]
        for coding in _kids(el, "Coding"):
            refs += [norm_guid(r.get("targetGUID")) for r in _kids(coding, "NoteRef")]
        texts = [self.notes[r] for r in dict.fromkeys(refs) if self.notes.get(r)]
        return "\n\n".join(texts)

    def selection(self, el: etree._Element) -> RefiSelection:
        codes = tuple(norm_guid(r.get("targetGUID")) for c in _kids(el, "Coding")
                      for r in _kids(c, "CodeRef"))
        rect = None
        start = end = -1
        if _local(el) == "PDFSelection":
            rect = PdfRect(int(el.get("page", "0")), int(el.get("firstX", "0")),
                           int(el.get("firstY", "0")), int(el.get("secondX", "0")),
                           int(el.get("secondY", "0")))
        else:
            start, end = int(el.get("startPosition", "-1")), int(el.get("endPosition", "-1"))
        return RefiSelection(
            norm_guid(el.get("guid")), start, end, rect, tuple(dict.fromkeys(codes)),
            self.note_of(el), _text(_kid(el, "Description")).strip(),
            norm_guid(el.get("creatingUser")), _time(el.get("creationDateTime")),
            _time(el.get("modifiedDateTime")), norm_guid(el.get("modifyingUser")),
            f"line {el.sourceline}")

    def text_of(self, el: etree._Element, name: str) -> tuple[str | None, str]:
        inline = _kid(el, "PlainTextContent")
        if inline is not None:
            return inline.text or "", ""
        path = el.get("plainTextPath") or ""
        if not path:
            return None, ""
        member = self.member(path)
        if member is None:
            raise AnnotationFileError(f"{self.what}: the text of source '{name}' is kept "
                                      f"outside the project ({path}), which is not read.",
                                      "Export the project with its sources included.")
        data = self.fetch(member)
        if data is None:
            raise AnnotationFileError(f"{self.what}: the text of source '{name}' "
                                      f"({member}) is missing from the archive.",
                                      "Nothing was imported.")
        return plain_text(data), member

    def source(self, el: etree._Element) -> RefiSource:
        kind = _local(el)
        name = (el.get("name") or "").strip() or norm_guid(el.get("guid"))
        if kind == "TextSource":
            text, member = self.text_of(el, name)
            sels = tuple(self.selection(s) for s in _kids(el, "PlainTextSelection"))
            file_member = ""
        else:
            rep = _kid(el, "Representation")
            text, member = self.text_of(rep, name) if rep is not None else (None, "")
            sels = tuple(self.selection(s) for s in _kids(el, "PDFSelection"))
            if rep is not None:
                sels += tuple(self.selection(s) for s in _kids(rep, "PlainTextSelection"))
            file_member = self.member(el.get("path") or "") or ""
            if file_member and self.fetch(file_member) is None:
                raise AnnotationFileError(f"{self.what}: the file of source '{name}' "
                                          f"({file_member}) is missing from the archive.",
                                          "Nothing was imported.")
        return RefiSource(norm_guid(el.get("guid")), name, "text" if kind == "TextSource"
                          else "pdf", text, member, file_member, sels,
                          norm_guid(el.get("creatingUser")), _time(el.get("creationDateTime")))

    def project(self) -> RefiProject:
        self.read_notes()
        users_el = _kid(self.root, "Users")
        users = tuple(RefiUser(norm_guid(u.get("guid")), (u.get("name") or "").strip(),
                               (u.get("id") or "").strip())
                      for u in (_kids(users_el, "User") if users_el is not None else []))
        book = _kid(self.root, "CodeBook")
        codes_el = _kid(book, "Codes") if book is not None else None
        sources: list[RefiSource] = []
        box = _kid(self.root, "Sources")
        for el in box if box is not None else []:
            kind = _local(el)
            if kind in ("TextSource", "PDFSource"):
                sources.append(self.source(el))
            elif kind in SKIPPED_SOURCES:
                self.skipped[kind] = self.skipped.get(kind, 0) + 1
        return RefiProject(self.root.get("name") or "", self.root.get("origin") or "", users,
                           codes_of(codes_el) if codes_el is not None else (),
                           tuple(sources), _time(self.root.get("creationDateTime")),
                           norm_guid(self.root.get("creatingUserGUID")))


def read_project(root: etree._Element, fetch: Fetch, what: str
                 ) -> tuple[RefiProject, dict[str, int]]:
    """The project and ``{source kind: count}`` of the sources left out."""
    if root.tag == f"{{{CODEBOOK_NS}}}CodeBook":
        return read_codebook(root), {}
    if root.tag != f"{{{PROJECT_NS}}}Project":
        raise AnnotationFileError(f"{what} is not a REFI-QDA project or codebook (its root "
                                  f"element is {etree.QName(root).localname}).")
    reader = _ProjectReader(root, fetch, what)
    return reader.project(), reader.skipped
