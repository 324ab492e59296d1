"""Build the reader's ``QTextDocument`` from a document's text, with its typography.

Every paragraph of the text becomes one block (see :mod:`reader.ui.offsets` for how offsets
map); headings get their level's style; a block where a page starts gets room above it for
the page marker the view paints.

A long document is never put in one ``QTextDocument``: Qt lays text out at ~3–4 MB/s, so a
2,000-page text (7 MB) would hold the window for seconds, and showing its page 1,900 would
need everything before it laid out. :class:`BuiltDocument` holds a *window* of whole
paragraphs, blocks ``first``..``end`` of the text: the view opens a small window where the
reader goes, grows it a chunk at a time as they scroll and trims what is far away
(:mod:`reader.ui.widgets.reader_window`). A text of up to :data:`WINDOW_LIMIT` characters is
shown whole. Positions in ``document`` are *local* to the window: :meth:`BuiltDocument.to_qt`
and :meth:`BuiltDocument.to_core` convert (through :class:`TextMap`, where the arithmetic
lives).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QFontMetricsF,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from reader.model.documents import DocText, Page, Section
from reader.ui.offsets import TextMap, qt_safe
from reader.ui.reader_statute import (
    LinkSpans,
    apply_links,
    note_blocks,
    style_note,
    subsection_text,
)

SERIF_FAMILIES = ["Charis SIL", "Charter", "Literata", "Source Serif 4", "Source Serif Pro",
                  "Georgia", "Cambria", "Noto Serif", "DejaVu Serif", "Serif"]
SANS_FAMILIES = ["Inter", "Segoe UI", "SF Pro Text", "Helvetica Neue", "Noto Sans",
                 "Open Sans", "DejaVu Sans", "Sans Serif"]
MAX_HEADING_CHARS = 300
#: A numbered section's heading line that runs longer than its recorded title.
MAX_TITLE_LINE_CHARS = 160
PAGE_GAP_EM = 2.2  # space above the first block of a page (the page rule sits in it)
NOTE_SIZE = 0.86  # footnotes, relative to the body text
BLANK_NOTE_EM = 2.6  # more space for the note about each scanned page before it
OCR_NOTE_EM = 1.5  # room above a page whose text was recognised by OCR, for its note
OCR_NOTE = "Text recognised by OCR — check quotes against the page."
IDEAL_COLUMN_CHARS = 68
LINE_SPACING = 1.6
SAMPLE = "The district attorney will not prosecute possession of small amounts, and refers "
#: A text up to this many characters is one ``QTextDocument`` (laid out in ~60 ms).
WINDOW_LIMIT = 240_000
_Move = QTextCursor.MoveOperation
_Mode = QTextCursor.MoveMode


@dataclass(frozen=True)
class ReaderStyle:
    """What the person chose: serif or sans, and the size in points (zoom changes it)."""

    font_style: str = "serif"
    point_size: float = 12.5

    def body_font(self) -> QFont:
        font = QFont()
        font.setFamilies(SERIF_FAMILIES if self.font_style == "serif" else SANS_FAMILIES)
        font.setPointSizeF(self.point_size)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def heading_font(self) -> QFont:
        font = QFont()
        font.setFamilies(SANS_FAMILIES)
        font.setPointSizeF(self.point_size)
        return font

    def em(self) -> float:
        """The body font's size in pixels (margins and spacing are multiples of it)."""
        return QFontInfo(self.body_font()).pixelSize() or self.point_size * 96 / 72

    def line_height_percent(self, factor: float = LINE_SPACING) -> float:
        """The proportional line height that gives lines ``factor`` × the font size apart,
        whatever the font's own leading."""
        natural = QFontMetricsF(self.body_font()).lineSpacing() or self.em()
        return max(100.0, factor * self.em() / natural * 100)

    def column_width(self) -> int:
        """A comfortable line length (about 68 characters of running text), in pixels."""
        metrics = QFontMetricsF(self.body_font())
        return round(metrics.horizontalAdvance(SAMPLE) / len(SAMPLE) * IDEAL_COLUMN_CHARS)


