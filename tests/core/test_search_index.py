"""WhooshIndex over a real workspace (plain-text and Markdown files, the annotation store):
incremental updates, annotations, batches during an import, a busy index, rebuild."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import reader.search.index as index_module
from reader.errors import Cancelled, ReaderError
from reader.ops.library import refresh
from reader.progress import CancelToken
from reader.search.index import WhooshIndex
from reader.workspace import Workspace

REPO = Path(__file__).resolve().parents[2]

FILES = {
    "memos/alder-declination.txt": (
        "Alder County Declination Memo\n\n"
        "The Office will decline to file possession charges when the amount is consistent "
        "with personal use. Officers are encouraged to carry naloxone on every shift.\n"),
    "statutes/immunity.md": (
        "# Overdose Immunity Act\n\n"
        "12-405. A person who seeks medical help for an overdose shall not be charged.\n\n"
        "Pharmacies may dispense an opioid antagonist under a standing order.\n"),
    "articles/clinic.txt": (
        "Mobile Clinic Opens\n\n"
        "A mobile syringe services clinic opened downtown on Monday, offering fentanyl "
        "test strips and referrals to treatment.\n"),
}


@pytest.fixture
def ws(workspace_dir: Path) -> Workspace:
    for rel, text in FILES.items():
        p = workspace_dir / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, "utf-8")
    w = Workspace.open(workspace_dir)
    refresh(w)
    return w


def paths(ws: Workspace, query: str) -> set[str]:
    return {g.path for g in ws.search().search(query, limit=50).groups}


class RowCounter:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.docs: list[str] = []
        self.notes: list[str] = []
        real_doc, real_note = index_module.doc_rows, index_module.note_row

        def doc_rows(doc, text):
            self.docs.append(doc.path)
            return real_doc(doc, text)

        def note_row(entry, doc):
            self.notes.append(entry.id)
            return real_note(entry, doc)

        monkeypatch.setattr(index_module, "doc_rows", doc_rows)
        monkeypatch.setattr(index_module, "note_row", note_row)


def test_refresh_indexes_the_workspace_in_the_cache_folder(ws: Workspace) -> None:
    index = ws.search()
    assert isinstance(index, WhooshIndex)
    status = index.status()
    assert (status.state, status.documents) == ("ready", 3)
    assert paths(ws, "naloxone") == {"memos/alder-declination.txt"}
    assert paths(ws, "12-405") == {"statutes/immunity.md"}
    assert paths(ws, "kind:statute") <= {"statutes/immunity.md"}
    assert (ws.cache_dir / "index").is_dir()
    inside = [p for p in ws.root.rglob("*") if p.is_file() and p.relative_to(ws.root).as_posix()
              not in FILES and p.relative_to(ws.root).parts[0] != ".policy-reader"]
    assert inside == []
    assert not any((ws.root / ".policy-reader").rglob("*.seg"))


def test_update_with_nothing_changed_writes_nothing(ws: Workspace,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    index = ws.search()
    generation = index.engine._ix.latest_generation()
    counter = RowCounter(monkeypatch)
    refresh(ws)
    assert counter.docs == [] and counter.notes == []
    assert index.engine._ix.latest_generation() == generation


def test_a_changed_moved_or_removed_file_updates_only_its_entries(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    counter = RowCounter(monkeypatch)
    (ws.root / "articles/clinic.txt").write_text(
        "Mobile Clinic Opens\n\nThe clinic now also offers drug checking with a zeppelin "
        "spectrometer.\n", "utf-8")
    refresh(ws)
    assert counter.docs == ["articles/clinic.txt"]
    assert paths(ws, "zeppelin") == {"articles/clinic.txt"}
    assert paths(ws, "fentanyl") == set()

    counter.docs.clear()
    (ws.root / "archive").mkdir()
    (ws.root / "memos/alder-declination.txt").rename(ws.root / "archive/alder-declination.txt")
    refresh(ws)
    assert counter.docs == ["archive/alder-declination.txt"]
    assert paths(ws, "naloxone") == {"archive/alder-declination.txt"}
    assert paths(ws, "path:archive") == {"archive/alder-declination.txt"}

    counter.docs.clear()
    (ws.root / "statutes/immunity.md").unlink()
    refresh(ws)
    assert counter.docs == []
    assert paths(ws, "12-405") == set()
    assert ws.search().status().documents == 2


def test_metadata_edits_are_searchable(ws: Workspace) -> None:
    lib = ws.library()
    doc = lib.find("articles/clinic.txt")
    lib.set_meta(doc.id, kind="article", jurisdiction="Philadelphia, PA", date="2022-04-01")
    refresh(ws)
    assert paths(ws, "jurisdiction:pennsylvania kind:article") == {"articles/clinic.txt"}
    assert paths(ws, "date:2022") == {"articles/clinic.txt"}


def _highlight(ws: Workspace, path: str, words: str, **kw: object):
    doc = ws.library().find(path)
    text = ws.library().text(doc.id).text
    start = text.index(words)
    return ws.annotations().create(doc.id, start, start + len(words), **kw)


def test_highlights_notes_themes_and_edits(ws: Workspace,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    h = _highlight(ws, "memos/alder-declination.txt", "carry naloxone on every shift",
                   themes=["naloxone"], stance="supports",
                   note="Ask whether sheriff's deputies carry it too")
    index = ws.search()
    index.update_annotations()
    assert paths(ws, "deputies") == {"memos/alder-declination.txt"}
    for q in ("theme:naloxone", 'theme:"naloxone access"', "theme:overdose-response",
              "theme:overdose", "stance:supports", f"author:{ws.annotations().author.id}"):
        assert paths(ws, q) == {"memos/alder-declination.txt"}, q
    r = index.search("deputies")
    hit = r.groups[0].hits[0]
    assert hit.source == "note" and hit.annotation_id == h.id
    assert index.status().notes == 1

    counter = RowCounter(monkeypatch)
    other = _highlight(ws, "articles/clinic.txt", "fentanyl test strips", themes=["drug-checking"])
    ws.annotations().update(h.id, note="Deputies do not carry it; ask about the jail")
    index.update_annotations([h.id])
    assert counter.notes == [h.id]  # only that highlight, not the new one
    assert paths(ws, "jail") == {"memos/alder-declination.txt"}
    assert paths(ws, "sheriff") == set()
    index.update_annotations()
    assert counter.notes == [h.id, other.id]
    assert paths(ws, "theme:drug-checking") == {"articles/clinic.txt"}

    ws.annotations().delete(h.id)
    refresh(ws)
    assert paths(ws, "jail") == set()
    assert paths(ws, "theme:naloxone") == set()
    facets = {(f.field, f.value): f.count for f in index.search("clinic").facets}
    assert facets[("theme", "drug-checking")] == 1


def test_renaming_a_theme_reindexes_its_highlights(ws: Workspace) -> None:
    _highlight(ws, "articles/clinic.txt", "fentanyl test strips", themes=["drug-checking"])
    refresh(ws)
    ws.themes().rename("drug-checking", "Drug checking and pill testing")
    refresh(ws)
    assert paths(ws, "theme:pill") == {"articles/clinic.txt"}


def test_documents_are_searchable_without_the_annotation_service(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise ReaderError("The annotation files could not be read.")

    monkeypatch.setattr(ws, "annotations", broken)
    (ws.root / "articles/new.txt").write_text("A note about zeppelins.\n", "utf-8")
    refresh(ws)
    assert paths(ws, "zeppelins") == {"articles/new.txt"}
    assert ws.search().status().state == "ready"


def test_batches_become_searchable_during_an_import(ws: Workspace, tmp_path: Path) -> None:
    src = tmp_path / "incoming"
    src.mkdir()
    files = []
    for i in range(40):
        p = src / f"letter-{i:02}.txt"
        p.write_text(f"Letter {i} from the zeppelin{i} committee about outreach.\n", "utf-8")
        files.append(p)
    index = ws.search()
    seen: list[int] = []

    def on_batch(changes) -> None:
        index.index_documents(changes.touched)
        seen.append(index.search("committee", limit=100).total)

    ws.library().add_files(files, subdir="letters", on_batch=on_batch)
    assert seen and seen[-1] >= 1
    refresh(ws)
    assert index.search("committee", limit=100).total == 40
    assert paths(ws, "zeppelin7") == {"letters/letter-07.txt"}


def test_rebuild_and_a_cancelled_update(ws: Workspace) -> None:
    index = ws.search()
    before = paths(ws, "naloxone OR 12-405 OR clinic")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        index.rebuild(cancel=token)
    assert paths(ws, "naloxone OR 12-405 OR clinic") == before
    index.rebuild()
    assert paths(ws, "naloxone OR 12-405 OR clinic") == before
    assert index.status().state == "ready"
    (ws.root / "articles/extra.txt").write_text("Zeppelin outreach.\n", "utf-8")
    ws.library().update()
    with pytest.raises(Cancelled):
        index.update(cancel=token)
    index.update()
    assert paths(ws, "zeppelin") == {"articles/extra.txt"}


HOLDER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {repo!r})
    from pathlib import Path
    from reader.search.engine import SearchEngine
    engine = SearchEngine(Path({index!r}))
    with engine.writing():
        print("holding", flush=True)
        sys.stdin.readline()
""")


