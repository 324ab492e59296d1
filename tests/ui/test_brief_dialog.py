"""File → Export Brief…: the dialog over a copy of the corpus with highlights made through
the annotation store by two annotators — filters, live count and preview, export to every
format (read back), remembered choices, damaged settings, and destinations that fail."""

from __future__ import annotations

import csv
import io
import os
import re
import threading
from pathlib import Path

import docx
import pytest
from pdfminer.high_level import extract_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QMessageBox,
    QTreeWidget,
)

from reader.errors import AnnotationError, Cancelled
from reader.export.options import BriefOptions, GroupBy
from reader.model.annotations import Stance
from reader.settings import Settings
from reader.ui import messages, tasks
from reader.ui.widgets import brief_dialog
from reader.ui.widgets.brief_data import KEY_FOLDER, KEY_FORMAT, KEY_OPTIONS
from reader.ui.widgets.brief_dialog import BriefDialog
from reader.workspace import Workspace

MAYA, DEV = "Maya Okonkwo", "Dev Ramaswamy"
#: (document path, words of the passage, themes, stance, note, annotator) — 9 passages in
#: 7 documents under 8 themes (6 root themes), by two annotators
PASSAGES = (
    ("memos/alder-county-2020-declination-memo.pdf",
     "the Office will decline to file those charges", ["non-prosecution-possession"],
     "supports", "The core commitment — ask about **overrides**.", MAYA),
    ("memos/alder-county-2020-declination-memo.pdf",
     "Quantity alone is not evidence of intent to deliver", ["charging-policy"], "supports",
     "", DEV),
    ("statutes/pa-overdose-response-and-immunity-act-2018.pdf",
     "shall not be arrested, charged, prosecuted or convicted", ["good-samaritan"],
     "supports", "Covers arrest, not only prosecution.", MAYA),
    ("statutes/pa-overdose-response-and-immunity-act-2018.pdf",
     "Any person may possess an opioid antagonist", ["naloxone"], "supports", "", DEV),
    ("memos/tolliver-county-2021-overdose-scene-policy.pdf",
     "reserve the most serious charges available in drug-death cases",
     ["drug-induced-homicide"], "opposes", "", DEV),
    ("memos/brennan-county-2023-treatment-conditions-directive.pdf",
     "A bed in a residential program is a scarce medical resource", ["mandated-treatment"],
     "supports", "Maya Okonkwo checked the figures.", MAYA),
    ("articles/opinion-declining-to-prosecute-is-not-a-plan.md",
     "a policy that simply removes consequences is not a plan",
     ["non-prosecution-possession"], "opposes", "The argument we will hear.", DEV),
    ("articles/alder-pathways-deflection-two-years.md", "I come here because I want to.",
     ["autonomy"], None, "", MAYA),
    ("reports/keystone-beyond-the-arrest-2025.pdf",
     "Equity does not follow automatically from leniency", ["enforcement-disparities"],
     "neutral", "", DEV),
)
EXACT: dict[str, str] = {}  # words → the exact quote stored


def _prepare(path: Path, settings: Settings, home: Path) -> None:
    """Read the corpus copy and highlight PASSAGES as Maya (the person at the computer,
    ``settings``) and Dev, before any window opens it: no file changes while a test's
    windows watch the workspace."""
    ws = Workspace.open(path, settings=settings)
    ws.library().update()
    other = Workspace.open(ws.root, settings=Settings(home / "dev.json"))
    stores = {MAYA: ws.annotations(), DEV: other.annotations()}
    stores[MAYA].set_author_name(MAYA)
    stores[DEV].set_author_name(DEV)
    by_path = {d.path: d for d in ws.library().documents()}
    for path, words, themes, stance, note, who in PASSAGES:
        doc = by_path[path]
        text = ws.library().text(doc.id).text
        m = re.search(r"\s+".join(re.escape(w) for w in words.split()), text)
        assert m, words
        h = stores[who].create(doc.id, m.start(), m.end(), themes=themes, stance=stance,
                               note=note)
        EXACT[words] = h.quote.exact
    for store in stores.values():
        store.save()


def _open_workspace(qtbot, the_session, path: Path) -> Workspace:
    """Open without re-reading, and wait for the session's delayed background start (so no
    task of this test's session starts during the next test)."""
    with qtbot.waitSignal(the_session.themes_loaded, timeout=30_000):
        ws = the_session.open_workspace(path, refresh=False)
    qtbot.waitUntil(the_session.runner.idle, timeout=30_000)
    return ws


