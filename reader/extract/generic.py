"""Heuristic metadata of documents without a structured first page (memos, reports,
articles, statutes): a title line, the office or author, the date, the place, a citation.

Each guess is an :class:`~reader.extract.evidence.Ev` where the text shows where it was
read; :mod:`reader.extract.metadata` weighs these against the file's own properties.
"""

from __future__ import annotations

import re

from reader.extract.casing import title_case
from reader.extract.dates import guess_date_found, parse_date
from reader.extract.evidence import Ev, locate
from reader.extract.jurisdiction import STATE_NAMES, guess_jurisdiction, state_code

_HEAD = 4000
_M = re.MULTILINE
_I = re.IGNORECASE

#: Lines that are labels or boilerplate, never a title.
_NOT_TITLE_RE = re.compile(
    r"^(?:(?:interoffice |office )?memo(?:randum)?|confidential|draft|privileged.*|"
    r"for immediate release|page \d+(?: of \d+)?|\d+|table of contents|contents|"
    r"executive summary|opinion|an act|sample|sample document|"
    r"(?:to|from|cc|bcc|date|re|subject)\s*:.*|by .*|"
    r".*\b(?:sample|fictional)\b.*\b(?:document|policy reader|not a real)\b.*|"
    r"(?:https?://|www\.)\S+|[\W\d_]+)$", _I)
#: A line naming an organisation (a letterhead or a report's publisher), not a title.
_ORG_RE = re.compile(
    r"^(?:the )?[\w&.,'’ -]{2,80}?\b(?:Institute|Coalition|Collective|Collaborative|Center|"
    r"Centre|Council|Association|Foundation|Project|Alliance|Network|Union|Society|Commission|"
    r"Committee|Department|Agency|Office|Bureau|Board|Partnership|Fund|Initiative|University|"
    r"College|Press|Laborator(?:y|ies)|Clinic)(?: (?:of|for|on) [\w&'’ -]{2,60})?$", _I)
_FIELD_LINE_RE = re.compile(
    r"^(?P<k>TO|FROM|RE|CC|BCC|DATE|SUBJECT|EFFECTIVE(?: DATE)?|THROUGH|THRU|VIA|ATTN)"
    r"[ \t]*:[ \t]*(?P<v>.*)$", _I)
_OFFICE_RE = re.compile(
    r"(?P<v>(?:Office of the |OFFICE OF THE )?(?:[A-Z][\w.'-]+ )*"
    r"(?:District|Prosecuting|State's|County|Commonwealth's|Attorney|DISTRICT|PROSECUTING)"
    r"[ '\w]*?(?:Attorney|ATTORNEY|General|GENERAL)(?:'s Office|’s Office|'S OFFICE)?"
    r"(?: (?:of|for|OF|FOR) (?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3})?)")
_SHORT_TITLE_RE = re.compile(
    r"(?:shall be known|may be cited)(?: and may be cited| and referred to)? as (?:the )?"
    r"(?:[\"“](?P<v>[^\"”]{3,150})[\"”]|(?P<u>(?:[A-Z][\w'’-]*\s+(?:(?:and|of|for|the|to|on)\s+)?)"
    r"{1,12}(?:Act|Code|Law)\b))", _I)
_PREPARED_RE = re.compile(
    r"(?:Prepared|Published|Issued|Drafted|Written|Compiled) by:?\s+(?:the\s+)?"
    r"(?P<v>[A-Z][^\n.;]{2,120})|^A report (?:by|from|of) (?:the\s+)?(?P<w>[A-Z][^\n.;]{2,120})",
    _M)
_BYLINE_RE = re.compile(r"^By:? (?P<v>[A-Z][^\n]{2,160})$", _M)
_CITATIONS = [
    re.compile(r"\b\d+\s+(?:Pa\.\s?C\.\s?S\.|P\.\s?S\.|U\.\s?S\.\s?C\.)\s*§{1,2}\s*\d[\w.:-]*"
               r"(?:\s?[–-]\s?\d[\w.:-]*)?"),
    re.compile(r"\b(?:[A-Z][a-z]*\.\s?){1,4}(?:[A-Z][\w&.]*\s){0,3}(?:Code|Law|Laws|Stat\.)"
               r"(?:\s+Ann\.)?\s*§{1,2}\s*\d[\w.:-]*"),
    re.compile(r"\bRCW\s+\d+[\w.]*\d|\bORS\s+\d+[\w.]*\d"),
    re.compile(r"\bNMSA \d{4},\s*(?:Chapter \d+[A-Z]?, Article \d+[A-Z]?|§+\s*\d[\w.-]*)"),
    re.compile(r"\bChapter \d+ of the (?:Acts|Laws) of \d{4}\b"),
]
_LEGISLATURE_RE = re.compile(
    r"\b(?P<v>(?:General Assembly|Legislature|Legislative Assembly) of (?:the )?"
    r"(?:(?:State|Commonwealth) of )?(?P<st>[A-Z][a-z]+(?: [A-Z][a-z]+)?))", _I)
