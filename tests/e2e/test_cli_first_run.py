"""A new person's first commands: a workspace folder that does not exist yet, a file
added twice, and what a slow first start says it is doing."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from reader.ops.library import SUFFIXES
from tests.conftest import CORPUS
from tests.e2e.cli_helpers import run_cli

MEMO = CORPUS / "memos" / "alder-county-2020-declination-memo.pdf"


def test_add_creates_a_missing_workspace_and_says_so(user_home: Path, tmp_path: Path) -> None:
    target = tmp_path / "study group" / "2025"
    out = run_cli("--workspace", str(target), "add", str(MEMO), home=user_home)
    assert out.returncode == 0, out.stderr
    assert f"created the workspace folder {target}" in out.stderr
    assert (target / MEMO.name).is_file()
    again = run_cli("--workspace", str(target), "add", str(MEMO), home=user_home)
    assert "created" not in again.stderr


def test_reading_commands_do_not_create_a_mistyped_workspace(user_home: Path,
                                                             tmp_path: Path) -> None:
    typo = tmp_path / "stdy-group"
    for args in (["docs"], ["search", "naloxone"], ["index"]):
        out = run_cli("--workspace", str(typo), *args, home=user_home)
        assert out.returncode == 1 and "Traceback" not in out.stderr
        assert f"The workspace folder {typo} does not exist." in out.stderr
        assert "add FILE creates the folder" in out.stderr
    assert not typo.exists()
    env = run_cli("docs", home=user_home, env={"POLICY_READER_WORKSPACE": str(typo)})
    assert "(from $POLICY_READER_WORKSPACE) does not exist" in env.stderr


def test_a_workspace_that_cannot_be_created_is_a_clear_error(user_home: Path,
                                                             tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    out = run_cli("--workspace", str(tmp_path / "a-file" / "ws"), "add", str(MEMO),
                  home=user_home)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "Cannot create the workspace folder" in out.stderr
    assert "A part of the path is a file, not a folder." in out.stderr
    out = run_cli("--workspace", str(tmp_path / "a-file"), "add", str(MEMO), home=user_home)
    assert out.returncode == 1 and "is a file, not a folder" in out.stderr


def test_adding_a_file_twice_says_which_document_it_is(user_home: Path,
                                                       workspace_dir: Path,
                                                       tmp_path: Path) -> None:
    first = run_cli("-w", str(workspace_dir), "add", str(MEMO), "--to", "memos",
                    home=user_home)
    assert first.returncode == 0, first.stderr
    assert "1 new" in first.stdout
    renamed = tmp_path / "Downloads" / "memo (1).pdf"
    renamed.parent.mkdir()
    shutil.copy(MEMO, renamed)
    out = run_cli("-w", str(workspace_dir), "add", str(renamed), str(MEMO), home=user_home)
    assert out.returncode == 0, out.stderr
    title = "Declination of Simple Possession Charges and Referral to Deflection Services"
    assert (f"memo (1).pdf: already in the library as “{title}” "
            f"(memos/{MEMO.name})") in out.stdout
    assert f"{MEMO.name}: already in the library as “{title}”" in out.stdout
    assert "moved" not in out.stdout
    assert "1 document (1 readable): 2 already in the library" in out.stdout
    assert sorted(p.name for p in workspace_dir.rglob("*.pdf")) == [MEMO.name]


def documents_in(folder: Path) -> int:
    """The sample corpus's documents (it grows as samples are added)."""
    n = sum(1 for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    assert n > 30
    return n


def test_a_first_start_says_what_it_is_doing_with_counts(user_home: Path,
                                                         corpus_copy: Path) -> None:
    every_phase = {"POLICY_READER_PROGRESS_DELAY": "0"}  # fast machines are quick too
    out = run_cli("-w", str(corpus_copy), "search", "naloxone", "--limit", "1",
                  home=user_home, env=every_phase)
    assert out.returncode == 0, out.stderr
    lines = out.stderr.splitlines()
    n = documents_in(corpus_copy)
    assert f"Checking {n} files for changes {n}/{n}" in lines
    assert f"Building the search index ({n} documents) {n}/{n}" in lines
    # the extracted text may be cached by earlier tests; when it is not, reading says so
    reading = [x for x in lines if x.startswith("Reading ")]
    assert all(re.fullmatch(r"Reading \d+ files \(the first time on this computer\) "
                            r"\d+/\d+", x) for x in reading), reading
    assert not any(x.startswith(("Checking files", "Extracted", "Indexing documents"))
                   for x in lines)
    quiet = run_cli("-w", str(corpus_copy), "search", "naloxone", home=user_home)
    assert quiet.stderr == ""  # nothing changed, nothing slow: nothing to say


def test_add_samples_into_a_new_workspace(user_home: Path, tmp_path: Path) -> None:
    target = tmp_path / "try-it"
    out = run_cli("-w", str(target), "add", "--samples", home=user_home)
    assert out.returncode == 0, out.stderr
    assert "created the workspace folder" in out.stderr
    n = documents_in(CORPUS)
    assert f"{n} documents ({n} readable)" in out.stdout
    assert (target / "memos" / MEMO.name).is_file()
    usage = run_cli("-w", str(target), "add", home=user_home)
    assert usage.returncode == 2 and "--samples" in usage.stderr
