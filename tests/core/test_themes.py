"""The theme taxonomy: the shipped one, editing it, and damaged theme files."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from reader.annotations.taxonomy import COLOR_RE, parse
from reader.annotations.themes import shipped_taxonomy
from reader.annotations.w3c_write import encode_collection, encode_highlight
from reader.errors import ThemeError
from reader.model.annotations import Author
from reader.ops import themes as theme_ops
from reader.workspace import Workspace
from tests.core.annotations_fixtures import MEMO, FakeLibrary, make_workspace, settings_for

DOMAIN_THEMES = {
    "Decriminalization and declination": ["possession", "charging", "promises"],
    "Diversion and deflection": ["LEAD", "Pre-booking", "Referral"],
    "Overdose response": ["Good Samaritan", "Naloxone", "Drug-induced homicide"],
    "Treatment and coercion": ["Drug courts", "Mandated", "Proof-of-treatment", "Voluntary",
                               "opioid use disorder"],
    "Harm-reduction services": ["Syringe", "Drug checking", "Overdose prevention",
                                "Paraphernalia"],
    "Policing and community trust": ["past harm", "Reconciliation", "Over-policing",
                                     "past drug use"],
    "Racial equity": ["enforcement", "outcomes"],
    "Collateral consequences": ["records", "Employment", "Housing", "Immigration"],
    "Evidence and international models": ["Overdose data", "Evaluations", "International"],
    "Voices of people who use drugs": ["Participation", "Lived experience", "Autonomy"],
}


@pytest.fixture
def lib() -> FakeLibrary:
    lib = FakeLibrary()
    lib.add("memo.txt", MEMO)
    return lib


@pytest.fixture
def ws(tmp_path: Path, lib: FakeLibrary) -> Workspace:
    return make_workspace(tmp_path / "ws", lib, settings_for(tmp_path / "s.json", "me01", "Me"))


def test_the_shipped_taxonomy_covers_the_domain() -> None:
    tax = shipped_taxonomy()
    roots = {t.label: t for t in tax.roots()}
    assert set(roots) == set(DOMAIN_THEMES)
    for label, children in DOMAIN_THEMES.items():
        kids = " | ".join(t.label for t in tax.children(roots[label].id))
        for word in children:
            assert word.lower() in kids.lower(), (label, word)
    for t in tax.themes:
        assert COLOR_RE.match(t.color)
        assert 20 <= len(t.description) <= 140 and t.description.endswith("."), t.id
    assert len(tax.favourites) == 9
    assert len({t.id for t in tax.themes}) == len(tax.themes)


def test_no_file_is_written_until_something_changes(ws: Workspace) -> None:
    tax = ws.themes().taxonomy()
    assert tax == shipped_taxonomy()
    assert not ws.themes_file.exists()
    ws.themes().rename("naloxone", "Naloxone everywhere")
    assert json.loads(ws.themes_file.read_text())["format"] == "policy-reader-themes"


def test_add_rename_recolor_describe_move(ws: Workspace) -> None:
    store = ws.themes()
    t = store.add("Bail reform", parent="decriminalization", description="Cash bail.")
    assert t.id == "bail-reform" and t.parent == "decriminalization"
    assert store.add("Bail reform").id == "bail-reform-2"
    assert store.rename(t.id, "Bail and pretrial").id == "bail-reform"
    assert store.recolor(t.id, "#ABCDEF").color == "#abcdef"
    assert store.describe(t.id, "  Pretrial detention.  ").description == "Pretrial detention."
    moved = store.move(t.id, None, 0)
    assert moved.parent is None and store.taxonomy().roots()[0].id == t.id
    with pytest.raises(ThemeError, match="inside itself"):
        store.move("overdose-response", "naloxone")
    with pytest.raises(ThemeError, match="colour"):
        store.recolor(t.id, "blue")
    with pytest.raises(ThemeError, match="needs a name"):
        store.add("   ")
    with pytest.raises(ThemeError, match="no theme"):
        store.add("x", parent="nope")
    with pytest.raises(ThemeError, match="exists already"):
        store.add("x", theme_id="naloxone")
    with pytest.raises(ThemeError, match="cannot be a theme id"):
        store.add("x", theme_id="has space")
    gen = store.generation
    store.rename("naloxone", "Naloxone")
    assert store.generation > gen


def test_favourites(ws: Workspace) -> None:
    store = ws.themes()
    assert store.set_favourites(["naloxone", "housing", "naloxone"]) == ("naloxone", "housing")
    assert store.favourites == ("naloxone", "housing")
    with pytest.raises(ThemeError, match="At most 9"):
        store.set_favourites([t.id for t in store.taxonomy().themes[:10]])
    with pytest.raises(ThemeError):
        store.set_favourites(["nope"])


def _highlights(ws: Workspace, lib: FakeLibrary) -> tuple[str, str]:
    """One of my highlights tagged naloxone, and one of Ana's tagged naloxone."""
    doc = lib.documents()[0]
    store = ws.annotations()
    i = MEMO.index("carry naloxone")
    mine = store.create(doc.id, i, i + 14, themes=["naloxone", "good-samaritan"])
    ana = Author("ana02", "Ana")
    theirs = replace(mine, id="urn:uuid:ana", author=ana)
    ws.annotations_dir.mkdir(parents=True, exist_ok=True)
    (ws.annotations_dir / "ana02.json").write_bytes(
        encode_collection(ana, [encode_highlight(theirs)], modified=mine.modified))
    store.reload()
    return mine.id, theirs.id


