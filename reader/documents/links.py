"""Following a statute's cross-reference (a :class:`~reader.model.documents.Link`): which
document of the workspace holds the section it names, and where in it.

"D.C. Code § 48-961.03(d)" is looked for as the file that *is* § 48-961.03 (a D.C. section
file), then inside documents of the same code (a U.S. Code title holds its sections), and
opens at subsection (d) when that is found, else at the section. A target without a code
("§ 3(c)" in an act) is a section of the same document; one without a § ("RCW 69.50.4013")
is a document with that citation. Nothing found: ``None``, and the
front end says the section is not in this workspace.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reader.documents.code_sections import section_citation
from reader.errors import ReaderError
from reader.model.documents import DocStatus, DocText, Document, Link
from reader.model.pinpoints import section_pinpoints

log = logging.getLogger(__name__)

TextOf = Callable[[str], DocText]
_TARGET_RE = re.compile(r"^(?P<code>.*?)\s*§\s*(?P<num>[^\s(§]+?)\.?(?P<subs>(?:\([^)\s]+\))*)$")


@dataclass(frozen=True)
class LinkTarget:
    """Where a cross-reference leads: the document, the offset to open at, and what was
    found there ("§ 48-961.03(d)"; only "§ 48-961.03" when the subsection was not)."""

    doc_id: str
    offset: int
    found: str
    exact: bool  # the subsection asked for was found (not just its section)


def parse_target(target: str) -> tuple[str, str, str] | None:
    """``"D.C. Code § 48-961.03(d)"`` → ``("D.C. Code", "48-961.03", "(d)")``;
    ``"§ 3(c)"`` → ``("", "3", "(c)")``; None for what names no section ("139 Stat. 1422")."""
    m = _TARGET_RE.match(" ".join(target.split()))
    if m is None or "§§" in target:
        return None
    return m.group("code").strip().rstrip(","), m.group("num"), m.group("subs")


def _code_of(doc: Document) -> str:
    citation = " ".join(doc.meta.citation.split())
    return citation.split("§", 1)[0].strip() if citation else ""


def _within(text: DocText, number: str, subs: str) -> tuple[int, str, bool] | None:
    """(offset, pinpoint found, exact) of § ``number`` and as much of ``subs`` as the text
    has; None when it does not hold that section."""
    want = f"§ {number}"
    best: tuple[int, str, int] | None = None  # offset, pinpoint, characters matched
    for pin, section in section_pinpoints(text):
        if pin == want + subs:
            return section.start, pin, True
        parent = pin == want or (pin.startswith(want + "(") and (want + subs).startswith(pin))
        if parent and (best is None or len(pin) > best[2]):
            best = (section.start, pin, len(pin))
    return (best[0], best[1], False) if best else None


def resolve(link: Link, source: Document | None, documents: Iterable[Document],
            text_of: TextOf) -> LinkTarget | None:
    """The document and place a cross-reference of ``source`` leads to, or None."""
    parsed = parse_target(link.target)
    docs = [d for d in documents if d.status is DocStatus.OK]
    if parsed is None:  # "RCW 69.50.4013": a document cited as a whole
        target = " ".join(link.target.split())
        whole = next((d for d in docs if target and " ".join(d.meta.citation.split())
                      == target and d.meta.kind == "statute"), None)
        return LinkTarget(whole.id, 0, target, True) if whole is not None else None
    code, number, subs = parsed
    if not code and source is not None:  # "§ 3(c)": a section of the same act
        return _look_in(source, number, subs, text_of)
    wanted = f"{code} § {number}"
    files = [d for d in docs if section_citation(d) == wanted]
    holders = [d for d in docs if d.meta.kind == "statute" and _code_of(d) == code
               and "§" not in d.meta.citation]
    if source is not None and _code_of(source) == code and source not in files:
        holders.insert(0, source)
    for doc in [*files, *holders]:
        found = _look_in(doc, number, subs, text_of)
        if found is not None:
            return found
    if files:  # the file is that section, though its text does not number it
        return LinkTarget(files[0].id, 0, f"§ {number}", not subs)
    return None


def _look_in(doc: Document, number: str, subs: str, text_of: TextOf) -> LinkTarget | None:
    try:
        text = text_of(doc.id)
    except ReaderError as exc:
        log.info("following a link: %s not read: %s", doc.path, exc)
        return None
    found = _within(text, number, subs)
    if found is None:
        return None
    offset, pin, exact = found
    return LinkTarget(doc.id, offset, pin, exact)
