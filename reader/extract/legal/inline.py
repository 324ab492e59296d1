"""Mixed content (text with inline elements) as :class:`~.builder.Piece` lists, and the
small helpers the vocabulary readers share."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import lxml.etree as etree

from reader.extract.dates import find_dates, parse_date
from reader.extract.legal.builder import Piece
from reader.extract.legal.safe_xml import local

#: ``(target, href)`` of a cross-reference element, or ``None`` when it is not one.
LinkOf = Callable[[etree._Element], "tuple[str, str] | None"]
_BREAKS = {"br", "lb", "eol", "eop"}


def no_links(el: etree._Element) -> None:
    return None


def inline(el: etree._Element, link_of: LinkOf = no_links,
           skip: Iterable[str] = ()) -> list[Piece]:
    """The text of ``el`` and its inline children in order; elements named in ``skip``
    (footnotes, editorial markers) are left out, their tails kept."""
    skip = set(skip)
    pieces = [Piece(el.text or "")]
    for child in el:
        tag = local(child)
        if tag in skip:
            pass
        elif tag in _BREAKS:
            pieces.append(Piece(" "))
        else:
            link = link_of(child)
            if link is not None and link[0]:
                pieces.append(Piece(all_text(child), link[0], link[1]))
            else:
                pieces.extend(inline(child, link_of, skip))
        pieces.append(Piece(child.tail or ""))
    return pieces


def all_text(el: etree._Element | None) -> str:
    """Every text node under ``el``, whitespace collapsed ("" for ``None``)."""
    if el is None:
        return ""
    return " ".join("".join(el.itertext()).split())


def child(el: etree._Element, name: str) -> etree._Element | None:
    """The first child of ``el`` with local name ``name``."""
    return next((c for c in el if local(c) == name), None)


def descendants(el: etree._Element, name: str) -> Iterable[etree._Element]:
    return (d for d in el.iter() if local(d) == name)


def latest_date(values: Iterable[str]) -> str:
    """The latest ISO date among ``values`` (each an ISO date or text with dates in it)."""
    found: list[str] = []
    for value in values:
        iso = parse_date(value) if value[:4].isdigit() else ""
        found.extend([iso] if iso else [d for _, _, d in find_dates(value)])
    full = [d for d in found if len(d) == 10] or found
    return max(full, default="")


def strip_end(text: str) -> str:
    """A heading without its closing period ("Definitions." → "Definitions")."""
    text = " ".join(text.split())
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text
