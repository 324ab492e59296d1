"""Text analysis for the index: how words, statute citations and keyword fields become
terms. The same functions run at index time and at query time, so a query matches what
the text says.

* Prose (``body``, ``title``, ``quote``, ``meta``): words of letters and digits, lower-cased,
  accents folded, English stemming (Snowball/Porter2), **no stop list** (so phrases such as
  ``"possession of a controlled substance"`` match word for word), positions kept.
* Citations (``cite``): section numbers as written — ``12-405``, ``§ 4-210(b)(2)``,
  ``35 P.S. § 17.1`` — become single terms (``12-405``, ``4-210``, ``4-210(b)``,
  ``4-210(b)(2)``, ``17.1``, ``35ps:17.1``), so ``§ 4-210(b)`` finds that subsection and
  ``4-210`` finds the section and all its subsections, while ``12 405`` stays two words.
* Keyword fields (``kind``, ``jurisdiction``, ``path``, ``theme``): a ``|``-separated list of
  lower-cased keys built in Python (:func:`jurisdiction_keys`, :func:`path_keys`,
  :func:`theme_keys`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    Token,
    Tokenizer,
)
from whoosh.support.charset import accent_map

from reader.extract.courts import jurisdiction_aliases
from reader.extract.jurisdiction import STATES

WORD_PATTERN = r"\w+(?:\.?\w+)*"
_WORD_RE = re.compile(WORD_PATTERN, re.UNICODE)

STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in",
    "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "will",
    "with"})


def text_analyzer() -> Analyzer:
    """Prose: words, lower case, accents folded, English stems (the spelling field keeps
    the unstemmed words)."""
    return (RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)
            | StemFilter(lang="en", cachesize=100_000))


def name_analyzer() -> Analyzer:
    """Names (authors, offices): words, lower case, accents folded, no stemming."""
    return RegexTokenizer(WORD_PATTERN) | LowercaseFilter() | CharsetFilter(accent_map)


def keys_analyzer() -> Analyzer:
    """Keyword fields: the value is a ``|``-separated list of keys, already lower case."""
    return RegexTokenizer(r"[^|]+") | LowercaseFilter()


_ANALYZER = text_analyzer()
_NAMES = name_analyzer()


def fold(text: str) -> str:
    """Lower case with accents removed (what every prose term looks like before stemming)."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """The index term for one (already folded) word."""
    tokens = [t.text for t in _ANALYZER(word)]
    return tokens[0] if len(tokens) == 1 else fold(word)


def words(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` as (folded word, start, end) — unstemmed."""
    return [(fold(m.group()), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


def analyze(text: str) -> list[str]:
    """The stemmed terms of ``text`` in order (what a phrase query looks for)."""
    return [t.text for t in _ANALYZER(text)]


def analyze_names(text: str) -> list[str]:
    return [t.text for t in _NAMES(text)]


def analyze_with_chars(text: str) -> list[tuple[str, int, int]]:
    """(stemmed term, start, end) for each word of ``text``."""
    return [(t.text, t.startchar, t.endchar) for t in _ANALYZER(text, chars=True)]


# -- statute citations ----------------------------------------------------------------------
_REPORTER = r"(?:[A-Z][A-Za-z]{0,7}\.(?:\s?[A-Z][A-Za-z]{0,7}\.)*|[A-Z]{2,6})"
_SECTION = r"(?:§§?|[Ss]ec(?:tions?\b|s?\.))"
_NUMBER = r"\d+[A-Za-z]{0,2}(?:[-–—.:]\d+[A-Za-z]{0,2})*"
_SUBS = r"(?:\((?:[A-Za-z]{1,4}|\d{1,3})\))*"
CITE_RE = re.compile(
    rf"(?<![\w.])(?:(?P<vol>\d{{1,4}})\s+(?P<rep>{_REPORTER})\s*)?"
    rf"(?:(?P<sec>{_SECTION})\s*)?(?P<num>{_NUMBER})(?P<subs>{_SUBS})(?![\w])")
_SUB_RE = re.compile(r"\([^)]*\)")
_DASHES = str.maketrans({"–": "-", "—": "-"})


@dataclass(frozen=True)
class CiteTerm:
    """One citation term found in a text: ``term`` and the characters it covers."""

    term: str
    start: int
    end: int
    specificity: int  # higher = more specific (a query uses the most specific term)


def _range_parts(num: str) -> list[str]:
    """The ends of a range such as ``17.1-17.9`` or ``4-210-4-212`` (written with a dash
    between two citations), or ``[num]`` when it is one section number such as ``12-405``."""
    for sep in ("–", "—", "-"):
        parts = num.split(sep)
        if len(parts) == 2 and all(re.search(r"\d[-.:]\d", p) for p in parts):
            return parts
    return [num]


def cite_terms(text: str) -> list[CiteTerm]:
    """Every citation term of ``text`` (see the module docstring), in text order. A range
    (``§§ 17.1–17.9``) gives a term for each end and one for the whole range."""
    out: list[CiteTerm] = []
    for m in CITE_RE.finditer(text):
        raw = m.group("num")
        subs = m.group("subs") or ""
        marked = bool(m.group("sec"))
        rep = re.sub(r"[^a-z]", "", m.group("rep").lower()) if m.group("rep") else ""
        qual = f"{m.group('vol')}{rep}:" if rep else ""
        if not (marked or subs or qual or re.search(r"[-–—.:]", raw)):
            continue  # a plain number is a word, not a citation ("21 U.S.C. 844" is one)
        begin = m.start("sec") if marked else m.start("num")
        parts = _range_parts(raw)
        pos = m.start("num")
        pieces: list[tuple[str, int, int]] = []  # (number, start, end) of each range end
        for part in parts:
            at = text.index(part, pos)
            pieces.append((part.translate(_DASHES).lower(), at, at + len(part)))
            pos = at + len(part)
        if len(parts) > 1:
            pieces.append((raw.translate(_DASHES).lower(), m.start("num"), m.end("num")))
        for i, (num, start, end) in enumerate(pieces):
            first = begin if i == 0 or (i == len(pieces) - 1 and len(pieces) > 1) else start
            out.append(CiteTerm(num, first, end, 1))
            if qual:
                out.append(CiteTerm(qual + num, m.start(), end, 10))
        if subs and len(parts) == 1:
            num = pieces[0][0]
            cur, qcur, pos = num, qual + num, m.end("num")
            for i, p in enumerate(_SUB_RE.findall(subs)):
                cur += p.lower()
                qcur += p.lower()
                pos += len(p)
                out.append(CiteTerm(cur, begin, pos, 2 + i))
                if qual:
                    out.append(CiteTerm(qcur, m.start(), pos, 11 + i))
    return out


def best_cite_term(text: str) -> CiteTerm | None:
    """The most specific citation term of a query fragment, or None."""
    terms = cite_terms(text)
    return max(terms, key=lambda t: (t.specificity, t.end - t.start)) if terms else None


class CiteTokenizer(Tokenizer):
    """Whoosh tokenizer emitting :func:`cite_terms` (with positions and characters)."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CiteTokenizer)

    def __hash__(self) -> int:
        return hash(CiteTokenizer)

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs: object) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar = start_char
                t.endchar = start_char + len(value)
            yield t
            return
        for i, ct in enumerate(cite_terms(value)):
            t.text = ct.term
            t.boost = 1.0
            if keeporiginal:
                t.original = ct.term
            t.stopped = False
            if positions:
                t.pos = start_pos + i
            if chars:
                t.startchar = start_char + ct.start
                t.endchar = start_char + ct.end
            yield t


def cite_analyzer() -> Analyzer:
    return CiteTokenizer()


# -- keyword fields ---------------------------------------------------------------------------
#: two-letter code → lower-case name (states, D.C., Puerto Rico, and "us").
US_STATES = {code.lower(): name.lower() for name, code in STATES.items()} | {
    "us": "united states"}
_STATE_BY_NAME = {v: k for k, v in US_STATES.items()}


def _clean_key(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text).replace("|", " ")).strip(" ,.;")


def jurisdiction_keys(value: str) -> list[str]:
    """``"Philadelphia, PA"`` → the whole value, its parts and words, and the state's name
    and abbreviation, so ``jurisdiction:PA``, ``jurisdiction:pennsylvania`` and
    ``jurisdiction:philadelphia`` all match; a federal court's code with its aliases
    (``"D.C. Cir."`` → ``dc``, ``"9th Cir."`` → ``"ninth circuit"``, ``"D. Md."`` → ``md``,
    see :func:`reader.extract.courts.jurisdiction_aliases`)."""
    whole = _clean_key(value)
    if not whole:
        return []
    keys = [whole]
    parts = [p for p in (_clean_key(x) for x in re.split(r"[,;/()]", whole)) if p]
    for part in parts:
        keys.append(part)
        keys.extend(w for w, _, _ in words(part))
    for k in list(keys):
        if k in US_STATES:
            keys.append(US_STATES[k])
        elif k in _STATE_BY_NAME:
            keys.append(_STATE_BY_NAME[k])
    keys.extend(_clean_key(a) for a in jurisdiction_aliases(value))  # "D.C. Cir." → "dc" …
    return list(dict.fromkeys(k for k in keys if k))


def jurisdiction_key(value: str) -> str:
    """The query side: one key, with a state name or abbreviation left as typed."""
    return _clean_key(value)


def path_keys(path: str) -> list[str]:
    """``"memos/philly-2019.pdf"`` → the whole path, each folder, the file name, its stem
    and its words (all lower case)."""
    whole = path.lower().strip("/")
    if not whole:
        return []
    parts = whole.split("/")
    name = parts[-1]
    base = name.rsplit(".", 1)[0] if "." in name else name
    keys = [whole, *parts, base]
    keys.extend(w for w, _, _ in words(base))
    # every folder prefix, so path:memos/2019 matches memos/2019/x.pdf
    keys.extend("/".join(parts[:i]) for i in range(2, len(parts)))
    return list(dict.fromkeys(k for k in keys if k))


def theme_keys(theme_id: str, label: str = "") -> list[str]:
    """A theme's id (whole and in parts), its label (whole), the label's words and stems."""
    keys = [theme_id.lower()]
    keys.extend(p for p in re.split(r"[^0-9a-z]+", theme_id.lower()) if p)
    if label:
        keys.append(_clean_key(label))
        for w, _, _ in words(label):
            keys.append(w)
            keys.append(stem(w))
    return list(dict.fromkeys(k for k in keys if k))


def join_keys(keys: list[str]) -> str:
    return "|".join(k.replace("|", " ") for k in keys if k)


def path_filename_words(path: str) -> str:
    """The words of a file's name (for the ``meta`` field: findable by file name)."""
    name = path.rsplit("/", 1)[-1]
    base = name.rsplit(".", 1)[0] if "." in name else name
    return " ".join(w for w, _, _ in words(base.replace("_", " ")))
