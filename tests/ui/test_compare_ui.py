"""The comparison front end: the matrix model (checked by Qt's model tester, collapsing and
opening sub-themes, what cells say), the Compare panel on the corpus with the sample
annotations (filters, a cell's passages side by side, an empty state, a bad date), the
policy comparison, and the Agreement tab resolving a disagreement as a sample member."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from reader.annotations.identity import ID_KEY, NAME_KEY
from reader.model.compare import Matrix, MatrixFilter
from reader.ops import compare
from reader.settings import Settings
from reader.ui.models.agreement_models import AgreementModel, DisagreementModel, figure
from reader.ui.models.matrix_model import CELL_ROLE, MatrixModel
from reader.workspace import sample_annotations_dir
from tests.core.compare_fixtures import make_spaces
from tests.ui.gui_fixtures import wait_idle


@pytest.fixture
def sample_matrix(tmp_path: Path) -> Matrix:
    return compare.matrix(make_spaces(tmp_path)["maria"], MatrixFilter())


def test_the_matrix_model_passes_the_model_tester(qtmodeltester: Any,
                                                  sample_matrix: Matrix) -> None:
    model = MatrixModel()
    qtmodeltester.check(model)  # empty
    model.set_matrix(sample_matrix)
    qtmodeltester.check(model)
    top = [i for i in range(model.columnCount() - 1) if model.column(i).depth == 0]
    assert len(top) == model.columnCount() - 1 == 10  # sub-themes folded at first
    overdose = next(i for i in top if model.column(i).theme_id == "overdose-response")
    assert model.headerData(overdose, Qt.Orientation.Horizontal).startswith("\u25b8\u00a0")
    assert model.toggle(overdose)
    qtmodeltester.check(model)
    kids = [model.column(i).theme_id for i in range(overdose + 1, overdose + 4)]
    assert kids == ["good-samaritan", "naloxone", "drug-induced-homicide"]
    assert model.headerData(overdose, Qt.Orientation.Horizontal).startswith("\u25be\u00a0")
    assert not model.toggle(overdose + 1)  # a leaf has nothing to open
    model.expand_all()
    qtmodeltester.check(model)
    assert model.columnCount() - 1 == len(sample_matrix.columns)
    model.collapse_all()
    assert model.columnCount() == 11
    model.set_matrix(Matrix((), ()))
    qtmodeltester.check(model)


def test_matrix_cells_say_what_they_count_and_what_an_empty_one_means(
        sample_matrix: Matrix) -> None:
    model = MatrixModel()
    model.set_matrix(sample_matrix)
    heads = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    rows = {h.split("\n")[0]: r for r, h in enumerate(heads)}
    alder = rows["Alder declination memo"]
    assert heads[alder] == "Alder declination memo\nAlder County, PA \u00b7 2020"  # and year
    col = next(i for i in range(model.columnCount() - 1)
               if model.column(i).theme_id == "overdose-response")
    cell = model.index(alder, col)
    assert cell.data() == "3" and cell.data(CELL_ROLE).mix.neutral == 2
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("3 highlights on Overdose response in Alder declination memo: "
                          "1 supporting, 2 neutral")
    empty = model.index(rows["Tolliver scene policy"], next(
        i for i in range(model.columnCount() - 1)
        if model.column(i).theme_id == "treatment-coercion"))
    assert empty.data() == "\u2014"
    assert empty.data(Qt.ItemDataRole.ToolTipRole) == (
        "No one in the group marked a passage about Treatment and coercion in Tolliver "
        "scene policy (nor under any of its sub-themes).")
    total = model.index(alder, model.columnCount() - 1)
    assert total.data() == "5"


def test_the_agreement_models_pass_the_model_tester(qtmodeltester: Any,
                                                    tmp_path: Path) -> None:
    ws = make_spaces(tmp_path)["maria"]
    report = compare.agreement(ws)
    figures = AgreementModel()
    figures.set_rows([report.overall, *report.themes])
    qtmodeltester.check(figures)
    assert figures.index(0, 1).data() == figure(report.overall)
    assert figure(report.overall).startswith("\u03ba ")  # two people: Cohen's kappa
    found = DisagreementModel()
    found.set_items(compare.disagreements(ws))
    qtmodeltester.check(found)
    assert found.rowCount() and "\u201c" in found.index(0).data()


# -- the window, on the corpus with the sample annotations ---------------------------------
@pytest.fixture
def maya_window(qtbot: Any, window: Any, session: Any, settings: Settings,
                corpus_copy: Path) -> Iterator[Any]:
    """The window on the corpus with the three sample members' files, as Maya Okonkwo
    (one of them: her highlights are her own)."""
    settings.set(ID_KEY, "sample-maya-okonkwo")
    settings.set(NAME_KEY, "Maya Okonkwo")
    folder = corpus_copy / ".policy-reader" / "annotations"
    folder.mkdir(parents=True)
    for f in sample_annotations_dir().glob("*.json"):
        shutil.copy(f, folder / f.name)
    with qtbot.waitSignal(session.themes_loaded, timeout=60_000):
        session.open_workspace(corpus_copy)
    wait_idle(qtbot, session)
    qtbot.waitUntil(lambda: window.annotating.ctrl.is_loaded, timeout=30_000)
    yield window


def test_the_matrix_of_the_da_memos_and_a_cells_passages(qtbot: Any, maya_window: Any,
                                                         session: Any) -> None:
    cu = maya_window.comparing
    panel = cu.matrix_panel
    maya_window.findChild(type(cu.actions["memos"]), "action_compare_memos").trigger()
    assert cu.dock.isVisible() and panel.kind.currentData() == "memo"
    memos = sum(d.meta.kind == "memo" for d in session.documents())
    assert memos >= 4  # the corpus's DA memos (one of them a scan)
    qtbot.waitUntil(lambda: panel.model.rowCount() == memos, timeout=30_000)
    labels = [panel.model.headerData(r, Qt.Orientation.Vertical) for r in range(memos)]
    assert any(label.startswith("Declination of Simple Possession") for label in labels)
    assert f"{memos} documents" in panel.summary.text()
    # a full cell opens its passages side by side: one column per person
    model = panel.model
    r = next(i for i, lab in enumerate(labels) if lab.startswith("Declination"))
    c = next(i for i in range(model.columnCount() - 1)
             if model.column(i).theme_id == "decriminalization")
    with qtbot.waitSignal(panel.cell_activated):
        panel.table.clicked.emit(model.index(r, c))
    qtbot.waitUntil(lambda: len(panel.passages.columns) == 2, timeout=10_000)
    assert panel.passages_area.isVisible()
    assert "Decriminalization and declination in Declination" in panel.passages.heading.text()
    # rows by office: the two Alder memos are one row
    panel.group.setCurrentIndex(panel.group.findData("office"))
    panel.group.activated.emit(panel.group.currentIndex())
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=10_000)
    assert "3 offices" in panel.summary.text()
    # a date that is not one is said, and the matrix stays
    panel.since.setText("2020-13")
    panel.emit_filter()
    qtbot.waitUntil(lambda: panel.problem.isVisible(), timeout=10_000)
    assert "is not a date" in panel.problem.text() and panel.model.rowCount() == 3
    panel.since.setText("2023")  # the 2023 and 2024 memos: Brennan and Alder
    panel.emit_filter()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 and not panel.problem.isVisible(),
                    timeout=10_000)
    # nothing matches: a helpful sentence, not an empty grid
    panel.office.setText("Nowhere County")
    panel.emit_filter()
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.empty, timeout=10_000)
    assert "No document matches" in panel.empty.text()
    shot = Path(session.workspace.root).parent / "matrix.png"
    cu.dock.grab().save(str(shot))
    assert shot.stat().st_size > 1000


def test_the_policy_comparison_sets_memos_side_by_side(qtbot: Any, maya_window: Any,
                                                       session: Any) -> None:
    cu = maya_window.comparing
    cu.show_comparison()
    view = cu.comparison
    qtbot.waitUntil(lambda: view.docs.count() > 0, timeout=30_000)
    memos = [d.id for d in session.documents() if d.meta.kind == "memo"]
    view.choose(memos[:1], [])
    assert not view.button.isEnabled() and "Choose 2 to 6" in view.hint.text()
    view.choose(memos, ["overdose-response", "decriminalization"])
    assert view.button.isEnabled()
    view.button.click()
    qtbot.waitUntil(lambda: len(view.sections) == 2, timeout=10_000)
    first = view.sections[0]
    assert len(first.columns) == len(memos)
    texts = [w.findChild(type(first.heading), "emptyColumn") for w in first.columns]
    assert any(t is not None and "says nothing the group marked about" in t.text()
               for t in texts)


def test_resolving_a_disagreement_from_the_agreement_tab(qtbot: Any, maya_window: Any,
                                                         session: Any) -> None:
    cu = maya_window.comparing
    panel = cu.agreement
    cu.show_agreement()
    assert panel.all_documents()  # no document open: all of them
    qtbot.waitUntil(lambda: panel.model.rowCount() == 10, timeout=30_000)
    assert panel.figures.rowCount() > 1 and "3 people" in panel.summary.text()
    assert panel.figures.index(0, 1).data().startswith("\u03b1 ")  # three people: alpha
    # walk to the stance disagreement on "Prosecution did not reduce those deaths."
    target = next(i for i, d in enumerate(panel.model.items)
                  if d.kind.value == "stance" and "did not reduce" in d.quote)
    panel.list.setCurrentIndex(panel.model.index(0))
    for _ in range(target):
        panel.next_button.click()
    d = panel.current()
    assert d is not None and "did not reduce" in d.quote
    assert "Dev Ramaswamy" in panel.what.text() and "Neutral or unclear" in panel.what.text()
    assert panel.buttons["adopt"].isVisible() and panel.buttons["withdraw"].isVisible()
    assert not panel.buttons["copy"].isVisible()
    hid = next(h for h in d.highlights if session.workspace.annotations().get(h).author.id
               == "sample-maya-okonkwo")
    panel.buttons["adopt"].click()  # take Dev's stance on Maya's highlight
    qtbot.waitUntil(lambda: panel.model.rowCount() == 9, timeout=10_000)
    store = session.workspace.annotations()
    assert store.get(hid).stance.value == "neutral"
    assert "Use their reading" in maya_window.status.currentMessage()
    panel.show_resolved.setChecked(True)
    assert panel.model.rowCount() == 9  # adopting made it go away (not "resolved")
    maya_window.annotating.ctrl.undo_stack.undo()
    assert store.get(hid).stance.value == "supports"
    cu.refresh_agreement()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 10, timeout=10_000)
    # agree to differ: a reply settles it; it stays listed as resolved
    panel.list.setCurrentIndex(panel.model.index(0))
    first = panel.current()
    assert first is not None
    panel.differ_text.setText("Both readings stand.")
    panel.buttons["differ"].click()
    qtbot.waitUntil(lambda: "9 to resolve, 1 resolved" in panel.count.text(),
                    timeout=10_000)
    assert any(d.resolved and d.key == first.key for d in panel.model.items)
    # show in text opens the passage
    panel.list.setCurrentIndex(panel.model.index(panel.model.row_of(first.key)))
    panel.show_button.click()
    qtbot.waitUntil(lambda: maya_window.area.current_tab() is not None
                    and maya_window.area.current_tab().doc_id == first.doc_id,
                    timeout=20_000)
    wait_idle(qtbot, session)
