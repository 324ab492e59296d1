"""The outline of the open document: its headings and sections as a tree, or its pages when
it has no headings. Activating an entry jumps there."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QTreeView, QVBoxLayout, QWidget

from reader.model.documents import DocText

OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_PAGES_LISTED = 5000


def outline_model(doc_text: DocText | None, parent: QWidget | None = None) -> QStandardItemModel:
    """Sections nested by level; without sections, one entry per page."""
    model = QStandardItemModel(parent)
    if doc_text is None:
        return model
    sections = [s for s in doc_text.sections if not s.is_footnote]  # not in the outline
    if sections:
        stack: list[tuple[int, QStandardItem]] = []
        for section in sorted(sections, key=lambda s: (s.start, s.level)):
            title = " ".join(part for part in (section.number, section.title) if part).strip()
            if section.number and section.title.startswith(section.number):
                title = section.title
            item = QStandardItem(title or "(untitled section)")
            item.setData(section.start, OFFSET_ROLE)
            item.setEditable(False)
            item.setToolTip(title)
            while stack and stack[-1][0] >= section.level:
                stack.pop()
            (stack[-1][1] if stack else model.invisibleRootItem()).appendRow(item)
            stack.append((section.level, item))
    elif len(doc_text.pages) > 1:
        for page in doc_text.pages[:MAX_PAGES_LISTED]:
            item = QStandardItem(f"Page {page.cite_label}")
            item.setData(page.start, OFFSET_ROLE)
            item.setEditable(False)
            model.invisibleRootItem().appendRow(item)
    return model


class OutlinePanel(QWidget):
    jump_requested = Signal(int)  # code point

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self.tree = QTreeView()
        self.tree.setObjectName("outlineTree")
        self.tree.setAccessibleName("Document outline")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.empty = QLabel("Open a document to see its outline.")
        self.empty.setWordWrap(True)
        self.empty.setObjectName("outlineEmpty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        self.model = outline_model(None, self)
        self.tree.setModel(self.model)
        self.tree.activated.connect(self._activate)
        self.tree.clicked.connect(self._activate)
        self.setFocusProxy(self.tree)
        self.show_outline(None)

    def show_outline(self, doc_text: DocText | None) -> None:
        old = self.model
        self.model = outline_model(doc_text, self)
        self.tree.setModel(self.model)
        old.deleteLater()
        self.tree.expandToDepth(1)
        has = self.model.rowCount() > 0
        self.tree.setVisible(has)
        self.empty.setVisible(not has)
        if doc_text is not None and not has:
            self.empty.setText("This document has no headings or pages to list.")
        elif doc_text is None:
            self.empty.setText("Open a document to see its outline.")

    def _activate(self, index: QModelIndex) -> None:
        offset = index.data(OFFSET_ROLE)
        if offset is not None:
            self.jump_requested.emit(int(offset))
