"""Issue 17, findings 5 and 6 (limits): your own file can always be read back, however
large; imports are bounded with a clear message and write nothing when refused; a
highlight's tags and the theme tree's depth are bounded; the brief, the theme list and a
Hypothesis import do work linear in their input."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from reader.annotations import codec, edits, import_read
from reader.annotations.interop import import_files
from reader.annotations.taxonomy import MAX_DEPTH, Taxonomy, parse
from reader.annotations.w3c_terms import MAX_THEMES
from reader.annotations.w3c_write import encode_collection, encode_highlight
from reader.errors import AnnotationFileError, ThemeError
from reader.export import build_brief
from reader.export.markdown import render_markdown
from reader.export.options import BriefOptions
from reader.model.annotations import Author, Theme, now_utc
from tests.core.brief_fixtures import sample
from tests.faults.conftest import ME, open_ws

MARIA = Author(ME, "Maria")


def some_highlights(root: Path, settings: Path, n: int) -> list[str]:
    store = open_ws(root, settings).annotations()
    doc = next(iter(store.placer.source.documents()))
    text = store.placer.source.text(doc.id).text
    ids = [store.create(doc.id, 0, 20 + i % 50, note="n" * 200).id for i in range(n)]
    store.save()
    assert text
    return ids


def hypothesis_rows(n: int, tags: list[str] | None = None) -> dict:
    rows = [{"id": f"row{i:06d}", "uri": "https://example.org/memo", "user": "acct:dana@h.is",
             "created": "2025-01-01T00:00:00+00:00", "updated": "2025-01-01T00:00:00+00:00",
             "tags": tags if tags is not None else [f"tag {i}"], "text": "note",
             "target": [{"source": "https://example.org/memo", "selector": [
                 {"type": "TextQuoteSelector", "exact": "decline to charge possession"}]}]}
            for i in range(n)]
    return {"export_date": "2025-01-02T00:00:00Z", "annotations": rows}


def test_my_own_file_is_read_however_large(shared: tuple[Path, Path],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    root, settings = shared
    ids = some_highlights(root, settings, 60)
    mine = root / ".policy-reader" / "annotations" / f"{ME}.json"
    monkeypatch.setattr(codec, "MAX_FILE_BYTES", mine.stat().st_size // 2)
    store = open_ws(root, settings).annotations()
    report = store.load()
    assert report.problems == () and len(store.all()) == len(ids)
    store.delete(ids[0])
    store.save()  # and it can be saved again
    # a colleague's file over the limit is still refused
    (mine.parent / "ana02.json").write_bytes(mine.read_bytes().replace(ME.encode(), b"ana02"))
    assert any("too large" in p for p in open_ws(root, settings).annotations().load().problems)


def test_an_import_too_large_for_one_go_is_refused_and_writes_nothing(
        shared: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, settings = shared
    some_highlights(root, settings, 2)
    folder = root / ".policy-reader"
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    export = tmp_path / "hypothesis.json"
    export.write_text(json.dumps(hypothesis_rows(12)), "utf-8")
    monkeypatch.setattr(import_read, "MAX_IMPORT_HIGHLIGHTS", 10)
    with pytest.raises(AnnotationFileError, match="12 annotations; one import takes at most 10"):
        import_files(open_ws(root, settings), [export])
    monkeypatch.setattr(import_read, "MAX_IMPORT_HIGHLIGHTS", 1000)
    mine = folder / "annotations" / f"{ME}.json"
    monkeypatch.setattr(codec, "MAX_FILE_BYTES", mine.stat().st_size + 2000)
    ws = open_ws(root, settings)
    with pytest.raises(AnnotationFileError, match=r"would grow to .* Nothing was imported"):
        import_files(ws, [export])
    assert len(ws.annotations().all()) == 2 and not ws.annotations().dirty
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_a_hypothesis_import_writes_the_themes_once(shared: tuple[Path, Path],
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root, settings = shared
    export = tmp_path / "hypothesis.json"
    export.write_text(json.dumps(hypothesis_rows(300)), "utf-8")
    ws = open_ws(root, settings)
    themes = ws.themes()
    writes: list[int] = []
    real = themes._commit
    monkeypatch.setattr(themes, "_commit", lambda tax: writes.append(1) or real(tax))
    (r,) = import_files(ws, [export])
    assert r.added == 300 and len(r.new_themes) == 300
    assert writes == [1]
    assert len(themes.taxonomy().themes) >= 300


def test_too_many_tags_on_one_highlight_are_refused(shared: tuple[Path, Path],
                                                    tmp_path: Path) -> None:
    root, settings = shared
    export = tmp_path / "tags.json"
    export.write_text(json.dumps(hypothesis_rows(1, [f"t{i}" for i in range(20_000)])))
    with pytest.raises(AnnotationFileError, match=f"20,000 tags; a highlight can have at "
                       f"most {MAX_THEMES} themes"):
        import_files(open_ws(root, settings), [export])
    # a colleague's file with such a highlight: that one is kept aside, the rest is read
    store = open_ws(root, settings).annotations()
    doc = next(iter(store.placer.source.documents()))
    h = store.create(doc.id, 0, 10)
    ana = Author("ana02", "Ana")
    many = encode_highlight(replace(h, id="urn:uuid:1", author=ana,
                                    themes=tuple(f"t{i}" for i in range(500))))
    fine = encode_highlight(replace(h, id="urn:uuid:2", author=ana))
    folder = root / ".policy-reader" / "annotations"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ana02.json").write_bytes(encode_collection(ana, [many, fine],
                                                          modified=now_utc()))
    report = store.load()
    assert any("500 tags" in p for p in report.problems)
    assert [x.id for x in store.all() if x.author.id == "ana02"] == ["urn:uuid:2"]
    many_themes = Taxonomy(tuple(Theme(f"x{i}", f"X {i}", "#ffd54f")
                                 for i in range(MAX_THEMES + 1)))
    with pytest.raises(ThemeError, match=f"at most {MAX_THEMES} themes"):
        edits.theme_ids(many_themes, [t.id for t in many_themes.themes])


def brief_size(tags: int) -> int:
    f = sample()
    first = f.placed[0]
    many = tuple(f"tag-{i:05d}" for i in range(tags))
    f.placed[0] = replace(first, highlight=replace(first.highlight, themes=many))
    b = build_brief(BriefOptions(), f.placed, f.documents, f.text, f.taxonomy)
    return len(render_markdown(b))


def test_a_brief_grows_linearly_with_the_tags_of_a_highlight() -> None:
    """One highlight filed under n themes appears in n sections; each appearance names a
    few of the others, not all n - 1 (4,000 tags once gave a 109 MB brief)."""
    small, large = brief_size(300), brief_size(1200)
    per_tag = (large - small) / 900
    assert per_tag < 2000, per_tag  # quadratic output adds ~n × 15 bytes per tag


def test_a_deep_theme_chain_is_cut_at_the_depth_limit() -> None:
    n = 1000
    data = {"themes": [{"id": f"t{i}", "label": f"Level {i}", "parent": f"t{i - 1}" if i
                        else None} for i in range(n)]}
    tax, problems, _ = parse(data)
    assert max(tax.depth(t.id) for t in tax.themes) == MAX_DEPTH - 1
    assert len(tax.themes) == n
    assert any(f"nested deeper than {MAX_DEPTH} levels" in p for p in problems)
    assert sum(1 for p in problems if "deeper" in p) == 1


def test_themes_list_of_a_deep_chain_is_quick_and_clear(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    from reader.cli import main as cli_main

    ws = tmp_path / "group"
    (ws / ".policy-reader").mkdir(parents=True)
    chain = [{"id": f"t{i}", "label": f"Level {i}", "color": "#ffd54f",
              "parent": f"t{i - 1}" if i else None} for i in range(1000)]
    (ws / ".policy-reader" / "themes.json").write_text(json.dumps({"themes": chain}))
    assert cli_main(["-q", "-w", str(ws), "themes", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    listed = json.loads(out)["themes"]
    assert len(listed) == 1000 and max(t["depth"] for t in listed) == MAX_DEPTH - 1
    assert "nested deeper than" in err


def test_a_theme_cannot_be_moved_or_added_deeper_than_the_limit(shared: tuple[Path, Path]
                                                               ) -> None:
    root, settings = shared
    themes = open_ws(root, settings).themes()
    parent = None
    for i in range(MAX_DEPTH):
        parent = themes.add(f"Level {i}", parent=parent).id
    with pytest.raises(ThemeError, match=f"at most {MAX_DEPTH} levels"):
        themes.add("Too deep", parent=parent)
    top = themes.add("Top")
    child = themes.add("Child", parent=top.id)
    with pytest.raises(ThemeError, match=f"at most {MAX_DEPTH} levels"):
        themes.move(top.id, themes.taxonomy().path(parent)[-2].id)
    assert themes.taxonomy().by_id[child.id].parent == top.id
