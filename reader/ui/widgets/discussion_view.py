"""The discussion of the highlight chosen in the Highlights panel: its links (each
followed with one click: "⇄ contradicted by “Supervisors approved…” — Brannock Ledger"),
its reply thread (nested three deep, then flattened; a removed reply with live answers
stays as "reply removed"), a box to reply — to the highlight or to one reply — and the
replies of this document whose highlight was removed ("Reply to a removed highlight:
“…”").

Plain data in (:class:`~reader.model.discussion.HighlightDiscussion`,
:class:`~reader.model.discussion.OrphanEntry`), signals out; it calls nothing. A thread
of thousands of replies shows the first :data:`~reader.model.discussion.THREAD_PAGE` and
a "Show more" link.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.model.discussion import THREAD_PAGE, HighlightDiscussion, OrphanEntry
from reader.model.remarks import Reply
from reader.ui.highlight_marks import LINK_SYMBOL
from reader.ui.models.annotations_model import short_date
from reader.ui.resources import icon

INDENT_PX = 16


def _text(value: str) -> str:
    """A reply's text as safe rich text (line breaks kept; nothing is fetched)."""
    return html.escape(value).replace("\n", "<br>")


def _short(words: str, n: int = 90) -> str:
    words = " ".join(words.split())
    return words if len(words) <= n else words[: n - 1] + "…"


