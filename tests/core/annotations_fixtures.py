"""Helpers for the annotation tests: an in-memory library of documents written for these
tests, and a workspace that uses it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.errors import DocumentError, DocumentNotFound
from reader.model.documents import DocMeta, DocStatus, DocText, Document, Page, Section
from reader.settings import Settings
from reader.workspace import Workspace

MEMO = (
    "Office of the District Attorney\n\n"
    "Policy Memorandum 2019-04: Charging of Simple Possession\n\n"
    "Effective immediately, this office will decline to charge possession of a controlled "
    "substance where the amount is consistent with personal use. Assistant district "
    "attorneys shall not seek bail for people arrested only for possession.\n\n"
    "People who call 911 to report an overdose will not be prosecuted for possession "
    "discovered because of that call. Officers are encouraged to carry naloxone.\n\n"
    "Exceptions require the written approval of the First Assistant. This memo will be "
    "reviewed after twelve months, with data on declinations by race and neighbourhood."
)

STATUTE = (
    "§ 1. Short title.\nThis act may be cited as the Overdose Response Act.\n\n"
    "§ 2. Immunity.\n(a) A person who in good faith seeks medical assistance for someone "
    "experiencing an overdose shall not be charged with possession.\n"
    "(b) The person experiencing the overdose shall also not be charged.\n\n"
    "§ 3. Naloxone.\n(a) Any person may possess and administer an opioid antagonist.\n"
    "(b) Pharmacies may dispense naloxone under a standing order. Café owners 😀 too."
)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_text(text: str, *, pages: int = 1, sections: tuple[Section, ...] = (),
             doc_id: str | None = None) -> DocText:
    """A DocText with ``pages`` roughly equal pages labelled 1..n (or one unlabelled page)."""
    did = doc_id or digest(text)
    if pages <= 1:
        return DocText(did, text, (Page(1, 0, len(text), ""),), sections)
    size = max(1, len(text) // pages)
    out = []
    for i in range(pages):
        start = i * size
        end = len(text) if i == pages - 1 else (i + 1) * size
        out.append(Page(i + 1, start, end, str(i + 1)))
    return DocText(did, text, tuple(out), sections)


def statute_sections(text: str) -> tuple[Section, ...]:
    out = []
    for num in ("1", "2", "3"):
        s = text.index(f"§ {num}.")
        nxt = text.find(f"§ {int(num) + 1}.")
        e = nxt - 2 if nxt > 0 else len(text)
        out.append(Section(f"Section {num}", 1, s, e, f"§ {num}"))
        for sub in ("(a)", "(b)"):
            a = text.find(sub, s, e)
            if a >= 0:
                b = text.find("\n", a)
                out.append(Section(sub, 2, a, b if 0 < b < e else e, sub))
    return tuple(out)


@dataclass
class FakeLibrary:
    """The two methods placing needs, plus ``get``/``find``, over in-memory texts."""

    docs: dict[str, Document] = field(default_factory=dict)
    texts: dict[str, DocText] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)

    def add(self, path: str, text: str, *, pages: int = 1,
            sections: tuple[Section, ...] = (), title: str = "",
            source_url: str = "") -> Document:
        dt = doc_text(text, pages=pages, sections=sections)
        for old in [d for d in self.docs.values() if d.path == path]:
            del self.docs[old.id]
        doc = Document(id=dt.doc_id, path=path, format="text", size=len(text), mtime_ns=0,
                       status=DocStatus.OK,
                       meta=DocMeta(title=title or Path(path).stem, source_url=source_url),
                       pages=len(dt.pages), chars=len(text), paged=pages > 1)
        self.docs[doc.id] = doc
        self.texts[doc.id] = dt
        return doc

    def move(self, doc_id: str, new_path: str) -> Document:
        doc = replace(self.docs[doc_id], path=new_path)
        self.docs[doc_id] = doc
        return doc

    def remove(self, doc_id: str) -> None:
        del self.docs[doc_id]

    def documents(self) -> tuple[Document, ...]:
        return tuple(sorted(self.docs.values(), key=lambda d: d.path))

    def get(self, doc_id: str) -> Document:
        if doc_id not in self.docs:
            raise DocumentNotFound(f"No document with id {doc_id[:12]} in this workspace.")
        return self.docs[doc_id]

    def find(self, ref: str) -> Document:
        for d in self.docs.values():
            if ref in (d.id, d.path) or (len(ref) >= 4 and d.id.startswith(ref)):
                return d
        raise DocumentNotFound(f"No document '{ref}' in this workspace.")

    def text(self, doc_id: str) -> DocText:
        self.get(doc_id)
        if doc_id in self.unreadable:
            raise DocumentError("This document cannot be read.")
        return self.texts[doc_id]


def make_workspace(root: Path, library: FakeLibrary | None = None,
                   settings: Settings | None = None) -> Workspace:
    """A workspace at ``root`` whose library is ``library`` (in memory)."""
    root.mkdir(parents=True, exist_ok=True)
    ws = Workspace(root, settings=settings)
    ws.__dict__["_library"] = library or FakeLibrary()
    return ws


def settings_for(path: Path, author_id: str, name: str) -> Settings:
    s = Settings(path)
    s.set("author.id", author_id)
    s.set("author.name", name)
    return s
