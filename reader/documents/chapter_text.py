"""A chapter of a code read in order: its section files' texts one after another, as one
:class:`~reader.model.codes.ChapterText` (sections, notes and cross-references kept, their
offsets moved to the chapter's text), so a person can read §§ 48-961.01–48-961.12 through
without opening twelve files."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from reader.errors import ReaderError
from reader.model.codes import ChapterPart, ChapterText, CodeNode
from reader.model.documents import DocText, Link, Page, Section

log = logging.getLogger(__name__)

SEPARATOR = "\n\n"


def chapter_text(node: CodeNode, text_of: Callable[[str], DocText]) -> ChapterText:
    """The sections under ``node`` (a chapter, a title, a group) read as one text. A section
    that cannot be read now is left out with a line saying so in its place."""
    pieces: list[str] = []
    parts: list[ChapterPart] = []
    sections: list[Section] = []
    links: list[Link] = []
    pos = 0
    for sec in node.sections():
        try:
            text = text_of(sec.doc_id)
        except ReaderError as exc:
            log.info("chapter %s: %s not read: %s", node.label, sec.label, exc)
            text = DocText(sec.doc_id, f"{sec.text}\n[This section cannot be shown: "
                                       f"{exc.message}]", ())
        if pieces:
            pieces.append(SEPARATOR)
            pos += len(SEPARATOR)
        body = text.text
        pieces.append(body)
        parts.append(ChapterPart(sec.doc_id, sec.label, pos, pos + len(body)))
        sections += [replace(s, start=s.start + pos, end=s.end + pos) for s in text.sections]
        links += [replace(k, start=k.start + pos, end=k.end + pos) for k in text.links]
        pos += len(body)
    full = "".join(pieces)
    doc_id = "chapter:" + ",".join(p.doc_id[:12] for p in parts)
    page = (Page(1, 0, len(full), ""),) if full else ()
    return ChapterText(node.text, DocText(doc_id, full, page, tuple(sections), tuple(links)),
                       tuple(parts))
