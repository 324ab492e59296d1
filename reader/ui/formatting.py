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


def short_date(iso: str) -> str:
    """``"2019-03-12"`` → ``"12 Mar 2019"``; ``"2019-03"`` → ``"Mar 2019"``; others as
    :func:`human_date`."""
    match = _ISO.match(iso or "")
    if not match:
        return iso or ""
    year, month, day = match.groups()
    if month and 1 <= int(month) <= 12:
        name = MONTHS[int(month) - 1][:3]
        if day and 1 <= int(day) <= 31:
            return f"{int(day)} {name} {year}"
        return f"{name} {year}"
    return year


def glance(doc: Document) -> str:
    """What a reader needs at a glance, most telling first (it is cut at the right in a
    narrow list): kind · date · office · place · pages (· text by OCR, for a scan)."""
    parts = [kind_label(doc.meta.kind), short_date(doc.meta.date), doc.meta.author,
             doc.meta.jurisdiction]
    if doc.paged and doc.pages:
        parts.append(plural(doc.pages, "page"))
    if doc.text_source:  # scanned pages: quotes are to be checked against the page
        parts.append(f"text by {doc.text_source}")
    return " · ".join(p for p in parts if p)


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.capitalize() if kind else "")


def plural(count: int, word: str, many: str = "") -> str:
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def doc_details(doc: Document) -> str:
    """One line about a document: kind · office · place · date · pages."""
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
