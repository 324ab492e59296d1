"""Akoma Ntoso metadata (:mod:`.akoma_ntoso`): title, number, author, jurisdiction and
date from the FRBR identification and the preface, and the targets of references to other
works ("Act No. 13 of 2021, § 4", legislation.gov.uk's "1971 c. 38, s. 5")."""

from __future__ import annotations

import re

import lxml.etree as etree

from reader.extract.jurisdiction import ABBREVIATIONS
from reader.extract.legal.inline import all_text, child, descendants, latest_date, strip_end
from reader.extract.legal.safe_xml import local
from reader.model.documents import DocMeta

_KINDS = {"act": "statute", "bill": "statute", "judgment": "opinion"}
_EID_PARTS = {"sec": "§ {}", "art": "Art. {}", "chp": "Chapter {}", "part": "Part {}",
              "title": "Title {}", "subsec": "({})", "para": "({})", "subpara": "({})",
              "point": "({})", "item": "({})", "list": "", "intro": "", "content": ""}
_AKN_HREF_RE = re.compile(r"^/akn/(?P<country>[\w-]+)/(?P<type>\w+)/(?:[\w-]+/)*?"
                          r"(?P<date>\d{4})(?:-\d\d-\d\d)?/(?P<number>[\w-]+)"
                          r"(?:/[^~]*)?(?:~(?P<eid>[\w-]+))?$")


def eid_designation(eid: str) -> str:
    """``"sec_4__subsec_b"`` → ``"§ 4(b)"`` (the Akoma Ntoso naming convention)."""
    out = ""
    for part in eid.split("__"):
        kind, _, value = part.partition("_")
        pattern = _EID_PARTS.get(kind)
        if pattern is None or not value:
            return ""
        piece = pattern.format(value) if pattern else ""
        out = out + piece if piece.startswith("(") or not out else piece if piece else out
    return out


#: legislation.gov.uk's types: Acts cited by chapter ("1971 c. 38"), instruments by number
_UK_ACTS = {"ukpga": "c.", "ukla": "c.", "ukppa": "c.", "nia": "c.", "asp": "asp",
            "anaw": "anaw", "asc": "asc", "mwa": "nawm"}
_UK_SIS = {"uksi": "S.I.", "ssi": "S.S.I.", "wsi": "S.I.", "nisr": "S.R."}
_UK_RE = re.compile(r"legislation\.gov\.uk/(?:id/)?(?P<type>[a-z]+)/(?P<year>\d{4})/"
                    r"(?P<num>\d+)(?:/(?P<kind>section|regulation|article|schedule)/"
                    r"(?P<sec>[\w-]+)(?P<rest>(?:/[\w-]+)*))?")
_UK_PIN = {"section": "s.", "regulation": "reg.", "article": "art.", "schedule": "Sch."}
#: a legislation.gov.uk ``FRBRname`` is the Act's citation, not its title
_UK_CITATION_RE = re.compile(r"^\d{4} (?:c|asp|anaw|asc|nawm)\.? \d+$")


def uk_target(href: str) -> str:
    """``…/id/ukpga/1971/38/section/5/2`` → ``"1971 c. 38, s. 5(2)"``; ``""`` otherwise."""
    m = _UK_RE.search(href)
    if not m or (m.group("type") not in _UK_ACTS and m.group("type") not in _UK_SIS):
        return ""
    kind, year, num = m.group("type"), m.group("year"), m.group("num")
    out = f"{year} {_UK_ACTS[kind]} {num}" if kind in _UK_ACTS else \
        f"{_UK_SIS[kind]} {year}/{num}"
    if m.group("sec"):
        rest = "".join(f"({p})" for p in (m.group("rest") or "").split("/") if p)
        out += f", {_UK_PIN[m.group('kind')]} {m.group('sec')}{rest}"
    return out


def external_target(href: str) -> str:
    """``/akn/us-vt/act/2021/13/~sec_4`` → ``"Act No. 13 of 2021, § 4"``; legislation.gov.uk
    addresses as :func:`uk_target`; else ``href``."""
    m = _AKN_HREF_RE.match(href)
    if not m:
        return uk_target(href) or href
    out = f"{m.group('type').capitalize()} No. {m.group('number')} of {m.group('date')}"
    pin = eid_designation(m.group("eid") or "")
    return f"{out}, {pin}" if pin else out


def ident(el: etree._Element) -> str:
    """An element's identifier: ``eId`` (AKN 3.0), ``id`` (AKN 2.0 and drafts) or ``wId``."""
    return (el.get("eId") or el.get("id") or el.get("wId") or "").strip()


def attr(el: etree._Element | None, name: str, attr: str) -> str:
    if el is None:
        return ""
    found = next((d for d in el.iter() if local(d) == name), None)
    return (found.get(attr) or "").strip() if found is not None else ""


def _jurisdiction(country: str) -> str:
    country = country.lower().strip()
    if country == "gb-ukm":  # legislation.gov.uk: the United Kingdom as a whole
        return "UK"
    if country.startswith("us-") and country[3:].upper() in ABBREVIATIONS:
        return country[3:].upper()
    return country.upper()


def meta(doc: etree._Element, text_title: str) -> DocMeta:
    meta = child(doc, "meta")
    work = next((d for d in meta.iter() if local(d) == "FRBRWork"), None) if meta is not None \
        else None
    expression = next((d for d in meta.iter() if local(d) == "FRBRExpression"), None) \
        if meta is not None else None
    author_ref = attr(work, "FRBRauthor", "href").lstrip("#")
    author = ""
    if meta is not None and author_ref:
        org = next((d for d in meta.iter() if ident(d) == author_ref), None)
        author = (org.get("showAs") or "") if org is not None else ""
        if not author and "/legislature/" in author_ref:  # …/id/legislature/UnitedKingdomParl…
            author = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", author_ref.rsplit("/", 1)[-1])
    events = [d.get("date", "") for d in (meta.iter() if meta is not None else ())
              if local(d) == "eventRef"]
    date = latest_date(e for e in events if e) or attr(expression, "FRBRdate", "date") or \
        attr(work, "FRBRdate", "date")
    preface = child(doc, "preface")
    number = all_text(next(iter(descendants(preface, "docNumber")), None)) if preface is not None \
        else ""
    name = attr(work, "FRBRname", "value") or attr(work, "FRBRalias", "value")
    cited_as = name if _UK_CITATION_RE.match(name) else ""
    short = all_text(next(iter(descendants(doc, "shortTitle")), None))
    title = (short if cited_as else name) or short or text_title
    doc_type = all_text(next(iter(descendants(preface, "docType")), None)) \
        if preface is not None else ""
    kind_word = doc_type or local(doc).capitalize()  # "Regulation (EU) 2026/4411"
    if doc_type and number and not name and not short:
        title = f"{doc_type} {number}"
    if number and not re.match(r"[A-Za-z]", number):
        number = f"{kind_word} {number}"
    if not number and attr(work, "FRBRnumber", "value"):
        year = (attr(work, "FRBRdate", "date") or date)[:4]
        number = f"{kind_word} {attr(work, 'FRBRnumber', 'value')} of {year}".strip()
    return DocMeta(title=strip_end(title), kind=_KINDS.get(local(doc), "other"), author=author,
                   jurisdiction=_jurisdiction(attr(work, "FRBRcountry", "value")),
                   date=date, citation=cited_as or number)
