"""Which kind a document is (article / memo / statute / opinion / report / other).

Each kind collects points for the signs it shows, mostly near the top of the text (a news
story *about* a memo mentions "District Attorney" but does not start with "TO:"/"FROM:"
lines). The kind with the most points wins when it has enough of them and clearly beats
the runner-up; otherwise the caller's default stands.
"""

from __future__ import annotations

import re

_M = re.MULTILINE
_I = re.IGNORECASE
_TOP, _ALL, _COUNT = 0, 1, 2
_SIGNS: dict[str, list[tuple[re.Pattern[str], float, int]]] = {
    # (pattern, points, where: the head / anywhere / per occurrence, up to three)
    "memo": [
        (re.compile(r"^(?:INTEROFFICE )?MEMO(?:RANDUM)?\b", _M), 3, _TOP),
        (re.compile(r"^TO\s*:", _M | _I), 1.5, _TOP),
        (re.compile(r"^FROM\s*:", _M | _I), 1.5, _TOP),
        (re.compile(r"^(?:RE|SUBJECT)\s*:", _M | _I), 1, _TOP),
        (re.compile(r"\b(?:Office of the )?(?:District|Prosecuting|State's|County|"
                    r"Commonwealth's) Attorney(?:'s Office)?\b", _I), 1.5, _TOP),
        (re.compile(r"\bAssistant District Attorneys\b|\bAll (?:ADAs|Prosecutors)\b", _I), 1,
         _TOP),
        (re.compile(r"\b(?:charging|declination) (?:policy|guidance|directive)\b", _I), 0.5,
         _TOP),
    ],
    "statute": [
        (re.compile(r"\bBe it enacted\b", _I), 4, _TOP),
        (re.compile(r"^AN ACT\b", _M), 2.5, _TOP),
        (re.compile(r"^(?:Section|SECTION|Sec\.|SEC\.|§)\s*\d", _M), 1, _COUNT),
        (re.compile(r"\b(?:Model|Uniform) (?:[A-Z][\w-]* ){0,6}Act\b"), 2.5, _TOP),
        (re.compile(r"^(?:CHAPTER|Chapter|ARTICLE|Article) [\dIVX]+\b", _M), 1, _TOP),
        (re.compile(r"\b(?:shall be known|may be cited) as\b", _I), 2, _TOP),
        (re.compile(r"\bGeneral Assembly\b|\bLegislature\b"), 1, _TOP),
        (re.compile(r"\b\d+\s+(?:Pa\.\s?C\.\s?S\.|P\.\s?S\.|U\.\s?S\.\s?C\.)\s*§"), 1.5, _TOP),
        (re.compile(r"^(?:\d+\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3}\s+)?§+\s*\d[\w.:-]*\.\s+[A-Z]",
                    _M), 1.5, _TOP),  # a codified section heading: "35 P.S. § 780-113. Title"
        (re.compile(r"^\([a-z]\) ", _M), 0.5, _COUNT),
    ],
    "opinion": [
        (re.compile(r"^.{2,80}\bv(?:s)?\.\s.{2,80}$|^v\.$", _M), 2, _TOP),
        (re.compile(r"\b(?:Court of Appeals|Supreme Court|Superior Court|Court of Common Pleas|"
                    r"District Court|Commonwealth Court|Circuit Court)\b"), 1.5, _TOP),
        (re.compile(r"^(?:MEMORANDUM )?OPINION\b|^OPINION OF THE COURT\b", _M), 2.5, _TOP),
        (re.compile(r"\bDocket No\.|\bNo\.\s+\d+[-–]\w", _I), 1.5, _TOP),
        (re.compile(r"\b(?:Appellant|Appellee|Petitioner|Respondent|Plaintiff|Defendant)s?\b"),
         1, _TOP),
        (re.compile(r"\b(?:we (?:hold|affirm|reverse|conclude)|AFFIRMED|REVERSED|"
                    r"REMANDED|so ordered)\b", _I), 1.5, _ALL),
        (re.compile(r"\b(?:Judge|Justice)\b|\b[A-Z][a-z]+, (?:J|C\.J|P\.J)\.", 0), 0.5, _TOP),
    ],
    "report": [
        (re.compile(r"^Executive Summary\b|^EXECUTIVE SUMMARY\b", _M), 3, _ALL),
        (re.compile(r"\bReport\b|\bREPORT\b"), 1.5, _TOP),
        (re.compile(r"^(?:Table of )?Contents$|^(?:TABLE OF )?CONTENTS$", _M), 1, _TOP),
        (re.compile(r"^(?:[\dIVX]+\.\s+)?(?:Key )?(?:Findings|Recommendations|Methodology|"
                    r"Methods)$", _M | _I), 1, _COUNT),
        (re.compile(r"\b(?:Prepared|Published) by\b|^A report (?:by|from|of)\b", _M | _I), 1,
         _TOP),
        (re.compile(r"\b(?:white paper|policy brief|evaluation|annual review)\b", _I), 1,
         _TOP),
    ],
    "article": [
        (re.compile(r"^By [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}\b", _M), 2.5, _TOP),
        (re.compile(r"^[A-Z][A-Z .,]{2,40}(?:\([A-Za-z ]+\))? [—–-]{1,2} [A-Z]", _M), 2, _TOP),
        (re.compile(r"\b(?:Published|Updated|Posted)\b"), 1, _TOP),
        (re.compile(r"\b(?:staff (?:writer|reporter)|correspondent|reporter|editor)\b", _I), 1,
         _TOP),
        (re.compile(r"\bsaid\b"), 0.5, _COUNT),
        (re.compile(r"\b(?:told|according to)\b"), 0.5, _COUNT),
    ],
}
_HEAD = 2500


def kind_scores(text: str) -> dict[str, float]:
    """Points per kind (see the module docstring)."""
    head = text[:_HEAD]
    scores: dict[str, float] = {}
    for kind, signs in _SIGNS.items():
        total = 0.0
        for pattern, points, where in signs:
            if where == _COUNT:
                n = len(pattern.findall(text[:200_000]))
                total += points * min(n, 3) / 1.5
            elif pattern.search(head if where == _TOP else text[:200_000]):
                total += points
        scores[kind] = total
    if len(text) > 40_000:
        scores["report"] += 2
    elif len(text) < 8_000:
        scores["report"] -= 1
    return scores


def guess_kind(text: str, default: str = "other", *, threshold: float = 3.0) -> str:
    """The most likely kind, or ``default`` when no kind is clearly indicated.

    With a ``default`` other than "other" (an HTML page is an article unless shown
    otherwise) another kind must beat the default's own score by ``threshold``.
    """
    scores = kind_scores(text)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    best, points = ranked[0]
    runner_up = ranked[1][1]
    if default != "other" and best != default:
        if points - scores.get(default, 0.0) < threshold or points < threshold + 1:
            return default
        return best
    if points >= threshold and points - runner_up >= 1:
        return best
    return default
