"""Dates in document text, as ISO strings (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``).

Understands "March 3, 2021", "Mar. 3, 2021", "3 March 2021", "the 3rd day of March, 2021",
"3/3/2021" (US month/day order unless the first number is over 12), "2021-03-03",
"2021-03-03T10:00:00Z", "March 2021". :func:`guess_date` prefers a labelled date
("DATE:", "Dated:", "Decided", "Effective", "Published" …) and otherwise takes the first
full date near the top.
"""

from __future__ import annotations

import datetime as _dt
import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?![\d-])"),
    re.compile(r"\b" + _MONTH + r"\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b",
               re.IGNORECASE),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?" + _MONTH +
               r"\.?,?\s+(?:A\.D\.\s+)?" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(r"(?<![\d/.-])(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<y>(?:19|20)?\d\d)(?![\d/.-])"),
    re.compile(r"\b" + _MONTH + r"\.?,?\s+" + _YEAR + r"\b", re.IGNORECASE),
]
_LABEL_RE = re.compile(
    r"(?:^|(?<=[,;(])[ \t]?)(?P<label>date|dated|date issued|issued|effective(?: date)?|"
    r"decided|filed|argued|submitted|published|posted|updated|approved|enacted|signed|revised|"
    r"released|date of issue)\b\s*(?:on)?\s*:?", re.IGNORECASE | re.MULTILINE)
#: Preference of labelled dates (lower is better); others come after every label.
_LABEL_RANK: dict[str, float] = {"decided": 0, "date": 1, "dated": 1, "date issued": 1, "issued": 1,
               "date of issue": 1, "effective": 2, "effective date": 2, "published": 1,
               "posted": 2, "approved": 1.5, "enacted": 1.5, "signed": 1.5, "filed": 3,
               "released": 2, "revised": 4, "updated": 5, "argued": 6, "submitted": 7}


def _iso(year: int, month: int = 0, day: int = 0) -> str:
    if not 1900 <= year <= 2100:
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
    m = re.fullmatch(r"\s*((?:19|20)\d\d)\s*", value)
    return m.group(1) if m else ""


def guess_date(text: str, *, head_chars: int = 3000) -> str:
    """The document's own date: the best labelled date, else the first full date near the
    top, else the first month and year near the top, else ``""``."""
    best: tuple[float, int, str] | None = None
    for m in _LABEL_RE.finditer(text[:60000]):
        line_end = text.find("\n", m.end())
        line = text[m.end(): line_end if line_end >= 0 else len(text)]
        dates = find_dates(line[:80])
        if not dates or dates[0][0] > 20:
            continue
        rank = _LABEL_RANK.get(m.group("label").lower(), 3)
        candidate = (rank, m.start(), dates[0][2])
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    if best is not None:
        return best[2]
    head = find_dates(text[:head_chars])
    for _, _, iso in head:
        if len(iso) == 10:
            return iso
    return head[0][2] if head else ""