def test_another_instance_updating_makes_this_one_read_only(ws: Workspace) -> None:
    index = WhooshIndex(ws.cache_dir / "index", library=ws.library,
                        placed=lambda: ws.annotations().placed_all(), taxonomy=ws.taxonomy,
                        lock_timeout=0.3)
    index.update()
    (ws.root / "articles/extra.txt").write_text("Zeppelin outreach.\n", "utf-8")
    ws.library().update()
    script = HOLDER.format(repo=str(REPO), index=str(ws.cache_dir / "index"))
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdin is not None
        assert proc.stdout.readline().strip() == "holding"
        index.update()  # gives up quietly
        status = index.status()
        assert status.state == "read-only" and "Another Policy Reader" in status.message
        assert index.search("naloxone").total == 1  # searching still works
        assert index.search("zeppelin").total == 0
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(timeout=20)
    finally:
        proc.kill()
    index.update()
    assert index.status().state == "ready"
    assert index.search("zeppelin").total == 1


def test_note_finds_a_highlight_by_the_words_of_its_replies(ws: Workspace) -> None:
    h = _highlight(ws, "memos/alder-declination.txt", "carry naloxone on every shift")
    store = ws.annotations()
    r = store.reply(h.id, "The sheriff's deputies refuse to carry it")
    index = ws.search()
    index.update_annotations()
    assert paths(ws, "note:deputies") == {"memos/alder-declination.txt"}
    hit = index.search("note:deputies").groups[0].hits[0]
    assert hit.annotation_id == h.id  # the highlight the thread is about
    store.delete_remark(r.id)
    index.update_annotations([h.id])
    assert paths(ws, "note:deputies") == set()
