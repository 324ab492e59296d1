"""Every import ends with a summary: imported, already present, skipped with the reason per
kind — an unknown XML vocabulary by its root element, duplicates of documents already in
the library, files of other types in a folder — and the code sections two files now claim
(issue 13, part 5). The CLI's part: tests/e2e/test_cli_import_summary.py."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.model.imports import AlreadyInLibrary, FileGroup, ImportSummary
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
                          "1 not a document Policy Reader reads: .png files"}
    assert lines["2 unsupported: XML vocabulary ‹rss› not known"].files == (
        "other/feed-1.xml", "other/feed-2.xml")
    title = ws.library().find("dc/48-961.03.xml").title
    assert [a.line for a in summary.already_present] == [
        f"copy-of-03.xml: already in the library as “{title}” (dc/48-961.03.xml)"]
    assert not (root / "other" / "copy-of-03.xml").exists()
    # two files claim § 48-961.05: both kept, and the summary says so
    assert [c.message for c in summary.claims] == [
        "D.C. Code § 48-961.05 is claimed by 2 files: dc/48-961.05.xml and "
        "other/48-961.05-2023.xml"]
    assert summary.headline == ("Imported 14 files; 1 already in the library; 3 skipped; "
                                "1 section claimed twice")
    text = "\n".join(summary.lines())
    assert ".DS_Store" not in text and "feed-2.xml" in text

    again = ws.library().add_files([src / "dc"]).summary
    assert again is not None and again.headline == "Imported 0 files; 13 already in the library"
    assert {a.path for a in again.already_present} == set(summary.imported) - {
        "other/48-961.05-2023.xml"}  # each the very document it is


def test_lines_cap_long_groups() -> None:
    group = FileGroup("unsupported", "XML vocabulary ‹rss› not known",
                      tuple(f"f{i}.xml" for i in range(25)))
    lines = ImportSummary(skipped=(group,)).lines(per_group=3)
    assert lines == ["Imported 0 files; 25 skipped",
                     "  25 unsupported: XML vocabulary ‹rss› not known",
                     "    f0.xml", "    f1.xml", "    f2.xml", "    … and 22 more"]
    assert ImportSummary().lines() == ["Imported 0 files"]
    present = ImportSummary(already_present=(
        AlreadyInLibrary("memo (1).pdf", "abc", "Declination", "memos/memo.pdf"),
        AlreadyInLibrary("memo.pdf", "abc", "Declination", "memo.pdf"),
        AlreadyInLibrary("dc")))  # a folder inside the workspace
    assert present.lines() == [
        "Imported 0 files; 3 already in the library",
        "  3 already in the library (not copied again)",
        "    memo (1).pdf: already in the library as “Declination” (memos/memo.pdf)",
        "    memo.pdf: already in the library as “Declination”",
        "    dc: already in the workspace"]


def test_files_named_inside_the_workspace_are_read_in_place(tmp_path: Path) -> None:
    """A file already inside the workspace is not copied: a new one is imported where it
    is, one the library holds is already there (as that document), a picture is not a
    document, and a folder is read in place."""
    root = tmp_path / "ws"
    (root / "memos").mkdir(parents=True)
    (root / "memos" / "old.md").write_text("# Old memo\n\nKnown words.\n", "utf-8")
    ws = Workspace.open(root)
    lib = ws.library()
    lib.update()
    (root / "memos" / "new.md").write_text("# New memo\n\nFresh words.\n", "utf-8")
    (root / "memos" / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    changes = lib.add_files([root / "memos" / "new.md", root / "memos" / "old.md",
                             root / "memos" / "pic.png", root / "memos"])
    summary = changes.summary
    assert summary is not None
    assert summary.imported == ("memos/new.md",)
    assert [a.line for a in summary.already_present] == [
        "old.md: already in the library as “Old memo” (memos/old.md)",
        "memos: already in the workspace"]
    assert [g.line for g in summary.skipped] == [
        "1 not a document Policy Reader reads: .png files"]
    assert sorted(d.path for d in lib.documents()) == ["memos/new.md", "memos/old.md"]
