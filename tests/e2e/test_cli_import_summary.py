"""'policy-reader add' prints the import's summary: what was imported, what was already
there, and every file skipped with its reason (issue 13, part 5)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.core.test_import_summary import downloads
from tests.e2e.cli_helpers import run_cli


def test_the_cli_prints_the_summary(tmp_path: Path, user_home: Path) -> None:
    src = downloads(tmp_path)
    root = tmp_path / "ws"
    root.mkdir()
    out = run_cli("-w", str(root), "add", str(src / "other"), home=user_home)
    assert out.returncode == 0, out.stderr
    assert "Imported 2 files; 3 skipped" in out.stdout
    assert "  2 unsupported: XML vocabulary ‹rss› not known" in out.stdout
    assert "    other/feed-1.xml" in out.stdout
    as_json = run_cli("-w", str(root), "add", "--json", str(src / "other"), home=user_home)
    summary = json.loads(as_json.stdout)["changes"]["summary"]
    assert len(summary["already_present"]) == 4 and summary["imported"] == []


def test_nothing_readable_is_an_error_with_the_summary(tmp_path: Path,
                                                       user_home: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    (tmp_path / "a.png").write_bytes(b"x")
    out = run_cli("-w", str(root), "add", str(tmp_path / "a.png"), str(tmp_path / "no.pdf"),
                  home=user_home)
    assert out.returncode == 1
    assert "1 not a document Policy Reader reads: .png files" in out.stderr
    assert "1 not found: no such file or folder" in out.stderr
    assert "Nothing was added" in out.stderr
