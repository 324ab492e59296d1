""""Open With" on a file that no longer exists (a moved download, a stale recent-files
entry) says so, without a window or a traceback."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.cli_helpers import run_cli


def test_opening_a_file_that_is_gone(tmp_path: Path) -> None:
    probe = tmp_path / "probe.json"
    out = run_cli("-w", str(tmp_path), "open", str(tmp_path / "Downloads" / "memo.pdf"),
                  home=tmp_path / "home", env={"POLICY_READER_GUI_PROBE": str(probe)})
    assert out.returncode == 1
    assert "memo.pdf does not exist: it may have been moved, renamed or deleted" in out.stderr
    assert "Traceback" not in out.stderr and not probe.exists()
    ids = run_cli("-w", str(tmp_path), "open", "3fa4c2", home=tmp_path / "home")
    assert ids.returncode == 1 and "does not exist" not in ids.stderr  # an id, not a file
