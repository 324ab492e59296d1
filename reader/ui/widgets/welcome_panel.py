"""The welcome panel, shown in the centre while no document is open: three first steps,
and "continue reading" where the person left off."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.ui.resources import app_icon
from reader.ui.widgets.flow_layout import FlowLayout

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


NARROW = 760  # pixels: narrower, the steps stand one above the other
NO_WORKSPACE = ("No workspace is open. Choose a folder for your documents (or one your "
                "group shares) to begin.")
EMPTY = ("This workspace is empty. Import your documents, or add the sample documents to "
         "try Policy Reader first.")


class _Page(QWidget):
    """The scrolled page: as tall as its wrapped text needs at the width it is given (a
    scroll area would otherwise squeeze the steps' text into two lines and cut it)."""

    _hint: tuple[int, QSize] | None = None  # (width, hint): layouts of wrapped text cost

    def minimumSizeHint(self) -> QSize:
        if self._hint is not None and self._hint[0] == self.width():
            return QSize(self._hint[1])
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            hint.setHeight(max(hint.height(), layout.totalHeightForWidth(self.width())))
        self._hint = (self.width(), QSize(hint))
        return hint

    def text_changed(self) -> None:
        self._hint = None
        layout = self.layout()
        if layout is not None:
            layout.invalidate()  # its cached minimum is the old arrangement's
        self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # the height it needs changed with the width


class WelcomePanel(QWidget):
    open_library = Signal()
    start_search = Signal()
    import_files = Signal()
    add_samples = Signal()
    choose_workspace = Signal()  # no workspace is open: the import button picks one
    continue_reading = Signal(str)  # doc id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.setAccessibleName("Welcome")
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(56, 56))
        title = QLabel("Welcome to Policy Reader")
        title.setObjectName("welcomeTitle")
        title.setWordWrap(True)  # a narrow centre (both side panels open) wraps it
        self.subtitle = QLabel()
        self.subtitle.setObjectName("welcomeSubtitle")
        self.subtitle.setWordWrap(True)

        self.cards = cards = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        cards.setSpacing(14)
        for number, heading, text in STEPS:
            cards.addWidget(self._card(number, heading, text), 1)

        self.continue_button = QPushButton()
        self.continue_button.setObjectName("continueButton")
        self.continue_button.hide()
        self._continue_id = ""
        self.continue_button.clicked.connect(
            lambda: self.continue_reading.emit(self._continue_id))
        self.library_button = library = QPushButton("Browse the Library")
        library.setObjectName("welcomeLibrary")
        library.clicked.connect(self.open_library.emit)
        self.search_button = search = QPushButton("Search")
        search.setObjectName("welcomeSearch")
        search.clicked.connect(self.start_search.emit)
        self.import_button = add = QPushButton("Import Files…")
        add.setObjectName("welcomeImport")
        add.clicked.connect(self._import_clicked)
        self.samples_button = QPushButton("Add the Sample Documents")
        self.samples_button.setObjectName("welcomeSamples")
        self.samples_button.setToolTip("Copy the bundled fictional memos, statutes, opinions "
                                       "and articles into this workspace, to try the app")
        self.samples_button.clicked.connect(self.add_samples.emit)
        self.samples_button.hide()
        self._has_workspace = True
        buttons = FlowLayout(spacing=8)  # wraps in a narrow window
        buttons.addWidget(library)
        buttons.addWidget(search)
        buttons.addWidget(add)
        buttons.addWidget(self.samples_button)

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
        self.page = page = _Page()
        page.setObjectName("welcomePage")
        centre = QVBoxLayout(page)
        centre.setContentsMargins(32, 32, 32, 32)
        row = QHBoxLayout()  # centred, as wide as the page allows up to its maximum
        row.addStretch(1)
        row.addWidget(inner, 100)
        row.addStretch(1)
        centre.addStretch(1)
        centre.addLayout(row)
        centre.addStretch(2)
        # on a small screen (or with both side panels open) the page scrolls: it never
        # makes the window wider than the screen, nor is cut off
        scroll = QScrollArea()
        scroll.setObjectName("welcomeScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        scroll.setAccessibleName("Welcome")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.set_summary("")

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 200)  # the rest scrolls

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The three steps side by side, or one above the other in a narrow window."""
        narrow = event.size().width() < NARROW
        direction = QBoxLayout.Direction.TopToBottom if narrow \
            else QBoxLayout.Direction.LeftToRight
        if self.cards.direction() != direction:
            self.cards.setDirection(direction)
            self.page.text_changed()  # its remembered size was for the other arrangement
            QTimer.singleShot(0, self, self.page.text_changed)  # and once laid out anew
        super().resizeEvent(event)

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

    def _import_clicked(self) -> None:
        if self._has_workspace:
            self.import_files.emit()
        else:
            self.choose_workspace.emit()

    def set_state(self, *, workspace: bool, empty: bool) -> None:
        """What the buttons offer: without a workspace, choosing one (importing would have
        nowhere to go); in an empty one, importing or the sample documents."""
        self._has_workspace = workspace
        self.import_button.setText("Import Files…" if workspace else "Choose a Workspace…")
        self.import_button.setToolTip("" if workspace else
                                      "Files are imported into a workspace: choose its "
                                      "folder first")
        self.library_button.setEnabled(workspace and not empty)
        self.search_button.setEnabled(workspace and not empty)
        self.samples_button.setVisible(workspace and empty)
        if not workspace:
            self.subtitle.setText(NO_WORKSPACE)
        elif empty:
            self.subtitle.setText(EMPTY)
        self.page.text_changed()

    def set_summary(self, text: str) -> None:
        self.subtitle.setText(text or "Read, search and mark up policy documents with your "
                              "study group. Everything stays on this computer.")
        self.page.text_changed()

    def set_continue(self, doc_id: str, title: str) -> None:
        self._continue_id = doc_id
        short = title if len(title) <= 32 else title[:31].rstrip() + "…"
        # kept short: the button row sets the window's narrowest width
        self.continue_button.setText(f"Continue reading: {short}")
        self.continue_button.setToolTip(title)
        self.continue_button.setVisible(bool(doc_id))
        self.page.text_changed()
