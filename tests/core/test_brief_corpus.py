"""Acceptance: a brief over the bundled corpus, with highlights made through the annotation
store by two annotators — ≥20 highlights across ≥4 documents and ≥5 themes — written to
every format and read back.

Page oracle: the corpus expectations list fragments with the page they are printed on; a
brief must cite exactly that page, and every cited page must hold its quote."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from reader.export import citation as cite
from reader.export.gather import BriefInputs
from reader.export.model import Brief
from reader.export.options import BriefOptions, GroupBy
from reader.export.write import render
from reader.model.annotations import Stance
from reader.ops.brief import gather_inputs
from reader.settings import Settings
from reader.workspace import Workspace
from tests.conftest import CORPUS, FIXTURES
from tests.core.brief_readback import docx_xml, markdown_blocks, norm, pdf_body_text, pdf_info

ALICE = "Zelda Quince-Marlowe"
BOB = "Teodor Vasquez-Lindqvist"
STANCES = (Stance.SUPPORTS, Stance.OPPOSES, Stance.NEUTRAL, None)


@dataclass
class Corpus:
    ws: Workspace
    inputs: BriefInputs
    expected_pages: dict[str, int]  # highlight id -> physical page from the expectations
    themes: list[str]


def _span(text: str, fragment: str) -> tuple[int, int] | None:
    """Where ``fragment`` is in ``text``, spaces and line breaks matched loosely."""
    pattern = r"\s+".join(re.escape(w) for w in fragment.split())
    m = re.search(pattern, text)
    return (m.start(), m.end()) if m else None


def _passages(text: str, page_start: int, page_end: int, n: int) -> Iterator[tuple[int, int]]:
    """Up to ``n`` sentence-sized passages from one page (12 words from a paragraph)."""
    found = 0
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text[page_start:page_end]):
        words = m.group(0).split()
        if len(words) < 14:
            continue
        chunk = " ".join(words[:12])
        span = _span(text[page_start + m.start():page_end], chunk)
        if span:
            yield (page_start + m.start() + span[0], page_start + m.start() + span[1])
            found += 1
            if found >= n:
                return


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory,
           session_extract_cache: Path) -> Iterator[Corpus]:
    root = tmp_path_factory.mktemp("brief-corpus")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICY_READER_HOME", str(root / "home"))
        mp.setenv("POLICY_READER_EXTRACT_CACHE", str(session_extract_cache))
        mp.delenv("POLICY_READER_WORKSPACE", raising=False)
        shutil.copytree(CORPUS, root / "ws", ignore=shutil.ignore_patterns(".*"))
        expectations = json.loads((FIXTURES / "corpus_expectations.json").read_text("utf-8"))
        bob_ws = Workspace.open(root / "ws", settings=Settings(root / "bob.json"))
        bob_ws.library().update()
        bob_ws.annotations().set_author_name(BOB)
        ws = Workspace.open(root / "ws", settings=Settings(root / "alice.json"))
        ws.annotations().set_author_name(ALICE)
        library = ws.library()
        themes = [t.id for t in ws.themes().taxonomy().roots()]
        by_path = {d.path: d for d in library.documents()}
        expected: dict[str, int] = {}
        made = 0

        def annotate(store, doc_id: str, start: int, end: int, note: str = "") -> str:
            nonlocal made
            h = store.create(doc_id, start, end, themes=[themes[made % 6]],
                             stance=STANCES[made % 4], note=note)
            made += 1
            return h.id

        for entry in expectations["documents"]:
            doc = by_path.get(entry["path"])
            if doc is None or not doc.status.readable:
                continue
            text = library.text(doc.id)
            for frag in entry.get("fragments", []):
                span = _span(text.text, frag["text"])
                if span is None:
                    continue
                store = (ws if made % 2 else bob_ws).annotations()
                hid = annotate(store, doc.id, *span,
                               note=f"Checked against the source — **page {frag['page']}**.")
                if entry["format"] == "pdf":
                    expected[hid] = frag["page"]
        covered = {e["path"] for e in expectations["documents"]}
        for doc in library.documents():
            if doc.path in covered or not doc.status.readable:
                continue
            text = library.text(doc.id)
            for page in (text.pages[0], text.pages[-1]):
                for start, end in _passages(text.text, page.start, page.end, 1):
                    annotate((ws if made % 2 else bob_ws).annotations(), doc.id, start, end)
        bob_ws.annotations().save()
        ws.annotations().save()
        ws.annotations().reload()
        yield Corpus(ws, gather_inputs(ws), expected, themes)


@pytest.fixture(scope="module")
def brief(corpus: Corpus) -> Brief:
    return corpus.inputs.build(BriefOptions(title="Corpus briefing", group_name="Test group"))


@pytest.fixture(scope="module")
def outputs(brief: Brief) -> dict[str, bytes]:
    return {fmt: render(brief, fmt) for fmt in ("pdf", "docx", "html", "md", "csv")}


def test_the_corpus_brief_is_big_enough(corpus: Corpus, brief: Brief) -> None:
    assert brief.quote_count >= 20
    assert len(brief.sources) >= 4
    assert len(brief.themes) >= 5
    assert {q.annotator for q in brief.quotes()} == {ALICE, BOB}
    assert brief.orphan_count == 0


def test_every_cited_page_holds_the_quote(corpus: Corpus, brief: Brief) -> None:
    checked = 0
    for q in brief.quotes():
        doc = corpus.inputs.documents[q.doc_id]
        text = corpus.inputs.text(q.doc_id)
        if not doc.paged:
            assert q.citation.page == ""
            continue
        page = text.page(q.page_number)
        assert page is not None and page.cite_label == q.citation.page
        end_page = text.page_at(q.end - 1)
        body = norm(text.text[page.start:(end_page or page).end])
        assert norm(q.text) in body
        checked += 1
    assert checked >= 10


def test_cited_pages_match_the_corpus_expectations(corpus: Corpus, brief: Brief) -> None:
    by_id = {q.highlight_id: q for q in brief.quotes()}
    assert len(corpus.expected_pages) >= 8
    for hid, page in corpus.expected_pages.items():
        assert by_id[hid].page_number == page, by_id[hid].text


def test_pdf_holds_every_quote_and_its_page_citation(brief: Brief,
                                                     outputs: dict[str, bytes]) -> None:
    text = pdf_body_text(outputs["pdf"])
    for q in brief.quotes():
        assert norm(q.text) in text, q.text
        assert norm(cite.plain(q.citation)) in text
    assert pdf_info(outputs["pdf"])["Title"] == "Corpus briefing"


def test_docx_has_a_heading_per_theme_and_every_quote_in_quote_style(
        brief: Brief, outputs: dict[str, bytes]) -> None:
    import io
    d = docx.Document(io.BytesIO(outputs["docx"]))
    headings = {p.text for p in d.paragraphs if p.style.name.startswith("Heading")}
    for t in brief.themes:
        assert t.label in headings
    quotes = {norm(p.text) for p in d.paragraphs if p.style.name == "Quote"}
    cites = {p.text.replace("\xa0", " ") for p in d.paragraphs if p.style.name == "Citation"}
    for q in brief.quotes():
        assert norm(q.text) in quotes
        assert f"— {cite.plain(q.citation)}" in cites


def test_html_markdown_and_csv_hold_the_same_quotes_and_cites(
        brief: Brief, outputs: dict[str, bytes]) -> None:
    import csv
    import html
    import io
    page = html.unescape(outputs["html"].decode("utf-8"))
    md = outputs["md"].decode("utf-8")
    md_quotes = markdown_blocks(md)[0]
    rows = list(csv.DictReader(io.StringIO(outputs["csv"].decode("utf-8-sig"))))
    csv_quotes = {r["quote"]: r for r in rows}
    flat_page = norm(re.sub(r"<[^>]+>", "", page))
    for q in brief.quotes():
        c = cite.plain(q.citation)
        assert norm(q.text) in flat_page and norm(c) in flat_page
        assert norm(q.text) in md_quotes
        assert csv_quotes[q.text]["citation"] == c
        assert csv_quotes[q.text]["page"] == q.citation.page
    assert len(rows) == brief.quote_count


def test_anonymized_brief_names_no_annotator_in_any_format(corpus: Corpus) -> None:
    b = corpus.inputs.build(BriefOptions(anonymize=True, group_by=GroupBy.STANCE))
    for fmt in ("pdf", "docx", "html", "md", "csv"):
        data = render(b, fmt)
        if fmt == "pdf":
            seen = pdf_body_text(data) + " " + " ".join(str(v) for v in
                                                        pdf_info(data).values())
        elif fmt == "docx":
            seen = docx_xml(data)
        else:
            seen = data.decode("utf-8-sig")
        for name in (ALICE, BOB, "Zelda", "Quince", "Teodor", "Lindqvist"):
            assert name not in seen, (fmt, name)
    named = render(corpus.inputs.build(BriefOptions()), "md").decode("utf-8")
    assert ALICE in named and BOB in named