def heading_blocks(text_map: TextMap, sections: tuple[Section, ...]) -> dict[int, Section]:
    """Blocks that are a section's heading: the section starts the block and the block is
    its heading line. Sections starting inside a paragraph, and statute subsections whose
    text runs on in the same paragraph ("(a) No person shall …"), are left as text."""
    found: dict[int, Section] = {}
    for section in sections:
        if section.is_footnote:
            continue
        block = text_map.block_of(section.start)
        start, end = text_map.blocks[block]
        if start == section.start and _is_heading(end - start, section) and not (
                section.number.startswith("(") and subsection_text(
                    text_map.text[start:end], section.end - end)):
            found.setdefault(block, section)
    return found


def _is_heading(length: int, section: Section) -> bool:
    if not 0 < length <= MAX_HEADING_CHARS:
        return False
    if length <= len(section.title) + len(section.number) + 4:  # the block is the title
        return True
    subsection = section.number.startswith("(")
    return not subsection and length <= MAX_TITLE_LINE_CHARS


def page_blocks(text_map: TextMap, pages: tuple[Page, ...]
                ) -> tuple[dict[int, Page], dict[int, tuple[Page, ...]]]:
    """(block number → the page whose text starts with that block, block number → the
    pages without text (scanned) that come just before it); empty for a document of one
    page. A page without text sits at the offset where the next page's text starts; one
    after the last text is not shown. A page that starts inside a paragraph (the sentence
    runs on from the page before) is in :func:`inline_pages` instead."""
    if len(pages) < 2:
        return {}, {}
    found: dict[int, Page] = {}
    blank: dict[int, list[Page]] = {}
    end = len(text_map.text)
    for page in pages:
        block = text_map.block_of(page.start)
        if page.has_text:
            if text_map.block_start(block) == page.start:
                found.setdefault(block, page)
        elif page.start < end:
            blank.setdefault(block, []).append(page)
    return found, {b: tuple(ps) for b, ps in blank.items()}


def inline_pages(text_map: TextMap, pages: tuple[Page, ...]) -> dict[int, tuple[Page, ...]]:
    """Block number → the pages whose text starts inside that block (a paragraph that runs
    on across a page break): the view labels the line where each begins."""
    if len(pages) < 2:
        return {}
    found: dict[int, list[Page]] = {}
    for page in pages:
        if not page.has_text:
            continue
        block = text_map.block_of(page.start)
        if page.start > text_map.block_start(block):
            found.setdefault(block, []).append(page)
    return {b: tuple(ps) for b, ps in found.items()}


