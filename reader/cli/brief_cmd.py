"""``policy-reader brief``: export a brief (briefing packet) to PDF, DOCX, HTML, Markdown
or CSV."""

from __future__ import annotations

import argparse
import sys

from reader.cli.common import StderrProgress, open_workspace, print_json
from reader.ops import brief
from reader.ops.brief import FORMATS, BriefOptions, GroupBy, MatrixBy, OrphanPolicy, PageSize
from reader.ops.workspace import Workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "brief", help="export a briefing packet (PDF, DOCX, HTML, Markdown, CSV)",
        description="Export the highlights that match the filters as a brief: a cover, a "
                    "table of contents, the quoted passages with page-accurate citations "
                    "and notes, a source list and the definitions of the themes used. The "
                    "format follows the file's extension unless --format is given.")
    p.add_argument("--out", "-o", required=True, metavar="FILE",
                   help="where to write the brief (an existing file is replaced)")
    p.add_argument("--format", "-f", choices=sorted(FORMATS), metavar="FORMAT",
                   help="pdf, docx, html, md or csv (default: from the extension)")
    p.add_argument("--by", choices=[g.value for g in GroupBy], default=GroupBy.THEME.value,
                   help="group by theme (default), by document, or by theme and stance")
    f = p.add_argument_group("which highlights")
    f.add_argument("--theme", action="append", default=[], metavar="THEME",
                   help="a theme id or name, with its sub-themes (repeatable)")
    f.add_argument("--author", action="append", default=[], metavar="AUTHOR",
                   help="an annotator's name or id (repeatable)")
    f.add_argument("--doc", action="append", default=[], metavar="DOC",
                   help="a document id, id prefix or path (repeatable; order kept)")
    f.add_argument("--stance", action="append", default=[], metavar="S",
                   help="supports, opposes or neutral (repeatable)")
    f.add_argument("--since", metavar="DATE", help="highlighted on or after (YYYY-MM-DD)")
    f.add_argument("--until", metavar="DATE", help="highlighted on or before (YYYY-MM-DD)")
    c = p.add_argument_group("cover and content")
    c.add_argument("--title", metavar="TEXT", default=BriefOptions.title)
    c.add_argument("--subtitle", metavar="TEXT", default="")
    c.add_argument("--prepared-by", metavar="TEXT", default="")
    c.add_argument("--prepared-for", metavar="TEXT", default="")
    c.add_argument("--group", metavar="TEXT", default="", help="the group's name")
    c.add_argument("--notice", metavar="TEXT", default="",
                   help='a line such as "Draft — not for circulation" (cover and footer)')
    c.add_argument("--date", metavar="DATE", help="the cover date (default: today)")
    c.add_argument("--as-of", metavar="DATE", help='the "current as of" date')
    c.add_argument("--anonymize", "--anonymise", action="store_true",
                   help="name no annotator anywhere (text, notes, file properties)")
    c.add_argument("--no-notes", action="store_true", help="leave annotators' notes out")
    c.add_argument("--no-toc", action="store_true", help="no table of contents")
    c.add_argument("--no-sources", action="store_true", help="no source list")
    c.add_argument("--no-theme-appendix", action="store_true",
                   help="no appendix of theme definitions")
    c.add_argument("--orphans", choices=[o.value for o in OrphanPolicy],
                   default=OrphanPolicy.COUNT.value,
                   help="highlights that cannot be located: counted (default) or listed "
                        "without page numbers in an appendix")
    c.add_argument("--page-size", choices=[s.value for s in PageSize],
                   help="PDF and Word page size (default: your locale's paper, "
                        f"here {brief.default_page_size().value})")
    d = p.add_argument_group("discussion and comparison")
    d.add_argument("--replies", action="store_true",
                   help="print the reply thread under each quote")
    d.add_argument("--no-contradictions", action="store_true",
                   help='leave out "Contradicted by: …" under quotes a contradicts-link joins')
    d.add_argument("--matrix", action="store_true",
                   help="open with a comparison matrix (documents × themes) of the passages "
                        "chosen; a CSV brief writes it beside itself")
    d.add_argument("--matrix-by", choices=[g.value for g in MatrixBy],
                   default=MatrixBy.DOCUMENT.value,
                   help="the matrix's rows: documents (default), offices or jurisdictions")
    p.add_argument("--no-update", action="store_true",
                   help="do not bring the library up to date first")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.set_defaults(func=run)


def options_from_args(args: argparse.Namespace, ws: Workspace) -> BriefOptions:
    """Turn the command line into :class:`BriefOptions`, resolving names to ids."""
    return brief.resolve_options(
        ws, BriefOptions(
            title=args.title, subtitle=args.subtitle, prepared_by=args.prepared_by,
            prepared_for=args.prepared_for, group_name=args.group, notice=args.notice,
            group_by=GroupBy(args.by), anonymize=args.anonymize,
            include_notes=not args.no_notes, include_toc=not args.no_toc,
            include_sources=not args.no_sources,
            include_theme_appendix=not args.no_theme_appendix,
            orphans=OrphanPolicy(args.orphans),
            page_size=PageSize(args.page_size or brief.default_page_size()),
            include_replies=args.replies, show_contradictions=not args.no_contradictions,
            include_matrix=args.matrix, matrix_by=MatrixBy(args.matrix_by)),
        themes=args.theme, authors=args.author, documents=args.doc, stances=args.stance,
        since=args.since, until=args.until, date=args.date, as_of=args.as_of)


def run(args: argparse.Namespace) -> int:
    where = brief.destination(args.out, args.format)  # fails before any work
    ws = open_workspace(args)
    progress = StderrProgress(quiet=args.quiet)
    try:
        for problem in brief.prepare(ws, refresh=not args.no_update, progress=progress):
            print(f"policy-reader: {problem}", file=sys.stderr)
        options = options_from_args(args, ws)
        result = brief.write(brief.gather_inputs(ws), options, where.target, where.fmt,
                             progress=progress)
    finally:
        progress.finish()
    if args.json:
        print_json({"path": str(result.path), "format": result.format, "bytes": result.size,
                    "quotes": result.quotes, "documents": result.documents,
                    "themes": result.themes, "orphans": result.orphans,
                    "seconds": result.seconds})
    else:
        print(result.summary())
    return 0
