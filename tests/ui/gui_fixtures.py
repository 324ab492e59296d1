"""Helpers for the GUI tests: waiting for the session's tasks, and synthetic documents
(written for these tests). The fixtures (session, window …) are in tests/qt_fixtures.py."""

from __future__ import annotations

from reader.model.documents import DocMeta, DocStatus, DocText, Document, Page, Section


def wait_idle(qtbot, session, timeout: int = 120_000) -> None:
    qtbot.waitUntil(session.runner.idle, timeout=timeout)


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