_MODEL_TITLE_RE = re.compile(r"^(?:Model|Uniform)\b.*\bAct$")
_BILL_RE = re.compile(r"(?<!CF )(?<!Cross-filed with )\b(?P<ch>House|Senate|Assembly) Bill "
                      r"(?:No\. )?(?P<n>\d{1,5})\b"
                      r"|(?<!CF )(?<!CF\. )\b(?P<abbr>[HS]\.\s?B\.|HB|SB) ?(?P<m>\d{1,5})\b", _I)
_MEMO_NO_RE = re.compile(r"\b(?:(?:Policy|Charging|Office) )?(?:Policy|Directive|Memo(?:randum)?|"
                         r"Guidance)\s+(?:(?:No\.|Number|#)\s*[\w-]*\d[\w-]*|\d{2,4}-\d{1,4})\b",
                         re.IGNORECASE)
_ROLES_RE = re.compile(
    r"\b(?:staff|senior|contributing|special|guest)?\s*(?:writers?|reporters?|correspondents?|"
    r"editors?|columnists?|contributors?)\b.*$|\b(?:for|of|at) (?:the )?[A-Z]\w+(?: \w+)*$", _I)


def clean_byline(byline: str) -> str:
    """``"By Jane Doe and Sam Roe | Staff writers"`` → ``"Jane Doe; Sam Roe"``."""
    text = re.sub(r"\s+", " ", byline or "").strip()
    text = re.split(r"\s[|•·]\s|\s[—–]\s|\s*\b(?:Updated|Published|Posted)\b", text)[0]
    text = re.sub(r"^(?:written |reporting |story )?by:?\s+", "", text, flags=_I)
    text = re.sub(r"\S+@\S+", "", text)
    names: list[str] = []
    for part in re.split(r"\s*(?:;|,|&|\band\b|\bwith\b)\s*", text, flags=_I):
        part = part.strip(" .,:")
        part = _ROLES_RE.sub("", part).strip(" .,:") if part else part
        if not part or not re.search(r"[A-Z]", part[:1]) or len(part.split()) > 5:
            continue
        if part.lower() in ("staff", "editorial board", "admin", "administrator"):
            continue
        if part not in names:
            names.append(part)
    return "; ".join(names)


def memo_fields(text: str) -> dict[str, str]:
    """The header fields of a memo ("TO", "FROM", "RE", "DATE", …), upper-case keys.

    Reads "RE: value" lines (a value may continue on the next lines of its paragraph) and
    the two-column layout some PDFs give, where a run of bare labels is followed by the
    values in the same order.
    """
    fields: dict[str, str] = {}
    paras = [p.strip() for p in text[:_HEAD].split("\n\n") if p.strip()]
    pending: list[str] = []
    for para in paras:
        lines = para.split("\n")
        i = 0
        while i < len(lines):
            m = _FIELD_LINE_RE.match(lines[i])
            if not m:
                break
            key = m.group("k").upper()
            value = [m.group("v").strip()] if m.group("v").strip() else []
            i += 1
            while value and i < len(lines) and not _FIELD_LINE_RE.match(lines[i]):
                value.append(lines[i].strip())
                i += 1
            if value:
                fields.setdefault(key, " ".join(value))
            else:
                pending.append(key)
        if i:
            continue
        if pending and not (para.isupper() and len(para) < 80):
            fields.setdefault(pending.pop(0), " ".join(para.split()))
        elif fields and not pending:
            break
    return fields


def _lines(text: str, limit: int = 60) -> list[str]:
    return [ln.strip() for ln in text[:_HEAD].split("\n") if ln.strip()][:limit]


def is_title_line(line: str) -> bool:
    """Whether ``line`` could be a document title (not "MEMORANDUM", a date, a label…)."""
    line = line.strip()
    return (4 <= len(line) <= 200 and not _NOT_TITLE_RE.match(line)
            and sum(c.isalpha() for c in line) >= 4)


def organisation(text: str) -> str:
    """The organisation named on its own line at the very top (letterhead, publisher)."""
    for line in _lines(text, 8):
        if _ORG_RE.match(line) and not _NOT_TITLE_RE.match(line) and len(line) <= 100:
            return title_case(line)
    return ""


def _subtitle(text: str, title: str) -> str:
    """The paragraph right after a one-line title paragraph, when it reads as a subtitle."""
    paras = [p.strip() for p in text[:_HEAD].split("\n\n") if p.strip()]
    for i, para in enumerate(paras[:-1]):
        if para.rstrip(" .") != title:
            continue
        nxt = " ".join(paras[i + 1].split())
        if (len(nxt) <= 150 and paras[i + 1].count("\n") <= 1 and nxt[:1].isupper()
                and not nxt.endswith((".", ",", ";")) and not _NOT_TITLE_RE.match(nxt)
                and not _ORG_RE.match(nxt) and not re.search(r"[.!?]\s", nxt)
                and not (parse_date(nxt) and len(nxt) < 40)):
            return nxt
        return ""
    return ""


