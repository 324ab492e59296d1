"""``policy-reader brief`` in a subprocess, as a person would run it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest

from reader.settings import Settings
from reader.workspace import Workspace
from tests.core.brief_readback import norm, pdf_body_text, pdf_info
from tests.e2e.cli_helpers import run_cli

NAME = "Ximena Abernathy-Oyelaran"


def _annotate(ws_dir: Path, settings: Path) -> list[str]:
    """Six highlights over three documents, by one named annotator; returns the quotes."""
    ws = Workspace.open(ws_dir, settings=Settings(settings))
    library = ws.library()
    library.update()
    store = ws.annotations()
    store.set_author_name(NAME)
    themes = [t.id for t in ws.themes().taxonomy().roots()][:3]
    quotes = []
    docs = [d for d in library.documents() if d.status.readable and d.paged][:3]
    for i, doc in enumerate(docs):
        text = library.text(doc.id)
        paras = [m for m in re.finditer(r"[^\n]+", text.text) if len(m.group(0).split()) > 12]
        for m in paras[:2]:
            words = m.group(0).split()[:10]
            start = m.start()
            end = text.text.index(words[-1], start + len(" ".join(words[:-1]))) + len(words[-1])
            h = store.create(doc.id, start, end, themes=[themes[i]], stance="supports",
                             note=f"Said by {NAME} — ask the DA.")
            quotes.append(h.quote.exact)
    store.save()
    return quotes


@pytest.fixture
def annotated(corpus_copy: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    return corpus_copy, _annotate(corpus_copy, tmp_path / "settings.json")


def test_brief_to_pdf_by_extension(annotated: tuple[Path, list[str]], user_home: Path,
                                   tmp_path: Path) -> None:
    ws, quotes = annotated
    out = tmp_path / "packet.pdf"
    r = run_cli("-q", "-w", str(ws), "brief", "--out", str(out), "--title", "Corpus § brief",
                "--group", "Study group", home=user_home)
    assert r.returncode == 0, r.stderr
    assert "Wrote" in r.stdout and "6 passages from 3 documents" in r.stdout
    text = pdf_body_text(out.read_bytes())
    for q in quotes:
        assert norm(q) in text
    assert NAME in text
    assert pdf_info(out.read_bytes())["Title"] == "Corpus § brief"


def test_brief_anonymized_docx_and_markdown_without_extension(
        annotated: tuple[Path, list[str]], user_home: Path, tmp_path: Path) -> None:
    ws, _ = annotated
    out = tmp_path / "packet.docx"
    r = run_cli("-q", "-w", str(ws), "brief", "-o", str(out), "--anonymize", "--by", "stance",
                "--json", home=user_home)
    assert r.returncode == 0, r.stderr
    result = json.loads(r.stdout)
    assert result["format"] == "docx" and result["quotes"] == 6
    d = docx.Document(str(out))
    assert d.core_properties.author == ""
    assert all(NAME not in p.text for p in d.paragraphs)
    assert "[annotator]" in "\n".join(p.text for p in d.paragraphs)  # redacted in notes
    r = run_cli("-q", "-w", str(ws), "brief", "-o", str(tmp_path / "packet"), "--format", "md",
                "--no-notes", home=user_home)
    assert r.returncode == 0, r.stderr
    md = (tmp_path / "packet.md").read_text("utf-8")
    assert "Said by" not in md and md.startswith("# Briefing packet")


def test_brief_filters_by_document_and_theme(annotated: tuple[Path, list[str]],
                                             user_home: Path, tmp_path: Path) -> None:
    ws, _ = annotated
    workspace = Workspace.open(ws, settings=Settings(tmp_path / "s.json"))
    theme = workspace.annotations().all()[0].themes[0]
    label = workspace.themes().taxonomy().label(theme)
    out = tmp_path / "one.csv"
    r = run_cli("-q", "-w", str(ws), "brief", "-o", str(out), "--theme", label, "--by",
                "document", "--json", home=user_home)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["quotes"] == 2
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_nothing_to_export_leaves_no_file(annotated: tuple[Path, list[str]], user_home: Path,
                                          tmp_path: Path) -> None:
    ws, _ = annotated
    out = tmp_path / "empty.pdf"
    r = run_cli("-q", "-w", str(ws), "brief", "-o", str(out), "--stance", "opposes",
                home=user_home)
    assert r.returncode == 1
    assert "No highlight matches stance opposes harm reduction" in r.stderr
    assert not out.exists() and list(tmp_path.glob("*.pdf")) == []


def test_bad_destination_and_bad_arguments(corpus_copy: Path, user_home: Path,
                                           tmp_path: Path) -> None:
    r = run_cli("-w", str(corpus_copy), "brief", "-o", str(tmp_path / "no" / "b.pdf"),
                home=user_home)
    assert r.returncode == 1 and "does not exist" in r.stderr
    r = run_cli("-w", str(corpus_copy), "brief", "-o", str(tmp_path / "b.txt"), home=user_home)
    assert r.returncode == 1 and "Cannot tell the format" in r.stderr
    r = run_cli("-q", "-w", str(corpus_copy), "brief", "-o", str(tmp_path / "b.pdf"),
                "--theme", "no-such-theme", home=user_home)
    assert r.returncode == 2 and "There is no theme 'no-such-theme'" in r.stderr
    r = run_cli("-w", str(corpus_copy), "brief", "-o", str(tmp_path / "b.pdf"), "--since",
                "yesterday", home=user_home)
    assert r.returncode == 2 and "not a date" in r.stderr
    assert list(tmp_path.glob("b.*")) == []


def test_the_page_size_follows_the_locale_unless_chosen(annotated: tuple[Path, list[str]],
                                                       user_home: Path, tmp_path: Path) -> None:
    ws, _ = annotated
    us = {"PAPERSIZE": "", "LC_ALL": "", "LC_PAPER": "", "LANG": "en_US.UTF-8"}
    sizes = {}
    for name, extra, env in (("us", [], us), ("chosen", ["--page-size", "a4"], us),
                             ("de", [], {**us, "LANG": "de_DE.UTF-8"})):
        out = tmp_path / f"{name}.pdf"
        r = run_cli("-q", "-w", str(ws), "brief", "--out", str(out), *extra, home=user_home,
                    env=env)
        assert r.returncode == 0, r.stderr
        sizes[name] = tuple(round(x) for x in pdf_info(out.read_bytes())["_size"])
    assert sizes == {"us": (612, 792), "chosen": (595, 842), "de": (595, 842)}
    help_text = run_cli("brief", "--help", home=user_home, env=us).stdout
    assert "your locale's paper, here letter" in " ".join(help_text.split())
