"""The annotation store: editing, saving, merging files, and every kind of bad file."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.annotations.w3c_write import encode_collection, encode_highlight
from reader.errors import (
    AnnotationError,
    DocumentNotFound,
    ReadOnlyAnnotation,
    StorageError,
    ThemeError,
)
from reader.model.annotations import AnchorStatus, Author, Stance, now_utc
from reader.workspace import Workspace
from tests.core.annotations_fixtures import MEMO, STATUTE, FakeLibrary, make_workspace, settings_for


@pytest.fixture
def lib() -> FakeLibrary:
    lib = FakeLibrary()
    lib.add("memos/memo.txt", MEMO)
    lib.add("statute.txt", STATUTE)
    return lib


@pytest.fixture
def ws(tmp_path: Path, lib: FakeLibrary) -> Workspace:
    return make_workspace(tmp_path / "ws", lib, settings_for(tmp_path / "me.json", "me01",
                                                             "Maria"))


def memo_id(lib: FakeLibrary) -> str:
    return next(d.id for d in lib.documents() if d.path == "memos/memo.txt")


def span(text: str, words: str) -> tuple[int, int]:
    i = text.index(words)
    return i, i + len(words)


def highlight(ws: Workspace, lib: FakeLibrary, words: str, **kw: object):
    return ws.annotations().create(memo_id(lib), *span(MEMO, words), **kw)


def other_author_file(folder: Path, author: Author, items: list[dict], name: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (name or f"{author.id}.json")
    path.write_bytes(encode_collection(author, items, modified=now_utc()))
    return path


# -- creating and editing --------------------------------------------------------------------
def test_create_fills_quote_page_section_colour(ws: Workspace, lib: FakeLibrary) -> None:
    h = highlight(ws, lib, "decline to charge possession", themes=["good-samaritan"],
                  stance="supports", note="Key")
    assert h.quote.exact == "decline to charge possession"
    assert h.quote.prefix.endswith("this office will ")
    assert h.color == ws.themes().taxonomy().color("good-samaritan")
    assert h.author == Author("me01", "Maria") and h.doc_path == "memos/memo.txt"
    assert h.stance is Stance.SUPPORTS and ws.annotations().dirty
    assert ws.annotations().is_mine(h.id)


def test_create_trims_spaces_and_validates(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    s, e = span(MEMO, "decline to charge")
    h = store.create(memo_id(lib), s - 1, e + 1)
    assert (h.start, h.end) == (s, e)
    with pytest.raises(AnnotationError, match="not inside"):
        store.create(memo_id(lib), 5, len(MEMO) + 1)
    with pytest.raises(AnnotationError, match="not inside"):
        store.create(memo_id(lib), 9, 3)
    with pytest.raises(AnnotationError, match="only spaces"):
        store.create(memo_id(lib), MEMO.index("\n\n"), MEMO.index("\n\n") + 2)
    with pytest.raises(DocumentNotFound):
        store.create("f" * 64, 0, 4)
    with pytest.raises(ThemeError, match="no theme"):
        store.create(memo_id(lib), s, e, themes=["no-such-theme"])
    with pytest.raises(AnnotationError, match="stance"):
        store.create(memo_id(lib), s, e, stance="maybe")
    with pytest.raises(AnnotationError, match="colour"):
        store.create(memo_id(lib), s, e, color="blue")
    with pytest.raises(AnnotationError, match="whole numbers"):
        store.create(memo_id(lib), True, e)


def test_update_changes_only_editable_fields(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "decline to charge possession", themes=["good-samaritan"])
    h2 = store.update(h.id, themes=["naloxone", "naloxone"], note="n", stance="opposes")
    assert h2.themes == ("naloxone",) and h2.note == "n" and h2.stance is Stance.OPPOSES
    assert h2.color == ws.themes().taxonomy().color("naloxone")  # auto colour followed
    assert h2.modified > h.modified and h2.created == h.created
    h3 = store.update(h.id, color="#123456")
    assert store.update(h.id, themes=["drug-courts"]).color == "#123456"  # chosen colour kept
    assert store.update(h.id, note="n") is not h3 or True
    with pytest.raises(AnnotationError, match="cannot be edited"):
        store.update(h.id, start=3)
    assert store.update(h.id, note=store.get(h.id).note) is store.get(h.id)  # no-op


def test_delete_restore_reattach_and_copy(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "decline to charge possession", note="private thought")
    before = store.get(h.id)
    gone = store.delete(h.id)
    assert gone == store.get(h.id) and store.delete(h.id) == gone
    assert gone.deleted and gone.note == ""  # the note does not linger in the file
    assert h.id not in {x.id for x in store.all()}
    assert h.id in {x.id for x in store.all(include_deleted=True)}
    back = store.restore(before)
    assert not back.deleted and back.note == "private thought"
    assert back.modified > gone.modified
    s, e = span(MEMO, "Officers are encouraged")
    moved = store.reattach(h.id, s, e)
    assert moved.quote.exact == "Officers are encouraged" and moved.modified > back.modified
    copy = store.copy_to_mine(h.id)
    assert copy.id != h.id and copy.author == store.author
    assert ("pr:copiedFrom", json.dumps(h.id)) in copy.extra


def test_an_edit_always_beats_a_future_dated_version(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "decline to charge possession")
    future = replace(h, modified=now_utc() + timedelta(days=3650))
    store._put(future)
    edited = store.update(h.id, note="now")
    assert edited.modified > future.modified and store.get(h.id).note == "now"


def test_others_highlights_are_read_only(ws: Workspace, lib: FakeLibrary) -> None:
    ana = Author("ana02", "Ana")
    mine = highlight(ws, lib, "decline to charge possession")
    theirs = replace(mine, id="urn:uuid:theirs", author=ana)
    other_author_file(ws.annotations_dir, ana, [encode_highlight(theirs)])
    store = ws.annotations()
    store.reload()
    assert not store.is_mine("urn:uuid:theirs")
    for action in (lambda: store.update("urn:uuid:theirs", note="x"),
                   lambda: store.delete("urn:uuid:theirs"),
                   lambda: store.reattach("urn:uuid:theirs", 0, 5),
                   lambda: store.restore(theirs)):
        with pytest.raises(ReadOnlyAnnotation):
            action()
    copy = store.copy_to_mine("urn:uuid:theirs")
    assert store.is_mine(copy.id)
    assert {a.name for a in store.authors()} == {"Ana", "Maria"}


# -- saving ----------------------------------------------------------------------------------
def test_save_writes_only_my_file_atomically_with_backup(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    highlight(ws, lib, "decline to charge possession")
    store.save()
    assert not store.dirty
    path = ws.annotations_dir / "me01.json"
    first = path.read_bytes()
    highlight(ws, lib, "Officers are encouraged")
    store.save()
    assert (ws.annotations_dir / "me01.json.bak").read_bytes() == first
    assert sorted(p.name for p in ws.annotations_dir.iterdir()) == [
        ".me01.json.lock", "me01.json", "me01.json.bak"]  # the lock file is hidden
    doc = json.loads(path.read_bytes())
    assert doc["creator"]["name"] == "Maria" and doc["total"] == 2
    store.save()  # nothing changed: nothing written
    assert (ws.annotations_dir / "me01.json.bak").read_bytes() == first


def test_reopening_gives_the_same_highlights(ws: Workspace, lib: FakeLibrary,
                                             tmp_path: Path) -> None:
    store = ws.annotations()
    highlight(ws, lib, "decline to charge possession", themes=["naloxone"], note="n",
              stance="neutral")
    store.save()
    again = make_workspace(ws.root, lib, ws.settings).annotations()
    assert again.all() == store.all()


def test_read_only_folder_keeps_edits_and_retries(ws: Workspace, lib: FakeLibrary,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    store = ws.annotations()
    store.retries_saves = True  # as the app's store (a command's says "NOT saved")
    h = highlight(ws, lib, "decline to charge possession")

    def denied(*a: object, **k: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("reader.jsonio.tempfile.mkstemp", denied)
    with pytest.raises(StorageError, match="kept in memory"):
        store.save()
    assert store.dirty and store.get(h.id) == h
    assert any("could not be saved" in p for p in store.problems)
    monkeypatch.undo()
    store.save()
    assert not store.dirty and not store.save_error
    assert json.loads((ws.annotations_dir / "me01.json").read_bytes())["total"] == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs a non-root POSIX user for real permissions")
def test_real_read_only_folder(ws: Workspace, lib: FakeLibrary) -> None:  # pragma: no cover
    store = ws.annotations()
    ws.annotations_dir.mkdir(parents=True)
    ws.annotations_dir.chmod(0o500)
    try:
        highlight(ws, lib, "decline to charge possession")
        with pytest.raises(StorageError):
            store.save()
        assert store.dirty
    finally:
        ws.annotations_dir.chmod(0o700)
    store.save()
    assert not store.dirty


def test_saving_merges_a_file_changed_on_disk_meanwhile(ws: Workspace, lib: FakeLibrary,
                                                        tmp_path: Path) -> None:
    store = ws.annotations()
    highlight(ws, lib, "decline to charge possession")
    store.save()
    # the same person, another window (e.g. the CLI) adds a highlight and saves
    other = make_workspace(ws.root, lib, ws.settings).annotations()
    other.create(memo_id(lib), *span(MEMO, "Officers are encouraged"))
    other.save()
    highlight(ws, lib, "twelve months")
    store.save()
    final = make_workspace(ws.root, lib, ws.settings).annotations().all()
    assert {h.quote.exact for h in final} == {"decline to charge possession",
                                              "Officers are encouraged", "twelve months"}


def test_changing_my_name_rewrites_it(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "decline to charge possession")
    store.save()
    store.set_author_name("  Maria  G. ")
    store.save()
    assert store.get(h.id).author.name == "Maria G."
    assert json.loads((ws.annotations_dir / "me01.json").read_bytes())["creator"]["name"] == \
        "Maria G."


# -- merging files ---------------------------------------------------------------------------
def test_two_copies_of_a_workspace_swap_files(tmp_path: Path, lib: FakeLibrary) -> None:
    a = make_workspace(tmp_path / "a", lib, settings_for(tmp_path / "a.json", "alice01",
                                                         "Alice"))
    b = make_workspace(tmp_path / "b", lib, settings_for(tmp_path / "b.json", "bob0002",
                                                         "Bob"))
    sa, sb = a.annotations(), b.annotations()
    ha = sa.create(memo_id(lib), *span(MEMO, "decline to charge possession"))
    keep = sa.create(memo_id(lib), *span(MEMO, "twelve months"))
    hb = sb.create(memo_id(lib), *span(MEMO, "Officers are encouraged"))
    sa.save()
    sb.save()
    shutil.copy(a.annotations_dir / "alice01.json", b.annotations_dir)
    shutil.copy(b.annotations_dir / "bob0002.json", a.annotations_dir)
    for store in (sa, sb):
        store.reload()
        assert {(h.id, h.author.name) for h in store.all()} == {
            (ha.id, "Alice"), (keep.id, "Alice"), (hb.id, "Bob")}
    sa.delete(ha.id)
    sa.save()
    shutil.copy(a.annotations_dir / "alice01.json", b.annotations_dir)
    changes = sb.reload()
    assert changes.removed == (ha.id,)
    assert {h.id for h in sb.all()} == {keep.id, hb.id}
    assert sorted(p.name for p in b.annotations_dir.glob("*.json")) == ["alice01.json",
                                                                         "bob0002.json"]


@pytest.mark.parametrize("copy_name", [
    "me01 (Maria's conflicted copy 2024-05-01).json",
    "me01.sync-conflict-20240501-101500-ABCDEF7.json",
    "me01 (1).json",
    "me01-LAPTOP-7.json",
])
def test_sync_conflict_copies_merge_into_mine(ws: Workspace, lib: FakeLibrary,
                                              copy_name: str) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "decline to charge possession", note="laptop one")
    gone = highlight(ws, lib, "twelve months")
    store.save()
    path = ws.annotations_dir / "me01.json"
    # the other laptop edited h later and deleted `gone`; the sync tool made a copy
    newer = replace(h, note="laptop two", modified=h.modified + timedelta(minutes=5))
    dead = replace(gone, deleted=True, modified=gone.modified + timedelta(minutes=5))
    (ws.annotations_dir / copy_name).write_bytes(encode_collection(
        store.author, [encode_highlight(newer), encode_highlight(dead)], modified=now_utc()))
    store.reload()
    assert store.get(h.id).note == "laptop two" and store.is_mine(h.id)
    assert store.get(gone.id).deleted
    assert store.problems == ()
    store.update(h.id, stance="supports")
    store.save()
    merged = json.loads(path.read_bytes())
    assert {i["id"]: i.get("pr:deleted", False) for i in merged["first"]["items"]} == {
        h.id: False, gone.id: True}


def test_a_file_claiming_another_author_is_read_as_its_names(ws: Workspace,
                                                             lib: FakeLibrary) -> None:
    store = ws.annotations()
    mine = highlight(ws, lib, "decline to charge possession")
    store.save()
    forged_items = [encode_highlight(replace(mine, note="forged", deleted=True,
                                             modified=mine.modified + timedelta(days=1)))]
    other_author_file(ws.annotations_dir, Author("me01", "Maria"), forged_items,
                      name="mallory9.json")
    store.reload()
    assert not store.get(mine.id).deleted and store.get(mine.id).note == ""
    assert any("says it holds the annotations of Maria" in p for p in store.problems)
    shown = [h for h in store.all(include_deleted=True) if h.author.id == "mallory9"]
    assert len(shown) == 1 and shown[0].id != mine.id  # kept under an alias, theirs
    store.update(mine.id, note="still mine")
    store.save()
    assert json.loads((ws.annotations_dir / "me01.json").read_bytes())["total"] == 1


def test_duplicate_ids_within_and_across_files(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "decline to charge possession")
    later = replace(h, note="later", modified=h.modified + timedelta(minutes=1))
    ana = Author("ana02", "Ana")
    other_author_file(ws.annotations_dir, store.author,
                      [encode_highlight(later), encode_highlight(h)], name="me01.json")
    other_author_file(ws.annotations_dir, ana, [encode_highlight(replace(
        h, author=ana, created=h.created + timedelta(minutes=1)))])
    store.load()
    assert store.get(h.id).note == "later" and store.is_mine(h.id)
    anas = [x for x in store.all() if x.author == ana]
    assert len(anas) == 1 and anas[0].id != h.id
    assert any("appears in the files of two authors" in p for p in store.problems)


# -- bad files -------------------------------------------------------------------------------
@pytest.mark.parametrize("content", [
    b"{not json", b"\xff\xfe\x00garbage", b"[1, 2, 3]", b'{"hello": "world"}', b"",
    b'"just a string"', b"[" * 100_000,
])
def test_damaged_files_are_reported_and_left_alone(ws: Workspace, lib: FakeLibrary,
                                                   content: bytes) -> None:
    ws.annotations_dir.mkdir(parents=True)
    bad = ws.annotations_dir / "ana02.json"
    bad.write_bytes(content)
    store = ws.annotations()
    report = store.load()
    assert report.problems, content
    if content == b"[1, 2, 3]":
        assert "could not be read" in report.problems[0]
    highlight(ws, lib, "decline to charge possession")
    store.save()
    assert bad.read_bytes() == content


def test_my_own_damaged_file_is_set_aside_not_overwritten(ws: Workspace,
                                                          lib: FakeLibrary) -> None:
    ws.annotations_dir.mkdir(parents=True)
    mine = ws.annotations_dir / "me01.json"
    mine.write_bytes(b'{"type": "AnnotationCollection", "first": {"items": [')
    store = ws.annotations()
    assert store.load().problems
    highlight(ws, lib, "decline to charge possession")
    store.save()
    aside = list(ws.annotations_dir.glob("me01.json.damaged-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == b'{"type": "AnnotationCollection", "first": {"items": ['
    assert json.loads(mine.read_bytes())["total"] == 1


def test_unreadable_items_in_my_file_are_kept_verbatim(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "decline to charge possession")
    strange = {"type": "Annotation", "id": "weird", "created": "not a date", "target": "t"}
    other_author_file(ws.annotations_dir, store.author, [encode_highlight(h), strange],
                      name="me01.json")
    store.load()
    assert any("could not be read" in p for p in store.problems)
    store.update(h.id, note="edited")
    store.save()
    items = json.loads((ws.annotations_dir / "me01.json").read_bytes())["first"]["items"]
    assert strange in items and len(items) == 2


def test_a_newer_format_file_of_mine_is_never_written_over(ws: Workspace,
                                                          lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "decline to charge possession")
    data = json.loads(encode_collection(store.author, [encode_highlight(h)],
                                        modified=now_utc()))
    data["pr:formatVersion"] = 99
    data["pr:newThing"] = {"x": 1}
    path = ws.annotations_dir / "me01.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    fresh = make_workspace(ws.root, lib, ws.settings).annotations()
    assert fresh.get(h.id).quote == h.quote  # read what can be read
    assert any("newer version" in p for p in fresh.problems)
    fresh.update(h.id, note="edit")
    with pytest.raises(StorageError, match="cannot be written over"):
        fresh.save()
    assert fresh.dirty and path.read_bytes() == before


def test_a_file_over_100_mb_is_not_read(ws: Workspace, lib: FakeLibrary) -> None:
    ws.annotations_dir.mkdir(parents=True)
    big = ws.annotations_dir / "ana02.json"
    with big.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024 + 1)  # sparse: instant
    store = ws.annotations()
    report = store.load()
    assert any("too large" in p for p in report.problems)
    assert big.stat().st_size == 100 * 1024 * 1024 + 1


def test_hidden_backup_and_temporary_files_are_ignored(ws: Workspace, lib: FakeLibrary) -> None:
    ws.annotations_dir.mkdir(parents=True)
    for name in (".me01.json.123.tmp", "me01.json.bak", "notes.txt", ".DS_Store"):
        (ws.annotations_dir / name).write_text("garbage")
    (ws.annotations_dir / "sub.json").mkdir()
    report = ws.annotations().load()
    assert report.problems == () and report.files == 0


def test_selectors_past_the_end_negative_or_reversed(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "Officers are encouraged")
    ana = Author("ana02", "Ana")
    items = [encode_highlight(replace(h, id=f"urn:uuid:{i}", author=ana, start=s, end=e))
             for i, (s, e) in enumerate([(10**9, 10**9 + 5), (-20, -4), (h.end, h.start)])]
    other_author_file(ws.annotations_dir, ana, items)
    store.reload()
    placed = {p.highlight.id: p for p in store.for_document(memo_id(lib))}
    for i in range(3):
        p = placed[f"urn:uuid:{i}"]
        assert p.anchor.status is not AnchorStatus.ORPHANED
        assert MEMO[p.anchor.start:p.anchor.end] == "Officers are encouraged"


def test_unknown_themes_are_kept(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "decline to charge possession")
    ana = Author("ana02", "Ana")
    other_author_file(ws.annotations_dir, ana, [encode_highlight(replace(
        h, id="urn:uuid:t", author=ana, themes=("their-group/theme-x",)))])
    store.reload()
    got = store.get("urn:uuid:t")
    assert got.themes == ("their-group/theme-x",)
    assert not ws.themes().taxonomy().known("their-group/theme-x")
    copy = store.copy_to_mine("urn:uuid:t")
    kept = store.update(copy.id, themes=["their-group/theme-x", "naloxone"])
    assert kept.themes == ("their-group/theme-x", "naloxone")


def test_100000_annotations_in_one_file(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "decline to charge possession")
    t = datetime(2024, 1, 1, tzinfo=UTC)
    base = json.dumps(encode_highlight(replace(h, id="urn:uuid:ID", created=t, modified=t)))
    head, tail = base.split("urn:uuid:ID")
    lines = [f"{head}urn:uuid:{i:032x}{tail}" for i in range(100_000)]
    ws.annotations_dir.mkdir(parents=True, exist_ok=True)
    (ws.annotations_dir / "ana02.json").write_text(
        '{"type": "AnnotationCollection", "pr:formatVersion": 1, "creator": {"id": '
        '"urn:policy-reader:author:ana02", "name": "Ana"}, "first": {"items": ['
        + ",".join(lines) + "]}}")
    report = store.load()
    assert report.highlights == 100_001 and report.problems == ()
    assert len(store.for_document(memo_id(lib))) == 100_001


# -- placing ---------------------------------------------------------------------------------
def test_for_document_follows_an_amended_and_a_moved_document(ws: Workspace,
                                                              lib: FakeLibrary) -> None:
    store = ws.annotations()
    h1 = highlight(ws, lib, "twelve months")
    h2 = highlight(ws, lib, "decline to charge possession")
    old_id = memo_id(lib)
    new = lib.add("memos/memo.txt", MEMO.replace("twelve months", "six months")
                  .replace("Office of", "AMENDED. Office of"))
    placed = store.for_document(new.id)
    assert [p.highlight.id for p in placed] == [h2.id, h1.id]  # reading order, orphan last
    assert placed[0].anchor.status is AnchorStatus.MOVED and placed[1].orphaned
    assert store.for_document(old_id) == ()
    assert [p.highlight.id for p in store.orphans()] == [h1.id]
    # the new version moves to another folder; the old content comes back at the old path
    lib.move(new.id, "archive/memo.txt")
    lib.add("memos/memo.txt", MEMO)
    again = {p.highlight.id: p for p in store.placed_all()}
    assert again[h2.id].anchor.doc_id == old_id  # same words, same version
    assert again[h2.id].anchor.status is AnchorStatus.ANCHORED


def test_highlights_on_missing_or_unreadable_documents_are_orphans(ws: Workspace,
                                                                   lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "twelve months")
    lib.unreadable.add(memo_id(lib))
    (p,) = store.placed_all()
    assert p.orphaned and p.anchor.doc_id == memo_id(lib)
    lib.unreadable.clear()
    lib.remove(memo_id(lib))
    (p,) = store.placed_all()
    assert p.orphaned and p.anchor.doc_id == "" and p.highlight == h
    assert store.orphans() == (p,)
    with pytest.raises(DocumentNotFound):
        store.reattach(h.id, 0, 5)


def test_reload_reports_what_changed(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    store.load()
    assert store.reload().empty
    ana = Author("ana02", "Ana")
    h = highlight(ws, lib, "decline to charge possession")
    theirs = replace(h, id="urn:uuid:ana1", author=ana)
    path = other_author_file(ws.annotations_dir, ana, [encode_highlight(theirs)])
    gen = store.generation
    assert store.reload().added == ("urn:uuid:ana1",)
    assert store.generation > gen
    edited = replace(theirs, note="x", modified=theirs.modified + timedelta(seconds=1))
    path.write_bytes(encode_collection(ana, [encode_highlight(edited)], modified=now_utc()))
    os.utime(path, ns=(1, 1))
    assert store.reload().changed == ("urn:uuid:ana1",)
    path.unlink()
    assert store.reload().removed == ("urn:uuid:ana1",)
    assert store.get(h.id) == h  # my unsaved highlight survived every reload


def test_my_file_vanishing_does_not_lose_my_highlights(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "decline to charge possession")
    store.save()
    (ws.annotations_dir / "me01.json").unlink()
    store.reload()
    assert store.get(h.id) == h and store.dirty
    store.save()
    fresh = make_workspace(ws.root, lib, ws.settings).annotations()
    assert [x.id for x in fresh.all()] == [h.id]
    # the same when it vanishes between two saves
    highlight(ws, lib, "twelve months")
    (ws.annotations_dir / "me01.json").unlink()
    store.save()
    fresh = make_workspace(ws.root, lib, ws.settings).annotations()
    assert len(fresh.all()) == 2


def test_future_dates_are_reported(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    h = highlight(ws, lib, "decline to charge possession")
    ana = Author("ana02", "Ana")
    far = replace(h, id="urn:uuid:f", author=ana, modified=now_utc() + timedelta(days=400))
    other_author_file(ws.annotations_dir, ana, [encode_highlight(far)])
    report = store.load()
    assert any("dated in the future" in p for p in report.problems)
    assert store.get("urn:uuid:f").modified == far.modified


def test_an_unsaveable_settings_file_still_gives_an_identity(tmp_path: Path, lib: FakeLibrary,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    from reader.settings import Settings

    settings = Settings(tmp_path / "cfg" / "settings.json")

    def denied(*a: object, **k: object) -> None:
        raise StorageError("Cannot write settings.json: Permission denied.")

    monkeypatch.setattr("reader.settings.atomic_write_json", denied)
    ws = make_workspace(tmp_path / "ws", lib, settings)
    store = ws.annotations()
    assert store.author.id and any("could not be saved" in p for p in store.problems)
    again = make_workspace(tmp_path / "ws", lib, settings).annotations()
    assert again.author.id == store.author.id  # stable for the session


def test_edits_keep_the_document_index_current(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    doc = memo_id(lib)
    assert store.for_document(doc) == ()
    h = highlight(ws, lib, "decline to charge possession")
    assert [p.highlight.id for p in store.for_document(doc)] == [h.id]
    store.update(h.id, note="x")
    assert store.for_document(doc)[0].highlight.note == "x"
    store.reattach(h.id, *span(STATUTE, "Immunity"),
                   doc_id=next(d.id for d in lib.documents() if d.path == "statute.txt"))
    assert store.for_document(doc) == ()
    assert store.count_by_document() == {
        next(d.id for d in lib.documents() if d.path == "statute.txt"): 1}
    store.delete(h.id)
    assert store.count_by_document() == {}


def test_documents_tagged(ws: Workspace, lib: FakeLibrary) -> None:
    store = ws.annotations()
    highlight(ws, lib, "decline to charge possession", themes=["naloxone"])
    tax = ws.themes().taxonomy()
    assert store.documents_tagged(tax.matching("overdose-response")) == {memo_id(lib)}
    assert store.documents_tagged(["housing"]) == frozenset()
