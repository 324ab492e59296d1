"""Helpers for the REFI-QDA tests: small real workspaces (a PDF memo, a Markdown article and
a text statute from the sample corpus) with highlights by two people, and hand-written
projects in the style QualCoder writes."""

from __future__ import annotations

import shutil
import uuid
import zipfile
from pathlib import Path

from reader.annotations.identity import ID_KEY, NAME_KEY
from reader.settings import Settings
from reader.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
DOCS = ("memos/alder-county-2020-declination-memo.pdf",
        "articles/cedar-hollow-festival-drug-checking.md",
        "statutes/nm-overdose-prevention-and-naloxone-access-act.txt")


def make_workspace(root: Path, docs: tuple[str, ...] = DOCS, *, author_id: str = "",
                   name: str = "") -> Workspace:
    root.mkdir(parents=True, exist_ok=True)
    for rel in docs:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(CORPUS / rel, root / rel)
    settings = Settings(root.parent / f"settings-{root.name}.json")
    if author_id:
        settings.set(ID_KEY, author_id)
        settings.set(NAME_KEY, name or author_id)
    ws = Workspace(root, settings=settings)
    ws.library().update()
    ws.annotations().load()
    return ws


def doc_by_path(ws: Workspace, path: str):  # type: ignore[no-untyped-def]
    return next(d for d in ws.library().documents() if d.path == path)


def span(ws: Workspace, path: str, words: str) -> tuple[str, int, int]:
    doc = doc_by_path(ws, path)
    text = ws.library().text(doc.id).text
    at = text.index(words)
    return doc.id, at, at + len(words)


def colleague(ws: Workspace, author_id: str, name: str) -> Workspace:
    """The same workspace folder, opened as another annotator (their own file)."""
    settings = Settings(ws.root.parent / f"settings-{author_id}.json")
    settings.set(ID_KEY, author_id)
    settings.set(NAME_KEY, name)
    other = Workspace(ws.root, settings=settings)
    other.annotations().load()
    return other


def g() -> str:
    return str(uuid.uuid4())


def zip_project(path: Path, project_xml: str, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", project_xml.encode("utf-8"))
        for name, data in files.items():
            zf.writestr(name, data)
    return path
