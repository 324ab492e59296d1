"""The page view with its bar — page box ("3" of 12; type a printed label or a number),
fit width, fit page, zoom out / in with the zoom shown, dark pages — and, instead of the
pages, a page-sized notice when they cannot be drawn (the text view still works).

``load`` takes the bytes the sandboxed extraction read (their hash must be the document's
id: a file replaced on disk since is never rendered in this process) and watches the file:
when it is replaced, the pages are put away and :attr:`replaced` tells the owner, who
shows them again once the library has read the new file.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.model.documents import DocText
from reader.ops.pages import CharBoxes
from reader.ui.pages.images import PdfPages
from reader.ui.pages.view import PageView

log = logging.getLogger(__name__)


class PagePane(QWidget):
    replaced = Signal(str)  # the file's path: it changed on disk since it was read
    password_wrong = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pagePane")
        self.view = PageView()
        self.notice = QLabel()
        self.notice.setObjectName("pageNotice")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setWordWrap(True)
        self.notice.setMinimumHeight(200)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.notice)
        self.page_box = QLineEdit()
        self.page_box.setObjectName("pageBox")
        self.page_box.setFixedWidth(56)
        self.page_box.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_box.setToolTip("Go to a page: type its printed label or its number")
        self.page_total = QLabel("")
        self.zoom_label = QLabel("")
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 2)
        bar.addWidget(QLabel("Page"))
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_total)
        bar.addStretch(1)
        self.fit_width = self._button("Fit Width", "Fit the page width (Ctrl+0)",
                                      lambda: self.view.set_fit("width"), checkable=True)
        self.fit_page = self._button("Fit Page", "Show whole pages",
                                     lambda: self.view.set_fit("page"), checkable=True)
        for w in (self.fit_width, self.fit_page):
            bar.addWidget(w)
        bar.addWidget(self._button("−", "Zoom out (Ctrl+minus)", self.view.zoom_out))
        bar.addWidget(self.zoom_label)
        bar.addWidget(self._button("+", "Zoom in (Ctrl+plus, Ctrl+wheel)", self.view.zoom_in))
        self.dark = self._button("Dark Pages", "Show the pages inverted, light on dark",
                                 lambda: self.view.set_dark(self.dark.isChecked()),
                                 checkable=True)
        bar.addWidget(self.dark)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.view)
        self.path: Path | None = None
        self.digest = ""
        self.pages: PdfPages | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(lambda _p: self._changed.start())
        self._changed = QTimer(self)
        self._changed.setSingleShot(True)
        self._changed.setInterval(300)
        self._changed.timeout.connect(self._check_file)
        self.page_box.returnPressed.connect(self._go)
        self.view.page_changed.connect(self._show_page)
        self.view.zoom_changed.connect(self._show_zoom)
        self._show_zoom()

    def _button(self, text: str, tip: str, slot: object, *, checkable: bool = False
                ) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setToolTip(tip)
        b.setAutoRaise(True)
        b.setCheckable(checkable)
        b.clicked.connect(slot)  # type: ignore[arg-type]
        return b

    # -- content ---------------------------------------------------------------------------
    def load(self, path: Path, digest: str, doc_text: DocText | None,
             boxes: CharBoxes | None, *, password: str | None = None,
             data: bytes | None = None) -> bool:
        """Show the PDF at ``path`` whose content hash is ``digest``. False (and a notice)
        when it cannot be drawn: changed since it was read, or QtPdf cannot open it."""
        self.path, self.digest = Path(path), digest
        self._watch()
        if data is None:
            try:
                data = self.path.read_bytes()
            except OSError as exc:
                return self.show_notice(f"The page view cannot read {self.path.name} "
                                        f"({exc.strerror or exc}).")
        if digest and hashlib.sha256(data).hexdigest() != digest:
            self.replaced.emit(str(self.path))
            return self.show_notice(f"{self.path.name} was changed on disk. The pages "
                                    "show again once it has been read.")
        pages = PdfPages(self.path, data, password, parent=self)
        if not pages.ok:
            if pages.password_wrong:
                self.password_wrong.emit()
            return self.show_notice(f"The pages of {self.path.name} cannot be shown: "
                                    f"{pages.problem}. The text view still shows its text.")
        if self.pages is not None:
            self.pages.close()
        self.pages = pages
        self.view.load(pages, doc_text, boxes)
        self.page_total.setText(f"of {len(pages.sizes)}")
        self.stack.setCurrentWidget(self.view)
        self._show_page(self.view.current_page() or 1)
        self._show_zoom()
        return True

    def show_notice(self, text: str) -> bool:
        self.notice.setText(text)
        self.stack.setCurrentWidget(self.notice)
        return False

    @property
    def showing_pages(self) -> bool:
        return self.stack.currentWidget() is self.view and self.pages is not None

    def _watch(self) -> None:
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        if self.path is not None and self.path.exists():
            self._watcher.addPath(str(self.path))

    def _check_file(self) -> None:
        """The file changed or was replaced: if its content is no longer what was read, put
        the pages away (they are only ever drawn from what the sandbox read)."""
        if self.path is None:
            return
        self._watch()  # a replaced file is a new inode: watch it again
        try:
            same = hashlib.sha256(self.path.read_bytes()).hexdigest() == self.digest
        except OSError:
            same = False
        if same:
            return
        log.info("%s changed on disk while its pages were shown", self.path.name)
        self.view.unload()
        self.show_notice(f"{self.path.name} was changed on disk. The pages show again once "
                         "it has been read.")
        self.replaced.emit(str(self.path))

    # -- the bar ---------------------------------------------------------------------------
    def _go(self) -> None:
        text = self.page_box.text().strip()
        pages = self.pages
        if pages is None or not text:
            return
        if text in pages.labels:
            self.view.go_to_page(pages.labels.index(text) + 1)
        elif text.isdigit() and 1 <= int(text) <= len(pages.labels):
            self.view.go_to_page(int(text))
        else:
            self.page_box.setToolTip(f"No page “{text[:20]}” in this document")
            self._show_page(self.view.current_page())
            return
        self.view.setFocus()

    def _show_page(self, number: int) -> None:
        if self.pages is None or not number:
            return
        self.page_box.setText(self.pages.labels[number - 1])

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.view.effective_zoom() * 100)} %")
        self.fit_width.setChecked(self.view.fit == "width")
        self.fit_page.setChecked(self.view.fit == "page")
