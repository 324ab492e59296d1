"""'policy-reader codes' lists a code's one-section files as a tree and prints a chapter in
order (issue 13, part 4)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.e2e.cli_helpers import REPO, run_cli


def test_codes_tree_and_chapter(user_home: Path, workspace_dir: Path) -> None:
    shutil.copytree(REPO / "corpus" / "statutes" / "dc-code-48-chapter-9e",
                    workspace_dir / "dc")
    out = run_cli("-w", str(workspace_dir), "codes", home=user_home)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[:4] == ["D.C. Code (12 sections)", "  Title 48. Foods and Drugs",
                         "    Chapter 9E. Harm Reduction and Overdose Prevention Services",
                         "      § 48-961.01. Definitions"]
    chapter = run_cli("-w", str(workspace_dir), "codes", "--chapter", "Chapter 9E",
                      home=user_home)
    text = chapter.stdout
    assert text.index("§ 48-961.01.") < text.index("§ 48-961.12.")
    as_json = json.loads(run_cli("-w", str(workspace_dir), "codes", "--json",
                                 home=user_home).stdout)
    assert as_json[0]["code"] == "D.C. Code" and as_json[0]["sections"] == 12
    missing = run_cli("-w", str(workspace_dir), "codes", "--chapter", "Chapter 99",
                      home=user_home)
    assert missing.returncode == 1 and "Chapters and titles here: Title 48, Chapter 9E" \
        in missing.stderr
