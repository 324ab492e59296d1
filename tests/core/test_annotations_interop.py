"""Import and export: W3C JSON-LD and Hypothesis round trips, colleagues' files, CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.annotations.csv_export import safe_cell
from reader.annotations.interop import export, import_files
from reader.annotations.select import Selection, author_filter, parse_stance, theme_filter
from reader.errors import AnnotationError, AnnotationFileError, ExportError, NothingToExport
from reader.model.annotations import Highlight, Stance
from reader.workspace import Workspace
from tests.core.annotations_fixtures import (
    MEMO,
    STATUTE,
    FakeLibrary,
    make_workspace,
    settings_for,
    statute_sections,
)


def library() -> FakeLibrary:
    lib = FakeLibrary()
    lib.add("memos/memo.txt", MEMO, source_url="https://da.example.org/memo-2019-04")
    lib.add("statutes/overdose-act.txt", STATUTE, pages=2,
            sections=statute_sections(STATUTE), title="Overdose Response Act")
    return lib


def workspace(tmp_path: Path, name: str, author: str = "me01", who: str = "Maria",
              lib: FakeLibrary | None = None) -> Workspace:
    return make_workspace(tmp_path / name, lib or library(),
                          settings_for(tmp_path / f"{author}.json", author, who))


def annotate(ws: Workspace) -> list[Highlight]:
    store = ws.annotations()
    docs = {d.path: d for d in ws.library().documents()}
    memo, act = docs["memos/memo.txt"], docs["statutes/overdose-act.txt"]

    def at(doc_text: str, words: str) -> tuple[int, int]:
        i = doc_text.index(words)
        return i, i + len(words)

    out = [
        store.create(memo.id, *at(MEMO, "decline to charge possession"),
                     themes=["non-prosecution-possession"], stance="supports",
                     note="=HYPERLINK(\"http://evil\") is a *formula*"),
        store.create(act.id, *at(STATUTE, "dispense naloxone under a standing order"),
                     themes=["naloxone", "good-samaritan"], note="Line one\nLine two, “quoted”"),
        store.create(memo.id, *at(MEMO, "Café" if "Café" in MEMO else "twelve months"),
                     stance="neutral"),
    ]
    store.save()
    return out


def same(a: Highlight, b: Highlight) -> bool:
    fields = ("id", "doc_id", "doc_path", "start", "end", "quote", "themes", "stance", "note",
              "page", "section", "color", "created", "modified", "deleted")
    return all(getattr(a, f) == getattr(b, f) for f in fields)


@pytest.mark.parametrize("fmt", ["w3c", "hypothesis"])
def test_round_trip_into_an_empty_workspace(tmp_path: Path, fmt: str) -> None:
    src = workspace(tmp_path, "src")
    made = annotate(src)
    data, count = export(src, fmt)
    assert count == 3
    out = tmp_path / f"export.{fmt}.json"
    out.write_bytes(data)
    dst = workspace(tmp_path, "dst")
    (result,) = import_files(dst, [out])
    assert (result.added, result.updated, result.skipped) == (3, 0, 0)
    assert result.new_themes == () and result.unmatched_documents == 0
    got = {h.id: h for h in dst.annotations().all()}
    for h in made:
        assert same(got[h.id], h), (got[h.id], h)
    again = import_files(dst, [out])[0]
    assert (again.added, again.updated) == (0, 0)  # importing twice changes nothing


def test_a_round_trip_into_someone_elses_workspace_keeps_the_original_creator(
        tmp_path: Path) -> None:
    src = workspace(tmp_path, "src")
    annotate(src)
    out = tmp_path / "w3c.json"
    out.write_bytes(export(src, "w3c")[0])
    dst = workspace(tmp_path, "dst", author="ana02", who="Ana")
    import_files(dst, [out])
    hs = dst.annotations().all()
    assert {h.author.name for h in hs} == {"Ana"}
    assert all(dict(h.extra)["pr:originalCreator"] == json.dumps(
        {"id": "me01", "name": "Maria"}) for h in hs)


def test_export_filters_and_privacy(tmp_path: Path) -> None:
    ws = workspace(tmp_path, "ws")
    annotate(ws)
    tax = ws.themes().taxonomy()
    only = Selection(themes=theme_filter(tax, ["Overdose response"]))
    data, count = export(ws, "w3c", selection=only, names=False, notes=False)
    doc = json.loads(data)
    assert count == 1 and doc["total"] == 1
    item = doc["first"]["items"][0]
    assert "creator" not in item and item["motivation"] == "highlighting"
    assert not any(b.get("purpose") == "commenting" for b in item["body"])
    with pytest.raises(NothingToExport):
        export(ws, "csv", selection=Selection(stance=Stance.OPPOSES))
    with pytest.raises(ExportError, match="Unknown export format"):
        export(ws, "pdf")


def test_csv_opens_cleanly_in_a_spreadsheet(tmp_path: Path) -> None:
    ws = workspace(tmp_path, "ws")
    annotate(ws)
    data, count = export(ws, "csv")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == count == 3
    by_quote = {r["quote"]: r for r in rows}
    memo_row = by_quote["decline to charge possession"]
    assert memo_row["note"].startswith("'=HYPERLINK")
    assert memo_row["stance"] == "Supports harm reduction"
    assert memo_row["themes"] == "Decriminalization and declination › " \
        "Non-prosecution of possession"
    assert memo_row["author"] == "Maria" and memo_row["status"] == "anchored"
    act_row = by_quote["dispense naloxone under a standing order"]
    assert act_row["section"] == "§ 3(b)" and act_row["page"] == "2"
    assert act_row["note"] == "Line one\nLine two, “quoted”"
    assert act_row["document"] == "Overdose Response Act"
    anon = list(csv.DictReader(io.StringIO(export(ws, "csv", names=False, notes=False)[0]
                                           .decode("utf-8-sig"), newline="")))
    assert {r["author"] for r in anon} == {""} and {r["note"] for r in anon} == {""}


@pytest.mark.parametrize("value, safe", [
    ("=1+2", "'=1+2"), ("+1", "'+1"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("", ""), ("a=b", "a=b"),
])
def test_formula_injection_is_neutralised(value: str, safe: str) -> None:
    assert safe_cell(value) == safe


HYPOTHESIS_EXPORT = {
    "export_date": "2025-02-03T10:00:00.000Z",
    "export_userid": "acct:jordan@hypothes.is",
    "client_version": "1.1500.0",
    "annotations": [
        {
            "id": "AbCdEf123456", "created": "2025-01-10T09:00:00.000000+00:00",
            "updated": "2025-01-11T09:00:00.000000+00:00", "user": "acct:jordan@hypothes.is",
            "uri": "https://da.example.org/memo-2019-04", "text": "Important for the brief.",
            "tags": ["Naloxone access", "bail"], "group": "__world__",
            "target": [{"source": "https://da.example.org/memo-2019-04", "selector": [
                {"type": "RangeSelector", "startContainer": "/p[2]", "startOffset": 0,
                 "endContainer": "/p[2]", "endOffset": 20},
                {"type": "TextPositionSelector", "start": 9999, "end": 10030},
                {"type": "TextQuoteSelector", "exact": "Officers are encouraged to carry "
                 "naloxone", "prefix": "of that call. ", "suffix": "."}]}],
            "document": {"title": ["Policy Memorandum 2019-04"]},
            "user_info": {"display_name": "Jordan P."},
        },
        {
            "id": "Reply0000001", "created": "2025-01-12T09:00:00Z",
            "updated": "2025-01-12T09:00:00Z", "user": "acct:sam@hypothes.is",
            "uri": "https://da.example.org/memo-2019-04", "text": "Agreed!",
            "references": ["AbCdEf123456"], "target": [{"source": "https://da.example.org/"
                                                                  "memo-2019-04"}],
        },
        {
            "id": "PdfNote00001", "created": "2025-01-13T09:00:00Z",
            "updated": "2025-01-13T09:00:00Z", "user": "acct:jordan@hypothes.is",
            "uri": "urn:x-pdf:0123456789abcdef", "text": "", "tags": [],
            "target": [{"source": "urn:x-pdf:0123456789abcdef", "selector": [
                {"type": "TextQuoteSelector", "exact": "shall not be charged with possession"},
                {"type": "PageSelector", "index": 0, "label": "1"}]}],
            "document": {"title": ["Overdose Response Act"]},
        },
        {
            "id": "Elsewhere001", "created": "2025-01-14T09:00:00Z",
            "updated": "2025-01-14T09:00:00Z", "user": "acct:jordan@hypothes.is",
            "uri": "https://news.example.com/story", "text": "Not in our library.",
            "tags": ["Racial equity"],
            "target": [{"source": "https://news.example.com/story", "selector": [
                {"type": "TextQuoteSelector", "exact": "a sentence from a news story"}]}],
        },
    ],
}


def test_a_hypothesis_client_export_is_imported(tmp_path: Path) -> None:
    ws = workspace(tmp_path, "ws")
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps(HYPOTHESIS_EXPORT))
    (r,) = import_files(ws, [path])
    assert (r.added, r.remarks_added, r.unmatched_documents) == (3, 1, 1)
    assert r.new_themes == ("bail",)
    store = ws.annotations()
    placed = {p.highlight.id: p for p in store.placed_all()}
    web = placed["urn:hypothesis:AbCdEf123456"]
    assert web.highlight.themes == ("naloxone", "bail")
    assert web.highlight.note == "Important for the brief."
    assert web.highlight.author == store.author
    assert json.loads(dict(web.highlight.extra)["pr:originalCreator"])["name"] == "Jordan P."
    assert MEMO[web.anchor.start:web.anchor.end] == "Officers are encouraged to carry naloxone"
    pdf = placed["urn:hypothesis:PdfNote00001"]  # matched by its document title
    assert not pdf.orphaned and pdf.highlight.doc_path == "statutes/overdose-act.txt"
    assert pdf.highlight.page == "1"
    # the reply (``references``) is a reply to the highlight, with its words
    (reply,) = store.thread("urn:hypothesis:AbCdEf123456").nodes
    assert reply.reply.text == "Agreed!" and reply.reply.author == store.author
    assert reply.reply.target.quote == "Officers are encouraged to carry naloxone"
    assert json.loads(dict(reply.reply.extra)["pr:originalCreator"])["id"] == "sam"
    assert placed["urn:hypothesis:Elsewhere001"].orphaned  # kept, listed as an orphan
    assert placed["urn:hypothesis:Elsewhere001"].highlight.themes == ("racial-equity",)


def test_a_colleagues_file_is_copied_in_as_theirs(tmp_path: Path) -> None:
    ana = workspace(tmp_path, "ana", author="ana02", who="Ana")
    annotate(ana)
    theirs = ana.annotations_dir / "ana02.json"
    me = workspace(tmp_path, "me")
    mine_before = annotate(me)
    (r,) = import_files(me, [theirs])
    assert r.kind == "colleague" and r.added == 3 and r.author == "Ana"
    assert (me.annotations_dir / "ana02.json").read_bytes() == theirs.read_bytes()
    store = me.annotations()
    assert len(store.all()) == 6
    assert sum(store.is_mine(h.id) for h in store.all()) == 3
    assert import_files(me, [theirs])[0].message == "already in this workspace"
    ana.annotations().update(ana.annotations().all()[0].id, note="changed later")
    ana.annotations().save()
    r2 = import_files(me, [theirs])[0]
    assert r2.copied_to.endswith("ana02 (1).json")
    assert any(h.note == "changed later" for h in me.annotations().all())
    assert {h.id for h in mine_before} <= {h.id for h in store.all()}


def test_my_own_file_from_another_computer_merges_into_mine(tmp_path: Path) -> None:
    laptop = workspace(tmp_path, "laptop")
    made = annotate(laptop)
    desktop = workspace(tmp_path, "desktop")
    (r,) = import_files(desktop, [laptop.annotations_dir / "me01.json"])
    assert r.kind == "mine" and r.added == 3
    assert all(desktop.annotations().is_mine(h.id) for h in made)
    assert sorted(p.name for p in desktop.annotations_dir.glob("*.json")) == ["me01.json"]


def test_ids_held_by_someone_else_are_skipped(tmp_path: Path) -> None:
    ana = workspace(tmp_path, "ana", author="ana02", who="Ana")
    annotate(ana)
    me = workspace(tmp_path, "me")
    import_files(me, [ana.annotations_dir / "ana02.json"])
    out = tmp_path / "ana-export.json"
    out.write_bytes(export(ana, "hypothesis")[0])
    (r,) = import_files(me, [out])
    assert (r.added, r.skipped) == (0, 3)


@pytest.mark.parametrize("content, reason", [
    (b"{broken", "not valid JSON"),
    (b'{"hello": 1}', "no annotations"),
    (b'{"type": "AnnotationCollection", "items": [{"type": "Annotation", "id": "x", '
     b'"target": "t"}, {"type": "Annotation", "id": "y"}]}', "annotation 2: it has no target"),
    (b'{"annotations": [{"uri": "u", "user": "acct:a@b", "target": [], "id": "a"}]}',
     "has no date"),
    (b'{"annotations": [{"uri": "u", "target": [], "id": "a", "references": ["a"], '
     b'"created": "2025-01-01T00:00:00Z"}]}', "reply to itself"),
    (b"[]", "holds no annotations"),
    (b'{"type": "AnnotationCollection", "pr:formatVersion": 99, "items": []}', "newer"),
])
def test_a_broken_file_is_rejected_and_nothing_is_written(tmp_path: Path, content: bytes,
                                                          reason: str) -> None:
    ws = workspace(tmp_path, "ws")
    annotate(ws)
    good = tmp_path / "good.json"
    good.write_text(json.dumps(HYPOTHESIS_EXPORT))
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = {p.name: p.read_bytes() for p in ws.annotations_dir.iterdir()}
    themes_before = ws.themes().taxonomy()
    with pytest.raises(AnnotationFileError, match=reason):
        import_files(ws, [good, bad])
    assert {p.name: p.read_bytes() for p in ws.annotations_dir.iterdir()} == before
    assert ws.themes().taxonomy() == themes_before and not ws.themes_file.exists()
    assert len(ws.annotations().all()) == 3


def test_a_missing_or_huge_file_is_rejected(tmp_path: Path) -> None:
    ws = workspace(tmp_path, "ws")
    with pytest.raises(AnnotationFileError, match="does not exist"):
        import_files(ws, [tmp_path / "nope.json"])
    big = tmp_path / "big.json"
    with big.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024 + 1)
    with pytest.raises(AnnotationFileError, match="too large"):
        import_files(ws, [big])


def test_selection_helpers(tmp_path: Path) -> None:
    ws = workspace(tmp_path, "ws")
    annotate(ws)
    authors = ws.annotations().authors()
    assert author_filter(authors, ["maria"]) == frozenset({"me01"})
    assert author_filter(authors, ["me01"]) == frozenset({"me01"})
    assert author_filter(authors, []) is None
    with pytest.raises(AnnotationError, match="No author"):
        author_filter(authors, ["nobody"])
    assert parse_stance("Supports harm reduction") is Stance.SUPPORTS
    assert parse_stance("OPPOSES") is Stance.OPPOSES
    with pytest.raises(AnnotationError):
        parse_stance("maybe")
    tax = ws.themes().taxonomy()
    assert theme_filter(tax, ["unknown-x"]) == frozenset({"unknown-x"})
    assert "naloxone" in theme_filter(tax, ["overdose-response"])
