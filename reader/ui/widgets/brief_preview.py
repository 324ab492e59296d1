"""The live preview of the export-brief dialog: how many passages the choices give, and the
first pages of the brief as Qt rich text — or, when nothing matches, why, with a way out.
While the highlights are being read it shows a busy page."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.ui.resources import icon

PAPER_STYLE = ("QTextBrowser#briefPreview { background: #ffffff; color: #1a1a1a; "
               "border: 1px solid palette(mid); }")


class _Browser(QTextBrowser):
    """Never follows links and never loads anything (the preview is a picture)."""

    def loadResource(self, _type: int, _name: QUrl) -> object:  # type: ignore[override]
        return None


class PreviewPane(QWidget):
    clear_filters = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefPreviewPane")
        self.count = QLabel()
        self.count.setObjectName("briefCount")
        self.count.setAccessibleName("Passages in the brief")
        self.count.setWordWrap(True)
        self.count.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                           | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.updating = QLabel("Updating…")
        self.updating.setObjectName("briefUpdating")
        self.updating.hide()
        head = QHBoxLayout()
        head.setContentsMargins(2, 0, 2, 0)
        title = QLabel("Preview")
        title.setObjectName("briefPreviewTitle")
        head.addWidget(title)
        head.addSpacing(10)
        head.addWidget(self.count, 1)
        head.addWidget(self.updating)

        self.browser = _Browser()
        self.browser.setObjectName("briefPreview")
        self.browser.setAccessibleName("Brief preview")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setStyleSheet(PAPER_STYLE)
        self.browser.document().setDocumentMargin(30)

        self.empty = self._panel("briefEmpty")
        box = QVBoxLayout(self.empty)
        box.addStretch(2)
        self.empty_icon = QLabel()
        self.empty_icon.setPixmap(icon("warning").pixmap(40, 40))
        self.empty_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title = QLabel()
        self.empty_title.setObjectName("briefEmptyTitle")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title.setWordWrap(True)
        self.empty_text = QLabel()
        self.empty_text.setObjectName("briefEmptyText")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        self.empty_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clear_button = QPushButton("Clear the filters")
        self.clear_button.setObjectName("briefClearFilters")
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_filters)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        for widget in (self.empty_icon, self.empty_title, self.empty_text):
            box.addWidget(widget)
        box.addSpacing(8)
        box.addLayout(row)
        box.addStretch(3)
        box.setContentsMargins(40, 20, 40, 20)

        self.busy = self._panel("briefBusy")
        busy_box = QVBoxLayout(self.busy)
        busy_box.addStretch(1)
        self.busy_label = QLabel("Reading the highlights…")
        self.busy_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QProgressBar()
        bar.setRange(0, 0)
        bar.setMaximumWidth(220)
        bar.setTextVisible(False)
        bar.setAccessibleName("Reading the highlights")
        busy_box.addWidget(self.busy_label)
        busy_box.addWidget(bar, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_box.addStretch(2)

        self.stack = QStackedWidget()
        for page in (self.busy, self.browser, self.empty):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)

    @staticmethod
    def _panel(name: str) -> QFrame:
        """A framed page the size of the preview (busy, nothing to show)."""
        panel = QFrame()
        panel.setObjectName(name)
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setBackgroundRole(QPalette.ColorRole.Base)
        panel.setAutoFillBackground(True)
        return panel

    def show_busy(self, text: str = "Reading the highlights…") -> None:
        self.busy_label.setText(text)
        self.count.setText("")
        self.stack.setCurrentWidget(self.busy)

    def set_updating(self, on: bool) -> None:
        self.updating.setVisible(on)

    def show_preview(self, count: str, html: str) -> None:
        self.count.setText(count)
        bar = self.browser.verticalScrollBar()
        keep = bar.value() if self.stack.currentWidget() is self.browser else 0
        self.browser.setHtml(html)
        bar.setValue(min(keep, bar.maximum()))
        self.stack.setCurrentWidget(self.browser)

    def show_empty(self, count: str, title: str, text: str, *, can_clear: bool) -> None:
        self.count.setText(count)
        self.empty_title.setText(f"<b>{escape(title)}</b>")
        self.empty_text.setText(escape(text))
        self.clear_button.setVisible(can_clear)
        self.stack.setCurrentWidget(self.empty)

    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty

    def html(self) -> str:
        return self.browser.toHtml()
