"""From page layouts to the document's text, pages and packed character boxes.

Runs after every page was analysed (:mod:`reader.extract.pdf_layout`): takes out running
heads and feet (:mod:`reader.extract.pdf_heads`), separates footnotes and joins paragraphs
that run on across box, column and page breaks (:mod:`reader.extract.pdf_flow`), joins
line-end hyphens (:mod:`reader.extract.pdf_hyphen`), and writes the text following
:mod:`reader.extract.normalize` while recording, for every code point, its box.

**Pages and paragraphs.** Pages are joined with a blank line when a paragraph ends at the
page break, with a single line break when it runs on ("Oklahoma Department of" /
"Corrections"), and with nothing when a word hyphenated across the break is joined (the
page boundary then falls inside the word). **Footnotes** stay on their page, each a
paragraph of its own, after the page's body text; when the body runs on to the next page,
they come before its last paragraph (or after the last sentence that ends on the page),
so they never split a sentence. Each note is listed in :attr:`Assembled.notes`.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from reader.extract import heartbeat
from reader.extract.boxes import BoxesBuilder, PageGeometry
from reader.extract.normalize import (
    CID_RE,
    DROPPED,
    LIGATURES,
    PAGE_SEPARATOR,
    PARAGRAPH_SEPARATOR,
    normalize_text,
)
from reader.extract.pdf_flow import (
    Edges,
    body_size,
    caps_line,
    ends_sentence,
    heading_start,
    note_paragraphs,
    runs_on,
    split_notes,
    uses_indents,
)
from reader.extract.pdf_heads import find_running_lines
from reader.extract.pdf_hyphen import Vocabulary, hyphen_join, line_end_hyphen
from reader.extract.pdf_layout import Line, PageLayout, merge_rows
from reader.model.documents import Page

log = logging.getLogger(__name__)

#: A page needs this many letters or digits to count as having a text layer.
MIN_PAGE_CHARS = 40

Run = tuple[int, int, float, float, array]  # start, page, y0, y1, xs
#: A footnote: start, end (text offsets), its mark ("3", "*", "" for a continuation), page.
Note = tuple[int, int, str, int]


def _forbidden_class() -> str:
    """Every character :func:`normalize_text` would change or drop, as a regex class."""
    chars = set(LIGATURES) | DROPPED | set("\t\r\x0b\x0c\x85\u2028\u2029")
    chars |= {chr(c) for c in range(0x20) if c != 0x0A} | {chr(c) for c in range(0x7F, 0xA0)}
    chars |= {chr(c) for c in range(0x3001) if unicodedata.category(chr(c)) == "Zs"} - {" "}
    body = "".join(re.escape(c) for c in sorted(chars))
    return f"[{body}\ud800-\udfff]"


_FORBIDDEN_RE = re.compile(_forbidden_class())
_SPACING_RE = re.compile(r"  | \n|\n |\n\n\n")


def is_normal(text: str) -> bool:
    """A fast, conservative ``normalize_text(text) == text`` (True only when it holds)."""
    if not text:
        return True
    if text[0] in " \n" or text[-1] in " \n":
        return False
    if _FORBIDDEN_RE.search(text) or _SPACING_RE.search(text) or CID_RE.search(text):
        return False
    return text.isascii() or unicodedata.is_normalized("NFC", text)


@dataclass
class Assembled:
    text: str
    pages: tuple[Page, ...]
    boxes: bytes | None
    page_chars: tuple[int, ...]  # letters and digits per page (after clean-up)
    warnings: tuple[str, ...]
    notes: tuple[Note, ...] = ()
    #: Running heads and feet taken out of the text, (page, line): a docket stamp or a
    #: "Cite as" line still tells the metadata what the document is.
    furniture: tuple[tuple[int, str], ...] = ()


@dataclass
class _Prepared:
    """One page's body paragraphs and footnotes, before writing."""

    page: PageLayout
    body: list[list[Line]]
    notes: list[tuple[str, list[Line]]]
    lines: list[Line] = field(default_factory=list)  # body lines (for column edges)
    continued: bool = False  # the first paragraph runs on from the previous page


