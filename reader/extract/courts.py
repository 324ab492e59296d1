"""Which court a caption names, in the forms a library and a citation need.

:func:`find_court` reads the court that issued a document from its first page ("United
States Court of Appeals for the District of Columbia Circuit", "IN THE SUPREME COURT OF
NORTH CAROLINA", "Missouri Court of Appeals / Eastern District / DIVISION FOUR"), never the
court appealed from ("Appeal from the United States District Court for …").

Jurisdiction codes (documented in docs/extraction-formats.md):

* the Supreme Court of the United States and federal agencies: ``"US"``;
* a federal court of appeals: its citation form, ``"D.C. Cir."``, ``"1st Cir."`` …
  ``"11th Cir."``, ``"Fed. Cir."``;
* a federal district court: its citation form, ``"D. Md."``, ``"S.D.N.Y."``, ``"D.D.C."``;
* a state court: the state's two-letter code (``"NC"``), whatever county it sits in.

Search accepts every code with its aliases (:func:`jurisdiction_aliases`):
``jurisdiction:DC`` finds the D.C. Circuit and the District of Columbia's courts,
``jurisdiction:"9th Cir."``, ``jurisdiction:"ninth circuit"`` the Ninth Circuit, and
``jurisdiction:MD`` a district court in Maryland.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.extract.jurisdiction import STATE_ABBREV, STATES, state_code

ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
            "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth"]
_ORDINAL_NUM = {w.lower(): i + 1 for i, w in enumerate(ORDINALS)}
_NUM_SUFFIX = {1: "1st", 2: "2d", 3: "3d"}
_I = re.IGNORECASE
_STATE_ALT = "|".join(sorted((re.escape(s) for s in STATES), key=len, reverse=True))
_CIRCUIT_RE = re.compile(
    r"(?:United\s+States\s+)?Court\s+of\s+Appeals\s*,?\s+(?:for\s+)?(?:the\s+)?"
    r"(?P<c>" + "|".join(ORDINALS[:11]) + r"|District\s+of\s+Columbia|D\.\s?C\.|Federal|"
    r"\d{1,2}(?:st|nd|rd|d|th))\s+Circuit\b", _I)
_SCOTUS_RE = re.compile(r"Supreme\s+Court\s+of\s+the\s+United\s+States|United\s+States\s+"
                        r"Supreme\s+Court", _I)
_DISTRICT_RE = re.compile(
    r"United\s+States\s+District\s+Court\s*,?\s+(?:for\s+)?(?:the\s+)?"
    r"(?P<dir>(?:Eastern|Western|Northern|Southern|Middle|Central)\s+)?District\s+of\s+"
    r"(?P<st>" + _STATE_ALT + r")\b", _I)
_STATE_COURT_RE = re.compile(
    r"(?P<name>(?:Supreme|Superior|Commonwealth)\s+Court|Court\s+of\s+(?:Criminal\s+|Special\s+)?"
    r"Appeals?)\s+(?:of\s+)?(?:the\s+)?(?:(?:State|Commonwealth)\s+of\s+)?"
    r"(?P<st>" + _STATE_ALT + r")\b"
    r"|\b(?P<st2>" + _STATE_ALT + r")\s+(?P<name2>Supreme\s+Court|Court\s+of\s+(?:Criminal\s+)?"
    r"Appeals|Superior\s+Court|Commonwealth\s+Court)\b"
    r"|\b(?P<ord>" + "|".join(ORDINALS) + r")\s+Court\s+of\s+Appeals\b", _I)
_TRIAL_RE = re.compile(
    r"(?P<name>Circuit|District|Superior|County)\s+Court\s+of\s+the\s+(?P<ord>\w+)\s+Judicial\s+"
    r"(?:Circuit|District)\s+in\s+and\s+for\s+(?P<county>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)\s+"
    r"County,?\s+(?P<st>" + _STATE_ALT + r")\b", _I)
_DIVISION_RE = re.compile(
    r"^\s*(?P<d>(?:(?:" + "|".join(ORDINALS) + r")\s+Appellate\s+District)|"
    r"(?:(?:Eastern|Western|Northern|Southern|Middle|Central)\s+District)|"
    r"Division\s+(?:One|Two|Three|Four|Five|Six|Seven|Eight|I{1,3}|IV|V|VI{0,3}|\d{1,2}))"
    r"\s*$", _I | re.MULTILINE)
_ROMAN = {"i": "One", "ii": "Two", "iii": "Three", "iv": "Four", "v": "Five", "vi": "Six",
          "vii": "Seven", "viii": "Eight"}
_APPEAL_FROM_RE = re.compile(r"(?:appeals?|review|certiorari|petition)\s+(?:from|to)\s+(?:the\s+)?"
                             r"$|from\s+(?:the\s+)?$|(?:D\.C\.|USDC)\s*$", _I)


@dataclass(frozen=True)
class Court:
    """A court as the caption names it. ``abbrev`` is the court in a citation's
    parenthetical ("D.C. Cir.", "N.C.", "Mo. Ct. App."; "" for the Supreme Court)."""

    name: str
    jurisdiction: str
    abbrev: str
    level: str  # "supreme" | "appeals" | "trial"
    federal: bool
    start: int = -1
    end: int = -1


def _title(text: str) -> str:
    small = {"of", "the", "and", "for", "in", "at", "on"}
    words = " ".join(text.split()).split(" ")
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i and lw in small:
            out.append(lw)
        elif re.fullmatch(r"(?:[A-Za-z]\.)+", w):
            out.append(w.upper())
        else:
            out.append(lw[:1].upper() + lw[1:])
    return " ".join(out)


def circuit_code(word: str) -> str:
    """``"Ninth"``/``"9th"`` → ``"9th Cir."``; ``"District of Columbia"`` → ``"D.C. Cir."``."""
    w = " ".join(word.split()).lower()
    if w in ("district of columbia", "d.c.", "d. c."):
        return "D.C. Cir."
    if w == "federal":
        return "Fed. Cir."
    digits = re.match(r"\d+", w)
    n = _ORDINAL_NUM.get(w) or (int(digits.group()) if digits else 0)
    return f"{_NUM_SUFFIX.get(n, f'{n}th')} Cir." if n else ""


def district_code(direction: str, state: str) -> str:
    """``("Southern", "NY")`` → ``"S.D.N.Y."``; ``("", "MD")`` → ``"D. Md."``."""
    prefix = f"{direction.strip()[0].upper()}.D." if direction.strip() else "D."
    abbrev = STATE_ABBREV.get(state, state)
    if re.fullmatch(r"(?:[A-Z]\.){2}", abbrev):
        return prefix + abbrev
    return f"{prefix} {abbrev}"


def _appealed_from(text: str, start: int) -> bool:
    """Whether the court named at ``start`` is the one appealed from or reviewed."""
    return bool(_APPEAL_FROM_RE.search(text[max(0, start - 40):start]))


def _division(text: str, start: int) -> str:
    """Districts and divisions on their own lines in the caption: ", Eastern District,
    Division Four"."""
    parts: list[str] = []
    for m in _DIVISION_RE.finditer(text[start:start + 1200]):
        d = " ".join(m.group("d").split())
        num = re.match(r"Division\s+(\w+)$", d, _I)
        if num and num.group(1).lower() in _ROMAN:
            d = f"Division {_ROMAN[num.group(1).lower()]}"
        d = _title(d)
        if d not in parts:
            parts.append(d)
    return "".join(f", {p}" for p in parts[:2])


