"""``annotations export --format qdpx|qdc`` and ``annotations import F.qdpx [--dry-run]``
as a person runs them: two people, two workspaces, one project file between them."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from tests.e2e.cli_helpers import REPO, run_cli

PDF = "memos/alder-county-2020-declination-memo.pdf"


def cli(ws: Path, home: Path, *args: str) -> tuple[int, str, str]:
    out = run_cli("-q", "-w", str(ws), *args, home=home)
    return out.returncode, out.stdout, out.stderr


def test_export_and_import_a_project(tmp_path: Path) -> None:
    ws, home = tmp_path / "maria", tmp_path / "home-maria"
    (ws / "memos").mkdir(parents=True)
    shutil.copy2(REPO / "corpus" / PDF, ws / PDF)
    assert cli(ws, home, "whoami", "--name", "Maria G")[0] == 0
    code, _, err = cli(ws, home, "annotate", PDF, "--quote", "decline", "--occurrence", "1",
                       "--theme", "naloxone", "--stance", "supports", "--note", "The promise.")
    assert code == 0, err
    out_file = tmp_path / "group.qdpx"
    code, _, err = cli(ws, home, "annotations", "export", "--format", "qdpx", "--out",
                       str(out_file))
    assert code == 0 and "1 highlight(s) on 1 document(s)" in err, err
    assert "project.qde" in zipfile.ZipFile(out_file).namelist()
    code, _, err = cli(ws, home, "annotations", "export", "--format", "qdc", "--out",
                       str(tmp_path / "codes.qdc"))
    assert code == 0 and "code(s) written" in err
    code, _, err = cli(ws, home, "annotations", "export", "--format", "qdpx", "--out", "-")
    assert code == 2 and "binary" in err

    other, home2 = tmp_path / "dev", tmp_path / "home-dev"
    other.mkdir()
    code, out, err = cli(other, home2, "annotations", "import", str(out_file), "--dry-run")
    assert code == 0, err
    assert "Would import project" in out and "1 new" in out and "by Maria G" in out
    assert not (other / ".policy-reader" / "annotations").exists()
    code, out, err = cli(other, home2, "annotations", "import", str(out_file), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["plan"]["placed"] == 1 and len(result["files_written"]) == 1
    code, out, _ = cli(other, home2, "annotations", "list", "--json")
    items = json.loads(out)
    assert len(items) == 1 and "Maria G" in json.dumps(items)


def test_import_refuses_a_broken_project(tmp_path: Path) -> None:
    bad = tmp_path / "bad.qdpx"
    bad.write_text("not a zip")
    code, _, err = cli(tmp_path, tmp_path / "home", "annotations", "import", str(bad))
    assert code == 1 and "not a zip archive" in err
    code, _, err = cli(tmp_path, tmp_path / "home", "annotations", "import",
                       str(tmp_path / "x.json"), "--as-mine")
    assert code == 2 and "REFI-QDA" in err
