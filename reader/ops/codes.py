"""Statutes as codes, for every front end: a code's one-section files as collections (the
library's tree, ``policy-reader codes``), where a section stands and its neighbours (the
outline), a chapter read in order, and following a cross-reference. Read-only queries, safe
on worker threads."""

from __future__ import annotations

from collections.abc import Sequence

from reader.documents.chapter_text import chapter_text
from reader.documents.codes import code_collections, place_of
from reader.documents.links import LinkTarget, resolve
from reader.errors import DocumentNotFound
from reader.model.codes import ChapterText, CodeCollection, CodeNode, SectionPlace
from reader.model.documents import Link
from reader.workspace import Workspace

__all__ = ["ChapterText", "CodeCollection", "CodeNode", "LinkTarget", "SectionPlace",
           "chapter", "collections", "find_node", "follow_link", "section_place"]


def collections(ws: Workspace) -> tuple[CodeCollection, ...]:
    """One collection per code with one-section files in the library."""
    library = ws.library()
    return code_collections(library.documents(), library.text)


def section_place(ws: Workspace, doc_id: str,
                  known: Sequence[CodeCollection] | None = None) -> SectionPlace | None:
    """Where a section file stands in its code (None for any other document)."""
    return place_of(collections(ws) if known is None else known, doc_id)


def chapter(ws: Workspace, node: CodeNode) -> ChapterText:
    """The sections under ``node`` (a chapter, a title) as one text, in code order."""
    return chapter_text(node, ws.library().text)


def find_node(ws: Workspace, label: str) -> CodeNode:
    """A title, a chapter or a group of a code by its label ("Chapter 9E", "Title 48",
    "D.C. Code Chapter 9E"); raises :class:`DocumentNotFound` with the labels there are."""
    wanted = " ".join(label.split()).casefold()
    labels = []
    for coll in collections(ws):
        for node in coll.walk():
            if node.is_section:
                continue
            labels.append(node.label)
            if wanted in (node.label.casefold(), f"{coll.code} {node.label}".casefold()):
                return node
    hint = ("Chapters and titles here: " + ", ".join(dict.fromkeys(labels))) if labels else \
        "No code in this workspace has one-section files."
    raise DocumentNotFound(f"No chapter or title '{label}' in this workspace.", hint)


def follow_link(ws: Workspace, doc_id: str, link: Link) -> LinkTarget:
    """Where a cross-reference of document ``doc_id`` leads; raises
    :class:`DocumentNotFound` ("D.C. Code § 7-403 is not in this workspace.") when the
    section it names is not here."""
    library = ws.library()
    try:
        source = library.get(doc_id)
    except DocumentNotFound:
        source = None
    found = resolve(link, source, library.documents(), library.text)
    if found is None:
        raise DocumentNotFound(f"{link.target} is not in this workspace.",
                               "Import the file that holds it to follow this reference.")
    return found