def test_merge_retags_only_my_highlights_and_aliases_the_rest(ws: Workspace,
                                                              lib: FakeLibrary) -> None:
    mine, theirs = _highlights(ws, lib)
    themes = ws.themes()
    themes.set_favourites(["naloxone", "good-samaritan"])
    ana_file = (ws.annotations_dir / "ana02.json").read_bytes()
    assert theme_ops.merge(ws, "naloxone", "good-samaritan").value.result == 1
    store = ws.annotations()
    assert store.get(mine).themes == ("good-samaritan",)
    assert not store.dirty  # saved at once
    assert store.get(theirs).themes == ("naloxone", "good-samaritan")  # never written
    assert (ws.annotations_dir / "ana02.json").read_bytes() == ana_file
    tax = themes.taxonomy()
    assert tax.get("naloxone").id == "good-samaritan"  # shown under the merged theme
    assert "naloxone" in tax.matching("good-samaritan")
    assert tax.favourites == ("good-samaritan",)
    with pytest.raises(ThemeError, match="into itself"):
        themes.merge("housing", "housing")


def test_merging_a_parent_moves_its_children(ws: Workspace) -> None:
    themes = ws.themes()
    kids = [t.id for t in themes.taxonomy().children("overdose-response")]
    themes.merge("overdose-response", "harm-reduction-services")
    tax = themes.taxonomy()
    assert all(tax.by_id[k].parent == "harm-reduction-services" for k in kids)
    # merging a theme into one of its own children keeps the tree a tree
    themes.merge("harm-reduction-services", "naloxone")
    tax = themes.taxonomy()
    assert "naloxone" in {t.id for t in tax.roots()}
    assert all(len(tax.path(t.id)) <= 3 for t in tax.themes)


def test_delete_untags_mine_keeps_every_highlight(ws: Workspace, lib: FakeLibrary) -> None:
    mine, theirs = _highlights(ws, lib)
    themes = ws.themes()
    assert theme_ops.delete(ws, "naloxone").value.result == 1
    store = ws.annotations()
    assert store.get(mine).themes == ("good-samaritan",)
    assert store.get(mine).color == themes.taxonomy().color("good-samaritan")
    assert store.get(theirs).themes == ("naloxone", "good-samaritan")
    assert not themes.taxonomy().known("naloxone")  # theirs now shows it as unknown
    assert len(store.all()) == 2
    assert themes.add("Naloxone").id == "naloxone-2"  # a deleted id is never reused
    with pytest.raises(ThemeError, match="deleted theme"):
        themes.add("x", theme_id="naloxone")
    kids = [t.id for t in themes.taxonomy().children("overdose-response")]
    themes.delete("overdose-response")
    assert all(themes.taxonomy().by_id[k].parent is None for k in kids)


def test_delete_with_merge_into(ws: Workspace, lib: FakeLibrary) -> None:
    mine, _ = _highlights(ws, lib)
    theme_ops.delete(ws, "naloxone", merge_into="housing")
    assert ws.annotations().get(mine).themes == ("housing", "good-samaritan")


