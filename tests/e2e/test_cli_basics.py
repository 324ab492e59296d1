"""The CLI's contract: --version, --help on every command, exit codes, errors on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import __version__
from reader.cli import build_parser
from tests.e2e.cli_helpers import run_cli


def command_names() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def test_version(user_home: Path) -> None:
    out = run_cli("--version", home=user_home)
    assert out.returncode == 0
    assert out.stdout.strip() == f"policy-reader {__version__}"


def test_every_command_has_help() -> None:
    names = command_names()
    assert {"add", "index", "docs", "show"} <= set(names)
    parser = build_parser()
    for name in names:
        with pytest.raises(SystemExit) as exc:
            parser.parse_args([name, "--help"])
        assert exc.value.code == 0


def test_usage_error_exits_2(user_home: Path) -> None:
    out = run_cli("docs", "--no-such-option", home=user_home)
    assert out.returncode == 2
    assert "unrecognized arguments" in out.stderr


def test_reader_error_exits_1_with_a_plain_message(user_home: Path, tmp_path: Path) -> None:
    out = run_cli("--workspace", str(tmp_path / "missing"), "docs", home=user_home)
    assert out.returncode == 1
    assert "does not exist" in out.stderr
    assert "Traceback" not in out.stderr


def test_show_unknown_document(user_home: Path, workspace_dir: Path) -> None:
    out = run_cli("-w", str(workspace_dir), "show", "nothing.pdf", home=user_home)
    assert out.returncode == 1
    assert "No document 'nothing.pdf'" in out.stderr


def test_add_missing_path_is_a_clear_error(user_home: Path, workspace_dir: Path) -> None:
    out = run_cli("-w", str(workspace_dir), "add", str(workspace_dir / "nope.pdf"),
                  home=user_home)
    assert out.returncode == 1
    assert "no such file or folder" in out.stderr
    assert list(workspace_dir.iterdir()) == []


def test_docs_say_where_a_scans_text_came_from(tmp_path: Path) -> None:
    import json as _json
    import shutil

    repo = Path(__file__).resolve().parents[2]
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copy(repo / "corpus/memos/brennan-county-2024-jail-medications-directive-scan.pdf",
                ws / "scan.pdf")
    shutil.copy(repo / "corpus/memos/tolliver-county-2021-overdose-scene-policy.pdf",
                ws / "tolliver.pdf")
    home = tmp_path / "home"
    assert run_cli("--workspace", str(ws), "index", home=home).returncode == 0
    listed = run_cli("--workspace", str(ws), "docs", "--json", home=home)
    by_path = {d["path"]: d for d in _json.loads(listed.stdout)}
    assert by_path["scan.pdf"]["text_source"] == "OCR"
    assert by_path["scan.pdf"]["status"] == "ok"
    assert by_path["tolliver.pdf"]["text_source"] == "text + OCR"
    table = run_cli("--workspace", str(ws), "docs", home=home).stdout
    assert "(text: OCR)" in table
