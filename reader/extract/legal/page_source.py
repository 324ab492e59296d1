"""Whose page a saved statute page is: the legislature (or its code revisor) and its state,
from what the page says about itself — its site name, ``<title>``, first header, address
(``<link rel=canonical>``, ``og:url``, ``<base href>``, or the browser's
``<!-- saved from url=… -->`` comment) — and how that state cites its code
(:data:`reader.extract.jurisdiction.CODE_CITATION`).

A law firm's or a newspaper's page about a statute is not the legislature's: words like
"Revised Code" count only when the page does not present itself as an article or as
another site's.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urlparse

import lxml.html

from reader.extract.jurisdiction import CODE_CITATION, STATES, guess_jurisdiction

log = logging.getLogger(__name__)

#: words only a legislature (or its revisor) calls itself
_LEGISLATURE_RE = re.compile(
    r"\b(?:State )?Legislature\b|\bGeneral Assembly\b|\bGeneral Court\b|\bLegislative "
    r"(?:Counsel|Council|Services|Information|Reference Bureau|Service Agency)\b|"
    r"\bRevisor of Statutes\b|\bOffice of (?:the )?Revisor\b|\bOnline Sunshine\b|"
    r"\b(?:NY|New York) State Senate\b|\bLegislative Information System\b", re.IGNORECASE)
#: words a legislature's code site uses, but a page about the code may use too
_CODE_SITE_RE = re.compile(
    r"\bRevised (?:Code|Statutes)\b|\bCompiled (?:Laws|Statutes)\b|\bState Code\b|"
    r"\bCode of (?:Virginia|Alabama|Iowa|Maryland|Ordinances)\b|\bOhio Laws\b|"
    r"\bOregon Revised Statutes\b|\bFlorida Statutes\b", re.IGNORECASE)
_LEG_HOST_RE = re.compile(r"(?:^|\.)(?:leg|legis|legislature|capitol|revisor|statutes)\b|"
                          r"(?:legis|leg)\.[a-z]{2}\.|mgaleg|ilga|malegislature|nysenate|"
                          r"oregonlegislature|azleg|lis\.virginia|codes\.ohio|flsenate",
                          re.IGNORECASE)
#: hosts whose state the host name alone does not say
_HOST_STATES = {"ilga.gov": "IL", "malegislature.gov": "MA", "nysenate.gov": "NY",
                "oregonlegislature.gov": "OR", "azleg.gov": "AZ", "flsenate.gov": "FL",
                "codes.ohio.gov": "OH", "lis.virginia.gov": "VA", "capitol.texas.gov": "TX",
                "mgaleg.maryland.gov": "MD", "legislature.mi.gov": "MI", "legis.la.gov": "LA",
                "revisor.mo.gov": "MO", "revisor.mn.gov": "MN", "capitol.hawaii.gov": "HI",
                "leginfo.legislature.ca.gov": "CA", "leg.wa.gov": "WA"}
_NAMES = {"IL": "Illinois General Assembly", "MA": "Massachusetts General Court",
          "NY": "New York State Senate", "OR": "Oregon State Legislature",
          "FL": "Florida Legislature", "OH": "Ohio General Assembly",
          "VA": "Virginia General Assembly", "TX": "Texas Legislature",
          "CA": "California Legislature", "MO": "Missouri General Assembly"}
_STATE_ALT = "|".join(sorted(STATES, key=len, reverse=True)) + "|NY|N.Y."
_SAVED_FROM_RE = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)
#: codes named in a code site's addresses ("lawCode=HSC", "/laws/PEN/", "/Docs/HS/"), in
#: their citation form
_URL_CODES = {
    "CA": (re.compile(r"lawCode=([A-Z]{3,4})"), {
        "HSC": "Health & Safety Code", "PEN": "Penal Code", "BPC": "Bus. & Prof. Code",
        "WIC": "Welf. & Inst. Code", "VEH": "Veh. Code", "GOV": "Gov't Code",
        "EVID": "Evid. Code", "CIV": "Civ. Code"}),
    "NY": (re.compile(r"/laws/([A-Z]{3})\b"), {
        "PEN": "Penal Law", "PBH": "Pub. Health Law", "CPL": "Crim. Proc. Law",
        "MHY": "Mental Hyg. Law", "EXC": "Exec. Law", "VAT": "Veh. & Traf. Law",
        "SOS": "Soc. Serv. Law", "CVR": "Civ. Rights Law"}),
    "TX": (re.compile(r"/Docs/([A-Z]{2})/"), {
        "HS": "Health & Safety Code", "PE": "Penal Code", "CR": "Code Crim. Proc.",
        "GV": "Gov't Code", "FA": "Fam. Code", "OC": "Occ. Code"}),
}
_CODE_NAME_RE = re.compile(
    r"\b((?:[A-Z][a-z]+,? (?:and |& )?){0,4}(?:Code|Law))\b(?! of)|"
    r"\b((?:[A-Z]+,? (?:AND |& )?){0,4}(?:CODE|LAW))\b")


@dataclass(frozen=True)
class Source:
    """What the page says about where it comes from."""

    signals: str  # site name, title, header, addresses, as one line
    url: str  # the page's own address, when it says it
    host: str
    article: bool  # it presents itself as an article (og:type, a byline, a publish date)


def _first(root: lxml.html.HtmlElement, path: str) -> str:
    return next((str(v).strip() for v in root.xpath(path) if str(v).strip()), "")


def page_source(root: lxml.html.HtmlElement, html: str) -> Source:
    saved = _SAVED_FROM_RE.search(html[:4000])
    url = (_first(root, "//link[@rel='canonical']/@href")
           or _first(root, "//meta[@property='og:url']/@content")
           or (saved.group(1) if saved else "") or _first(root, "//base/@href"))
    parts = [*root.xpath("//meta[@property='og:site_name']/@content"),
             *root.xpath("//meta[@name='application-name' or @name='author']/@content"),
             *root.xpath("//title//text()"), url]
    header = root.xpath("//header|//*[@id='header' or @id='legHeader' or @id='banner']")
    parts.extend(" ".join(h.text_content().split()) for h in header[:1])
    signals = " ".join(" ".join(str(p).split()) for p in parts)
    article = bool(root.xpath("//meta[@property='og:type' and @content='article']|"
                              "//meta[@property='article:published_time']|"
                              "//meta[@name='byline' or @name='article:author']"))
    try:
        host = (urlparse(url).hostname or "").lower() if url else ""
    except ValueError:
        host = ""
    return Source(signals, url, host, article)


def from_legislature(root: lxml.html.HtmlElement, src: Source) -> bool:
    """The page is a legislature's (or its revisor's) own."""
    if src.host and _LEG_HOST_RE.search(src.host):
        return True
    if _LEGISLATURE_RE.search(src.signals):
        return True
    if src.article:
        return False
    site = _first(root, "//meta[@property='og:site_name']/@content")
    return bool(_CODE_SITE_RE.search(site if site else src.signals))


def _host_state(host: str) -> str:
    for suffix, state in _HOST_STATES.items():
        if host == suffix or host.endswith("." + suffix):
            return state
    m = re.search(r"\.(?:state\.)?([a-z]{2})\.(?:us|gov)$", host)
    code = m.group(1).upper() if m else ""
    return code if code in STATES.values() else ""


def state_of(src: Source, code_abbr: str, abbr_states: dict[str, str]) -> str:
    """The page's state: from its code's own abbreviation ("RCW"), its address, or what it
    calls itself."""
    if code_abbr in abbr_states:
        return abbr_states[code_abbr]
    return _host_state(src.host) or guess_jurisdiction(_named(src)) or \
        guess_jurisdiction(src.signals)


def _named(src: Source) -> str:
    m = re.search(r"((?:[A-Z][a-z]+ ){0,3}(?:State )?(?:Legislature|General Assembly|"
                  r"General Court|State Senate))", src.signals)
    return re.sub(r"^The ", "", m.group(1).strip()) if m else ""


def legislature_name(src: Source, state: str = "") -> str:
    """"Florida Legislature", "Illinois General Assembly"; for a state's known site, its
    legislature's name when the page does not give one with its state's name."""
    name = _named(src)
    if name and guess_jurisdiction(name):
        return name
    return _NAMES.get(state or _host_state(src.host), name)


def code_name(state: str, url: str, texts: list[str]) -> str:
    """The code the page's address or header names ("lawCode=HSC", "Health and Safety
    Code - HSC", "PENAL LAW"), in its citation form ("Health & Safety Code", "Penal Law")."""
    if state in _URL_CODES:
        pattern, names = _URL_CODES[state]
        m = pattern.search(url)
        if m and m.group(1) in names:
            return names[m.group(1)]
    for t in texts:
        m = _CODE_NAME_RE.search(t)
        if not m:
            continue
        name = m.group(1) or m.group(2).title().replace(" And ", " and ")
        name = re.sub(rf"^(?:The |Revised |State |Laws |{_STATE_ALT} )+", "", name)
        name = name.replace(" and ", " & ")
        if name.split()[0] not in ("Code", "Law", "Session", "Public", "General"):
            return name
    return ""


def citation_for(state: str, number: str, *, code: str = "", chapter: str = "") -> str:
    """The section's citation in its state's form ("Fla. Stat. § 893.13"), or "" when
    the form is not known or needs a code name the page did not give."""
    form = CODE_CITATION.get(state, "")
    if not form or ("{code}" in form and not code) or ("{chapter}" in form and not chapter):
        return ""
    return form.format(code=code, chapter=chapter, number=number)
