"""The metadata of a USLM document (:mod:`.uslm`): title, citation ("21 U.S.C.",
"Pub. L. 119-212", "H.R. 1234, 119th Cong."), date (the latest amendment in the source
credits, the day a law was approved, else the file's date)."""

from __future__ import annotations

import re

import lxml.etree as etree

from reader.extract.legal.inline import all_text, child, descendants, latest_date, strip_end
from reader.extract.legal.safe_xml import local
from reader.model.documents import DocMeta, Section

_BILL_TYPES = {"house bill": "H.R.", "senate bill": "S.", "hr": "H.R.", "s": "S.",
               "house joint resolution": "H.J. Res.", "senate joint resolution": "S.J. Res."}


def _meta_text(root: etree._Element, name: str) -> str:
    meta = child(root, "meta")
    if meta is None:
        return ""
    found = next((d for d in meta.iter() if local(d) == name), None)
    return all_text(found)


_SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "by", "or"}


def _capitalised(heading: str) -> str:
    """``"CHAPTER 13A—COMMUNITY OVERDOSE PREVENTION"`` → ``"Chapter 13A—Community Overdose
    Prevention"`` (headings the Code prints in capitals; others unchanged)."""
    if not heading.isupper():
        head, dash, rest = heading.rpartition("—")  # "Title 42—THE PUBLIC HEALTH …"
        return f"{head}{dash}{_capitalised(rest)}" if dash and rest.isupper() else heading
    words = re.split(r"(\s+|—)", heading.lower())
    out = []
    for i, w in enumerate(words):
        keep = (i and w in _SMALL_WORDS) or w[:1].isdigit()
        out.append(w if keep else w[:1].upper() + w[1:])
    return re.sub(r"\b(\d+)([a-z])\b", lambda m: m.group(1) + m.group(2).upper(), "".join(out))


_PUBLIC_LAW_RE = re.compile(r"^(?:Public|Private) Law\s+(\d+)\s*[-–]\s*(\d+)$", re.IGNORECASE)
#: "Public Law 119-212: " or "119 HR 4821 IH: " before a title in ``<dc:title>``
_TITLE_PREFIX_RE = re.compile(r"^(?:(?:Public|Private) Law \d+[-–]\d+"
                              r"|\d+ [A-Z. ]+ \d+(?: [A-Z]+)?):\s+")


def _citable(root: etree._Element) -> str:
    """The law's citation among its ``<citableAs>`` ("Public Law 119-212", "140 Stat. 2210"):
    the public law number, written "Pub. L. 119-212"."""
    meta = child(root, "meta")
    values = [all_text(d) for d in (meta.iter() if meta is not None else ()) if
              local(d) == "citableAs"]
    for value in values:
        m = _PUBLIC_LAW_RE.match(value)
        if m:
            return f"Pub. L. {m.group(1)}-{m.group(2)}"
    return next((v for v in values if v.startswith("Pub. L.")), values[0] if values else "")


def _approved(root: etree._Element) -> str:
    """The day a public law was approved (``<approvedDate>`` in the meta or the preface)."""
    for d in descendants(root, "approvedDate"):
        value = (d.get("date") or all_text(d)).strip()
        if re.match(r"\d{4}-\d\d-\d\d$", value):
            return value
    return ""


def _title(root: etree._Element, sections: tuple[Section, ...]) -> str:
    """The document's title: the Code title's name, and the chapter's when the file holds
    exactly one chapter ("Title 21—Food and Drugs, Chapter 13A—Community Overdose
    Prevention")."""
    title = _capitalised(_TITLE_PREFIX_RE.sub("", _meta_text(root, "title")) or
                         all_text(next(iter(descendants(root, "docTitle")), None)))
    big = [s for s in sections if s.level == 2 and not s.is_note and s.number
           and not s.number.startswith(("§", "("))]
    if title and len(big) == 1 and local(root) == "uscDoc":
        title = f"{title}, {_capitalised(big[0].title)}"
    return title


def ordinal(n: int) -> str:
    """``119`` → ``"119th"``, ``121`` → ``"121st"``, ``112`` → ``"112th"``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _action_date(root: etree._Element) -> str:
    """The latest action on a bill (``<action><date date="2026-06-10">``)."""
    dates = [d.get("date", "") for a in descendants(root, "action") for d in a
             if local(d) == "date"]
    return max((d for d in dates if re.match(r"\d{4}-\d\d-\d\d$", d)), default="")


def meta(root: etree._Element, numbers: list[str], credits: list[str],
         sections: tuple[Section, ...]) -> DocMeta:
    """The metadata of a USLM document: ``numbers`` are its sections' designations
    ("§ 975"), ``credits`` the dates of its source credits."""
    kind = local(root)
    doc_type = _meta_text(root, "type").lower()
    number = _meta_text(root, "docNumber")
    title = _title(root, sections)
    citable = _citable(root)
    approved = _approved(root)
    created = approved or _meta_text(root, "created") or _meta_text(root, "date")
    congress = _meta_text(root, "congress")
    if kind == "uscDoc" or doc_type.startswith("usc"):
        head = f"{number} U.S.C." if number else "U.S.C."
        citation = f"{head} {numbers[0]}" if len(numbers) == 1 else head
        site = "United States Code"
    elif kind in ("pLaw", "statute") or "law" in doc_type:
        citation = citable or (f"Pub. L. {congress}-{number}" if congress and number else "")
        site = "United States Statutes at Large"
    else:
        prefix = _BILL_TYPES.get(doc_type, "")
        own = citable if citable[:1].isalpha() else ""  # not GPO's "119 S 2077 IS"
        citation = own or (f"{prefix} {number}".strip() if number else "")
        if citation and congress.isdigit():
            citation += f", {ordinal(int(congress))} Cong."
        site = ""  # the author already names Congress
        created = _action_date(root) or created
    date = approved or latest_date(d for d in credits if d) or \
        latest_date([created] if created else [])
    return DocMeta(title=strip_end(title), kind="statute", author="United States Congress",
                   jurisdiction="US", site=site, date=date, citation=citation)
