"""Helpers for the annotation GUI tests: a memo written for these tests (an emoji, accented
letters and a line break inside a paragraph), and :class:`Env`, the main window open on
it, with helpers to select words and wait for the annotation machinery. The ``memo_env``
fixture that makes one is in tests/qt_fixtures.py."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

MEMO = """Office of the District Attorney

Policy Memorandum 2021-07: Overdose Scenes

Effective immediately, officers responding to an overdose will not arrest the caller for \
possession. Naloxone kits are carried in every patrol car.

The café 😀 on Main Street hosts a résumé clinic
for people with records every Thursday.

Exceptions require the written approval of the First Assistant.
"""

#: The amended memo: a new paragraph first, the first paragraph's second sentence kept,
#: the exceptions paragraph gone.
AMENDED = """Office of the District Attorney

Policy Memorandum 2021-07 (amended March 2022): Overdose Scenes

This amendment follows a year of data collected by the overdose review board.

Effective immediately, officers responding to an overdose will not arrest the caller or \
the person who overdosed. Naloxone kits are carried in every patrol car.

The café 😀 on Main Street hosts a résumé clinic
for people with records every Thursday.
"""

MEMO_PATH = "memos/overdose-scene-memo.txt"


@dataclass
class Env:
    window: Any
    session: Any
    ui: Any
    root: Path
    qtbot: Any

    @property
    def ctrl(self) -> Any:
        return self.ui.ctrl

    def tab(self) -> Any:
        tab = self.window.area.current_tab()
        assert tab is not None
        return tab

    def binding(self) -> Any:
        b = self.ui.binding()
        assert b is not None
        return b

    def text(self) -> str:
        return self.tab().doc_text.text

    def span(self, words: str, occurrence: int = 1) -> tuple[int, int]:
        text = self.text()
        start = -1
        for _ in range(occurrence):
            start = text.index(words, start + 1)
        return start, start + len(words)

    def select(self, words: str) -> tuple[int, int]:
        start, end = self.span(words)
        self.tab().view.select_range(start, end)
        binding = self.binding()
        self.qtbot.waitUntil(lambda: binding.target()[0] in ("selection", "highlight"),
                             timeout=2000)
        return start, end

    def settle(self) -> None:
        """The Highlights panel lists the last edit (it follows the reader by a moment)."""
        self.qtbot.waitUntil(lambda: not self.ui.sidebar.refresh_pending, timeout=2000)

    def idle(self, timeout: int = 60_000) -> None:
        self.qtbot.waitUntil(self.session.runner.idle, timeout=timeout)

    def open_memo(self, doc_id: str | None = None) -> Any:
        if doc_id is None:
            doc_id = next(d.id for d in self.session.documents() if d.path == MEMO_PATH)
        tab = self.window.open_document(doc_id)
        self.qtbot.waitUntil(lambda: tab.is_ready, timeout=20_000)
        self.qtbot.waitUntil(lambda: self.ui.binding(tab) is not None
                             and self.ui.binding(tab).doc.ready, timeout=20_000)
        return tab

    def my_file(self) -> Path:
        return self.session.workspace.annotations().my_path


def write_memo(root: Path, text: str = MEMO) -> Path:
    path = root / MEMO_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def open_env(qtbot: Any, window: Any, session: Any, root: Path) -> Env:
    session.open_workspace(root)
    env = Env(window, session, window.annotating, root, qtbot)
    qtbot.waitUntil(lambda: env.ctrl.is_loaded, timeout=30_000)
    env.idle()
    return env
