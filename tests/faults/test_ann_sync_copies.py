"""Issue 17, finding 4 (files): a file named like a sync tool's copy of *your* file can
change your highlights only when it really is yours (your id inside), and never with
versions dated in the future beyond a small clock skew: those are held aside, reported,
the file left untouched, until you accept them."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from reader.annotations import holds
from reader.annotations.files import FileRead
from reader.annotations.w3c_write import encode_collection, encode_highlight
from reader.model.annotations import Author, Highlight, TextQuote, now_utc
from tests.faults.conftest import ME, open_ws

COPY_NAMES = [
    f"{ME} (1).json",
    f"{ME}-LAPTOP.json",
    f"{ME}.sync-conflict-20260501-101500-ABCDEF7.json",
    f"{ME} (Maria's conflicted copy 2026-05-01).json",
]
MARIA = Author(ME, "Maria")


def two_highlights(root: Path, settings: Path) -> tuple[Highlight, Highlight]:
    store = open_ws(root, settings).annotations()
    doc = next(iter(store.placer.source.documents()))
    text = store.placer.source.text(doc.id).text
    a = text.index("decline to charge")
    b = text.index("carry naloxone")
    keep = store.create(doc.id, a, a + len("decline to charge"), note="mine")
    edit = store.create(doc.id, b, b + len("carry naloxone"), note="mine too")
    store.save()
    return keep, edit


def write_copy(folder: Path, name: str, author: Author | None, versions: list[Highlight]
               ) -> Path:
    data = json.loads(encode_collection(author or MARIA, [encode_highlight(v)
                                                          for v in versions],
                                        modified=now_utc()))
    if author is None:
        del data["creator"]
    path = folder / name
    path.write_text(json.dumps(data), "utf-8")
    return path


@pytest.mark.parametrize("name", COPY_NAMES)
def test_future_dated_changes_in_a_copy_are_held_aside(shared: tuple[Path, Path],
                                                      name: str) -> None:
    root, settings = shared
    keep, edit = two_highlights(root, settings)
    later = now_utc() + timedelta(days=365)
    folder = root / ".policy-reader" / "annotations"
    copy = write_copy(folder, name, MARIA, [
        replace(keep, deleted=True, note="", modified=later),
        replace(edit, note="rewritten by a wrong clock", modified=later)])
    before = copy.read_bytes()
    store = open_ws(root, settings).annotations()
    report = store.load()
    assert not store.get(keep.id).deleted and store.get(edit.id).note == "mine too"
    problem = next(p for p in report.problems if p.startswith(name))
    assert "held aside" in problem and "1 deletion" in problem and "\n" not in problem
    assert sorted(v.action for v in store.held()) == ["change", "delete"]
    # an edit and a save here neither apply them nor drop them
    store.update(edit.id, stance="supports")
    store.save()
    fresh = open_ws(root, settings).annotations()
    assert not fresh.get(keep.id).deleted and fresh.get(edit.id).note == "mine too"
    assert len(fresh.held()) == 2 and copy.read_bytes() == before
    # accepting applies them; then they are no longer reported
    fresh.accept_held([keep.id])
    assert fresh.get(keep.id).deleted and [v.id for v in fresh.held()] == [edit.id]
    fresh.save()
    again = open_ws(root, settings).annotations()
    again.load()
    assert again.get(keep.id).deleted and [v.id for v in again.held()] == [edit.id]
    again.accept_held()
    again.save()
    last = open_ws(root, settings).annotations()
    assert last.get(edit.id).note == "rewritten by a wrong clock" and last.held() == ()
    assert not any("held aside" in p for p in last.problems)
    assert copy.read_bytes() == before


def test_a_copy_within_the_clock_skew_merges_as_before(shared: tuple[Path, Path]) -> None:
    root, settings = shared
    _, edit = two_highlights(root, settings)
    soon = now_utc() + timedelta(minutes=3)
    write_copy(root / ".policy-reader" / "annotations", f"{ME} (1).json", MARIA,
               [replace(edit, note="from the laptop", modified=soon)])
    store = open_ws(root, settings).annotations()
    assert store.get(edit.id).note == "from the laptop" and store.held() == ()


@pytest.mark.parametrize("claim", [Author("mallory9", "Mallory"), None],
                         ids=["another author", "nobody"])
def test_a_copy_that_does_not_say_it_is_yours_is_not_merged(shared: tuple[Path, Path],
                                                            claim: Author | None) -> None:
    root, settings = shared
    keep, edit = two_highlights(root, settings)
    copy = write_copy(root / ".policy-reader" / "annotations", f"{ME} (1).json", claim,
                      [replace(keep, deleted=True, note="", modified=keep.modified
                               + timedelta(seconds=5)),
                       replace(edit, note="forged", modified=edit.modified
                               + timedelta(seconds=5))])
    before = copy.read_bytes()
    store = open_ws(root, settings).annotations()
    report = store.load()
    assert not store.get(keep.id).deleted and store.get(edit.id).note == "mine too"
    assert len(store.all()) == 2
    assert any("named like a copy of your annotation file" in p for p in report.problems)
    store.update(keep.id, note="edited")
    store.save()
    fresh = open_ws(root, settings).annotations()
    assert {h.note for h in fresh.all()} == {"edited", "mine too"}
    assert copy.read_bytes() == before


def test_a_held_version_stays_held_after_its_date_has_passed() -> None:
    """The copy's arrival time decides, not the time of reading: a version that was a day
    ahead when its copy arrived never overrides what was done meanwhile."""
    t0 = datetime(2026, 3, 1, tzinfo=UTC)
    base = Highlight(id="urn:uuid:1", doc_id="", doc_path="memo.txt", start=0, end=4,
                     quote=TextQuote("Memo"), author=MARIA, created=t0, modified=t0)
    mine = replace(base, note="edited here", modified=t0 + timedelta(hours=2))
    ahead = replace(base, deleted=True, modified=t0 + timedelta(days=1))
    main = FileRead(Path(f"{ME}.json"), ME, False, highlights=[mine])
    copy = FileRead(Path(f"{ME} (1).json"), ME, True, highlights=[ahead], arrived=t0)
    collections, held = holds.split([main, copy], [], ME)
    assert [v.version for v in held] == [ahead]
    assert ahead not in [h for c in collections for h in c]


def test_held_versions_of_a_vanished_copy_are_not_resaved(shared: tuple[Path, Path]
                                                          ) -> None:
    root, settings = shared
    keep, _ = two_highlights(root, settings)
    copy = write_copy(root / ".policy-reader" / "annotations", f"{ME} (1).json", MARIA,
                      [replace(keep, deleted=True, modified=now_utc() + timedelta(days=30))])
    store = open_ws(root, settings).annotations()
    store.load()
    os.unlink(copy)
    store.reload()
    store.save()
    assert not open_ws(root, settings).annotations().get(keep.id).deleted
