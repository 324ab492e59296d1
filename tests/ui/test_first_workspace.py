"""A new person's first minutes in the window: a workspace folder that does not exist
(offered to be created), an empty workspace (Import and the sample documents), no
workspace at all (the welcome panel's Import picks one first), and a file imported twice."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton

from reader.ui import messages
from tests.conftest import CORPUS
from tests.ui.gui_fixtures import wait_idle

MEMO = CORPUS / "memos" / "alder-county-2020-declination-memo.pdf"


def offer_box(window) -> QMessageBox:
    return next(b for b in window.findChildren(QMessageBox)
                if b.objectName() == "offerBox" and b.isVisible())


def test_a_missing_workspace_folder_is_offered_to_be_created(qtbot, window, session,
                                                             tmp_path: Path) -> None:
    messages.HISTORY.clear()
    target = tmp_path / "study group" / "2025"
    assert not window.open_workspace(target)
    shown = messages.HISTORY[-1]
    assert shown.kind == "question" and f"{target} does not exist" in shown.text
    box = offer_box(window)
    buttons = {b.text(): b for b in box.findChildren(QPushButton)}
    assert {"Create Folder", "Choose Another Folder…", "Cancel"} <= set(buttons)
    assert box.defaultButton() is buttons["Create Folder"]
    with qtbot.waitSignal(session.themes_loaded, timeout=60_000):  # background work began
        buttons["Create Folder"].click()
    qtbot.waitUntil(lambda: session.library_checked, timeout=60_000)
    wait_idle(qtbot, session)
    assert target.is_dir() and session.workspace.root == target.resolve()
    assert window.windowTitle().endswith("2025")


def test_cancel_creates_nothing(qtbot, window, session, tmp_path: Path) -> None:
    target = tmp_path / "typo"
    window.open_workspace(target)
    box = offer_box(window)
    next(b for b in box.findChildren(QPushButton) if b.text() == "Cancel").click()
    assert not target.exists() and session.workspace is None


def test_an_empty_workspace_offers_import_and_the_samples(qtbot, window, session,
                                                         workspace_dir: Path,
                                                         tmp_path: Path) -> None:
    library, welcome = window.library, window.area.welcome
    with qtbot.waitSignal(session.themes_loaded, timeout=60_000):
        window.open_workspace(workspace_dir)
    qtbot.waitUntil(lambda: session.library_checked, timeout=60_000)
    wait_idle(qtbot, session)
    assert library.pages.currentWidget() is library.empty
    assert library.empty.import_button.isVisible() and library.empty.samples_button.isVisible()
    assert "no documents yet" in library.empty.text.text()
    assert welcome.samples_button.isVisible()
    assert not welcome.library_button.isEnabled()
    library.grab().save(str(tmp_path / "empty-library.png"))
    window.grab().save(str(tmp_path / "empty-window.png"))

    library.empty.samples_button.click()  # what a person does to look around first
    qtbot.waitUntil(lambda: len(session.documents()) >= 20, timeout=120_000)
    wait_idle(qtbot, session)
    assert library.pages.currentWidget() is library.tree
    assert (workspace_dir / "memos" / MEMO.name).is_file()
    assert not welcome.samples_button.isVisible() and welcome.library_button.isEnabled()


def test_without_a_workspace_import_picks_a_workspace_first(qtbot, window, session,
                                                            monkeypatch) -> None:
    assert session.workspace is None
    welcome = window.area.welcome
    assert welcome.import_button.text() == "Choose a Workspace…"
    assert not window.actions_.all["import_files"].isEnabled()
    assert window.library.pages.currentWidget() is window.library.empty
    assert window.library.empty.choose_button.isVisible()
    asked: list[str] = []
    monkeypatch.setattr(window.workspace_actions, "open_workspace_dialog",
                        lambda: asked.append("workspace"))
    monkeypatch.setattr("reader.ui.window.workspace_actions.QFileDialog.getOpenFileNames",
                        lambda *a, **k: asked.append("files") or ([], ""))
    window.workspace_actions.import_dialog()  # what the welcome panel's button reaches
    assert asked == ["workspace"]  # never a file dialog whose files had nowhere to go


def test_importing_a_file_twice_says_it_is_already_in_the_library(qtbot, window, session,
                                                                  workspace_dir: Path,
                                                                  tmp_path: Path) -> None:
    shutil.copy(MEMO, workspace_dir / MEMO.name)
    with qtbot.waitSignal(session.themes_loaded, timeout=60_000):
        window.open_workspace(workspace_dir)
    qtbot.waitUntil(lambda: bool(session.documents()), timeout=60_000)
    wait_idle(qtbot, session)
    title = session.documents()[0].title
    copy = tmp_path / "Downloads" / "memo (1).pdf"
    copy.parent.mkdir()
    shutil.copy(MEMO, copy)
    messages.HISTORY.clear()
    with qtbot.waitSignal(session.import_finished, timeout=60_000):
        window.import_paths([copy])
    shown = messages.HISTORY[-1]
    assert shown.title == "Import summary"
    assert f"memo (1).pdf: already in the library as “{title}” ({MEMO.name})" in shown.details
    assert "already in the library" in window.status.currentMessage()
    assert sorted(p.name for p in workspace_dir.glob("*.pdf")) == [MEMO.name]
