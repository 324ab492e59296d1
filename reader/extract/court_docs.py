"""Opinions and court filings read from their caption: court, case name, docket, dates,
own citation, author, and what kind of opinion or filing it is.

A filing is told from an opinion by what the caption says the document is: a filing's
type in capitals below the caption ("APPELLANT'S MOTION FOR …", "PETITION FOR REHEARING
EN BANC", "ORDER GRANTING …") against an opinion's marks ("OPINION", "PER CURIAM",
"delivered the opinion", "ROOKSBY, Circuit Judge."). A docket stamp on every page is no
sign either way: the Eleventh Circuit stamps its opinions too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.extract.caption import case_name, dockets, own_citation
from reader.extract.casing import SMALL
from reader.extract.courts import Court, find_court
from reader.extract.dates import FoundDate, find_dates, labelled_dates
from reader.extract.evidence import Ev, Reading
from reader.extract.judges import authoring_judge

_I, _M = re.IGNORECASE, re.MULTILINE
HEAD = 7000  # enough for a fax cover or a contents page and the caption after it
REGION = 3500  # the caption region after the court's name
_FILING_RE = re.compile(
    r"^(?P<t>(?:(?:APPELLANTS?|APPELLEES?|PETITIONERS?|RESPONDENTS?|PLAINTIFFS?|DEFENDANTS?|"
    r"MOVANTS?|INTERVENORS?)['’]S?\s+|(?:JOINT|EMERGENCY|UNOPPOSED|CONSENT|VERIFIED|AMENDED|"
    r"SUPPLEMENTAL|RENEWED)\s+)*(?:MOTION|BRIEF|PETITION|MEMORANDUM\s+(?:OF\s+LAW|IN\s+(?:SUPPORT|"
    r"OPPOSITION))|REPLY|RESPONSE|OPPOSITION|NOTICE|COMPLAINT|ANSWER|STIPULATION|DECLARATION|"
    r"AFFIDAVIT|APPEARANCE|ORDER|CERTIFICATE|APPLICATION|REQUEST|OBJECTIONS?)\b[^\n]*)$", _M)
_OPINION_RE = re.compile(
    r"^(?:[A-Z ]*\bOPINION\b[^\n]{0,60}|\(?Slip Opinion\)?.*|PER CURIAM.*|SUMMARY ORDER|"
    r"NOT PRECEDENTIAL|\[?DO NOT PUBLISH\]?|(?:RECOMMENDED )?FOR PUBLICATION|PUBLISHED|"
    r"UNPUBLISHED.*|Opinion of the Court)$|delivered the opinion|Opinion (?:for the Court )?"
    r"(?:filed )?by|\bwrote the opinion|^[A-Z][A-Za-z'-]+, (?:Circuit Judge|Justice)[.:]", _M)
_UNPUBLISHED_RE = re.compile(r"^(?:NOT PRECEDENTIAL|\[?DO NOT PUBLISH\]?|NOT FOR PUBLICATION|"
                             r"UNPUBLISHED(?: OPINION)?|Do Not Publish.*)$|should not be "
                             r"published|not be published|does not constitute binding "
                             r"precedent", _M | _I)
_PER_CURIAM_RE = re.compile(r"^PER CURIAM\b", _M | _I)
_MEMO_OP_RE = re.compile(r"^(?:MEMORANDUM OPINION(?P<o> AND ORDER)?|SUMMARY ORDER|MEMORANDUM"
                         r"(?: DISPOSITION)?)\b", _M)
_ECF_DATE_RE = re.compile(r"Case:?\s+[\w:.-]+,\s*(?P<d>\d\d/\d\d/\d{4}),\s*ID:")
_ECF_CASE_RE = re.compile(r"Case:?\s+(?P<c>(?:\d:)?\d\d-[\w-]*\d[\w-]*)\b")
_STANDALONE_DATE_RE = re.compile(r"^[\[(]?(?P<d>[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})[\])]?$", _M)
_DECIDED = ("decided", "decided and filed", "released and journalized", "journalized", "filed",
            "filing date", "date filed", "dated", "date", "entered", "issued")


@dataclass
class CourtDoc(Reading):
    """An opinion or a filing (``kind``) and the court that issued or received it."""

    court: Court | None = None


def _region(text: str, court: Court | None) -> tuple[int, int]:
    if court is None:
        return 0, min(len(text), REGION)
    start = text.rfind("\n\n", 0, max(0, court.start - 400))
    start = 0 if start < 0 else start
    return start, min(len(text), court.end + REGION)


def filing_type(text: str, start: int, end: int) -> Ev | None:
    """"APPELLANT'S MOTION FOR AN EXTENSION …" (over one or more lines) in title case."""
    region = text[start:end]
    m = _FILING_RE.search(region)
    if not m:
        return None
    stop = m.end()
    while True:  # the title may wrap onto more capitalised lines
        nxt = re.match(r"\n([A-Z][A-Z0-9 ,.'’&-]{2,80})$", region[stop:], _M)
        if not nxt or re.match(r"(?:No\.|CASE|CIVIL|[A-Z ]+,$)", nxt.group(1)):
            break
        stop += nxt.end()
    raw = " ".join(region[m.start():stop].split()).rstrip(".")
    return Ev(_type_case(raw), start + m.start(), start + stop)


def _type_case(s: str) -> str:
    words = s.lower().split()
    out = []
    for i, w in enumerate(words):
        if i and w in SMALL:
            out.append(w)
        else:
            w = "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
            out.append(w)
    return " ".join(out)


def read_court_doc(text: str, *, hinted_kind: str = "", furniture: tuple[str, ...] = ()
                   ) -> CourtDoc | None:
    """The caption's facts, when ``text`` starts like an opinion or a filing (a court
    and a case name), or when ``hinted_kind`` says it is one."""
    head = text[:HEAD]
    court = find_court(head)
    start, end = _region(text, court)
    name = case_name(text, start, end)
    if name is None and court is not None and court.start > REGION:
        name = case_name(text, 0, end)
    if court is None and hinted_kind not in ("opinion", "filing"):
        return None
    if court is not None and name is None and hinted_kind not in ("opinion", "filing"):
        return None
    ftype = filing_type(text, start, end)
    opinion_mark = _OPINION_RE.search(text[start:end])
    kind = "filing" if ftype and not opinion_mark else "opinion"
    if hinted_kind == "filing" and not opinion_mark:
        kind = "filing"
    doc = CourtDoc(kind, court=court)
    f = doc.fields
    if name:
        f["title"] = name
    if court:
        f["site"] = Ev(court.name, court.start, court.end)
        f["jurisdiction"] = Ev(court.jurisdiction, court.start, court.end)
        if kind == "opinion":
            f["author"] = f["site"]
    appellate = court is not None and court.level != "trial"
    docket = dockets(text, start, end, appellate=appellate) or _ecf_case(text, furniture)
    if docket:
        f["docket"] = docket
    _dates(doc, text, start, end, furniture)
    if kind == "filing":
        if ftype:
            f["doc_type"] = ftype
        if docket:
            f["citation"] = docket
        return doc
    cite = own_citation(text, start, end, furniture)
    if cite:
        f["citation"] = cite
    elif docket:
        f["citation"] = docket
    per_curiam = _PER_CURIAM_RE.search(text, start, end + 2000)
    if not per_curiam:
        judge = authoring_judge(text, start, min(len(text), end + 1500),
                                supreme=court is not None and court.level == "supreme")
        if judge:
            f["judge"] = judge
    f["doc_type"] = _opinion_type(text, start, end, cite, docket, per_curiam)
    return doc


def _opinion_type(text: str, start: int, end: int, cite: Ev | None, docket: Ev | None,
                  per_curiam: re.Match[str] | None) -> Ev:
    region = text[start:end + 2000]
    unpub = _UNPUBLISHED_RE.search(region)
    memo = _MEMO_OP_RE.search(region)
    slip = cite is None or "___" in cite.value or "(Slip Opinion)" in text[:200]
    words = []
    if unpub:
        words.append("unpublished")
    if per_curiam:
        words.append("per curiam")
    if memo:
        base = memo.group(0).lower().replace("memorandum disposition", "memorandum opinion")
        base = "memorandum opinion" if base == "memorandum" else base
    else:
        base = "slip opinion" if slip and not words else "opinion"
    phrase = " ".join([*words, base])
    if docket and docket.value.startswith("Nos."):
        phrase += " (consolidated)"
    if unpub or memo:
        m = unpub or memo
        assert m is not None
        span = (start + m.start(), start + m.end())
    elif per_curiam:
        span = (per_curiam.start(), per_curiam.end())
    else:
        span = (-1, -1)
    return Ev(phrase[:1].upper() + phrase[1:], *span)


def _ecf_case(text: str, furniture: tuple[str, ...]) -> Ev | None:
    for source in (text[:600], *furniture):
        m = _ECF_CASE_RE.search(source)
        if m:
            if source is text[:600]:
                return Ev(f"No. {m.group('c')}", m.start(), m.end())
            return Ev(f"No. {m.group('c')}", snippet=source.strip())
    return None


def _dates(doc: CourtDoc, text: str, start: int, end: int, furniture: tuple[str, ...]) -> None:
    every = labelled_dates(text)
    found = [d for d in every if start - 800 <= d.start < end + 1500 or d.label == "date filed"]
    decided = [d for d in found if d.label in _DECIDED]
    for d in found:
        if d.label not in _DECIDED:  # argued, submitted, heard: kept apart
            doc.extra.setdefault(d.label.split()[0], Ev(d.iso, d.start, d.end))
    best: FoundDate | None = None
    if doc.kind == "filing":
        best = next((d for d in decided if d.label in ("date filed", "filed")), None)
        m = _ECF_DATE_RE.search(text[:2000])
        if best is None and m:
            iso = find_dates(m.group("d"))[0][2]
            best = FoundDate(iso, m.start("d"), m.end("d"), "filed")
        if best is None:
            for head in furniture:
                dates = [d.iso for d in labelled_dates(head) if d.label in ("date filed", "filed")]
                m = _ECF_DATE_RE.search(head)
                dates += [find_dates(m.group("d"))[0][2]] if m else []
                if dates:
                    doc.fields["date"] = Ev(dates[0], snippet=head.strip())
                    return
        if best is None:  # "Dated: March 1, 2019" above the signature
            best = next((d for d in every if d.label == "dated"), None)
    rank = {label: i for i, label in enumerate(_DECIDED)}
    if best is None and decided:
        best = min(decided, key=lambda d: (rank[d.label], d.start))
    if best is None:  # "(June 4, 2019)", "[April 23, 2013]", a stamp's date on its own line
        m = _STANDALONE_DATE_RE.search(text, start, end)
        if m:
            standalone = find_dates(m.group("d"))
            if standalone:
                best = FoundDate(standalone[0][2], m.start(), m.end())
    if best is not None:
        doc.fields["date"] = Ev(best.iso, best.start, best.end)
