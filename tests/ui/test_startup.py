"""Start-up: the app starts without the command-line modules it does not need, and shows the
window before anything heavy (search, extraction, export, the annotation store) is imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import COMMAND_MODULES, LIGHT_COMMANDS, build_parser, command_word

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("argv", "word"), [
    ([], None),
    (["-w", "ws"], None),
    (["--workspace", "ws", "-v"], None),
    (["--workspace=ws", "-q"], None),
    (["-wws"], None),
    (["-w"], None),  # the light parser reports the missing value
    (["open", "memo.pdf", "--page", "3"], "open"),
    (["-w", "open"], None),  # "open" is the workspace here
    (["-w", "ws", "search", "naloxone"], "search"),
    (["--help"], False),
    (["--version"], False),
    (["-x"], False),
    (["-vq"], False),
])
def test_the_command_word(argv: list[str], word: str | bool | None) -> None:
    assert command_word(argv) == word


def test_light_parsers_parse_like_the_full_one() -> None:
    full = build_parser()
    for argv in (["-w", "ws", "-v"], ["--workspace=ws", "open", "memo.pdf", "--page", "iv"]):
        word = command_word(argv)
        light = build_parser(LIGHT_COMMANDS[word])
        a, b = vars(full.parse_args(argv)), vars(light.parse_args(argv))
        assert {k: v for k, v in a.items() if k != "func"} == \
            {k: v for k, v in b.items() if k != "func"}
    assert set(LIGHT_COMMANDS["open"]) <= set(COMMAND_MODULES)


def test_the_window_shows_before_anything_heavy_is_imported(tmp_path: Path,
                                                            corpus_copy: Path) -> None:
    probe = tmp_path / "probe.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POLICY_READER_GUI_PROBE=str(probe))
    done = subprocess.run([sys.executable, "-m", "reader", "--workspace", str(corpus_copy)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    record = json.loads(probe.read_text("utf-8").splitlines()[-1])
    assert record["visible"] is True
    assert record["heavy_modules"] == [], (
        "imported before the window showed (import them where they are used, or in the "
        f"background): {record['heavy_modules']}")
