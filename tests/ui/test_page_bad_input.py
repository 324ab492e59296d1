"""The page view and its helpers on bad input: a PDF QtPdf cannot draw, a poster-sized page,
a file replaced on disk, passwords (right, wrong, cancelled), a missing original."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from reader.errors import DocumentNotFound
from reader.ui import original
from reader.ui.pages.images import MAX_RENDER_PIXELS, render_size
from reader.ui.pages.layout import MAX_SIDE, lay_out
from reader.ui.pages.pane import PagePane
from reader.ui.widgets.password_dialog import PasswordDialog
from tests.ui.page_fixtures import BRENNAN, PASSWORD_PDF, boxes_of, extracted


def pane(qtbot) -> PagePane:
    p = PagePane()
    qtbot.addWidget(p)
    p.resize(700, 800)
    p.show()
    return p


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_pdf_qtpdf_cannot_draw_gets_a_notice(qtbot, tmp_path: Path) -> None:
    bad = tmp_path / "odd.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    p = pane(qtbot)
    assert not p.load(bad, digest(bad), None, None)
    assert not p.showing_pages and p.stack.currentWidget() is p.notice
    assert "cannot be shown" in p.notice.text() and "text view still" in p.notice.text()


def test_a_page_that_draws_nothing_is_a_page_sized_notice(qtbot) -> None:
    p = pane(qtbot)
    doc_text, _, d = extracted(BRENNAN)
    assert p.load(BRENNAN, d, doc_text, boxes_of(BRENNAN))
    view = p.view
    view.go_to_page(2)
    images = view.images
    assert images is not None
    images.clear()
    images.broken.add(1)  # as when QtPdf returns no image for page 2
    shot = view.viewport().grab().toImage()
    r = view.layout_.rects[1]
    top = r.y - view.verticalScrollBar().value()
    assert shot.pixelColor(r.x + r.width // 2, top + 5).lightness() > 240  # blank paper
    middle = top + r.height // 2
    ink = [shot.pixelColor(x, y).lightness() for x in range(r.x, r.x + r.width, 2)
           for y in range(middle - 20, middle + 20, 2) if 0 <= y < shot.height()]
    assert min(ink) < 200  # the notice is written on it
    images.request(1, r.width, r.height)
    assert not images._pending  # a broken page is not asked for again


def test_render_size_is_capped() -> None:
    poster = 200 * 72.0
    layout = lay_out([(poster, poster)], (900, 900), fit="", zoom=1.0)
    r = layout.rects[0]
    assert max(r.width, r.height) <= MAX_SIDE
    size = render_size(r.width, r.height)
    assert size.width() * size.height() <= MAX_RENDER_PIXELS
    assert lay_out([], (900, 900)).rects == ()
    assert lay_out([(0.0, 0.0)], (10, 10)).rects[0].width >= 1


def test_a_file_replaced_on_disk_puts_the_pages_away(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "memo.pdf"
    shutil.copy(BRENNAN, path)
    doc_text, _, d = extracted(BRENNAN)
    p = pane(qtbot)
    assert p.load(path, d, doc_text, boxes_of(BRENNAN))
    with qtbot.waitSignal(p.replaced, timeout=10_000) as sig:
        replacement = tmp_path / "new.pdf"
        replacement.write_bytes(PASSWORD_PDF.read_bytes())
        replacement.replace(path)
    assert sig.args == [str(path)]
    assert not p.showing_pages and "changed on disk" in p.notice.text()
    assert p.view.images is None  # nothing of the new file is drawn
    # once the library has read the new file, it shows again
    assert p.load(path, digest(path), None, None, password="study-group")
    assert p.showing_pages


def test_a_file_that_differs_from_what_was_read_is_not_drawn(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "memo.pdf"
    shutil.copy(BRENNAN, path)
    p = pane(qtbot)
    with qtbot.waitSignal(p.replaced):
        assert not p.load(path, "0" * 64, None, None)
    assert "changed on disk" in p.notice.text()


def test_pages_of_a_password_protected_pdf(qtbot) -> None:
    p = pane(qtbot)
    d = digest(PASSWORD_PDF)
    with qtbot.waitSignal(p.password_wrong):
        assert not p.load(PASSWORD_PDF, d, None, None)  # no password
    with qtbot.waitSignal(p.password_wrong):
        assert not p.load(PASSWORD_PDF, d, None, None, password="wrong")
    assert "password is not right" in p.notice.text()
    assert p.load(PASSWORD_PDF, d, None, None, password="study-group")
    assert p.showing_pages and p.view.page_count >= 1


def test_password_dialog_right_wrong_and_cancel(qtbot) -> None:
    tries: list[str] = []
    dlg = PasswordDialog("Sealed memo")
    qtbot.addWidget(dlg)

    def check(password: str) -> None:
        tries.append(password)
        if password == "study-group":
            dlg.right()
        else:
            dlg.wrong()

    dlg.submitted.connect(check)
    dlg.open()
    assert not dlg.ok.isEnabled()  # nothing typed
    qtbot.keyClicks(dlg.edit, "guess")
    dlg.ok.click()
    assert tries == ["guess"] and dlg.isVisible()
    assert dlg.problem.text() == "That password is not right. Try again."
    dlg.edit.setText("study-group")
    with qtbot.waitSignal(dlg.accepted):
        dlg.ok.click()
    assert dlg.edit.text() == ""  # the dialog keeps nothing
    cancel = PasswordDialog("Sealed memo")
    qtbot.addWidget(cancel)
    cancel.open()
    with qtbot.waitSignal(cancel.rejected):
        cancel.buttons.rejected.emit()


def test_open_original_and_show_in_folder(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    monkeypatch.setattr(original.sys, "platform", "linux")
    doc = tmp_path / "memo.html"
    doc.write_text("<p>x</p>", encoding="utf-8")
    original.open_original(doc)
    original.show_in_folder(doc)
    assert opened == [str(doc), str(tmp_path)]
    with pytest.raises(DocumentNotFound, match="no longer in the workspace"):
        original.open_original(tmp_path / "gone.pdf")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    with pytest.raises(Exception, match="no application to open"):
        original.open_original(doc)


def test_ocr_dialog_reports_the_choice(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import Qt

    from reader.extract.ocr.options import OcrOptions
    from reader.ops.pages import OcrChoices
    from reader.ui.widgets import ocr_dialog

    monkeypatch.setattr(ocr_dialog, "choices", lambda: OcrChoices(("deu", "eng"), ""))
    dlg = ocr_dialog.OcrDialog(OcrOptions(True, ("eng",)))
    qtbot.addWidget(dlg)
    assert dlg.languages.count() == 2 and not dlg.problem.isVisibleTo(dlg)
    dlg.languages.item(0).setCheckState(Qt.CheckState.Checked)  # German too
    assert dlg.options() == OcrOptions(True, ("deu", "eng"))
    dlg.enabled.setChecked(False)
    assert not dlg.languages.isEnabled()
    with qtbot.waitSignal(dlg.chosen) as got:
        dlg._accept()
    assert got.args[0].key == "off"
    for i in range(2):  # nothing checked: English
        dlg.languages.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert dlg.options().languages == ("eng",)
    monkeypatch.setattr(ocr_dialog, "choices",
                        lambda: OcrChoices((), "OCR is not available on this computer"))
    broken = ocr_dialog.OcrDialog(OcrOptions())
    qtbot.addWidget(broken)
    assert "not available" in broken.problem.text()
