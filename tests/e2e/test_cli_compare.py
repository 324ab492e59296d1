"""``matrix``, ``compare``, ``agreement``, ``disagreements``, ``resolve``, the reply and link
commands and the brief's matrix and reply flags, as a person runs them: two people
annotate two memos (written for this test) in one shared workspace, from two homes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.e2e.cli_helpers import run_cli

ALDER = (
    "MEMORANDUM\n\nFROM: Alder County District "
    "Attorney\nRE: Declination of possession charges\n\n"
    "The office will decline to file possession charges. Officers are encouraged to carry "
    "naloxone on every shift. People who call 911 will not be charged.\n"
)
TOLLIVER = (
    "MEMORANDUM\n\nFROM: Tolliver County District "
    "Attorney\nRE: Overdose scenes\n\n"
    "Overdose scenes are medical emergencies. Drug-induced homicide charges require the "
    "approval of the District Attorney.\n"
)


@pytest.fixture
def ws(workspace_dir: Path) -> Path:
    (workspace_dir / "memos").mkdir()
    (workspace_dir / "memos/alder-2020.txt").write_text(ALDER, "utf-8")
    (workspace_dir / "memos/tolliver-2021.txt").write_text(TOLLIVER, "utf-8")
    return workspace_dir


def cli(ws: Path, home: Path, *args: str) -> tuple[int, str, str]:
    out = run_cli("-q", "-w", str(ws), *args, home=home)
    return out.returncode, out.stdout, out.stderr


def annotate(ws: Path, home: Path, doc: str, quote: str, *extra: str) -> str:
    code, out, err = cli(ws, home, "annotate", doc, "--quote", quote, *extra)
    assert code == 0, err
    return out.strip()


def test_matrix_agreement_and_resolving_from_the_command_line(ws: Path, tmp_path: Path) -> None:
    maria, dev = tmp_path / "maria", tmp_path / "dev"
    cli(ws, maria, "whoami", "--name", "Maria")
    cli(ws, dev, "whoami", "--name", "Dev")
    alder, tolliver = "memos/alder-2020.txt", "memos/tolliver-2021.txt"
    annotate(ws, maria, alder, "decline to file possession charges", "--theme",
             "non-prosecution-possession", "--stance", "supports")
    annotate(ws, maria, alder, "carry naloxone on every shift", "--theme", "naloxone",
             "--stance", "supports")
    annotate(ws, dev, alder, "carry naloxone on every shift", "--theme", "naloxone",
             "--stance", "neutral")
    annotate(ws, dev, tolliver, "Drug-induced homicide charges", "--theme",
             "drug-induced-homicide", "--stance", "opposes")

    code, out, err = cli(ws, maria, "matrix", "--kind", "memo", "--depth", "0")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Document") and "Overdose response" in lines[0]
    alder_row = next(line for line in lines if line.startswith("Declination of possession"))
    assert "2 (+1 \u22120 \u00b71)" in alder_row  # two highlights on overdose response
    assert "\u2014" in alder_row  # and nothing on other themes
    assert "nobody marked a passage" in out
    code, out, _ = cli(ws, maria, "matrix", "--kind", "memo")  # a table: top-level columns
    assert code == 0 and "Overdose response" in out and "Naloxone" not in out
    code, out, _ = cli(ws, maria, "matrix", "--kind", "memo", "--depth", "1")
    assert "\u203a Naloxone" in out.splitlines()[0]

    code, out, _ = cli(ws, maria, "matrix", "--format", "json", "--theme", "Overdose response",
                       "--by", "office")
    data = json.loads(out)
    assert data["group_by"] == "office" and data["highlights"] == 4
    assert {c["theme"] for c in data["columns"]} >= {"overdose-response", "naloxone"}
    code, out, _ = cli(ws, maria, "matrix", "--format", "csv", "--depth", "0")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0][:4] == ["row", "detail", "documents", "all_highlights"] and len(rows) == 3
    code, out, _ = cli(ws, maria, "matrix", "--format", "md", "--jurisdiction", "Nowhere")
    assert code == 0 and out.startswith("No document matches jurisdiction Nowhere")
    for bad in (("--since", "20x0"), ("--theme", "\u202enone\x01"), ("--by", "planet"),
                ("--depth", "-1")):
        code, _, err = cli(ws, maria, "matrix", *bad)
        assert code == 2, bad
        assert err.startswith(("policy-reader:", "usage:")), err

    code, out, err = cli(ws, maria, "compare", alder, tolliver, "--theme", "overdose-response")
    assert code == 0, err
    assert "carry naloxone on every shift" in out and "Drug-induced homicide charges" in out
    code, _, err = cli(ws, maria, "compare", alder, "--theme", "naloxone")
    assert code == 1 and "2 to 6 documents" in err

    code, out, err = cli(ws, maria, "agreement")
    assert code == 0, err
    assert "Cohen's kappa" in out and "Naloxone access" in out
    code, out, _ = cli(ws, maria, "agreement", "--json", "--doc", alder)
    report = json.loads(out)
    assert report["report"]["method"] == "kappa" and report["disagreements"] >= 2

    code, out, _ = cli(ws, maria, "disagreements", "--json")
    found = json.loads(out)
    kinds = {d["kind"] for d in found}
    assert kinds == {"stance", "only-one"}
    stance = next(d for d in found if d["kind"] == "stance")
    assert dict(stance["readings"]) == {"Maria": "Supports harm reduction",
                                        "Dev": "Neutral or unclear"}
    assert stance["options"] == ["adopt", "withdraw", "differ"]
    code, _, err = cli(ws, maria, "resolve", stance["key"][:8], "adopt")
    assert code == 0, err
    code, out, _ = cli(ws, maria, "annotations", "list", "--json", "--author", "Maria")
    assert {h["stance"] for h in json.loads(out)} == {"supports", "neutral"}
    code, out, _ = cli(ws, maria, "disagreements", "--json")
    assert stance["key"] not in {d["key"] for d in json.loads(out)}
    only = next(d for d in found if d["kind"] == "only-one")
    code, _, err = cli(ws, dev, "resolve", only["key"], "differ", "--text", "Keep it.")
    assert code == 0, err
    code, out, _ = cli(ws, maria, "disagreements", "--resolved", "--json")
    settled = next(d for d in json.loads(out) if d["key"] == only["key"])
    assert settled["resolved_by"]
    code, _, err = cli(ws, maria, "resolve", "ffffffff", "differ")
    assert code == 2 and "no disagreement" in err


def test_replies_links_and_a_brief_with_them(ws: Path, tmp_path: Path) -> None:
    maria, dev = tmp_path / "maria", tmp_path / "dev"
    cli(ws, maria, "whoami", "--name", "Maria")
    cli(ws, dev, "whoami", "--name", "Dev")
    promise = annotate(ws, maria, "memos/alder-2020.txt",
                       "decline to file possession charges", "--theme",
                       "non-prosecution-possession")
    charge = annotate(ws, dev, "memos/tolliver-2021.txt", "Drug-induced homicide charges",
                      "--theme", "drug-induced-homicide", "--stance", "opposes")
    code, out, err = cli(ws, dev, "annotations", "reply", promise[9:17], "Is it kept?",
                         "--json")
    assert code == 0, err
    first = json.loads(out)
    assert first["target"] == promise and first["author"]["name"] == "Dev"
    code, second, err = cli(ws, maria, "annotations", "reply", first["id"][9:17],
                            "We will ask.")
    assert code == 0, err
    assert len(second.split()) == 1  # the id alone on stdout, for scripts
    assert err.strip() == "replied in the thread on “decline to file possession charges” as Maria"
    code, _, err = cli(ws, maria, "annotations", "edit-reply", first["id"], "Maria edits")
    assert code == 1 and "Dev's" in err  # someone else's reply
    code, link_id, err = cli(ws, maria, "annotations", "link", promise, charge, "--kind",
                             "contradicts", "--note", "One promise, another practice.")
    assert code == 0, err
    assert err.strip() == ("linked “decline to file possession charges” — contradicts — "
                           "“Drug-induced homicide charges”")
    code, _, err = cli(ws, maria, "annotations", "link", promise, charge, "--kind", "hates")
    assert code == 1 and "not a kind of link" in err
    code, out, _ = cli(ws, dev, "annotations", "thread", charge, "--json")
    seen = json.loads(out)
    assert [e["phrase"] for e in seen["links"]] == ["contradicted by"]
    assert seen["links"][0]["other_title"] and seen["links"][0]["other_quote"] \
        == "decline to file possession charges"
    code, out, _ = cli(ws, dev, "annotations", "thread", promise)
    assert "Is it kept?" in out and "We will ask." in out and "\u21c4" in out
    assert out.index("Is it kept?") < out.index("We will ask.")

    brief = tmp_path / "brief.md"
    code, _, err = cli(ws, maria, "brief", "-o", str(brief), "--matrix", "--replies",
                       "--matrix-by", "office")
    assert code == 0, err
    text = brief.read_text("utf-8")
    assert "## Comparison matrix" in text and "per office or author" in text
    assert "- Dev (" in text and "Is it kept?" in text and "  - Maria (" in text
    assert "Contradicted by:" in text
    quiet = tmp_path / "quiet.md"
    code, _, err = cli(ws, maria, "brief", "-o", str(quiet), "--no-contradictions")
    assert code == 0, err
    body = quiet.read_text("utf-8")
    assert "Contradicted by:" not in body and "Is it kept?" not in body
    assert "Comparison matrix" not in body

    code, _, err = cli(ws, maria, "annotations", "delete-reply", link_id.strip())
    assert code == 2 and "annotations unlink" in err
    code, _, err = cli(ws, maria, "annotations", "unlink", link_id.strip()[9:17])
    assert code == 0, err
    code, _, err = cli(ws, dev, "annotations", "delete", charge[9:17])
    assert code == 0, err
    code, _, err = cli(ws, maria, "annotations", "delete", promise[9:17])
    assert code == 0, err
    code, out, _ = cli(ws, dev, "annotations", "thread", "--removed")
    assert "Reply to a removed highlight: \u201cdecline to file possession charges" in out
    assert "Is it kept?" in out and "We will ask." in out
    code, _, err = cli(ws, dev, "annotations", "reply", "\u202e\x01", "text")
    assert code == 1 and "no highlight or reply" in err
    assert second.strip().startswith("urn:uuid:")
