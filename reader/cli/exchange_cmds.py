"""The exchange formats of ``annotations export|import``: REFI-QDA projects (``qdpx``) and
codebooks (``qdc``), and Excel workbooks (``xlsx``, export only). Each command is one call
into the core; the hooks in :mod:`reader.cli.annotation_cmds` send these formats and files
here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.cli.common import print_json
from reader.errors import UsageError
from reader.ops import exchange
from reader.ops.queries import Selection
from reader.ops.workspace import Workspace

FORMATS = exchange.FORMATS
IMPORT_SUFFIXES = (".qdpx", ".qdc")


def add_import_options(p: argparse.ArgumentParser) -> None:
    """The REFI-QDA options of ``annotations import`` (``--dry-run`` is shared)."""
    p.add_argument("--no-sources", action="store_true",
                   help="REFI-QDA: do not copy sources missing from the workspace into "
                        "imported/ (their highlights are kept as orphans)")
    p.add_argument("--as-mine", action="store_true",
                   help="REFI-QDA: make every imported highlight yours (editable)")


def handles(args: argparse.Namespace) -> bool:
    """Whether ``annotations import`` was given a REFI-QDA file (then it is the only one)."""
    files: Sequence[str] = args.files
    refi = [f for f in files if Path(f).suffix.lower() in IMPORT_SUFFIXES]
    if not refi and (args.no_sources or args.as_mine):
        raise UsageError("--no-sources and --as-mine are for REFI-QDA files (.qdpx, .qdc).")
    if refi and getattr(args, "replace_mine", False):
        raise UsageError("--replace-mine is for annotation files; a REFI-QDA import never "
                         "changes your own highlights (--as-mine adds them as yours).")
    if refi and len(refi) != len(files):
        raise UsageError("Import REFI-QDA files (.qdpx, .qdc) one at a time, apart from "
                         "other annotation files.")
    if len(refi) > 1:
        raise UsageError("Import one REFI-QDA file at a time.")
    return bool(refi)


def cmd_export(args: argparse.Namespace, ws: Workspace, selection: Selection) -> int:
    if args.out == "-":
        raise UsageError(f"A .{args.format} file is binary; give a file name with --out.")
    if args.format == "xlsx":
        count = exchange.export_xlsx(ws, Path(args.out), selection=selection,
                                     names=not args.no_names, notes=not args.no_notes).value
        print(f"{count} highlight(s) written to {args.out}", file=sys.stderr)
        return 0
    summary = exchange.export_refi(ws, args.format, Path(args.out), selection=selection,
                                   names=not args.no_names, notes=not args.no_notes).value
    if args.format == "qdc":
        print(f"{summary.codes} code(s) written to {args.out}", file=sys.stderr)
        return 0
    print(f"{summary.highlights} highlight(s) on {summary.sources} document(s), "
          f"{summary.codes} code(s), {summary.users} user(s) written to {args.out}",
          file=sys.stderr)
    if summary.orphans_left_out:
        print(f"{summary.orphans_left_out} orphaned highlight(s) left out (no place in "
              "their document's current text)", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace, ws: Workspace) -> int:
    out = exchange.import_refi(ws, args.files[0], dry_run=args.dry_run,
                               add_sources=not args.no_sources, as_mine=args.as_mine).value
    p = out.plan
    if args.json:
        print_json({"plan": {k: v for k, v in p.__dict__.items()
                             if k not in ("pending", "code_plan", "project", "listing",
                                          "authors")},
                    "files_written": out.files_written, "sources_added": out.sources_added,
                    "themes_created": out.themes_created, "mine": out.mine,
                    "dry_run": args.dry_run})
        return 0
    lead = "Would import" if args.dry_run else "Imported"
    print(f"{p.path}: {lead} {p.kind} '{p.name}'" + (f" from {p.origin}" if p.origin else ""))
    print(f"  codes: {len(p.codes_merged)} matched, {len(p.codes_new)} new"
          + (f" ({', '.join(p.codes_new[:8])}{'…' if len(p.codes_new) > 8 else ''})"
             if p.codes_new else ""))
    if p.kind == "project":
        print(f"  highlights: {p.added} new ({p.placed} placed, {p.moved} moved, "
              f"{p.orphaned} orphaned, {p.on_new_sources} on sources not yet in the "
              f"workspace), {p.already} already here")
        for name, author_id, n in p.users:
            print(f"  {n} by {name} ({author_id})")
        for src, doc in p.sources_matched:
            print(f"  source '{src}' is {doc}")
        for src in p.sources_to_add:
            print(f"  source '{src}' is not in the workspace"
                  + (" (would be added under imported/)" if args.dry_run and
                     not args.no_sources else ""))
        for what in p.left_out:
            print(f"  left out: {what}")
    for path in out.sources_added:
        print(f"  added {path}")
    for path in out.files_written:
        print(f"  wrote {path}")
    return 0
