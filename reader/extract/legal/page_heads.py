"""Where a saved legislature page prints a section's number and caption, in the ways real
code sites print them:

* a heading: "RCW 69.53A.040", "§ 18.2-250. Possession of …", "Section 34: Possession …",
  "Section 2925.11 | Possession of …", a bare "11350." (the caption, if any, in the
  heading after it);
* the start of a paragraph, the caption running into the text: "Sec. 481.115.  OFFENSE:
  POSSESSION.  (a) A person …" (a chapter page printing every section so);
* a bold or classed lead: ``<b>475.752 Prohibited acts.</b> (1) …``,
  ``<span class="SectionNumber">893.13</span><span class="CatchlineText">…</span>—``;
* the ILCS label "(720 ILCS 570/402)" (the "Sec. 402." after it is the text's).

A page may print several sections one after another (a chapter page): every later one is
printed the same way as the first (the same ``style``). Paragraph heads need a dotted or
dashed number ("481.115"), so a bill's "Section 1." is never one.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from reader.extract.legal.inline import strip_end
from reader.extract.legal.page_lines import HEAD_TAGS, Line

log = logging.getLogger(__name__)

_NUM = r"\d+[A-Za-z]?(?:[-.:–]\d+[A-Za-z]?)*"
_CODE_ABBR = (r"RCW|ORS|C\.R\.S\.|A\.R\.S\.|N\.R\.S\.|K\.S\.A\.|M\.C\.L\.|O\.C\.G\.A\.|"
              r"R\.I\.G\.L\.|N\.J\.S\.A\.|RSMo|HRS|(?:[A-Z][a-z]*\.?\s){1,4}(?:Stat|Code|Ann)\.?")
ABBR_STATES = {"RCW": "WA", "ORS": "OR", "C.R.S.": "CO", "A.R.S.": "AZ", "N.R.S.": "NV",
               "K.S.A.": "KS", "M.C.L.": "MI", "O.C.G.A.": "GA", "R.I.G.L.": "RI",
               "N.J.S.A.": "NJ", "RSMo": "MO", "HRS": "HI"}
_HEAD_RE = re.compile(
    rf"^(?:(?P<code>{_CODE_ABBR})\s*)?(?P<kw>§§?\s*|(?:Sec(?:tion)?\.?|SECTION|SEC\.)\s+)?"
    rf"(?P<num>{_NUM})(?P<rest>(?:[.:|]?\s.*|[.:]?))$")
_ILCS_RE = re.compile(r"^\(\s*(?P<cite>(?P<ch>\d+)\s+ILCS\s+(?P<act>\d+)/(?P<num>[\w.-]+))\s*\)")
_DOTTED_RE = re.compile(r"\d[-.:–]\d")
_YEAR_RE = re.compile(r"(?:19|20)\d\d(?:[-–]\d{2,4})?")
_LEAD_CLASS_RE = re.compile(r"number|catch|head|bold|title|dash|secnum", re.IGNORECASE)
_SEPARATORS = " .:|—–-"


@dataclass(frozen=True)
class Head:
    """A section's number and caption, printed at ``lines[index]``; ``consumed``: how many
    non-space characters of that line they take (the rest of the line is the text)."""

    index: int
    number: str
    caption: str
    style: str
    consumed: int
    cite: str = ""  # as the page prints it: "RCW 69.53A.040", "720 ILCS 570/402"
    code: str = ""  # the code's abbreviation when printed ("RCW")


def _nonspace(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _caption_in(rest: str) -> tuple[str, str]:
    """A caption running into the text: ("OFFENSE: POSSESSION", "(a) A person …")."""
    r = rest.lstrip(_SEPARATORS)
    dash = re.match(r"^(.{2,240}?)(?:\.—|\s*—\s*|\.\s+–\s+)(?=\S|$)", r)
    if dash and not re.search(r"\(\w{1,4}\)", dash.group(1)):
        return strip_end(dash.group(1)), r[dash.end():]
    caps = re.match(r"^([^a-z]{3,240}?\.)(?=\s+(?:\(|[A-Z][a-z]|\d+\.\s)|\s*$)", r)
    if caps and sum(c.isupper() for c in caps.group(1)) >= 3:
        return strip_end(caps.group(1)), r[caps.end():]
    short = re.match(r"^([A-Z][^.]{2,120}\.)(?=\s+(?:\(\w{1,4}\)|\d+\.\s)|\s*$)", r)
    if short:
        return strip_end(short.group(1)), r[short.end():]
    return "", r


def restated_caption(line: Line, number: str) -> tuple[str, int]:
    """The caption of "Sec. 402. Possession; penalties." printed under "(720 ILCS 570/402)",
    and how many non-space characters of the line it takes with the number ("", 0 when
    the line goes straight into the text)."""
    m = re.match(rf"^(?:Sec\.|Section|§)\s*{re.escape(number)}\.?\s", line.text + " ")
    if not m:
        return "", 0
    caption, body = _caption_in(line.text[m.end():])
    if not caption or len(caption) > 60 or re.search(r"\b(?:is|are|shall|may|must)\b", caption):
        return "", 0
    return caption, _nonspace(line.text) - _nonspace(body)


def restatement(line: Line, number: str, caption: str) -> int:
    """How many non-space characters at the start of ``line`` restate the section's number
    and caption ("§ 220.06 Criminal possession …." under the heading "SECTION 220.06");
    0 when it does not start so."""
    m = re.match(rf"^(?:Sec\.|Section|SECTION|§)\s*{re.escape(number)}(?![\w.-]\w)\.?\s*",
                 line.text)
    if not m:
        return 0
    rest = line.text[m.end():]
    if caption and rest.lower().startswith(caption.lower()):
        rest = rest[len(caption):].lstrip(".:—– ")
    return _nonspace(line.text) - _nonspace(rest)


def _heading_head(i: int, line: Line, after: Line | None) -> Head | None:
    m = _HEAD_RE.match(line.text)
    if not m or _YEAR_RE.fullmatch(m.group("num")):
        return None
    rest = m.group("rest").strip(_SEPARATORS)
    keyword = m.group("code") or m.group("kw")
    dotted = _DOTTED_RE.search(m.group("num")) and (not rest or rest[:1].isupper())
    alone = not rest and m.group("rest").strip() == "."  # "11350." on its own
    if not (keyword or dotted or alone):
        return None
    caption = strip_end(rest)
    consumed = _nonspace(line.text)
    return Head(i, m.group("num"), caption, line.tag, consumed,
                cite=f"{m.group('code').strip()} {m.group('num')}" if m.group("code") else "",
                code=(m.group("code") or "").strip())


def _lead_head(i: int, line: Line) -> Head | None:
    leads = [x for x in line.lead if x[0] in ("b", "strong") or _LEAD_CLASS_RE.search(x[1])]
    if not leads:
        return None
    head = leads[0][2]
    m = re.match(rf"^(?:§\s*|Sec\.\s+)?({_NUM})", head)
    if not m or not _DOTTED_RE.search(m.group(1)) or not line.text.startswith(head):
        return None
    if not head[m.end():].strip(_SEPARATORS) and len(leads) > 1:  # number, then caption
        head = f"{head} {leads[1][2]}"
        if len(leads) > 2 and not leads[2][2].strip("—– "):
            head += leads[2][2]
    caption = strip_end(head[m.end():].strip(_SEPARATORS))  # "Possession — penalty. —"
    body = line.text[len(head):] if line.text.startswith(head) else ""
    consumed = _nonspace(line.text) - _nonspace(body.lstrip(" —–"))
    return Head(i, m.group(1), caption, f"{line.tag}:lead", consumed)


def _paragraph_head(i: int, line: Line) -> Head | None:
    ilcs = _ILCS_RE.match(line.text)
    if ilcs:
        cite = " ".join(ilcs.group("cite").split())
        return Head(i, ilcs.group("num"), "", "ilcs", _nonspace(line.text), cite=cite)
    m = _HEAD_RE.match(line.text)
    if m and m.group("kw") and _DOTTED_RE.search(m.group("num")) and \
            not _YEAR_RE.fullmatch(m.group("num")):
        caption, body = _caption_in(m.group("rest"))
        kw = "§" if "§" in m.group("kw") else "sec"
        consumed = _nonspace(line.text) - _nonspace(body)
        return Head(i, m.group("num"), caption, f"{line.tag}:{kw}", consumed)
    return _lead_head(i, line)


def _head_at(i: int, lines: list[Line]) -> Head | None:
    line = lines[i]
    if line.tag in HEAD_TAGS:
        return _heading_head(i, line, lines[i + 1] if i + 1 < len(lines) else None)
    return _paragraph_head(i, line)


def find_heads(lines: list[Line], *, first_within: int = 400) -> list[Head]:
    """The section heads of the page: the first one (a heading among the first eight, or
    a paragraph head among the first ``first_within`` lines), then every later line
    printed the same way. A restatement of the current number ("Section 34. No person…"
    under the heading "Section 34: …", "Sec. 402." under "(720 ILCS 570/402)") is text."""
    first: Head | None = None
    headings = 0
    for i, line in enumerate(lines[:first_within]):
        if line.tag in HEAD_TAGS:
            headings += 1
            if headings > 8:
                continue
        first = _head_at(i, lines)
        if first is not None:
            break
    if first is None:
        return []
    heads = [first]
    for i in range(first.index + 1, len(lines)):
        h = _head_at(i, lines)
        if h is None or h.style != first.style or h.number == heads[-1].number:
            continue
        heads.append(h)
    return heads
