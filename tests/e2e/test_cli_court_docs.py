"""The CLI lists a court filing as a filing, with its docket, court and the place each value
was read from."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.cli_helpers import REPO, run_cli

FIXTURES = REPO / "tests" / "fixtures" / "fidelity"


def test_docs_json_has_court_fields_and_sources(user_home: Path, workspace_dir: Path) -> None:
    added = run_cli("-w", str(workspace_dir), "add", str(FIXTURES / "ca3_easterly_motion.pdf"),
                    str(FIXTURES / "sap_s4.pdf"), home=user_home)
    assert added.returncode == 0, added.stderr
    out = run_cli("-w", str(workspace_dir), "docs", "--json", home=user_home)
    assert out.returncode == 0, out.stderr
    docs = {d["path"].rsplit("/", 1)[-1]: d for d in json.loads(out.stdout)}
    motion = docs["ca3_easterly_motion.pdf"]
    assert (motion["kind"], motion["title"], motion["docket"], motion["jurisdiction"]) == (
        "filing", "United States v. Easterly", "No. 17-2543", "3d Cir.")
    assert motion["date"] == "2017-06-12"
    assert motion["sources"]["date"].startswith("from page 1: ‘")  # the docket stamp
    sap = docs["sap_s4.pdf"]
    assert sap["citation"] == "S. 4" and sap["title"].startswith(
        "Statement of Administration Policy: S. 4 – ")
    found = run_cli("-w", str(workspace_dir), "search", "kind:filing", "--json", home=user_home)
    assert found.returncode == 0, found.stderr
    assert "United States v. Easterly" in found.stdout
