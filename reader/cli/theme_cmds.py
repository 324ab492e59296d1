"""Theme edits from the command line: themes add|rename|recolor|describe|move|merge|delete|
favourites. The same operations the app's Themes panel calls (:mod:`reader.ops.themes`); the
workspace's ``.policy-reader/themes.json`` is written atomically."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from reader.cli.common import open_workspace
from reader.model.changes import Outcome
from reader.ops import themes
from reader.ops.themes import ThemeEdit, theme_id
from reader.ops.workspace import Workspace


def register(tsub: argparse._SubParsersAction) -> None:
    p = tsub.add_parser("add", help="add a theme",
                        description="Add a theme (at the top level, or under --parent).")
    p.add_argument("label", metavar="LABEL")
    p.add_argument("--parent", metavar="THEME", help="the parent theme's id or name")
    p.add_argument("--color", metavar="#RRGGBB", help="its colour (default: one of the family)")
    p.add_argument("--description", metavar="TEXT", default="", help="a one-line description")
    p.set_defaults(func=cmd_add)

    p = tsub.add_parser("rename", help="give a theme a new name (its id stays)")
    p.add_argument("theme", metavar="THEME")
    p.add_argument("label", metavar="LABEL")
    p.set_defaults(func=cmd_rename)

    p = tsub.add_parser("recolor", help="give a theme a new colour")
    p.add_argument("theme", metavar="THEME")
    p.add_argument("color", metavar="#RRGGBB")
    p.set_defaults(func=cmd_recolor)

    p = tsub.add_parser("describe", help="set a theme's one-line description")
    p.add_argument("theme", metavar="THEME")
    p.add_argument("text", metavar="TEXT")
    p.set_defaults(func=cmd_describe)

    p = tsub.add_parser("move", help="move a theme under another, or to the top level")
    p.add_argument("theme", metavar="THEME")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--parent", metavar="THEME", help="the new parent's id or name")
    where.add_argument("--top", action="store_true", help="to the top level")
    p.add_argument("--position", type=int, metavar="N",
                   help="place among its new siblings (1 = first; default: last)")
    p.set_defaults(func=cmd_move)

    p = tsub.add_parser("merge", help="merge a theme into another",
                        description="Merge THEME into INTO: its sub-themes move to INTO, your "
                                    "highlights are retagged, others' keep the old id and "
                                    "show under INTO. No highlight is dropped.")
    p.add_argument("theme", metavar="THEME")
    p.add_argument("into", metavar="INTO")
    p.set_defaults(func=cmd_merge)

    p = tsub.add_parser("delete", help="delete a theme (its highlights are kept)",
                        description="Delete a theme. With --into, as merge; otherwise your "
                                    "highlights lose the tag (they are kept) and its "
                                    "sub-themes move up one level.")
    p.add_argument("theme", metavar="THEME")
    p.add_argument("--into", metavar="THEME", help="merge its highlights into this theme")
    p.set_defaults(func=cmd_delete)

    p = tsub.add_parser("favourites", help="set the themes on keys 1-9",
                        description="Set the group's favourite themes, in key order (1-9).")
    p.add_argument("themes", metavar="THEME", nargs="*")
    p.set_defaults(func=cmd_favourites)


def cmd_add(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    parent = theme_id(themes.taxonomy(ws), args.parent) if args.parent else None
    theme = themes.add(ws, args.label, parent=parent, color=args.color,
                       description=args.description).value.result
    print(f"Added {theme.label} ({theme.id}).")
    return 0


def _one_value(edit: Callable[[Workspace, str, str], Outcome[ThemeEdit]], value: str,
               done: str) -> Callable[[argparse.Namespace], int]:
    """A command that sets one value of a theme (``edit(ws, id, args.<value>)``), then
    prints ``done`` (formatted with the theme as ``t``)."""

    def run(args: argparse.Namespace) -> int:
        ws = open_workspace(args)
        theme = edit(ws, theme_id(themes.taxonomy(ws), args.theme),
                     getattr(args, value)).value.result
        print(done.format(t=theme))
        return 0
    return run


cmd_rename = _one_value(themes.rename, "label", "Renamed {t.id} to {t.label}.")
cmd_recolor = _one_value(themes.recolor, "color", "{t.label} is now {t.color}.")
cmd_describe = _one_value(themes.describe, "text", "{t.label}: {t.description}")


def cmd_move(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    tax = themes.taxonomy(ws)
    parent = None if args.top else theme_id(tax, args.parent)
    order = None if args.position is None else max(0, args.position - 1)
    theme = themes.move(ws, theme_id(tax, args.theme), parent, order).value.result
    where = tax.by_id[parent].label if parent else "the top level"
    print(f"Moved {theme.label} to {where}.")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    tax = themes.taxonomy(ws)
    src, dst = theme_id(tax, args.theme), theme_id(tax, args.into)
    changed = themes.merge(ws, src, dst).value.result
    print(f"Merged {tax.by_id[src].label} into {tax.by_id[dst].label}; "
          f"{changed} of your highlights retagged.")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    tax = themes.taxonomy(ws)
    tid = theme_id(tax, args.theme)
    into = theme_id(tax, args.into) if args.into else None
    changed = themes.delete(ws, tid, merge_into=into).value.result
    what = f"retagged as {tax.by_id[into].label}" if into else "untagged (kept)"
    print(f"Deleted {tax.by_id[tid].label}; {changed} of your highlights {what}.")
    return 0


def cmd_favourites(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    tax = themes.taxonomy(ws)
    ids = themes.set_favourites(ws, [theme_id(tax, t) for t in args.themes]).value.result
    labels = themes.taxonomy(ws).by_id
    for key, tid in enumerate(ids, 1):
        print(f"{key}  {labels[tid].label} ({tid})")
    return 0
