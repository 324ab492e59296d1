"""``annotate``, ``annotations list|import|export|delete``, ``themes list``, ``whoami`` as a
person runs them (subprocesses, two people on two copies of a workspace)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import REPO, run_cli

MEMO = (
    "Office of the District Attorney\n\n"
    "Policy Memorandum 2019-04\n\n"
    "This office will decline to charge possession of a controlled substance where the "
    "amount is consistent with personal use.\n\n"
    "People who call 911 to report an overdose will not be prosecuted for possession "
    "discovered because of that call. Officers are encouraged to carry naloxone.\n\n"
    "This memo will be reviewed after twelve months.\n"
)


@pytest.fixture
def ws(workspace_dir: Path) -> Path:
    (workspace_dir / "memos").mkdir()
    (workspace_dir / "memos/memo-2019.txt").write_text(MEMO, "utf-8")
    return workspace_dir


def cli(ws: Path, home: Path, *args: str) -> tuple[int, str, str]:
    out = run_cli("-q", "-w", str(ws), *args, home=home)
    return out.returncode, out.stdout, out.stderr


def test_whoami(tmp_path: Path) -> None:
    home = tmp_path / "home"
    code, out, _ = cli(tmp_path, home, "whoami", "--json")
    first = json.loads(out)
    assert code == 0 and len(first["id"]) == 24 and first["name"].startswith("Reader ")
    code, out, _ = cli(tmp_path, home, "whoami", "--name", "Maria G")
    assert code == 0 and out.strip() == f"Maria G ({first['id']})"
    code, _, err = cli(tmp_path, home, "whoami", "--name", "   ")
    assert code == 2 and "cannot be empty" in err
    assert not (home / "data" / "workspace").exists()  # no workspace made just for a name


def test_annotate_list_and_errors(ws: Path, user_home: Path) -> None:
    code, out, err = cli(ws, user_home, "annotate", "memos/memo-2019.txt",
                         "--quote", "decline to charge\npossession", "--theme",
                         "Non-prosecution of possession", "--stance", "supports",
                         "--note", "The key promise.", "--json")
    assert code == 0, err
    made = json.loads(out)
    assert made["quote"] == "decline to charge possession" and made["mine"]
    assert made["themes"] == ["non-prosecution-possession"] and made["status"] == "anchored"
    code, _, err = cli(ws, user_home, "annotate", "memos/memo-2019.txt", "--quote",
                       "possession")
    assert code == 1 and "occur 2 times" in err and "--occurrence" in err
    code, out, err = cli(ws, user_home, "annotate", "memos/memo-2019.txt", "--quote",
                         "POSSESSION", "--occurrence", "2", "--theme", "good-samaritan")
    assert code == 0, err
    second = out.strip()
    for args, want, text in [
        (("--quote", "not in the memo at all"), 1, "are not in"),
        (("--quote", "naloxone", "--theme", "no-such-theme"), 2, "no theme"),
        (("--quote", "possession", "--occurrence", "5"), 2, "between 1 and 2"),
    ]:
        code, _, err = cli(ws, user_home, "annotate", "memos/memo-2019.txt", *args)
        assert (code, text in err) == (want, True), (args, code, err)
    code, _, err = cli(ws, user_home, "annotate", "nope.txt", "--quote", "x")
    assert code == 1 and "No document" in err

    code, out, _ = cli(ws, user_home, "annotations", "list")
    assert code == 0
    assert "decline to charge possession" in out and "[Non-prosecution of possession]" in out
    code, out, _ = cli(ws, user_home, "annotations", "list", "--json", "--theme",
                       "Overdose response")
    assert [h["id"] for h in json.loads(out)] == [second]
    code, out, _ = cli(ws, user_home, "annotations", "list", "--json", "--orphaned")
    assert json.loads(out) == []
    code, _, err = cli(ws, user_home, "annotations", "list", "--author", "nobody")
    assert code == 1 and "No author" in err

    # the memo is amended: one passage moves, one is deleted
    amended = ("AMENDED 2020.\n\n" + MEMO).replace(
        "People who call 911 to report an overdose will not be prosecuted for possession "
        "discovered because of that call. ", "")
    (ws / "memos/memo-2019.txt").write_text(amended, "utf-8")
    code, out, _ = cli(ws, user_home, "annotations", "list", "--json")
    status = {h["id"]: h["status"] for h in json.loads(out)}
    assert status == {made["id"]: "moved", second: "orphaned"}
    code, out, _ = cli(ws, user_home, "annotations", "list", "--orphaned")
    assert "ORPHANED" in out and "possession" in out

    code, _, err = cli(ws, user_home, "annotations", "delete", second[9:17])
    assert code == 0, err
    code, out, _ = cli(ws, user_home, "annotations", "list", "--json")
    assert [h["id"] for h in json.loads(out)] == [made["id"]]


def test_two_people_swap_files_and_exports(ws: Path, tmp_path: Path) -> None:
    maria_home, ana_home = tmp_path / "maria", tmp_path / "ana"
    ana_ws = tmp_path / "ana-copy"
    shutil.copytree(ws, ana_ws)
    cli(ws, maria_home, "whoami", "--name", "Maria")
    cli(ana_ws, ana_home, "whoami", "--name", "Ana")
    code, m_id, err = cli(ws, maria_home, "annotate", "memos/memo-2019.txt", "--quote",
                          "decline to charge possession")
    assert code == 0, err
    code, a_id, err = cli(ana_ws, ana_home, "annotate", "memos/memo-2019.txt", "--quote",
                          "carry naloxone", "--theme", "naloxone", "--note", "=1+1")
    assert code == 0, err
    maria_file = next((ws / ".policy-reader/annotations").glob("*.json"))
    ana_file = next((ana_ws / ".policy-reader/annotations").glob("*.json"))
    # Ana imports Maria's file; Maria gets Ana's by copying it in (a shared folder would)
    code, out, err = cli(ana_ws, ana_home, "annotations", "import", str(maria_file))
    assert code == 0 and "copied in as theirs" in out, err
    shutil.copy(ana_file, ws / ".policy-reader/annotations")
    for where, home in ((ws, maria_home), (ana_ws, ana_home)):
        code, out, _ = cli(where, home, "annotations", "list", "--json")
        assert {(h["id"], h["author"]["name"]) for h in json.loads(out)} == {
            (m_id.strip(), "Maria"), (a_id.strip(), "Ana")}
    code, _, err = cli(ws, maria_home, "annotations", "delete", a_id.strip())
    assert code == 1 and "Ana's" in err  # not hers to delete
    code, _, _ = cli(ana_ws, ana_home, "annotations", "delete", a_id.strip())
    shutil.copy(ana_file, ws / ".policy-reader/annotations")
    code, out, _ = cli(ws, maria_home, "annotations", "list", "--json")
    assert [h["author"]["name"] for h in json.loads(out)] == ["Maria"]

    # exports, and an import into a fresh workspace by a third person
    csv_path = tmp_path / "out.csv"
    code, _, err = cli(ana_ws, ana_home, "annotations", "export", "--format", "csv", "--out",
                       str(csv_path), "--no-names")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"))))
    assert [(r["quote"], r["author"]) for r in rows] == [("decline to charge possession", "")]
    for fmt in ("w3c", "hypothesis"):
        out_path = tmp_path / f"out-{fmt}.json"
        code, _, err = cli(ws, maria_home, "annotations", "export", "--format", fmt, "--out",
                           str(out_path))
        assert code == 0, err
        fresh = tmp_path / f"fresh-{fmt}"
        shutil.copytree(ws, fresh, ignore=shutil.ignore_patterns(".policy-reader"))
        code, out, err = cli(fresh, tmp_path / "sam", "annotations", "import", "--json",
                             str(out_path))
        assert code == 0, err
        assert json.loads(out)[0]["added"] == 1
        code, out, _ = cli(fresh, tmp_path / "sam", "annotations", "list", "--json")
        (h,) = json.loads(out)
        assert h["id"] == m_id.strip() and h["status"] == "anchored"
    code, out, _ = cli(ws, maria_home, "annotations", "export", "--format", "w3c", "--out",
                       "-", "--theme", "housing")
    assert code == 1  # nothing matches


def test_broken_import_and_themes_list(ws: Path, user_home: Path, tmp_path: Path) -> None:
    cli(ws, user_home, "annotate", "memos/memo-2019.txt", "--quote", "twelve months",
        "--theme", "evaluations")
    folder = ws / ".policy-reader/annotations"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "AnnotationCollection", "items": [{"type": "Annotation"}]}')
    code, _, err = cli(ws, user_home, "annotations", "import", str(bad))
    assert code == 1 and "no target" in err and "Nothing was imported" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    # a colleague's file with a theme this group does not have
    other = json.loads(next(v for k, v in before.items() if k.endswith(".json")))
    other["creator"]["id"] = "urn:policy-reader:author:ana02"
    for item in other["first"]["items"]:
        item["id"] += "-ana"
        item["body"] = [{"type": "TextualBody", "purpose": "tagging", "value": "bail-funds"}]
    (folder / "ana02.json").write_text(json.dumps(other))
    code, out, _ = cli(ws, user_home, "themes", "list", "--json")
    data = json.loads(out)
    assert {"id": "bail-funds", "highlights": 1} in data["unknown"]
    counts = {t["id"]: t["highlights"] for t in data["themes"]}
    assert counts["evaluations"] == 1 and len(data["themes"]) >= 40
    assert counts["evidence-models"] == 1  # a parent counts its sub-themes, as in the app
    code, out, _ = cli(ws, user_home, "themes", "list")
    assert "bail-funds" in out and "unknown" in out and "  naloxone" in out
    (folder / "zed.json").write_text("{ not json")
    code, out, err = cli(ws, user_home, "annotations", "list")
    assert code == 0 and "zed.json is not valid JSON" in err


@pytest.mark.skipif(not any((REPO / "corpus").glob("statutes/*.pdf")),
                    reason="no PDF statute in the corpus")
def test_annotating_a_pdf_statute_of_the_corpus(workspace_dir: Path, user_home: Path) -> None:
    pdf = sorted((REPO / "corpus").glob("statutes/*.pdf"))[0]
    (workspace_dir / "statutes").mkdir()
    shutil.copy(pdf, workspace_dir / "statutes")
    rel = f"statutes/{pdf.name}"
    cli(workspace_dir, user_home, "index")
    code, out, err = cli(workspace_dir, user_home, "show", rel, "--page", "2")
    assert code == 0, err
    sentence = next(line for line in out.splitlines() if len(line.split()) >= 8)
    quote = " ".join(sentence.split()[1:7])
    code, out, err = cli(workspace_dir, user_home, "annotate", rel, "--quote", quote,
                         "--occurrence", "1", "--json")
    assert code == 0, err
    h = json.loads(out)
    assert h["status"] == "anchored" and h["page"] == "2"
    code, out, err = cli(workspace_dir, user_home, "annotations", "export", "--format", "csv",
                         "--out", "-")
    assert code == 0 and f",{rel},2," in out.replace("\r", ""), err
