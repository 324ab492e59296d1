"""The Qt-free parts of a live workspace: which paths matter, snapshots, and when a file
being written has settled (issue 13, part 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.documents.watching import Settler, Stat, differences, relevant, snapshot


@pytest.mark.parametrize(("rel", "is_dir", "expected"), [
    ("statutes/48-961.05.xml", False, True),
    ("memo.PDF", False, True),
    ("old.doc", False, True),  # known but unsupported: listed with its reason
    ("notes.png", False, False),
    ("report.pdf.part", False, False),
    ("x.pdf.crdownload", False, False),
    ("~$memo.docx", False, False),
    (".hidden.pdf", False, False),
    (".syncthing.memo.pdf.tmp", False, False),
    (".policy-reader/documents.json", False, False),
    (".policy-reader/annotations/me.json", False, False),
    ("statutes/.git/config.xml", False, False),
    ("node_modules/a.md", False, False),
    ("statutes/sub", True, True),
    (".trash", True, False),
    ("", False, False),
    (".", True, False),
])
def test_relevant(rel: str, is_dir: bool, expected: bool) -> None:
    assert relevant(rel, is_dir=is_dir) is expected


def test_snapshots_and_differences(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a", "utf-8")
    (tmp_path / "b.md").write_text("b", "utf-8")
    (tmp_path / "skip.png").write_bytes(b"x")
    first = snapshot(tmp_path)
    assert set(first) == {"a.txt", "b.md"}
    (tmp_path / "a.txt").write_text("aa", "utf-8")
    (tmp_path / "b.md").unlink()
    (tmp_path / "c.txt").write_text("c", "utf-8")
    assert differences(first, snapshot(tmp_path)) == {"a.txt", "b.md", "c.txt"}
    assert differences({}, {}) == set()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_file_being_written_waits_until_it_settles() -> None:
    clock = Clock()
    stats: dict[str, Stat | None] = {"big.pdf": (100, int(999.9e9)), "gone.pdf": None}
    settler = Settler(Path("/ws"), stat=lambda p: stats[p.name], clock=clock, wall=clock,
                      settle_s=0.5)
    settler.note(["big.pdf", "gone.pdf"])
    assert settler.take_settled() == {"gone.pdf"}  # a removal is handed on at once
    clock.now += 0.6
    stats["big.pdf"] = (200, int(1000.5e9))  # still growing
    assert settler.take_settled() == frozenset()
    clock.now += 0.3
    assert settler.take_settled() == frozenset()  # unchanged, but not for long enough
    clock.now += 0.3
    assert settler.take_settled() == {"big.pdf"}
    assert settler.pending == frozenset()


def test_a_copy_with_an_old_time_still_needs_two_looks() -> None:
    """A sync tool keeps the file's original time: it must still be seen unchanged twice."""
    clock = Clock()
    stats: dict[str, Stat | None] = {"old.pdf": (10, int(1e9))}  # written long ago
    settler = Settler(Path("/ws"), stat=lambda p: stats[p.name], clock=clock, wall=clock,
                      settle_s=0.5)
    settler.note(["old.pdf"])
    assert settler.take_settled() == frozenset()
    stats["old.pdf"] = (20, int(1e9))  # more bytes arrive, same time
    clock.now += 0.6
    assert settler.take_settled() == frozenset()
    clock.now += 0.6
    assert settler.take_settled() == {"old.pdf"}


def test_a_file_still_being_written_is_reported_and_read_when_it_settles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The library never stores a file that changed while it was read: it names it in
    ``unsettled`` (the watcher looks at it again) and reads it at the next update."""
    from reader.documents import runner
    from reader.model.documents import DocStatus
    from reader.workspace import Workspace

    root = tmp_path / "ws"
    root.mkdir()
    (root / "growing.txt").write_text("Half of a statute", "utf-8")
    library = Workspace.open(root).library()
    with monkeypatch.context() as m:
        m.setattr(runner, "same_file", lambda *args: False)  # it changes at every read
        changes = library.update()
    assert changes.unsettled == ("growing.txt",)
    assert library.find("growing.txt").status is not DocStatus.OK
    (root / "growing.txt").write_text("Half of a statute, and the other half.", "utf-8")
    changes = library.update()
    assert changes.unsettled == ()
    doc = library.find("growing.txt")
    assert doc.status is DocStatus.OK
    assert library.text(doc.id).text.endswith("the other half.")
