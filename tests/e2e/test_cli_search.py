"""``policy-reader search`` as a person runs it (subprocesses over a workspace of text
files; the corpus is covered by tests/core/test_search_corpus.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main as cli_main
from reader.workspace import Workspace
from tests.e2e.cli_helpers import run_cli

FILES = {
    "memos/alder-declination.txt": (
        "Alder County Declination Memo\n\n"
        "The Office will decline to file possession charges when the amount is consistent "
        "with personal use. Officers are encouraged to carry naloxone on every shift.\n"),
    "statutes/immunity.md": (
        "# Overdose Immunity Act\n\n"
        "12-405. A person who seeks medical help for an overdose shall not be charged.\n\n"
        "Under § 4-210(b), pharmacies may dispense naloxone under a standing order.\n"),
}


@pytest.fixture
def ws(workspace_dir: Path) -> Path:
    for rel, text in FILES.items():
        p = workspace_dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, "utf-8")
    return workspace_dir


def test_search_brings_the_index_up_to_date_and_marks_words(ws: Path, user_home: Path) -> None:
    out = run_cli("-w", str(ws), "search", "naloxone", home=user_home)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert any("Alder County Declination Memo" in line for line in lines)
    assert any("memos/alder-declination.txt" in line and "score" in line for line in lines)
    assert any("[[naloxone]]" in line for line in lines)
    assert lines[-1] == "2 documents match."
    # a new file is picked up by the next search, nothing else needed
    (ws / "articles").mkdir()
    (ws / "articles/zeppelin.txt").write_text("Zeppelin outreach vans.\n", "utf-8")
    out = run_cli("-w", str(ws), "search", "zeppelin", home=user_home)
    assert "[[Zeppelin]]" in out.stdout and "1 document matches." in out.stdout


def test_json_gives_offsets_in_the_document_text_and_facets(ws: Path, user_home: Path) -> None:
    out = run_cli("-w", str(ws), "search", "--json", "§ 4-210(b)", home=user_home)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["total"] == 1 and data["index"] == "ready"
    (result,) = data["results"]
    assert result["path"] == "statutes/immunity.md"
    snippet = result["hits"][0]["snippets"][0]
    (match,) = snippet["matches"]
    # the same home as the subprocess: read the document's text as the app sees it
    text = Workspace.open(ws).library().text(result["doc_id"]).text
    assert text[match["start"]:match["end"]] == "§ 4-210(b)"
    a, b = snippet["marks"][0]
    assert snippet["text"][a:b] == "§ 4-210(b)"
    assert "[[§ 4-210(b)]]" in snippet["marked"]
    assert data["facets"]["kind"]


def test_suggestion_line_and_limit_and_sort(ws: Path, user_home: Path) -> None:
    out = run_cli("-w", str(ws), "search", "naloxne", home=user_home)
    assert "Did you mean: naloxone" in out.stdout
    assert "No documents match." in out.stdout
    out = run_cli("-w", str(ws), "search", "--limit", "1", "--sort", "date", "naloxone",
                  home=user_home)
    assert "2 documents match (showing 1)." in out.stdout


@pytest.mark.parametrize("query", ['"unbalanced', "AND", "((", "\x07naloxone\x1b[0m",
                                   "x" * 10_000, "kind:", "-", "§", "naloxone) OR"])
def test_malformed_queries_never_fail(ws: Path, query: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["-q", "-w", str(ws), "search", "--json", query]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data["warnings"], list)
    if query not in ("-", "§"):
        assert data["warnings"], query
    assert cli_main(["-q", "-w", str(ws), "search", "--no-update", query]) == 0
    assert capsys.readouterr().out.rstrip().endswith(("match.", "match (showing 1).",
                                                      "matches.", "No documents match."))


def test_bad_limit_is_a_usage_error(ws: Path, user_home: Path) -> None:
    out = run_cli("-w", str(ws), "search", "--limit", "0", "naloxone", home=user_home)
    assert out.returncode == 2 and "--limit" in out.stderr


def test_junk_index_between_runs_is_rebuilt(ws: Path, user_home: Path) -> None:
    assert run_cli("-w", str(ws), "search", "naloxone", home=user_home).returncode == 0
    index_dirs = list((user_home / "cache").rglob("index"))
    assert len(index_dirs) == 1
    for p in index_dirs[0].iterdir():
        p.write_bytes(b"\x00junk" * 50)
    out = run_cli("-w", str(ws), "search", "naloxone", home=user_home)
    assert out.returncode == 0, out.stderr
    assert "[[naloxone]]" in out.stdout