@pytest.fixture
def ws_session(qtbot, session, corpus_copy, user_home):
    """The session on a copy of the corpus (read, not indexed) with 9 highlights."""
    _prepare(corpus_copy, session.settings, user_home)
    _open_workspace(qtbot, session, corpus_copy)
    return session


@pytest.fixture(autouse=True)
def _close_messages():
    """Messages a test left open (results, errors) are closed after it."""
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.done(0)


def _open(qtbot, the_session, parent=None) -> BriefDialog:
    dialog = BriefDialog(the_session, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.ready, timeout=30_000)
    return dialog


def _settle(qtbot, dialog: BriefDialog) -> None:
    qtbot.waitUntil(dialog.ready, timeout=30_000)


def _preview_text(dialog: BriefDialog) -> str:
    return " ".join(dialog.preview.browser.toPlainText().split())


# -- opening, count and preview ----------------------------------------------------------
def test_file_menu_opens_the_dialog_with_the_highlights(qtbot, window, corpus_copy,
                                                        user_home) -> None:
    _prepare(corpus_copy, window.session.settings, user_home)
    _open_workspace(qtbot, window.session, corpus_copy)
    action = window.actions_.export_brief
    assert action.text() == "&Export Brief…"
    assert action in window.menuBar().actions()[0].menu().actions()
    action.trigger()
    dialog = window.findChild(BriefDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    qtbot.waitUntil(dialog.ready, timeout=30_000)
    assert dialog.preview.count.text() == "9 passages from 7 documents under 8 themes"
    text = _preview_text(dialog)
    assert "Briefing packet" in text
    assert " ".join(EXACT["Quantity alone is not evidence of intent to deliver"].split()) in text
    filters = dialog.form.filters
    assert len(filters.documents.ids()) == 7
    assert {filters.authors.topLevelItem(i).text(0)
            for i in range(filters.authors.topLevelItemCount())} == {MAYA, DEV}
    themes = filters.themes
    assert themes.ids()[0] == "decriminalization" and len(themes.ids()) > 30
    assert themes._items["decriminalization"].text(1) == "3"  # tagged with its sub-themes
    assert dialog.export_button.isEnabled()
    # a second trigger brings back the open dialog, no second one
    action.trigger()
    assert len([d for d in window.findChildren(BriefDialog) if d.isVisible()]) == 1
    dialog.reject()
    assert not dialog.isVisible()
    window.close()  # stops the window's own background work before the next test
    qtbot.waitUntil(window.session.runner.idle, timeout=30_000)


def test_filters_update_the_count_and_the_preview(qtbot, ws_session) -> None:
    dialog = _open(qtbot, ws_session)
    filters = dialog.form.filters
    filters.themes.set_checked(["overdose-response"])
    _settle(qtbot, dialog)
    assert dialog.preview.count.text() == "3 passages from 2 documents under 3 themes"
    text = _preview_text(dialog)
    assert "Overdose response" in text
    assert EXACT["Any person may possess an opioid antagonist"] in text
    assert EXACT["the Office will decline to file those charges"] not in text
    assert filters.summaries["themes"].text().startswith("1 of ")
    # narrow by annotator, then by stance
    dev = next(i for i in filters.authors.ids()
               if filters.authors._items[i].text(0) == DEV)
    filters.authors.set_checked([dev])
    _settle(qtbot, dialog)
    assert dialog.preview.count.text().startswith("2 passages from 2 documents")
    filters.stance_boxes[Stance.OPPOSES].setChecked(True)
    _settle(qtbot, dialog)
    assert dialog.preview.count.text().startswith("1 passage from 1 document")
    assert dialog.form.options().stances == (Stance.OPPOSES,)
    # ticking a parent in the tree ticks its sub-themes and stands for them
    filters.themes.clear_checks()
    filters.authors.clear_checks()
    filters.stance_boxes[Stance.OPPOSES].setChecked(False)
    item = filters.themes._items["treatment-coercion"]
    item.setCheckState(0, Qt.CheckState.Checked)
    assert filters.themes._items["mandated-treatment"].checkState(0) == Qt.CheckState.Checked
    assert filters.themes.checked() == ["treatment-coercion"]
    _settle(qtbot, dialog)
    assert dialog.preview.count.text().startswith("1 passage from 1 document")
    # grouping by document changes the preview's headings
    dialog.form.layout_page.group_buttons[GroupBy.DOCUMENT].setChecked(True)
    _settle(qtbot, dialog)
    assert "Treatment Conditions in Charging" in _preview_text(dialog)


def test_nothing_matching_disables_export_with_a_clear_message(qtbot, ws_session) -> None:
    dialog = _open(qtbot, ws_session)
    dialog.form.filters.themes.set_checked(["drug-courts"])
    _settle(qtbot, dialog)
    assert dialog.preview.is_empty()
    assert dialog.preview.count.text() == "No passages"
    assert "No passage matches" in dialog.preview.empty_title.text()
    assert "None of the 9 highlights is under Drug courts" in dialog.preview.empty_text.text()
    assert not dialog.export_button.isEnabled()
    assert dialog.export_to(ws_session.workspace.root / "x.pdf") is not None  # tried anyway
    qtbot.waitUntil(lambda: not dialog.bar.busy, timeout=10_000)
    assert messages.HISTORY[-1].title == "Cannot export the brief"
    assert not (ws_session.workspace.root / "x.pdf").exists()
    # the way out
    dialog.preview.clear_button.click()
    _settle(qtbot, dialog)
    assert not dialog.preview.is_empty()
    assert dialog.export_button.isEnabled()


def test_a_workspace_without_highlights_says_so(qtbot, session, corpus_copy) -> None:
    _open_workspace(qtbot, session, corpus_copy)
    dialog = _open(qtbot, session)
    assert dialog.preview.is_empty()
    assert "no highlights yet" in dialog.preview.empty_title.text()
    assert dialog.preview.clear_button.isHidden()
    assert not dialog.export_button.isEnabled()


@pytest.mark.parametrize(("papersize", "shown"), [("letter", "letter"), ("a4", "a4")])
def test_a_first_brief_starts_on_the_locale_paper(qtbot, session, corpus_copy, monkeypatch,
                                                  papersize: str, shown: str) -> None:
    monkeypatch.setenv("PAPERSIZE", papersize)  # (the locale's paper: tests/core/test_paper_size)
    _open_workspace(qtbot, session, corpus_copy)
    dialog = _open(qtbot, session)
    assert dialog.form.layout_page.page_box.currentData() == shown


# -- export ----------------------------------------------------------------------------
def _export(qtbot, dialog: BriefDialog, path: Path):
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        assert dialog.export_to(path) is not None
    return blocker.args[0]


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "md", "csv"])
def test_export_writes_a_readable_file(qtbot, ws_session, tmp_path, fmt) -> None:
    dialog = _open(qtbot, ws_session)
    dialog.form.layout_page.set_fmt(fmt)
    dialog.form.cover.edits["title"].setText("Possession and overdose — für alle")
    _settle(qtbot, dialog)
    result = _export(qtbot, dialog, tmp_path / "brief")  # the extension follows the format
    target = tmp_path / f"brief.{fmt}"
    assert result.path == target and target.is_file() and result.quotes == 9
    data = target.read_bytes()
    quotes = [_norm(q) for q in EXACT.values()]
    if fmt == "pdf":
        text = _norm(extract_text(io.BytesIO(data)))
    elif fmt == "docx":
        text = _norm(" ".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs))
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        assert len(rows) == 9
        text = _norm(" ".join(r["quote"] for r in rows))
    else:
        import html

        text = _norm(html.unescape(data.decode("utf-8")))
    for quote in quotes:
        assert quote in text, quote
    if fmt != "csv":
        assert "Possession and overdose — für alle" in text
    # reported, with a way to open the file; the dialog closes
    shown = messages.HISTORY[-1]
    assert shown.title == "Brief exported" and target.name in shown.text
    assert not dialog.isVisible()


