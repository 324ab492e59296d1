""""Did you mean": real words from the indexed text (the unstemmed spelling field), never
stems. A word is corrected when the index does not know it, or knows it only a couple of
times while a word one or two letters away is far more common."""

from __future__ import annotations

from itertools import islice
from typing import Any

from reader.search.analysis import STOP_WORDS, fold, stem
from reader.search.query_parse import Parsed, positive_words
from reader.search.schema import SPELL_FIELD

_TEXT_FIELDS_FOR_SUGGEST = ("", "text", "title", "note", "quote")
RARE = 2  # a word seen this often or less may be a typo in the documents themselves
COMMON_RATIO = 20


def _frequency(reader: Any, fieldname: str, term: str) -> float:
    try:
        return float(reader.frequency(fieldname, term))
    except Exception:
        return 0.0


def _known(reader: Any, word: str) -> float:
    """How often the index has seen ``word`` (as typed, or its stem in any text field)."""
    freq = _frequency(reader, SPELL_FIELD, word)
    if freq:
        return freq
    s = stem(word)
    return sum(_frequency(reader, f, s) for f in ("body", "title", "meta", "quote"))


def correct_word(reader: Any, word: str, vocab: Any = None) -> str:
    """A more likely real word for ``word`` (folded, lower case), or ``""``. ``vocab``: a
    :class:`~reader.search.tables.Vocabulary` (fast), else the reader's terms."""
    if len(word) < 3 or not word.isalpha() or word in STOP_WORDS:
        return ""
    known = _known(reader, word)
    if known > RARE:
        return ""
    own = stem(word)
    for maxdist in (1, 2):
        try:
            if vocab is not None:
                found = vocab.within(word, maxdist)[:200]
            else:
                found = [w.decode("utf-8") if isinstance(w, bytes) else w for w in islice(
                    reader.terms_within(SPELL_FIELD, word, maxdist, prefix=1), 200)]
        except Exception:  # no spelling field yet (empty index)
            return ""
        scored = []
        for cand in found:
            if cand == word or stem(cand) == own or not cand.isalpha():
                continue
            freq = vocab.frequency(cand) if vocab is not None else _frequency(
                reader, SPELL_FIELD, cand)
            if known and freq < max(10.0, known * COMMON_RATIO):
                continue
            scored.append((freq, cand))
        if scored:
            return max(scored)[1]
    return ""


def suggest(parsed: Parsed, reader: Any, vocab: Any = None) -> str:
    """The whole query with misspelled words replaced, or ``""`` when nothing to fix."""
    text = parsed.text
    edits: list[tuple[int, int, str]] = []
    for word, fieldname in positive_words(parsed.tree):
        if fieldname not in _TEXT_FIELDS_FOR_SUGGEST or word.prefix or word.wildcard \
                or word.fuzzy:
            continue
        folded = fold(word.text)
        fixed = correct_word(reader, folded, vocab)
        if fixed:
            original = text[word.start:word.end]
            if original[:1].isupper():
                fixed = fixed[:1].upper() + fixed[1:]
            edits.append((word.start, word.end, fixed))
    if not edits:
        return ""
    out = text
    for start, end, fixed in sorted(edits, reverse=True):
        out = out[:start] + fixed + out[end:]
    return out if out != text else ""
