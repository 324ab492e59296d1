"""Build the reader's ``QTextDocument`` from a document's text, with its typography.

Every paragraph of the text becomes one block (see :mod:`reader.ui.offsets` for how offsets
map); headings get their level's style; a block where a page starts gets room above it for
the page marker the view paints. The text is inserted in one call (Qt inserts ~100 MB/s) and
Qt lays it out lazily, so a 2,000-page document shows at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from reader.documents.model import DocText, Page, Section
from reader.ui.offsets import TextMap

SERIF_FAMILIES = ["Charis SIL", "Charter", "Literata", "Source Serif 4", "Source Serif Pro",
                  "Georgia", "Cambria", "Noto Serif", "DejaVu Serif", "Serif"]
SANS_FAMILIES = ["Inter", "Segoe UI", "SF Pro Text", "Helvetica Neue", "Noto Sans",
                 "Open Sans", "DejaVu Sans", "Sans Serif"]
MAX_HEADING_CHARS = 300
IDEAL_COLUMN_CHARS = 68
LINE_SPACING = 1.6
SAMPLE = "The district attorney will not prosecute possession of small amounts, and refers "


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


@dataclass
class BuiltDocument:
    document: QTextDocument
    text_map: TextMap
    page_starts: dict[int, Page] = field(default_factory=dict)  # block number → page
    headings: dict[int, Section] = field(default_factory=dict)  # block number → section


def heading_blocks(text_map: TextMap, sections: tuple[Section, ...]) -> dict[int, Section]:
    """Blocks that are a section's heading: the section starts the block and the block is
    short. Sections starting inside a paragraph (statute subsections) are left as text."""
    found: dict[int, Section] = {}
    for section in sections:
        block = text_map.block_of(section.start)
        start, end = text_map.blocks[block]
        if start == section.start and 0 < end - start <= MAX_HEADING_CHARS:
            found.setdefault(block, section)
    return found


def page_blocks(text_map: TextMap, pages: tuple[Page, ...]) -> dict[int, Page]:
    """Block number → the page starting there (only for documents with several pages)."""
    if len(pages) < 2:
        return {}
    found: dict[int, Page] = {}
    for page in pages:
        found.setdefault(text_map.block_of(page.start), page)
    return found


def build_document(doc_text: DocText, style: ReaderStyle,
                   text_map: TextMap | None = None) -> BuiltDocument:
    text_map = text_map or TextMap(doc_text.text)
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(style.body_font())
    document.setDocumentMargin(0)
    em = style.em()

    body = QTextBlockFormat()
    body.setLineHeight(style.line_height_percent(),
                       QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    body.setBottomMargin(round(em * 0.9))
    cursor = QTextCursor(document)
    cursor.setBlockFormat(body)
    cursor.insertText("\u2029".join(text_map.block_texts()))

    built = BuiltDocument(document, text_map, page_blocks(text_map, doc_text.pages),
                          heading_blocks(text_map, doc_text.sections))
    for number in built.page_starts:
        if number == 0:
            continue
        fmt = QTextBlockFormat()
        fmt.setTopMargin(round(em * 2.2))
        _merge_block(document, number, fmt)
    for number, section in built.headings.items():
        _style_heading(document, number, section.level, style, em,
                       page_start=number in built.page_starts and number > 0)
    return built


def _merge_block(document: QTextDocument, number: int, fmt: QTextBlockFormat) -> None:
    block = document.findBlockByNumber(number)
    if block.isValid():
        QTextCursor(block).mergeBlockFormat(fmt)


def _style_heading(document: QTextDocument, number: int, level: int, style: ReaderStyle,
                   em: float, *, page_start: bool) -> None:
    block = document.findBlockByNumber(number)
    if not block.isValid():
        return
    level = max(1, min(level, 4))
    fmt = QTextBlockFormat()
    fmt.setHeadingLevel(level)
    fmt.setTopMargin(round(em * ({1: 1.5, 2: 1.2}.get(level, 0.9) + (2.2 if page_start else 0))))
    fmt.setBottomMargin(round(em * 0.45))
    fmt.setLineHeight(style.line_height_percent(1.25),
                      QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setNonBreakableLines(False)
    chars = QTextCharFormat()
    chars.setFontFamilies(style.heading_font().families())
    chars.setFontWeight(QFont.Weight.DemiBold if level > 1 else QFont.Weight.Bold)
    chars.setProperty(QTextFormat.Property.FontSizeAdjustment, {1: 2, 2: 1}.get(level, 0))
    if level >= 3:
        chars.setFontPointSize(style.point_size * 1.02)
    cursor = QTextCursor(block)
    cursor.mergeBlockFormat(fmt)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.mergeCharFormat(chars)
