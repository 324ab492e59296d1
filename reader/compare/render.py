"""The matrix as a table of text: for a terminal, Markdown, CSV and JSON (the CLI and the
briefs use these). Cells read without colour: ``3 (+2 −1 ·0)`` is three highlights, two
supporting harm reduction, one opposing, none neutral; an empty cell is ``—``. CSV cells go
through the one guard against formulas (:mod:`reader.csvsafe`)."""

from __future__ import annotations

import csv
import io
from typing import Any

from reader.compare.matrix import column_totals
from reader.csvsafe import safe_cell
from reader.model.compare import Cell, GroupBy, Matrix

EMPTY = "\u2014"
ROW_HEADS = {GroupBy.DOCUMENT: "Document", GroupBy.OFFICE: "Office or author",
             GroupBy.JURISDICTION: "Jurisdiction"}


def cell_text(cell: Cell) -> str:
    if not cell.count:
        return EMPTY
    m = cell.mix
    return f"{cell.count} (+{m.supports} \u2212{m.opposes} \u00b7{m.neutral})"


def visible_columns(matrix: Matrix, max_depth: int | None = None) -> list[int]:
    return [i for i, c in enumerate(matrix.columns) if max_depth is None or c.depth <= max_depth]


def table(matrix: Matrix, *, max_depth: int | None = None) -> tuple[list[str], list[list[str]]]:
    """(header, rows): the row label, then one cell per theme column (sub-themes indented
    with ``›``), then the row's total."""
    cols = visible_columns(matrix, max_depth)
    header = [ROW_HEADS[matrix.filter.group_by]]
    header += [("\u203a " * matrix.columns[i].depth) + matrix.columns[i].label for i in cols]
    header.append("All highlights")
    rows = []
    for r, row in enumerate(matrix.rows):
        rows.append([row.label, *(cell_text(matrix.cell(r, c)) for c in cols), str(row.total)])
    return header, rows


def text_table(matrix: Matrix, *, max_depth: int | None = None, width: int = 24) -> str:
    """A plain table for a terminal: one line per row, themes as columns (each cut to
    ``width`` characters)."""
    if matrix.empty_reason:
        return matrix.empty_reason + "\n"
    header, rows = table(matrix, max_depth=max_depth)
    grid = [header, *rows]
    widths = [min(width if i else 40, max(len(r[i]) for r in grid)) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(c[:w].ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    out.append("")
    out.append("Cells: highlights (+ supports harm reduction, \u2212 opposes, \u00b7 neutral or "
               "no stance); \u2014 nobody marked a passage on that theme there.")
    return "\n".join(out) + "\n"


def markdown(matrix: Matrix, *, max_depth: int | None = None) -> str:
    if matrix.empty_reason:
        return matrix.empty_reason + "\n"
    header, rows = table(matrix, max_depth=max_depth)

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(esc(h) for h in header) + " |",
           "| " + " | ".join(["---"] + ["---:"] * (len(header) - 1)) + " |"]
    out += ["| " + " | ".join(esc(c) for c in r) + " |" for r in rows]
    out.append("")
    out.append("Cells: highlights (+ supports harm reduction, \u2212 opposes, \u00b7 neutral "
               "or no stance); \u2014 nobody marked a passage on that theme there.")
    return "\n".join(out) + "\n"


def to_csv(matrix: Matrix, *, max_depth: int | None = None) -> bytes:
    """One row per matrix row: its label, details and total, then per theme the number of
    highlights and their stances as ``supports/opposes/neutral``. UTF-8 with a byte-order
    mark; cells a spreadsheet would run as formulas are prefixed with ``'``."""
    cols = visible_columns(matrix, max_depth)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    head = ["row", "detail", "documents", "all_highlights", "no_listed_theme"]
    for i in cols:
        label = matrix.columns[i].label
        head += [label, f"{label} (supports/opposes/neutral)"]
    w.writerow([safe_cell(h) for h in head])
    for r, row in enumerate(matrix.rows):
        cells: list[Any] = [row.label, row.detail, len(row.documents), row.total, row.other]
        for c in cols:
            cell = matrix.cell(r, c)
            m = cell.mix
            cells += [cell.count, f"{m.supports}/{m.opposes}/{m.neutral}"]
        w.writerow([safe_cell(v) for v in cells])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_json(matrix: Matrix) -> dict[str, Any]:
    totals = column_totals(matrix)
    by_row: dict[int, dict[str, Any]] = {}
    for (r, c), cell in sorted(matrix.cells.items()):
        by_row.setdefault(r, {})[matrix.columns[c].theme_id] = {
            "highlights": cell.count, "supports": cell.mix.supports,
            "opposes": cell.mix.opposes, "neutral": cell.mix.neutral,
            "ids": list(cell.highlight_ids)}
    return {
        "group_by": matrix.filter.group_by.value,
        "documents": matrix.documents,
        "highlights": matrix.highlights,
        "empty_reason": matrix.empty_reason,
        "columns": [{"theme": c.theme_id, "label": c.label, "depth": c.depth,
                     "parent": c.parent, "highlights": totals[i]}
                    for i, c in enumerate(matrix.columns)],
        "rows": [{"key": row.key, "label": row.label, "detail": row.detail,
                  "documents": list(row.documents), "highlights": row.total,
                  "no_listed_theme": row.other, "cells": by_row.get(r, {})}
                 for r, row in enumerate(matrix.rows)],
    }