def test_result_message_opens_the_file_and_the_folder(qtbot, ws_session, tmp_path,
                                                      monkeypatch) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(brief_dialog, "open_path", lambda p: opened.append(p) or True)
    dialog = _open(qtbot, ws_session)
    dialog.form.layout_page.set_fmt("md")
    _export(qtbot, dialog, tmp_path / "notes.markdown")
    box = dialog.result_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.objectName() == "resultBox"
    assert "9 passages from 7 documents" in box.informativeText()
    buttons = {b.text().replace("&", ""): b for b in box.buttons()}
    assert {"Open File", "Open Folder"} <= set(buttons)
    buttons["Open Folder"].click()
    assert opened == [tmp_path] and not box.isVisible()
    assert not (tmp_path / "notes.markdown.md").exists()  # .markdown is Markdown already


def test_a_typed_extension_decides_the_format(qtbot, ws_session, tmp_path) -> None:
    dialog = _open(qtbot, ws_session)
    assert dialog.form.fmt() == "pdf"
    result = _export(qtbot, dialog, tmp_path / "brief.csv")
    assert result.format == "csv" and (tmp_path / "brief.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    assert ws_session.settings.get(KEY_FORMAT) == "csv"
    assert ws_session.settings.get(KEY_FOLDER) == str(tmp_path)


def test_a_missing_folder_shows_an_error_and_nothing_breaks(qtbot, ws_session,
                                                            tmp_path) -> None:
    dialog = _open(qtbot, ws_session)
    task = dialog.export_to(tmp_path / "no-such-folder" / "brief.pdf")
    assert task is not None and not dialog.form.isEnabled()
    qtbot.waitUntil(lambda: not dialog.bar.busy, timeout=10_000)
    shown = messages.HISTORY[-1]
    assert shown.kind == "error" and shown.title == "Cannot export the brief"
    assert "does not exist" in shown.text
    assert dialog.isVisible() and dialog.form.isEnabled() and dialog.export_button.isEnabled()
    assert dialog.bar.status.text() == "The brief was not exported."
    assert not (tmp_path / "no-such-folder").exists()
    # a file where the folder should be
    (tmp_path / "plain.txt").write_text("x")
    dialog.export_to(tmp_path / "plain.txt" / "brief.pdf")
    qtbot.waitUntil(lambda: not dialog.bar.busy, timeout=10_000)
    assert "is not a folder" in messages.HISTORY[-1].text
    # and the dialog still exports afterwards
    assert _export(qtbot, dialog, tmp_path / "ok.html").path.is_file()


def test_a_read_only_folder_shows_an_error(qtbot, ws_session, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "brief.pdf").write_bytes(b"old brief")
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):  # running as root: permissions do not stop writes
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == folder
                            and mode & os.W_OK else real(p, mode, **kw))
    try:
        dialog = _open(qtbot, ws_session)
        dialog.export_to(folder / "brief.pdf")
        qtbot.waitUntil(lambda: not dialog.bar.busy, timeout=10_000)
        assert "read-only" in messages.HISTORY[-1].text
        assert (folder / "brief.pdf").read_bytes() == b"old brief"
        assert dialog.isVisible() and dialog.export_button.isEnabled()
    finally:
        folder.chmod(0o755)


