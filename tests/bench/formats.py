"""Throughput of the HTML, Markdown, text and DOCX extractors (one process) and of section
detection on a long text. Prints JSON.

    .venv/bin/python tests/bench/formats.py [--docs N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.extract.registry import extract_file  # noqa: E402
from reader.extract.structure import detect_sections  # noqa: E402

PARA = ("The district attorney's office reviewed {n} overdose cases and found that people who "
        "called 911 were charged with possession in a third of them, which the policy now "
        "forbids. Advocates said the change came years too late for many families. ")


def _paras(k: int) -> list[str]:
    return [PARA.format(n=i) * 2 for i in range(k)]


def make_files(folder: Path, docs: int, paras: int) -> dict[str, list[Path]]:
    import docx

    out: dict[str, list[Path]] = {"text": [], "markdown": [], "html": [], "docx": []}
    for d in range(docs):
        body = _paras(paras)
        txt = folder / f"doc{d}.txt"
        txt.write_text("Sample statute\n\n" + "\n\n".join(
            f"Section {i + 1}. Heading {i}.\n\n(a) {p}" for i, p in enumerate(body)), "utf-8")
        out["text"].append(txt)
        md = folder / f"doc{d}.md"
        md.write_text("---\ntitle: Sample\n---\n# Sample\n\n" + "\n\n".join(
            f"## Part {i}\n\n{p}" for i, p in enumerate(body)), "utf-8")
        out["markdown"].append(md)
        page = folder / f"doc{d}.html"
        page.write_text("<html><head><title>Sample</title></head><body><nav>Home News</nav>"
                        "<article><h1>Sample story</h1>" + "".join(
                            f"<h2>Part {i}</h2><p>{p}</p>" for i, p in enumerate(body))
                        + "</article><aside>You may also like</aside></body></html>", "utf-8")
        out["html"].append(page)
        document = docx.Document()
        document.add_paragraph("Sample", style="Title")
        for i, p in enumerate(body):
            document.add_paragraph(f"Part {i}", style="Heading 1")
            document.add_paragraph(p)
        path = folder / f"doc{d}.docx"
        document.save(str(path))
        out["docx"].append(path)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=20, help="documents per format")
    parser.add_argument("--paras", type=int, default=40, help="paragraphs per document")
    args = parser.parse_args()
    result: dict[str, object] = {"cores": os.cpu_count(), "docs_per_format": args.docs}
    with tempfile.TemporaryDirectory() as tmp:
        files = make_files(Path(tmp), args.docs, args.paras)
        for fmt, paths in files.items():
            extract_file(paths[0])  # imports and warm-up
            chars = 0
            start, cpu = time.perf_counter(), time.process_time()
            for p in paths:
                chars += len(extract_file(p).text)
            secs = time.perf_counter() - start
            cpu = time.process_time() - cpu
            result[fmt] = {"files_per_s": round(len(paths) / secs, 1),
                           "kchars_per_s": round(chars / secs / 1000, 1),
                           "kchars_per_cpu_s": round(chars / cpu / 1000, 1),
                           "avg_chars": chars // len(paths)}
        big = Path(tmp) / "big.html"
        big.write_text("<html><body><article>" + "".join(
            f"<p>{p}</p>" for p in _paras(4000)) + "</article></body></html>", "utf-8")
        start, cpu = time.perf_counter(), time.process_time()
        extract_file(big)
        result["html_page_mb"] = round(big.stat().st_size / 1e6, 2)
        result["html_page_s"] = round(time.perf_counter() - start, 2)
        result["html_page_cpu_s"] = round(time.process_time() - cpu, 2)
    text = "\n\n".join(f"Section {i}. Title.\n\n(a) {p}\n\n(b) {p}" for i, p in
                       enumerate(_paras(6000)))
    start, cpu = time.perf_counter(), time.process_time()
    sections = detect_sections(text)
    result["sections_cpu_s"] = round(time.process_time() - cpu, 2)
    result["sections_mchars"] = round(len(text) / 1e6, 2)
    result["sections_found"] = len(sections)
    result["sections_s"] = round(time.perf_counter() - start, 2)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
