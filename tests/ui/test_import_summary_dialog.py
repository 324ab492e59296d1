"""The import summary's details list: every group with its files under it (issue 13, part 5)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.model.imports import (
    AlreadyInLibrary,
    DuplicateSection,
    FileGroup,
    ImportSummary,
)
from reader.ui.widgets.import_summary import show_import_summary, worth_showing

SUMMARY = ImportSummary(
    imported=("dc/48-961.01.xml", "dc/48-961.02.xml"),
    already_present=(AlreadyInLibrary("48-961.03.xml", "c3", "§ 48-961.03. Definitions",
                                      "dc/48-961.03.xml"),
                     AlreadyInLibrary("copy.xml", "c3", "§ 48-961.03. Definitions",
                                      "dc/48-961.03.xml")),
    skipped=(FileGroup("unsupported", "XML vocabulary ‹rss› not known",
                       ("other/feed-1.xml", "other/feed-2.xml")),),
    claims=(DuplicateSection("D.C. Code § 48-961.05", ("dc/48-961.05.xml", "old/x.xml")),))


def test_the_details_list_every_group(qtbot: Any, tmp_path: Path) -> None:
    dialog = show_import_summary(None, SUMMARY)
    qtbot.addWidget(dialog)
    tops = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [t.text(0) for t in tops] == [
        "2 unsupported: XML vocabulary ‹rss› not known",
        "2 already in the library (not copied again)",
        "D.C. Code § 48-961.05 is claimed by 2 files",
        "2 imported"]
    assert [tops[0].child(i).text(0) for i in range(2)] == ["other/feed-1.xml",
                                                           "other/feed-2.xml"]
    assert tops[1].child(1).text(0) == (
        "copy.xml: already in the library as “§ 48-961.03. Definitions” (dc/48-961.03.xml)")
    assert tops[0].isExpanded() and not tops[3].isExpanded()
    assert dialog.grab().save(str(tmp_path / "import-summary.png"))
    assert worth_showing(SUMMARY)
    already = (AlreadyInLibrary("b.pdf", "b", "B", "b.pdf"),)
    assert not worth_showing(ImportSummary(imported=("a.pdf",), already_present=already))
    assert worth_showing(ImportSummary(already_present=already))  # nothing else happened