class _PageWriter:
    """Text pieces and box runs of one page, at offsets relative to the page start."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.pieces: list[str] = []
        self.runs: list[Run] = []
        self.length = 0
        self.notes: list[tuple[int, int, str]] = []

    def sep(self, text: str) -> None:
        self.pieces.append(text)
        self.length += len(text)

    def line(self, line: Line, end: int | None = None) -> None:
        text = line.text if end is None else line.text[:end]
        n = len(text)
        base = self.length
        runs = line.yruns
        for k, (first, y0, y1) in enumerate(runs):
            last = runs[k + 1][0] if k + 1 < len(runs) else len(line.text)
            last = min(last, n)
            if first >= last or math.isnan(y0):
                continue
            self.runs.append((base + first, self.number, y0, y1,
                              line.xs[2 * first: 2 * last]))
        self.pieces.append(text)
        self.length += n

    def paragraph(self, lines: list[Line], vocab: Vocabulary, hyphen_end: str = "") -> None:
        """Lines of one paragraph: soft line breaks, line-end hyphens joined or kept.
        ``hyphen_end`` "join" drops the hyphen of the last line (the word goes on on the
        next page)."""
        if self.length:
            self.sep(PARAGRAPH_SEPARATOR)
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is None:
                self.line(line, end=len(line.text) - 1 if hyphen_end == "join" else None)
                return
            how = hyphen_join(line.text, nxt.text, vocab) if line_end_hyphen(line.text) \
                else "break"
            self.line(line, end=len(line.text) - 1 if how == "join" else None)
            if how == "break":
                self.sep("\n")


def _merge_continued(paragraphs: list, lines: list[Line], indents: bool) -> list[list[Line]]:
    """Paragraph line lists, with a paragraph that starts a new text box (a column or
    figure break) joined to the previous one when that one runs on."""
    out: list[list[Line]] = []
    for para in paragraphs:
        if out and para.continues:
            a, b = out[-1][-1], para.lines[0]
            jump = b.y1 > a.y1 or b.x0 >= a.x1  # up or across: a column break
            if runs_on(out[-1], para.lines, Edges.of(a, lines), Edges.of(b, lines),
                       jump=jump, indents=indents):
                out[-1].extend(para.lines)
                continue
        out.append(list(para.lines))
    return out


def _prepare(page: PageLayout, size: float, notes_before: bool, expected: int,
             indents: bool) -> _Prepared:
    paragraphs = merge_rows(page.paragraphs, page.width)
    found = note_paragraphs([p.lines for p in paragraphs], page.height, size, notes_before)
    body = [p for i, p in enumerate(paragraphs) if i not in found]
    lines = [ln for p in body for ln in p.lines]
    note_lines = [ln for i, p in enumerate(paragraphs) if i in found for ln in p.lines]
    return _Prepared(page, _merge_continued(body, lines, indents),
                     split_notes(note_lines, expected), lines)


def _notes_cut(prep: _Prepared, runs: bool) -> tuple[int, int] | None:
    """Where the page's notes go: ``(paragraph, line)`` before which they are written, or
    None when there is no good place. After the body, or when its last paragraph runs on to
    the next page, before that paragraph (or after the last sentence that ends on the
    page); never between a heading and its text."""
    body = prep.body
    k = len(body) - 1 if runs else len(body)
    while k > 1 and _heading_like(body[k - 1]):
        k -= 1
    if not runs or k >= 1:
        return (k, 0)
    lines = body[0]
    for j in range(len(lines) - 1, 0, -1):
        if ends_sentence(lines[j - 1].text):
            return (0, j)
    return None if prep.continued else (0, 0)


def _heading_like(lines: list[Line]) -> bool:
    """A heading: a numeral line ("II.", "A."), or up to three short or capital lines that
    end no sentence."""
    if len(lines) > 3:
        return False
    if heading_start(lines[0]) and len(lines[0].text) < 60:
        return True
    return all(caps_line(ln) or len(ln.text) < 40 for ln in lines) and \
        not ends_sentence(lines[-1].text)


def _write_page(prep: _Prepared, vocab: Vocabulary, hyphen_end: str, runs: bool
                ) -> tuple[_PageWriter, bool]:
    """The page's text; returns the writer and whether its last paragraph still runs on
    to the next page (False when the notes had to go last)."""
    w = _PageWriter(prep.page.number)
    body = prep.body
    cut = _notes_cut(prep, runs) if prep.notes and body else None
    if prep.notes and body and cut is None:
        runs, cut = False, (len(body), 0)
    if cut is None:  # no notes: only the last paragraph may end in a joined hyphen
        cut = (max(0, len(body) - 1), 0)
    k, split = cut
    before = [*body[:k], body[k][:split]] if split else body[:k]
    after = [body[k][split:], *body[k + 1:]] if k < len(body) else []
    for para in before:
        if para:
            w.paragraph(para, vocab)
    _write_notes(w, prep.notes, vocab)
    for j, para in enumerate(after):
        w.paragraph(para, vocab, hyphen_end if runs and j == len(after) - 1 else "")
    return w, runs


def _write_notes(w: _PageWriter, notes: list[tuple[str, list[Line]]], vocab: Vocabulary
                 ) -> None:
    for mark, lines in notes:
        start = w.length + (len(PARAGRAPH_SEPARATOR) if w.length else 0)
        w.paragraph(lines, vocab)
        w.notes.append((start, w.length, mark))


def _prepared(layouts: list[PageLayout], size: float, indents: bool) -> Iterator[_Prepared]:
    """Pages prepared one at a time, in order; each layout is released once prepared."""
    notes_before = False
    expected = 0
    layouts.reverse()
    while layouts:
        page = layouts.pop()
        prep = _prepare(page, size, notes_before, expected, indents)
        notes_before = bool(prep.notes)
        marks = [int(m) for m, _ in prep.notes if m.isdigit()]
        if marks:
            expected = marks[-1] + 1
        yield prep


def _sizes(layouts: list[PageLayout]) -> dict[float, int]:
    sizes: dict[float, int] = {}
    for page in layouts:
        for para in page.paragraphs:
            for ln in para.lines:
                if not ln.dropped and ln.size:
                    sizes[ln.size] = sizes.get(ln.size, 0) + len(ln.text)
    return sizes


def _join_mode(prep: _Prepared, nxt: _Prepared | None, vocab: Vocabulary, indents: bool
               ) -> str:
    """How page ``prep`` joins the next: "" (a paragraph break), "\\n" (the paragraph runs
    on), "join" or "keep" (a hyphenated word across the break)."""
    if nxt is None or not prep.body or not nxt.body or nxt.page.number != prep.page.number + 1:
        return ""
    a, b = prep.body[-1][-1], nxt.body[0][0]
    if not runs_on(prep.body[-1], nxt.body[0], Edges.of(a, prep.lines),
                   Edges.of(b, nxt.lines), jump=True, indents=indents):
        return ""
    if line_end_hyphen(a.text):
        how = hyphen_join(a.text, b.text, vocab)
        return how if how in ("join", "keep") else "\n"
    return "\n"


def assemble(layouts: list[PageLayout], *, want_boxes: bool = True) -> Assembled:
    """The document from its analysed pages. Consumes ``layouts``: each page is released
    as soon as it is written, so a 2,000-page report never holds its pages and its text
    and boxes in memory at once."""
    running = find_running_lines(layouts)
    vocab = Vocabulary.of(layouts)
    size = body_size(_sizes(layouts))
    indents = uses_indents([[ln for p in page.paragraphs for ln in p.lines if not ln.dropped]
                            for page in layouts])
    builder = BoxesBuilder() if want_boxes else None
    pieces: list[str] = []
    pages: list[Page] = []
    page_chars: list[int] = []
    notes: list[Note] = []
    pos = 0
    total = len(layouts)
    furniture = _furniture(layouts)
    stream = _prepared(layouts, size, indents)
    nxt = next(stream, None)
    pending = ""  # how the previous page joins this one
    done = 0
    while nxt is not None:
        prep, nxt = nxt, next(stream, None)
        done += 1
        if done % 50 == 0:
            heartbeat.beat(done, total)
        page = prep.page
        if builder is not None:
            builder.add_page(PageGeometry(page.number, page.width, page.height, page.crop))
        prep.continued = pending != ""
        mode = _join_mode(prep, nxt, vocab, indents)
        w, still = _write_page(prep, vocab, "join" if mode == "join" else "", mode != "")
        if not still:
            mode = ""
        text = "".join(w.pieces)
        if not is_normal(text) and text != normalize_text(text):  # never expected
            log.warning("page %d: text needed re-normalising; its boxes and notes are "
                        "dropped", page.number)
            text = normalize_text(text)
            w.runs, w.notes = [], []
        label = _label(page, running.printed.get(page.number, ""))
        chars = sum(map(str.isalnum, text))
        page_chars.append(chars)
        head = running.texts.get(page.number, "")
        if text:
            if pieces:
                sep = {"": PAGE_SEPARATOR, "\n": "\n"}.get(pending, "")
                pieces.append(sep)
                pos += len(sep)
            start = pos
            pieces.append(text)
            pos += len(text)
            if builder is not None:
                for r in w.runs:
                    builder.add_run(start + r[0], r[1], r[2], r[3], r[4])
            notes.extend((start + s, start + e, m, page.number) for s, e, m in w.notes)
            pages.append(Page(page.number, start, pos, label, True, head))
            pending = mode
        else:
            pages.append(Page(page.number, pos, pos, label, False, head))
            pending = ""
    # An empty page sits where the next page with text starts (after its separator).
    fixed: list[Page] = []
    for i, p in enumerate(pages):
        if not p.has_text:
            nxt_start = next((q.start for q in pages[i + 1:] if q.has_text), pos)
            p = Page(p.number, nxt_start, nxt_start, p.label, False, p.running)
        fixed.append(p)
    text = "".join(pieces)
    boxes = builder.pack(len(text)) if builder is not None else None
    return Assembled(text, tuple(fixed), boxes, tuple(page_chars), (), tuple(notes),
                     furniture)


def _label(page: PageLayout, printed: str) -> str:
    """The PDF's own page label when it is more than the page's position (front matter
    "i, ii", a reprint's "231"), else the printed number, else the position."""
    pdf = page.pdf_label
    if pdf and pdf != str(page.number):
        return pdf
    return printed or pdf or str(page.number)


MAX_FURNITURE = 60


def _furniture(layouts: list[PageLayout]) -> tuple[tuple[int, str], ...]:
    """The dropped running lines: all of the first three pages', then each new one once."""
    out: list[tuple[int, str]] = []
    seen: set[str] = set()
    for page in layouts:
        for line in page.lines():
            if line.dropped and (page.number <= 3 or line.text not in seen):
                out.append((page.number, line.text))
                seen.add(line.text)
        if len(out) >= MAX_FURNITURE:
            break
    return tuple(out[:MAX_FURNITURE])
