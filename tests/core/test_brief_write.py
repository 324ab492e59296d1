"""Writing briefs to files: formats, destinations, atomic replacement, nothing to export,
option persistence (garbage in the settings never breaks the dialog)."""

from __future__ import annotations

import datetime as dt
import errno
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from reader.errors import Cancelled, ExportError, NothingToExport
from reader.export import write as writer
from reader.export.gather import BriefInputs
from reader.export.model import Brief
from reader.export.options import BriefOptions, GroupBy, OrphanPolicy, PageSize
from reader.export.write import format_for, target_path, write_brief
from reader.model.annotations import Stance
from reader.progress import CancelToken
from tests.core.brief_fixtures import Fixture, sample

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)


def inputs(f: Fixture | None = None) -> BriefInputs:
    f = f or sample()
    return BriefInputs(placed=tuple(f.placed), documents=f.documents,
                       library=SimpleNamespace(text=f.text), taxonomy=f.taxonomy)


@pytest.fixture(scope="module")
def brief() -> Brief:
    return inputs().build(BriefOptions(title="T"))


@pytest.mark.parametrize(("name", "fmt"), [("a.pdf", "pdf"), ("a.DOCX", "docx"),
                                           ("a.htm", "html"), ("a.html", "html"),
                                           ("a.md", "md"), ("a.markdown", "md"),
                                           ("a.csv", "csv")])
def test_format_follows_the_extension(name: str, fmt: str) -> None:
    assert format_for(name) == fmt


def test_explicit_format_wins_and_unknown_ones_are_explained() -> None:
    assert format_for("brief.txt", "pdf") == "pdf"
    assert format_for("x", "Markdown") == "md"
    with pytest.raises(ExportError, match=r"extension '\.txt'"):
        format_for("brief.txt")
    with pytest.raises(ExportError, match="no extension"):
        format_for("brief")
    with pytest.raises(ExportError, match="'odt' is not a brief format"):
        format_for("brief.odt", "odt")
    assert target_path("out/brief", "pdf") == Path("out/brief.pdf")
    assert target_path("out/brief.txt", "pdf") == Path("out/brief.txt")


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md", "csv"])
def test_every_format_writes_a_file_and_leaves_no_temporary(tmp_path: Path, brief: Brief,
                                                             fmt: str) -> None:
    result = write_brief(brief, tmp_path / "brief", fmt)
    assert result.path == tmp_path / f"brief{writer.FORMATS[fmt][1]}"
    assert result.path.stat().st_size == result.size > 100
    assert result.quotes == 14 and result.documents == 4 and result.orphans == 1
    assert [p.name for p in tmp_path.iterdir()] == [result.path.name]
    assert "Wrote" in result.summary() and "14 passages from 4 documents" in result.summary()
    assert oct(result.path.stat().st_mode & 0o777) == oct(0o644)


def test_missing_folder_is_a_clear_error(tmp_path: Path, brief: Brief) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_brief(brief, tmp_path / "nope" / "brief.pdf")
    assert not (tmp_path / "nope").exists()


def test_a_folder_as_the_target_is_refused(tmp_path: Path, brief: Brief) -> None:
    (tmp_path / "x.pdf").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        write_brief(brief, tmp_path / "x.pdf")


def test_read_only_folder_is_a_clear_error(tmp_path: Path, brief: Brief,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    # root ignores permission bits, so the refusal is simulated where it happens
    def refuse(*a: object, **k: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match="read-only"):
        write_brief(brief, tmp_path / "brief.md")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_folder_for_real(tmp_path: Path, brief: Brief) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="read-only"):
            write_brief(brief, folder / "brief.md")
    finally:
        folder.chmod(0o755)


def test_a_failed_replace_leaves_the_old_file_intact(tmp_path: Path, brief: Brief,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "brief.html"
    target.write_text("the old brief")

    def broken(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "replace", broken)
    with pytest.raises(ExportError, match="disk is full"):
        write_brief(brief, target)
    assert target.read_text() == "the old brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.html"]


def test_an_existing_file_is_replaced_keeping_its_permissions(tmp_path: Path,
                                                              brief: Brief) -> None:
    target = tmp_path / "brief.md"
    target.write_text("old")
    target.chmod(0o600)
    write_brief(brief, target)
    assert target.read_text("utf-8").startswith("# T")
    assert target.stat().st_mode & 0o777 == 0o600


def test_cancel_during_the_pdf_keeps_the_old_file(tmp_path: Path, brief: Brief) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"old pdf")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        write_brief(brief, target, cancel=token)
    assert target.read_bytes() == b"old pdf"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.pdf"]


def test_nothing_to_export_writes_nothing(tmp_path: Path) -> None:
    ins = inputs()
    with pytest.raises(NothingToExport):
        brief = ins.build(BriefOptions(themes=("no-such-theme",)))
        write_brief(brief, tmp_path / "brief.pdf")
    assert list(tmp_path.iterdir()) == []


def test_inputs_count_for_the_dialog() -> None:
    ins = inputs()
    counts = ins.count(BriefOptions())
    assert (counts.highlights, counts.orphaned, counts.citable, counts.documents) == \
        (15, 1, 14, 4)
    assert ins.count(BriefOptions(stances=(Stance.OPPOSES,))).highlights == 3
    assert len(ins.themes) == 7


def test_options_survive_a_round_trip_through_settings() -> None:
    opts = BriefOptions(title="Packet", themes=("a", "b"), stances=(Stance.SUPPORTS,),
                        since=dt.date(2024, 1, 2), group_by=GroupBy.STANCE,
                        page_size=PageSize.LETTER, orphans=OrphanPolicy.APPENDIX,
                        anonymize=True)
    assert BriefOptions.from_dict(opts.to_dict()) == opts


@pytest.mark.parametrize("garbage", [None, 3, "x", [], {"title": 5}, {"since": "tomorrow"},
                                     {"group_by": "color"}, {"stances": ["maybe"]},
                                     {"themes": "decrim"}, {"anonymize": "yes"},
                                     {"unknown": 1}, {"date": 20240101}])
def test_damaged_saved_options_fall_back_to_defaults(garbage: object) -> None:
    opts = BriefOptions.from_dict(garbage)
    assert isinstance(opts, BriefOptions)
    assert opts.group_by is GroupBy.THEME and opts.title == "Briefing packet"


def test_options_accept_plain_strings_from_a_form() -> None:
    opts = BriefOptions(group_by="document", page_size="letter", orphans="appendix",
                        stances=["opposes"], themes=["x"])
    assert opts.group_by is GroupBy.DOCUMENT and opts.page_size is PageSize.LETTER
    assert opts.stances == (Stance.OPPOSES,) and opts.themes == ("x",)
    with pytest.raises(ValueError):
        BriefOptions(group_by="colour")


def test_preview_is_short_html_and_explains_an_empty_selection() -> None:
    ins = inputs()
    page = ins.preview(BriefOptions(title="Preview"), limit=2)
    assert "Preview" in page and page.count("<blockquote") == 2
    empty = ins.preview(BriefOptions(themes=("nope",)))
    assert "No highlight matches themes nope" in empty and "<blockquote" not in empty


def test_documents_with_highlights_for_the_picker() -> None:
    docs = inputs().documents_with_highlights()
    assert [(d.id, n) for d, n in docs] == [("d-article", 3), ("d-memo", 6), ("d-report", 4),
                                           ("d-statute", 2)]
