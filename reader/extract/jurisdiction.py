"""Which jurisdiction a document belongs to, in a short, sortable form.

Convention (documented in docs/extraction-formats.md):

* a state or territory: its two-letter postal code, ``"PA"``; the District of Columbia is
  ``"DC"``; federal documents ``"US"``;
* a county: ``"Harlow County, PA"`` (``"Harlow County"`` when no state is evident);
* a city: ``"Baltimore, MD"``;
* model acts and documents with no evident place: ``""``.
"""

from __future__ import annotations

import re
from collections import Counter

STATES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA",
    "Colorado": "CO", "Connecticut": "CT", "Delaware": "DE", "Florida": "FL", "Georgia": "GA",
    "Hawaii": "HI", "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA",
    "Kansas": "KS", "Kentucky": "KY", "Louisiana": "LA", "Maine": "ME", "Maryland": "MD",
    "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN", "Mississippi": "MS",
    "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV",
    "New Hampshire": "NH", "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY",
    "North Carolina": "NC", "North Dakota": "ND", "Ohio": "OH", "Oklahoma": "OK",
    "Oregon": "OR", "Pennsylvania": "PA", "Rhode Island": "RI", "South Carolina": "SC",
    "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT",
    "Virginia": "VA", "Washington": "WA", "West Virginia": "WV", "Wisconsin": "WI",
    "Wyoming": "WY", "District of Columbia": "DC", "Puerto Rico": "PR",
}
ABBREVIATIONS = set(STATES.values())
STATE_NAMES = {code: name for name, code in STATES.items()}
STATE_NAMES["US"] = "United States"
_STATES_LOWER = {k.lower(): v for k, v in STATES.items()}
#: Bluebook abbreviations of the states (table T10), by postal code.
STATE_ABBREV = {
    "AL": "Ala.", "AK": "Alaska", "AZ": "Ariz.", "AR": "Ark.", "CA": "Cal.", "CO": "Colo.",
    "CT": "Conn.", "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "HI": "Haw.", "ID": "Idaho",
    "IL": "Ill.", "IN": "Ind.", "IA": "Iowa", "KS": "Kan.", "KY": "Ky.", "LA": "La.",
    "ME": "Me.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.",
    "MO": "Mo.", "MT": "Mont.", "NE": "Neb.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.",
    "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OH": "Ohio", "OK": "Okla.",
    "OR": "Or.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "TX": "Tex.", "UT": "Utah", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W. Va.",
    "WI": "Wis.", "WY": "Wyo.", "DC": "D.C.", "PR": "P.R.",
}
#: How a state's code section is cited (Bluebook T1 forms), by postal code: ``{number}`` is
#: the section, ``{code}`` the code's name where the state has several ("Health & Safety
#: Code", "Penal Law"), ``{chapter}`` the chapter where the state cites it.
CODE_CITATION = {
    "AZ": "Ariz. Rev. Stat. Ann. § {number}", "CA": "Cal. {code} § {number}",
    "CO": "Colo. Rev. Stat. § {number}", "FL": "Fla. Stat. § {number}",
    "GA": "Ga. Code Ann. § {number}", "HI": "Haw. Rev. Stat. § {number}",
    "KS": "Kan. Stat. Ann. § {number}", "LA": "La. Stat. Ann. § {number}",
    "MA": "Mass. Gen. Laws ch. {chapter}, § {number}", "MI": "Mich. Comp. Laws § {number}",
    "MO": "Mo. Rev. Stat. § {number}", "NC": "N.C. Gen. Stat. § {number}",
    "NJ": "N.J. Stat. Ann. § {number}", "NV": "Nev. Rev. Stat. § {number}",
    "NY": "N.Y. {code} § {number}", "OH": "Ohio Rev. Code Ann. § {number}",
    "OR": "Or. Rev. Stat. § {number}", "TX": "Tex. {code} Ann. § {number}",
    "VA": "Va. Code Ann. § {number}", "WI": "Wis. Stat. § {number}",
}
#: Short forms used in addresses and citations ("Pa.", "Md.", "Cal."): the Bluebook's, less
#: those that are also words or rarely mean the state ("Me.", "Haw.", "P.R."), plus the
#: older forms still printed.
_SHORT = {abbrev: code for code, abbrev in STATE_ABBREV.items()
          if abbrev.endswith(".") and abbrev not in ("Me.", "Haw.", "P.R.")}