def test_cancel_stops_the_export_and_writes_nothing(qtbot, ws_session, tmp_path,
                                                    monkeypatch) -> None:
    started = threading.Event()

    def slow_write(brief, path, fmt=None, *, progress, cancel):
        progress(1, 4, "Writing PDF document")
        started.set()
        cancel.wait(20)  # until the dialog cancels (a worker thread, not the test)
        raise Cancelled()

    monkeypatch.setattr("reader.export.write.write_brief", slow_write)
    monkeypatch.setattr(tasks, "PROGRESS_INTERVAL", 0.0)  # every report is passed on
    out = tmp_path / "out"
    out.mkdir()
    dialog = _open(qtbot, ws_session)
    task = dialog.export_to(out / "brief.pdf")
    qtbot.waitUntil(started.is_set, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.bar.progress.maximum() == 4, timeout=5000)
    assert dialog.bar.cancel_button.isVisible() and not dialog.export_button.isEnabled()
    dialog.reject()  # Esc while exporting cancels the export, not the dialog
    assert task.cancelled and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.bar.busy, timeout=10_000)
    assert dialog.bar.status.text() == "Export cancelled; nothing was written."
    assert not dialog.bar.cancel_button.isVisible() and dialog.export_button.isEnabled()
    assert list(out.iterdir()) == []
    dialog.reject()
    assert not dialog.isVisible()


# -- remembered choices ----------------------------------------------------------------
def test_last_choices_come_back_on_reopen(qtbot, ws_session) -> None:
    dialog = _open(qtbot, ws_session)
    form = dialog.form
    form.filters.themes.set_checked(["overdose-response", "autonomy"])
    form.filters.stance_boxes[Stance.SUPPORTS].setChecked(True)
    form.layout_page.group_buttons[GroupBy.STANCE].setChecked(True)
    form.layout_page.set_fmt("docx")
    form.layout_page.flags["anonymize"].setChecked(True)
    form.layout_page.flags["include_toc"].setChecked(False)
    form.cover.edits["title"].setText("For the meeting on Thursday")
    form.cover.edits["prepared_for"].setText("Office of the District Attorney")
    form.cover.today_box.setChecked(False)  # a cover date is not remembered
    wanted = form.options()
    dialog.reject()
    again = _open(qtbot, ws_session)
    got = again.form.options()
    assert got.themes == ("overdose-response", "autonomy")
    assert got.stances == (Stance.SUPPORTS,)
    assert got.group_by is GroupBy.STANCE and got.anonymize and not got.include_toc
    assert got.title == "For the meeting on Thursday"
    assert got.prepared_for == "Office of the District Attorney"
    assert got.date is None and wanted.date is not None
    assert again.form.fmt() == "docx"
    assert again.preview.count.text().startswith("2 passages from 1 document")


