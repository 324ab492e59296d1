"""Where a PDF paragraph ends, and which lines of a page are its footnotes.

**Runs on.** A paragraph goes on across a line, box, column or page break when the text
before the break does not end a sentence and nothing after it starts a new block:

* never after or before a line in capitals (headings, captions, "PLAINTIFF,"), a change
  of type size, or before a numbered or lettered heading ("I.", "A.", "1.", "(a)", "§ 3")
  or a field label ("CC:", "SUMMARY:") or a caption ("Table 2.1."); never between two
  lines that end with a page number (a table of contents), nor after or before a table
  row;
* after a line that ends a sentence (".", "?", "!", ":", also before a closing quote or a
  footnote number; an abbreviation such as "v.", "No.", "U.S.C." or an initial does not
  end one) only at a page or column break, in a document that indents its paragraphs,
  when both lines before the break are full and the line after it is not indented;
* always after a line-end hyphen, a comma, a semicolon (a string of citations), a dash or
  a word that cannot end a sentence ("of", "the", "and", "to" …): "Oklahoma Department
  of / Corrections";
* otherwise when the line after is not indented and the line before (or the one before
  that: the paragraph is running text) runs to the right edge of its column: "entered on
  2 / February 2018" (a short line, such as "for Appellee" in a caption or the last line
  of an author's affiliation, does not run on).

**Footnotes.** At the foot of a page (of each column), paragraphs set smaller than the
document's body text with no body text below them, the first of them starting with a note
mark ("1", "12", "*", "†"), or continuing the notes of the previous page. They are cut
into notes where a line starts with the next number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.extract.pdf_lines import Line

#: Sizes within this share of each other are one type size.
SAME_SIZE = 0.15
#: Footnotes are set at most this share of the body text's size.
NOTE_SIZE = 0.9
#: A line is "full" when it ends within this share of the column width of its right edge.
FULL_LINE = 0.12
#: A note mark after the end of a sentence ("Act.3", "(2009).12", "law.*"), not the end
#: of a decimal number ("2.6").
_MARK_RE = re.compile(r"(?<=[^\d\s][.!?:;\"”’')\]])(?:\d{1,3}|[*†‡]{1,3})$")
_CLOSE_RE = re.compile(r"[\"”’')\]]+$")
_ABBREV = frozenset({
    "v.", "vs.", "no.", "nos.", "u.s.", "u.s.c.", "stat.", "pub.", "l.", "inc.", "co.",
    "corp.", "dept.", "st.", "mr.", "ms.", "mrs.", "dr.", "e.g.", "i.e.", "cf.", "al.",
    "id.", "ibid.", "art.", "ch.", "cl.", "para.", "sec.", "secs.", "ann.", "rev.", "gen.",
    "supp.", "app.", "cir.", "ct.", "f.", "f.2d", "f.3d", "f.4th", "s.", "p.", "pp.",
    "jr.", "sr.", "hon.", "j.", "jj.", "c.j.", "cong.", "sess.", "reg.", "fed.",
    "assn.", "ass'n.", "comm'n.", "dist.", "div.", "ex.", "n.", "nn.", "ed.", "eds.",
})
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into",
    "onto", "upon", "and", "or", "nor", "but", "that", "which", "who", "whom", "whose",
    "as", "than", "if", "because", "when", "where", "while", "is", "are", "was", "were",
    "be", "been", "has", "have", "had", "not", "its", "their", "his", "her", "our",
    "this", "these", "those", "under", "over", "between", "about", "after", "before",
    "during", "without", "within", "through", "such", "any", "each", "every", "no",
    "shall", "may", "must", "will", "would", "could", "should", "can", "did", "does", "so",
})
_HEADING_START_RE = re.compile(
    r"^(?:[IVXL]{1,6}\.?$|[IVXL]{1,6}\.\s|[A-H]\.(?:\s|$)|\d{1,2}\.(?:\s|$)|"
    r"\(?[a-zA-Z0-9]{1,3}\)\s|§+\s*\d|[•◦▪‣∙●○■□➢✓]\s|[–-]\s)")
_CAPTION_RE = re.compile(r"^(?:Table|Figure|Chart|Exhibit|Map|Box)\s+[A-Z0-9][\w.–-]*[.:]\s")
#: The page number at the end of a table of contents entry ("Executive summary vii").
_TOC_END_RE = re.compile(r"(?:\.{3,}|…|\s)\s*(?:[ivxlc]{1,6}|\d{1,4})$")
#: A field label starting a line: "CC:", "RE:", "SUMMARY:", "Date Filed:".
_LABEL_RE = re.compile(r"^[A-Z][A-Za-z./]*(?: [A-Za-z./]+){0,3}:(?:\s|$)")
_NOTE_MARK_RE = re.compile(r"^(?P<m>\d{1,3}|[*†‡]{1,3})(?=\s?\S)")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence (see the module docstring)."""
    t = _CLOSE_RE.sub("", _MARK_RE.sub("", text.rstrip())) or text.rstrip()
    if not t.endswith((".", "!", "?", ":", ";")):
        return False
    if not t.endswith("."):
        return True
    last = t.rsplit(None, 1)[-1].lstrip("(\"“'‘[")
    low = last.lower()
    if low in _ABBREV or re.fullmatch(r"(?:[A-Za-z]\.){2,}", last):
        return False
    return not re.fullmatch(r"[A-Z]\.", last)  # an initial: "Samuel H."


def caps_line(line: Line) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def same_size(a: Line, b: Line) -> bool:
    return not a.size or not b.size or abs(a.size - b.size) <= SAME_SIZE * max(a.size, b.size)


