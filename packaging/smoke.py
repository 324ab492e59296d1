"""``make dist-smoke``: run the bundle's own executable as a person would — the version,
index the bundled sample corpus in a temporary workspace (its scan read by OCR), search,
export a brief (PDF and Word), open the window offscreen and save a screenshot, and start
it with a file that no longer exists.
Prints each step's time and the total; exits 1 on the first failure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(bundle: Path) -> int:
    bundle = bundle.resolve()
    exe = bundle / ("policy-reader.exe" if sys.platform == "win32" else "policy-reader")
    if not exe.exists():
        print(f"no bundle at {bundle}: run 'make dist' first", file=sys.stderr)
        return 1
    tmp = Path(tempfile.mkdtemp(prefix="pr-smoke-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "POLICY_READER"))}
    env.update(POLICY_READER_HOME=str(tmp / "home"),
               QT_QPA_PLATFORM=os.environ.get("SMOKE_QPA", "offscreen"))
    shot = Path(os.environ.get("SMOKE_SCREENSHOT", tmp / "window.png"))
    started = time.monotonic()
    steps: list[tuple[str, list[str], dict[str, str], int]] = [
        ("version", ["--version"], {}, 0),
        ("index the sample corpus", ["-q", "index"], {}, 0),
        ("read the scanned memo by OCR", ["docs", "--json"], {}, 0),
        ("search", ["search", "naloxone", "--json"], {}, 0),
        ("highlight a passage", ["annotate", "memos/alder-county-2020-declination-memo.pdf",
                                 "--quote", "naloxone", "--occurrence", "1", "--theme",
                                 "naloxone", "--note", "Smoke test."], {}, 0),
        ("export a REFI-QDA project", ["-q", "annotations", "export", "--format", "qdpx",
                                       "--out", str(tmp / "project.qdpx")], {}, 0),
        ("export a brief", ["-q", "brief", "--out", str(tmp / "brief.pdf")], {}, 0),
        ("export a Word brief", ["-q", "brief", "--out", str(tmp / "brief.docx")], {}, 0),
        ("open the window", [], {"POLICY_READER_GUI_PROBE": str(tmp / "probe.json"),
                                 "POLICY_READER_GUI_SHOT": str(shot)}, 0),
        ("open a file that no longer exists", ["open", str(tmp / "gone.pdf")], {}, 1),
    ]
    for label, args, extra, expected in steps:
        t0 = time.monotonic()
        out = subprocess.run([str(exe), *args], cwd=tmp, env={**env, **extra},
                             capture_output=True, text=True, timeout=300)
        took = time.monotonic() - t0
        ok = out.returncode == expected
        detail = ""
        if label == "version":
            detail = out.stdout.strip()
            ok = ok and detail.startswith("policy-reader ")
        elif label == "search":
            total = json.loads(out.stdout or "{}").get("total", 0) if ok else 0
            detail, ok = f"{total} results", ok and total > 0
        elif label.startswith("read the scanned"):
            sources = [d.get("text_source") for d in json.loads(out.stdout or "[]")] if ok else []
            detail = f"{sources.count('OCR')} read by OCR"
            ok = ok and "OCR" in sources  # the bundled Tesseract and its language data work
        elif label == "export a brief":
            ok = ok and (tmp / "brief.pdf").stat().st_size > 10_000
        elif label == "export a Word brief":  # python-docx reads its templates from disk
            ok = ok and (tmp / "brief.docx").stat().st_size > 10_000
        elif label == "open the window":
            rec = json.loads((tmp / "probe.json").read_text().splitlines()[-1]) if ok else {}
            ok = ok and rec.get("visible") and rec.get("library_rows", 0) >= 15
            detail = f"{rec.get('library_rows')} documents, screenshot {shot}"
            ok = ok and shot.exists()
        elif label.startswith("open a file"):
            detail = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""
            ok = ok and "gone.pdf" in out.stderr and "Traceback" not in out.stderr
        print(f"{'ok ' if ok else 'FAIL'} {label:36} {took:6.1f} s  {detail}")
        if not ok:
            print(out.stdout[-2000:], out.stderr[-4000:], sep="\n", file=sys.stderr)
            return 1
    print(f"smoke passed in {time.monotonic() - started:.1f} s (workspace {tmp})")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "policy-reader"))
