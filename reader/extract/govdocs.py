"""Federal government documents read from the page: Statements of Administration Policy,
Federal Register documents, and bills.

Kinds (documented in docs/extraction-formats.md): a Statement of Administration Policy is
a ``memo`` (an office's position, on letterhead, dated), a Federal Register rule a
``statute`` (regulatory text; ``doc_type`` says "Proposed rule" or "Final rule"), a
Federal Register notice ``other``, a bill or act a ``statute``. All are ``US``.
"""

from __future__ import annotations

import re

from reader.extract.dates import find_dates
from reader.extract.evidence import Ev, Reading

_M, _I = re.MULTILINE, re.IGNORECASE
_HEAD = 4000
_BILL = (r"(?:H\.\s?R\.|S\.|H\.\s?J\.\s?Res\.|S\.\s?J\.\s?Res\.|H\.\s?Con\.\s?Res\.|"
         r"S\.\s?Con\.\s?Res\.|H\.\s?Res\.|S\.\s?Res\.)")
_SAP_BILL_RE = re.compile(rf"^(?P<b>{_BILL}\s?\d{{1,5}})\s*[–—-]+\s*(?P<t>[^\n(]{{3,200}})", _M)
_FR_HEAD_RE = re.compile(
    r"Federal\s+Register\s*/\s*Vol\.\s*(?P<vol>\d+),\s*No\.\s*\d+\s*/\s*(?P<date>[A-Z][a-z]+day,"
    r"\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})\s*/\s*(?P<type>Proposed Rules|Rules and Regulations|"
    r"Notices|Presidential Documents)(?:\s+(?P<page>\d{3,6})\b)?")
_FR_TYPES = {"Proposed Rules": ("Proposed rule", "statute"),
             "Rules and Regulations": ("Final rule", "statute"),
             "Notices": ("Notice", "other"), "Presidential Documents": ("Presidential document",
                                                                      "other")}
_CONGRESS_RE = re.compile(r"^(?P<n>\d{1,3})(?:TH|ST|ND|RD|th|st|nd|rd)\s+CONGRESS\b", _M)
_BILL_NO_RE = re.compile(rf"^(?P<b>{_BILL}\s?\d{{1,5}})$", _M | _I)
_BILL_KIND_RE = re.compile(r"^(?P<k>A BILL|AN ACT|JOINT RESOLUTION|CONCURRENT RESOLUTION|"
                           r"RESOLUTION)$", _M)
_SHORT_TITLE_RE = re.compile(r"may be cited as the\s+[“\"](?P<t>[^”\"]{3,200})[”\"]", _I)


def _unspaced(line: str) -> str:
    """"O F F I C E  O F …" and "OFFICE OF …" alike: capitals without spaces."""
    return re.sub(r"[\s.]", "", line).upper()


def _find_line(text: str, wanted: str, limit: int = _HEAD) -> tuple[int, int] | None:
    pos = 0
    for line in text[:limit].split("\n"):
        squeezed = _unspaced(line)
        if squeezed == wanted or (len(squeezed) == 2 * len(wanted) and
                                  squeezed[::2] == wanted):  # fake bold: every letter twice
            return pos, pos + len(line)
        pos += len(line) + 1
    return None


def bill_number(raw: str) -> str:
    """"H. R. 4321" → "H.R. 4321"; "S.4" → "S. 4"."""
    b = re.sub(r"\s+", "", raw.upper()).replace("RES.", "Res.").replace("CON.", "Con.")
    m = re.match(r"(.*?\.)(\d+)$", b)
    if not m:
        return raw.strip()
    prefix = m.group(1).replace("J.", "J. ").replace("Con.", "Con. ").strip()
    return f"{prefix} {m.group(2)}"


def read_sap(text: str) -> Reading | None:
    heading = _find_line(text, "STATEMENTOFADMINISTRATIONPOLICY")
    if heading is None:
        return None
    r = Reading("memo")
    head = text[:_HEAD]
    m = _SAP_BILL_RE.search(head, heading[1])
    if m:
        title = " ".join(m.group("t").split()).rstrip(" ,;")
        nxt = re.match(r"\n([^\n(]{3,120})\n", head[m.end():])
        if nxt and not title.endswith(("Act", "Resolution")) and nxt.group(1)[:1].isupper():
            title = f"{title} {nxt.group(1).strip()}"
        bill = bill_number(m.group("b"))
        r.fields["title"] = Ev(f"Statement of Administration Policy: {bill} – {title}",
                               m.start(), m.end())
        r.fields["citation"] = Ev(bill, m.start("b"), m.end("b"))
    else:
        r.fields["title"] = Ev("Statement of Administration Policy", *heading)
    dates = [d for d in find_dates(head) if len(d[2]) == 10]
    if dates:
        r.fields["date"] = Ev(dates[0][2], dates[0][0], dates[0][1])
    eop = _find_line(text, "EXECUTIVEOFFICEOFTHEPRESIDENT")
    omb = _find_line(text, "OFFICEOFMANAGEMENTANDBUDGET")
    parts = [(p, name) for p, name in ((eop, "Executive Office of the President"),
                                       (omb, "Office of Management and Budget")) if p]
    if parts:
        r.fields["author"] = Ev(", ".join(n for _, n in parts), parts[0][0][0], parts[-1][0][1])
    r.fields["jurisdiction"] = Ev("US", *heading)
    r.fields["doc_type"] = Ev("Statement of Administration Policy", *heading)
    return r


