"""Comparing documents and annotators: ``matrix``, ``compare`` (documents side by side),
``agreement``, ``disagreements`` and ``resolve``. Thin: each runs one operation of
:mod:`reader.ops.compare` and prints its result."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.annotation_cmds import load_workspace
from reader.cli.common import print_json, to_jsonable
from reader.errors import ReaderError
from reader.ops import compare, highlights, library, queries, themes
from reader.ops.compare import FORMATS, GroupBy, MatrixFilter, Resolution
from reader.ops.highlights import short
from reader.ops.workspace import Workspace


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "matrix", help="documents × themes: how many highlights, how they lean",
        description="The comparison matrix: a row per document (or office, or "
                    "jurisdiction), a column per theme (sub-themes counted into their "
                    "parent), each cell the number of highlights and their stances: "
                    "'3 (+2 −1 ·0)' is two supporting harm reduction, one opposing, none "
                    "neutral; '—' means nobody marked a passage on that theme there.")
    p.add_argument("--kind", action="append", default=[], metavar="KIND",
                   help="only documents of this kind: memo, statute… (repeatable)")
    p.add_argument("--jurisdiction", action="append", default=[], metavar="PLACE",
                   help="a state (PA or Pennsylvania), county or city (repeatable)")
    p.add_argument("--office", action="append", default=[], metavar="WORDS",
                   help="words of the document's author or office (repeatable)")
    p.add_argument("--since", metavar="DATE", help="documents dated on or after (YYYY[-MM[-DD]])")
    p.add_argument("--until", metavar="DATE", help="documents dated on or before")
    p.add_argument("--doc", action="append", default=[], metavar="DOC",
                   help="only this document (id, id prefix or path; repeatable)")
    p.add_argument("--theme", action="append", default=[], metavar="THEME",
                   help="a column: a theme id or name with its sub-themes (repeatable)")
    p.add_argument("--author", action="append", default=[], metavar="AUTHOR",
                   help="count only this annotator's highlights (repeatable)")
    p.add_argument("--by", choices=[g.value for g in GroupBy], default="document",
                   help="rows: one per document (default), office or jurisdiction")
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="table (default), csv, md (Markdown) or json")
    p.add_argument("--depth", type=int, metavar="N",
                   help="show sub-theme columns down to level N (0: top-level themes only; "
                        "the default for a table without --theme, which would not fit a "
                        "terminal; other formats show every level)")
    p.add_argument("--with-highlights", action="store_true",
                   help="leave out rows without any highlight")
    p.add_argument("--out", "-o", metavar="FILE", help="write to FILE instead of the screen")
    p.set_defaults(func=cmd_matrix)

    p = sub.add_parser(
        "compare", help="2–6 documents side by side on 1–5 themes",
        description="The policy comparison: what each document says, in the passages the "
                    "group marked, on each theme (or its sub-themes), in reading order.")
    p.add_argument("doc", nargs="+", metavar="DOC", help="2 to 6 documents (id, prefix or path)")
    p.add_argument("--theme", action="append", default=[], required=True, metavar="THEME",
                   help="1 to 5 themes (id or name; repeatable)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser(
        "agreement", help="how far annotators agree, per theme",
        description="Agreement between the people who annotated the same documents, per "
                    "theme, over characters of text: Cohen's kappa for two people, "
                    "Krippendorff's alpha for more (1 perfect, 0 chance). See "
                    "docs/compare.md.")
    _scope(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser(
        "disagreements", help="the passages the group read differently",
        description="Passages marked with different themes or stances, or marked by one "
                    "person only, to walk through and resolve ('policy-reader resolve').")
    _scope(p)
    p.add_argument("--resolved", action="store_true", help="include the resolved ones")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_disagreements)

    p = sub.add_parser(
        "resolve", help="resolve a disagreement (an edit in your own file)",
        description="adopt: use another person's themes or stance on your highlight; "
                    "copy: copy a passage only someone else marked to yours; withdraw: "
                    "remove your highlight; differ: a reply that settles it.")
    p.add_argument("key", metavar="KEY", help="the disagreement's key (or its start)")
    p.add_argument("how", choices=[r.value for r in Resolution])
    p.add_argument("--from", dest="source", metavar="AUTHOR", default="",
                   help="adopt whose reading (name or id; default: the other person)")
    p.add_argument("--text", default="", metavar="TEXT",
                   help="the reply that settles it (differ)")
    p.set_defaults(func=cmd_resolve)


def _scope(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc", action="append", default=[], metavar="DOC",
                   help="only this document (id, id prefix or path; repeatable)")
    p.add_argument("--theme", action="append", default=[], metavar="THEME",
                   help="only this theme and its sub-themes (repeatable)")


def _doc_ids(ws: Workspace, refs: list[str]) -> list[str]:
    return list(dict.fromkeys(library.find_document(ws, ref).id for ref in refs))


def _theme_ids(ws: Workspace, refs: list[str]) -> list[str]:
    tax = themes.taxonomy(ws)
    return [themes.theme_id(tax, t) for t in refs]


# -- matrix ----------------------------------------------------------------------------------
def cmd_matrix(args: argparse.Namespace) -> int:
    if args.depth is not None and args.depth < 0:
        print("policy-reader: --depth must be 0 or more", file=sys.stderr)
        return 2
    ws = load_workspace(args)
    filt: MatrixFilter = compare.make_filter(
        ws, kinds=args.kind, jurisdictions=args.jurisdiction, offices=args.office,
        since=args.since, until=args.until, themes=args.theme, annotators=args.author,
        documents=args.doc, group_by=args.by, only_with_highlights=args.with_highlights)
    m = compare.matrix(ws, filt)
    depth = args.depth
    if depth is None and args.format == "table" and not args.theme:
        depth = 0  # 45 columns would not fit a terminal: sub-themes are counted into these
    out = compare.render(m, args.format, max_depth=depth)
    data: bytes
    if isinstance(out, dict):
        import json

        data = (json.dumps(to_jsonable(out), ensure_ascii=False, indent=2) + "\n").encode()
    elif isinstance(out, str):
        data = out.encode("utf-8")
    else:
        data = out
    if args.out:
        try:
            Path(args.out).write_bytes(data)
        except OSError as exc:
            raise ReaderError(f"Cannot write {args.out}: {exc.strerror or exc}.") from exc
        print(f"{len(m.rows)} rows × {len(m.columns)} themes written to {args.out}",
              file=sys.stderr)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


# -- compare ---------------------------------------------------------------------------------
def cmd_compare(args: argparse.Namespace) -> int:
    ws = load_workspace(args)
    docs = _doc_ids(ws, args.doc)
    side = compare.comparison(ws, docs, _theme_ids(ws, args.theme))
    if args.json:
        print_json(side)
        return 0
    for i, theme in enumerate(side.themes):
        print(f"== {theme.label} ==")
        for j, col in enumerate(side.documents):
            who = col.office or col.title
            print(f"\n  {col.title}" + (f" ({who})" if who != col.title else ""))
            found = side.cells[i][j]
            if not found:
                print(f"    — {side.empty_sentence(i, j)}")
            for p in found:
                where = f"p. {p.page}  " if p.page else ""
                stance = f"[{p.stance.value}]  " if p.stance else ""
                name = p.author.name if p.author else ""
                print(f"    {where}{stance}\u201c{short(p.text, 110)}\u201d — {name}")
                if p.note:
                    print(f"        note: {short(p.note, 100)}")
        print()
    return 0


# -- agreement -------------------------------------------------------------------------------
def _figure(value: float | None) -> str:
    if value is None:
        return "—"
    return "0.00" if abs(value) < 0.005 else f"{value:.2f}"


def cmd_agreement(args: argparse.Namespace) -> int:
    ws = load_workspace(args)
    docs, theme_ids = _doc_ids(ws, args.doc), _theme_ids(ws, args.theme)
    report = compare.agreement(ws, doc_ids=docs, themes=theme_ids)
    open_ = compare.disagreements(ws, doc_ids=docs, themes=theme_ids)
    if args.json:
        print_json({"report": report, "disagreements": len(open_)})
        return 0
    if report.empty_reason:
        print(report.empty_reason)
        return 0
    name = {"kappa": "Cohen's kappa", "alpha": "Krippendorff's alpha"}.get(report.method, "")
    people = ", ".join(a.name for a in report.coders)
    print(f"Agreement between {len(report.coders)} people ({people}) in "
          f"{report.documents} document(s) two or more of them annotated, over characters "
          f"of text: {name}.")
    print()
    print(f"{'Theme':<44} {'value':>6} {'agree':>7} {'marked':>9}")
    unmarked = [t for t in report.themes if not t.marked]
    for t in (report.overall, *(t for t in report.themes if t.marked)):
        label = ("  " * t.depth + t.label)[:44]
        pct = "—" if t.percent is None else f"{t.percent * 100:.1f}%"
        line = f"{label:<44} {_figure(t.value):>6} {pct:>7} {t.marked:>9,}"
        print(line + (f"  ({t.note})" if t.value is None and t.note and t.marked else ""))
    if unmarked:
        print(f"({len(unmarked)} themes nobody marked in these documents are left out.)")
    print()
    print("value: 1 is perfect agreement, 0 what chance gives, below 0 systematic "
          "disagreement; rely on 0.8 or more. agree: characters on which everyone "
          "agreed. marked: characters anyone marked.")
    if open_:
        print(f"{len(open_)} passage(s) read differently: 'policy-reader disagreements' "
              "lists them.")
    return 0


def cmd_disagreements(args: argparse.Namespace) -> int:
    ws = load_workspace(args)
    found = compare.disagreements(ws, doc_ids=_doc_ids(ws, args.doc),
                                  themes=_theme_ids(ws, args.theme),
                                  include_resolved=args.resolved)
    tax = themes.taxonomy(ws)
    if args.json:
        me = queries.me(ws).id
        print_json([{**to_jsonable(d), "label": d.kind.label,
                     "readings": compare.readings(d, tax),
                     "options": [r.value for r in compare.options(d, me)]} for d in found])
        return 0
    if not found:
        print("No disagreements: everyone who annotated the same passages read them alike."
              if not args.resolved else "No disagreements.")
        return 0
    for d in found:
        page = f", p. {d.page}" if d.page else ""
        done = "  (resolved)" if d.resolved else ""
        print(f"{d.key[:10]}  {d.kind.label}  {d.doc_title}{page}{done}")
        print(f"    \u201c{short(d.quote, 110)}\u201d")
        for who, what in compare.readings(d, tax):
            print(f"    {who}: {what}")
    print(f"{len(found)} disagreement(s). Resolve one: policy-reader resolve KEY "
          "adopt|copy|withdraw|differ", file=sys.stderr)
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    ws = load_workspace(args)
    d = compare.disagreement(ws, args.key, include_resolved=False)
    source = ""
    if args.source:
        source = next(iter(queries.selection(ws, authors=[args.source]).author_ids or ()), "")
    done = compare.resolve(ws, d, args.how, source=source, text=args.text)
    highlights.save(ws)
    how = Resolution(args.how)
    print(f"{how.label}: {len(done.value.written)} change(s) saved in your file.")
    return 0
