"""Small text helpers for showing core values to people (dates, counts, kinds)."""

from __future__ import annotations

import re

from reader.model.documents import Document

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
KIND_LABELS = {"article": "Article", "memo": "Memo", "statute": "Statute",
               "opinion": "Court opinion", "filing": "Court filing", "report": "Report",
               "other": "Other"}
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def human_date(iso: str) -> str:
    """``"2019-03-12"`` → ``"12 March 2019"``; ``"2019-03"`` → ``"March 2019"``; other
    strings unchanged."""
    match = _ISO.match(iso or "")
    if not match:
        return iso or ""
    year, month, day = match.groups()
    if month and 1 <= int(month) <= 12:
        name = MONTHS[int(month) - 1]
        if day and 1 <= int(day) <= 31:
            return f"{int(day)} {name} {year}"
        return f"{name} {year}"
    return year


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.capitalize() if kind else "")


def plural(count: int, word: str, many: str = "") -> str:
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def doc_details(doc: Document) -> str:
    """One line about a document: kind · office · date · pages."""
    parts = [kind_label(doc.meta.kind)]
    if doc.meta.author:
        parts.append(doc.meta.author)
    if doc.meta.jurisdiction:
        parts.append(doc.meta.jurisdiction)
    if doc.meta.date:
        parts.append(human_date(doc.meta.date))
    if doc.paged and doc.pages:
        parts.append(plural(doc.pages, "page"))
    return " · ".join(p for p in parts if p)
