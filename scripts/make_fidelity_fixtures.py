"""Write the fidelity fixtures under ``tests/fixtures/fidelity/`` (deterministic output).

    python scripts/make_fidelity_fixtures.py            # rewrite every fixture and sidecar
    python scripts/make_fidelity_fixtures.py --check    # exit 1 if a committed file differs
    python scripts/make_fidelity_fixtures.py NAME ...   # only these (file names)

Each fixture imitates the layout of a kind of real document (federal and state appellate
opinions, a Supreme Court slip opinion, docketed filings, Statements of Administration
Policy, a Federal Register proposed rule, a bill, and the bad inputs of issue 10) with
fictional text: every party, judge, case and citation is invented. Beside each file,
``NAME.expected.json`` says what a careful reader takes from it:

* ``expected``: the metadata (title in the short citation form, kind, site = the court,
  jurisdiction, date, docket, citation = the document's own, judge, doc_type, author);
* ``provenance``: the page each main field is printed on (0: the file's properties);
* ``running_heads``: running heads and feet that must not remain in the text
  (``running_heads_by_page``: the same, per physical page);
* ``page_labels``: physical page -> printed page number (pages that print one);
* ``page_number_lines``: other page furniture that carries the page number;
* ``sentences``: word runs that cross a column or page break (first; often over a running
  head, a page number or footnotes) or a line break, and must appear unbroken, inside one
  paragraph;
* ``compounds``: hyphenated words broken at a line end after their hyphen (keep the hyphen);
* ``hyphenated_words``: words broken at a line end by a hyphen that must be joined.

Needs reportlab and Pillow, and the DejaVu fonts in /usr/share/fonts/truetype/dejavu.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = REPO / "tests" / "fixtures" / "fidelity"
sys.path.insert(0, str(HERE))

from fidelity_src import (  # noqa: E402
    badinput,
    courts,
    federal_a,
    federal_b,
    filings,
    govdocs,
    html_opinions,
)
from fidelity_src.kit import Fixture  # noqa: E402

BUILDERS = [*federal_a.BUILDERS, *federal_b.BUILDERS, *courts.BUILDERS,
            *html_opinions.BUILDERS, *filings.BUILDERS, *govdocs.BUILDERS,
            *badinput.BUILDERS]
MAX_SENTENCES = 14


def sidecar(fx: Fixture) -> dict[str, object]:
    out: dict[str, object] = {"file": fx.name, "about": fx.about, "expected": fx.expected,
                              "provenance": fx.provenance}
    rep = fx.report
    if rep is not None:
        out["pages"] = rep.pages
        out["running_heads"] = rep.heads
        out["running_heads_by_page"] = rep.heads_by_page
        out["page_labels"] = rep.labels
        crossing = list(dict.fromkeys(rep.crossings))
        lines = [x for x in dict.fromkeys(rep.sentences) if x not in crossing]
        out["sentences"] = crossing + lines[:max(4, MAX_SENTENCES - len(crossing))]
        out["compounds"] = list(dict.fromkeys(rep.compounds))
        out["hyphenated_words"] = list(dict.fromkeys(rep.words))
    out.update(fx.extra)
    return out


def build(out: Path, only: set[str] | None = None) -> list[Path]:
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 1  # as make_corpus.py: the same bytes whoever else uses reportlab
    written = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for builder in BUILDERS:
            fx = builder()
            if only and fx.name not in only:
                continue
            (out / fx.name).write_bytes(fx.data)
            side = out / (fx.name.rsplit(".", 1)[0] + ".expected.json")
            side.write_text(json.dumps(sidecar(fx), indent=2, ensure_ascii=False) + "\n",
                            encoding="utf-8")
            written += [out / fx.name, side]
    finally:
        rl_config.useA85 = saved
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="build in a temporary folder and compare with the committed files")
    parser.add_argument("only", nargs="*", help="file names to build (default: all)")
    args = parser.parse_args(argv)
    only = set(args.only) or None
    if args.check:
        with tempfile.TemporaryDirectory(prefix="fidelity-check-") as tmp:
            built = build(Path(tmp), only)
            stale = [p.name for p in built if not (OUT / p.name).exists()
                     or (OUT / p.name).read_bytes() != p.read_bytes()]
        for name in stale:
            print(f"differs: tests/fixtures/fidelity/{name}")
        print("up to date" if not stale else f"{len(stale)} file(s) differ")
        return 1 if stale else 0
    for path in build(OUT, only):
        print(path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
