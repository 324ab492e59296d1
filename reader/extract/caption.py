"""A court document's caption: the case name in the short form lawyers cite, the docket
number(s), the document's own citation, and the authoring judge.

Only the caption counts: a case the document cites ("See Bixby v. Marsh, 556 U.S. 332"),
the court appealed from and its docket ("D.C. No. 3:12-cr-00456"), or a sentence of the
body never becomes the title, the docket or the citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.extract.casing import name_case, title_case
from reader.extract.evidence import Ev

_I, _M = re.IGNORECASE, re.MULTILINE
_SEPARATOR_RE = re.compile(r"^(?:v\.?|vs\.?|versus|-\s*v\.?\s*-)$", _I)
_ROLE_WORDS = (r"(?:Plaintiffs?|Defendants?|Appellants?|Appellees?|Petitioners?|Respondents?|"
               r"Movants?|Claimants?|Intervenors?|Cross-Appellants?|Cross-Appellees?)")
_ROLE_RE = re.compile(
    rf"^(?:l{{5,}})?(?:{_ROLE_WORDS}(?:\s*(?:[-–/,]|and|on)\s*(?:{_ROLE_WORDS}|Review))*"
    rf"|et al)\.?,?$|^(?:l{{5,}})?{_ROLE_WORDS}\s*[-–]\s*{_ROLE_WORDS}[.,]?$", _I)
_TRAILING_ROLE_RE = re.compile(
    rf"(?:,|\s)\s*(?:{_ROLE_WORDS}(?:\s*(?:[-–/,]|and|on)\s*(?:{_ROLE_WORDS}|Review))*"
    rf"(?:\s+and)?|et al|in (?:his|her|their) (?:individual|official) capacit(?:y|ies))\.?,?$",
    _I)
_INLINE_RE = re.compile(r"^(?P<a>[^\n]{2,110}?),?\s+(?:v\.|vs\.|V\.|versus)\s+(?P<b>[^\n]{2,110}?)"
                        r"[,.;]?$")
_REPORTER_RE = re.compile(r"\b\d{1,4}\s+(?:U\.\s?S\.|S\.\s?Ct\.|F\.\s?(?:\dd|\dth|Supp)|"
                          r"[A-Z][A-Za-z.]{0,6}\s?\d?d\.?)\s+\d")
_NOT_PARTY_RE = re.compile(r"^(?:No\.|Nos\.|NO\.|Case|CASE|Docket|Appeal|On |In the |IN THE |"
                           r"Before|Argued|Decided|Filed|Submitted|See |RE:|Re:|TO:|FROM:|_{3,}|"
                           r"D\.\s?C\.|USDC|OPINION$|ORDER$)|\d{3}|\bNo\.?$")
_ORG_RE = re.compile(r"\b(?:County|City|Town|Village|Township|Municipality|Department|Dep't|"
                     r"Office|Board|Commission|Agency|Bureau|School|District|University|College|"
                     r"Hospital|Inc|LLC|L\.L\.C|Corp|Corporation|Company|Co|Association|Union|"
                     r"Authority|Trust|Bank|Services|Group|LLP|Center|Police|Sheriff'?s?|Prison|"
                     r"Jail|Committee|Council|Administration|Institute|Foundation|Clinic)\b\.?",
                     _I)
_PARTICLES = {"de", "del", "della", "da", "di", "van", "von", "der", "den", "la", "le", "st.",
              "du", "dos", "das", "ten", "ter", "mac"}
_SUFFIX_RE = re.compile(r",?\s+(?:Jr|Sr|II|III|IV|V|Esq)\.?,?$", _I)
_TITLE_AFTER_RE = re.compile(r",\s*(?:Warden|Sheriff|Director|Secretary|Commissioner|"
                             r"Superintendent|Attorney General|Chief|Officer|Administrator|"
                             r"Acting [A-Z][a-z]+|Governor|Mayor|et al)\b.*$", _I)


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    pos = start
    for line in text[start:end].split("\n"):
        yield pos, line
        pos += len(line) + 1


def short_party(name: str) -> str:
    """A party as a citation names it: "UNITED STATES OF AMERICA" → "United States",
    "STATE OF NORTH CAROLINA" → "State", "DARNELL K. ASHWORTH, JR." → "Ashworth", "CITY OF
    HARLOW, et al." → "City of Harlow", "In re JANE DOE" → "In re Doe"."""
    n = " ".join(name.replace("lllll", "").split()).strip(" ,;:.")
    n = n.split(";")[0].strip(" ,")
    while True:
        cut = _TRAILING_ROLE_RE.sub("", n).strip(" ,")
        if cut == n:
            break
        n = cut
    n = _TITLE_AFTER_RE.sub("", n).strip(" ,")
    if not n:
        return ""
    m = re.match(r"^in\s+re:?\s+(?P<r>.+)$", n, _I)
    if m:
        return "In re " + short_party(m.group("r"))
    low = n.lower().removeprefix("the ")
    if re.fullmatch(r"united states(?: of america)?", low):
        return "United States"
    m = re.fullmatch(r"(state|commonwealth|people)(?: of (?:the )?(?:state of )?[a-z .]+)?", low)
    if m:
        return m.group(1).capitalize()
    if _ORG_RE.search(n) or " of " in low:
        return re.sub(r"^The ", "", title_case(n.upper()) if n.isupper() else n)
    n = _SUFFIX_RE.sub("", n).strip(" ,")
    words = n.split()
    surname = [words[-1]] if words else []
    for w in reversed(words[:-1]):
        if w.lower() in _PARTICLES:
            surname.insert(0, w.lower() if not w[0].isupper() or w.isupper() else w)
        else:
            break
    return " ".join(name_case(w) if w.isupper() else w for w in surname)


