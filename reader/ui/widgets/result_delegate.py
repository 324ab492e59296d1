"""Draws search results: a document row (title, details) and snippet rows (page label and the
passage with the matched words in bold on a soft highlight)."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView, QWidget

from reader.ui.models.search_model import HTML_ROLE, ROW_KIND_ROLE, SECONDARY_ROLE

Index = QModelIndex | QPersistentModelIndex
PAD = 6


class ResultDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text).name()
        muted = palette.color(QPalette.ColorRole.HighlightedText if selected
                              else QPalette.ColorRole.PlaceholderText).name()
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setDefaultStyleSheet(
            f"body {{ color: {text_color}; }} .muted {{ color: {muted}; }} "
            "b.m { background-color: rgba(255, 196, 0, 0.35); font-weight: 600; } "
            ".title { font-weight: 600; }")
        secondary = html.escape(index.data(SECONDARY_ROLE) or "")
        if index.data(ROW_KIND_ROLE) == "group":
            title = html.escape(index.data(Qt.ItemDataRole.DisplayRole) or "")
            body = (f'<div class="title">{title}</div>'
                    f'<div class="muted"><small>{secondary}</small></div>')
        else:
            snippet = index.data(HTML_ROLE) or ""
            label = f'<span class="muted"><small>{secondary}</small></span><br>' \
                if secondary else ""
            body = f"{label}{snippet}"
        doc.setHtml(f"<body>{body}</body>")
        doc.setTextWidth(max(60, width))
        return doc

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        return option.rect.width() - 2 * PAD

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else None
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        option.text = text
        doc = self._document(option, index, self._text_width(option))
        painter.save()
        painter.translate(option.rect.left() + PAD, option.rect.top() + PAD)
        clip = QRectF(0, 0, option.rect.width() - PAD, option.rect.height() - PAD)
        painter.setClipRect(clip)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        width = option.rect.width()
        view = self.parent()
        if width <= 0 and isinstance(view, QTreeView):
            depth = 2 if index.parent().isValid() else 1
            width = view.viewport().width() - view.indentation() * depth
        doc = self._document(option, index, max(120, width - 2 * PAD))
        height = int(doc.size().height()) + 2 * PAD
        return QSize(max(120, width), height)
