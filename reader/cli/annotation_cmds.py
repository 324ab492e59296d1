"""Annotation commands: annotate, annotations list|delete (import, export and held:
:mod:`reader.cli.annotation_files_cmds`), themes list (edits: :mod:`reader.cli.theme_cmds`),
whoami."""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from typing import Any

from reader.annotations.identity import current_author, set_author_name
from reader.annotations.select import Selection, author_filter, parse_stance, theme_filter
from reader.annotations.taxonomy import Taxonomy
from reader.cli import annotation_files_cmds, theme_cmds
from reader.cli.common import StderrProgress, open_workspace, print_json
from reader.errors import AnnotationError, ReaderError, UsageError
from reader.model.annotations import Placed
from reader.paths import DATA_DIRNAME, resolve_workspace
from reader.settings import Settings
from reader.workspace import Workspace


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

    ann = sub.add_parser("annotations", help="list, import, export or delete highlights",
                         description="Work with the highlights of everyone in the workspace.")
    asub = ann.add_subparsers(dest="annotations_command", metavar="ACTION", required=True)

    p = asub.add_parser("list", help="list highlights",
                        description="List highlights (everyone's), filtered.")
    add_filters(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_list)

    annotation_files_cmds.register(asub)

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
        changes = ws.library().update(progress=progress)
    finally:
        progress.finish()
    for problem in changes.problems:
        print(f"policy-reader: {problem}", file=sys.stderr)
    store = ws.annotations()
    report = store.load()
    for problem in report.problems:
        print(f"policy-reader: {problem}", file=sys.stderr)
    return ws


def selection(ws: Workspace, args: argparse.Namespace) -> Selection:
    library = ws.library()
    docs = frozenset(library.find(ref).id for ref in args.doc) if args.doc else None
    tax = ws.themes().taxonomy()
    for ref in args.theme:
        if tax.find(ref) is None and not any(ref in h.themes for h in ws.annotations().all()):
            raise UsageError(f"There is no theme '{ref}'.",
                             "Run 'policy-reader themes list' to see them.")
    return Selection(doc_ids=docs, themes=theme_filter(tax, args.theme),
                     author_ids=author_filter(ws.annotations().authors(), args.author),
                     stance=parse_stance(args.stance),
                     orphaned=True if args.orphaned else None)


# -- annotate --------------------------------------------------------------------------------
def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Where ``quote`` occurs in ``text``: exactly, else with any whitespace between words,
    else also ignoring case."""
    quote = unicodedata.normalize("NFC", quote).strip()
    if not quote:
        raise UsageError("The quote is empty.")
    spans = []
    at = text.find(quote)
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    if spans:
        return spans
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    for flags in (0, re.IGNORECASE):
        spans = [(m.start(), m.end()) for m in re.finditer(pattern, text, flags)]
        if spans:
            return spans
    return []


def cmd_annotate(args: argparse.Namespace) -> int:
    ws = load_workspace(args)
    library = ws.library()
    doc = library.find(args.doc)
    text = library.text(doc.id).text
    spans = find_quote(text, args.quote)
    if not spans:
        raise AnnotationError(f"The words \"{_short(args.quote, 60)}\" are not in {doc.title}.")
    if args.occurrence is not None:
        if not 1 <= args.occurrence <= len(spans):
            raise UsageError(f"The words occur {len(spans)} time(s) in {doc.title}; "
                             f"--occurrence must be between 1 and {len(spans)}.")
        start, end = spans[args.occurrence - 1]
    elif len(spans) > 1:
        raise AnnotationError(f"The words occur {len(spans)} times in {doc.title}.",
                              "Pick one with --occurrence N (1 = the first).")
    else:
        start, end = spans[0]
    tax = ws.themes().taxonomy()
    themes = [theme_cmds.theme_id(tax, t) for t in args.theme]
    store = ws.annotations()
    h = store.create(doc.id, start, end, themes=themes, stance=parse_stance(args.stance),
                     note=args.note, color=args.color)
    store.save()
    placed = next(p for p in store.for_document(doc.id) if p.highlight.id == h.id)
    if args.json:
        print_json(_placed_json(placed, tax, mine_id=store.author.id))
    else:
        print(h.id)
    return 0


# -- list ------------------------------------------------------------------------------------
def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


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
    store = ws.annotations()
    chosen_by = selection(ws, args)
    paths = {d.id: d.path for d in ws.library().documents()}
    chosen = [p for p in store.placed_all() if chosen_by.matches(p)]
    chosen.sort(key=lambda p: (paths.get(p.anchor.doc_id, p.highlight.doc_path), p.orphaned,
                               p.anchor.start, p.highlight.id))
    tax = ws.themes().taxonomy()
    if args.json:
        print_json([_placed_json(p, tax, mine_id=store.author.id,
                                 path=paths.get(p.anchor.doc_id, "")) for p in chosen])
        return 0
    if not chosen:
        print("No highlights." if not store.all() else "No highlight matches.")
        return 0
    for p in chosen:
        h, a = p.highlight, p.anchor
        where = paths.get(a.doc_id, h.doc_path)
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
        print(f"    \u201c{_short(h.quote.exact, 100)}\u201d")
        if h.note:
            print(f"    note: {_short(h.note, 100)}")
    print(f"{len(chosen)} highlight(s)", file=sys.stderr)
    return 0


# -- delete --------------------------------------------------------------------------------
def cmd_delete(args: argparse.Namespace) -> int:
    ws = load_workspace(args)
    store = ws.annotations()
    h = store.find(args.id)
    store.delete(h.id)
    store.save()
    print(f"deleted {h.id}", file=sys.stderr)
    return 0


# -- themes / whoami -------------------------------------------------------------------------
def cmd_themes_list(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    tax = ws.themes().taxonomy()
    for problem in ws.themes().problems:
        print(f"policy-reader: {problem}", file=sys.stderr)
    store = ws.annotations()
    counts: dict[str, int] = {}
    for h in store.all():
        for tid in h.themes:
            rid = tax.resolve(tid) or tid
            counts[rid] = counts.get(rid, 0) + 1
    unknown = sorted(tid for tid in counts if tid not in tax.by_id)
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
        author = set_author_name(settings, args.name)
        # rewrite your file in this workspace now, so others see the new name (without
        # creating or seeding a workspace just for this)
        root = resolve_workspace(getattr(args, "workspace", None))
        if (root / DATA_DIRNAME / "annotations" / f"{author.id}.json").is_file():
            try:
                store = Workspace.open(root, settings=settings).annotations()
                store.load()
                author = store.set_author_name(args.name)
                store.save()
            except ReaderError as exc:  # the name itself is saved: say so, exit 0
                print(f"policy-reader: {exc}", file=sys.stderr)
                print("policy-reader: your new name is saved; your annotation file in this "
                      "workspace still shows the old one until it can be saved again.",
                      file=sys.stderr)
    else:
        author = current_author(settings)
    if args.json:
        print_json({"id": author.id, "name": author.name})
    else:
        print(f"{author.name} ({author.id})")
    return 0
