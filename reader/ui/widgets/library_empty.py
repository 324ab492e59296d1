"""What the library panel shows instead of an empty table: no workspace yet (choose one),
or an empty workspace (import files, or add the sample documents to try the app)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

EMPTY_TEXT = ("This workspace has no documents yet.\n\nImport memos, statutes, opinions or "
              "articles (PDF, Word, web pages, text), or drop files here. To look around "
              "first, add the sample documents.")
NO_WORKSPACE_TEXT = "No workspace is open.\n\nChoose the folder that holds your documents."
CHECKING_TEXT = "Looking for documents in this workspace…"


class LibraryEmpty(QWidget):
    import_requested = Signal()
    samples_requested = Signal()
    choose_workspace_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryEmpty")
        self.text = QLabel(EMPTY_TEXT)
        self.text.setObjectName("libraryEmptyText")
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.import_button = QPushButton("Import Files…")
        self.import_button.setObjectName("libraryImport")
        self.import_button.clicked.connect(self.import_requested.emit)
        self.samples_button = QPushButton("Add the Sample Documents")
        self.samples_button.setObjectName("librarySamples")
        self.samples_button.setToolTip("Copy the bundled fictional memos, statutes, opinions "
                                       "and articles into this workspace")
        self.samples_button.clicked.connect(self.samples_requested.emit)
        self.choose_button = QPushButton("Choose a Workspace…")
        self.choose_button.setObjectName("libraryChooseWorkspace")
        self.choose_button.clicked.connect(self.choose_workspace_requested.emit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addSpacing(8)
        for button in (self.import_button, self.samples_button, self.choose_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.set_workspace(True)

    def set_workspace(self, open_: bool, *, checking: bool = False) -> None:
        """No workspace (choose one), a workspace still being looked through (no buttons
        yet: it may well hold documents), or an empty one (import, or the samples)."""
        self.text.setText(NO_WORKSPACE_TEXT if not open_ else
                          CHECKING_TEXT if checking else EMPTY_TEXT)
        self.import_button.setVisible(open_ and not checking)
        self.samples_button.setVisible(open_ and not checking)
        self.choose_button.setVisible(not open_)
        self.setFocusProxy(self.import_button if open_ else self.choose_button)
