"""What the reader view paints around the text: the title block above it, the page markers
in the left margin, and the margin cues of marks (bars and symbols beside marked lines)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
)

from reader.model.documents import Document, Page
from reader.ui.formatting import doc_details
from reader.ui.reader_doc import (
    BLANK_NOTE_EM,
    OCR_NOTE,
    OCR_NOTE_EM,
    BuiltDocument,
    ReaderStyle,
)

if TYPE_CHECKING:
    from reader.ui.widgets.reader_view import ReaderView


class ReaderPainter:
    def __init__(self, view: ReaderView) -> None:
        self.view = view
        self.gutter = 80
        self.column = 600  # where the title block and the page rules wrap
        self.ideal_column = 600  # a comfortable line (narrower when the view is)
        self.text_width = 720
        self.header_height = 0
        self.right = 30
        self.em = 20.0
        self.title = ""
        self.details = ""
        self.title_font = QFont()
        self.small_font = QFont()
        self.point_size = 12.5

    def prepare(self, built: BuiltDocument, doc: Document | None, style: ReaderStyle) -> None:
        """Work out the geometry for ``built`` and reserve room for the title block."""
        self.em = em = style.em()
        self.gutter = round(em * 3.6)
        self.column = self.ideal_column = style.column_width()
        right = round(em * 1.5)
        self.text_width = self.gutter + self.column + right
        self.title = doc.title if doc else ""
        self.details = doc_details(doc) if doc else ""
        self.title_font = style.heading_font()
        self.point_size = style.point_size
        self.title_font.setPointSizeF(style.point_size * 1.75)
        self.title_font.setWeight(QFont.Weight.Bold)
        self.small_font = style.heading_font()
        self.small_font.setPointSizeF(max(7.0, style.point_size * 0.78))
        self.header_height = self._header_height() if self.title else round(em * 1.5)
        self.right = right

    def frame(self, document: QTextDocument) -> None:
        """Give a new document the column's margins and room for the title block (every
        window of a long text has the room; the title is drawn in the first only)."""
        root = document.rootFrame()
        fmt = root.frameFormat()
        fmt.setLeftMargin(self.gutter)
        fmt.setRightMargin(self.right)
        fmt.setTopMargin(self.header_height)
        fmt.setBottomMargin(round(self.em * 8))
        root.setFrameFormat(fmt)

    def fit(self, wrap_width: int) -> bool:
        """The text wraps at ``wrap_width`` pixels (the view is narrower than the ideal
        column, or not): the title block wraps with it. True when the block's height
        changed (the document's top margin must follow: :meth:`frame`)."""
        column = max(120, min(self.ideal_column, wrap_width - self.gutter - self.right))
        if column == self.column:
            return False
        self.column = column
        # a narrow column gets a smaller title (fewer lines of a long one)
        self.title_font.setPointSizeF(self.point_size * (1.75 if column >= self.em * 24
                                                         else 1.4))
        height = self._header_height() if self.title else round(self.em * 1.5)
        if height == self.header_height:
            return False
        self.header_height = height
        return True

    def _header_height(self) -> int:
        title_h = self._text_rect(self.title_font, self.title).height()
        details_h = self._text_rect(self.small_font, self.details).height() if self.details else 0
        return round(self.em * 1.6 + title_h + self.em * 0.5 + details_h + self.em * 2.2)

    def _text_rect(self, font: QFont, text: str) -> QRectF:
        return QFontMetricsF(font).boundingRect(QRectF(0, 0, self.column, 1e6),
                                                int(Qt.TextFlag.TextWordWrap), text)

    # -- painting --------------------------------------------------------------------------
    def paint(self, painter: QPainter, clip: QRect) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dy = -self.view.verticalScrollBar().value()
        palette = self.view.palette()
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        built = self.view.built
        if dy + self.header_height > 0 and self.title and built is not None and built.first == 0:
            self._paint_header(painter, dy, palette.color(QPalette.ColorRole.Text), muted)
        self._paint_pages(painter, dy, muted)
        self._paint_margin_marks(painter)

    def _paint_header(self, painter: QPainter, dy: int, text: QColor, muted: QColor) -> None:
        x = self.gutter
        y = dy + self.em * 1.6
        painter.setFont(self.title_font)
        painter.setPen(text)
        rect = self._text_rect(self.title_font, self.title).translated(x, y)
        painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), self.title)
        y = rect.bottom() + self.em * 0.5
        if self.details:
            painter.setFont(self.small_font)
            painter.setPen(muted)
            rect = self._text_rect(self.small_font, self.details).translated(x, y)
            painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), self.details)
            y = rect.bottom()
        line = QColor(muted)
        line.setAlpha(90)
        painter.setPen(QPen(line, 1))
        y_rule = round(y + self.em * 1.0) + 0.5
        painter.drawLine(QPoint(x, round(y_rule)), QPoint(x + round(self.em * 3), round(y_rule)))

    def _visible_blocks(self):
        view = self.view
        block = view.cursorForPosition(QPoint(self.gutter + 2, 0)).block()
        height = view.viewport().height()
        layout = view.document().documentLayout()
        dy = -view.verticalScrollBar().value()
        while block.isValid():
            top = layout.blockBoundingRect(block).top() + dy
            if top > height:
                break
            yield block, top
            block = block.next()

    def _paint_pages(self, painter: QPainter, dy: int, muted: QColor) -> None:
        """Page labels ("p. 3") beside the line where each page's text starts, a dashed
        rule above it, and, in the room left above it, a note for each scanned page
        (no text) that comes before it."""
        built = self.view.built
        if built is None or not (built.page_starts or built.blank_pages or built.inline_pages
                                 or built.ocr_pages):
            return
        painter.setFont(self.small_font)
        metrics = QFontMetricsF(self.small_font)
        rule = QColor(muted)
        rule.setAlpha(70)
        em = self.em
        for block, _top in self._visible_blocks():
            number = block.blockNumber()
            page = built.page_of_block(number)
            blanks = built.blank_pages_before(number)
            ocr = built.ocr_page_of_block(number)
            layout = block.layout()
            if layout is None or layout.lineCount() == 0:
                continue
            inside = built.pages_inside(number)
            if inside:
                self._inline_labels(painter, metrics, block, layout.position().y() + dy,
                                    inside, muted)
            if page is None and not blanks and ocr is None:
                continue
            text_top = layout.position().y() + dy
            margin_top = text_top - block.blockFormat().topMargin()
            for k, blank in enumerate(blanks):
                y = margin_top + k * BLANK_NOTE_EM * em
                if built.first + number > 0 or k > 0:
                    self._page_rule(painter, rule, y + em * 0.3)
                line_top = y + em * 0.7
                painter.setPen(muted)
                self._page_label(painter, metrics, line_top, blank.cite_label)
                painter.drawText(QRectF(self.gutter, line_top, self.column,
                                        metrics.height() * 2),
                                 int(Qt.TextFlag.TextWordWrap),
                                 blank_note(blank))
            ocr_gap = OCR_NOTE_EM * em if ocr is not None else 0.0
            if ocr is not None:
                painter.setPen(muted)
                note_font = QFont(self.small_font)
                note_font.setItalic(True)
                painter.setFont(note_font)
                note_top = text_top - ocr_gap + em * 0.15
                if built.first + number == 0 and self.title:  # below the title's rule
                    note_top = max(note_top, dy + self.header_height - em * 0.75)
                painter.drawText(QRectF(self.gutter, note_top,
                                        self.column, metrics.height() * 1.2),
                                 int(Qt.AlignmentFlag.AlignLeft), OCR_NOTE)
                painter.setFont(self.small_font)
            if page is None:
                continue
            line = layout.lineAt(0)
            painter.setPen(muted)
            self._page_label(painter, metrics, text_top + line.y() + line.ascent()
                             - metrics.ascent(), page.cite_label)
            if built.first + number > 0:
                below_notes = margin_top + len(blanks) * BLANK_NOTE_EM * em
                rule_y = (below_notes + text_top - ocr_gap) / 2
                self._page_rule(painter, rule, rule_y)
                self._running(painter, metrics, rule_y, page.running, rule)

    def _running(self, painter: QPainter, metrics: QFontMetricsF, rule_y: float, text: str,
                 color: QColor) -> None:
        """The page's running head, as printed, quietly above its page rule."""
        if not text:
            return
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, self.column)
        painter.setPen(color)
        painter.drawText(QRectF(self.gutter, rule_y - metrics.height() - 2, self.column,
                                metrics.height()), int(Qt.AlignmentFlag.AlignRight), shown)

    def _inline_labels(self, painter: QPainter, metrics: QFontMetricsF, block: QTextBlock,
                       top: float, pages: tuple, muted: QColor) -> None:
        """Labels for pages that start inside this paragraph (its sentence runs on across
        the page break), beside the line where each page's text begins, with a tick."""
        built = self.view.built
        layout = block.layout()
        for page in pages:
            pos = built.to_qt(page.start) - block.position()
            line = layout.lineForTextPosition(max(0, pos))
            if not line.isValid():
                continue
            y = top + line.y() + line.ascent() - metrics.ascent()
            painter.setPen(muted)
            self._page_label(painter, metrics, y, page.cite_label)
            x = layout.position().x() + _x_of(line.cursorToX(max(0, pos)))
            tick = QColor(muted)
            tick.setAlpha(110)
            painter.setPen(QPen(tick, 1))
            painter.drawLine(QPoint(round(x) - 2, round(top + line.y() + 2)),
                             QPoint(round(x) - 2, round(top + line.y() + line.height() - 2)))

    def _page_label(self, painter: QPainter, metrics: QFontMetricsF, top: float,
                    label: str) -> None:
        painter.drawText(QRectF(0, top, self.gutter - self.em * 0.9, metrics.height()),
                         int(Qt.AlignmentFlag.AlignRight), f"p. {label}")

    def _page_rule(self, painter: QPainter, color: QColor, y: float) -> None:
        painter.setPen(QPen(color, 1, Qt.PenStyle.DashLine))
        y = round(y) + 0.5
        painter.drawLine(QPoint(self.gutter, round(y)), QPoint(self.gutter + self.column, round(y)))

    def _paint_margin_marks(self, painter: QPainter) -> None:
        view = self.view
        layers = view.layers()
        if view.built is None or not layers:
            return
        first = view.offset_at(QPoint(self.gutter, 0))
        last = view.bottom_offset()
        x_bar = self.gutter - round(self.em * 0.45)
        for name, _marks in layers:
            for mark in view.mark_layers.between(name, first, last + 1):
                if mark.style.margin is None and not mark.style.margin_symbol:
                    continue
                top = self._pos_rect(mark.start).top()
                bottom = self._pos_rect(max(mark.start, mark.end - 1)).bottom()
                if mark.style.margin is not None:
                    painter.fillRect(QRectF(x_bar, top + 2, 3, max(4, bottom - top - 3)),
                                     mark.style.margin)
                if mark.style.margin_symbol:
                    painter.setFont(self.small_font)
                    painter.setPen(mark.style.margin or view.palette().color(
                        QPalette.ColorRole.Text))
                    painter.drawText(QRectF(x_bar - self.em * 2.4, top, self.em * 2.2, self.em),
                                     int(Qt.AlignmentFlag.AlignRight), mark.style.margin_symbol)

    def _pos_rect(self, offset: int) -> QRect:
        view = self.view
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.qt_position(offset))
        return view.cursorRect(cursor)


def _x_of(result: object) -> float:
    """``QTextLine.cursorToX`` gives the x, or (x, position) in some bindings."""
    return float(result[0] if isinstance(result, tuple) else result)  # type: ignore[arg-type]


def blank_note(page: Page) -> str:
    """What the reader says where a page without text would be."""
    if page.note:
        return (f"Page {page.cite_label} has no text: {page.note}. Search and highlights "
                "cannot reach it; the page view shows it.")
    return (f"Page {page.cite_label} has no text layer (it is a scanned image); search and "
            "highlights cannot reach it.")
