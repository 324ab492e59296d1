"""Replies and links in the store: made by anyone, kept in their own file, merged from two
authors' files, and every bad case of issue 14 (a removed target, an orphaned link end, a
link cycle, deep and looping threads, 10,000 replies to one highlight)."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from reader.annotations.threads import LOOP, MAX_DEPTH, MISSING, REMOVED
from reader.annotations.w3c_remarks import encode_record
from reader.annotations.w3c_write import encode_collection, encode_highlight
from reader.errors import AnnotationError, ReadOnlyAnnotation
from reader.model.annotations import Author, now_utc
from reader.model.remarks import Link, Ref, Relation, Reply
from reader.workspace import Workspace
from tests.core.annotations_fixtures import MEMO, STATUTE, FakeLibrary, make_workspace, settings_for


@pytest.fixture
def lib() -> FakeLibrary:
    lib = FakeLibrary()
    lib.add("memos/memo.txt", MEMO)
    lib.add("statute.txt", STATUTE)
    return lib


def person(tmp: Path, lib: FakeLibrary, aid: str, name: str) -> Workspace:
    return make_workspace(tmp / "ws", lib, settings_for(tmp / f"{aid}.json", aid, name))


@pytest.fixture
def maria(tmp_path: Path, lib: FakeLibrary) -> Workspace:
    return person(tmp_path, lib, "me01", "Maria")


@pytest.fixture
def dev(tmp_path: Path, lib: FakeLibrary) -> Workspace:
    return person(tmp_path, lib, "dev02", "Dev")


def mark(ws: Workspace, lib: FakeLibrary, words: str, path: str = "memos/memo.txt"):  # type: ignore[no-untyped-def]
    doc = next(d for d in lib.documents() if d.path == path)
    text = lib.texts[doc.id].text
    i = text.index(words)
    return ws.annotations().create(doc.id, i, i + len(words))


def test_anyone_replies_to_anyones_highlight_in_their_own_file(maria, dev, lib) -> None:  # type: ignore[no-untyped-def]
    h = mark(maria, lib, "decline to charge possession")
    maria.annotations().save()
    d = dev.annotations()
    d.load()
    r = d.reply(h.id, "Does the Ledger say they follow it?")
    d.save()
    mine = json.loads((maria.annotations_dir / "dev02.json").read_text())
    assert [i["motivation"] for i in mine["first"]["items"]] == ["replying"]
    m = maria.annotations()
    changes = m.reload()
    assert h.id in changes.changed and r.id in changes.remarks  # its discussion changed
    thread = m.thread(h.id)
    assert thread.count == 1 and thread.nodes[0].reply.text.startswith("Does the Ledger")
    assert thread.nodes[0].reply.author.name == "Dev"
    with pytest.raises(ReadOnlyAnnotation):
        m.edit_remark(r.id, text="changed by Maria")
    with pytest.raises(ReadOnlyAnnotation):
        m.delete_remark(r.id)


def test_replies_and_links_merge_from_two_authors_and_sync_copies(maria, dev, lib) -> None:  # type: ignore[no-untyped-def]
    a = mark(maria, lib, "decline to charge possession")
    b = mark(maria, lib, "shall not be charged with possession", "statute.txt")
    m = maria.annotations()
    r1 = m.reply(a.id, "First thought.")
    lk = m.link(a.id, b.id, "implements", note="The memo applies § 2(a).")
    m.save()
    d = dev.annotations()
    d.load()
    r2 = d.reply(r1.id, "Second thought.")
    d.link(b.id, a.id, Relation.SUPPORTS)
    d.save()
    # a sync tool's copy of Maria's file holds a later edit of her reply
    mine = maria.annotations_dir / "me01.json"
    copy = maria.annotations_dir / "me01 (1).json"
    shutil.copy(mine, copy)
    edited = replace(r1, text="First thought, revised on the laptop.",
                     modified=r1.modified + timedelta(minutes=2))
    copy.write_bytes(encode_collection(m.author, [encode_record(x) for x in
                                                  (a, b, edited, lk)], modified=now_utc()))
    fresh = person(Path(str(maria.root).rsplit("/ws", 1)[0]), lib, "me01", "Maria")
    s = fresh.annotations()
    s.load()
    flat = s.thread(a.id).flat()
    assert [(n.depth, n.reply.text) for n in flat] == [
        (1, "First thought, revised on the laptop."), (2, "Second thought.")]
    assert flat[1].reply.id == r2.id
    ends = {(e.phrase, e.link.author.name) for e in s.link_ends(a.id)}
    assert ends == {("implements", "Maria"), ("supported by", "Dev")}
    assert len(s.remarks()) == 4
    assert {x.name for x in s.authors()} == {"Maria", "Dev"}


def test_a_reply_to_a_deleted_highlight_is_refused_but_an_old_one_is_kept(maria, dev, lib) -> None:  # type: ignore[no-untyped-def]
    h = mark(maria, lib, "decline to charge possession")
    m = maria.annotations()
    m.save()
    d = dev.annotations()
    d.load()
    r = d.reply(h.id, "What about people on probation?")
    d.save()
    m.reload()
    m.delete(h.id)
    with pytest.raises(AnnotationError, match="deleted"):
        m.reply(h.id, "too late")
    orphans = m.orphaned_replies()
    assert [(o.reply.id, o.reason) for o in orphans] == [(r.id, REMOVED)]
    assert orphans[0].sentence == ("Reply to a removed highlight: "
                                   "\u201cdecline to charge possession\u201d")
    assert m.thread(h.id).count == 1  # still answerable from the tombstone's id
    # the highlight's author file disappears entirely: the reply stays, with its quote
    m.save()
    (maria.annotations_dir / "me01.json").unlink()
    other = person(Path(str(maria.root).rsplit("/ws", 1)[0]), lib, "zed03", "Zed").annotations()
    other.load()
    orphan = other.orphaned_replies()[0]
    assert orphan.reason == MISSING and "decline to charge possession" in orphan.sentence


def test_a_link_with_one_end_removed_is_kept_and_shown(maria, lib) -> None:  # type: ignore[no-untyped-def]
    a = mark(maria, lib, "decline to charge possession")
    b = mark(maria, lib, "Officers are encouraged to carry naloxone")
    m = maria.annotations()
    lk = m.link(a.id, b.id, "contradicts")
    m.delete(b.id)
    (end,) = m.link_ends(a.id)
    assert end.link.id == lk.id and not end.other_live
    assert end.other.quote == "Officers are encouraged to carry naloxone"
    assert end.phrase == "contradicts"
    with pytest.raises(AnnotationError):
        m.link(a.id, b.id, "supports")  # a deleted end cannot be linked anew
    with pytest.raises(AnnotationError, match="itself"):
        m.link(a.id, a.id, "supports")


def test_link_cycles_are_followed_without_looping(maria, lib) -> None:  # type: ignore[no-untyped-def]
    a = mark(maria, lib, "decline to charge possession")
    b = mark(maria, lib, "Officers are encouraged to carry naloxone")
    c = mark(maria, lib, "shall not be charged with possession", "statute.txt")
    m = maria.annotations()
    m.link(a.id, b.id, "supports")
    m.link(b.id, c.id, "cites")
    m.link(c.id, a.id, "responds to")
    disc = m.discussion()
    found = disc.reachable(a.id)
    assert sorted(found) == sorted([b.id, c.id])  # each once, and the walk ends
    assert disc.reachable(b.id, Relation.CITES) == [c.id]
    assert sorted(e.phrase for e in m.link_ends(a.id)) == ["responded to by", "supports"]


def test_threads_nest_then_flatten_and_never_loop(maria, lib) -> None:  # type: ignore[no-untyped-def]
    h = mark(maria, lib, "decline to charge possession")
    m = maria.annotations()
    parent = h.id
    made = []
    for i in range(6):  # a reply to a reply to a reply …
        r = m.reply(parent, f"level {i + 1}")
        made.append(r)
        parent = r.id
    flat = m.thread(h.id).flat()
    assert [n.reply.text for n in flat] == [f"level {i + 1}" for i in range(6)]
    assert [n.depth for n in flat] == [1, 2, 3, 3, 3, 3]
    assert max(n.depth for n in flat) == MAX_DEPTH
    # a deleted reply in the middle stays as a placeholder while replies below it live
    m.delete_remark(made[1].id)
    flat = m.thread(h.id).flat()
    assert flat[1].reply.deleted and m.thread(h.id).count == 5


def test_a_hand_written_loop_of_replies_is_orphaned_not_followed(maria, lib) -> None:  # type: ignore[no-untyped-def]
    h = mark(maria, lib, "decline to charge possession")
    m = maria.annotations()
    m.save()
    zed = Author("zed03", "Zed")
    t = now_utc()
    loop = [Reply("urn:r1", Ref("urn:r2", "q"), zed, t, t, "one"),
            Reply("urn:r2", Ref("urn:r1", "q"), zed, t, t, "two"),
            Reply("urn:r3", Ref("urn:r3x", "q"), zed, t, t, "to nothing"),
            Reply("urn:r4", Ref(h.id, h.quote.exact), zed, t, t, "fine")]
    (maria.annotations_dir / "zed03.json").write_bytes(
        encode_collection(zed, [encode_record(r) for r in loop], modified=t))
    m.reload()
    reasons = {o.reply.id: o.reason for o in m.orphaned_replies()}
    assert reasons == {"urn:r1": LOOP, "urn:r2": LOOP, "urn:r3": MISSING}
    assert [n.reply.text for n in m.thread(h.id).flat()] == ["fine"]


def test_a_colleagues_file_with_10000_replies_to_one_highlight(maria, lib) -> None:  # type: ignore[no-untyped-def]
    h = mark(maria, lib, "decline to charge possession")
    m = maria.annotations()
    m.save()
    zed = Author("zed03", "Zed")
    t = now_utc()
    items = [encode_record(Reply(f"urn:uuid:z{i:05d}", Ref(h.id, h.quote.exact), zed,
                                 t + timedelta(milliseconds=i), t + timedelta(milliseconds=i),
                                 f"reply number {i}")) for i in range(10_000)]
    (maria.annotations_dir / "zed03.json").write_bytes(encode_collection(zed, items, modified=t))
    report = m.reload()
    assert h.id in report.changed and len(report.remarks) == 10_000
    thread = m.thread(h.id)
    assert thread.count == 10_000 and len(thread.nodes) == 10_000
    assert thread.nodes[0].reply.text == "reply number 0"
    assert thread.nodes[-1].reply.text == "reply number 9999"
    assert m.problems == ()
    r = m.reply(h.id, "Maria answers all of them")  # her own file stays small
    m.save()
    saved = json.loads((maria.annotations_dir / "me01.json").read_text())
    assert [i["id"] for i in saved["first"]["items"]] == [h.id, r.id]


def test_editing_deleting_and_undoing_your_reply(maria, lib) -> None:  # type: ignore[no-untyped-def]
    h = mark(maria, lib, "decline to charge possession")
    m = maria.annotations()
    r = m.reply(h.id, "draft")
    with pytest.raises(AnnotationError, match="needs some text"):
        m.reply(h.id, "   ")
    r2 = m.edit_remark(r.id, text="final")
    assert r2.text == "final" and r2.modified > r.modified
    gone = m.delete_remark(r.id)
    assert gone.deleted and gone.text == "" and m.thread(h.id).count == 0
    back = m.restore_remark(r2)
    assert back.text == "final" and m.thread(h.id).count == 1
    lk = m.link(h.id, mark(maria, lib, "Officers are encouraged").id, "supports")
    assert isinstance(m.edit_remark(lk.id, kind="contradicts"), Link)
    assert m.remark(lk.id).relation is Relation.CONTRADICTS  # type: ignore[union-attr]
    with pytest.raises(AnnotationError, match="not a kind of link"):
        m.edit_remark(lk.id, kind="loves")
    m.save()
    items = json.loads((maria.annotations_dir / "me01.json").read_text())["first"]["items"]
    assert {i["motivation"] for i in items} >= {"replying", "linking"}


def test_a_broken_reply_in_a_file_is_kept_and_the_rest_read(maria, lib) -> None:  # type: ignore[no-untyped-def]
    h = mark(maria, lib, "decline to charge possession")
    m = maria.annotations()
    m.save()
    zed = Author("zed03", "Zed")
    good = encode_record(Reply("urn:ok", Ref(h.id, "q"), zed, now_utc(), now_utc(), "fine"))
    bad = {"id": "urn:bad", "type": "Annotation", "motivation": "replying", "target": 42}
    worse = {"id": "urn:l", "type": "Annotation", "motivation": "linking",
             "target": [h.id, "urn:x"], "pr:relation": "adores"}
    (maria.annotations_dir / "zed03.json").write_bytes(
        encode_collection(zed, [good, bad, worse, encode_highlight(h)], modified=now_utc()))
    m.reload()
    assert m.thread(h.id).count == 1
    assert any("2 annotation(s) could not be read" in p for p in m.problems)
