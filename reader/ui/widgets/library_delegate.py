"""The library's title cell as two lines, as reference managers show a record: the title,
then a muted line with what a reader needs at a glance (kind · office · place · date ·
pages · highlights, or why the file cannot be read). Both lines elide at the right; the
tooltip holds everything."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.models.library_model import DETAILS_ROLE, TITLE_ROLE

Index = QModelIndex | QPersistentModelIndex
PAD_Y = 4


class LibraryDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.two_lines = True

    def _fonts(self, option: QStyleOptionViewItem):
        title = option.font
        small = option.font
        if small.pointSizeF() > 0:
            small = type(option.font)(option.font)
            small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        return title, small

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        if not self.two_lines:
            return size
        title, small = self._fonts(option)
        height = QFontMetrics(title).lineSpacing() + QFontMetrics(small).lineSpacing()
        return QSize(size.width(), max(size.height(), height + 2 * PAD_Y + 2))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if not self.two_lines:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        text = index.data(TITLE_ROLE) or opt.text
        opt.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(2, PAD_Y, -2, -PAD_Y)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal if opt.state & QStyle.StateFlag.State_Active \
            else QPalette.ColorGroup.Inactive
        ink = opt.palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                else QPalette.ColorRole.Text)
        muted = ink if selected else opt.palette.color(group, QPalette.ColorRole.PlaceholderText)
        title_font, small_font = self._fonts(opt)
        details = index.data(DETAILS_ROLE) or ""
        painter.save()
        fm = QFontMetrics(title_font)
        painter.setFont(title_font)
        painter.setPen(ink)
        top = QRect(rect.left(), rect.top(), rect.width(), fm.lineSpacing())
        if not details:  # one line (a code's section): in the middle of the row
            top.moveTop(rect.top() + (rect.height() - fm.lineSpacing()) // 2)
        painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
        if details:
            sm = QFontMetrics(small_font)
            painter.setFont(small_font)
            painter.setPen(muted)
            second = QRect(rect.left(), top.bottom() + 1, rect.width(), sm.lineSpacing())
            painter.drawText(second,
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             sm.elidedText(details, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()
