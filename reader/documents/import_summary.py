"""The summary of one import (:class:`reader.model.imports.ImportSummary`): what the copy
did (:class:`~reader.documents.importing.CopyReport`) and how each copied file was read,
grouped by what happened and why, with the code sections two files now claim
(:func:`reader.documents.code_sections.duplicate_sections`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from reader.documents.code_sections import duplicate_sections
from reader.documents.importing import CopyReport
from reader.model.documents import DocStatus, Document
from reader.model.imports import (
    NO_TEXT,
    RENAMED,
    AlreadyInLibrary,
    FileGroup,
    ImportSummary,
)

#: how a status reads as a group's first words ("2 damaged: …")
_WHAT = {DocStatus.UNSUPPORTED: "unsupported", DocStatus.DAMAGED: "damaged",
         DocStatus.PASSWORD: "password-protected", DocStatus.TOO_LARGE: "too large",
         DocStatus.NOT_INSTALLED: "not read (an extractor is not installed)"}


def general_reason(reason: str, path: str) -> str:
    """A document's reason without its file name, so files can share it:
    ``"feed.xml: XML vocabulary ‹rss› not known."`` → ``"XML vocabulary ‹rss› not known"``."""
    name = path.rsplit("/", 1)[-1]
    text = " ".join(reason.split())
    if name and text.startswith(name + ":"):
        text = text[len(name) + 1:].strip()
    return re.sub(r"[.;]+$", "", text)


def _groups(items: Iterable[tuple[str, str, str, str]]) -> tuple[FileGroup, ...]:
    """(what, reason, file, detail) → groups in first-seen order."""
    order: dict[tuple[str, str], tuple[list[str], list[str]]] = {}
    for what, reason, name, detail in items:
        files, details = order.setdefault((what, reason), ([], []))
        files.append(name)
        if detail:
            details.append(detail)
    return tuple(FileGroup(what, reason, tuple(files),
                           tuple(details) if len(details) == len(files) else ())
                 for (what, reason), (files, details) in order.items())


def _already(name: str, doc: Document | None) -> AlreadyInLibrary:
    """A file not copied, as the document it already is (a folder inside the workspace, or
    a file gone while the import ran, has none)."""
    if doc is None:
        return AlreadyInLibrary(name)
    return AlreadyInLibrary(name, doc.id, doc.title, doc.path)


def summarize(report: CopyReport, documents: Iterable[Document],
              by_path: Mapping[str, str]) -> ImportSummary:
    """The import's summary, once the library has read what was copied. ``by_path``:
    workspace path → document id (a copied file is found by its path; a file not copied by
    its content hash, which is the id of the document it already is)."""
    docs = {d.id: d for d in documents}
    imported: list[str] = []
    skipped: list[tuple[str, str, str, str]] = [
        (s.what, s.reason, s.name, s.detail) for s in report.skips]
    notes: list[tuple[str, str, str, str]] = [
        (RENAMED, "their names were not valid UTF-8 text", given, f"{given} → {rel}")
        for given, rel in report.renamed]
    for rel in report.copied:
        doc = docs.get(by_path.get(rel, ""))
        if doc is None or doc.status in (DocStatus.OK, DocStatus.PENDING):
            imported.append(rel)
        elif doc.status is DocStatus.NO_TEXT:
            imported.append(rel)
            notes.append((NO_TEXT, general_reason(doc.reason, rel) or "scanned pages",
                          rel, ""))
        else:
            what = _WHAT.get(doc.status, doc.status.value)
            skipped.append((what, general_reason(doc.reason, rel), rel, ""))
    new = set(report.copied)
    claims = tuple(c for c in duplicate_sections(docs.values()) if new & set(c.paths))
    already = tuple(_already(name, docs.get(digest)) for name, digest in report.present)
    return ImportSummary(imported=tuple(imported), already_present=already,
                         skipped=_groups(skipped), notes=_groups(notes), claims=claims)
