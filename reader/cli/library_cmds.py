"""Library commands: add, index, docs, show."""

from __future__ import annotations

import argparse
import shutil
import sys
import time

from reader.cli.common import StderrProgress, open_workspace, print_json
from reader.errors import ReaderError, UsageError
from reader.model.documents import DocStatus, Document, LibraryChanges
from reader.ops import library, search


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("add", help="copy files or folders into the workspace and read them",
                       description="Copy files or folders into the workspace, then bring the "
                                   "library (and search index) up to date. A workspace "
                                   "folder that does not exist yet is created.")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--to", dest="subdir", default="", metavar="SUBFOLDER",
                   help="copy into this subfolder of the workspace")
    p.add_argument("--samples", action="store_true",
                   help="add the bundled sample documents (fictional memos, statutes, "
                        "opinions, articles) to try the app")
    p.add_argument("--json", action="store_true", help="print what changed as JSON")
    p.set_defaults(func=cmd_add, creates_workspace=True)

    p = sub.add_parser("index", help="bring the library and search index up to date",
                       description="Scan the workspace: read new and changed files, forget "
                                   "removed ones, update the search index.")
    p.add_argument("--rebuild", action="store_true",
                   help="re-read every file and rebuild the index from scratch")
    p.add_argument("--json", action="store_true", help="print what changed as JSON")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("docs", help="list the documents",
                       description="List every document with its status.")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_docs)

    p = sub.add_parser("show", help="print a document's text",
                       description="Print a document's extracted text (DOC = id, id prefix "
                                   "or path).")
    p.add_argument("doc", metavar="DOC")
    p.add_argument("--page", type=int, metavar="N", help="only page N (1-based)")
    p.set_defaults(func=cmd_show)


def _summary(changes: LibraryChanges, docs: tuple[Document, ...], seconds: float) -> str:
    """``31 documents (31 readable): 2 new, 1 moved; 2 read now (1.20 s)``; only what
    happened is counted."""
    readable = sum(d.status in (DocStatus.OK, DocStatus.NO_TEXT) for d in docs)
    counts = [(len(changes.added), "new"), (len(changes.changed), "changed"),
              (len(changes.moved), "moved"), (len(changes.removed), "removed"),
              (len(changes.copies), "another copy of a listed document")]
    parts = [f"{n} {what}" for n, what in counts if n]
    if changes.extracted:
        parts.append(f"{changes.extracted} read now")
    if changes.summary is not None and changes.summary.already_present:
        parts.append(f"{len(changes.summary.already_present)} already in the library")
    return (f"{len(docs)} document{'s' if len(docs) != 1 else ''} ({readable} readable): "
            + (", ".join(parts) or "nothing changed") + f" ({seconds:.2f} s)")


def _report(args: argparse.Namespace, changes: LibraryChanges, ws_docs: tuple[Document, ...],
            seconds: float) -> int:
    failed = [d for d in ws_docs if d.id in set(changes.failed)]
    imported = changes.summary
    if args.json:
        print_json({"changes": changes, "documents": len(ws_docs),
                    "failed": [{"id": d.id, "path": d.path, "status": d.status.value,
                                "reason": d.reason} for d in failed]})
    elif imported is not None:  # an import: its summary says what happened to each file
        told = set(changes.not_copied)
        for problem in changes.problems:
            if problem not in told:
                print(problem, file=sys.stderr)
        print("\n".join(imported.lines()))
        print(_summary(changes, ws_docs, seconds))
    else:
        for d in failed:
            print(f"{d.path}: {d.status_line}", file=sys.stderr)
        for problem in changes.problems:
            print(problem, file=sys.stderr)
        print(_summary(changes, ws_docs, seconds))
    readable = [d for d in ws_docs if d.status in (DocStatus.OK, DocStatus.NO_TEXT)]
    if ws_docs and not readable:
        raise ReaderError("No file in the workspace could be read.",
                          "See the reasons above ('policy-reader docs' lists them).")
    return 0


