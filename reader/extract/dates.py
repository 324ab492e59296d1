"""Dates in document text, as ISO strings (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``).

Understands "March 3, 2021", "Mar. 3, 2021", "3 March 2021", "the 3rd day of March, 2021",
"3/3/2021" (US month/day order unless the first number is over 12), "2021-03-03",
"2021-03-03T10:00:00Z", "March 2021". Years from 1789 (the first federal courts) to 2100.
A day that does not exist ("February 30, 2019") is no date for :func:`find_dates`; where a
label says a date must be (:func:`labelled_dates`) it gives the month it names.

:func:`labelled_dates` finds dates with their label ("Decided", "Filed", "DATE:", "Argued"
…), also when two share a line ("Argued May 1, 2020 — Decided June 2, 2021"), and where
they were read (characters of the text). :func:`guess_date` prefers a labelled date and
otherwise takes the first full date near the top.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
FIRST_YEAR, LAST_YEAR = 1789, 2100
_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_Y = r"(?:17[89]\d|18\d\d|19\d\d|20\d\d)"
_YEAR = rf"(?P<year>{_Y})"
_PATTERNS = [
    re.compile(rf"\b(?P<year>{_Y})-(?P<mnum>\d\d)-(?P<day>\d\d)(?![\d-])"),
    re.compile(r"\b" + _MONTH + r"\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b",
               re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?" + _MONTH +
               r"\.?,?\s+(?:A\.D\.\s+)?" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(rf"(?<![\d/.-])(?P<a>\d{{1,2}})([/.-])(?P<b>\d{{1,2}})\2(?P<y>{_Y}|\d\d)"
               r"(?![\d/.-])"),
    re.compile(r"\b" + _MONTH + r"\.?,?\s+" + _YEAR + r"\b", re.IGNORECASE),
]
#: Words that say what a date is. Matched at a line start, after punctuation or a dash, or
#: capitalised anywhere ("… 2009 Decided February 5, 2010").
LABELS = ("decided and filed", "date filed", "filing date", "released and journalized",
          "journalized", "decided", "filed", "argued and submitted", "argued", "submitted",
          "heard", "date of issue", "date issued", "dated", "date", "issued", "effective date",
          "effective", "published", "posted", "updated", "approved", "enacted", "signed",
          "revised", "released", "entered")
_LABEL_RE = re.compile(
    r"(?P<pre>^|(?<=[,;(\[.—–-])|(?<=\s))(?P<label>" + "|".join(
        label.replace(" ", r"\s+") for label in LABELS) + r")\b(?:\s+on)?[ \t]*:?",
    re.IGNORECASE | re.MULTILINE)
#: Preference of labelled dates (lower is better); others come after every label.
_LABEL_RANK: dict[str, float] = {
    "decided": 0, "decided and filed": 0, "released and journalized": 0, "journalized": 0,
    "date": 1, "dated": 1, "date issued": 1, "issued": 1, "date of issue": 1, "effective": 2,
    "effective date": 2, "published": 1, "posted": 2, "approved": 1.5, "enacted": 1.5,
    "signed": 1.5, "filed": 3, "date filed": 3, "filing date": 3, "released": 2,
    "revised": 4, "updated": 5, "entered": 5, "argued": 6, "argued and submitted": 6,
    "submitted": 7, "heard": 7}
#: Between a label and its date: spaces and a colon, "the"/"this"/"on", or a few words
#: ending in a colon ("Approved by the Governor: May 16, 2022").
_GAP_RE = re.compile(r"[\s:.,]*(?:(?:the|this|on)\s+|(?:[A-Za-z]+\s+){1,4}[A-Za-z]+:\s*)?")
#: "Memorandum Opinion filed …", "Order entered …": a lower-case label after these words.
_DOCUMENT_WORDS = {"opinion", "order", "judgment", "decision", "mandate"}
_BAD_DAY_RE = re.compile(r"\b" + _MONTH + r"\.?\s+(?P<day>\d{1,2}),?\s+" + _YEAR + r"\b",
                         re.IGNORECASE)


def _iso(year: int, month: int = 0, day: int = 0) -> str:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return ""
    if not month:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return ""
    if not day:
        return f"{year:04d}-{month:02d}"
    try:
        _dt.date(year, month, day)
    except ValueError:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


def _from_match(m: re.Match[str]) -> str:
    g = m.groupdict()
    if g.get("a") is not None:
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        if y < 100 and m.group(2) != "/":
            return ""
        if y < 100:
            y += 2000 if y < 70 else 1900
        month, day = (b, a) if a > 12 else (a, b)
        return _iso(y, month, day)
    year = int(g["year"])
    if g.get("mnum") is not None:
        return _iso(year, int(g["mnum"]), int(g["day"]))
    month = MONTHS.get(g["month"].lower()[:3], 0)
    return _iso(year, month, int(g["day"]) if g.get("day") else 0)


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, iso)`` for every date in ``text``, in text order, no overlaps."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:  # most specific first: a later pattern cannot overlap
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            iso = _from_match(m)
            if iso:
                found.append((m.start(), m.end(), iso))
                taken.append((m.start(), m.end()))
    return sorted(found)


def parse_date(value: str) -> str:
    """The ISO form of the first date in ``value`` (also a bare year), or ``""``."""
    if not value:
        return ""
    dates = find_dates(value)
    if dates:
        return dates[0][2]
    m = re.fullmatch(rf"\s*({_Y})\s*", value)
    return m.group(1) if m else ""


@dataclass(frozen=True)
class FoundDate:
    """A date read from the text: ``start``/``end`` span the label and the date."""

    iso: str
    start: int
    end: int
    label: str = ""  # lower case, single spaces; "" when unlabelled

    @property
    def rank(self) -> float:
        return _LABEL_RANK.get(self.label, 3) if self.label else 10


def _date_at(text: str, pos: int, reach: int) -> tuple[int, int, str] | None:
    """The date starting within ``reach`` characters of ``pos`` (spaces, a colon or one line
    break between), month precision for a day that does not exist."""
    window = text[pos:pos + reach + 40]
    gap = _GAP_RE.match(window)
    offset = gap.end() if gap else 0
    if offset > reach + 24:
        return None
    rest = window[offset:]
    dates = find_dates(rest)
    if dates and dates[0][0] == 0:
        _, e, iso = dates[0]
        return pos + offset, pos + offset + e, iso
    bad = _BAD_DAY_RE.match(rest)
    if bad:  # "February 30, 2019": the month is sure, the day is not
        iso = _iso(int(bad.group("year")), MONTHS.get(bad.group("month").lower()[:3], 0))
        if iso:
            return pos + offset, pos + offset + bad.end(), iso
    return None


def labelled_dates(text: str, *, limit: int = 60000) -> list[FoundDate]:
    """Every labelled date in the first ``limit`` characters, in text order."""
    out: list[FoundDate] = []
    head = text[:limit]
    for m in _LABEL_RE.finditer(head):
        word = m.group("label")
        line_start = head.rfind("\n", 0, m.start()) + 1
        before = head[line_start:m.start()].rstrip()
        if (before and before[-1] not in ",;([.—–-:" and not word[:1].isupper()
                and before.rsplit(None, 1)[-1].lower() not in _DOCUMENT_WORDS):
            continue  # "was decided on …" in a sentence: not a label
        found = _date_at(head, m.end(), 3 if head[m.end():m.end() + 1] != "\n" else 2)
        if found is None and "\n" in head[m.end():m.end() + 2]:
            found = _date_at(head, m.end(), 2)
        if found is None:
            continue
        label = " ".join(word.lower().split())
        out.append(FoundDate(found[2], m.start(), found[1], label))
    return out


def guess_date_found(text: str, *, head_chars: int = 3000) -> FoundDate | None:
    """The document's own date with where it was read: the best labelled date, else the
    first full date near the top, else the first month and year near the top."""
    best: FoundDate | None = None
    for found in labelled_dates(text):
        if best is None or (found.rank, found.start) < (best.rank, best.start):
            best = found
    if best is not None:
        return best
    head = find_dates(text[:head_chars])
    for s, e, iso in head:
        if len(iso) == 10:
            return FoundDate(iso, s, e)
    return FoundDate(head[0][2], head[0][0], head[0][1]) if head else None


def guess_date(text: str, *, head_chars: int = 3000) -> str:
    found = guess_date_found(text, head_chars=head_chars)
    return found.iso if found else ""
