"""Highlights as an .xlsx workbook: one row per highlight, themes as columns, frozen header,
filters, and nothing a spreadsheet would run as a formula."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reader.annotations.xlsx_export import COLUMNS, export_xlsx
from reader.errors import NothingToExport
from tests.core.refi_fixtures import DOCS, make_workspace, span


def test_one_row_per_highlight_with_theme_columns(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", docs=DOCS[1:], author_id="abcabcabcabc", name="Maria")
    st = ws.annotations()
    d, s, e = span(ws, DOCS[1], "drug checking")
    st.create(d, s, e, themes=["drug-checking"], note="=HYPERLINK(\"http://x\",\"click\")",
              stance="supports")
    d, s, e = span(ws, DOCS[2], "naloxone")
    st.create(d, s, e, themes=["naloxone", "drug-checking"], note="-2+3\x01 bell")
    data, count = export_xlsx(ws)
    assert count == 2
    wb = load_workbook(io.BytesIO(data))
    sheet = wb["Highlights"]
    header = [c.value for c in sheet[1]]
    assert tuple(header[:len(COLUMNS)]) == COLUMNS
    themes = header[len(COLUMNS):]
    assert themes == ["Overdose response › Naloxone access",
                      "Harm-reduction services › Drug checking"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert len(rows) == 2
    by_quote = {r[COLUMNS.index("quote")]: r for r in rows}
    assert by_quote["drug checking"][len(COLUMNS):] == [None, 1]
    assert by_quote["naloxone"][len(COLUMNS):] == [1, 1]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}3"
    # formulas stay text; control characters are dropped
    note_cell = sheet.cell(2 + [r[4] for r in rows].index("drug checking"),
                           COLUMNS.index("note") + 1)
    assert note_cell.data_type == "s" and note_cell.value.startswith("=HYPERLINK")
    assert note_cell.quotePrefix
    assert by_quote["naloxone"][COLUMNS.index("note")] == "-2+3 bell"
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"HYPERLINK" in sheet_xml or b"inlineStr" in sheet_xml or b"<v>" in sheet_xml
    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml  # no formula anywhere


def test_nothing_to_export(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", docs=(DOCS[2],), author_id="abcabcabcabc")
    with pytest.raises(NothingToExport):
        export_xlsx(ws)
