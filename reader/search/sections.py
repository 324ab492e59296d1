"""A statute's own section numbers, indexed apart from the citations in its text.

Searching ``48-905.05`` should put § 48-905.05 first, not § 48-905.06 because its text cites
§ 48-905.05. Both have the number in their ``cite`` field; only the first *is* that section.
So a statute's ``section`` field holds the citation of every section and subsection it
contains — ``§ 48-905.05``, ``§ 48-905.05(a)``, ``§ 48-905.05(a)(1)`` … built from its
structure (:class:`~reader.model.documents.Section` numbers, outermost first, as
:meth:`~reader.model.documents.DocText.pinpoint` joins them) and qualified by the code its
citation names (``21 U.S.C.`` → the term ``21usc:977(a)`` as well as ``977(a)``). A query
citation matching it ranks that document first (:mod:`reader.search.hits`) and its hit
opens at the section's number.

Each term's character offsets are the section number's place in the document's text (the
"(b)" of subsection (b)), not in the field's own value: the value is a list of lines
``"start end citation"`` that :class:`SectionTokenizer` reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from whoosh.analysis import Analyzer, Token, Tokenizer

from reader.model.documents import DocText, Document, Section
from reader.model.pinpoints import section_pinpoints
from reader.search.analysis import cite_terms

_LINE_RE = re.compile(r"^(\d+) (\d+) ([=*]) (.+)$")
_FIND_WINDOW = 48  # how far into a section's first line its number is looked for


@dataclass(frozen=True)
class OwnSection:
    """One section (or subsection) a document is: its citation (``"21 U.S.C. § 977(a)"``)
    and where its number stands in the text. ``whole`` marks the document's own citation
    (from its metadata, no place in the text): every term of it counts, a range's ends too."""

    citation: str
    start: int
    end: int
    whole: bool = False


def code_prefix(citation: str, number: str = "") -> str:
    """What a document's citation says before its section number: ``"D.C. Code § 48-961.05"``
    → ``"D.C. Code"``, ``"RCW 69.53A.040"`` (with ``number`` ``"§ 69.53A.040"``) → ``"RCW"``,
    ``"21 U.S.C."`` → itself."""
    citation = " ".join(citation.split())
    if "§" in citation:
        return citation.split("§", 1)[0].strip()
    bare = number.replace("§", "").strip()
    if bare and citation.endswith(bare):
        return citation[: -len(bare)].strip()
    return citation


def _number_span(text: str, section: Section) -> tuple[int, int]:
    """Where ``section``'s number is printed at its start ("§ 12-401" is printed "12-401.",
    subsection "(A)" as "A."); its first word when the number cannot be found."""
    lo = section.start
    hi = min(section.end, lo + max(_FIND_WINDOW, len(section.number) + 8))
    bare = section.number.replace("§", "").strip()
    for probe in (section.number, bare, bare.strip("()")):
        if probe:
            at = text.find(probe, lo, hi)
            if at >= 0:
                return at, at + len(probe)
    m = re.compile(r"\S+").search(text, lo, section.end)
    return (m.start(), m.end()) if m else (lo, lo)


def own_sections(doc: Document, text: DocText | None) -> list[OwnSection]:
    """The sections and subsections ``doc`` consists of (statutes only): every numbered
    section outside the history and notes whose pinpoint has a ``§``, in text order. A
    statute without such structure gives its own citation when that names a section."""
    if (doc.meta.kind or "").lower() != "statute":
        return []
    out: list[OwnSection] = []
    if text is not None:
        for pin, s in section_pinpoints(text):
            if "§" not in pin:
                continue
            start, end = _number_span(text.text, s)
            prefix = code_prefix(doc.meta.citation, pin.split("(", 1)[0])
            out.append(OwnSection(f"{prefix} {pin}".strip(), start, end))
    if not out and "§" in doc.meta.citation:
        out.append(OwnSection(" ".join(doc.meta.citation.split()), 0, 0, whole=True))
    return out


def section_value(sections: list[OwnSection]) -> str:
    """The ``section`` field's value (what :class:`SectionTokenizer` reads)."""
    return "\n".join(f"{s.start} {s.end} {'*' if s.whole else '='} "
                     f"{' '.join(s.citation.split())}" for s in sections)


def section_terms(citation: str, whole: bool = False) -> list[str]:
    """The index terms of one section's citation: the full number, plain and qualified by
    its code (``977(a)``, ``21usc:977(a)``), not its parents (§ 977 is a term of § 977's own
    line). ``whole``: every term (a document's own citation, a range)."""
    terms = cite_terms(citation)
    if whole:
        return list(dict.fromkeys(t.term for t in terms))
    end = len(citation.rstrip())
    return list(dict.fromkeys(t.term for t in terms if t.end == end))


class SectionTokenizer(Tokenizer):
    """Whoosh tokenizer over :func:`section_value` lines: each section's terms, with the
    section number's offsets in the document as their characters."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SectionTokenizer)

    def __hash__(self) -> int:
        return hash(SectionTokenizer)

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs: object) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:  # a query term, already a term
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        pos = start_pos
        for line in value.splitlines():
            m = _LINE_RE.match(line)
            if m is None:
                continue
            start, end = int(m.group(1)), int(m.group(2))
            for term in section_terms(m.group(4), whole=m.group(3) == "*"):
                t.text = term
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = term
                if positions:
                    t.pos = pos
                if chars:
                    t.startchar, t.endchar = start, end
                pos += 1
                yield t


def section_analyzer() -> Analyzer:
    return SectionTokenizer()
