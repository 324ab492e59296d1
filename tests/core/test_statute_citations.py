"""A statute read from XML keeps its structure through the library's text cache, and a
brief quotes it by section and subsection; a quote from the history or notes is cited as a
note ("§ 48-961.03 note"), never as the law, and never with a subsection of the law."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.export import BriefOptions
from reader.export.citation import plain
from reader.ops.brief import gather_inputs
from reader.ops.library import refresh
from reader.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
DC = REPO / "corpus" / "statutes" / "dc-code-48-chapter-9e"


def _workspace(tmp_path: Path) -> Workspace:
    root = tmp_path / "ws"
    (root / "dc").mkdir(parents=True)
    for name in ("48-961.03.xml", "48-961.05.xml"):
        shutil.copy(DC / name, root / "dc" / name)
    ws = Workspace.open(root)
    refresh(ws, index=False)
    return ws


def test_sections_notes_and_links_survive_the_text_cache(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    library = ws.library()
    doc = library.find("dc/48-961.03.xml")
    assert doc.format == "xml" and doc.meta.citation == "D.C. Code § 48-961.03"
    text = library.text(doc.id)
    assert any(s.is_note for s in text.sections)
    link = next(k for k in text.links if k.target == "D.C. Code § 48-961.12")
    assert text.text[link.start:link.end] == "§ 48-961.12"
    assert text.pinpoint(text.text.index("(Mar. 22, 2024")) == "§ 48-961.03 note"


def test_a_brief_cites_subsections_and_never_quotes_a_note_as_law(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    library = ws.library()
    store = ws.annotations()
    store.set_author_name("Tester")
    doc = library.find("dc/48-961.03.xml")
    text = library.text(doc.id).text

    def highlight(words: str) -> str:
        start = text.index(words)
        return store.create(doc.id, start, start + len(words)).id

    law = highlight("Shall not be a criminal conviction for any purpose")
    history = highlight("Mar. 22, 2024, D.C. Law 25-214, § 3, 71 DCR 3310")
    editors = highlight("the amounts in subsection (d) are invented")
    store.save()
    brief = gather_inputs(ws).build(BriefOptions(title="Statutes"))
    quotes = {q.highlight_id: q for q in brief.quotes()}
    assert quotes[law].citation.section == "§ 48-961.03(b)(3)"
    assert quotes[law].citation.page == ""  # a statute is cited by section, not page
    for note in (history, editors):
        assert quotes[note].citation.section == "§ 48-961.03 note"
        assert "(b)" not in plain(quotes[note].citation)
        assert "(d)" not in quotes[note].citation.section
