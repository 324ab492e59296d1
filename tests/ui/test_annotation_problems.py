"""Annotate → Annotation File Problems…: a damaged colleague's file is described in a
sentence, and changes to your highlights held aside (a copy of your file dated in the
future) are listed and applied only when chosen — in the window, without the CLI."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import QApplication

from reader.annotations.w3c_write import encode_collection, encode_highlight
from reader.model.annotations import now_utc
from reader.workspace import Workspace
from tests.ui.annotating_fixtures import Env


def _dialog() -> Any:
    from reader.ui.annotating.problems_dialog import AnnotationProblemsDialog

    found = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, AnnotationProblemsDialog) and w.isVisible()]
    assert len(found) == 1
    return found[0]


def test_held_changes_are_listed_and_applied_from_the_window(memo_env: Env) -> None:
    env = memo_env
    start, end = env.span("officers responding to an overdose")
    keep = env.ctrl.create(env.tab().doc.id, start, end, note="mine")
    store = env.ctrl.store
    store.save()
    folder = env.root / ".policy-reader" / "annotations"
    me = env.ctrl.me
    later = now_utc() + timedelta(days=365)
    copy = folder / f"{me.id} (1).json"
    copy.write_bytes(encode_collection(me, [encode_highlight(
        replace(keep, deleted=True, note="", modified=later))], modified=now_utc()))
    (folder / "colleague.json").write_text("{ this is not json", "utf-8")
    store.reload()
    assert not store.get(keep.id).deleted  # held aside, not applied

    action = env.ui.actions["problems"]
    assert action.isEnabled() and action.text() == "Annotation File &Problems…"
    action.trigger()
    dialog = _dialog()
    env.qtbot.waitExposed(dialog)
    assert "colleague.json" in dialog.problems.toPlainText()
    assert "held aside" not in dialog.problems.toPlainText()  # listed below instead
    assert dialog.held.topLevelItemCount() == 1
    row = dialog.held.topLevelItem(0)
    assert row.text(0) == "officers responding to an overdose" and row.text(1) == "Delete it"
    assert row.text(3) == copy.name
    assert "1 change(s) to your highlights held aside" in dialog.summary.text()
    assert not dialog.apply_selected.isEnabled()  # nothing chosen yet

    row.setSelected(True)
    assert dialog.apply_selected.isEnabled()
    dialog.apply_selected.click()
    assert store.get(keep.id).deleted  # applied as your own edit, and saved
    assert dialog.held.topLevelItemCount() == 0 and not dialog.held.isVisible()
    assert "held aside" not in dialog.summary.text()
    fresh = Workspace.open(env.root, settings=env.session.settings).annotations()
    assert fresh.get(keep.id).deleted and fresh.held() == ()  # in your file, not re-held
    dialog.close()


def test_no_problems_says_so(memo_env: Env) -> None:
    memo_env.ui.actions["problems"].trigger()
    dialog = _dialog()
    assert dialog.summary.text() == "No problems with the annotation files."
    assert not dialog.problems.isVisible() and not dialog.held.isVisible()
    dialog.close()