def heading_start(line: Line) -> bool:
    """A numbered heading, list item or caption starts the line."""
    return (_HEADING_START_RE.match(line.text) is not None
            or _CAPTION_RE.match(line.text) is not None)


@dataclass(frozen=True)
class Edges:
    """The left and right edge of the column a line sits in, from the lines beside it."""

    left: float
    right: float

    @classmethod
    def of(cls, line: Line, lines: list[Line]) -> Edges:
        peers = [ln for ln in lines if ln.yruns and min(ln.x1, line.x1) - max(ln.x0, line.x0)
                 >= 0.5 * min(ln.x1 - ln.x0, line.x1 - line.x0)]
        if not peers:
            return cls(line.x0, line.x1)
        xs0 = sorted(ln.x0 for ln in peers)
        xs1 = sorted(ln.x1 for ln in peers)
        if len(peers) < 10:
            return cls(xs0[0], xs1[-1])
        return cls(xs0[len(xs0) // 10], xs1[(len(xs1) * 9) // 10])


def runs_on(a_para: list[Line], b_para: list[Line], a_edges: Edges, b_edges: Edges, *,
            jump: bool = False, indents: bool = False) -> bool:
    """Whether paragraph ``a_para`` goes on with ``b_para``. ``jump``: the break is a page
    or column break; ``indents``: the document marks paragraphs by indenting their first
    line (then a line at the left edge after a page or column break continues the
    paragraph, even after a full stop)."""
    a, b = a_para[-1], b_para[0]
    if not a.text or not b.text or not same_size(a, b):
        return False
    if caps_line(a) or caps_line(b) or heading_start(b) or _LABEL_RE.match(b.text):
        return False
    if a.row or b.row:
        return False  # table rows, "TO:" and its value
    if _TOC_END_RE.search(a.text) and _TOC_END_RE.search(b.text):
        return False  # entries of a table of contents
    text = a.text.rstrip()
    if text[-1] in "-\u2010" and len(text) > 1 and text[-2].isalnum():
        return True
    width = max(1.0, a_edges.right - a_edges.left)
    full = a.x1 >= a_edges.right - FULL_LINE * width
    before = a_para[-2] if len(a_para) > 1 else None
    in_body = before is not None and before.x1 >= a_edges.right - FULL_LINE * width
    indented = b.x0 > b_edges.left + 6
    if ends_sentence(text) and not text.endswith(";"):
        b_width = max(1.0, b_edges.right - b_edges.left)
        b_running = len(b_para) > 1 or b.x1 >= b_edges.right - FULL_LINE * b_width
        return jump and indents and full and in_body and not indented and b_running
    if b.text[0].islower():
        return True
    last = text.rsplit(None, 1)[-1].lower()
    if text[-1] in ",;—–" or last in FUNCTION_WORDS:
        return True
    return (full or in_body) and not indented


def uses_indents(pages: list[list[Line]]) -> bool:
    """Whether the document marks paragraphs by indenting their first line: in each page's
    lines (reading order), a line set in by 6 to 80 points between two lines at the left
    edge, often enough."""
    found = 0
    for lines in pages:
        for a, b, c in zip(lines, lines[1:], lines[2:], strict=False):
            if abs(a.x0 - c.x0) <= 2 and 6 < b.x0 - a.x0 < 80 and b.y1 <= a.y0 + 1 \
                    and c.y1 <= b.y0 + 1:
                found += 1
                if found >= 3:
                    return True
    return False


# -- footnotes ---------------------------------------------------------------------------
def body_size(sizes: dict[float, int]) -> float:
    """The type size most characters are set in."""
    return max(sizes, key=sizes.__getitem__) if sizes else 0.0


def note_paragraphs(paragraphs: list[list[Line]], page_height: float, size: float,
                    notes_before: bool) -> set[int]:
    """Indexes of the paragraphs that are footnotes (see the module docstring)."""
    if not size:
        return set()
    small = [all(ln.size and ln.size <= NOTE_SIZE * size for ln in p if ln.yruns)
             and any(ln.yruns for ln in p) for p in paragraphs]
    found: set[int] = set()
    for i, para in enumerate(paragraphs):
        if not small[i]:
            continue
        x0 = min(ln.x0 for ln in para if ln.yruns)
        x1 = max(ln.x1 for ln in para if ln.yruns)
        y0 = min(ln.y0 for ln in para if ln.yruns)
        if y0 > 0.45 * page_height:
            continue
        below = any(not small[k] and any(
            ln.yruns and ln.y1 <= y0 + 1 and min(ln.x1, x1) - max(ln.x0, x0) > 0 for ln in p)
            for k, p in enumerate(paragraphs))
        if not below:
            found.add(i)
    if not found:
        return found
    marked = any(_NOTE_MARK_RE.match(paragraphs[i][0].text) for i in found)
    return found if marked or notes_before else set()


def split_notes(lines: list[Line], expected: int) -> list[tuple[str, list[Line]]]:
    """Footnote lines cut into notes ``(mark, lines)``; ``expected`` is the number the next
    note should carry (0: any). Lines before the first mark continue a note from the
    previous page (mark "")."""
    notes: list[tuple[str, list[Line]]] = []
    for ln in lines:
        m = _NOTE_MARK_RE.match(ln.text)
        mark = m.group("m") if m else ""
        starts = bool(mark) and (not mark.isdigit() or expected in (0, int(mark))
                                 or not notes)
        if starts:
            notes.append((mark, [ln]))
            if mark.isdigit():
                expected = int(mark) + 1
        elif notes:
            notes[-1][1].append(ln)
        else:
            notes.append(("", [ln]))
    return notes
