"""The brief dialog's "Discussion and comparison" choices: the comparison matrix (with its
rows), replies and "Contradicted by" reach the options, the preview and the next opening."""

from __future__ import annotations

from reader.ops.brief import MatrixBy
from tests.ui.test_brief_dialog import _open, _preview_text, _settle, ws_session

__all__ = ["ws_session"]  # the fixture, shared with the brief dialog's tests


def test_the_matrix_and_discussion_choices(qtbot, ws_session) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, ws_session)
    box = dialog.form.layout_page.discussion
    assert not box.flags["include_matrix"].isChecked() and not box.matrix_by.isEnabled()
    assert box.flags["show_contradictions"].isChecked()  # the default: say contradictions
    assert "Comparison matrix" not in _preview_text(dialog)
    box.flags["include_matrix"].setChecked(True)
    assert box.matrix_by.isEnabled()
    box.matrix_by.setCurrentIndex(box.matrix_by.findData("office"))
    box.flags["include_replies"].setChecked(True)
    box.flags["show_contradictions"].setChecked(False)
    _settle(qtbot, dialog)
    options = dialog.form.options()
    assert options.include_matrix and options.matrix_by is MatrixBy.OFFICE
    assert options.include_replies and not options.show_contradictions
    text = _preview_text(dialog)
    assert "Comparison matrix Office or author Decriminalization and declination" in text
    dialog.reject()
    again = _open(qtbot, ws_session)
    got = again.form.options()
    assert got.include_matrix and got.matrix_by is MatrixBy.OFFICE and got.include_replies
    assert again.form.layout_page.discussion.flags["include_matrix"].isChecked()