def _strong_title(text: str) -> str:
    lines = _lines(text)
    for i, line in enumerate(lines):
        if _NOT_TITLE_RE.match(line) or len(line) > 160 or len(line) < 4:
            continue
        if i < 8 and _ORG_RE.match(line) and i + 1 < len(lines):
            continue  # a letterhead or publisher line above the real title
        if re.search(r"[.!?][\"”’]?\s+[A-Z“\"]", line):  # two sentences: body text
            continue
        if sum(c.isalpha() for c in line) < 4:
            continue
        if parse_date(line) and len(line) < 40:
            continue
        if line.endswith(":") and i + 1 < len(lines):
            return f"{line} {lines[i + 1]}"[:240]
        return line.rstrip(" .") if not line.endswith("..") else line
    return ""


def guess_title(text: str, kind: str) -> str:
    if kind in ("opinion", "filing"):  # the caption's case name, or nothing
        from reader.extract.caption import case_name
        found = case_name(text, 0, min(len(text), 6000))
        return found.value if found else ""
    if kind == "memo":
        fields = memo_fields(text)
        subject = fields.get("RE") or fields.get("SUBJECT")
        if subject:
            return subject
    if kind == "statute":
        m = _SHORT_TITLE_RE.search(text[:20000])
        if m:
            return " ".join((m.group("v") or m.group("u")).split()).rstrip(".,")
    title = _strong_title(text)
    if kind == "report" and title and not title.endswith(":"):
        subtitle = _subtitle(text, title)
        if subtitle:
            return f"{title}: {subtitle}"
    return title


def _office_with_place(office: str, text: str) -> str:
    """"Office of the District Attorney of Alder County" → "Office of the District
    Attorney, Alder County, Pennsylvania" (one form whatever the letterhead's layout)."""
    m = re.search(r"\s+(?:of|for) (?:the )?(?P<place>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3})$", office)
    if m and (re.search(r"\b(?:County|Parish|Borough|City)\b", m.group("place"))
              or state_code(m.group("place").removeprefix("State of ")
                            .removeprefix("Commonwealth of "))):
        office = office[:m.start()]
    office = re.sub(r"^The ", "", office).strip(" ,")
    place = guess_jurisdiction(text)
    if not place or place == "US":
        return office
    *local, code = [p.strip() for p in place.split(",")]
    state = STATE_NAMES.get(code, code)
    return ", ".join([office, *local, state])


def guess_author(text: str, kind: str) -> str:
    head = text[:_HEAD]
    if kind == "memo":
        m = _OFFICE_RE.search(head)
        if m and len(m.group("v").split()) >= 3:
            return _office_with_place(title_case(m.group("v").strip()), text)
        sender = memo_fields(text).get("FROM")
        if sender:
            return sender
    if kind == "statute":
        for m in _LEGISLATURE_RE.finditer(head):
            body, st = m.group("v"), m.group("st")
            if not state_code(st) and state_code(st.split()[0]):  # "Pennsylvania hereby"
                body, st = body[: len(body) - len(st)] + st.split()[0], st.split()[0]
            if state_code(st):
                return title_case(body)
    if kind in ("article", "other", "report"):
        m = _BYLINE_RE.search(head)
        if m:
            cleaned = clean_byline(m.group("v"))
            if cleaned:
                return cleaned
    m = _PREPARED_RE.search(head)
    if m:
        return (m.group("v") or m.group("w") or "").strip()
    if kind in ("report", "statute", "other"):
        return organisation(text)
    return ""


def guess_citation(text: str, kind: str) -> str:
    head = text[:_HEAD]
    if kind == "statute":
        for pattern in _CITATIONS:
            for m in pattern.finditer(head):
                line_start = head.rfind("\n", 0, m.start()) + 1
                if m.start() < 600 or not head[line_start:m.start()].strip():
                    return re.sub(r"\s+", " ", m.group(0)).rstrip(".:-")
        bill = _BILL_RE.search(head)
        if bill:
            if bill.group("ch"):
                return f"{bill.group('ch')[0].upper()}.B. {bill.group('n')}"
            return f"{bill.group('abbr').replace(' ', '')[0].upper()}.B. {bill.group('m')}"
        return ""
    if kind == "memo":
        memo_no = _MEMO_NO_RE.search(head)
        return title_case(memo_no.group(0)) if memo_no else ""
    return ""


def guess_date_ev(text: str, kind: str) -> Ev | None:
    """The date with where it was read: a memo's DATE/EFFECTIVE field, else the best
    labelled date, else the first date near the top."""
    if kind == "memo":
        fields = memo_fields(text)
        for key in ("DATE", "EFFECTIVE", "EFFECTIVE DATE"):
            iso = parse_date(fields.get(key, ""))
            if iso:
                start, end = locate(text, fields[key])
                return Ev(iso, start, end)
    found = guess_date_found(text)
    return Ev(found.iso, found.start, found.end) if found else None


def guess_place(text: str, kind: str, title: str) -> str:
    """The jurisdiction of a document that is not a court's or a government's: the place its
    title names, else its letterhead, dateline or law."""
    in_title = guess_jurisdiction(title) if title else ""
    if in_title:  # a place the title names is the document's place
        if in_title.endswith("County"):
            from_text = guess_jurisdiction(text)
            if from_text.startswith(in_title + ", "):
                return from_text
        return in_title
    return guess_jurisdiction(text)
