"""Codes: ``policy-reader codes`` lists a code's one-section files as its titles, chapters
and sections; ``--chapter LABEL`` prints a chapter's sections in order, as one text."""

from __future__ import annotations

import argparse
import sys

from reader.cli.common import StderrProgress, open_workspace, print_json
from reader.model.codes import CodeNode
from reader.ops import codes, library


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("codes", help="list codes (one-section statute files) as trees",
                       description="List the codes whose sections are files of their own "
                                   "(the D.C. Code's one file per section) as titles, chapters "
                                   "and sections; or print one chapter's sections in order.")
    p.add_argument("--chapter", metavar="LABEL",
                   help="print this chapter's (or title's) sections in order "
                        "(e.g. 'Chapter 9E')")
    p.add_argument("--json", action="store_true", help="the trees as JSON")
    p.set_defaults(func=cmd_codes)


def _lines(node: CodeNode, depth: int) -> list[str]:
    out = [f"{'  ' * depth}{node.text}"]
    for child in node.children:
        out += _lines(child, depth + 1)
    return out


def _tree(node: CodeNode) -> dict[str, object]:
    return {"label": node.label, "heading": node.heading, "level": node.level,
            "doc_id": node.doc_id, "children": [_tree(c) for c in node.children]}


def cmd_codes(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    progress = StderrProgress(quiet=args.quiet)
    try:  # the library up to date first (quick when nothing changed), as search does
        library.refresh(ws, index=False, progress=progress)
    finally:
        progress.finish()
    if args.chapter:
        chapter = codes.chapter(ws, codes.find_node(ws, args.chapter))
        sys.stdout.write(chapter.text.text + "\n")
        return 0
    found = codes.collections(ws)
    if args.json:
        print_json([{"code": c.code, "jurisdiction": c.jurisdiction,
                     "sections": len(c.sections()), "index_ids": list(c.index_ids),
                     "tree": [_tree(r) for r in c.roots]} for c in found])
        return 0
    if not found:
        print("No code in this workspace has one-section files.")
        return 0
    for coll in found:
        print(coll.label)
        for root in coll.roots:
            print("\n".join(_lines(root, 1)))
    return 0