class BuiltDocument:
    """A document's text as a ``QTextDocument``: all of it, or a window of its blocks.

    ``page_starts`` and ``headings`` are keyed by block number in the whole text; a block
    of ``document`` is block ``first + blockNumber()`` of the text.
    """

    def __init__(self, doc_text: DocText, style: ReaderStyle, text_map: TextMap | None = None,
                 *, window_limit: int | None = None) -> None:
        self.doc_text = doc_text
        self.style = style
        self.text_map = text_map or TextMap(doc_text.text)
        self.page_starts, self.blank_pages = page_blocks(self.text_map, doc_text.pages)
        self.ocr_pages = {self.text_map.block_of(p.start): p for p in doc_text.pages
                          if p.ocr and p.has_text and p.start < len(self.text_map.text)}
        self.inline_pages = inline_pages(self.text_map, doc_text.pages)
        self.headings = heading_blocks(self.text_map, doc_text.sections)
        self.notes = note_blocks(self.text_map, doc_text.sections)  # notes: set smaller
        self.links = LinkSpans(doc_text.links)  # cross-references, drawn as links
        self._special = sorted(set(self.page_starts) | set(self.blank_pages)
                               | set(self.headings) | self.notes | set(self.ocr_pages))
        limit = WINDOW_LIMIT if window_limit is None else window_limit
        self.windowed = len(doc_text.text) > limit
        self.em = style.em()
        self._body = QTextBlockFormat()
        self._body.setLineHeight(style.line_height_percent(),
                                 QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        self._body.setBottomMargin(round(self.em * 0.9))
        self._heading_height = style.line_height_percent(1.25)
        self._heading_families = style.heading_font().families()
        self.first = self.end = 0
        self.base = 0  # Qt position (in the whole text) where the window starts
        self.local_length = 0  # Qt positions in the window
        self.document = QTextDocument()
        if not self.windowed:
            self.fill(0, self.block_count)

    # -- the window --------------------------------------------------------------------
    @property
    def block_count(self) -> int:
        return self.text_map.block_count

    @property
    def start_offset(self) -> int:
        """Code point where the window starts."""
        return self.text_map.block_start(self.first)

    @property
    def end_offset(self) -> int:
        """Code point where the window ends."""
        return self.text_map.blocks[self.end - 1][1] if self.end else 0

    @property
    def window_chars(self) -> int:
        return self.end_offset - self.start_offset

    def holds(self, offset: int) -> bool:
        return self.start_offset <= offset <= self.end_offset

    def blocks_around(self, offset: int, before: int, after: int) -> tuple[int, int]:
        """Whole blocks covering ``offset - before`` .. ``offset + after``."""
        tm = self.text_map
        first = tm.block_of(max(0, offset - before))
        end = tm.block_of(min(len(tm), offset + after)) + 1
        return first, max(end, first + 1)

    def fill(self, first: int, end: int) -> QTextDocument:
        """A new ``document`` holding blocks ``first``..``end`` (the view must show it)."""
        document = QTextDocument()
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(self.style.body_font())
        document.setDocumentMargin(0)
        self.document = document
        self._set_window(first, end)
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.setBlockFormat(self._body)
        cursor.insertText(self._joined(first, end))
        self._format(first, end)
        cursor.endEditBlock()
        return document

    def extend_top(self, first: int) -> None:
        """Add blocks ``first``..``self.first`` above the window."""
        old = self.first
        if first >= old:
            return
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        cursor.insertText(self._joined(first, old) + "\u2029", QTextCharFormat())
        self._set_window(first, self.end)
        self._reset(first, old + 1)  # the new blocks took the old first block's format
        self._format(first, old + 1)
        cursor.endEditBlock()

    def extend_bottom(self, end: int) -> None:
        """Add blocks ``self.end``..``end`` below the window."""
        old = self.end
        end = min(end, self.block_count)
        if end <= old:
            return
        cursor = QTextCursor(self.document)
        cursor.movePosition(_Move.End)
        cursor.beginEditBlock()
        cursor.insertText("\u2029" + self._joined(old, end), QTextCharFormat())
        self._set_window(self.first, end)
        self._reset(old, end)
        self._format(old, end)
        cursor.endEditBlock()

    def trim_top(self, first: int) -> None:
        """Drop the blocks above block ``first``."""
        if not self.first < first < self.end:
            return
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()
        cursor.setPosition(self.local_block(first).position(), _Mode.KeepAnchor)
        cursor.removeSelectedText()
        self._set_window(first, self.end)
        self._reset(first, first + 1)  # the merge gave it the dropped first block's format
        self._format(first, first + 1)
        cursor.endEditBlock()

    def trim_bottom(self, end: int) -> None:
        """Drop the blocks from block ``end`` on."""
        if not self.first < end < self.end:
            return
        cursor = QTextCursor(self.document)
        cursor.beginEditBlock()  # the view hears of the change once the window says so
        cursor.setPosition(self.local_block(end).position() - 1)
        cursor.movePosition(_Move.End, _Mode.KeepAnchor)
        cursor.removeSelectedText()
        self._set_window(self.first, end)
        cursor.endEditBlock()

    def _set_window(self, first: int, end: int) -> None:
        self.first, self.end = first, end
        self.base = self.text_map.to_qt(self.start_offset)
        self.local_length = self.text_map.to_qt(self.end_offset) - self.base

    def _joined(self, first: int, end: int) -> str:
        text = self.text_map.text
        return "\u2029".join(qt_safe(text[s:e]) for s, e in self.text_map.blocks[first:end])

    def local_block(self, number: int) -> QTextBlock:
        """Block ``number`` of the text in ``document`` (invalid outside the window)."""
        return self.document.findBlockByNumber(number - self.first)

    # -- typography --------------------------------------------------------------------
    def _reset(self, first: int, end: int) -> None:
        cursor = QTextCursor(self.local_block(first))
        cursor.setPosition(self.local_block(end - 1).position(), _Mode.KeepAnchor)
        cursor.setBlockFormat(self._body)

    def _format(self, first: int, end: int) -> None:
        """Page starts and headings among blocks ``first``..``end``."""
        lo = bisect.bisect_left(self._special, first)
        hi = bisect.bisect_left(self._special, end)
        for number in self._special[lo:hi]:
            block = self.local_block(number)
            if not block.isValid():
                continue
            # room above a page start for its rule, and for a line about each scanned
            # page before it
            gap = (PAGE_GAP_EM if number > 0 and number in self.page_starts else 0.0) \
                + BLANK_NOTE_EM * len(self.blank_pages.get(number, ())) \
                + (OCR_NOTE_EM if number in self.ocr_pages else 0.0)
            section = self.headings.get(number)
            if section is not None:
                self._style_heading(block, section.level, gap)
            elif gap:
                fmt = QTextBlockFormat()
                fmt.setTopMargin(round(self.em * gap))
                QTextCursor(block).mergeBlockFormat(fmt)
            if number in self.notes:  # footnotes, a statute's history and notes
                style_note(block, self.style.point_size * NOTE_SIZE, self.em)
        if self.links and end > first:
            apply_links(lambda: QTextCursor(self.document), self.links, self.to_qt,
                        self.text_map.block_start(first), self.text_map.blocks[end - 1][1])

    def _style_heading(self, block: QTextBlock, level: int, gap: float) -> None:
        em = self.em
        level = max(1, min(level, 4))
        fmt = QTextBlockFormat()
        fmt.setHeadingLevel(level)
        fmt.setTopMargin(round(em * ({1: 1.5, 2: 1.2}.get(level, 0.9) + gap)))
        fmt.setBottomMargin(round(em * 0.45))
        fmt.setLineHeight(self._heading_height,
                          QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        fmt.setNonBreakableLines(False)
        chars = QTextCharFormat()
        chars.setFontFamilies(self._heading_families)
        chars.setFontWeight(QFont.Weight.DemiBold if level > 1 else QFont.Weight.Bold)
        chars.setProperty(QTextFormat.Property.FontSizeAdjustment, {1: 2, 2: 1}.get(level, 0))
        if level >= 3:
            chars.setFontPointSize(self.style.point_size * 1.02)
        cursor = QTextCursor(block)
        cursor.mergeBlockFormat(fmt)
        cursor.movePosition(_Move.EndOfBlock, _Mode.KeepAnchor)
        cursor.mergeCharFormat(chars)

    # -- positions ---------------------------------------------------------------------
    def to_qt(self, offset: int) -> int:
        """The position in ``document`` of code point ``offset`` (clamped to the window)."""
        return max(0, min(self.text_map.to_qt(offset) - self.base, self.local_length))

    def to_core(self, pos: int, *, round_up: bool = False) -> int:
        """The code point at position ``pos`` of ``document`` (clamped to the window)."""
        pos = max(0, min(pos, self.local_length))
        return self.text_map.to_core(pos + self.base, round_up=round_up)

    def range_to_qt(self, start: int, end: int) -> tuple[int, int]:
        a, b = sorted((start, end))
        return self.to_qt(a), self.to_qt(b)

    def range_to_core(self, start: int, end: int) -> tuple[int, int]:
        a, b = sorted((start, end))
        return self.to_core(a), self.to_core(b, round_up=True)

    def page_of_block(self, local: int) -> Page | None:
        """The page starting at block ``local`` of ``document``, if one does."""
        return self.page_starts.get(self.first + local)

    def ocr_page_of_block(self, local: int) -> Page | None:
        """The page recognised by OCR whose text starts at block ``local``, if one does."""
        return self.ocr_pages.get(self.first + local)

    def pages_inside(self, local: int) -> tuple[Page, ...]:
        """The pages that start inside block ``local`` of ``document``."""
        return self.inline_pages.get(self.first + local, ())

    def blank_pages_before(self, local: int) -> tuple[Page, ...]:
        """The pages without text just before block ``local`` of ``document``."""
        return self.blank_pages.get(self.first + local, ())

