"""Regenerate the generated files of the bundled sample corpus (``corpus/``).

    python scripts/make_corpus.py            # rewrite the generated files in corpus/
    python scripts/make_corpus.py --out DIR  # write them under DIR instead
    python scripts/make_corpus.py --check    # exit 1 if a committed file differs
    python scripts/make_corpus.py --locate corpus/x.pdf "fragment" ...  # page, line break

The PDFs (reportlab, ``invariant=1``) and DOCX files (python-docx, fixed dates and zip
timestamps) are byte-identical across runs on the same library versions. The HTML, Markdown
and plain-text documents in ``corpus/`` are written by hand and not touched here. The source
texts live in ``scripts/corpus_src/texts/``; every document is fictional (see docs/corpus.md).
Needs the DejaVu fonts in /usr/share/fonts/truetype/dejavu.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from corpus_src.documents import GENERATED  # noqa: E402


def build_all(out: Path, only: set[str] | None = None) -> list[Path]:
    # reportlab keeps its settings in a process-wide module; another reportlab user in the
    # same process (the brief exporter switches off ASCII-85) would change the bytes.
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 1
    try:
        return _build(out, only)
    finally:
        rl_config.useA85 = saved


def _build(out: Path, only: set[str] | None) -> list[Path]:
    written = []
    with tempfile.TemporaryDirectory(prefix="corpus-build-") as tmp:
        for rel, builder in GENERATED.items():
            if only and rel not in only:
                continue
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            builder(target, Path(tmp))
            written.append(target)
    return written


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "corpus",
                        help="folder to write into (default: the repository's corpus/)")
    parser.add_argument("--check", action="store_true",
                        help="build in a temporary folder and compare with corpus/")
    parser.add_argument("--locate", type=Path, metavar="PDF",
                        help="print the page, line-break and column of each fragment given")
    parser.add_argument("only", nargs="*",
                        help="relative paths to build (default: all); with --locate, fragments")
    args = parser.parse_args(argv)
    if args.locate:
        from corpus_src.locate import locate

        locate(args.locate, args.only)
        return 0
    only = set(args.only) or None
    if args.check:
        with tempfile.TemporaryDirectory(prefix="corpus-check-") as tmp:
            built = build_all(Path(tmp), only)
            stale = [p.relative_to(tmp).as_posix() for p in built
                     if not (REPO / "corpus" / p.relative_to(tmp)).exists()
                     or _sha(p) != _sha(REPO / "corpus" / p.relative_to(tmp))]
        for rel in stale:
            print(f"differs: corpus/{rel}")
        print("up to date" if not stale else f"{len(stale)} file(s) differ")
        return 1 if stale else 0
    for path in build_all(args.out, only):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
