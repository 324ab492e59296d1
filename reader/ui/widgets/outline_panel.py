"""The outline of the open document: its headings and sections as a tree, or its pages when
it has no headings. Activating an entry jumps there.

A section file of a code is shown in its place: where it stands ("Title 48 › Chapter 9E ›
§ 48-961.05"), the sections before and after it, and its chapter's sections around its own
outline, so the neighbours are one click away (:attr:`OutlinePanel.section_requested`)."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QTreeView, QVBoxLayout, QWidget

from reader.model.codes import CodeNode, SectionPlace
from reader.model.documents import DocText

OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1
DOC_ROLE = Qt.ItemDataRole.UserRole + 2  # a neighbouring section's document id
MAX_PAGES_LISTED = 5000


def outline_model(doc_text: DocText | None, parent: QWidget | None = None,
                  place: SectionPlace | None = None) -> QStandardItemModel:
    """Sections nested by level; without sections, one entry per page. With ``place`` (a
    code's section file), the chapter's sections around the document's own outline."""
    model = QStandardItemModel(parent)
    if doc_text is None:
        return model
    root = model.invisibleRootItem()
    if place is not None:
        root = _chapter_items(model, place)
    sections = [s for s in doc_text.sections if not s.is_footnote]  # not in the outline
    if sections:
        stack: list[tuple[int, QStandardItem]] = []
        for section in sorted(sections, key=lambda s: (s.start, s.level)):
            if place is not None and section.number == place.node.label and not stack:
                stack.append((section.level, root))  # the section is the chapter's entry
                continue
            title = " ".join(part for part in (section.number, section.title) if part).strip()
            if _numbered(section.title, section.number):
                title = section.title
            item = QStandardItem(title or "(untitled section)")
            item.setData(section.start, OFFSET_ROLE)
            item.setEditable(False)
            item.setToolTip(title)
            while stack and stack[-1][0] >= section.level:
                stack.pop()
            (stack[-1][1] if stack else root).appendRow(item)
            stack.append((section.level, item))
    elif len(doc_text.pages) > 1:
        for page in doc_text.pages[:MAX_PAGES_LISTED]:
            item = QStandardItem(f"Page {page.cite_label}")
            item.setData(page.start, OFFSET_ROLE)
            item.setEditable(False)
            root.appendRow(item)
    return model


def _numbered(title: str, number: str) -> bool:
    """The title already carries its number ("§ 48-961.01. Definitions", "Sec. 101.
    Grants", "RCW 69.50.4013. Possession"): the outline shows the title alone."""
    bare = re.sub(r"^(?:§+|Art(?:icle)?\.?|Sec(?:tion)?\.?)\s*", "", number.strip())
    if not bare:
        return False
    if title.startswith(number):
        return True
    lead = r"(?:^|§\s*|\bSec(?:tion)?\.?\s+|\bArt(?:icle)?\.?\s+|^[A-Z][A-Z.]+\s)"  # "RCW "
    return re.search(rf"{lead}{re.escape(bare)}(?=[.:\s]|$)", title[:len(bare) + 60]) is not None


def _siblings(place: SectionPlace) -> tuple[CodeNode, ...]:
    if place.chapter is not None:
        return tuple(n for n in place.chapter.children if n.is_section)
    return place.collection.sections()


def _chapter_items(model: QStandardItemModel, place: SectionPlace) -> QStandardItem:
    """The chapter (or the code) with its sections; returns the item of the open one, under
    which its own outline goes."""
    head = place.chapter.text if place.chapter is not None else place.collection.code
    chapter = QStandardItem(head)
    chapter.setEditable(False)
    chapter.setToolTip(place.trail)
    model.invisibleRootItem().appendRow(chapter)
    current = chapter
    for node in _siblings(place):
        item = QStandardItem(node.text)
        item.setEditable(False)
        item.setToolTip(node.text)
        if node is place.node or node.doc_id == place.node.doc_id:
            font = QFont()
            font.setBold(True)
            item.setFont(font)
            item.setData(0, OFFSET_ROLE)
            current = item
        else:
            item.setData(node.doc_id, DOC_ROLE)
        chapter.appendRow(item)
    return current


class OutlinePanel(QWidget):
    jump_requested = Signal(int)  # code point
    section_requested = Signal(str)  # the document id of a neighbouring section

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
        self.trail = QLabel()
        self.trail.setObjectName("outlineTrail")
        self.trail.setWordWrap(True)
        self.trail.setAccessibleName("Where this section stands in its code")
        self.previous = self._button("previousSection")
        self.next = self._button("nextSection")
        steps = QHBoxLayout()
        steps.setContentsMargins(0, 0, 0, 0)
        steps.addWidget(self.previous)
        steps.addStretch(1)
        steps.addWidget(self.next)
        self.steps = QWidget()
        self.steps.setLayout(steps)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.empty)
        layout.addWidget(self.trail)
        layout.addWidget(self.steps)
        layout.addWidget(self.tree, 1)
        self.model = outline_model(None, self)
        self.tree.setModel(self.model)
        self.tree.activated.connect(self._activate)
        self.tree.clicked.connect(self._activate)
        self.setFocusProxy(self.tree)
        self.place: SectionPlace | None = None
        self.show_outline(None)

    def _button(self, name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self._step(button))
        return button

    def show_outline(self, doc_text: DocText | None, place: SectionPlace | None = None) -> None:
        old = self.model
        self.place = place if doc_text is not None else None
        self.model = outline_model(doc_text, self, self.place)
        self.tree.setModel(self.model)
        old.deleteLater()
        self.tree.expandToDepth(1)
        self._show_place(self.place)
        has = self.model.rowCount() > 0
        self.tree.setVisible(has)
        self.empty.setVisible(not has)
        if doc_text is not None and not has:
            self.empty.setText("This document has no headings or pages to list.")
        elif doc_text is None:
            self.empty.setText("Open a document to see its outline.")

    def _show_place(self, place: SectionPlace | None) -> None:
        self.trail.setVisible(place is not None)
        self.steps.setVisible(place is not None)
        if place is None:
            return
        self.trail.setText(place.trail)
        for button, node, arrow in ((self.previous, place.previous, "‹ {}"),
                                    (self.next, place.next, "{} ›")):
            button.setEnabled(node is not None)
            button.setText(arrow.format(node.label) if node is not None else "")
            button.setToolTip(f"Open {node.text}" if node is not None else "")
            button.setProperty("doc_id", node.doc_id if node is not None else "")
        if place.node is not None:  # the open section's own entry, expanded, in view
            current = self._current_item()
            if current is not None:
                index = self.model.indexFromItem(current)
                self.tree.expand(index)
                self.tree.scrollTo(index)

    def _current_item(self) -> QStandardItem | None:
        chapter = self.model.item(0)
        if chapter is None:
            return None
        for r in range(chapter.rowCount()):
            item = chapter.child(r)
            if item is not None and item.data(OFFSET_ROLE) is not None:
                return item
        return None

    def _step(self, button: QToolButton) -> None:
        doc_id = button.property("doc_id")
        if doc_id:
            self.section_requested.emit(str(doc_id))

    def _activate(self, index: QModelIndex) -> None:
        doc_id = index.data(DOC_ROLE)
        if doc_id:
            self.section_requested.emit(str(doc_id))
            return
        offset = index.data(OFFSET_ROLE)
        if offset is not None:
            self.jump_requested.emit(int(offset))
