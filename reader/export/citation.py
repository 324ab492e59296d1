"""How a citation reads, the same in every format.

    *Title* (Office, Mar. 3, 2021), p. 3, § 4(b)
    *Title* (Author, 2019), pp. 3–4
    *Title* (Outlet, June 2020), section “Findings”

The title is set in italics (``runs`` gives ``(text, italic)`` pieces for rich formats;
``plain`` is the same without styling). Months are abbreviated as in legal citation
(Jan., Feb., Mar., Apr., May, June, July, Aug., Sept., Oct., Nov., Dec.).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from reader.export.model import Citation

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


def runs(c: Citation, *, nbsp: bool = False) -> tuple[tuple[str, bool], ...]:
    """The citation as ``(text, italic)`` pieces: the title italic, the rest roman."""
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
