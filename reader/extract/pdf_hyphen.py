"""Hyphens at line ends: a word broken by the typesetter ("treat-/ment") is joined, a
compound that happens to break at its hyphen ("drug-/induced", "out-of-/state",
"12-/step") keeps it.

Decided first by the document's own vocabulary (the words and hyphenated words it uses
elsewhere, not counting the fragments at line ends), then by an English word list:
``pyspellchecker``'s dictionary (about 160,000 words, loaded once per process and only
when a document needs it). In order:

1. not a word hyphen ("section 4-/b", "pre-/(a)"): the line break stays;
2. a number before the hyphen ("12-/step", "30-/day") or after it ("COVID-/19"), a
   capital after it ("Non-/Hispanic"), a compound already hyphenated on either side
   ("out-of-/state", "out-/of-state"), a prefix that keeps its hyphen ("self-", "well-",
   "cross-"): the hyphen stays;
3. the document uses the joined word ("overdose") more than the hyphenated one: join;
   it uses the hyphenated one ("drug-induced"): keep;
4. the joined word is in the word list ("treatment", "community", "courthouse"): join,
   unless it is a rare word made of two common ones ("followup", "longstanding": the
   list counts spellings, and these are usually written with the hyphen);
5. both parts are words and the second is not a bare suffix ("harm-/reduction",
   "post-/conviction"): keep;
6. otherwise (names, technical terms the list lacks: "nalox-/one"): join.

The word list is ``pyspellchecker``'s English dictionary (MIT licence; word frequencies
from a large English corpus, filtered against SCOWL-based lists): a maintained package
from the package index, pure Python, loaded in about 0.2 s.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.extract.pdf_layout import PageLayout

log = logging.getLogger(__name__)

_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
KEEP_PREFIXES = frozenset({"self", "ex", "all", "quasi", "half", "cross", "well"})
#: Word endings that are never words of their own in a hyphenated line end ("treat-ment").
SUFFIXES = frozenset({
    "tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ities", "ance",
    "ances", "ence", "ences", "ing", "ings", "ous", "ive", "ives", "able", "ible", "ably",
    "al", "ally", "ly", "ed", "er", "ers", "ies", "ism", "ist", "ists", "ure", "ures",
    "ant", "ants", "ent", "ents", "ize", "ized", "ise", "ised", "ful", "less", "ship",
})
_HYPHENS = "-\u2010"
#: A joined word this rare in the word list, made of two common words, is taken for a
#: compound that is usually hyphenated ("follow-up", "long-standing").
RARE_JOINED = 600
COMMON = 10_000
_LAST_TOKEN_RE = re.compile(r"([\w'’]+(?:[-\u2010][\w'’]+)*)[-\u2010]$")
_FIRST_TOKEN_RE = re.compile(r"[\w'’]+([-\u2010]\w)?")


@dataclass
class Vocabulary:
    """Words and hyphenated words used in the document (lower case, with counts), not
    counting the fragments on either side of a line-end hyphen."""

    words: Counter[str] = field(default_factory=Counter)
    hyphenated: Counter[str] = field(default_factory=Counter)

    def add_line(self, text: str, after_hyphen: bool) -> None:
        found = _WORD_RE.findall(text)
        if after_hyphen and found:
            found = found[1:]
        if line_end_hyphen(text) and found:
            found = found[:-1]
        for w in found:
            w = w.lower()
            if "-" in w:
                self.hyphenated[w] += 1
                self.words.update(w.split("-"))
            else:
                self.words[w] += 1

    @classmethod
    def of(cls, pages: list[PageLayout]) -> Vocabulary:
        vocab = cls()
        for page in pages:
            after = False
            for para in page.paragraphs:
                for line in para.lines:
                    if line.dropped:
                        continue
                    vocab.add_line(line.text, after)
                    after = line_end_hyphen(line.text)
        return vocab


def line_end_hyphen(text: str) -> bool:
    return len(text) >= 2 and text[-1] in _HYPHENS and text[-2].isalnum()


@cache
def word_list() -> dict[str, int]:
    """The English word list (lower case) with each word's frequency; empty, with a warning
    in the log, when the ``pyspellchecker`` package is missing or its dictionary cannot be
    read."""
    try:
        return _read_word_list()
    except Exception as exc:  # an install problem must not stop extraction
        log.warning("the English word list (pyspellchecker) cannot be loaded (%s); line-end "
                    "hyphens are decided by each document's own words only", exc)
        return {}


def _read_word_list() -> dict[str, int]:
    """pyspellchecker's English word frequencies, read from its data file straight into
    one dict (20 MB in each extraction worker; building a ``SpellChecker`` and copying its
    dictionary took 30 MB and peaked at 50). Keys are lower-cased as ``SpellChecker`` does
    when it is not case-sensitive."""
    import gzip
    import json
    from importlib.resources import files

    data = files("spellchecker").joinpath("resources", "en.json.gz")
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        loaded = json.load(text)
    if not isinstance(loaded, dict):
        raise ValueError("the word list is not a table of words")
    if all(isinstance(k, str) and isinstance(v, int) and (k.islower() or k == k.lower())
           for k, v in loaded.items()):
        return loaded  # as published: lower case already (no second copy of every word)
    return {str(k).lower(): int(v) for k, v in loaded.items()}


def hyphen_join(first_line: str, second_line: str, vocab: Vocabulary) -> str:
    """How to join a line ending in a hyphen to the next: ``"join"`` (drop the hyphen),
    ``"keep"`` (keep it, no line break) or ``"break"`` (not a word hyphen: keep the line
    break). See the module docstring for the rules."""
    m1 = _LAST_TOKEN_RE.search(first_line)
    m2 = _FIRST_TOKEN_RE.match(second_line)
    if not m1 or not m2:
        return "break"
    parts = re.split(r"[-\u2010]", m1.group(1))
    first, second = parts[-1], m2.group(0).rstrip("-\u2010")
    if m2.group(1):  # "out-/of-state"
        second = second.split("-")[0].split("\u2010")[0]
    if first.isdigit() or any(c.isdigit() for c in first):
        return "keep" if (second.isalpha() and len(second) >= 3) or second.isdigit() else "break"
    if second[0].isdigit():
        return "keep"
    if not second.isalpha() or not first.isalpha():
        return "break"
    low1, low2 = first.lower(), second.lower()
    joined, hyph = low1 + low2, f"{low1}-{low2}"
    if second[0].isupper():
        caps = first.isupper() and second.isupper()
        return "join" if caps and (vocab.words[joined] or joined in word_list()) else "keep"
    if len(parts) > 1 or m2.group(1) or low1 in KEEP_PREFIXES:
        return "keep"
    used_joined, used_hyph = vocab.words[joined], vocab.hyphenated[hyph]
    if used_joined or used_hyph:
        return "join" if used_joined > used_hyph else "keep"
    words = word_list()
    parts_are_words = (len(low1) >= 2 and len(low2) >= 2 and low2 not in SUFFIXES
                       and (low1 in words or vocab.words[low1])
                       and (low2 in words or vocab.words[low2]))
    if joined in words:
        common = min(words.get(low1, 0), words.get(low2, 0)) >= COMMON
        rare = words[joined] < RARE_JOINED
        return "keep" if parts_are_words and common and rare else "join"
    return "keep" if parts_are_words else "join"
