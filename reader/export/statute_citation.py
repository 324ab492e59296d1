"""A quote from a code section, cited as the code cites it: the document's citation and the
quote's pinpoint combined, not a page.

    D.C. Code § 48-961.03(b)(3) (2024)
    21 U.S.C. § 977(a) (2025)
    RCW 69.53A.040(2)(c) (2024)
    720 ILCS 570/402(b) (2024)                 ← "§ 402(b)" of the page "720 ILCS 570/402"
    Or. Rev. Stat. § 475.964(1)(b) (2025)      ← a quote from a chapter page ("… ch. 475")
    D.C. Code § 48-961.05 note (2024)      ← a quote from the history or notes

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


def code_year(c: Citation) -> str:
    """The year in a code citation's parenthetical (the latest amendment's, when known)."""
    m = re.match(r"^(\d{4})", c.date.strip())
    return m.group(1) if m else ""