def _party_line(line: str) -> bool:
    s = line.strip()
    return (2 <= len(s) <= 140 and not _ROLE_RE.match(s) and not _NOT_PARTY_RE.search(s)
            and not _SEPARATOR_RE.match(s) and sum(c.isalpha() for c in s) >= 2)


def case_name(text: str, start: int = 0, end: int | None = None) -> Ev | None:
    """The caption's case name between ``start`` and ``end`` (the caption region), with the
    span of the caption it was read from."""
    end = len(text) if end is None else end
    lines = list(_lines(text, start, end))
    for i, (pos, line) in enumerate(lines):
        s = line.strip()
        if _SEPARATOR_RE.match(s):
            before = _near(lines, i, -1)
            after = _near(lines, i, +1)
            if before and after:
                a, b = short_party(before[1]), short_party(after[1])
                if a and b:
                    return Ev(f"{a} v. {b}", before[0], after[0] + len(after[1]))
            continue
        m = _INLINE_RE.match(s)
        if m and " V. " in s and not s.isupper():
            m = None  # "Nora V. Pettibone": a middle initial, not "versus"
        if m and _caption_like(s):
            a, b = short_party(m.group("a")), short_party(re.split(
                r",\s+(?:No\.|Docket|\d)|\s+\(\d{4}\)$", m.group("b"))[0])
            if a and b:
                return Ev(f"{a} v. {b}", pos, pos + len(line))
        m = re.match(r"^\[?Cite as:?\s+(?P<n>[^,\]]+ v\. [^,\]]+),", s)
        if m:
            a, _, b = m.group("n").partition(" v. ")
            return Ev(f"{short_party(a)} v. {short_party(b)}", pos, pos + len(line))
        m = re.match(r"^In\s+re:?\s+(?P<r>[A-Z][^\n]{1,100})$", s, _I)
        if m and not _REPORTER_RE.search(s) and len(s) < 90:
            return Ev("In re " + short_party(m.group("r")), pos, pos + len(line))
    return None


def _near(lines: list[tuple[int, str]], i: int, step: int) -> tuple[int, str] | None:
    """The nearest party-name line above (step -1) or below (+1) a "v." line, skipping role
    lines, blank lines and what side-by-side captions put between (the docket number,
    "OPINION"), at most eight lines away."""
    j = i + step
    seen = 0
    while 0 <= j < len(lines) and seen < 8:
        pos, line = lines[j]
        s = line.strip()
        if s and not _ROLE_RE.match(s) and _party_line(s):
            if step < 0 and j > 0 and lines[j - 1][1].strip().endswith(("of", "OF", "&")):
                return lines[j - 1][0], lines[j - 1][1] + " " + line
            return pos, line
        if s and _STOP_RE.match(s):
            return None
        j += step
        seen += 1
    return None


_STOP_RE = re.compile(r"^(?:(?:IN THE |In the )?(?:UNITED STATES |United States )?(?:COURT|Court|"
                      r"SUPREME|Supreme)\b|Before\b|Appeal|APPEAL|On Appeal)")


def _caption_like(line: str) -> bool:
    """"HOLLOWAY v. PRICE, WARDEN", "Commonwealth v. Harlan": a line that is only a case
    name, not a sentence citing one."""
    if _REPORTER_RE.search(line) or re.match(r"^(?:See|RE|Re|Cf|TO|FROM)\b", line):
        return False
    bare = re.sub(r"\b(?:v|vs|V|No|Nos|Inc|Co|Corp|Jr|Sr)\.", "", line)
    if len(line) > 120 or re.search(r"[.!?]\s+[A-Z]|\b(?:we|the court|held)\b", bare):
        return False
    letters = [c for c in line if c.isalpha()]
    upper = sum(c.isupper() for c in letters) / max(1, len(letters))
    return upper > 0.6 or len(line) <= 70


