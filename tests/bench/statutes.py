"""Importing a code: N generated one-section D.C. Code XML files (the size of a real code
title) copied into an empty workspace, read and indexed, then re-scanned. Prints JSON.

    .venv/bin/python tests/bench/statutes.py [--files 600] [--workers N]

"cold" is the import from nothing: a private, empty user folder (``POLICY_READER_HOME``)
and extraction cache, so every file is read in the worker pool and indexed.
"rescan" is a second ``refresh()`` with nothing changed (the cached path: stat and skip).
Targets (issue 13): cold ≤ 30 s and re-scan ≤ 1 s for 600 files on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

SECTION = """<?xml version='1.0' encoding='utf-8'?>
<section xmlns="https://code.dccouncil.us/schemas/dc-library" containing-doc="D.C. Code">
  <num>{num}</num>
  <heading>Generated section {i} on overdose response.</heading>
  <para>
    <num>(a)</num>
    <text>A person who seeks medical assistance for another person experiencing an overdose
    shall not be arrested for possession under <cite path="§{prev}">§ {prev}</cite>.</text>
    <para>
      <num>(1)</num>
      <text>This paragraph applies to possession of drug-checking equipment.</text>
    </para>
    <para>
      <num>(2)</num>
      <text>This paragraph applies to naloxone and fentanyl test strips.</text>
    </para>
  </para>
  <para>
    <num>(b)</num>
    <text>The Department of Health shall report on section {i} each year.</text>
  </para>
  <annotations>
    <annotation doc="D.C. Law 25-214" type="History" eff="2024-03-22">Mar. 22, 2024, D.C. Law
    25-214, § {i}, 71 DCR 3310</annotation>
    <annotation type="Editor's Notes">Generated for the Policy Reader benchmark.</annotation>
  </annotations>
</section>
"""


def generate(folder: Path, files: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(1, files + 1):
        num = f"48-{900 + i // 100}.{i % 100:02d}"
        prev = f"48-{900 + (i - 1) // 100}.{(i - 1) % 100:02d}"
        path = folder / f"{num}.xml"
        path.write_text(SECTION.format(num=num, prev=prev, i=i), "utf-8")
        out.append(path)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-statutes-") as tmp:
        base = Path(tmp)
        os.environ["POLICY_READER_HOME"] = str(base / "home")
        os.environ["POLICY_READER_EXTRACT_CACHE"] = str(base / "extract-cache")
        from reader.ops.library import refresh
        from reader.workspace import Workspace

        source = base / "downloads" / "title-48"
        generate(source, args.files)
        root = base / "ws"
        root.mkdir()
        ws = Workspace.open(root)
        start, cpu = time.perf_counter(), time.process_time()
        changes = ws.library().add_files([source])
        ws.search().update()
        cold = time.perf_counter() - start
        cold_cpu = time.process_time() - cpu
        docs = ws.library().documents()
        ok = sum(1 for d in docs if d.status.value == "ok")
        start = time.perf_counter()
        refresh(ws)
        rescan = time.perf_counter() - start
        hits = ws.search().search("48-905.05", limit=3)
        print(json.dumps({
            "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
            else os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "files": args.files, "documents_ok": ok, "problems": len(changes.problems),
            "cold_import_s": round(cold, 2), "cold_parent_cpu_s": round(cold_cpu, 2),
            "rescan_s": round(rescan, 3),
            "import_summary": changes.summary.headline if changes.summary else "",
            # a section first for its number, before 48-905.06 which cites it
            "search_48-905.05_first": hits.groups[0].path if hits.groups else "",
            "search_48-905.05_expected": "title-48/48-905.05.xml",
            "targets": {"cold_import_s": 30, "rescan_s": 1},
        }, indent=2))


if __name__ == "__main__":
    main()
