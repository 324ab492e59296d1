"""A quote from a code section, cited as the code cites it: the document's citation and the
quote's pinpoint combined, not a page.

    D.C. Code § 48-961.03(b)(3) (2024)
    21 U.S.C. § 977(a) (2025)
    RCW 69.53A.040(2)(c) (2024)
    720 ILCS 570/402(b) (2024)                 ← "§ 402(b)" of the page "720 ILCS 570/402"
    Or. Rev. Stat. § 475.964(1)(b) (2025)      ← a quote from a chapter page ("… ch. 475")
    D.C. Code § 48-961.05 note (2024)      ← a quote from the history or notes
    H.R. 4821, 119th Cong. § 101(b)(2) (2025)  ← a federal bill (Bluebook rule 13.2)
    Pub. L. No. 119-212, § 2(b)(2) (2026)      ← a federal public law (rule 12.4)

Only what can be combined is: the document's citation names the code ("21 U.S.C.",
"D.C. Code") or this very section ("D.C. Code § 48-961.05" with a quote in
§ 48-961.05(b)). An act with its own numbering ("Act No. 47", "Pub. L. 119-88", a model
act) or a citation naming another section keeps the general form: *Title* (Author, date),
§ 3(c). The pinpoint comes from :meth:`reader.model.documents.DocText.pinpoint`, so a note
is cited "… note" and never as the law or one of its subsections.
"""

from __future__ import annotations

import re

from reader.export.model import Citation

#: words of a citation that name an act, a session law or a bill rather than a code
_ACT_RE = re.compile(r"\b(?:Acts?|Laws?|Pub|No|Nos|Bill|Sess|Stat|Chapter|Article|Title|"
                     r"Ordinance|Resolution|Model)\b|H\.R\.|\bS\. \d"
                     r"|^\d{4} (?:c|asp|anaw|asc)\.? \d")  # a U.K. Act: "2026 c. 9"
_BASE_RE = re.compile(r"^§\s*([^\s(]+)(.*)$")
_PUBLIC_LAW_RE = re.compile(r"^Pub(?:lic)?\.?\s*L(?:aw|\.)?\s*(?:No\.\s*)?(\d+)\s*[-–]\s*(\d+)$",
                            re.IGNORECASE)
_BILL_RE = re.compile(r"^((?:H\.R\.(?: Res\.)?|S\.(?: Res\.)?|[HS]\.J\. Res\.|[HS]\. Con\. Res\.)"
                      r" ?\d+)(?:,\s*(\d+(?:st|nd|rd|th) Cong\.))?$")
_CHAPTER_RE = re.compile(r"^(.*\S)\s+ch\.\s+(\d+[A-Z]?(?:\.\d+[A-Z]?)?)$")


def _base(number: str) -> str:
    return number.strip().rstrip(".").translate({0x2013: "-", 0x2014: "-"})


def code_citation(c: Citation) -> str:
    """``"D.C. Code § 48-961.03(b)(3)"`` for a quote from a statute whose citation and
    pinpoint combine (see the module docstring), else ``""``."""
    if c.kind != "statute":
        return ""
    m = _BASE_RE.match(" ".join(c.section.split()))
    legal = " ".join(c.legal_citation.split())
    if m is None or not legal or "§§" in legal:
        return ""
    number, rest = _base(m.group(1)), m.group(2)  # "48-961.03", "(b)(3)" or " note"
    if "§" in legal:
        head, own = legal.split("§", 1)
        if _base(own) != number:
            return ""  # the document is cited as another section (a codified act)
        return f"{head.strip()} § {number}{rest}".strip()
    federal = _federal(legal, number, rest)
    if federal:
        return federal
    last = _base(legal.rsplit(" ", 1)[-1])
    if number in (last, last.rsplit("/", 1)[-1]):  # "RCW 69.53A.040", "720 ILCS 570/402"
        return f"{legal}{rest}"
    if re.fullmatch(r"\d+ ILCS \d+", legal):  # an act: "720 ILCS 570" → "720 ILCS 570/402"
        return f"{legal}/{number}{rest}"
    chapter = _CHAPTER_RE.match(legal)  # a chapter page: "Or. Rev. Stat. ch. 475"
    if chapter and re.match(rf"{re.escape(chapter.group(2))}[.:-]", number):
        code = chapter.group(1)
        return f"{code} {number}{rest}" if code.isupper() else f"{code} § {number}{rest}"
    if _ACT_RE.search(legal) or not re.search(r"[A-Za-z]", legal):
        return ""
    return f"{legal} § {number}{rest}"


def _federal(legal: str, number: str, rest: str) -> str:
    """A section of a federal public law or bill as the Bluebook cites it: "Pub. L. No.
    119-212, § 2(b)" (the Statutes at Large page is not in the file's sections), "H.R.
    4821, 119th Cong. § 101(b)", "H.R. Res. 310, § 2" when the Congress is not known."""
    law = _PUBLIC_LAW_RE.match(legal)
    if law:
        return f"Pub. L. No. {law.group(1)}-{law.group(2)}, § {number}{rest}"
    bill = _BILL_RE.match(legal)
    if bill:
        congress = bill.group(2)
        return f"{bill.group(1)}, {congress} § {number}{rest}" if congress \
            else f"{bill.group(1)}, § {number}{rest}"
    return ""


def code_year(c: Citation) -> str:
    """The year in a code citation's parenthetical (the latest amendment's, when known)."""
    m = re.match(r"^(\d{4})", c.date.strip())
    return m.group(1) if m else ""
