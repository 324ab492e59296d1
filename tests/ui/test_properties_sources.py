"""Document Properties shows where each value came from, and saves only what was changed."""

from __future__ import annotations

import os

from reader.model.documents import (
    FROM_EDIT,
    FROM_PROPERTIES,
    DocMeta,
    DocStatus,
    Document,
    FieldSource,
)
from reader.ui.widgets.properties_dialog import PropertiesDialog

DOC = Document(
    id="f" * 64, path="opinions/ashworth.pdf", format="pdf", size=1, mtime_ns=0,
    status=DocStatus.OK, meta=DocMeta(
        title="United States v. Ashworth", kind="opinion", date="2010-02-05",
        site="United States Court of Appeals for the District of Columbia Circuit",
        jurisdiction="D.C. Cir.", docket="No. 08-3071", citation="No. 08-3071",
        judge="Judge Bergstrom", doc_type="Slip opinion"),
    pages=5, paged=True,
    sources=(FieldSource("title", page=1, start=120, end=190,
                         snippet="UNITED STATES OF AMERICA, APPELLEE v. DARNELL K. ASHWORTH"),
             FieldSource("date", page=1, start=60, end=84, snippet="Decided February 5, 2010"),
             FieldSource("argued", page=1, start=30, end=55, snippet="Argued September 14, 2009"),
             FieldSource("judge", FROM_EDIT),
             FieldSource("citation", FROM_PROPERTIES, snippet="No. 08-3071")))


def test_each_value_shows_where_it_came_from(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    saved: list[dict[str, str]] = []
    dialog = PropertiesDialog(DOC, saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sources["date"].text() == "from page 1: ‘Decided February 5, 2010’"
    assert dialog.sources["judge"].text() == "edited for this workspace"
    assert dialog.sources["citation"].text() == "from the file’s properties: ‘No. 08-3071’"
    assert "site" not in dialog.sources  # no source known: nothing claimed
    assert dialog.edits["date"].toolTip() == dialog.sources["date"].text()
    extras = dialog.findChild(type(dialog.sources["date"]), "propertiesExtras")
    assert extras is not None and "Argued" in extras.text() and "September 14, 2009" in \
        extras.text()
    if os.environ.get("POLICY_READER_SHOTS"):
        dialog.grab().save(str(tmp_path / "properties.png"))


def test_only_changed_values_become_corrections(qtbot) -> None:  # type: ignore[no-untyped-def]
    saved: list[dict[str, str]] = []
    dialog = PropertiesDialog(DOC, saved.append)
    qtbot.addWidget(dialog)
    dialog.edits["docket"].setText("Nos. 08-3071, 08-3072")
    dialog.accept()
    assert saved == [{"docket": "Nos. 08-3071, 08-3072"}]
