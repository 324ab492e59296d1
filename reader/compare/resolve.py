"""Resolving a disagreement: each way is an ordinary edit by the person resolving, in their
own file — adopt a colleague's themes or stance on your highlight, copy a passage someone
else marked into your own highlights, withdraw your highlight, or agree to differ (a reply
that settles it, :attr:`~reader.model.remarks.Reply.resolves`). Nobody's file but your own
is ever written."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from reader.errors import AnnotationError
from reader.model.compare import Disagreement, DisagreementKind
from reader.model.remarks import Record

DIFFER_TEXT = "We read this passage differently and keep both readings."


class Resolution(StrEnum):
    ADOPT = "adopt"  # take another person's themes (or stance) on your highlight
    COPY = "copy"  # make your own copy of a passage only someone else marked
    WITHDRAW = "withdraw"  # delete your highlight(s) of the passage
    DIFFER = "differ"  # agree to differ: a reply that settles it

    @property
    def label(self) -> str:
        return {Resolution.ADOPT: "Use their reading on my highlight",
                Resolution.COPY: "Copy it to my highlights",
                Resolution.WITHDRAW: "Remove my highlight",
                Resolution.DIFFER: "Agree to differ"}[self]


def options(d: Disagreement, me: str) -> list[Resolution]:
    """What the person ``me`` (an author id) can do about ``d``."""
    mine = any(a.id == me for a in d.authors)
    out = []
    if d.kind is DisagreementKind.ONLY_ONE:
        out.append(Resolution.WITHDRAW if mine else Resolution.COPY)
    elif mine:
        out += [Resolution.ADOPT, Resolution.WITHDRAW]
    out.append(Resolution.DIFFER)
    return out


def resolve(store: Any, d: Disagreement, how: Resolution | str, *, source: str = "",
            text: str = "") -> list[Record]:
    """Apply ``how`` through ``store`` (an :class:`AnnotationStore`) as its current author;
    ``source`` is the author id whose reading to adopt (default: the first other person);
    ``text`` is the reply for :attr:`Resolution.DIFFER`. Returns what was written."""
    how = Resolution(how)
    me = store.author.id
    if how not in options(d, me):
        raise AnnotationError(f"'{how.label}' does not apply to this passage.")
    mine = [hid for hid in d.highlights if store.get(hid).author.id == me]
    if how is Resolution.WITHDRAW:
        return [store.delete(hid) for hid in mine]
    if how is Resolution.COPY:
        return [store.copy_to_mine(hid) for hid in d.highlights]
    if how is Resolution.DIFFER:
        target = mine[0] if mine else d.highlights[0]
        return [store.reply(target, text.strip() or DIFFER_TEXT, resolves=d.key)]
    other = source or next((a.id for a in d.authors if a.id != me), "")
    if d.kind is DisagreementKind.THEMES:
        theirs = dict(d.themes).get(other)
        if theirs is None:
            raise AnnotationError("That person chose no themes on this passage.")
        return [store.update(hid, themes=list(theirs)) for hid in mine]
    stance = dict(d.stances).get(other, "")
    if not stance or "/" in stance:
        raise AnnotationError("That person's stance on this passage is not a single one.")
    return [store.update(hid, stance=stance) for hid in mine]
