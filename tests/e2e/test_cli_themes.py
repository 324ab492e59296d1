"""``themes add|rename|recolor|describe|move|merge|delete|favourites`` as a person runs
them: the group's taxonomy changes, highlights are retagged or kept, never dropped; bad
references and colours get a clear message."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.cli_helpers import run_cli

MEMO = ("Policy Memorandum 2021-02\n\n"
        "Officers may use discretion to refer a person to services instead of arresting "
        "them for possession.\n")


def cli(ws: Path, home: Path, *args: str) -> tuple[int, str, str]:
    out = run_cli("-q", "-w", str(ws), *args, home=home)
    return out.returncode, out.stdout, out.stderr


def _themes(ws: Path, home: Path) -> dict:
    code, out, err = cli(ws, home, "themes", "list", "--json")
    assert code == 0, err
    return json.loads(out)


def test_edit_the_taxonomy_from_the_command_line(workspace_dir: Path, user_home: Path) -> None:
    ws, home = workspace_dir, user_home
    (ws / "memo.txt").write_text(MEMO, "utf-8")
    code, out, err = cli(ws, home, "themes", "add", "Police discretion", "--parent",
                         "Policing and community trust", "--description",
                         "How officers choose whom to stop or arrest.")
    assert code == 0, err
    assert "police-discretion" in out
    code, out, err = cli(ws, home, "annotate", "memo.txt", "--quote", "use discretion",
                         "--theme", "police-discretion", "--json")
    assert code == 0, err
    hid = json.loads(out)["id"]

    assert cli(ws, home, "themes", "rename", "police-discretion", "Officer discretion")[0] == 0
    assert cli(ws, home, "themes", "recolor", "Officer discretion", "#123456")[0] == 0
    assert cli(ws, home, "themes", "move", "police-discretion", "--top", "--position", "1")[0] == 0
    assert cli(ws, home, "themes", "favourites", "police-discretion", "naloxone")[0] == 0
    data = _themes(ws, home)
    theme = next(t for t in data["themes"] if t["id"] == "police-discretion")
    assert theme["label"] == "Officer discretion" and theme["color"] == "#123456"
    assert theme["parent"] is None and theme["order"] == 0 and theme["highlights"] == 1
    assert data["favourites"][:2] == ["police-discretion", "naloxone"]
    saved = json.loads((ws / ".policy-reader" / "themes.json").read_text("utf-8"))
    assert "Officer discretion" in json.dumps(saved)

    code, out, err = cli(ws, home, "themes", "delete", "police-discretion", "--into",
                         "over-under-policing")
    assert code == 0, err
    assert "1 of your highlights" in out
    code, out, _ = cli(ws, home, "annotations", "list", "--json")
    listed = json.loads(out)
    items = listed if isinstance(listed, list) else listed.get("highlights", [])
    mine = [h for h in items if h["id"] == hid]
    assert mine and "over-under-policing" in mine[0]["themes"]  # retagged, not dropped


def test_bad_theme_edits_say_what_is_wrong(workspace_dir: Path, user_home: Path) -> None:
    ws, home = workspace_dir, user_home
    before = _themes(ws, home)
    for args in (["rename", "no-such-theme", "X"], ["recolor", "naloxone", "red-ish"],
                 ["move", "naloxone", "--parent", "naloxone"], ["merge", "naloxone", "naloxone"],
                 ["add", "   "], ["delete", "naloxone", "--into", "nowhere"]):
        code, _out, err = cli(ws, home, "themes", *args)
        assert code in (1, 2), args
        assert err.startswith("policy-reader:") and "Traceback" not in err, (args, err)
    assert _themes(ws, home)["themes"] == before["themes"]  # nothing changed
