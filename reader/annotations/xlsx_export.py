"""Highlights as an Excel workbook (``.xlsx``), what QualCoder and Taguette users hand to
colleagues: one row per highlight, the columns of the CSV export, then one column per theme
used (1 where the highlight carries the theme or one of its sub-themes, so a column sums to
a count), a frozen header row, filters on every column, and widths that fit.

Safe to open: every value is written as text, never as a formula, and text that a
spreadsheet would turn into one when the cell is edited (``=``, ``+``, ``-``, ``@``…) is
also marked with Excel's "quote prefix" (shown as plain text). Characters XML cannot hold
are dropped and text longer than a cell holds (32,767 characters) is cut with "…".
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from reader.annotations.csv_export import COLUMNS, links_cell, replies_cell
from reader.annotations.select import Selection
from reader.annotations.threads import Discussion
from reader.annotations.w3c_write import iso
from reader.csvsafe import FORMULA_START
from reader.errors import NothingToExport
from reader.model.annotations import Placed
from reader.model.documents import Document
from reader.model.themes import Taxonomy

if TYPE_CHECKING:
    from reader.annotations.import_plan import Workspace

MAX_CELL = 32_767
WIDTHS = {"document": 36, "path": 30, "quote": 60, "themes": 30, "note": 40, "id": 20,
          "replies": 40, "links": 40}
WRAPPED = {"quote", "note", "themes", "replies", "links"}


def _text(value: str) -> str:
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return value if len(value) <= MAX_CELL else value[:MAX_CELL - 1] + "…"


def to_xlsx(placed: Iterable[Placed], *, taxonomy: Taxonomy,
            documents: dict[str, Document], names: bool = True, notes: bool = True,
            discussion: Discussion | None = None) -> bytes:
    placed = list(placed)
    used: list[str] = []
    for p in placed:
        for t in p.highlight.themes:
            tid = taxonomy.resolve(t) or t
            if tid not in used:
                used.append(tid)
    order = {t.id: i for i, t in enumerate(taxonomy.themes)}
    used.sort(key=lambda t: order.get(t, len(order)))
    wb = Workbook()
    ws = wb.active
    ws.title = "Highlights"
    header = [*COLUMNS, *(taxonomy.path_label(t) if taxonomy.known(t) else t for t in used)]
    ws.append([_text(h) for h in header])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for p in placed:
        h, a = p.highlight, p.anchor
        doc = documents.get(a.doc_id) or documents.get(h.doc_id)
        themes = {taxonomy.resolve(t) or t for t in h.themes}
        row: list[str | int | None] = [
            doc.title if doc else h.doc_path, doc.path if doc else h.doc_path,
            h.page if p.orphaned else a.page, h.section if p.orphaned else a.section,
            h.quote.exact, "; ".join(taxonomy.path_label(t) for t in h.themes),
            h.stance.label if h.stance else "", h.note if notes else "",
            h.author.name if names else "", iso(h.created), iso(h.modified),
            a.status.value, h.id,
            replies_cell(discussion, h.id, names=names) if discussion and notes else "",
            links_cell(discussion, h.id) if discussion else ""]
        row += [1 if any(t == u or u in _ancestors(taxonomy, t) for t in themes) else None
                for u in used]
        ws.append([_text(v) if isinstance(v, str) else v for v in row])
        for cell in ws[ws.max_row][:len(COLUMNS)]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, whatever it starts with
                if cell.value.startswith(FORMULA_START):
                    cell.quotePrefix = True
    for i in range(1, len(header) + 1):
        letter = get_column_letter(i)
        col = COLUMNS[i - 1] if i <= len(COLUMNS) else ""
        ws.column_dimensions[letter].width = WIDTHS.get(col, 12 if col else 14)
        if col in WRAPPED:
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(ws.max_row, 1)}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _ancestors(taxonomy: Taxonomy, theme_id: str) -> set[str]:
    return {t.id for t in taxonomy.path(theme_id)[:-1]} if taxonomy.known(theme_id) else set()


def export_xlsx(ws: Workspace, *, selection: Selection = Selection(), names: bool = True,
                notes: bool = True) -> tuple[bytes, int]:
    """The chosen highlights as an ``.xlsx`` workbook: (bytes, count)."""
    from reader.annotations.interop import select_placed
    placed = select_placed(ws, selection)
    if not placed:
        raise NothingToExport("No highlight matches; nothing was exported.")
    store = ws.annotations()
    docs = {d.id: d for d in store.placer.source.documents()}
    return to_xlsx(placed, taxonomy=ws.themes().taxonomy(), documents=docs, names=names,
                   notes=notes, discussion=store.discussion()), len(placed)
