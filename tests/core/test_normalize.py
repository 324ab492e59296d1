"""The one text normalisation: its conventions hold for any input (property tests)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.extract.normalize import normalize_text

NASTY = st.lists(st.sampled_from([
    *"ab §—“”é\u0301\n\r\t", "\u00ad", "\u200b", "\ufeff", "\u00a0", "\u2028", "\u2029",
    "\x00", "\x07", "\ufb01", "\U0001F600", "\u200d", "(cid:12)", "  ", "\n\n\n"])).map("".join)


@settings(max_examples=400)
@given(st.one_of(st.text(), NASTY))
def test_normalisation_is_idempotent_and_clean(text: str) -> None:
    out = normalize_text(text)
    assert normalize_text(out) == out
    assert unicodedata.is_normalized("NFC", out)
    assert "\r" not in out and "\t" not in out and "  " not in out
    assert "\n\n\n" not in out
    assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in out)
    assert out == out.strip(" \n")
    assert all(line == line.strip(" ") for line in out.split("\n"))


def test_known_cases() -> None:
    assert normalize_text("  o\ufb03ce\u00a0\u00a0hours\r\n\r\n\r\n(cid:3)next ") == \
        "office hours\n\nnext"
    assert normalize_text("e\u0301") == "\u00e9"
    assert normalize_text("soft\u00adhyphen zero\u200bwidth") == "softhyphen zerowidth"
    assert normalize_text("family \U0001F468\u200d\U0001F469 ok") == \
        "family \U0001F468\u200d\U0001F469 ok"
    assert normalize_text("") == ""
