"""Annotation files: ``annotations import`` (with ``--dry-run`` and ``--replace-mine``),
``annotations export``, and ``annotations held`` (future-dated changes to your highlights
found in copies of your file, held aside until you accept them)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.cli import exchange_cmds
from reader.cli.common import print_json
from reader.errors import UsageError
from reader.model.annotations import Highlight
from reader.model.remarks import Record, Reply
from reader.ops import sharing
from reader.ops.highlights import short
from reader.ops.sharing import FORMATS, HeldVersion, ImportPlan


def register(asub: argparse._SubParsersAction) -> None:
    from reader.cli.annotation_cmds import add_filters

    p = asub.add_parser("import", help="import annotation files",
                        description="Import W3C Web Annotation files, Hypothesis exports, or "
                                    "a colleague's Policy Reader file. Every file is checked "
                                    "first; if one is broken nothing is imported. Your own "
                                    "highlights are never changed (edited or deleted) by an "
                                    "import unless you give --replace-mine.")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--dry-run", action="store_true",
                   help="print what would be added, updated, skipped and refused, and change "
                        "nothing")
    p.add_argument("--replace-mine", action="store_true",
                   help="let the files' newer versions change or delete your own highlights")
    p.add_argument("--json", action="store_true", help="print what was imported as JSON")
    exchange_cmds.add_import_options(p)
    p.set_defaults(func=cmd_import, creates_workspace=True)

    p = asub.add_parser("export", help="export highlights",
                        description="Export highlights as W3C JSON-LD, a Hypothesis export, "
                                    "or CSV for a spreadsheet.")
    p.add_argument("--format", required=True, choices=(*FORMATS, *exchange_cmds.FORMATS))
    p.add_argument("--out", required=True, metavar="FILE", help="output file ('-': stdout)")
    add_filters(p)
    p.add_argument("--no-names", action="store_true", help="leave out who made each highlight")
    p.add_argument("--no-notes", action="store_true", help="leave out the notes")
    p.set_defaults(func=cmd_export)

    p = asub.add_parser("held", help="future-dated changes to your highlights, held aside",
                        description="List the changes to your highlights found in sync "
                                    "copies of your file (such as '<id> (1).json') that are "
                                    "dated in the future by a wrong clock: they are not "
                                    "applied until you accept them. With --accept, apply "
                                    "them (all, or those of the highlight ids given).")
    p.add_argument("ids", nargs="*", metavar="ID", help="highlight ids (or their start)")
    p.add_argument("--accept", action="store_true", help="apply them to your highlights")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_held)


def _sid(hid: str) -> str:
    """A highlight id, short: the start of a uuid, else the end of the id."""
    if hid.startswith("urn:uuid:"):
        return hid[9:17]
    return hid.rsplit(":", 1)[-1][:12]


# -- import ----------------------------------------------------------------------------------
def cmd_import(args: argparse.Namespace) -> int:
    from reader.cli.annotation_cmds import load_workspace

    ws = load_workspace(args)
    if exchange_cmds.handles(args):
        return exchange_cmds.cmd_import(args, ws)
    if args.dry_run:
        plan = sharing.plan_import(ws, args.files, replace_mine=args.replace_mine)
        if args.json:
            print_json(_plan_json(plan))
        else:
            _print_plan(plan)
        for f in plan.files:
            if f.error:
                print(f"policy-reader: {f.error}", file=sys.stderr)
        return 0 if plan.ok else 1
    results = sharing.import_annotations(ws, args.files,
                                         replace_mine=args.replace_mine).value
    if args.json:
        print_json(results)
        return 0
    for r in results:
        if r.kind == "colleague":
            what = (f"{r.author}'s file is already here" if r.message else
                    f"{r.added} highlight(s) of {r.author} copied in as theirs")
        else:
            what = f"{r.added} new, {r.updated} updated, {r.skipped} skipped (yours)"
            if r.refused:
                what += (f", {r.refused} of your highlights NOT changed (the file has other "
                         "versions of them; --replace-mine lets it change them)")
        extra = []
        if r.replies_skipped:
            extra.append(f"{r.replies_skipped} replies skipped")
        if r.new_themes:
            extra.append(f"new themes: {', '.join(r.new_themes)}")
        if r.unmatched_documents:
            extra.append(f"{r.unmatched_documents} on documents not in this workspace "
                         "(listed as orphans)")
        print(f"{r.path}: {what}" + (f" ({'; '.join(extra)})" if extra else ""))
    return 0


def _print_plan(plan: ImportPlan) -> None:
    for f in plan.files:
        if f.error:
            print(f"{f.path}: cannot be imported")
            continue
        print(f"{f.path}: {f.description}: would add {f.added}, update {f.updated} "
              f"({sum(1 for d in f.changes_yours if d.action == 'update')} of yours), "
              f"skip {f.skipped}, refuse {f.refused}")
        for d in f.decisions:
            h = d.highlight
            where = h.doc_path or h.doc_id[:12]
            line = f"  {d.action:<7} {_sid(h.id)}  {where}  \u201c{short(h.quote.exact, 60)}\u201d"
            if d.reason:
                line += f"  ({d.reason})"
            print(line)
        if f.unknown_themes:
            verb = "new themes" if f.creates_themes else "themes not here"
            print(f"  {verb}: {', '.join(f.unknown_themes)}")
        if f.replies:
            print(f"  {f.replies} replies skipped")
    print("Nothing was changed (dry run).", file=sys.stderr)


def _plan_json(plan: ImportPlan) -> dict[str, Any]:
    return {"replace_mine": plan.replace_mine, "files": [{
        "path": f.path, "kind": f.kind, "author": f.author, "error": f.error,
        "added": f.added, "updated": f.updated, "skipped": f.skipped, "refused": f.refused,
        "orphaned": f.orphaned, "unknown_themes": list(f.unknown_themes),
        "creates_themes": f.creates_themes, "replies": f.replies,
        "decisions": [{"action": d.action, "id": d.highlight.id, "yours": d.yours,
                       "reason": d.reason, "quote": d.highlight.quote.exact,
                       "deleted": d.highlight.deleted, "path": d.highlight.doc_path}
                      for d in f.decisions]} for f in plan.files]}


def cmd_export(args: argparse.Namespace) -> int:
    from reader.cli.annotation_cmds import load_workspace, selection

    ws = load_workspace(args)
    if args.format in exchange_cmds.FORMATS:
        return exchange_cmds.cmd_export(args, ws, selection(ws, args))
    to_stdout = args.out == "-"
    data, count = sharing.export_annotations(
        ws, args.format, selection=selection(ws, args), names=not args.no_names,
        notes=not args.no_notes, out=None if to_stdout else args.out).value
    if to_stdout:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        print(f"{count} highlight(s) written to {args.out}", file=sys.stderr)
    return 0


# -- held ------------------------------------------------------------------------------------
def _matches(v: HeldVersion, refs: list[str]) -> bool:
    key = v.id.lower().removeprefix("urn:uuid:")
    return any(v.id == r or (len(r) >= 4 and key.startswith(r.lower().removeprefix(
        "urn:uuid:"))) for r in refs)


def _held_json(v: HeldVersion) -> dict[str, Any]:
    def version(h: Record) -> dict[str, Any]:
        if not isinstance(h, Highlight):  # a reply or a link
            return {"modified": h.modified, "deleted": h.deleted,
                    "note": h.text if isinstance(h, Reply) else h.note}
        return {"modified": h.modified, "deleted": h.deleted, "note": h.note,
                "themes": list(h.themes), "stance": h.stance.value if h.stance else None}
    return {"id": v.id, "file": v.file, "action": v.action, "quote": v.current.quote.exact,
            "held": version(v.version), "current": version(v.current)}


def cmd_held(args: argparse.Namespace) -> int:
    from reader.cli.annotation_cmds import load_workspace

    ws = load_workspace(args)
    held = sharing.held(ws)
    if args.ids:
        held = tuple(v for v in held if _matches(v, args.ids))
        if not held:
            raise UsageError("No held change matches " + ", ".join(args.ids) + ".",
                             "Run 'policy-reader annotations held' to see them.")
    if args.accept:
        if not held:
            print("Nothing is held aside.", file=sys.stderr)
            return 0
        applied = sharing.accept_held(ws, {v.id for v in held}).value
        print(f"applied {len(held)} held change(s) to {len(applied)} highlight(s)",
              file=sys.stderr)
        return 0
    if args.json:
        print_json([_held_json(v) for v in held])
        return 0
    if not held:
        print("Nothing is held aside.", file=sys.stderr)
        return 0
    for v in held:
        print(f"{v.action:<7} {_sid(v.id)}  \u201c{short(v.current.quote.exact, 60)}\u201d  "
              f"from {v.file}, dated {v.version.modified:%Y-%m-%d %H:%M} UTC")
    print(f"{len(held)} change(s) held aside; apply them with 'policy-reader annotations "
          "held --accept [ID ...]'", file=sys.stderr)
    return 0

