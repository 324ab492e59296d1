"""A code's section in the outline: where it stands, its neighbours one click away, its own
subsections under it (issue 13, part 4: "opening a section shows its neighbours")."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from reader.documents.codes import code_collections, place_of
from reader.ops.library import refresh
from reader.ui.widgets.outline_panel import DOC_ROLE, OFFSET_ROLE, OutlinePanel
from reader.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
DC = REPO / "corpus" / "statutes" / "dc-code-48-chapter-9e"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    shutil.copytree(DC, tmp_path / "ws" / "dc")
    workspace = Workspace.open(tmp_path / "ws")
    refresh(workspace, index=False)
    return workspace


def test_a_section_shows_its_place_and_neighbours(qtbot: Any, ws: Workspace,
                                                  tmp_path: Path) -> None:
    lib = ws.library()
    colls = code_collections(lib.documents(), lib.text)
    doc = lib.find("dc/48-961.05.xml")
    place = place_of(colls, doc.id)
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.resize(360, 600)
    panel.show()
    panel.show_outline(lib.text(doc.id), place)
    assert panel.trail.text() == "Title 48 › Chapter 9E › § 48-961.05"
    assert panel.previous.text() == "‹ § 48-961.04" and panel.next.text() == "§ 48-961.06 ›"
    chapter = panel.model.item(0)
    assert chapter.text().startswith("Chapter 9E. Harm Reduction")
    assert chapter.rowCount() == 12
    current = chapter.child(4)
    assert current.text().startswith("§ 48-961.05.") and current.font().bold()
    assert [current.child(r).text()[:3] for r in range(current.rowCount())] == [
        "(a)", "(b)", "(c)", "His"]  # its own outline, under its entry
    with qtbot.waitSignal(panel.section_requested) as neighbour:
        panel._activate(panel.model.indexFromItem(chapter.child(5)))
    assert neighbour.args == [lib.find("dc/48-961.06.xml").id]
    assert chapter.child(5).data(DOC_ROLE) == neighbour.args[0]
    with qtbot.waitSignal(panel.section_requested) as previous:
        panel.previous.click()
    assert previous.args == [lib.find("dc/48-961.04.xml").id]
    own = current.child(0)
    with qtbot.waitSignal(panel.jump_requested):
        panel._activate(panel.model.indexFromItem(own))
    assert own.data(OFFSET_ROLE) is not None
    assert panel.grab().save(str(tmp_path / "outline.png"))


def test_the_first_section_has_no_previous_and_other_documents_no_place(
        qtbot: Any, ws: Workspace) -> None:
    lib = ws.library()
    colls = code_collections(lib.documents(), lib.text)
    first = lib.find("dc/48-961.01.xml")
    panel = OutlinePanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_outline(lib.text(first.id), place_of(colls, first.id))
    assert not panel.previous.isEnabled() and panel.next.isEnabled()
    index = lib.find("dc/index.xml")
    panel.show_outline(lib.text(index.id), place_of(colls, index.id))
    assert panel.trail.isHidden() and panel.steps.isHidden()
    panel.show_outline(None)
    assert panel.place is None and not panel.empty.isHidden()
