"""Reader preferences read from a settings file someone (or something) filled with values
of the wrong type or out of range: every one falls back to a sensible default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.settings import Settings
from reader.ui.prefs import DEFAULT_POINT_SIZE, MAX_HISTORY, MAX_POINT_SIZE, MIN_POINT_SIZE, Prefs

WRONG = [None, "x", 3, -1, 1e308, float("nan"), [], {}, [1, "a"], {"a": "b"}, True]


@pytest.mark.parametrize("value", WRONG, ids=[repr(v) for v in WRONG])
def test_wrong_values_fall_back_to_defaults(qtbot, tmp_path: Path, value) -> None:
    path = tmp_path / "settings.json"
    keys = ["reader.font", "reader.point_size", "reader.positions", "search.history",
            "window.state", "library.hidden_columns", "ui.welcome_seen"]
    path.write_text(json.dumps(dict.fromkeys(keys, value)), "utf-8")
    prefs = Prefs(Settings(path))
    assert prefs.font_style in ("serif", "sans")
    size = prefs.point_size
    assert MIN_POINT_SIZE <= size <= MAX_POINT_SIZE or size == DEFAULT_POINT_SIZE
    assert prefs.position("doc") is None
    history = prefs.query_history()
    assert isinstance(history, list) and all(isinstance(q, str) for q in history)
    assert prefs.blob("state") is None or prefs.blob("state").size() >= 0
    hidden = prefs.hidden_columns()
    assert hidden is None or all(isinstance(c, int) for c in hidden)
    assert prefs.flag("welcome_seen") in (True, False)
    assert prefs.recent_documents() == [] or isinstance(prefs.recent_documents(), list)


def test_damaged_window_layout_and_odd_history_entries(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    history = ["ok", "", "   ", 5, None, *[f"q{i}" for i in range(100)]]
    path.write_text(json.dumps({"window.state": "not base64 !!", "search.history": history,
                                "reader.positions": {"a": -5, "b": "12", "c": 40}}), "utf-8")
    prefs = Prefs(Settings(path))
    assert prefs.blob("state") is None
    assert prefs.query_history()[0] == "ok" and len(prefs.query_history()) == MAX_HISTORY
    assert prefs.position("a") is None and prefs.position("b") is None
    assert prefs.position("c") == 40
    prefs.point_size = 1000  # clamped on the way in too
    assert prefs.point_size == MAX_POINT_SIZE
    prefs.flush()


@pytest.mark.parametrize("value", WRONG, ids=[repr(v) for v in WRONG])
def test_page_view_and_ocr_settings_with_wrong_values(qtbot, tmp_path: Path, value) -> None:
    path = tmp_path / "settings.json"
    keys = ["reader.view_modes", "pages.fit", "ocr.enabled", "ocr.languages"]
    path.write_text(json.dumps(dict.fromkeys(keys, value)), "utf-8")
    prefs = Prefs(Settings(path))
    assert prefs.view_mode("doc") == "text"
    assert prefs.page_fit() == "width"
    enabled, languages = prefs.ocr()
    assert enabled is (value if isinstance(value, bool) else True)
    assert languages == ("eng",)


def test_view_modes_and_ocr_are_remembered(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    prefs = Prefs(Settings(path))
    prefs.set_view_mode("a", "pages")
    prefs.set_view_mode("b", "text")
    prefs.set_view_mode("c", "nonsense")
    prefs.set_page_fit("page")
    prefs.set_ocr(False, ("deu", "eng", "../etc"))
    again = Prefs(Settings(path))
    assert [again.view_mode(d) for d in "abc"] == ["pages", "text", "text"]
    assert again.page_fit() == "page"
    assert again.ocr() == (False, ("deu", "eng"))
    stored = json.loads(path.read_text("utf-8"))
    assert stored["reader.view_modes"] == {"a": "pages"}  # only the exceptions