def _page_number(n: str) -> str:
    return f"{int(n):,}" if len(n) > 4 else n


def read_federal_register(text: str, furniture: tuple[str, ...] = (),
                          first_label: str = "") -> Reading | None:
    head = text[:_HEAD]
    m = _FR_HEAD_RE.search(head)
    ev_span: tuple[int, int] = (m.start(), m.end()) if m else (-1, -1)
    shown = ""
    if m is None:
        for line in furniture:
            m = _FR_HEAD_RE.search(line)
            if m:
                shown = line.strip()
                break
    if m is None:
        return None
    doc_type, kind = _FR_TYPES[m.group("type")]
    r = Reading(kind)

    def ev(value: str, span: tuple[int, int] = ev_span) -> Ev:
        return Ev(value, *span, snippet=shown if span == (-1, -1) else "")

    dates = find_dates(m.group("date"))
    if dates:
        r.fields["date"] = ev(dates[0][2])
    r.fields["doc_type"] = ev(doc_type)
    r.fields["jurisdiction"] = ev("US")
    page = m.group("page") or (first_label if first_label.isdigit() else "")
    if not page:
        near = re.search(r"(?:^|\n)(\d{3,6})\s*(?:\n|Federal Register)", head)
        page = near.group(1) if near else ""
    if page:
        r.fields["citation"] = ev(f"{m.group('vol')} Fed. Reg. {_page_number(page)}")
    agency = re.search(r"^AGENCY:\s*(?P<a>[^\n]+)", head, _M)
    if agency:
        name = re.split(r",|\s\(", agency.group("a"))[0].strip(" .")
        r.fields["author"] = Ev(name, agency.start(), agency.end())
        before = head[:agency.start()].rstrip()
        subject = before[before.rfind("\n\n") + 2:] if "\n\n" in before else ""
        subject = " ".join(subject.split())
        if subject and not re.match(r"^(?:\[|RIN\b|\d+ CFR)", subject) and len(subject) < 300:
            start = before.rfind("\n\n") + 2
            r.fields["title"] = Ev(subject, start, len(before))
    ids = [" ".join(x.group(1).split()) for x in re.finditer(
        r"\[(Docket No\.[^\]\n]+)\]|(?:^|\n)(RIN\s+[\w–-]+)", head) if x.group(1)]
    ids += [" ".join(x.group(1).split()) for x in re.finditer(r"(?:^|\n)(RIN\s+[\w–-]+)", head)]
    if ids:
        first = head.find(ids[0].split()[0])
        r.fields["docket"] = Ev("; ".join(dict.fromkeys(ids)), first, first + 40)
    return r


def read_bill(text: str) -> Reading | None:
    head = text[:_HEAD]
    congress = _CONGRESS_RE.search(head)
    number = _BILL_NO_RE.search(head)
    kind_line = _BILL_KIND_RE.search(head)
    if not (congress and number and kind_line):
        return None
    r = Reading("statute")
    bill = bill_number(number.group("b"))
    r.fields["citation"] = Ev(bill, number.start(), number.end())
    r.fields["doc_type"] = Ev({"A BILL": "Bill", "AN ACT": "Act"}.get(
        kind_line.group("k"), kind_line.group("k").capitalize()), kind_line.start(),
        kind_line.end())
    short = _SHORT_TITLE_RE.search(text[:20000])
    if short:
        r.fields["title"] = Ev(" ".join(short.group("t").split()).rstrip(".,"), short.start(),
                               short.end())
    house = re.search(r"IN THE (?:HOUSE OF REPRESENTATIVES|SENATE OF THE UNITED STATES)", head)
    dates = find_dates(head[house.end():house.end() + 200]) if house else []
    if house and dates:
        s, e, iso = dates[0]
        r.fields["date"] = Ev(iso, house.end() + s, house.end() + e)
    r.fields["author"] = Ev("United States Congress", congress.start(), congress.end())
    r.fields["jurisdiction"] = Ev("US", congress.start(), congress.end())
    return r


def read_govdoc(text: str, furniture: tuple[str, ...] = (), first_label: str = ""
                ) -> Reading | None:
    return (read_sap(text) or read_federal_register(text, furniture, first_label)
            or read_bill(text))
