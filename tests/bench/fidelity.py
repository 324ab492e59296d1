"""Fidelity benchmark: how well real-looking documents are read. Prints JSON.

    .venv/bin/python tests/bench/fidelity.py [--fixtures DIR] [--no-news] [--details]

Reads every fixture of ``tests/fixtures/fidelity/`` (see scripts/make_fidelity_fixtures.py)
and compares with its sidecar ``NAME.expected.json``:

* ``metadata``: per field (title, kind, court, jurisdiction, date, docket, citation, judge,
  type, author), how many fixtures have the expected value, and the accuracy;
* ``text``: cleanliness counts — ``running_heads_left`` (a running head or foot still in
  the text of the page it was printed on), ``page_numbers_left`` (a page's printed number
  still at the start or end of its text, "7 weapons"), ``mid_sentence_breaks`` (a word run
  that crosses a page, column or line break found only across a paragraph break),
  ``sentences_missing`` (not found at all: reordered or damaged), ``broken_compounds``
  ("out-of-state" no longer written so), ``unjoined_words`` (a line-end hyphenation left
  in), ``page_labels_wrong`` (a page's label is not the number it prints);
* ``seconds``: extraction time, in this process, one core.

**Hook for the news pages**: when ``tests/bench/fidelity_news.py`` exists, its result is
included as ``"news"`` (``--no-news`` leaves it out), so one command reports both: its
``run() -> dict`` when it defines one, else its printed JSON (run as a script; the
per-page rows only with ``--details``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(REPO))

from reader.extract.registry import extract_file  # noqa: E402
from reader.model.documents import DocText  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "fidelity"
NEWS_BENCH = Path(__file__).resolve().parent / "fidelity_news.py"
#: Sidecar field -> the name the report uses.
FIELDS = {"title": "title", "kind": "kind", "site": "court", "jurisdiction": "jurisdiction",
          "date": "date", "docket": "docket", "citation": "citation", "judge": "judge",
          "doc_type": "type", "author": "author"}


def flat(text: str) -> str:
    """Whitespace as single spaces, paragraph breaks as " ¶ "."""
    return re.sub(r"[ \n]+", " ", re.sub(r"\n{2,}", " ¶ ", text))


def _page_texts(doc: DocText) -> dict[int, str]:
    return {p.number: doc.text[p.start:p.end] for p in doc.pages}


def text_counts(side: dict[str, Any], doc: DocText) -> Counter[str]:
    c: Counter[str] = Counter()
    text = flat(doc.text)
    joined = text.replace(" ¶ ", " ")
    pages = _page_texts(doc)
    for page, heads in side.get("running_heads_by_page", {}).items():
        page_text = flat(pages.get(int(page), ""))
        for head in heads:
            c["running_heads_left"] += page_text.count(" ".join(head.split()))
    later = flat(" ".join(t for n, t in pages.items() if n > 1))
    for line in side.get("page_number_lines", []):
        # a docket or similar line printed as a head on later pages (page 1's caption
        # prints it legitimately)
        c["running_heads_left"] += later.count(line)
    for page, label in side.get("page_labels", {}).items():
        page_text = pages.get(int(page), "").strip()
        lines = [ln for ln in page_text.split("\n") if ln.strip()]
        ends = (lines[:1] + lines[-1:]) if lines else []
        number = re.escape(label)
        # the number alone ("7", "- 7 -", "Page 7 of 9"), before a short head ("7 weapons")
        # or after one ("UNITED STATES V. X 7"); a footnote ("3 See …") is longer
        pattern = re.compile(rf"^\W*(?:page\s*)?{number}(?:\s+of\s+\d+)?(?:\W*$|\s+\S.{{0,40}}$)|"
                             rf"(?:^|\s)\W*{number}\W*$", re.IGNORECASE)
        c["page_numbers_left"] += sum(1 for ln in ends if pattern.search(ln))
    for run in side.get("sentences", []):
        run = " ".join(run.split())
        if run in text:
            continue
        if run in joined:
            c["mid_sentence_breaks"] += 1
        else:
            c["sentences_missing"] += 1
    for word in side.get("compounds", []):
        if word not in joined:
            c["broken_compounds"] += 1
    for word in side.get("hyphenated_words", []):
        if word not in joined:
            c["unjoined_words"] += 1
    for page in doc.pages:
        want = side.get("page_labels", {}).get(str(page.number))
        if want is not None and page.label != want:
            c["page_labels_wrong"] += 1
    return c


def run(fixtures: Path = FIXTURES, *, details: bool = False) -> dict[str, Any]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    text: Counter[str] = Counter()
    wrong: list[dict[str, str]] = []
    per_fixture: dict[str, dict[str, int]] = {}
    seconds = 0.0
    sides = sorted(fixtures.glob("*.expected.json"))
    for side_path in sides:
        side = json.loads(side_path.read_text("utf-8"))
        start = time.perf_counter()
        x = extract_file(fixtures / side["file"])
        seconds += time.perf_counter() - start
        for key, name in FIELDS.items():
            if key not in side["expected"]:
                continue
            want, got = side["expected"][key], getattr(x.meta, key)
            total[name] += 1
            if got == want:
                right[name] += 1
            else:
                wrong.append({"file": side["file"], "field": name, "got": got, "want": want})
        counts = text_counts(side, DocText("", x.text, x.pages, x.sections))
        text.update(counts)
        if details:
            per_fixture[side["file"]] = dict(counts)
    fields = {name: {"right": right[name], "total": total[name],
                     "accuracy": round(right[name] / total[name], 4) if total[name] else None}
              for name in FIELDS.values()}
    all_right, all_total = sum(right.values()), sum(total.values())
    keys = ("running_heads_left", "page_numbers_left", "mid_sentence_breaks",
            "sentences_missing", "broken_compounds", "unjoined_words", "page_labels_wrong")
    out: dict[str, Any] = {
        "fixtures": len(sides),
        "metadata": {"fields": fields, "right": all_right, "total": all_total,
                     "accuracy": round(all_right / all_total, 4) if all_total else None,
                     "wrong": wrong},
        "text": {k: text[k] for k in keys},
        "seconds": round(seconds, 2),
    }
    if details:
        out["per_fixture"] = per_fixture
    return out


def news(*, details: bool = False) -> dict[str, Any] | None:
    """The news pages' own bench (written separately), when it is there."""
    if not NEWS_BENCH.exists():
        return None
    spec = importlib.util.spec_from_file_location("fidelity_news", NEWS_BENCH)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    runner = getattr(module, "run", None)
    if callable(runner):
        result = runner()
    else:  # a script that prints its JSON
        out = subprocess.run([sys.executable, str(NEWS_BENCH)], capture_output=True,
                             text=True, cwd=REPO, timeout=1800)
        try:
            result = json.loads(out.stdout)
        except ValueError:
            return {"error": f"fidelity_news.py printed no JSON (exit {out.returncode}): "
                             f"{out.stderr.strip()[-300:]}"}
    if isinstance(result, dict) and not details:
        result.pop("per_page", None)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    parser.add_argument("--no-news", action="store_true", help="leave the news pages out")
    parser.add_argument("--details", action="store_true", help="text counts per fixture")
    args = parser.parse_args(argv)
    result = run(args.fixtures, details=args.details)
    if not args.no_news:
        result["news"] = news(details=args.details)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
