"""Fixtures for the GUI tests (import them with ``from tests.ui.gui_fixtures import *``).

Every window and session is torn down with its thread pool drained; Qt warnings logged during
a test fail it (except the offscreen platform's known notices).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.model.documents import DocMeta, DocStatus, DocText, Document, Page, Section
from reader.settings import Settings

HARMLESS = ("This plugin does not support", "QFont::setPointSizeF",
            "Populating font family aliases")


@pytest.fixture
def qt_warnings(qtlog):  # type: ignore[no-untyped-def]
    """Fail the test if Qt logged a warning."""
    yield qtlog
    from pytestqt.qt_compat import qt_api

    bad = [r.message for r in qtlog.records
           if r.type in (qt_api.QtCore.QtMsgType.QtWarningMsg,
                         qt_api.QtCore.QtMsgType.QtCriticalMsg)
           and not any(h in r.message for h in HARMLESS)]
    assert bad == [], f"Qt warnings: {bad}"


@pytest.fixture
def settings(user_home: Path) -> Settings:
    return Settings()


@pytest.fixture
def session(qtbot, settings, qt_warnings):  # type: ignore[no-untyped-def]
    from reader.ui.session import Session

    s = Session(settings)
    yield s
    s.runner.cancel_all()
    assert s.runner.drain(60_000)


@pytest.fixture
def window(qtbot, session):  # type: ignore[no-untyped-def]
    from reader.ui.window.main_window import MainWindow

    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    yield w
    session.runner.cancel_all()
    session.runner.drain(60_000)


def wait_idle(qtbot, session, timeout: int = 120_000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(session.runner.idle, timeout=timeout)


@pytest.fixture
def corpus_window(qtbot, window, session, corpus_copy: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The main window on a copy of the bundled corpus, read and indexed."""
    with qtbot.waitSignal(session.themes_loaded, timeout=60_000):  # background work started
        session.open_workspace(corpus_copy)
    wait_idle(qtbot, session)
    yield window


# -- synthetic documents (written for these tests) ---------------------------------------
PARAGRAPHS = (
    "The District Attorney will not file charges for possession of a controlled substance\n"
    "for personal use when the person is referred to services.",
    "Assistant district attorneys retain discretion where there is violence or a weapon.",
    "Naloxone kits 💊 are carried by every officer; the café on Main Street hosts a résumé "
    "clinic for people with records.",
)


def make_doc_text(pages: int = 3, *, doc_id: str = "d" * 64, heading: bool = True) -> DocText:
    """A paged document: each page a heading (page 1) and three paragraphs."""
    parts: list[str] = []
    page_list: list[Page] = []
    sections: list[Section] = []
    text = ""
    for number in range(1, pages + 1):
        body = list(PARAGRAPHS)
        if heading and number == 1:
            body.insert(0, "I. Purpose")
        chunk = "\n\n".join(body)
        start = len(text) + (2 if text else 0)
        text = f"{text}\n\n{chunk}" if text else chunk
        page_list.append(Page(number, start, len(text), label=str(number)))
        parts.append(chunk)
    if heading:
        sections.append(Section("I. Purpose", 1, 0, len(text), number="I."))
    return DocText(doc_id, text, tuple(page_list), tuple(sections))


def make_document(doc_text: DocText, *, title: str = "Charging Policy on Possession",
                  status: DocStatus = DocStatus.OK, path: str = "memos/policy.pdf",
                  kind: str = "memo", jurisdiction: str = "PA", reason: str = "") -> Document:
    return Document(id=doc_text.doc_id, path=path, format="pdf", size=1, mtime_ns=1,
                    status=status, reason=reason,
                    meta=DocMeta(title=title, kind=kind, author="Office of the District Attorney",
                                 date="2019-03-12", jurisdiction=jurisdiction),
                    pages=len(doc_text.pages), chars=len(doc_text.text), paged=True)
