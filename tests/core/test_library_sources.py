"""The library keeps where each metadata value came from; the group's corrections win, say
so, and survive the document being read again."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.model.documents import FROM_EDIT, FROM_TEXT
from reader.workspace import Workspace

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fidelity"


def test_corrections_win_and_survive_re_extraction(workspace_dir: Path) -> None:
    (workspace_dir / "opinions").mkdir()
    shutil.copy(FIXTURES / "dc_cir_ashworth.pdf", workspace_dir / "opinions" / "ashworth.pdf")
    lib = Workspace.open(workspace_dir).library()
    lib.update()
    doc = lib.find("opinions/ashworth.pdf")
    assert doc.meta.title == "United States v. Ashworth"
    date = doc.source_of("date")
    assert date is not None and date.describe() == "from page 1: ‘Decided February 5, 2010’"
    assert doc.source_of("argued") is not None

    lib.set_meta(doc.id, title="Ashworth (suppression)", judge="Judge Bergstrom-Hale")
    edited = lib.get(doc.id)
    assert edited.meta.title == "Ashworth (suppression)"
    assert edited.source_of("title").origin == FROM_EDIT
    assert edited.source_of("title").describe() == "edited for this workspace"

    lib.update(rebuild=True)  # read again, as after an extractor upgrade
    again = Workspace.open(workspace_dir).library()
    again.update()
    doc = again.get(doc.id)
    assert (doc.meta.title, doc.meta.judge) == ("Ashworth (suppression)",
                                                "Judge Bergstrom-Hale")
    assert doc.source_of("judge").origin == FROM_EDIT
    assert doc.meta.date == "2010-02-05" and doc.source_of("date").origin == FROM_TEXT
    assert doc.meta.kind == "opinion" and doc.meta.docket == "No. 08-3071"
