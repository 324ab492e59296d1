"""What on a saved statute page is not the law: the history each code site prints after a
section's text, its notes, the chapter and subchapter lines between sections, and the
page's own furniture after the last one; and the date the history gives.

History as printed: "[ 2024 c 211 § 4. ]", "[1977 c.745 §4; 2017 c.21 §74]", "History: …",
"History.—s. 1, ch. 2016-…", "(Source: P.A. 101-593, eff. 12-4-20.)", "(Amended by Stats.
2017, Ch. 269, Sec. 4. (SB 2) Effective January 1, 2018.)", "Acts 1989, 71st Leg., ch.
678 …", "Amended by: …", "Code 1950, § 54-524; … 2020, c. 1285.", "(L. 2014 S.B. 491 …)",
"Effective: April 4, 2023", "Latest Legislation: …".
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from reader.extract.dates import find_dates
from reader.extract.legal.inline import latest_date
from reader.extract.legal.page_lines import Line

log = logging.getLogger(__name__)

_HISTORY_RE = re.compile(
    r"^\s*\[\s*(?:\d{4}|\d+\s+c\s|Formerly|Amended|Repealed|Renumbered|Added)|^\s*\(?\s*(?:History|Source|Credits)\s*[:.]|"
    r"^\s*\((?:Amended|Added|Repealed|Enacted|Renumbered|Repealed and added)\b.{0,80}"
    r"\b(?:Stats|Ch|Sec)\.|^\s*(?:Acts\s+(?:19|20)\d\d,\s+\d+\w\w\s+Leg\.|"
    r"(?:Amended|Added|Transferred|Renumbered|Redesignated) by(?::|\s+Acts\b)|"
    r"Code\s+1\d\d\d,\s+§|(?:19|20)\d\d,\s+(?:Sp\.\s+Sess\.\s+[IVX]+,\s+)?cc?\.\s+\d)|"
    r"^\s*\((?:L\.|RSMo|RS|CL|R\.S\.)\s*(?:19|20|18)\d\d\b|"
    r"^\s*(?:Effective(?: Date)?|Latest Legislation|Legislation|Last updated|History "
    r"Information|Amended by \d+\w\w General Assembly)\s*[:.]?\s|"
    r"^\s*(?:Effective|Eff\.)\s+(?:\d|[A-Z][a-z]+\.? \d)", re.IGNORECASE)
_NOTES_HEAD_RE = re.compile(
    r"^\s*(?:NOTES?|Editor'?s notes?|Annotations?|Notes? of decisions|Cross[- ]references?|"
    r"Revisor'?s notes?|Case notes|Notes? to decisions|Legislative history|Source notes?)"
    r"\s*:?\s*$", re.IGNORECASE)
_NOTE_RE = re.compile(r"^\s*(?:Note|Editor'?s note|Revisor'?s note)\s*(?:\.—|:|\.\s)",
                      re.IGNORECASE)
_NOTE_CLASS_RE = re.compile(r"^(?:history\w*|notes?|laws-notice|source-?notes?|credits)$",
                            re.IGNORECASE)
_DIVISION_RE = re.compile(
    r"^(?:SUB)?(?:CHAPTER|ARTICLE|PART|TITLE|SUBTITLE|DIVISION)\s+[\dA-Z][\w.-]*\b[^a-z]*$|"
    r"^(?:Sub)?(?:chapter|Chapter|Article|Part|Title)\s+[\dA-Z][\w.-]*\s*[—–:.-]\s+.{0,100}$|"
    r"^\((?:[A-Z][\w'-]*)(?:,? (?:[A-Z][\w'-]*|and|of|for|to|in|on|the|or))*\)$")  # "(Penalties)"
#: lines after which nothing of the section is printed
_END_RE = re.compile(
    r"^(?:Back to top|Top of page|Return to top|Disclaimer|Copyright|©|Contact us|"
    r"Privacy|Accessibility|Site map|Terms of use|Available versions of this section|"
    r"Other versions|Select (?:a )?version)\b", re.IGNORECASE)
#: link and button lines printed among the section's lines
_SKIP_RE = re.compile(
    r"^[«<^\s]*(?:Previous|Next|Prev|Print|Printer[- ]friendly|Share|Email|Go to|PDF|"
    r"Download|Add to my favorites|Up|Expand all|Collapse all|Home|Back|Top)\b[^.;,]{0,40}"
    r"(?<![.;:,])[»>^\s]*$", re.IGNORECASE)
#: "<< 579.015   579.017 >>": links to the sections before and after
_ARROWS_RE = re.compile(r"^(?=.*[«‹<>›»])[«‹<>›»\s]*(?:§?\s?\d[\d.:-]*[A-Za-z]?[«‹<>›»\s]+)*"
                        r"(?:§?\s?\d[\d.:-]*[A-Za-z]?)?$")
_SESSION_YEAR_RES = (
    re.compile(r"\b((?:19|20)\d\d)\s+c\.?\s*\d+"),  # 2024 c 211, 2017 c.21
    re.compile(r"\bch\.\s+((?:19|20)\d\d)-\d+"),  # ch. 2019-167
    re.compile(r"\b((?:19|20)\d\d),\s+(?:Sp\.\s+Sess\.\s+[IVX]+,\s+)?cc?\.\s+\d"),  # 2020, c. 1
    re.compile(r"\bStats\.\s+((?:19|20)\d\d)\b"),  # Stats. 2017
    re.compile(r"\bActs\s+((?:19|20)\d\d),"),  # Acts 2019, 86th Leg.
    re.compile(r"\b(?:L\.|A\.L\.)\s+((?:19|20)\d\d)\b"),  # L. 2014, A.L. 2021
    re.compile(r"\bP\.A\.\s+\d+-\d+,\s+eff\.\s+\d{1,2}-\d{1,2}-(\d\d)\b"),  # eff. 1-1-20
)
_ILCS_EFF_RE = re.compile(r"\beff\.\s+(\d{1,2})-(\d{1,2})-(\d\d)\b")


def is_history(line: Line) -> bool:
    return bool(_HISTORY_RE.match(line.text) or _NOTE_RE.match(line.text)
                or any(_NOTE_CLASS_RE.match(c) for c in line.cls.split()))


def is_notes_heading(line: Line) -> bool:
    return bool(_NOTES_HEAD_RE.match(line.text))


def is_division(line: Line) -> bool:
    """A chapter, subchapter or article line printed between sections."""
    return len(line.text) < 160 and bool(_DIVISION_RE.match(line.text))


def ends_page(line: Line) -> bool:
    """Page furniture after the last section ("Back to top", "Disclaimer", "©")."""
    return len(line.text) < 80 and bool(_END_RE.match(line.text))


def is_furniture(line: Line) -> bool:
    """A link or button line ("PDF", "Print", "<< Previous"), or a rule ("_____")."""
    parts = [p for p in re.split(r"\s[|·•]\s|\s{3,}", line.text) if p.strip()]
    return (len(line.text) < 80 and all(_SKIP_RE.match(p) for p in parts)) or \
        not any(ch.isalnum() for ch in line.text) or \
        (len(line.text) < 80 and bool(_ARROWS_RE.match(line.text)))


def history_date(history: Iterable[str]) -> str:
    """The latest effective date in the history, or the year of its latest session law
    when that is later (or no date is printed)."""
    history = list(history)
    dated = latest_date(h for h in history if find_dates(h))
    ilcs = [f"20{y}-{int(m):02d}-{int(d):02d}" for h in history
            for m, d, y in _ILCS_EFF_RE.findall(h) if 1 <= int(m) <= 12 and 1 <= int(d) <= 31]
    dated = max([dated, *ilcs])
    years = [y if len(y) == 4 else f"20{y}" for h in history for r in _SESSION_YEAR_RES
             for y in r.findall(h)]
    year = max(years, default="")
    if dated and (not year or dated[:4] >= year):
        return dated
    return year