# -- docket numbers ----------------------------------------------------------------------------
_DOCKET_RE = re.compile(
    r"^(?:(?:Civil\s+Action|Criminal\s+(?:Action|Case)|Case|Docket|Appeal|Cause|Misc\.)\s+)?"
    r"(?P<no>Nos?\.?|NOS?\.?|Number)\s*:?\s*(?P<v>(?:[A-Z]{1,3}-?)?\d[\w:.–-]*\d[\w–-]*"
    r"(?: [A-Z]{2,4} \d{4})?)\.?(?:\s|$)", _M | _I)
_OREGON_RE = re.compile(r"\bSC (?P<v>S\d{5,7})\b")
_DISTRICT_DOCKET_RE = re.compile(r"\d:\d\d-(?:cr|cv|mj|md|mc|po)-", _I)
_APPEAL_BLOCK_RE = re.compile(r"^(?:On\s+)?(?:Criminal\s+|Civil\s+)?Appeals?\s+from\b|"
                              r"^\(?D\.\s?C\.|^USDC|^Trial\s+Court", _I)


def dockets(text: str, start: int, end: int, *, appellate: bool) -> Ev | None:
    """The docket number(s) printed in the caption: "No. 08-3071"; consolidated appeals
    "Nos. 14-4512, 14-4530". Numbers of the court appealed from are left out."""
    found: list[tuple[int, int, str]] = []
    region = text[start:end]
    blocks = [(m.start(), m.group()) for m in re.finditer(r"(?:[^\n]+\n?)+", region)]
    for m in _DOCKET_RE.finditer(region):
        value = m.group("v").rstrip(".")
        block = next((b for s, b in reversed(blocks) if s <= m.start()), "")
        if _APPEAL_BLOCK_RE.search(block.strip()) or (appellate and
                                                      _DISTRICT_DOCKET_RE.search(value)):
            continue
        if sum(c.isdigit() for c in value) < 2:
            continue
        if value not in [v for _, _, v in found]:
            found.append((start + m.start(), start + m.end(), value))
    if not found:
        oregon = _OREGON_RE.search(region)
        if oregon:
            return Ev(f"SC {oregon.group('v')}", start + oregon.start(), start + oregon.end())
        return None
    if len(found) == 1:
        s, e, v = found[0]
        return Ev(f"No. {v}", s, e)
    return Ev("Nos. " + ", ".join(v for _, _, v in found), found[0][0], found[-1][1],
              snippet=" … ".join(" ".join(text[s:e].split()) for s, e, _ in found))


# -- the document's own citation -------------------------------------------------------------
_CITE_AS_RE = re.compile(r"Cite\s+as:?\s+(?:[^,\]\n]+ v\. [^,\]\n]+,\s+)?(?P<c>\d{1,4}\s+"
                         r"[A-Z][A-Za-z. ]{0,12}?\s+(?:\d{1,5}|_{2,})|(?:19|20)\d\d-[A-Za-z]+-"
                         r"\d{1,6})", _I)
_NEUTRAL_LINE_RE = re.compile(r"^(?P<c>(?:19|20)\d\d[- ](?:[A-Z]{2,6}|Ohio|Ark\.|App)[- ]\d{1,6})$",
                              _M)
_REPORTER_LINE_RE = re.compile(r"^(?P<c>\d{1,4} (?:U\.\s?S\.|S\. ?Ct\.|[A-Z][A-Za-z.]{0,8}"
                               r"(?: ?[A-Z0-9][A-Za-z.0-9]{0,8}){0,2}) \d{1,5})(?: \(\d{4}\))?\.?$",
                               _M)


def _clean_cite(c: str) -> str:
    c = " ".join(c.split())
    c = re.sub(r"U\.\s?S\.", "U.S.", c)
    return re.sub(r"_{2,}", "___", c)


def own_citation(text: str, start: int, end: int, furniture: tuple[str, ...] = ()) -> Ev | None:
    """The reporter or neutral citation printed as the document's own ("Cite as: 569 U. S.
    ____ (2013)", a "2022-NCSC-14" line, "141 Pa. 287 (1891)" under the case name) — never
    one the document cites."""
    region = text[start:end]
    for pattern in (_CITE_AS_RE, _NEUTRAL_LINE_RE, _REPORTER_LINE_RE):
        m = pattern.search(region)
        if m:
            return Ev(_clean_cite(m.group("c")), start + m.start(), start + m.end())
    for head in furniture:
        m = _CITE_AS_RE.search(head)
        if m:
            return Ev(_clean_cite(m.group("c")), snippet=head.strip())
    m = _CITE_AS_RE.search(text[:200_000])  # a "Cite as" running head on a later page
    if m:
        return Ev(_clean_cite(m.group("c")), m.start(), m.end())
    return None
