"""Every import ends with a summary: imported, already present, skipped with the reason per
kind — an unknown XML vocabulary by its root element, duplicates of documents already in
the library, files of other types in a folder — and the code sections two files now claim
(issue 13, part 5). The CLI's part: tests/e2e/test_cli_import_summary.py."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.model.imports import DUPLICATE, FileGroup, ImportSummary
from reader.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]
DC = REPO / "corpus" / "statutes" / "dc-code-48-chapter-9e"
RSS = "<?xml version='1.0'?><rss version='2.0'><channel><title>{}</title></channel></rss>"


def downloads(base: Path) -> Path:
    """A folder as a person downloads it: a code chapter, two RSS feeds saved as .xml, a
    picture, a second copy of one section and an older version of another."""
    src = base / "downloads"
    shutil.copytree(DC, src / "dc")
    other = src / "other"
    other.mkdir()
    for i in (1, 2):
        (other / f"feed-{i}.xml").write_text(RSS.format(f"Feed {i}"), "utf-8")
    (other / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (other / ".DS_Store").write_bytes(b"junk")  # hidden: not mentioned
    shutil.copy(DC / "48-961.03.xml", other / "copy-of-03.xml")
    older = (DC / "48-961.05.xml").read_text("utf-8").replace(
        "Good Samaritan immunity", "Good Samaritan immunity (2023 text)")
    (other / "48-961.05-2023.xml").write_text(older, "utf-8")
    return src


def test_an_import_says_what_happened_to_every_file(tmp_path: Path) -> None:
    src = downloads(tmp_path)
    root = tmp_path / "ws"
    root.mkdir()
    ws = Workspace.open(root)
    changes = ws.library().add_files([src / "dc", src / "other"])
    summary = changes.summary
    assert summary is not None
    assert len(summary.imported) == 14  # 13 chapter files and the 2023 section
    assert "other/48-961.05-2023.xml" in summary.imported
    lines = {g.line: g for g in summary.skipped}
    assert set(lines) == {"2 unsupported: XML vocabulary ‹rss› not known",
                          "1 not a document Policy Reader reads: .png files",
                          "1 duplicate of a document already in the library"}
    assert lines["2 unsupported: XML vocabulary ‹rss› not known"].files == (
        "other/feed-1.xml", "other/feed-2.xml")
    assert lines["1 duplicate of a document already in the library"].details == (
        "copy-of-03.xml is dc/48-961.03.xml",)
    assert not (root / "other" / "copy-of-03.xml").exists()
    # two files claim § 48-961.05: both kept, and the summary says so
    assert [c.message for c in summary.claims] == [
        "D.C. Code § 48-961.05 is claimed by 2 files: dc/48-961.05.xml and "
        "other/48-961.05-2023.xml"]
    assert summary.headline == "Imported 14 files; 4 skipped; 1 section claimed twice"
    text = "\n".join(summary.lines())
    assert ".DS_Store" not in text and "feed-2.xml" in text

    again = ws.library().add_files([src / "dc"]).summary
    assert again is not None and again.headline == "Imported 0 files; 13 already present"


def test_lines_cap_long_groups() -> None:
    group = FileGroup("unsupported", "XML vocabulary ‹rss› not known",
                      tuple(f"f{i}.xml" for i in range(25)))
    lines = ImportSummary(skipped=(group,)).lines(per_group=3)
    assert lines == ["Imported 0 files; 25 skipped",
                     "  25 unsupported: XML vocabulary ‹rss› not known",
                     "    f0.xml", "    f1.xml", "    f2.xml", "    … and 22 more"]
    assert ImportSummary().lines() == ["Imported 0 files"]
    assert FileGroup(DUPLICATE, "", ("a", "b")).line == (
        "2 duplicates of documents already in the library")
