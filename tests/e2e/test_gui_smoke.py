"""The real entry points start the app (offscreen, in a subprocess) and show the window with
the library; ``open DOC`` opens the document; a missing DOC fails before any window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _run(args: list[str], home: Path, probe: Path | None, timeout: int = 120
         ) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POLICY_READER_HOME=str(home))
    if probe is not None:
        env["POLICY_READER_GUI_PROBE"] = str(probe)
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_the_app_starts_shows_the_library_and_quits(tmp_path: Path, corpus_copy: Path) -> None:
    home = Path(os.environ["POLICY_READER_HOME"])
    index = _run(["--workspace", str(corpus_copy), "index"], home, None, timeout=300)
    assert index.returncode == 0, index.stderr
    probe = tmp_path / "probe.json"
    done = _run(["--workspace", str(corpus_copy)], home, probe)
    assert done.returncode == 0, done.stderr
    record = json.loads(probe.read_text("utf-8").splitlines()[-1])
    assert record["visible"] is True
    assert record["title"] == f"Policy Reader — {corpus_copy.name}"
    assert record["library_rows"] == record["documents"] > 0


def test_open_command_starts_at_the_document(tmp_path: Path, corpus_copy: Path) -> None:
    home = Path(os.environ["POLICY_READER_HOME"])
    assert _run(["--workspace", str(corpus_copy), "index"], home, None, timeout=300
                ).returncode == 0
    docs = _run(["--workspace", str(corpus_copy), "docs", "--json"], home, None)
    first = json.loads(docs.stdout)[0]
    probe = tmp_path / "probe.json"
    done = _run(["--workspace", str(corpus_copy), "open", first["id"][:10], "--page", "1"],
                home, probe)
    assert done.returncode == 0, done.stderr
    record = json.loads(probe.read_text("utf-8").splitlines()[-1])
    assert record["open_document"] == first["id"]


def test_open_a_missing_document_fails_without_a_window(tmp_path: Path,
                                                        corpus_copy: Path) -> None:
    home = Path(os.environ["POLICY_READER_HOME"])
    probe = tmp_path / "probe.json"
    done = _run(["--workspace", str(corpus_copy), "open", "no-such-memo.pdf"], home, probe)
    assert done.returncode == 1
    assert "no-such-memo.pdf" in done.stderr
    assert not probe.exists()
    folder = _run(["--workspace", str(corpus_copy), "open", str(corpus_copy)], home, probe)
    assert folder.returncode == 2 and "folder" in folder.stderr
