"""Plain, frozen data a front end shows of the group's discussion of a highlight: its reply
thread (in reading order, each reply with its depth), its links seen from it (the other
end found in the current library), replies whose highlight was removed, and the passages
one may link to (:mod:`reader.ops.discussion` makes them)."""

from __future__ import annotations

from dataclasses import dataclass

from reader.model.remarks import Link, Ref, Reply

#: Replies shown at once under a highlight; more are shown on request (a colleague's file
#: may hold thousands of replies to one highlight).
THREAD_PAGE = 50


@dataclass(frozen=True)
class ThreadEntry:
    """One reply of a thread, in reading order (each after the reply it answers)."""

    reply: Reply
    depth: int  # 1: answers the highlight itself; deeper replies are shown at the deepest level
    removed: bool = False  # a deleted reply kept because live replies answer it


@dataclass(frozen=True)
class LinkEntry:
    """A link seen from one of its highlights; the other end as the library has it now."""

    link: Link
    phrase: str  # how this passage relates to the other: "supports", "contradicted by"…
    outgoing: bool  # this highlight is the link's first passage
    other: Ref  # the other highlight (its id and remembered words)
    other_live: bool  # the other highlight is here and not deleted
    other_doc_id: str = ""  # its current document ("" when it is not in the library)
    other_title: str = ""  # that document's title (or the remembered path)
    other_author: str = ""
    other_page: str = ""

    @property
    def sentence(self) -> str:
        """``contradicted by “Supervisors approved…” (Brannock Ledger)``"""
        words = " ".join(self.other.quote.split())
        if len(words) > 90:
            words = words[:89] + "…"
        where = f" ({self.other_title})" if self.other_title else ""
        gone = "" if self.other_live else " — that highlight was removed"
        return f"{self.phrase} \u201c{words}\u201d{where}{gone}"


@dataclass(frozen=True)
class HighlightDiscussion:
    highlight_id: str
    replies: tuple[ThreadEntry, ...] = ()  # the whole thread, in reading order
    count: int = 0  # live replies
    links: tuple[LinkEntry, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.replies and not self.links


@dataclass(frozen=True)
class OrphanEntry:
    """A live reply that reaches no live highlight ("reply to a removed highlight")."""

    reply: Reply
    reason: str  # "removed", "missing" or "loop"
    quote: str  # the words of the highlight it answered, as remembered
    doc_id: str = ""  # the current document of that highlight, when known
    sentence: str = ""  # "Reply to a removed highlight: “…”"


@dataclass(frozen=True)
class LinkCandidate:
    """A highlight one may link to (the link dialog's list)."""

    highlight_id: str
    doc_id: str
    doc_title: str
    quote: str
    author: str
    page: str = ""
    themes: tuple[str, ...] = ()  # labels
    same_document: bool = False

    @property
    def search_text(self) -> str:
        return " ".join((self.quote, self.doc_title, self.author, *self.themes)).casefold()


@dataclass(frozen=True)
class DiscussionCounts:
    """Replies and links per highlight id (only highlights that have any)."""

    replies: dict[str, int]
    links: dict[str, int]

    def of(self, hid: str) -> tuple[int, int]:
        return self.replies.get(hid, 0), self.links.get(hid, 0)
