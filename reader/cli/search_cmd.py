"""``policy-reader search QUERY``: search the workspace's documents and annotations."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from reader.cli.common import StderrProgress, open_workspace, print_json
from reader.errors import SearchIndexError, UsageError
from reader.model.search import SearchResults, Snippet
from reader.ops import library, search

BOLD, RESET = "\x1b[1m", "\x1b[0m"


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to ``sub``."""
    p = sub.add_parser(
        "search", help="search documents, highlights and notes",
        description="Search the workspace's documents and the group's highlights and notes. "
                    "Words, \"exact phrases\", AND/OR/NOT, -exclude, prefix*, fuzzy~, "
                    "kind:memo, jurisdiction:PA, theme:naloxone, author:, stance:, "
                    "date:2019..2021, and section numbers such as 12-405 or § 4-210(b). "
                    "The library and index are brought up to date first.")
    p.add_argument("query", nargs="+", help="the query (quote it in the shell if it has "
                                            "quotation marks or parentheses)")
    p.add_argument("--limit", type=int, default=20, metavar="N",
                   help="at most N documents (default 20)")
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance",
                   help="order documents by relevance (default) or by date, newest first")
    p.add_argument("--json", action="store_true",
                   help="machine-readable output with match offsets and facet counts")
    p.add_argument("--no-update", action="store_true",
                   help="search the index as it is, without checking for changed files")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise UsageError("--limit must be 1 or more.")
    query = " ".join(args.query)
    ws = open_workspace(args)
    if not args.no_update:
        progress = StderrProgress(quiet=args.quiet)
        try:
            library.refresh(ws, progress=progress)
        except SearchIndexError as exc:  # e.g. a full disk: search what is indexed
            print(f"note: {exc}", file=sys.stderr)
        finally:
            progress.finish()
    results = search.search(ws, query, limit=args.limit, sort=args.sort)
    if args.json:
        print_json(results_json(results, search.status(ws).state))
        return 0
    for warning in results.warnings:
        print(f"note: {warning}", file=sys.stderr)
    print_results(results, sys.stdout, ansi=sys.stdout.isatty())
    return 0


def mark_text(snippet: Snippet, *, ansi: bool) -> str:
    """The snippet's text with its marks as ``[[word]]`` (or bold on a terminal)."""
    left, right = (BOLD, RESET) if ansi else ("[[", "]]")
    out, pos = [], 0
    for start, end in snippet.marks:
        out += [snippet.text[pos:start], left, snippet.text[start:end], right]
        pos = end
    out.append(snippet.text[pos:])
    return "".join(out)


def _where(hit: Any) -> str:
    page = f"p. {hit.page_label}" if hit.page_label else ""
    if hit.source in ("note", "quote"):
        return "highlight" + (f", {page}" if page else "")
    if hit.source == "title":
        return "title"
    return page or "text"


def print_results(results: SearchResults, out: TextIO, *, ansi: bool = False) -> None:
    for group in results.groups:
        about = ", ".join(x for x in (group.kind, group.date) if x)
        print(f"{group.doc_id[:12]}  {group.title}" + (f"  ({about})" if about else ""),
              file=out)
        print(f"    {group.path}  score {group.score:.2f}", file=out)
        for hit in group.hits:
            where = _where(hit)
            for snippet in hit.snippets:
                print(f"    {where}: {mark_text(snippet, ansi=ansi)}", file=out)
    if results.suggestion:
        print(f"Did you mean: {results.suggestion}", file=out)
    n = results.total
    shown = len(results.groups)
    if n == 0:
        summary = "No documents match."
    else:
        summary = ("1 document matches" if n == 1 else f"{n} documents match") + (
            f" (showing {shown})." if shown < n else ".")
    print(summary, file=out)


def results_json(results: SearchResults, state: str = "") -> dict[str, Any]:
    facets: dict[str, dict[str, int]] = {}
    for f in results.facets:
        facets.setdefault(f.field, {})[f.value] = f.count
    return {
        "query": results.query,
        "total": results.total,
        "suggestion": results.suggestion,
        "warnings": list(results.warnings),
        "index": state,
        "elapsed": round(results.elapsed, 4),
        "facets": facets,
        "results": [{
            "doc_id": g.doc_id, "title": g.title, "path": g.path, "kind": g.kind,
            "date": g.date, "score": round(g.score, 4),
            "hits": [{
                "page": h.page, "page_label": h.page_label, "source": h.source,
                "score": round(h.score, 4), "annotation_id": h.annotation_id,
                "snippets": [{
                    "text": s.text, "marked": mark_text(s, ansi=False),
                    "start": s.start, "end": s.end,
                    "marks": [list(m) for m in s.marks],
                    "matches": [{"start": a, "end": b} for a, b in s.matches],
                } for s in h.snippets],
            } for h in g.hits],
        } for g in results.groups],
    }
