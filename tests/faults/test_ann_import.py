"""Issue 17, finding 4 (imports): ``annotations import`` of a file whose ``creator`` claims
your id (or any file holding your highlights' ids) never changes your own highlights
without ``--replace-mine``; ``--dry-run`` prints exactly what the import then does; the
app's preview says what would change of yours."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from reader.annotations.import_plan import REFUSE, plan_imports
from reader.annotations.interop import import_files
from reader.annotations.w3c_write import encode_collection, encode_highlight
from reader.cli import main as cli_main
from reader.model.annotations import Author, Highlight, now_utc
from tests.faults.conftest import ME, open_ws

MEMO_TXT = ("Office of the District Attorney\n\nThis office will decline to charge possession "
            "of a controlled substance.\n\nOfficers are encouraged to carry naloxone.\n")


def mine_and_a_spoof(root: Path, settings: Path, tmp: Path, *, creator: Author | None
                     ) -> tuple[list[Highlight], Path]:
    store = open_ws(root, settings).annotations()
    doc = next(iter(store.placer.source.documents()))
    text = store.placer.source.text(doc.id).text
    made = []
    for words in ("decline to charge", "carry naloxone"):
        i = text.index(words)
        made.append(store.create(doc.id, i, i + len(words), note="my note"))
    store.save()
    later = now_utc() + timedelta(minutes=1)
    i = text.index("twelve months")
    new = replace(made[0], id="urn:uuid:00000000-0000-4000-8000-000000000001", start=i,
                  end=i + len("twelve months"), note="new one")
    items = [encode_highlight(replace(made[0], note="rewritten", modified=later)),
             encode_highlight(replace(made[1], deleted=True, note="", modified=later)),
             encode_highlight(new)]
    data = json.loads(encode_collection(creator or Author(ME, "Maria"), items,
                                        modified=later))
    if creator is None:
        del data["creator"], data["pr:formatVersion"]
    path = tmp / "spoof.json"
    path.write_text(json.dumps(data), "utf-8")
    return made, path


@pytest.mark.parametrize("creator", [Author(ME, "Maria"), None], ids=["claims my id", "w3c"])
def test_an_import_never_changes_my_highlights_without_replace_mine(
        shared: tuple[Path, Path], tmp_path: Path, creator: Author | None) -> None:
    root, settings = shared
    made, spoof = mine_and_a_spoof(root, settings, tmp_path, creator=creator)
    ws = open_ws(root, settings)
    (r,) = import_files(ws, [spoof])
    assert (r.added, r.updated, r.refused) == (1, 0, 2)
    fresh = open_ws(root, settings).annotations()
    assert [fresh.get(h.id).note for h in made] == ["my note", "my note"]
    assert not fresh.get(made[1].id).deleted
    (again,) = import_files(open_ws(root, settings), [spoof], replace_mine=True)
    assert (again.added, again.updated, again.refused) == (0, 2, 0)
    last = open_ws(root, settings).annotations()
    assert last.get(made[0].id).note == "rewritten" and last.get(made[1].id).deleted


def test_the_plan_says_what_would_change_of_mine(shared: tuple[Path, Path],
                                                  tmp_path: Path) -> None:
    root, settings = shared
    made, spoof = mine_and_a_spoof(root, settings, tmp_path, creator=Author(ME, "Maria"))
    plan = plan_imports(open_ws(root, settings), [spoof])
    (f,) = plan.files
    assert (f.kind, f.added, f.updated, f.refused) == ("mine", 1, 0, 2)
    refused = {d.highlight.id: d for d in f.decisions if d.action == REFUSE}
    assert set(refused) == {h.id for h in made}
    assert "delete your highlight" in refused[made[1].id].reason
    assert [d.yours for d in f.changes_yours] == [True, True]
    allowed = plan_imports(open_ws(root, settings), [spoof], replace_mine=True).files[0]
    assert (allowed.updated, allowed.refused) == (2, 0)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    rc = cli_main(["-q", *args])
    out, err = capsys.readouterr()
    return rc, out, err


def test_dry_run_prints_exactly_what_the_import_does(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    ws = tmp_path / "group"
    ws.mkdir()
    (ws / "memo.txt").write_text(MEMO_TXT, "utf-8")
    rc, hid, _ = cli(capsys, "-w", str(ws), "annotate", "memo.txt", "--quote",
                     "decline to charge", "--note", "mine")
    assert rc == 0
    me = next((ws / ".policy-reader" / "annotations").glob("*.json"))
    mine = json.loads(me.read_bytes())
    item = mine["first"]["items"][0]
    item["body"] = [{"type": "TextualBody", "purpose": "commenting", "value": "spoofed"}]
    item["modified"] = "2099-01-01T00:00:00.000Z"
    spoof = tmp_path / "spoof.json"
    spoof.write_text(json.dumps(mine), "utf-8")
    before = {p.name: p.read_bytes() for p in me.parent.iterdir()}
    rc, out, err = cli(capsys, "-w", str(ws), "annotations", "import", "--dry-run",
                       str(spoof))
    assert rc == 0 and "dry run" in err
    assert "would add 0, update 0 (0 of yours), skip 0, refuse 1" in out
    assert f"refuse  {hid.strip().removeprefix('urn:uuid:')[:8]}  memo.txt" in out
    assert {p.name: p.read_bytes() for p in me.parent.iterdir()} == before
    rc, out, err = cli(capsys, "-w", str(ws), "annotations", "import", str(spoof))
    assert rc == 0 and "0 new, 0 updated, 0 skipped (yours), 1 of your highlights NOT " \
        "changed" in out
    rc, out, _ = cli(capsys, "-w", str(ws), "annotations", "list", "--json")
    assert [h["note"] for h in json.loads(out)] == ["mine"]


def test_the_preview_shows_changes_to_mine_and_asks(qtbot, shared: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    from reader.ui.widgets.import_preview import ImportPreview

    root, settings = shared
    _, spoof = mine_and_a_spoof(root, settings, tmp_path, creator=Author(ME, "Maria"))
    dialog = ImportPreview(plan_imports(open_ws(root, settings), [spoof]))
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 5).text() == "2"
    assert "2 of your own highlights would be changed" in dialog.yours.text()
    assert "1 deleted" in dialog.yours.text()
    assert not dialog.replace_mine.isHidden()
    dialog.replace_mine.setChecked(True)
    with qtbot.waitSignal(dialog.import_requested) as got:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert got.args == [[str(spoof)], True]