_SHORT.update({"Calif.": "CA", "Ore.": "OR", "Penn.": "PA"})
#: Statute code abbreviations that name their state.
_CODES = [
    (re.compile(r"\b\d+\s+(?:Pa\.\s?C\.\s?S\.|P\.\s?S\.)"), "PA"),
    (re.compile(r"\bU\.\s?S\.\s?C\.|\bUnited States Code\b"), "US"),
    (re.compile(r"\bRCW\s+\d"), "WA"),
    (re.compile(r"\bORS\s+\d"), "OR"),
    (re.compile(r"\bM\.G\.L\.|Mass\. Gen\. Laws"), "MA"),
    (re.compile(r"\bCal\.\s+[A-Z][\w.& ]+Code\b"), "CA"),
    (re.compile(r"\bN\.Y\.\s+[A-Z][\w.& ]+Law\b"), "NY"),
]
#: Large cities whose state is not in doubt.
CITIES = {
    "Philadelphia": "PA", "Pittsburgh": "PA", "Baltimore": "MD", "Seattle": "WA",
    "Boston": "MA", "Chicago": "IL", "San Francisco": "CA", "Los Angeles": "CA",
    "Oakland": "CA", "Denver": "CO", "Detroit": "MI", "Atlanta": "GA", "Phoenix": "AZ",
    "Minneapolis": "MN", "Milwaukee": "WI", "Cleveland": "OH", "Nashville": "TN",
    "New Orleans": "LA", "Albuquerque": "NM", "Houston": "TX", "Dallas": "TX",
    "Austin": "TX", "Brooklyn": "NY", "Manhattan": "NY", "Bronx": "NY", "St. Louis": "MO",
}

_STATE_ALT = "|".join(sorted((re.escape(s) for s in STATES), key=len, reverse=True))
_STATE_NAME_RE = re.compile(r"(?<!West )(?<!New )\b(" + _STATE_ALT + r")\b")
_WORD = r"[A-Z][A-Za-z'.-]+"
_PLACE = rf"{_WORD}(?: {_WORD}){{0,2}}"
_SHORT_ALT = "|".join(re.escape(s) for s in sorted(_SHORT, key=len, reverse=True))
_STATE_ANY = rf"(?:(?i:{_STATE_ALT})\b|{_SHORT_ALT}|[A-Z]{{2}}\b)"
_COUNTY_STATE_RE = re.compile(
    rf"\b(?P<county>{_PLACE}) (?:County|COUNTY),\s+(?P<state>{_STATE_ANY})")
_COUNTY_RE = re.compile(rf"\b(?P<county>{_PLACE}) (?:County|COUNTY)\b")
_COUNTY_OF_RE = re.compile(rf"\b(?:County|COUNTY) (?:of|OF) (?P<county>{_PLACE})")
_CITY_STATE_RE = re.compile(rf"\b(?:City of )?(?P<city>{_PLACE}),\s+(?P<state>{_STATE_ANY})")
_STATE_BODY_RE = re.compile(
    rf"\b(?:Commonwealth of|State of|Supreme Court of|Court of Appeals of|Legislature of|"
    rf"General Assembly of(?: the Commonwealth of| the State of)?)\s+(?P<a>{_STATE_ALT})\b|"
    rf"\b(?P<b>{_STATE_ALT})\s+(?:General Assembly|Legislature|State Legislature|Supreme Court|"
    rf"Court of Appeals|Superior Court|Commonwealth Court|House of Representatives|Senate|"
    rf"Department of|Attorney General|Code)\b", re.IGNORECASE)
_FEDERAL_RE = re.compile(r"\bUnited States (?:Court of Appeals|District Court|Supreme Court|"
                         r"Congress)\b|\bSupreme Court of the United States\b|\bCongress\b")
