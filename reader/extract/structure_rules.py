"""The patterns and small tests :mod:`reader.extract.structure` recognises headings with:
heading and section regexes, roman numerals, the shape of a heading line, and the stack of
subsection markers inside a statute section."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reader.extract.roman import roman_value as roman_value  # (structure re-exports them)
from reader.extract.roman import to_roman as to_roman

_NUM = r"\d+[A-Za-z]?(?:[-.:–]\d+[A-Za-z]?)*"
_SECTION_RE = re.compile(
    r"(?P<code>\d+\s+[A-Z][\w.]*(?:\s+[A-Z&][\w.]*){0,4}\s+)?"
    r"(?P<kw>§|Section|SECTION|Sec\.|SEC\.)\s*(?P<num>" + _NUM + r")(?P<rest>.*)")
#: "12-401. Short title." / "4-210." (New Mexico, Maryland): a bare chapter-section number.
_BARE_SECTION_RE = re.compile(r"(?P<num>\d{1,4}[A-Z]?(?:-\d{1,4}[A-Z]?)+(?:\.\d+)?)\."
                              r"(?P<rest>(?:\s+[A-Z\"“(].*)?)")
_DOT_MARKER_RE = re.compile(r"(?P<m>[A-Z]|\d{1,2})\.\s+(?=\S)")
_DIVISION_RE = re.compile(
    r"(?P<kw>PART|Part|ARTICLE|Article|CHAPTER|Chapter|SUBCHAPTER|Subchapter|TITLE|Title|"
    r"DIVISION|Division|SUBTITLE|Subtitle)\s+(?P<num>[IVXLC]+|\d+[A-Z]?(?:[-.]\d+)?|[A-Z])"
    r"(?P<rest>.*)")
_ROMAN_HEAD_RE = re.compile(r"(?P<num>[IVXL]{1,6})\.\s+(?P<rest>\S.*)")
_LETTER_HEAD_RE = re.compile(r"(?P<num>[A-H])\.\s+(?P<rest>[A-Z].*)")
_NUMBER_HEAD_RE = re.compile(r"(?P<num>\d{1,2})\.\s+(?P<rest>[A-Z].*)")
_DECIMAL_HEAD_RE = re.compile(r"(?P<major>\d{1,2})\.(?P<minor>\d{1,2})\.?\s+(?P<rest>[A-Z“\"].*)")
#: Mixed-case headings common enough in reports and memos to be recognised by their words.
_KNOWN_HEAD_RE = re.compile(
    r"(?:executive summary|summary|introduction|background|conclusions?|recommendations|"
    r"key (?:findings|recommendations)(?: at a glance)?|findings|methods|methodology|"
    r"discussion|acknowledge?ments|references|endnotes|about this (?:report|memo)|"
    r"analysis|facts|statement of (?:the )?(?:facts|case)|standard of review|"
    r"procedural (?:history|background)|jurisdiction|proceedings below|"
    r"(?:appendix|annex) [A-Z\d]{1,3}\b[^.]{0,80})", re.IGNORECASE)
_CONTENTS_RE = re.compile(r"(?:table of )?contents", re.IGNORECASE)
_BARE_NUMERAL_RE = re.compile(r"(?P<num>[IVXL]{1,6}|[A-H]|\d{1,2})\.?")
_MARKER_RE = re.compile(r"\((?P<m>[a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\)")
_INLINE_MARKER_RE = re.compile(r"(?:[.—–]|\.—)\s*(?=\((?:a|1|A|i)\)\s)")
_CLAUSE_END_RE = re.compile(r"(?:[.;:—–]|;\s*(?:and|or)|,\s*(?:and|or))[\"”’)]?$")
_MEMO_FIELD_RE = re.compile(r"(?:TO|FROM|RE|CC|BCC|DATE|SUBJECT|ATTN|EFFECTIVE(?: DATE)?|"
                            r"ATTACHMENTS?|ENCLOSURES?|THROUGH|THRU|VIA)\s*:", re.IGNORECASE)
_HEADING_START_RE = re.compile(r"(?:[IVXL]+|\d{1,2}|[A-H])\.\s+[A-Z]|(?:Section|SECTION|Sec\.|"
                               r"SEC\.|§)\s*\d|(?:PART|Part|ARTICLE|Article|CHAPTER|Chapter)\s")
_LABELS = {"MEMORANDUM", "MEMO", "CONFIDENTIAL", "DRAFT", "FOR IMMEDIATE RELEASE",
           "PRIVILEGED AND CONFIDENTIAL", "INTEROFFICE MEMORANDUM", "SAMPLE",
           "SAMPLE DOCUMENT", "END", "###", "***"}

# Ranks of non-marker headings (smaller = outer); divisions take 0.0–0.9 by first use.
_RANK = {"caps": 1.0, "roman": 1.0, "letter": 2.0, "numbered": 3.0, "decimal": 3.5,
         "section": 4.0}


@dataclass(frozen=True)
class Head:
    """A heading found in the text, before levels and ends are assigned."""

    start: int
    title: str
    number: str
    kind: str  # division:<word> | caps | roman | letter | numbered | section | marker
    depth: int = 0  # markers: 1 = "(a)" directly under the section


def _paragraphs(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for block in text.split("\n\n"):
        if block.strip():
            yield pos, block
        pos += len(block) + 2


def _short_title(s: str, limit: int = 80) -> str:
    s = s.strip()
    if len(s) <= limit:
        return s
    cut = s[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.—–") + "…"


def _heading_rest_ok(rest: str) -> bool:
    """After a section or division number: nothing, punctuation, or a capitalised title."""
    if rest and rest[0] not in " .:—–-":
        return False
    tail = rest.lstrip(" .:—–-")
    return not tail or tail[0].isupper() or tail[0] in "(\"“[" or tail[0].isdigit()


def _phrase(rest: str) -> str:
    """The heading phrase after a number: "Definitions" in ". Definitions.—(a) …"."""
    tail = rest.lstrip(" .:—–-")
    m = re.match(r"(.+?)(?:\.—|—|–|\.\s|\.$|:\s|$)", tail)
    phrase = (m.group(1) if m else tail).strip()
    if len(phrase) > 60 and re.search(r"[,;]", phrase[10:]):  # a sentence, not a heading
        phrase = re.split(r"[,;]", phrase[10:], maxsplit=1)[0].join([phrase[:10], ""])
    return phrase


def _is_caps_heading(line: str) -> bool:
    if len(line) > 80 or not line.isupper():
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 3 or len(line) > 80 or any(c.islower() for c in letters):
        return False
    if line.rstrip(".").strip() in _LABELS or _MEMO_FIELD_RE.match(line):
        return False
    if line.endswith((",", ";", "-")) or re.fullmatch(r"(?:PAGE\s+)?[\d\W]+(?:\s+OF\s+\d+)?", line):
        return False
    return sum(c.isdigit() for c in line) <= len(letters)


def _body_like(s: str) -> bool:
    """Running text rather than a label, an address or a heading: mostly lower-case words,
    long or with sentence punctuation."""
    words = re.findall(r"[A-Za-z][\w'’-]*", s)
    if len(words) < 10 or sum(w[0].islower() for w in words) < 0.4 * len(words):
        return False
    return len(s) >= 120 or re.search(r"[.!?:;][\"”’)]?(?:\s|$)", s) is not None


def _short_heading(line: str) -> bool:
    """A heading's title on its own line: short, no sentence, capitals or title case
    ("BACKGROUND", "Standard of Review", "The Act Bars the Possession Conviction")."""
    line = line.strip()
    words = line.split()
    if not words or len(words) > 12 or len(line) > 90 or line.endswith((",", ";")):
        return False
    if re.search(r"[.!?]\s+[A-Z]", line) or (line.endswith(".") and len(words) > 6):
        return False
    small = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on",
             "or", "the", "to", "under", "v.", "with", "not", "did", "is", "does", "its"}
    return all(w[0].isupper() or w[0].isdigit() or not w[0].isalpha() or w in small
               for w in words)


def _title_like(rest: str, max_words: int) -> bool:
    words = rest.split()
    if not words or len(words) > max_words or rest.endswith((",", ";", ":")):
        return False
    return not (rest.endswith(".") and len(words) > 5)


class _Markers:
    """The stack of subsection markers inside one statute section."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, int]] = []

    @staticmethod
    def candidates(m: str) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        if m.isdigit():
            return [("digit", int(m))]
        lower = m.islower()
        if len(m) == 1:
            out.append(("lower" if lower else "upper", ord(m.lower()) - 96))
        elif len(set(m)) == 1 and len(m) == 2:  # "aa" = 27 (Pennsylvania style)
            out.append(("lower" if lower else "upper", 26 + ord(m[0].lower()) - 96))
        if set(m.upper()) <= set("IVX"):
            value = roman_value(m)
            if value:
                out.append(("lroman" if lower else "uroman", value))
        return out

    def accept(self, m: str, *, child_only: bool = False) -> int:
        """The depth of marker ``m`` (1 = outermost), or 0 when it is out of sequence."""
        cands = self.candidates(m)
        if not child_only:
            for d in range(len(self.stack) - 1, -1, -1):
                t, v = self.stack[d]
                for ct, cv in cands:
                    if ct == t and cv == v + 1:
                        self.stack[d:] = [(ct, cv)]
                        return d + 1
        used = {t for t, _ in self.stack}
        for ct, cv in cands:
            if cv == 1 and ct not in used:
                self.stack.append((ct, cv))
                return len(self.stack)
        return 0
