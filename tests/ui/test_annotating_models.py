"""The annotation models under ``qtmodeltester``, and the small parts on their own: marks,
counts, the folder watcher, the import plan for garbage files, the theme picker's filter."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt

from reader.annotations.taxonomy import taxonomy_from
from reader.annotations.theme_counts import ThemeCounter
from reader.model.annotations import (
    Anchor,
    AnchorStatus,
    Author,
    Highlight,
    Placed,
    Stance,
    TextQuote,
    Theme,
)
from reader.ui.annotating.watcher import FolderWatcher
from reader.ui.highlight_marks import MarkBuilder, initials, theme_color
from reader.ui.models.annotations_model import (
    KIND_ROLE,
    ORPHANS_HEADER,
    STANCE_ROLE,
    AnnotationListModel,
    Filters,
    passage_rows,
    sidebar_rows,
)
from reader.ui.models.themes_model import UNKNOWN_ROLE, ThemesModel
from reader.ui.widgets.theme_picker import ThemePicker

ME = Author("me0000000000000000000001", "Maria G")
DANA = Author("da0000000000000000000002", "Dana R")
T = datetime(2025, 1, 2, 3, 4, tzinfo=UTC)
TAX = taxonomy_from([
    Theme("overdose", "Overdose response", "#ffd54f"),
    Theme("naloxone", "Naloxone access", "#81d4fa", parent="overdose"),
    Theme("good-sam", "Good Samaritan", "#a5d6a7", parent="overdose"),
    Theme("records", "Criminal records", "#f48fb1"),
], {"old-naloxone": "naloxone"}, ["naloxone", "records"])


def _placed(n: int, *, themes: tuple[str, ...] = (), author: Author = ME,
            orphan: bool = False, stance: Stance | None = None, note: str = "") -> Placed:
    h = Highlight(f"urn:uuid:{n:08d}", "d" * 64, "memo.txt", n * 10, n * 10 + 5,
                  TextQuote(f"words {n}"), author, T, T, themes=themes, stance=stance,
                  note=note)
    anchor = Anchor(AnchorStatus.ORPHANED) if orphan else \
        Anchor(AnchorStatus.ANCHORED, h.start, h.end, "3", "", h.doc_id)
    return Placed(h, anchor)


PLACED = [
    _placed(1, themes=("naloxone", "records"), stance=Stance.SUPPORTS, note="A note"),
    _placed(2, themes=("old-naloxone",), author=DANA),
    _placed(3, themes=("from-elsewhere",)),
    _placed(4, orphan=True, stance=Stance.OPPOSES),
]


def test_annotation_list_model(qtbot, qtmodeltester) -> None:
    model = AnnotationListModel()
    model.set_context(TAX, ME.id)
    model.set_rows(sidebar_rows(PLACED))
    qtmodeltester.check(model)
    kinds = [model.index(r).data(KIND_ROLE) for r in range(model.rowCount())]
    assert kinds == ["item", "item", "item", "header", "item"]
    assert model.index(3).data().startswith(ORPHANS_HEADER)
    assert not model.flags(model.index(3)) & Qt.ItemFlag.ItemIsSelectable
    assert model.index(0).data(STANCE_ROLE) == "supports"
    text = model.index(1).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Naloxone access" in text and "Dana R" in text  # a merged id shows its theme
    assert "from-elsewhere (unknown)" in model.index(2).data(Qt.ItemDataRole.AccessibleTextRole)
    # the same rows again: updated in place (no reset: the selection stays)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_rows(sidebar_rows(PLACED))
    assert resets == []
    model.set_rows(passage_rows([("d" * 64, "A memo", PLACED[:2])]))
    qtmodeltester.check(model)
    assert resets == [1] and model.index(0).data() == "A memo (2)"


def test_sidebar_filters() -> None:
    assert len(sidebar_rows(PLACED, Filters(themes=TAX.matching("overdose")))) == 2
    assert [r.placed.highlight.author for r in sidebar_rows(PLACED, Filters(
        author_id=DANA.id))] == [DANA]
    rows = sidebar_rows(PLACED, Filters(stance=Stance.OPPOSES))
    assert [r.kind for r in rows] == ["header", "item"]
    assert len(sidebar_rows(PLACED, Filters(no_stance=True))) == 2
    assert len(sidebar_rows(PLACED, hidden=frozenset({DANA.id}))) == 4


def test_themes_model(qtbot, qtmodeltester) -> None:
    model = ThemesModel()
    counter = ThemeCounter(TAX)
    highlights = [p.highlight for p in PLACED]
    everywhere = counter.count(highlights)
    unknown = counter.unknown(highlights)
    assert everywhere["overdose"] == 2 and everywhere["naloxone"] == 2
    assert everywhere["records"] == 1 and unknown == {"from-elsewhere": 1}
    model.set_taxonomy(TAX, unknown)
    model.set_counts({"naloxone": 1}, everywhere, unknown)
    qtmodeltester.check(model)
    root = model.index_of("overdose")
    assert model.rowCount(root) == 2
    assert model.index_of("naloxone").siblingAtColumn(2).data() == "2"
    assert model.index_of("naloxone").siblingAtColumn(1).data() == "1"
    group = model.index(model.rowCount() - 1, 0)
    assert group.data() == "Unknown themes" and group.data(UNKNOWN_ROLE)
    assert model.theme_id(model.index(0, 0, group)) == "from-elsewhere"
    assert "favourite key 1" in model.index_of("naloxone").data(
        Qt.ItemDataRole.AccessibleTextRole)
    renames = []
    model.rename_requested.connect(lambda tid, label: renames.append((tid, label)))
    assert model.setData(model.index_of("records"), "  Records  and  expungement ") is False
    assert renames == [("records", "Records and expungement")]
    assert not model.flags(model.index(0, 0, group)) & Qt.ItemFlag.ItemIsEditable
    moves = []
    model.move_requested.connect(lambda *a: moves.append(a))
    data = model.mimeData([model.index_of("records")])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, group)
    model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, root)
    assert moves == [("records", "overdose", 1)]


def test_marks_colours_cues_and_initials(qtbot) -> None:
    builder = MarkBuilder(TAX, ME.id, hidden=frozenset({"nobody"}))
    marks = builder.marks(PLACED)
    assert [m.key for m in marks] == [p.highlight.id for p in PLACED[:3]]  # no orphan
    mine, theirs = marks[0], marks[1]
    assert mine.style.background.name() == "#81d4fa"  # the first theme's colour
    assert mine.style.underline != theirs.style.underline  # solid for mine, dashed
    assert mine.style.margin is not None and mine.style.margin_symbol == "+"
    assert builder.marks(PLACED)[0].style is mine.style  # styles are shared
    assert theme_color(TAX, ("from-elsewhere",), "#123456") == "#123456"
    assert MarkBuilder(TAX, ME.id, hidden=frozenset({DANA.id})).marks(PLACED)[1].key != \
        PLACED[1].highlight.id
    assert initials("Maria Gómez") == "MG" and initials("Reader 3f2a") == "R3"
    assert initials("dana") == "DA" and initials("  ") == "?"


def test_picker_filters_and_marks_chosen(qtbot) -> None:
    picker = ThemePicker()
    qtbot.addWidget(picker)
    picker.set_themes(TAX, {"old-naloxone"})
    assert picker.chosen == {"naloxone"}
    picker.edit.setText("records")
    assert picker.tree.currentIndex().data().startswith("Criminal records")
    assert not picker.create_button.isVisible()
    toggled = []
    picker.toggled.connect(toggled.append)
    picker._enter()
    assert toggled == ["records"]
    picker.edit.setText("no such theme")
    assert picker.proxy.rowCount() == 0 and not picker.create_button.isHidden()


def test_picker_filter_model_is_a_sound_item_model(qtbot, qtmodeltester) -> None:
    picker = ThemePicker()
    qtbot.addWidget(picker)
    picker.set_themes(TAX, {"naloxone"})
    qtmodeltester.check(picker.proxy)
    picker.edit.setText("rec")  # filtered: parents of matching children stay
    qtmodeltester.check(picker.proxy)


def test_watcher_sees_new_and_changed_files(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / ".policy-reader" / "annotations"
    themes = tmp_path / ".policy-reader" / "themes.json"
    watcher = FolderWatcher()
    fired: list[int] = []
    watcher.changed.connect(lambda: fired.append(1))
    watcher.watch(folder, themes)
    assert str(tmp_path) in watcher.watched()  # the nearest folder that exists

    def step(action) -> None:
        # a burst from the step before has fired its own signal
        qtbot.waitUntil(lambda: not watcher._debounce.isActive(), timeout=5000)
        before = len(fired)
        action()
        qtbot.waitUntil(lambda: len(fired) > before, timeout=5000)

    step(lambda: folder.mkdir(parents=True))
    qtbot.waitUntil(lambda: str(folder) in watcher.watched(), timeout=5000)
    step(lambda: (folder / "abc.json").write_text("{}", "utf-8"))
    qtbot.waitUntil(lambda: str(folder / "abc.json") in watcher.watched(), timeout=5000)
    step(lambda: (folder / "abc.json").write_text('{"changed": true}', "utf-8"))
    step(lambda: themes.write_text("{}", "utf-8"))
    watcher.stop()
    assert watcher.watched() == []