_MODEL_RE = re.compile(r"\b(?:Model|Uniform)\s+(?:[A-Z][\w-]*\s+){0,6}Act\b")
_NOT_PLACES = {"The", "This", "That", "Each", "Every", "Any", "Our", "Their", "Its", "His",
               "Her", "A", "An", "In", "For", "Of", "And", "Dear", "Sample"}


def state_code(name: str) -> str:
    """``"Pennsylvania"``/``"Pa."``/``"PA"`` → ``"PA"``; ``""`` when not a state."""
    name = name.strip()
    if name.lower() in _STATES_LOWER:
        return _STATES_LOWER[name.lower()]
    if name in _SHORT:
        return _SHORT[name]
    return name if name in ABBREVIATIONS else ""


def normalize_place(value: str) -> str:
    """A jurisdiction a file states, in the convention above where it is recognisable:
    "Pennsylvania" → "PA", "Marion Flats, Oregon" → "Marion Flats, OR"; anything else is
    kept as written."""
    value = " ".join(value.split())
    value = re.sub(r"\s*\([^)]*\)$", "", value) or value  # "US (model act)" → "US"
    code = state_code(value.removeprefix("State of ").removeprefix("Commonwealth of "))
    if code:
        return code
    head, sep, tail = value.rpartition(",")
    if sep and state_code(tail):
        return f"{head.strip()}, {state_code(tail)}"
    return value


def _clean_place(place: str) -> str:
    words = place.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in ("of", "the", "and", "for", "in", "to", "at", "on", "by"):
            words = words[i + 1:]
            break
    if any(re.fullmatch(r"[A-Z]\.|Appendix|Table|Figure|Chart|Map|Exhibit", w) for w in words):
        return ""  # "Appendix A. County data", "Table 3. County rates": not a place
    while words and words[0].title() in _NOT_PLACES:
        words = words[1:]
    return " ".join(w.title() if w.isupper() and len(w) > 2 else w for w in words)


def _dominant_state(text: str) -> str:
    counts: Counter[str] = Counter()
    for m in _STATE_NAME_RE.finditer(text):
        counts[STATES[m.group(1)]] += 1
    for pattern, code in _CODES:
        counts[code] += 2 * len(pattern.findall(text))
    if not counts:
        return ""
    (top, n), *rest = [*counts.most_common(2), ("", 0)]
    return top if n > rest[0][1] else ""


def _city_state(head: str) -> tuple[str, str]:
    """The first "City, ST" / "City, State" / "CITY, Pa." in ``head``."""
    for cm in _CITY_STATE_RE.finditer(head):
        city = _clean_place(cm.group("city"))
        code = state_code(cm.group("state"))
        if city and code and city not in STATES and not city.endswith("County"):
            return city, code
    return "", ""


def guess_jurisdiction(text: str, *, head_chars: int = 4000) -> str:
    """The jurisdiction in the convention above, or ``""``."""
    head = text[:head_chars]
    state = ""
    m = _STATE_BODY_RE.search(head)
    if m:
        state = state_code(m.group("a") or m.group("b"))
    for pattern, code in _CODES:
        if not state and pattern.search(head):
            state = code
    for cm in _COUNTY_STATE_RE.finditer(head):
        county = _clean_place(cm.group("county"))
        code = state_code(cm.group("state"))
        if county and code:
            return f"{county} County, {code}"
    found = _COUNTY_RE.search(head) or _COUNTY_OF_RE.search(head)
    if found:
        county = _clean_place(found.group("county"))
        if county and county not in STATES:
            state = state or _city_state(head)[1] or _dominant_state(text[:200_000])
            return f"{county} County, {state}" if state else f"{county} County"
    if state:
        return state
    city, code = _city_state(head)
    if city:
        return f"{city}, {code}"
    for city, code in CITIES.items():
        if re.search(rf"\b(?:{re.escape(city)}|{re.escape(city.upper())})\b", head):
            return f"{city}, {code}"
    if _FEDERAL_RE.search(head):
        return "US"
    if _MODEL_RE.search(head[:600]):
        return ""
    return _dominant_state(text[:200_000])
