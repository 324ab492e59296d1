"""The judge who wrote an opinion, where the opinion says so: "Opinion for the Court filed
by Circuit Judge BERGSTROM", "JUSTICE NAKASHIMA delivered the opinion of the Court",
"ROOKSBY, Circuit Judge.", "LUCIEN BRANDT, J.:", or a signature at the end. The panel
("Before: …, Circuit Judges") and the trial judge ("Appeal from … Voss, Judge") are not
authors. Names come back as "Judge Bergstrom", "Justice Nakashima", "Chief Judge …"."""

from __future__ import annotations

import re

from reader.extract.casing import name_case
from reader.extract.evidence import Ev

_NAME = r"[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3}"
_TITLE = (r"(?:Chief |Senior |Presiding |Associate )?(?:Circuit |District |Appellate )?"
          r"(?:Judge|Justice)")
_AUTHORSHIP = [
    re.compile(rf"Opinion\s+(?:for\s+the\s+Court\s+)?(?:filed\s+)?by\s+(?:Mr\.\s+)?"
               rf"(?P<t>{_TITLE})\s+(?P<n>{_NAME})", re.I),
    re.compile(rf"Opinion\s+of\s+the\s+Court\s+by\s+(?P<n>{_NAME}),\s+(?P<t>{_TITLE})\b", re.I),
    re.compile(rf"(?P<t>(?:CHIEF\s+)?JUSTICE|(?:Chief\s+)?Justice)\s+(?P<n>{_NAME})\s+"
               rf"delivered\s+the\s+opinion"),
    re.compile(rf"(?P<n>{_NAME}),\s+(?P<t>C\.\s?J\.|J\.|Justice|Judge),?\s+delivered\s+the\s+"
               rf"opinion"),
    re.compile(rf"(?P<t>Judge|Justice)\s+(?P<n>{_NAME})\s+wrote\s+the\s+(?:majority\s+)?opinion"),
]
_LINE_RE = re.compile(
    rf"^(?P<n>{_NAME}),\s+(?P<t>{_TITLE}|C\.\s?J\.|P\.\s?J\.|D\.\s?J\.|J\.)(?!s)\s*[.:—–-]?"
    rf"(?:\s|$)", re.M)
_SIGNATURE_RE = re.compile(
    rf"^(?:/s/\s*)?(?P<n>{_NAME}),?\s*\n?\s*(?P<t>(?:Presiding |Chief |Senior )?"
    rf"(?:Judge|Justice))\s*$", re.M | re.I)
_NOT_AUTHOR_RE = re.compile(r"^(?:Before|Appeal|On Appeal|APPEAL|Present|Panel|Hon\.|"
                            r"Honorable|\[Hon)", re.I)


def _display(name: str, title: str, supreme: bool) -> str:
    surname = name.split()[-1].strip(".,")
    surname = name_case(surname) if surname.isupper() else surname
    t = " ".join(title.split()).replace(".", "").lower()
    chief = "chief" in t or t in ("cj", "c j")
    if "justice" in t or (t in ("j", "cj", "c j") and supreme):
        return f"{'Chief ' if chief else ''}Justice {surname}"
    return f"{'Chief ' if chief else ''}Judge {surname}"


def authoring_judge(text: str, start: int, end: int, *, supreme: bool) -> Ev | None:
    """The author named in ``text[start:end]`` (the caption and the opening), else in a
    signature near the end of the text."""
    region = text[start:end]
    for pattern in _AUTHORSHIP:
        m = pattern.search(region)
        if m:
            return Ev(_display(m.group("n"), m.group("t"), supreme), start + m.start(),
                      start + m.end())
    for m in _LINE_RE.finditer(region):
        block_start = region.rfind("\n\n", 0, m.start()) + 2
        block = region[max(0, block_start - 2):m.start()]
        if _NOT_AUTHOR_RE.search(block.strip()) or "Judges" in region[m.start():m.end() + 2]:
            continue
        if re.search(r"\b(?:Appeal|Honorable|District Court|Presiding)\b",
                     region[m.start():m.end() + 40]) and "Circuit" not in m.group("t"):
            continue
        return Ev(_display(m.group("n"), m.group("t"), supreme), start + m.start(),
                  start + m.end())
    tail_start = max(start + 200, len(text) - 2500)
    for m in _SIGNATURE_RE.finditer(text[tail_start:]):
        if "District" in text[tail_start + m.start():tail_start + m.end()]:
            continue
        return Ev(_display(m.group("n"), m.group("t"), supreme), tail_start + m.start(),
                  tail_start + m.end())
    return None
