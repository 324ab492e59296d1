"""Replies and links on the command line: ``annotations reply|edit-reply|delete-reply``,
``annotations link|unlink`` and ``annotations thread``. Each is one operation of
:mod:`reader.ops.discussion`, saved to your own annotation file at once."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.cli.common import print_json
from reader.model.discussion import HighlightDiscussion
from reader.model.remarks import Link, Relation, Reply
from reader.ops import discussion, queries
from reader.ops.highlights import short
from reader.ops.workspace import Workspace

KINDS = [r.value for r in Relation]


def register(asub: argparse._SubParsersAction) -> None:
    p = asub.add_parser("reply", help="reply to a highlight (anyone's) or to a reply",
                        description="Reply to a highlight or a reply (its id or the start "
                                    "of it). The reply is saved in your own file.")
    p.add_argument("target", metavar="ID")
    p.add_argument("text", metavar="TEXT", help="the reply (Markdown)")
    p.add_argument("--json", action="store_true", help="print the reply as JSON")
    p.set_defaults(func=cmd_reply)

    p = asub.add_parser("edit-reply", help="change the text of one of your replies")
    p.add_argument("id", metavar="ID")
    p.add_argument("text", metavar="TEXT")
    p.set_defaults(func=cmd_edit_reply)

    p = asub.add_parser("delete-reply", help="delete one of your replies")
    p.add_argument("id", metavar="ID")
    p.set_defaults(func=cmd_delete_remark, kind=Reply)

    p = asub.add_parser("link", help="link two highlights: A supports/contradicts/… B",
                        description="Link highlight A to highlight B (ids or their starts; "
                                    "they may be in different documents): 'A contradicts "
                                    "B'. Saved in your own file.")
    p.add_argument("source", metavar="A")
    p.add_argument("target", metavar="B")
    p.add_argument("--kind", required=True, metavar="KIND",
                   help=f"how A relates to B: {', '.join(KINDS)}")
    p.add_argument("--note", default="", metavar="TEXT", help="why (Markdown)")
    p.add_argument("--json", action="store_true", help="print the link as JSON")
    p.set_defaults(func=cmd_link)

    p = asub.add_parser("unlink", help="remove one of your links")
    p.add_argument("id", metavar="ID")
    p.set_defaults(func=cmd_delete_remark, kind=Link)

    p = asub.add_parser("thread", help="a highlight's replies and links",
                        description="Show the reply thread and the links of a highlight, "
                                    "or (--removed) the replies whose highlight was "
                                    "removed.")
    p.add_argument("id", metavar="ID", nargs="?")
    p.add_argument("--removed", action="store_true",
                   help="list replies to removed highlights instead")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_thread)


def _ws(args: argparse.Namespace) -> Workspace:
    from reader.cli.annotation_cmds import load_workspace

    return load_workspace(args)


def _id(rid: str) -> str:
    return rid.removeprefix("urn:uuid:")[:8]


def cmd_reply(args: argparse.Namespace) -> int:
    ws = _ws(args)
    r = discussion.reply_by_ref(ws, args.target, args.text).value.record
    assert isinstance(r, Reply)
    if args.json:
        print_json(_reply_json(r))
    else:
        print(r.id)  # for scripts; the sentence goes to the person
        print(f"replied in the thread on “{_short(r.target.quote)}” as {r.author.name}",
              file=sys.stderr)
    return 0


def _short(quote: str, width: int = 60) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= width else quote[:width - 1].rstrip() + "…"


def cmd_edit_reply(args: argparse.Namespace) -> int:
    ws = _ws(args)
    r = discussion.edit_reply_by_ref(ws, args.id, args.text).value.record
    print(f"changed {r.id if r else args.id}", file=sys.stderr)
    return 0


def cmd_delete_remark(args: argparse.Namespace) -> int:
    ws = _ws(args)
    found = discussion.find_remark(ws, args.id)
    if not isinstance(found, args.kind):
        what = "a link: use 'annotations unlink'" if isinstance(found, Link) \
            else "a reply: use 'annotations delete-reply'"
        print(f"policy-reader: {args.id} is {what}", file=sys.stderr)
        return 2
    r = discussion.delete_by_ref(ws, found.id).value.record
    print(f"deleted {r.id if r else found.id}", file=sys.stderr)
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    ws = _ws(args)
    k = discussion.link_by_ref(ws, args.source, args.target, args.kind,
                               note=args.note).value.record
    assert isinstance(k, Link)
    if args.json:
        print_json(_link_json(k))
    else:
        print(k.id)  # for scripts; the sentence goes to the person
        print(f"linked “{_short(k.source.quote)}” — {k.relation.value} — "
              f"“{_short(k.target.quote)}”", file=sys.stderr)
    return 0


# -- reading ---------------------------------------------------------------------------------
def _reply_json(r: Reply, depth: int = 1) -> dict[str, Any]:
    return {"id": r.id, "target": r.target.id, "quote": r.target.quote, "depth": depth,
            "author": {"id": r.author.id, "name": r.author.name}, "text": r.text,
            "created": r.created, "modified": r.modified, "deleted": r.deleted,
            "resolves": r.resolves}


def _link_json(k: Link) -> dict[str, Any]:
    return {"id": k.id, "source": k.source.id, "target": k.target.id,
            "kind": k.relation.value, "note": k.note,
            "author": {"id": k.author.id, "name": k.author.name},
            "created": k.created, "modified": k.modified}


def _thread_json(seen: HighlightDiscussion) -> dict[str, Any]:
    return {"highlight": seen.highlight_id, "replies": seen.count,
            "thread": [_reply_json(e.reply, e.depth) for e in seen.replies],
            "links": [{**_link_json(e.link), "phrase": e.phrase, "other": e.other.id,
                       "other_quote": e.other.quote, "other_live": e.other_live,
                       "other_doc_id": e.other_doc_id, "other_title": e.other_title,
                       "other_author": e.other_author, "other_page": e.other_page}
                      for e in seen.links]}


def cmd_thread(args: argparse.Namespace) -> int:
    ws = _ws(args)
    if args.removed or not args.id:
        orphans = discussion.orphaned_replies(ws)
        if args.json:
            print_json([{**_reply_json(o.reply), "reason": o.reason, "quote": o.quote,
                         "doc_id": o.doc_id} for o in orphans])
            return 0
        for o in orphans:
            print(f"{_id(o.reply.id)}  {o.sentence}")
            print(f"    {o.reply.author.name}: {short(o.reply.text, 110)}")
        if not orphans:
            print("No replies to removed highlights.")
        return 0
    h = queries.find_highlight(ws, args.id)
    seen = discussion.of_highlight(ws, h.id)
    if args.json:
        print_json(_thread_json(seen))
        return 0
    print(f"{_id(h.id)}  \u201c{short(h.quote.exact, 110)}\u201d — {h.author.name}")
    for k in seen.links:
        print(f"  \u21c4 {_id(k.link.id)}  {k.sentence}  [{k.link.author.name}]")
    for e in seen.replies:
        indent = "    " * e.depth
        r = e.reply
        if e.removed:
            print(f"{indent}(reply removed)")
            continue
        print(f"{indent}{_id(r.id)}  {r.author.name}, {r.created:%Y-%m-%d}:")
        for line in r.text.splitlines() or [""]:
            print(f"{indent}  {line}")
    if seen.empty:
        print("  No replies or links yet.")
    return 0

