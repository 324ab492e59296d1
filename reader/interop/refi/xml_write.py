"""Writing a :class:`RefiProject` as QDA-XML (``project.qde``) or a codebook (``.qdc``)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from lxml import etree

from reader.interop.refi.model import (
    CODEBOOK_NS,
    PROJECT_NS,
    RefiCode,
    RefiProject,
    RefiSelection,
    RefiSource,
)


def _dt(t: datetime | None) -> str | None:
    if t is None:
        return None
    return t.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _set(el: etree._Element, **attrs: object) -> etree._Element:
    for k, v in attrs.items():
        if v is not None and v != "":
            el.set(k, str(v))
    return el


class _Writer:
    def __init__(self, ns: str) -> None:
        self.ns = ns
        self.notes: list[tuple[str, str, RefiSelection]] = []  # (note guid, text, owner)

    def el(self, parent: etree._Element | None, tag: str, **attrs: object) -> etree._Element:
        name = f"{{{self.ns}}}{tag}"
        e = etree.Element(name, nsmap={None: self.ns}) if parent is None else \
            etree.SubElement(parent, name)
        return _set(e, **attrs)

    def code(self, parent: etree._Element, code: RefiCode) -> None:
        e = self.el(parent, "Code", guid=code.guid, name=code.name,
                    isCodable="true" if code.codable else "false", color=code.color or None)
        if code.description:
            self.el(e, "Description").text = code.description
        for child in code.children:
            self.code(e, child)

    def codes(self, parent: etree._Element, codes: tuple[RefiCode, ...]) -> None:
        box = self.el(parent, "Codes")
        for c in codes:
            self.code(box, c)

    def selection(self, parent: etree._Element, sel: RefiSelection, tag: str) -> None:
        attrs: dict[str, object] = {"guid": sel.guid}
        if sel.rect is not None and tag == "PDFSelection":
            attrs["guid"] = pdf_selection_guid(sel.guid)
            r = sel.rect
            attrs.update(page=r.page, firstX=r.first_x, firstY=r.first_y,
                         secondX=r.second_x, secondY=r.second_y)
        else:
            attrs.update(startPosition=sel.start, endPosition=sel.end)
        attrs.update(creatingUser=sel.user or None, creationDateTime=_dt(sel.created),
                     modifyingUser=sel.modifying_user or None,
                     modifiedDateTime=_dt(sel.modified))
        e = self.el(parent, tag, **attrs)
        if sel.description:
            self.el(e, "Description").text = sel.description
        for i, code in enumerate(sel.codes):
            coding = self.el(e, "Coding", guid=_derived(sel.guid, f"{tag}-coding-{i}"),
                             creatingUser=sel.user or None,
                             creationDateTime=_dt(sel.created))
            self.el(coding, "CodeRef", targetGUID=code)
        if sel.note:
            note_guid = _derived(sel.guid, f"{tag}-note")
            self.notes.append((note_guid, sel.note, sel))
            self.el(e, "NoteRef", targetGUID=note_guid)

    def text_source(self, parent: etree._Element, src: RefiSource, tag: str,
                    guid: str) -> None:
        e = self.el(parent, tag, guid=guid, name=src.name,
                    plainTextPath=f"internal://{src.text_member.rsplit('/', 1)[-1]}",
                    creatingUser=src.user or None, creationDateTime=_dt(src.created))
        for sel in src.selections:
            if sel.start >= 0:
                self.selection(e, sel, "PlainTextSelection")


def _derived(guid: str, what: str) -> str:
    return str(uuid.uuid5(uuid.UUID(guid), what))


def pdf_selection_guid(selection_guid: str) -> str:
    """A PDF rectangle's guid: derived from its text selection's (both are written)."""
    return _derived(selection_guid, "pdf-selection")


def representation_guid(source_guid: str) -> str:
    return _derived(source_guid, "representation")


def project_xml(project: RefiProject) -> bytes:
    w = _Writer(PROJECT_NS)
    root = w.el(None, "Project", name=project.name, origin=project.origin,
                creatingUserGUID=project.creating_user or None,
                creationDateTime=_dt(project.created))
    if project.users:
        users = w.el(root, "Users")
        for u in project.users:
            w.el(users, "User", guid=u.guid, name=u.name, id=u.id or None)
    if project.codes:
        w.codes(w.el(root, "CodeBook"), project.codes)
    if project.sources:
        sources = w.el(root, "Sources")
        for src in project.sources:
            if src.kind == "pdf":
                e = w.el(sources, "PDFSource", guid=src.guid, name=src.name,
                         path=f"internal://{src.file_member.rsplit('/', 1)[-1]}",
                         creatingUser=src.user or None, creationDateTime=_dt(src.created))
                for sel in src.selections:
                    if sel.rect is not None:
                        w.selection(e, sel, "PDFSelection")
                w.text_source(e, src, "Representation", representation_guid(src.guid))
            else:
                w.text_source(sources, src, "TextSource", src.guid)
    if w.notes:
        notes = w.el(root, "Notes")
        for guid, text, sel in w.notes:
            n = w.el(notes, "Note", guid=guid, name="Note", creatingUser=sel.user or None,
                     creationDateTime=_dt(sel.modified or sel.created))
            w.el(n, "PlainTextContent").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def codebook_xml(codes: tuple[RefiCode, ...], origin: str) -> bytes:
    w = _Writer(CODEBOOK_NS)
    root = w.el(None, "CodeBook", origin=origin)
    w.codes(root, codes)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
