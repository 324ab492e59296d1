"""Annotation commands: annotate, annotations list|delete (import, export and held:
:mod:`reader.cli.annotation_files_cmds`), themes list (edits: :mod:`reader.cli.theme_cmds`),
whoami."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.cli import annotation_files_cmds, discussion_cmds, theme_cmds
from reader.cli.common import StderrProgress, open_workspace, print_json
from reader.model.annotations import Placed
from reader.model.themes import Taxonomy
from reader.ops import highlights, identity, library, queries, themes
from reader.ops.highlights import short
from reader.ops.queries import Selection
from reader.ops.workspace import Workspace
from reader.settings import Settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("annotate", help="highlight a passage of a document",
                       description="Highlight the words QUOTE in document DOC (id, id prefix "
                                   "or path), with themes, a stance and a note. Saved to your "
                                   "own annotation file.")
    p.add_argument("doc", metavar="DOC")
    p.add_argument("--quote", required=True, metavar="TEXT",
                   help="the exact words to highlight (spaces and line breaks may differ)")
    p.add_argument("--occurrence", type=int, metavar="N",
                   help="which occurrence, when the words appear more than once (1 = first)")
    p.add_argument("--theme", action="append", default=[], metavar="THEME",
                   help="a theme id or name (repeat for several)")
    p.add_argument("--stance", metavar="S", help="supports, opposes or neutral")
    p.add_argument("--note", default="", metavar="TEXT", help="a note (Markdown)")
    p.add_argument("--color", metavar="#RRGGBB", help="colour (default: the first theme's)")
    p.add_argument("--json", action="store_true", help="print the new highlight as JSON")
    p.set_defaults(func=cmd_annotate)

    ann = sub.add_parser("annotations",
                         help="list, import, export or delete highlights; reply and link",
                         description="Work with the highlights of everyone in the workspace, "
                                     "their replies and the links between them.")
    asub = ann.add_subparsers(dest="annotations_command", metavar="ACTION", required=True)

    p = asub.add_parser("list", help="list highlights",
                        description="List highlights (everyone's), filtered.")
    add_filters(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_list)

    annotation_files_cmds.register(asub)
    discussion_cmds.register(asub)

    p = asub.add_parser("delete", help="delete one of your highlights",
                        description="Delete one of your own highlights (by id or the start "
                                    "of its id).")
    p.add_argument("id", metavar="ID")
    p.set_defaults(func=cmd_delete)

    th = sub.add_parser("themes", help="the theme taxonomy",
                        description="Show or edit the workspace's themes (the group's "
                                    "taxonomy, in .policy-reader/themes.json).")
    tsub = th.add_subparsers(dest="themes_command", metavar="ACTION", required=True)
    p = tsub.add_parser("list", help="list themes with their ids and use counts")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_themes_list)
    theme_cmds.register(tsub)

    p = sub.add_parser("whoami", help="show or set your name as an annotator",
                       description="Show your annotator name and id, or set the name with "
                                   "--name. The id never changes.")
    p.add_argument("--name", metavar="NAME", help="your new display name")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_whoami)


def add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", action="append", default=[], metavar="DOC",
                   help="only this document (id, id prefix or path; repeatable)")
    p.add_argument("--theme", action="append", default=[], metavar="THEME",
                   help="only this theme and its sub-themes (repeatable)")
    p.add_argument("--author", action="append", default=[], metavar="AUTHOR",
                   help="only this author (name or id; repeatable)")
    p.add_argument("--stance", metavar="S", help="only this stance")
    p.add_argument("--orphaned", action="store_true",
                   help="only highlights that cannot be placed in the current text")


def load_workspace(args: argparse.Namespace) -> Workspace:
    """The workspace with its library brought up to date (an amended memo is seen at once;
    nothing is re-read when no file changed) and every annotation file loaded."""
    ws = open_workspace(args)
    progress = StderrProgress(quiet=getattr(args, "quiet", False))
    try:
        changes = library.refresh(ws, index=False, progress=progress).value
    finally:
        progress.finish()
    for problem in changes.problems:
        print(f"policy-reader: {problem}", file=sys.stderr)
    for problem in highlights.load(ws).value.report.problems:
        print(f"policy-reader: {problem}", file=sys.stderr)
    return ws


def selection(ws: Workspace, args: argparse.Namespace) -> Selection:
    return queries.selection(ws, docs=args.doc, themes=args.theme, authors=args.author,
                             stance=args.stance, orphaned=args.orphaned)


# -- annotate --------------------------------------------------------------------------------
def cmd_annotate(args: argparse.Namespace) -> int:
    ws = load_workspace(args)
    placed = highlights.annotate(ws, args.doc, args.quote, occurrence=args.occurrence,
                                 themes=args.theme, stance=args.stance, note=args.note,
                                 color=args.color).value
    if args.json:
        print_json(_placed_json(placed, themes.taxonomy(ws), mine_id=queries.me(ws).id))
    else:
        print(placed.highlight.id)
    return 0


# -- list ------------------------------------------------------------------------------------
def _placed_json(p: Placed, tax: Taxonomy, *, mine_id: str, path: str = "") -> dict[str, Any]:
    h, a = p.highlight, p.anchor
    return {
        "id": h.id, "status": a.status.value,
        "doc_id": a.doc_id or h.doc_id, "path": path or h.doc_path,
        "start": a.start if not p.orphaned else h.start,
        "end": a.end if not p.orphaned else h.end,
        "page": h.page if p.orphaned else a.page,
        "section": h.section if p.orphaned else a.section,
        "quote": h.quote.exact, "themes": list(h.themes),
        "theme_labels": [tax.path_label(t) for t in h.themes],
        "unknown_themes": [t for t in h.themes if not tax.known(t)],
        "stance": h.stance.value if h.stance else None, "note": h.note, "color": h.color,
        "author": {"id": h.author.id, "name": h.author.name}, "mine": h.author.id == mine_id,
        "created": h.created, "modified": h.modified, "score": a.score,
    }


def cmd_list(args: argparse.Namespace) -> int:
    ws = load_workspace(args)
    listed = queries.list_highlights(ws, selection(ws, args))
    tax = themes.taxonomy(ws)
    if args.json:
        me = queries.me(ws).id
        print_json([_placed_json(x.placed, tax, mine_id=me, path=x.path) for x in listed])
        return 0
    if not listed:
        print("No highlights." if not queries.has_highlights(ws) else "No highlight matches.")
        return 0
    for x in listed:
        p = x.placed
        h, a = p.highlight, p.anchor
        where = x.path or h.doc_path
        page = h.page if p.orphaned else a.page
        section = h.section if p.orphaned else a.section
        bits = [h.id.removeprefix("urn:uuid:")[:8], where]
        if page:
            bits.append(f"p. {page}")
        if section:
            bits.append(section)
        if p.orphaned:
            bits.append("ORPHANED")
        elif a.status.value == "moved":
            bits.append("(moved)")
        if h.themes:
            bits.append("[" + "; ".join(tax.label(t) for t in h.themes) + "]")
        if h.stance:
            bits.append(h.stance.value)
        bits.append(f"— {h.author.name}")
        print("  ".join(bits))
        print(f"    \u201c{short(h.quote.exact, 100)}\u201d")
        if h.note:
            print(f"    note: {short(h.note, 100)}")
    print(f"{len(listed)} highlight(s)", file=sys.stderr)
    return 0


# -- delete --------------------------------------------------------------------------------
def cmd_delete(args: argparse.Namespace) -> int:
    ws = load_workspace(args)
    h = highlights.delete_by_ref(ws, args.id).value.highlight
    print(f"deleted {h.id}", file=sys.stderr)
    return 0


# -- themes / whoami -------------------------------------------------------------------------
def cmd_themes_list(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    tax = themes.taxonomy(ws)
    for problem in themes.problems(ws):
        print(f"policy-reader: {problem}", file=sys.stderr)
    found = themes.counts(ws, tax)  # a parent's count includes its sub-themes', as in the app
    counts = {**found.everywhere, **found.unknown}
    unknown = sorted(found.unknown)
    if args.json:
        print_json({
            "themes": [{"id": t.id, "label": t.label, "color": t.color,
                        "description": t.description, "parent": t.parent, "order": t.order,
                        "depth": tax.depth(t.id), "highlights": counts.get(t.id, 0)}
                       for t in tax.themes],
            "favourites": list(tax.favourites),
            "aliases": dict(tax.aliases),
            "unknown": [{"id": tid, "highlights": counts[tid]} for tid in unknown],
        })
        return 0
    width = max((len(t.id) + 2 * tax.depth(t.id) for t in tax.themes), default=10)
    for t in tax.themes:
        indent = "  " * tax.depth(t.id)
        n = counts.get(t.id, 0)
        print(f"{indent}{t.id:<{width - len(indent)}}  {t.color}  {t.label}"
              + (f"  ({n})" if n else ""))
    for tid in unknown:
        print(f"{tid:<{width}}  unknown  ({counts[tid]}) — from another group; adopt it in the "
              "app")
    return 0


def cmd_whoami(args: argparse.Namespace) -> int:
    settings = Settings()
    if args.name is not None:
        renamed = identity.rename(settings, args.name, getattr(args, "workspace", None)).value
        author = renamed.author
        if renamed.unsaved:  # the name itself is saved: say so, exit 0
            print(f"policy-reader: {renamed.unsaved}", file=sys.stderr)
            print("policy-reader: your new name is saved; your annotation file in this "
                  "workspace still shows the old one until it can be saved again.",
                  file=sys.stderr)
    else:
        author = identity.whoami(settings)
    if args.json:
        print_json({"id": author.id, "name": author.name})
    else:
        print(f"{author.name} ({author.id})")
    return 0