@pytest.mark.parametrize("stored", [
    "garbage", [1, 2, 3], 42, None,
    {"title": 5, "group_by": "sideways", "themes": "overdose-response", "stances": ["angry"],
     "since": "yesterday", "include_notes": "yes", "page_size": None, "orphans": [],
     "documents": [None], "date": 20240101},
])
def test_damaged_settings_fall_back_to_the_defaults(qtbot, ws_session, stored) -> None:
    ws_session.settings.set(KEY_OPTIONS, stored)
    ws_session.settings.set(KEY_FORMAT, {"pdf": 1} if stored != 42 else "exe")
    ws_session.settings.set(KEY_FOLDER, ["/tmp"] if stored != 42 else "\0bad")
    dialog = _open(qtbot, ws_session)
    assert dialog.form.options() == BriefOptions()
    assert dialog.form.fmt() == "pdf"
    assert dialog.preview.count.text().startswith("9 passages")
    assert dialog._start_folder().is_dir()


def test_a_damaged_settings_file_still_opens_the_dialog(qtbot, ws_session) -> None:
    path = ws_session.settings.path
    path.write_text('{"brief.options": {"title": "half', "utf-8")
    ws_session.settings = Settings(path)  # read again: set aside, defaults used
    dialog = _open(qtbot, ws_session)
    assert dialog.form.options() == BriefOptions()
    dialog.form.cover.edits["title"].setText("Kept")
    _settle(qtbot, dialog)
    dialog.reject()
    assert Settings(path).get(KEY_OPTIONS)["title"] == "Kept"


# -- keyboard and accessibility ----------------------------------------------------------
def test_every_control_is_named_and_reachable_by_keyboard(qtbot, ws_session) -> None:
    dialog = _open(qtbot, ws_session)
    for kind in (QLineEdit, QComboBox, QDateEdit, QTreeWidget):
        for widget in dialog.findChildren(kind):
            if kind is QLineEdit and isinstance(widget.parent(), (QComboBox, QDateEdit)):
                continue
            assert widget.accessibleName(), widget.objectName()
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisibleTo(dialog) and button.text():
            assert button.focusPolicy() != Qt.FocusPolicy.NoFocus or button.text() == ""
    # Tab from the form ends on the preview and then the buttons
    order = []
    widget = dialog.form.tabBar()
    for _ in range(1000):
        widget = widget.nextInFocusChain()
        if widget is dialog.form.tabBar():
            break
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(dialog):
            order.append(widget)
    assert dialog.preview.browser in order and dialog.export_button in order
    assert order.index(dialog.preview.browser) < order.index(dialog.export_button)
    assert dialog.export_button.isDefault()


def test_space_ticks_a_theme_from_the_keyboard(qtbot, ws_session) -> None:
    dialog = _open(qtbot, ws_session)
    tree = dialog.form.filters.themes
    tree.setFocus()
    tree.setCurrentItem(tree._items["overdose-response"])
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert tree.checked() == ["overdose-response"]
    _settle(qtbot, dialog)
    assert dialog.preview.count.text().startswith("3 passages")
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert tree.checked() == []


def test_highlights_that_cannot_be_read_are_explained(qtbot, ws_session,
                                                      monkeypatch) -> None:
    def broken(_ws):
        raise AnnotationError("The annotation file of Dev is damaged.")

    monkeypatch.setattr("reader.ops.brief.gather_inputs", broken)
    dialog = BriefDialog(ws_session, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.preview.is_empty, timeout=10_000)
    assert "Cannot read the highlights" in dialog.preview.empty_title.text()
    assert "damaged" in dialog.preview.empty_text.text()
    assert not dialog.export_button.isEnabled() and not dialog.form.isEnabled()
    assert dialog.export_to("anything.pdf") is None
    dialog.reject()


def test_without_a_workspace_the_menu_explains(qtbot, window) -> None:
    window.actions_.export_brief.trigger()
    assert window.findChild(BriefDialog) is None
    shown = messages.HISTORY[-1]
    assert shown.kind == "error" and shown.text == "No workspace is open."
