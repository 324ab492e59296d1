"""What the typesetter lays out (styles and blocks), what it reports, and the words of a
paragraph consumed a line at a time."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

SOFT = "\u00ad"


@dataclass(frozen=True)
class Style:
    font: str = "Times-Roman"
    size: float = 12
    leading: float = 0  # 0: 1.25 x size
    align: str = "justify"  # left | center | right | justify
    indent: float = 0  # first line
    left: float = 0
    right: float = 0
    before: float = 0
    after: float = 6
    char_space: float = 0  # letter-spaced headings
    fake_bold: bool = False  # the same text drawn twice, a hair apart
    hyphenate: bool = False  # break long words at their soft hyphens

    @property
    def lead(self) -> float:
        return self.leading or round(self.size * 1.25, 2)

    def but(self, **kw: object) -> Style:
        return Style(**{**self.__dict__, **kw})


@dataclass
class Para:
    text: str
    style: Style
    notes: list[str] = field(default_factory=list)  # footnotes of the page it starts on
    marker: str = ""  # a footnote call after the last word
    keep: bool = False  # never split across frames
    track: bool = True  # record the sentences that cross its breaks


@dataclass
class Side:
    """Two blocks side by side (a caption with the parties left and the docket right)."""

    left: list[tuple[str, Style]]
    right: list[tuple[str, Style]]
    split: float = 0.55
    bar: str = ""  # ")" drawn down the middle, as old captions do


@dataclass
class Rule:
    frac: float = 1.0
    thick: float = 0.6
    before: float = 4
    after: float = 8


@dataclass
class Gap:
    height: float


@dataclass
class Push:
    """Move down so that only ``height`` points are left in the frame (no-op when fewer)."""

    height: float


@dataclass
class Break:
    kind: str = "page"  # page | frame


@dataclass
class Picture:
    """Lines of text rendered into an image (a scanned caption: no text layer)."""

    lines: list[str]
    size: int = 13
    height: float = 0


Block = Para | Side | Rule | Gap | Push | Break | Picture


@dataclass(frozen=True)
class Frame:
    x: float
    top: float
    width: float
    bottom: float


@dataclass
class Furniture:
    heads: list[str] = field(default_factory=list)  # running heads/feet drawn on the page
    label: str = ""  # the printed page number


FurnitureFn = Callable[[Canvas | None, int, int], Furniture]


@dataclass
class Report:
    pages: int = 0
    sentences: list[str] = field(default_factory=list)  # across a line break
    crossings: list[str] = field(default_factory=list)  # across a column or page break
    compounds: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)
    heads_by_page: dict[str, list[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)


def soften(text: str, every: int = 10) -> str:
    """Soft hyphens in long words (a break point after the middle vowel-consonant pair)."""
    def one(m: re.Match[str]) -> str:
        w = m.group(0)
        mid = len(w) // 2
        for i in sorted(range(3, len(w) - 3), key=lambda i: abs(i - mid)):
            if w[i - 1] in "aeiou" and w[i] not in "aeiouy":
                return w[:i] + SOFT + w[i:]
        return w
    return re.sub(r"\b[a-z]{" + str(every) + r",}\b", one, text)


def width(text: str, st: Style, size: float | None = None) -> float:
    text = text.replace(SOFT, "")
    return stringWidth(text, st.font, size or st.size) + st.char_space * len(text)


class _Words:
    """A paragraph's words, consumed a line at a time."""

    def __init__(self, text: str) -> None:
        self.words = text.split()
        self.i = 0
        self.rest = ""  # the tail of a word broken at the previous line end

    def done(self) -> bool:
        return not self.rest and self.i >= len(self.words)

    def line(self, avail: float, st: Style, rep: Report) -> list[str]:
        out: list[str] = []
        used = 0.0
        space = width(" ", st)
        while not self.done():
            word = self.rest or self.words[self.i]
            w = width(word, st)
            need = w + (space if out else 0)
            if used + need <= avail:
                out.append(word)
                used += need
                self.rest = ""
                self.i += 1
                continue
            head, tail = self._split(word, avail - used - (space if out else 0), st, rep)
            if head:
                out.append(head)
                self.rest = tail
            elif not out:  # a word wider than the line: put it alone
                out.append(word)
                self.rest = ""
                self.i += 1
            break
        return out

    def _split(self, word: str, room: float, st: Style, rep: Report) -> tuple[str, str]:
        clean = word.replace(SOFT, "")
        core = clean.strip(".,;:()“”\"'’")
        for k in range(len(word) - 2, 1, -1):  # a hard hyphen: "out-of-" + "state"
            if word[k] == "-" and word[k - 1].isalpha() and width(word[:k + 1], st) <= room:
                rep.compounds.append(core)
                return word[:k + 1], word[k + 1:]
        if st.hyphenate:
            for k in range(len(word) - 1, 0, -1):
                if word[k] == SOFT and width(word[:k] + "-", st) <= room:
                    rep.words.append(core)
                    return word[:k] + "-", word[k + 1:]
        return "", ""
