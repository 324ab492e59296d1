"""REFI-QDA positions are code points of the plain text: CRLF counts two, a combining mark
one, an astral character (emoji) one. :func:`canonical` maps them onto our text's form."""

from __future__ import annotations

import itertools
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from reader.interop.refi.positions import canonical, plain_text


def test_crlf_counts_two_code_points() -> None:
    text = "one\r\ntwo\r\nthree"
    canon, starts, ends = canonical(text)
    assert canon == "one\ntwo\nthree"
    at = text.index("three")  # 10: two CRLFs before it
    assert at == 10 and canon[starts[at]:ends[at + 5]] == "three"
    inside = text.index("\n")  # between \r and \n: the break's end
    assert starts[inside] == 3 and ends[inside] == 4


def test_combining_marks_compose_and_are_never_split() -> None:
    text = "cafe\u0301 society"
    canon, starts, ends = canonical(text)
    assert canon == "caf\u00e9 society"
    assert canon[starts[0]:ends[5]] == "caf\u00e9"
    assert canon[starts[0]:ends[4]] == "caf\u00e9"  # an end inside the letter takes it whole
    assert starts[4] == 3  # a start inside it takes it whole too
    assert canon[starts[6]:ends[len(text)]] == "society"


def test_astral_characters_count_one() -> None:
    text = "a \U0001F600 b \U0001D49C c"
    canon, starts, ends = canonical(text)
    assert canon == text and len(text) == 9  # UTF-16 would count 11
    assert canon[starts[2]:ends[3]] == "\U0001F600"
    assert canon[starts[8]:ends[9]] == "c"


def test_a_bom_is_not_text() -> None:
    assert plain_text("\ufeffabc".encode()) == "abc"
    assert plain_text(b"caf\xe9") == "caf\ufffd"  # not UTF-8: replaced, never a crash


_alphabet = st.sampled_from(["a", "b", " ", "\n", "\r\n", "\r", "e\u0301", "\u0301",
                             "\U0001F600", "\u00e9", "\u1100\u1161"])


@given(st.lists(_alphabet, max_size=40), st.data())
def test_mapping_keeps_the_words_between(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    canon, starts, ends = canonical(text)
    expected = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    assert canon == expected
    assert starts[0] == 0 and ends[len(text)] == len(canon)
    assert all(a <= b for a, b in itertools.pairwise(starts))
    assert all(a <= b for a, b in itertools.pairwise(ends))
    # boundaries between the pieces map to the text the pieces in between become
    bounds = [0]
    for p in pieces:
        bounds.append(bounds[-1] + len(p))
    i = data.draw(st.integers(0, len(pieces)))
    j = data.draw(st.integers(i, len(pieces)))
    s, e = bounds[i], bounds[j]
    if all(not unicodedata.combining(text[k]) for k in (s, e) if k < len(text)) and \
            not (0 < s < len(text) and text[s - 1] == "\r" and text[s] == "\n") and \
            not (0 < e < len(text) and text[e - 1] == "\r" and text[e] == "\n") and \
            not any("\u1100" <= text[k - 1] <= "\u11ff" for k in (s, e) if k > 0):
        part = unicodedata.normalize("NFC", text[s:e].replace("\r\n", "\n").replace("\r", "\n"))
        assert canon[starts[s]:ends[e]] == part
