"""Plain data of a REFI-QDA (QDA-XML 1.0) project, as far as Policy Reader uses it.

Positions of text selections are Unicode code points of the source's plain text, ``start``
inclusive, ``end`` exclusive (the standard's ``startPosition``/``endPosition``). PDF
rectangles are in PDF points, page numbers start at 0 (see :mod:`.positions`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = "Policy Reader"


@dataclass(frozen=True)
class RefiUser:
    guid: str
    name: str
    id: str = ""  # the tool's own id for the user (ours: the annotator id)


@dataclass(frozen=True)
class RefiCode:
    guid: str
    name: str
    color: str = ""  # "#rrggbb" or ""
    description: str = ""
    codable: bool = True
    children: tuple[RefiCode, ...] = ()


@dataclass(frozen=True)
class PdfRect:
    """A PDF selection: page (0-based) and two corners, in points from the page's top-left
    corner (``first`` the upper-left, ``second`` the lower-right)."""

    page: int
    first_x: int
    first_y: int
    second_x: int
    second_y: int


@dataclass(frozen=True)
class RefiSelection:
    guid: str
    start: int = -1  # code points of the source's plain text; -1 for a PDF-only selection
    end: int = -1
    rect: PdfRect | None = None
    codes: tuple[str, ...] = ()  # code guids
    note: str = ""
    description: str = ""
    user: str = ""  # user guid
    created: datetime | None = None
    modified: datetime | None = None
    modifying_user: str = ""
    where: str = ""  # e.g. "line 40" (for messages)


@dataclass(frozen=True)
class RefiSource:
    guid: str
    name: str
    kind: str  # "text" | "pdf"
    plain_text: str | None = None  # None when the project has no text for it
    text_member: str = ""  # archive member of the plain text ("" when inline)
    file_member: str = ""  # archive member of the original file (a PDF), or ""
    selections: tuple[RefiSelection, ...] = ()
    user: str = ""
    created: datetime | None = None


@dataclass(frozen=True)
class RefiProject:
    name: str
    origin: str = ""
    users: tuple[RefiUser, ...] = ()
    codes: tuple[RefiCode, ...] = ()
    sources: tuple[RefiSource, ...] = ()
    created: datetime | None = None
    creating_user: str = ""
    # Filled by the exporter only: the original files to put in the archive.
    files: dict[str, bytes] = field(default_factory=dict, compare=False)

    def all_codes(self) -> list[tuple[RefiCode, tuple[str, ...]]]:
        """Every code with its path of names (parents first), depth first."""
        out: list[tuple[RefiCode, tuple[str, ...]]] = []

        def walk(codes: tuple[RefiCode, ...], path: tuple[str, ...]) -> None:
            for c in codes:
                out.append((c, (*path, c.name)))
                walk(c.children, (*path, c.name))

        walk(self.codes, ())
        return out

    @property
    def from_policy_reader(self) -> bool:
        return self.origin.startswith(ORIGIN)
