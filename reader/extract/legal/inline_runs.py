"""Subsections a page runs together in one paragraph — "A person is guilty when: (a) he …;
(b) she …; or (c) they …" — set on lines of their own, so that each is a subsection like
those printed apart (and a quote from "(b)" is cited "(b)").

A marker starts a subsection only after a clause ends (":", ";", ".", "—", "; or") and
only in sequence: the first of its series ("(a)", "(1)", "(A)", "(i)") or the next after
one already seen in the paragraph. "under subsection (a) of this section" stays as it is.
"""

from __future__ import annotations

import logging
import re

from reader.extract.legal.builder import Piece

log = logging.getLogger(__name__)

_MARKER_RE = re.compile(
    r"(?:(?<=[:;.—])|(?<=; or)|(?<=; and))\s+"
    r"(?=\((?P<label>[a-z]{1,2}|\d{1,3}|[A-Z]{1,2}|[ivx]{1,5})\)\s)")
_LEADING_RE = re.compile(r"^\s*\((?P<label>[a-z]{1,2}|\d{1,3}|[A-Z]{1,2}|[ivx]{1,5})\)")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _family(label: str, seen: list[str]) -> str:
    if label.isdigit():
        return "digit"
    if label.isupper():
        return "upper"
    if set(label) <= set("ivx") and not (label == "i" and "h" in seen) and \
            not (label in ("v", "x") and chr(ord(label) - 1) in seen):
        return "roman"
    return "lower"


def _next(label: str, family: str) -> str:
    if family == "digit":
        return str(int(label) + 1)
    if family == "roman":
        return _ROMAN[_ROMAN.index(label) + 1] if label in _ROMAN[:-1] else ""
    if len(label) == 1 and label.lower() != "z":
        return chr(ord(label) + 1)
    return ""


def _accept(label: str, seen: list[str]) -> bool:
    if label in ("a", "1", "A", "i"):
        return True
    return any(_next(s, _family(s, seen)) == label for s in seen)


def split_runs(pieces: tuple[Piece, ...]) -> list[tuple[Piece, ...]]:
    """``pieces`` cut where a subsection marker starts inside the paragraph (never inside a
    cross-reference); one part when there is none."""
    raw = "".join(p.text for p in pieces)
    lead = _LEADING_RE.match(raw)
    seen = [lead.group("label")] if lead else []
    cuts: list[int] = []
    for m in _MARKER_RE.finditer(raw):
        label = m.group("label")
        if _accept(label, seen):
            seen.append(label)
            cuts.append(m.end())
    if not cuts or not seen or len(seen) < 2:
        return [pieces]
    out: list[tuple[Piece, ...]] = []
    current: list[Piece] = []
    pos = 0
    cut_iter = iter(cuts)
    cut = next(cut_iter, None)
    for p in pieces:
        end = pos + len(p.text)
        text, start = p.text, pos
        while cut is not None and start <= cut < end and not p.target:
            current.append(Piece(text[:cut - start]))
            out.append(tuple(current))
            current, text, start = [], text[cut - start:], cut
            cut = next(cut_iter, None)
        while cut is not None and cut < start:  # fell inside a cross-reference
            cut = next(cut_iter, None)
        current.append(Piece(text, p.target, p.href) if p.target else Piece(text))
        pos = end
    out.append(tuple(current))
    return [part for part in out if "".join(p.text for p in part).strip()]
