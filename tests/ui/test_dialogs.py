"""Dialogs and panels a new person meets first: nothing clipped, nothing said twice, no
sentence ending in "..".

(Every dialog's labels are checked with :func:`reader.ui.dialog_size.clipped_labels`.)"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QLabel

from reader.model.documents import DocStatus
from reader.ui.dialog_size import clipped_labels
from reader.ui.widgets.author_dialog import AuthorDialog
from tests.conftest import FIXTURES
from tests.ui.gui_fixtures import wait_idle


def test_the_first_highlight_name_dialog_shows_all_its_text(qtbot, tmp_path: Path) -> None:
    for first in (True, False):
        d = AuthorDialog("", first_time=first)
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        assert clipped_labels(d) == []
        d.edit.setText("   ")
        d._accept()  # an empty name: the reason is shown under the field, not clipped
        assert d.problem.isVisible() and d.problem.text()
        qtbot.waitUntil(lambda d=d: clipped_labels(d) == [])
        d.grab().save(str(tmp_path / f"author-{first}.png"))


def test_the_highlights_panel_does_not_repeat_its_dock_title(qtbot, window) -> None:
    sidebar = window.annotating.sidebar
    dock = window.annotating.sidebar_dock
    assert dock.windowTitle() == "Highlights"
    assert sidebar.summary.text() != dock.windowTitle()


def test_a_password_protected_pdf_is_explained_in_one_sentence(qtbot, window, session,
                                                               workspace_dir: Path) -> None:
    shutil.copy(FIXTURES / "pdf" / "password_required.pdf", workspace_dir / "locked.pdf")
    with qtbot.waitSignal(session.documents_changed, timeout=60_000):
        session.open_workspace(workspace_dir)
    qtbot.waitUntil(lambda: bool(session.documents()), timeout=60_000)
    wait_idle(qtbot, session)
    doc = session.documents()[0]
    assert doc.status is DocStatus.PASSWORD
    assert doc.status_line.endswith("needs a password.") and ".." not in doc.status_line
    window.open_document(doc.id)  # asks for the password, in sentences that end once
    dialog = window.pages.password_dialog
    assert dialog is not None and dialog.isVisible()
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert texts and not any(".." in t for t in texts)
    assert clipped_labels(dialog) == []
    dialog.reject()
