"""How a citation reads, the same in every format.

    *Title* (Office, Mar. 3, 2021), p. 3, § 4(b)
    *Title* (Author, 2019), pp. 3–4
    *Title* (Outlet, June 2020), section “Findings”

A code section as the code cites it (:mod:`reader.export.statute_citation`), not a page:

    D.C. Code § 48-961.03(b)(3) (2024)
    21 U.S.C. § 977(a) (2025)
    D.C. Code § 48-961.05 note (2024)

Opinions and filings as a lawyer cites them (Bluebook-like), with the page the document
prints ("slip op. at 8" is the opinion's own page 8, not the PDF's 12th):

    *United States v. Ashworth*, No. 08-3071, slip op. at 8 (D.C. Cir. Feb. 5, 2010)
    *Holloway v. Price*, 569 U.S. ___, slip op. at 3 (2013)
    *State v. Lowther*, 352 Or 81, 84 (2012)
    *State v. Fenwick*, 2022-NCSC-14, slip op. at 5
    Motion to Dismiss at 2, *Roe v. City of Harlow*, No. 1:18-cv-02231 (D. Md. Oct. 9, 2018)

The title is set in italics (``runs`` gives ``(text, italic)`` pieces for rich formats;
``plain`` is the same without styling). Months are abbreviated as in legal citation
(Jan., Feb., Mar., Apr., May, June, July, Aug., Sept., Oct., Nov., Dec.).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from reader.export.model import Citation
from reader.export.statute_citation import code_citation, code_year

MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.",
          "Nov.", "Dec.")
MONTHS_LONG = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
MAX_SECTION_TITLE = 60


def format_date(value: str, *, long: bool = False) -> str:
    """``"2021-03-03"`` → ``"Mar. 3, 2021"`` (``long``: ``"March 3, 2021"``); ``"2021-03"``
    → ``"Mar. 2021"``; ``"2021"`` → ``"2021"``. Anything else is returned unchanged."""
    value = (value or "").strip()
    m = _ISO_RE.match(value)
    if not m:
        return value
    year, month, day = m.group(1), m.group(2), m.group(3)
    names = MONTHS_LONG if long else MONTHS
    try:
        if day:
            d = dt.date(int(year), int(month), int(day))
            return f"{names[d.month - 1]} {d.day}, {d.year}"
        if month and 1 <= int(month) <= 12:
            return f"{names[int(month) - 1]} {year}"
    except ValueError:
        return value
    return year


def format_day(day: dt.date | None) -> str:
    """A cover date: ``"March 3, 2021"``."""
    if day is None:
        return ""
    return f"{MONTHS_LONG[day.month - 1]} {day.day}, {day.year}"


NBSP = "\u00a0"


def _glue(text: str) -> str:
    """No line break inside "p. 3" or "§ 4(b)" (no-break spaces)."""
    return text.replace("pp. ", "pp." + NBSP).replace("p. ", "p." + NBSP) \
        .replace("§§ ", "§§" + NBSP).replace("§ ", "§" + NBSP)


def pinpoint(c: Citation, *, nbsp: bool = False) -> str:
    """``"p. 3, § 4(b)"``, ``"pp. 3–4"``, ``"§ 2"``, ``"section “Findings”"`` or ``""``.
    With ``nbsp`` the number stays on the line of its "p." or "§" (typeset formats)."""
    out = _pinpoint(c)
    return _glue(out) if nbsp else out


def _pinpoint(c: Citation) -> str:
    parts = []
    if c.page:
        parts.append(f"pp. {c.pages}" if c.end_page and c.end_page != c.page else f"p. {c.page}")
        if c.physical:  # where to find it in the file when the printed number differs
            parts[-1] += f" (PDF {'pp.' if '–' in c.physical else 'p.'} {c.physical})"
    if c.section:
        parts.append(c.section)
    elif c.section_title and not c.page:
        title = c.section_title.strip()
        if len(title) > MAX_SECTION_TITLE:
            title = title[:MAX_SECTION_TITLE - 1].rstrip() + "…"
        parts.append(f"section “{title}”")
    return ", ".join(parts)


def parenthetical(c: Citation) -> str:
    """``"Office, Mar. 3, 2021"`` or ``"Author, Outlet, June 14, 2022"`` (any part may be
    missing; the outlet or court is left out when it repeats the author)."""
    author, site = c.author.strip(), c.site.strip()
    if site and site.casefold() in (author.casefold(), c.title.strip().casefold()):
        site = ""
    return ", ".join(p for p in (author, site, format_date(c.date)) if p)


_REPORTER_RE = re.compile(r"^\d{1,4} [A-Z][A-Za-z. ]*?[A-Za-z.] (?:\d{1,5}|_{2,})$")
_NEUTRAL_RE = re.compile(r"^(?:1[89]|20)\d\d[- ][A-Za-z.]+[- ]\d{1,6}$")


def _span(c: Citation) -> str:
    return c.pages if c.page else ""


def _paren(c: Citation, *, day: bool) -> str:
    """"(D.C. Cir. Feb. 5, 2010)", "(2013)"; "" when nothing is known."""
    when = format_date(c.date) if day else (c.date or "")[:4]
    inner = " ".join(x for x in (c.court, when) if x)
    return f" ({inner})" if inner else ""


def court_tail(c: Citation, *, pin: bool = True, nbsp: bool = False) -> str:
    """What follows an opinion's case name: ", No. 08-3071, slip op. at 8 (D.C. Cir. Feb.
    5, 2010)", ", 556 U.S. 332, 338 (2009)" — without the pinpoint when ``pin`` is False
    (the Sources list)."""
    own = c.legal_citation.strip()
    pages = _span(c) if pin else ""
    space = NBSP if nbsp else " "
    per_curiam = " (per curiam)" if "per curiam" in c.doc_type.lower() else ""
    if own and _REPORTER_RE.match(own) and "___" not in own:
        pin_s = f", {pages}" if pages else ""
        court = "" if c.court in ("", "U.S.") or own.split()[1].rstrip(".") in \
            c.court.replace(" ", "") else c.court
        year = (c.date or "")[:4]
        inner = " ".join(x for x in (court, year) if x)
        return f", {own}{pin_s}" + (f" ({inner})" if inner else "") + per_curiam
    if own and "___" in own:  # a Supreme Court slip opinion: "569 U.S. ___"
        pin_s = f", slip op. at{space}{pages}" if pages else ""
        return f", {own}{pin_s}{_paren(c, day=False)}{per_curiam}"
    if own and _NEUTRAL_RE.match(own):
        pin_s = f", slip op. at{space}{pages}" if pages else ""
        return f", {own}{pin_s}{per_curiam}"
    docket = c.docket or own
    parts = [docket] if docket else []
    if pages:
        parts.append(f"slip op. at{space}{pages}")
    head = (", " + ", ".join(parts)) if parts else ""
    return head + _paren(c, day=True) + per_curiam


def _court_runs(c: Citation, *, nbsp: bool) -> tuple[tuple[str, bool], ...]:
    if c.kind == "filing":
        pages = _span(c)
        what = c.doc_type or "Filing"
        lead = f"{what} at{NBSP if nbsp else ' '}{pages}, " if pages else f"{what}, "
        docket = f", {c.docket}" if c.docket else ""
        return ((lead, False), (c.title, True), (docket + _paren(c, day=True), False))
    return ((c.title, True), (court_tail(c, nbsp=nbsp), False))


def runs(c: Citation, *, nbsp: bool = False) -> tuple[tuple[str, bool], ...]:
    """The citation as ``(text, italic)`` pieces: the title italic, the rest roman; a code
    section as the code cites it, all roman ("D.C. Code § 48-961.03(b)(3) (2024)")."""
    if c.kind in ("opinion", "filing"):
        return _court_runs(c, nbsp=nbsp)
    code = code_citation(c)
    if code:
        year = code_year(c)
        text = f"{code} ({year})" if year else code
        return ((_glue(text) if nbsp else text, False),)
    out: list[tuple[str, bool]] = [(c.title, True)]
    tail = ""
    paren = parenthetical(c)
    if paren:
        tail += f" ({paren})"
    pin = pinpoint(c, nbsp=nbsp)
    if pin:
        tail += f", {pin}"
    if tail:
        out.append((tail, False))
    return tuple(out)


def plain(c: Citation) -> str:
    """The citation as plain text (no styling)."""
    return "".join(text for text, _ in runs(c))


def markdown(c: Citation, escape: Callable[[str], str]) -> str:
    """The citation in Markdown: the title in ``*…*``; ``escape`` escapes plain text."""
    return "".join(f"*{escape(t)}*" if italic else escape(t) for t, italic in runs(c))
