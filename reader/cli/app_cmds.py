"""``policy-reader open DOC [--page N]``: start the desktop app at a document.

DOC is a path (inside the workspace, or anywhere: a file from elsewhere is imported first)
or a document id (or its first characters). This is also what a file manager's "Open with"
runs. Qt is imported only when the app actually starts.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.common import open_workspace
from reader.errors import DocumentNotFound, UsageError
from reader.ops import library


def register(sub: argparse._SubParsersAction) -> None:
    """Add this module's commands to ``sub``."""
    parser = sub.add_parser(
        "open", help="open the app at a document",
        description="Open the desktop app at a document. DOC is a file path (a file outside "
                    "the workspace is imported first) or a document id.")
    parser.add_argument("doc", metavar="DOC", help="a file path or a document id")
    parser.add_argument("--page", metavar="N",
                        help="the page to show: a printed page label (e.g. 412, iv) or "
                             "the page number")
    parser.set_defaults(func=run_open)


def check_target(args: argparse.Namespace) -> None:
    """Fail early (before any window) when DOC names nothing."""
    ref = args.doc.strip()
    if not ref:
        raise UsageError("Name a document: a file path or a document id.")
    if args.page is not None and not str(args.page).strip():
        raise UsageError("--page needs a page number or label.")
    if Path(ref).expanduser().exists():
        if Path(ref).expanduser().is_dir():
            raise UsageError(f"{ref} is a folder; open a file, or use --workspace {ref}.")
        return
    try:
        library.find_document(open_workspace(args), ref)  # DocumentNotFound with a hint
    except DocumentNotFound as exc:
        if "/" in ref or "\\" in ref or Path(ref).suffix:  # a file that is gone
            raise DocumentNotFound(f"The file {ref} does not exist: it may have been moved, "
                                   "renamed or deleted.",
                                   "Open it from where it is now, or pick it in the "
                                   "library.") from exc
        raise


def run_open(args: argparse.Namespace) -> int:
    check_target(args)
    from reader.ui.launch import run_gui  # Qt only when the GUI starts

    return run_gui(workspace=args.workspace, open_doc=str(Path(args.doc).expanduser())
                   if Path(args.doc).expanduser().exists() else args.doc, page=args.page)