def _state_of(text: str) -> str:
    counts: dict[str, int] = {}
    for m in re.finditer(r"\b(" + _STATE_ALT + r")\b", text, _I):
        code = state_code(m.group(1))
        counts[code] = counts.get(code, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else ""


def find_court(head: str) -> Court | None:
    """The court that issued the document, read from ``head`` (its first page), or None."""
    found: list[Court] = []
    for m in _SCOTUS_RE.finditer(head):
        if not _appealed_from(head, m.start()) and not _in_sentence(head, m.start()):
            found.append(Court("Supreme Court of the United States", "US", "", "supreme", True,
                               m.start(), m.end()))
    for m in _CIRCUIT_RE.finditer(head):
        if _appealed_from(head, m.start()) or _in_sentence(head, m.start()):
            continue
        code = circuit_code(m.group("c"))
        digits = re.match(r"\d+", code)
        if code not in ("D.C. Cir.", "Fed. Cir.") and digits is None:
            continue
        word = ("District of Columbia" if code == "D.C. Cir." else "Federal" if code ==
                "Fed. Cir." else ORDINALS[int(digits.group()) - 1] if digits else "")
        found.append(Court(f"United States Court of Appeals for the {word} Circuit", code, code,
                           "appeals", True, m.start(), m.end()))
    for m in _DISTRICT_RE.finditer(head):
        if _appealed_from(head, m.start()) or _in_sentence(head, m.start()):
            continue
        st = state_code(m.group("st"))
        direction = (m.group("dir") or "").strip().title()
        name = "United States District Court for the " + (
            f"{direction} District of " if direction else "District of ") + state_name(st)
        code = district_code(direction, st)
        found.append(Court(name, code, code, "trial", True, m.start(), m.end()))
    for m in _TRIAL_RE.finditer(head):
        if _in_sentence(head, m.start()):
            continue
        st = state_code(m.group("st"))
        name = (f"{m.group('name').title()} Court of the {m.group('ord').title()} Judicial "
                f"Circuit, {_title(m.group('county'))} County, {state_name(st)}")
        found.append(Court(name, st, f"{STATE_ABBREV.get(st, st)} Cir. Ct.", "trial", False,
                           m.start(), m.end()))
    for m in _STATE_COURT_RE.finditer(head):
        if _appealed_from(head, m.start()) or _in_sentence(head, m.start()):
            continue
        court = _state_court(m, head)
        if court:
            found.append(court)
    if not found:
        return None
    return min(found, key=lambda c: c.start)


def _in_sentence(head: str, start: int) -> bool:
    """"… a decision of the Court of Appeals, 271 N.C. App. 512 …": a court a sentence
    mentions, not a caption's heading (which starts its line)."""
    line_start = head.rfind("\n", 0, start) + 1
    before = head[line_start:start].strip().lower()
    return bool(before) and not re.fullmatch(r"(?:in\s+the|in|the|\[?cite as.*)", before)


def state_name(code: str) -> str:
    return next((name for name, c in STATES.items() if c == code), code)


def _state_court(m: re.Match[str], head: str) -> Court | None:
    if m.group("ord"):  # "Fourteenth Court of Appeals" (Texas): the state from the page
        st = _state_of(head[:4000])
        if not st:
            return None
        name = f"Court of Appeals of {state_name(st)}, {m.group('ord').title()} District"
        return Court(name, st, f"{STATE_ABBREV.get(st, st)} App.", "appeals", False,
                     m.start(), m.end())
    raw_name = m.group("name") or m.group("name2")
    st = state_code(m.group("st") or m.group("st2"))
    if not st:
        return None
    kind = " ".join(raw_name.split()).title().replace(" Of ", " of ")
    printed = " ".join(head[m.start():m.end()].split())
    if m.group("st2"):  # "Missouri Court of Appeals"
        name = f"{state_name(st)} {kind}"
    elif re.search(r"\bof\s+the\s+State\s+of\b", printed, _I):
        name = f"{kind} of the State of {state_name(st)}"
    else:
        name = f"{kind} of {state_name(st)}"
    level = "supreme" if kind.startswith("Supreme") else "appeals"
    name += _division(head, m.end()) if level == "appeals" else ""
    abbrev = STATE_ABBREV.get(st, st)
    if level == "appeals":
        abbrev += " Ct. App." if "Appeals" in kind else f" {kind.split()[0][:5]}. Ct."
    return Court(name, st, abbrev, level, False, m.start(), m.end())


def jurisdiction_aliases(value: str) -> list[str]:
    """More search keys for a court's jurisdiction code: "D.C. Cir." → "dc", "dc cir",
    "d.c. circuit", "district of columbia circuit"; "9th Cir." → "9th circuit", "ninth
    circuit", "ca9"; "D. Md." → "md", "maryland"; "S.D.N.Y." → "ny", "new york"."""
    v = " ".join(value.split())
    out: list[str] = []
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|d|th) Cir\.?", v, _I)
    if m:
        n = int(m.group(1))
        out += [f"{n}{'th' if n > 3 else ['', 'st', 'nd', 'rd'][n]} cir",
                f"{_NUM_SUFFIX.get(n, f'{n}th')} cir", f"{ORDINALS[n - 1].lower()} circuit",
                f"{n}th circuit" if n > 3 else f"{n}{['', 'st', 'nd', 'rd'][n]} circuit",
                f"ca{n}", "federal"]
    elif re.fullmatch(r"D\.\s?C\. Cir\.?", v, _I):
        out += ["dc", "d.c", "dc cir", "d.c. circuit", "dc circuit",
                "district of columbia circuit", "district of columbia", "cadc", "federal"]
    elif re.fullmatch(r"Fed\. Cir\.?", v, _I):
        out += ["federal circuit", "cafc", "federal"]
    else:
        m = re.fullmatch(r"(?:([NSEWMC])\.)?D\.\s?(.+)", v)
        if m:
            st = next((c for c, a in STATE_ABBREV.items() if a.replace(" ", "") ==
                       m.group(2).replace(" ", "")), "")
            if st:
                out += [st.lower(), state_name(st).lower(), "federal"]
    return out


def court_abbrev(site: str, jurisdiction: str = "") -> str:
    """The court as a citation's parenthetical names it, from the court's name (and its
    jurisdiction code): "United States Court of Appeals for the Ninth Circuit" → "9th
    Cir.", "Supreme Court of North Carolina" → "N.C."; "" for the Supreme Court of the
    United States or a court that cannot be read."""
    court = find_court(site) if site else None
    if court is not None:
        if court.name.startswith("Court of Appeals of Texas"):
            return "Tex. App."
        return court.abbrev
    j = " ".join(jurisdiction.split())
    if j in STATE_ABBREV and site:  # a state trial court
        level = next((f" {w}" for k, w in (("Circuit Court", "Cir. Ct."), ("Superior Court",
                      "Super. Ct."), ("District Court", "Dist. Ct.")) if k in site), "")
        return STATE_ABBREV[j] + level
    if re.fullmatch(r"(?:\d{1,2}(?:st|d|th)|D\.C\.|Fed\.) Cir\.|(?:[NSEWMC]\.)?D\.\s?.+", j):
        return j
    return ""

