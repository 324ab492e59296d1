"""The user settings file: garbage in it is reported, set aside (never deleted) and
replaced by defaults; a value of the wrong type falls back to its default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.settings import MAX_SETTINGS_BYTES, Settings

GARBAGE = [b"", b"{not json", b"[1, 2, 3]", b"\"just a string\"", b"\xff\xfe\x00\x01junk",
           b"\x00" * 100, b"{\"a\": " * 5000]


@pytest.mark.parametrize("garbage", GARBAGE, ids=range(len(GARBAGE)))
def test_a_damaged_settings_file_is_set_aside_and_defaults_are_used(tmp_path: Path,
                                                                     garbage: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(garbage)
    settings = Settings(path)
    assert settings.problem and "\n" not in settings.problem
    assert settings.get("author.name", "") == ""
    kept = list(tmp_path.glob("settings.json.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == garbage  # nothing is lost
    settings.set("author.name", "Maria G")  # and the app can go on saving
    assert Settings(path).get("author.name") == "Maria G"


def test_a_huge_settings_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"{\"x\": \"" + b"a" * (MAX_SETTINGS_BYTES + 10) + b"\"}")
    settings = Settings(path)
    assert settings.problem
    assert settings.get("x") is None


def test_values_of_the_wrong_type_fall_back_to_their_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"author.name": 42, "recent_workspaces": {"a": 1},
                                "ui.flag": "yes"}), "utf-8")
    settings = Settings(path)
    assert settings.problem == ""
    assert settings.get("author.name", "Reader") == "Reader"
    assert settings.recent_workspaces() == []
    assert settings.get("ui.flag", False) is False


def test_recent_workspaces_skip_entries_that_are_not_paths(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"recent_workspaces": ["/a", 3, None, ["x"], "/b"]}), "utf-8")
    assert Settings(path).recent_workspaces() == ["/a", "/b"]


def test_a_null_value_reads_as_its_default(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"search.history": None, "author.name": None}), "utf-8")
    settings = Settings(path)
    assert settings.get("search.history", [], type_=list) == []
    assert settings.get("author.name", "Reader") == "Reader"
