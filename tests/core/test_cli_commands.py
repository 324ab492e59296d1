"""A command imports only the module that registers it (``reader.cli.COMMANDS``): the list
must match what the modules register, and a light parser must parse a command's arguments
as the full parser does."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import COMMAND_MODULES, COMMANDS, LIGHT_COMMANDS, build_parser

REPO = Path(__file__).resolve().parents[2]


def test_the_command_list_is_what_the_modules_register() -> None:
    assert set(COMMANDS) == set(COMMAND_MODULES)
    for module in COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command")
        importlib.import_module(module).register(sub)
        assert set(sub.choices) == set(COMMANDS[module]), module
    words = [w for ws in COMMANDS.values() for w in ws]
    assert len(words) == len(set(words))  # one module per command


@pytest.mark.parametrize("argv", [
    ["-w", "ws", "search", "naloxone", "--json"],
    ["annotations", "list", "--json"],
    ["-q", "matrix", "--by", "office"],
    ["docs"],
])
def test_a_light_parser_parses_like_the_full_one(argv: list[str]) -> None:
    word = next(a for a in argv if a in LIGHT_COMMANDS)
    full, light = build_parser(), build_parser(LIGHT_COMMANDS[word])
    a, b = vars(full.parse_args(argv)), vars(light.parse_args(argv))
    assert a.pop("func") == b.pop("func") and a == b


def test_version_and_unknown_commands() -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "reader", *args], cwd=REPO,
                              capture_output=True, text=True, timeout=60)

    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("policy-reader ")
    out = run("nosuch")
    assert out.returncode == 2 and "invalid choice: 'nosuch'" in out.stderr
    assert "'matrix'" in out.stderr and "'whoami'" in out.stderr  # every command listed
