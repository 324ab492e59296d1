"""The library's rows and columns: two-line rows that say what a reader needs at a glance,
a Title column that can be dragged wider, columns a person shows, and all of it remembered
(a damaged saved state falls back to the defaults)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QHeaderView

from reader.model.documents import DocStatus
from reader.settings import Settings
from reader.ui.models.library_model import DETAILS_ROLE, TITLE_ROLE, Column
from reader.ui.prefs import Prefs
from reader.ui.widgets.library_columns import STATE_KEY
from reader.ui.widgets.library_panel import LibraryPanel
from tests.ui.gui_fixtures import make_doc_text, make_document

LONG = "Declination of Simple Possession Charges and Referral to Deflection Services"


def docs():
    a = make_document(make_doc_text(doc_id="a" * 64), title=LONG, kind="memo")
    b = make_document(make_doc_text(doc_id="b" * 64), title="Overdose Immunity Act",
                      kind="statute", path="statutes/act.txt")
    c = make_document(make_doc_text(doc_id="c" * 64), title="locked", path="locked.pdf",
                      status=DocStatus.PASSWORD,
                      reason="locked.pdf is encrypted and needs a password.")
    return [a, b, c]


def panel(qtbot, path: Path, width: int = 360) -> LibraryPanel:
    p = LibraryPanel(Prefs(Settings(path)))
    qtbot.addWidget(p)
    p.set_documents(docs())
    p.set_annotation_counts({"a" * 64: 2})
    p.resize(width, 600)
    p.show()
    qtbot.waitExposed(p)
    return p


def row_of(p: LibraryPanel, title: str) -> int:
    return next(r for r in range(p.proxy.rowCount())
                if p.proxy.index(r, 0).data(TITLE_ROLE) == title)


def test_rows_show_title_and_what_a_reader_needs_at_a_glance(qtbot, tmp_path: Path) -> None:
    p = panel(qtbot, tmp_path / "s.json")
    tree, header = p.tree, p.tree.header()
    assert [c for c in Column if not tree.isColumnHidden(c)] == [Column.TITLE]
    assert header.sectionSize(Column.TITLE) == tree.viewport().width()  # all of it
    index = p.proxy.index(row_of(p, LONG), 0)
    assert index.data(DETAILS_ROLE) == ("Memo · 12 Mar 2019 · Office of the District "
                                        "Attorney · PA · 3 pages · 2 highlights")
    locked = p.proxy.index(row_of(p, "locked"), 0)
    assert locked.data(DETAILS_ROLE).startswith("Password required: locked.pdf is encrypted")
    line = tree.fontMetrics().lineSpacing()
    assert tree.sizeHintForRow(0) >= 2 * line  # two lines
    assert LONG in index.data(Qt.ItemDataRole.AccessibleTextRole)
    p.tree.grab().save(str(tmp_path / "library.png"))


def test_title_can_be_dragged_wider_when_other_columns_show(qtbot, tmp_path: Path) -> None:
    p = panel(qtbot, tmp_path / "s.json")
    header = p.tree.header()
    p.columns.show_column(Column.DATE, True)
    p.columns.show_column(Column.KIND, True)
    assert header.sectionResizeMode(Column.TITLE) == QHeaderView.ResizeMode.Interactive
    title = header.sectionSize(Column.TITLE)
    assert title >= p.columns.em(14)  # showing columns never squeezes it to "Tit"
    header.resizeSection(Column.TITLE, title + 120)
    assert header.sectionSize(Column.TITLE) == title + 120


def test_widths_columns_order_sort_and_row_style_are_remembered(qtbot,
                                                               tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    p = panel(qtbot, path)
    header = p.tree.header()
    p.columns.show_column(Column.DATE, True)
    p.columns.set_two_lines(False)
    header.resizeSection(Column.TITLE, 211)
    header.resizeSection(Column.DATE, 97)
    p.columns.sort(Column.DATE, Qt.SortOrder.DescendingOrder)
    p.columns.save()
    p.prefs.flush()
    p.close()

    again = panel(qtbot, path)
    header = again.tree.header()
    assert [c for c in Column if not again.tree.isColumnHidden(c)] == [Column.TITLE,
                                                                       Column.DATE]
    assert header.sectionSize(Column.TITLE) == 211
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.DATE, Qt.SortOrder.DescendingOrder)
    assert not again.columns.delegate.two_lines
    assert again.tree.sizeHintForRow(0) < 2 * again.tree.fontMetrics().lineSpacing()
    again.columns.reset()
    assert [c for c in Column if not again.tree.isColumnHidden(c)] == [Column.TITLE]
    assert again.columns.delegate.two_lines


@pytest.mark.parametrize("saved", ["not base64 !!", "AAAA", "", 42, ["x"]])
def test_a_damaged_saved_layout_gives_the_default(qtbot, tmp_path: Path, saved) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({f"window.{STATE_KEY}": saved,
                                "ui.library_two_lines": "maybe"}), "utf-8")
    p = panel(qtbot, path)
    assert [c for c in Column if not p.tree.isColumnHidden(c)] == [Column.TITLE]


def test_a_state_from_another_version_keeps_the_titles(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    p = panel(qtbot, path)
    p.tree.setColumnHidden(Column.TITLE, True)  # as a damaged or foreign state could say
    p.prefs.set_blob(STATE_KEY, p.tree.header().saveState())
    p.prefs.flush()
    again = panel(qtbot, path)
    assert not again.tree.isColumnHidden(Column.TITLE)
    assert again.prefs.blob(STATE_KEY) != QByteArray()


def test_a_scan_says_its_text_was_recognised_by_ocr_on_its_second_line(qtbot) -> None:
    import dataclasses

    from reader.ui.formatting import glance

    doc = make_document(make_doc_text(2))
    assert "OCR" not in glance(doc)
    assert glance(dataclasses.replace(doc, text_source="OCR")).endswith(" · text by OCR")
