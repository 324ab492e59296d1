"""Dark mode: every panel and dialog reads on a dark background. Colours set in style
sheets and in rich text must contrast with what they are drawn on (WCAG 4.5:1); the brief
preview stays a white page with dark text."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from reader.ui.palette import contrast, dark_palette, error_color, is_dark
from reader.ui.widgets.author_dialog import AuthorDialog
from reader.ui.widgets.brief_dialog import BriefDialog
from tests.ui.annotating_fixtures import Env

COLOR = re.compile(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)")


@pytest.fixture
def dark(qapp) -> Iterator[QPalette]:
    before = QApplication.palette()
    QApplication.setPalette(dark_palette())
    yield QApplication.palette()
    QApplication.setPalette(before)


def unreadable(root: QWidget) -> list[str]:
    """Colours named in style sheets or rich text under ``root`` that do not contrast with
    the background they are drawn on."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        texts = [w.styleSheet()]
        if isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.PlainText:
            texts.append(w.text())
        background = w.palette().color(w.backgroundRole())
        for text in texts:
            for name in COLOR.findall(text or ""):
                colour = QColor(name)
                if colour.isValid() and contrast(colour, background) < 4.5:
                    out.append(f"{type(w).__name__} {w.objectName()!r}: {name} on "
                               f"{background.name()}")
    return out


def test_the_dark_palette_is_dark_and_its_text_reads(dark) -> None:
    assert is_dark(dark)
    roles = QPalette.ColorRole
    for text, back in ((roles.WindowText, roles.Window), (roles.Text, roles.Base),
                       (roles.ButtonText, roles.Button), (roles.PlaceholderText, roles.Base),
                       (roles.HighlightedText, roles.Highlight), (roles.Link, roles.Base)):
        assert contrast(dark.color(text), dark.color(back)) >= 4.5, text.name
    assert contrast(error_color(dark), dark.color(roles.Window)) >= 4.5
    light = QApplication.style().standardPalette()
    assert contrast(error_color(light), light.color(roles.Window)) >= 4.5  # and light mode


def test_every_panel_and_dialog_reads_in_dark_mode(qtbot, dark, memo_env: Env,
                                                   tmp_path) -> None:
    env = memo_env
    w = env.window
    env.select("officers responding to an overdose")
    qtbot.keyClick(env.tab().view, Qt.Key.Key_H)
    env.settle()
    w.annotating.sidebar_dock.show()
    assert unreadable(w) == []
    w.grab().save(str(tmp_path / "dark-window.png"))
    author = AuthorDialog("", first_time=True)
    qtbot.addWidget(author)
    author.show()
    author.edit.setText("")
    author._accept()  # the reason, in red that reads on dark
    assert author.problem.isVisible() and unreadable(author) == []
    brief = BriefDialog(env.session, w)
    qtbot.addWidget(brief)
    brief.show()
    qtbot.waitUntil(brief.ready, timeout=30_000)
    assert unreadable(brief) == []
    paper = brief.preview.browser
    page = paper.palette().color(paper.backgroundRole())
    assert page.lightness() > 240  # the preview is a white page in dark mode too
    brief.grab().save(str(tmp_path / "dark-brief.png"))
    author.hide()
    brief.hide()