class DiscussionView(QFrame):
    reply_requested = Signal(str, str)  # target id (highlight or reply), text
    edit_requested = Signal(str, str)  # reply id, new text
    delete_requested = Signal(str)  # reply or link id
    follow_requested = Signal(str, str)  # document id, highlight id
    link_requested = Signal(str)  # highlight id: pick the other end
    missing_end = Signal(str)  # a sentence: the other end cannot be opened

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("discussionView")
        self.setAccessibleName("Replies and links")
        self.hid = ""
        self.me_id = ""
        self.data = HighlightDiscussion("")
        self.orphans: list[OrphanEntry] = []
        self.shown = THREAD_PAGE
        self._target = ""  # the reply being answered ("" = the highlight)
        self._editing = ""  # the reply being edited

        self.title = QLabel("Discussion")
        self.title.setObjectName("discussionTitle")
        self.link_button = QToolButton()
        self.link_button.setObjectName("linkButton")
        self.link_button.setText("Link to…")
        self.link_button.setIcon(icon("link"))
        self.link_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.link_button.setAutoRaise(True)
        self.link_button.setToolTip("Link this passage to another one (supports, "
                                    "contradicts, implements, cites, responds to)")
        self.link_button.setAccessibleName("Link to another passage")
        self.link_button.clicked.connect(lambda: self.link_requested.emit(self.hid))
        self.browser = QTextBrowser()
        self.browser.setObjectName("discussionBrowser")
        self.browser.setAccessibleName("Links and replies")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        self.browser.setMinimumHeight(120)
        self.context = QLabel()
        self.context.setObjectName("replyContext")
        self.context.setWordWrap(False)
        self.context.setMinimumWidth(40)
        self.cancel_button = QToolButton()
        self.cancel_button.setText("✕")
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.setToolTip("Reply to the highlight instead")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.clicked.connect(self.reset_box)
        self.box = QPlainTextEdit()
        self.box.setObjectName("replyBox")
        self.box.setPlaceholderText("Reply… (Markdown; Ctrl+Enter sends)")
        self.box.setAccessibleName("Your reply")
        self.box.setTabChangesFocus(True)
        self.box.setMaximumHeight(58)
        self.box.installEventFilter(self)
        self.send_button = QPushButton(icon("note"), "Reply")
        self.send_button.setObjectName("sendReply")
        self.send_button.setAccessibleName("Send the reply")
        self.send_button.clicked.connect(self.send)
        self.box.textChanged.connect(self._enable)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.link_button)
        send_row = QHBoxLayout()  # "Replying to …" ✕ beside the button: no height change
        send_row.addWidget(self.context, 1)
        send_row.addWidget(self.cancel_button)
        send_row.addWidget(self.send_button)
        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.setSpacing(3)
        editor_layout.addWidget(self.box)
        editor_layout.addLayout(send_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.editor)
        self.reset_box()
        self.show_discussion(HighlightDiscussion(""), [])

    # -- showing ---------------------------------------------------------------------------
    def show_discussion(self, data: HighlightDiscussion, orphans: Sequence[OrphanEntry] = (),
                        *, me_id: str = "") -> None:
        """Show ``data`` (the chosen highlight's; an empty id: none chosen) and the
        replies to removed highlights of the document."""
        if data.highlight_id != self.hid:
            self.shown = THREAD_PAGE
            self.reset_box()
        self.hid, self.data, self.me_id = data.highlight_id, data, me_id
        self.orphans = list(orphans)
        has_highlight = bool(self.hid)
        self.setVisible(has_highlight or bool(self.orphans))
        self.editor.setVisible(has_highlight)
        self.link_button.setVisible(has_highlight)
        if has_highlight:
            n, k = data.count, len(data.links)
            bits = [f"{n} repl{'y' if n == 1 else 'ies'}" if n else "No replies yet"]
            if k:
                bits.append(f"{k} link{'s' if k != 1 else ''}")
            self.title.setText("Discussion · " + " · ".join(bits))
        else:
            self.title.setText("Replies to removed highlights")
        self._render()

    def _render(self) -> None:
        bar = self.browser.verticalScrollBar()
        keep = bar.value()
        parts: list[str] = []
        for i, e in enumerate(self.data.links):
            who = html.escape(e.link.author.name)
            remove = f" · <a href='unlink:{html.escape(e.link.id)}'>Remove</a>" \
                if e.link.author.id == self.me_id else ""
            note = f"<br><i>{_text(e.link.note)}</i>" if e.link.note else ""
            parts.append(f"<p style='margin:2px 0 6px 0'>{LINK_SYMBOL} "
                         f"<a href='follow:{i}'><b>{html.escape(e.phrase)}</b> "
                         f"“{html.escape(_short(e.other.quote))}”</a>"
                         f"<br><small>{html.escape(e.other_title)}"
                         + (f", p. {html.escape(e.other_page)}" if e.other_page else "")
                         + ("" if e.other_live else " — that highlight was removed")
                         + f" · linked by {who}{remove}</small>{note}</p>")
        if self.data.links and self.data.replies:
            parts.append("<hr>")
        for entry in self.data.replies[: self.shown]:
            parts.append(self._reply_html(entry.reply, entry.depth, entry.removed))
        hidden = len(self.data.replies) - self.shown
        if hidden > 0:
            more = min(hidden, THREAD_PAGE * 4)
            parts.append(f"<p><a href='more:'>Show {more:,} more of {hidden:,} "
                         "replies…</a></p>")
        if self.orphans:
            parts.append("<hr><p><b>Replies to removed highlights in this document</b></p>")
            for o in self.orphans[:THREAD_PAGE]:
                parts.append(f"<p style='margin:2px 0 0 0'><small>"
                             f"{html.escape(_short(o.sentence, 140))}</small></p>")
                parts.append(self._reply_html(o.reply, 1, False, answer=False))
        if not parts and self.hid:
            parts.append("<p><small>No replies or links yet. Write a reply below, or "
                         "<i>Link to…</i> another passage.</small></p>")
        self.browser.setHtml("".join(parts))
        bar.setValue(keep)

    def _reply_html(self, r: Reply, depth: int, removed: bool, *, answer: bool = True) -> str:
        margin = INDENT_PX * max(0, depth - 1)
        style = f"margin:2px 0 6px {margin}px"
        if removed:
            return f"<p style='{style}'><small><i>(reply removed)</i></small></p>"
        rid = html.escape(r.id)
        who = "You" if r.author.id == self.me_id else html.escape(r.author.name)
        actions = []
        if answer:
            actions.append(f"<a href='reply:{rid}'>Reply</a>")
        if r.author.id == self.me_id:
            actions += [f"<a href='edit:{rid}'>Edit</a>", f"<a href='delete:{rid}'>Delete</a>"]
        edited = " (edited)" if (r.modified - r.created).total_seconds() > 60 else ""
        settled = " · <i>settles a disagreement</i>" if r.resolves else ""
        return (f"<p style='{style}'><small><b>{who}</b> · {short_date(r.created)}{edited}"
                f"{settled}</small><br>{_text(r.text)}<br>"
                f"<small>{' · '.join(actions)}</small></p>")

    # -- actions ---------------------------------------------------------------------------
    def _anchor(self, url: QUrl) -> None:
        scheme, _, value = url.toString().partition(":")
        if scheme == "follow":
            e = self.data.links[int(value)] if value.isdigit() and \
                int(value) < len(self.data.links) else None
            if e is None:
                return
            if e.other_live and e.other_doc_id:
                self.follow_requested.emit(e.other_doc_id, e.other.id)
            else:
                self.missing_end.emit("That passage is no longer here: its highlight was "
                                      "removed, or its document is not in this workspace.")
        elif scheme == "reply":
            self.reply_to(value)
        elif scheme == "edit":
            self.start_edit(value)
        elif scheme in ("delete", "unlink"):
            self.delete_requested.emit(value)
        elif scheme == "more":
            self.shown += THREAD_PAGE * 4
            self._render()

    def _find(self, rid: str) -> Reply | None:
        return next((e.reply for e in self.data.replies if e.reply.id == rid), None)

    def reply_to(self, rid: str) -> None:
        """Answer one reply (the box says to whom)."""
        r = self._find(rid)
        if r is None:
            return
        self._target, self._editing = rid, ""
        self.context.setText(f"Replying to {html.escape(r.author.name)}: "
                             f"“{html.escape(_short(r.text, 28))}”")
        self._show_context()
        self.box.setFocus()

    def start_edit(self, rid: str) -> None:
        r = self._find(rid)
        if r is None:
            return
        self._editing, self._target = rid, ""
        self.context.setText("Editing your reply")
        self._show_context()
        self.box.setPlainText(r.text)
        self.send_button.setText("Save")
        self.box.setFocus()

    def _show_context(self) -> None:
        self.context.setToolTip(self.context.text())
        self.cancel_button.setVisible(True)

    def reset_box(self) -> None:
        self._target = self._editing = ""
        self.context.setText("")
        self.cancel_button.setVisible(False)
        self.send_button.setText("Reply")
        self.box.clear()
        self._enable()

    def _enable(self) -> None:
        self.send_button.setEnabled(bool(self.box.toPlainText().strip()))

    def send(self) -> None:
        text = self.box.toPlainText().strip()
        if not text or not self.hid:
            return
        if self._editing:
            self.edit_requested.emit(self._editing, text)
        else:
            self.reply_requested.emit(self._target or self.hid, text)

    def sent(self) -> None:
        """The reply was made: the box is emptied."""
        self.reset_box()

    def focus_reply(self) -> None:
        self.box.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.box and event.type() == QEvent.Type.KeyPress:
            key = event  # type: ignore[assignment]
            assert isinstance(key, QKeyEvent)
            if key.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                    key.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.send()
                return True
            if key.key() == Qt.Key.Key_Escape and (self._target or self._editing):
                self.reset_box()
                return True
        return super().eventFilter(obj, event)