def _run(args: argparse.Namespace, rebuild: bool = False, paths: list[str] | None = None,
         samples: bool = False) -> int:
    ws = open_workspace(args)
    progress = StderrProgress(quiet=args.quiet)
    start = time.perf_counter()
    try:
        if samples:
            changes = library.add_samples(ws, index_as_read=True, progress=progress).value
        elif paths is not None:
            changes = library.import_files(ws, paths, subdir=args.subdir,
                                           index_as_read=True, progress=progress).value
            summary = changes.summary
            if paths and summary is not None and summary.nothing_imported and \
                    not summary.already_present and summary.skipped:
                print("\n".join(summary.lines()), file=sys.stderr)
                raise ReaderError("Nothing was added.")
        else:
            changes = library.refresh(ws, rebuild=rebuild, index_as_read=True,
                                      progress=progress).value
        status = search.status(ws)
        if status.state == "read-only" and status.message:
            print(f"note: {status.message}", file=sys.stderr)
    finally:
        progress.finish()
    return _report(args, changes, library.documents(ws), time.perf_counter() - start)


def cmd_add(args: argparse.Namespace) -> int:
    if not args.paths and not args.samples:
        raise UsageError("Name the files or folders to add (or --samples for the sample "
                         "documents).")
    if args.samples and (args.paths or args.subdir):
        raise UsageError("--samples adds the sample documents alone: add your files in "
                         "another command.")
    return _run(args, paths=args.paths, samples=args.samples)


def cmd_index(args: argparse.Namespace) -> int:
    return _run(args, rebuild=args.rebuild)


def _doc_json(d: Document) -> dict[str, object]:
    return {"id": d.id, "path": d.path, "format": d.format, "title": d.title,
            "kind": d.meta.kind, "jurisdiction": d.meta.jurisdiction, "date": d.meta.date,
            "author": d.meta.author, "citation": d.meta.citation, "docket": d.meta.docket,
            "court_or_site": d.meta.site, "judge": d.meta.judge, "type": d.meta.doc_type,
            "pages": d.pages, "characters": d.chars, "status": d.status.value,
            "reason": d.reason, "text_source": d.text_source or "file", "size": d.size,
            "duplicates": list(d.duplicates),
            "sources": {s.field: s.describe() for s in d.sources}}


def cmd_docs(args: argparse.Namespace) -> int:
    docs = library.documents(open_workspace(args))
    if args.json:
        print_json([_doc_json(d) for d in docs])
        return 0
    if not docs:
        print("No documents yet. Add some with 'policy-reader add PATH' or run "
              "'policy-reader index'.")
        return 0
    width = max(60, shutil.get_terminal_size((120, 20)).columns)
    title_w = max(20, width - 12 - 9 - 12 - 11 - 6 - 22 - 7)
    print(f"{'ID':<12} {'KIND':<8} {'JURIS.':<11} {'DATE':<10} {'PAGES':>5}  "
          f"{'TITLE':<{title_w}} STATUS")
    for d in docs:
        title = d.title if len(d.title) <= title_w else d.title[:title_w - 1] + "…"
        print(f"{d.short_id:<12} {d.meta.kind:<8} {d.meta.jurisdiction[:11]:<11} "
              f"{d.meta.date[:10]:<10} {d.pages:>5}  {title:<{title_w}} {d.status_line}"
              + (f" (text: {d.text_source})" if d.text_source else ""))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    ws = open_workspace(args)
    doc = library.find_document(ws, args.doc)
    text = library.document_text(ws, doc.id)
    if args.page is not None:
        page = text.page(args.page)
        if page is None:
            raise UsageError(f"{doc.title} has {len(text.pages)} page(s); "
                             f"there is no page {args.page}.")
        if not page.has_text:
            print(f"[page {page.cite_label} has no text layer — needs OCR]")
            return 0
        sys.stdout.write(text.text[page.start:page.end] + "\n")
        return 0
    if doc.status is DocStatus.NO_TEXT or not text.text.strip():
        raise ReaderError(f"{doc.title} has no text layer: it is a scan and needs OCR.")
    sys.stdout.write(text.text + "\n")
    return 0