def test_adopting_an_unknown_theme(ws: Workspace) -> None:
    themes = ws.themes()
    t = themes.adopt_unknown("their-group/bail-funds")
    assert t.id == "their-group/bail-funds" and t.label == "Bail funds"
    assert themes.adopt_unknown("their-group/bail-funds") == t
    assert themes.adopt_unknown("x-y", "Custom", parent="housing").parent == "housing"


def test_find_by_label_and_path(ws: Workspace) -> None:
    tax = ws.themes().taxonomy()
    assert tax.find("NALOXONE ACCESS").id == "naloxone"
    assert tax.find("Overdose response / Naloxone access").id == "naloxone"
    assert tax.find("Overdose response › Naloxone access").id == "naloxone"
    assert tax.find("nothing like it") is None
    assert tax.path_label("naloxone") == "Overdose response › Naloxone access"
    assert tax.label("zzz") == "zzz (unknown)"
    assert {t.id for t in tax.descendants("overdose-response")} == \
        {"good-samaritan", "naloxone", "drug-induced-homicide"}


@pytest.mark.parametrize("content", [b"{oops", b"[]", b'{"themes": "no"}', b"\xff\xfe"])
def test_a_damaged_theme_file_is_set_aside_on_the_next_edit(ws: Workspace,
                                                            content: bytes) -> None:
    ws.data_dir.mkdir(parents=True)
    ws.themes_file.write_bytes(content)
    themes = ws.themes()
    assert themes.taxonomy() == shipped_taxonomy()
    assert themes.problems
    themes.rename("naloxone", "Naloxone")
    aside = list(ws.data_dir.glob("themes.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert themes.taxonomy().by_id["naloxone"].label == "Naloxone"
    assert themes.problems == ()


def test_a_newer_theme_file_is_never_written(ws: Workspace) -> None:
    ws.data_dir.mkdir(parents=True)
    data = {"format": "policy-reader-themes", "version": 7, "themes": [
        {"id": "a", "label": "A", "color": "#ffffff"}], "future": True}
    ws.themes_file.write_text(json.dumps(data))
    themes = ws.themes()
    assert [t.id for t in themes.taxonomy().themes] == ["a"]
    with pytest.raises(ThemeError, match="newer version"):
        themes.rename("a", "B")
    assert json.loads(ws.themes_file.read_text()) == data


def test_odd_entries_are_repaired_and_reported() -> None:
    data = {"themes": [
        {"id": "a", "label": "A", "color": "nope", "order": "x"},
        {"id": "a", "label": "Duplicate"},
        {"id": "b", "label": "B", "parent": "c"},
        {"id": "c", "label": "C", "parent": "b"},
        {"id": "d", "label": "D", "parent": "missing"},
        {"label": "no id"}, "not an object", {"id": "bad id", "label": "x"},
        {"id": "e", "label": "   "},
    ], "aliases": {"old": "a", "a": "b", "gone": None, "bad": 5}, "favourites": ["a", "zz"]}
    tax, problems, version = parse(data)
    assert version == 1
    assert [t.id for t in tax.themes if t.parent is None][:1] == ["a"]
    assert {t.id for t in tax.themes} == {"a", "b", "c", "d"}
    assert tax.by_id["a"].color.startswith("#") and tax.by_id["a"].order == 0
    assert tax.by_id["d"].parent is None
    assert any(t.parent is None for t in (tax.by_id["b"], tax.by_id["c"]))  # loop broken
    assert dict(tax.aliases) == {"old": "a", "gone": None}
    assert tax.favourites == ("a",)
    assert len(problems) == 7
    with pytest.raises(ValueError):
        parse({"no": "themes"})


def test_changes_on_disk_are_picked_up(ws: Workspace, tmp_path: Path) -> None:
    themes = ws.themes()
    themes.rename("naloxone", "Naloxone")
    other = make_workspace(ws.root, FakeLibrary(), settings_for(tmp_path / "o.json", "o1", "O"))
    other.themes().rename("housing", "Housing and shelter")
    assert themes.reload()
    assert themes.taxonomy().by_id["housing"].label == "Housing and shelter"
    assert not themes.reload()
