"""The welcome panel, shown in the centre while no document is open: three first steps,
and "continue reading" where the person left off."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reader.ui.resources import app_icon

STEPS = (
    ("1", "Open a document",
     "Double-click a memo, statute or article in the Library, or press Enter on it. "
     "Ctrl+O opens any file; files from elsewhere are copied into the workspace."),
    ("2", "Search everything",
     "Press Ctrl+Shift+F and type words, a \"phrase\" or kind:memo. Results show the page; "
     "open one to land on the marked words."),
    ("3", "Highlight what matters",
     "Select a passage to highlight it, tag it with a theme and note why it matters. "
     "Your group's highlights come together in a brief."),
)


class WelcomePanel(QWidget):
    open_library = Signal()
    start_search = Signal()
    import_files = Signal()
    continue_reading = Signal(str)  # doc id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.setAccessibleName("Welcome")
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(56, 56))
        title = QLabel("Welcome to Policy Reader")
        title.setObjectName("welcomeTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("welcomeSubtitle")
        self.subtitle.setWordWrap(True)

        cards = QHBoxLayout()
        cards.setSpacing(14)
        for number, heading, text in STEPS:
            cards.addWidget(self._card(number, heading, text), 1)

        self.continue_button = QPushButton()
        self.continue_button.setObjectName("continueButton")
        self.continue_button.hide()
        self._continue_id = ""
        self.continue_button.clicked.connect(
            lambda: self.continue_reading.emit(self._continue_id))
        library = QPushButton("Browse the library")
        library.clicked.connect(self.open_library.emit)
        search = QPushButton("Search")
        search.clicked.connect(self.start_search.emit)
        add = QPushButton("Import files…")
        add.clicked.connect(self.import_files.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(library)
        buttons.addWidget(search)
        buttons.addWidget(add)
        buttons.addStretch(1)

        column = QVBoxLayout()
        column.setSpacing(12)
        head = QHBoxLayout()
        head.setSpacing(14)
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(self.subtitle)
        head.addLayout(words, 1)
        column.addLayout(head)
        column.addSpacing(8)
        column.addLayout(cards)
        column.addSpacing(8)
        column.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addLayout(buttons)
        inner = QWidget()
        inner.setLayout(column)
        inner.setMaximumWidth(860)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addWidget(inner, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.set_summary("")

    def _card(self, number: str, heading: str, text: str) -> QFrame:
        card = QFrame()
        card.setObjectName("welcomeCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        badge = QLabel(number)
        badge.setObjectName("welcomeBadge")
        badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        badge.setFixedSize(26, 26)
        head = QLabel(heading)
        head.setObjectName("welcomeCardTitle")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setObjectName("welcomeCardText")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(14, 14, 14, 14)
        layout.addWidget(badge)
        layout.addWidget(head)
        layout.addWidget(body, 1)
        card.setAccessibleName(f"Step {number}: {heading}")
        return card

    def set_summary(self, text: str) -> None:
        self.subtitle.setText(text or "Read, search and mark up policy documents with your "
                              "study group. Everything stays on this computer.")

    def set_continue(self, doc_id: str, title: str) -> None:
        self._continue_id = doc_id
        short = title if len(title) <= 32 else title[:31].rstrip() + "…"
        # kept short: the button row sets the window's narrowest width
        self.continue_button.setText(f"Continue reading: {short}")
        self.continue_button.setToolTip(title)
        self.continue_button.setVisible(bool(doc_id))
