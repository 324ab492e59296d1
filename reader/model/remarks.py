"""Plain, frozen data for what people say *about* highlights: replies and typed links.

A :class:`Reply` answers a highlight (anyone's) or another reply; a :class:`Link` joins two
highlights, possibly in different documents, with a :class:`Relation` ("this memo passage
*implements* that statute section"). Both are W3C Web Annotations (motivations
``replying`` and ``linking``) stored in the file of the person who made them, and merged
like highlights: by id, the newest ``modified`` wins, a deletion is a tombstone.

Each keeps a :class:`Ref` of what it points at: the id, and the quoted words and document
path as they were when the reply or link was made, so a reply whose highlight was removed
can still say what it answered ("reply to a removed highlight: “…”").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from reader.model.annotations import Author, Highlight, TextQuote


class Relation(StrEnum):
    """How the first passage of a link relates to the second."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    IMPLEMENTS = "implements"  # e.g. a memo passage implementing a statute section
    CITES = "cites"
    RESPONDS_TO = "responds-to"

    @property
    def label(self) -> str:
        """Read from the first passage: "supports", "responds to"."""
        return self.value.replace("-", " ")

    @property
    def inverse_label(self) -> str:
        """Read from the second passage: "supported by", "responded to by"."""
        return {Relation.SUPPORTS: "supported by", Relation.CONTRADICTS: "contradicted by",
                Relation.IMPLEMENTS: "implemented by", Relation.CITES: "cited by",
                Relation.RESPONDS_TO: "responded to by"}[self]

    @property
    def symmetric(self) -> bool:
        """A contradiction runs both ways: each end is "contradicted by" the other."""
        return self is Relation.CONTRADICTS


@dataclass(frozen=True)
class Ref:
    """What a reply or link points at: an annotation id, with the highlighted words and
    the document path remembered from when it was made (empty when unknown)."""

    id: str
    quote: str = ""
    doc_path: str = ""


@dataclass(frozen=True)
class Reply:
    id: str
    target: Ref  # the highlight (or reply) answered
    author: Author
    created: datetime
    modified: datetime
    text: str = ""  # Markdown
    resolves: str = ""  # the key of a disagreement this reply settles ("agree to differ")
    deleted: bool = False  # tombstone
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # foreign fields

    @property
    def quote(self) -> TextQuote:
        """The words of the highlight the thread is about (what lists show)."""
        return TextQuote(self.target.quote)


@dataclass(frozen=True)
class Link:
    id: str
    source: Ref  # the first passage: "source <relation> target"
    target: Ref
    relation: Relation
    author: Author
    created: datetime
    modified: datetime
    note: str = ""  # Markdown
    deleted: bool = False
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def quote(self) -> TextQuote:
        return TextQuote(self.source.quote)

    def ends(self) -> tuple[str, str]:
        return self.source.id, self.target.id


#: A reply or a link.
Remark = Reply | Link
#: Anything an author file holds: a highlight, a reply or a link.
Record = Highlight | Reply | Link


def ref_to(record: Record) -> Ref:
    """The :class:`Ref` a new reply or link keeps of ``record`` (a reply to a reply keeps
    the quote of the highlight its thread is about)."""
    if isinstance(record, Highlight):
        return Ref(record.id, record.quote.exact, record.doc_path)
    if isinstance(record, Reply):
        return Ref(record.id, record.target.quote, record.target.doc_path)
    return Ref(record.id, record.source.quote, record.source.doc_path)


def split_records(records: Iterable[Record]) -> tuple[list[Highlight], list[Remark]]:
    """(highlights, replies and links) of ``records``, each in its order."""
    highlights: list[Highlight] = []
    remarks: list[Remark] = []
    for r in records:
        (highlights if type(r) is Highlight else remarks).append(r)  # type: ignore[arg-type]
    return highlights, remarks
