"""The sample annotations a new default workspace starts with (resources/sample-annotations,
made by scripts/make_sample_annotations.py): they place on the bundled corpus and show
what the comparison features need — overlapping readings with different themes and
stances, a reply thread, a contradiction link."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.annotations import fastfile
from reader.compare.agreement import agreement_figures
from reader.compare.disagreements import find_disagreements
from reader.compare.matrix import build_matrix
from reader.export import BriefOptions
from reader.model.annotations import AnchorStatus
from reader.model.compare import DisagreementKind, GroupBy, MatrixFilter
from reader.model.remarks import Relation
from reader.ops.brief import gather_inputs
from reader.settings import Settings
from reader.workspace import Workspace, sample_annotations_dir, seed_default_workspace

SAMPLES = sorted(sample_annotations_dir().glob("*.json"))
REGENERATE = "the corpus text changed: run scripts/make_sample_annotations.py"


def test_three_members_in_valid_author_files() -> None:
    assert [p.name for p in SAMPLES] == ["sample-dev-ramaswamy.json",
                                         "sample-maya-okonkwo.json",
                                         "sample-rosa-delgado.json"]
    kinds: dict[str, int] = {}
    for path in SAMPLES:
        raw = path.read_bytes()
        data = json.loads(raw)
        assert data["pr:formatVersion"] == 2 and data["creator"]["name"]
        decoded = fastfile.decode(raw)
        assert decoded is not None and decoded.creator is not None
        records = decoded.records(decoded.creator)
        assert records is not None  # exactly our shape: the fast reader takes it
        for item in data["first"]["items"]:
            kinds[item["motivation"]] = kinds.get(item["motivation"], 0) + 1
    assert kinds["replying"] == 4 and kinds["linking"] == 3
    assert kinds.get("highlighting", 0) + kinds.get("commenting", 0) == 17


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory, session_extract_cache: Path
       ) -> Iterator[Workspace]:
    root = tmp_path_factory.mktemp("samples")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICY_READER_HOME", str(root / "home"))
        mp.setenv("POLICY_READER_EXTRACT_CACHE", str(session_extract_cache))
        mp.delenv("POLICY_READER_CORPUS", raising=False)
        assert seed_default_workspace(root / "ws")
        ws = Workspace.open(root / "ws", settings=Settings(root / "me.json"))
        ws.library().update()
        yield ws


def test_a_new_workspace_starts_with_them_and_they_all_place(ws: Workspace) -> None:
    names = sorted(p.name for p in ws.annotations_dir.glob("*.json"))
    assert names == [p.name for p in SAMPLES]
    store = ws.annotations()
    report = store.load()
    assert report.problems == () and report.authors == 3
    assert (report.highlights, report.remarks) == (17, 7)
    placed = list(store.placed_all())
    assert len(placed) == 17
    # a new extractor may move the words a little (they are found again by their quote);
    # none may be lost
    assert not [p.highlight.quote.exact for p in placed if p.orphaned], REGENERATE
    assert sum(p.anchor.status is AnchorStatus.ANCHORED for p in placed) >= 12


def test_the_da_memos_compare_in_the_matrix(ws: Workspace) -> None:
    store = ws.annotations()
    m = build_matrix(ws.library().documents(), store.by_document(), ws.themes().taxonomy(),
                     MatrixFilter(kinds=("memo",), group_by=GroupBy.OFFICE))
    offices = [r.label for r in m.rows]
    assert len(offices) == 3 and any("Alder County" in o for o in offices)
    alder = next(i for i, r in enumerate(m.rows) if "Alder County" in r.label)
    decrim = m.cell(alder, m.column_index("decriminalization"))
    assert decrim.count == 2 and (decrim.mix.supports, decrim.mix.neutral) == (1, 1)
    tolliver = next(i for i, r in enumerate(m.rows) if "Tolliver" in r.label)
    assert m.cell(tolliver, m.column_index("naloxone")).count == 0  # an informative blank
    assert m.cell(tolliver, m.column_index("drug-induced-homicide")).mix.opposes == 1


def test_readings_differ_threads_and_links_show(ws: Workspace) -> None:
    store = ws.annotations()
    placed = {}
    for p in store.placed_all():
        placed.setdefault(p.anchor.doc_id, []).append(p)
    docs = {d.id: d for d in ws.library().documents()}
    tax = ws.themes().taxonomy()
    found = find_disagreements(placed, docs, tax)
    kinds = {d.kind for d in found}
    assert {DisagreementKind.THEMES, DisagreementKind.STANCE} <= kinds
    report = agreement_figures(placed, docs, tax)
    assert report.method == "alpha" and report.documents >= 4
    promise = next(p.highlight for ps in placed.values() for p in ps
                   if " ".join(p.highlight.quote.exact.split())
                   == "the Office will decline to file those charges")
    flat = store.thread(promise.id).flat()
    assert [n.depth for n in flat] == [1, 2, 3]
    assert [n.reply.author.name for n in flat] == ["Dev Ramaswamy", "Maya Okonkwo",
                                                   "Rosa Delgado"]
    (end,) = store.link_ends(promise.id)
    assert end.link.relation is Relation.CONTRADICTS and end.phrase == "contradicted by"
    brief = gather_inputs(ws).build(BriefOptions(include_matrix=True, include_replies=True))
    quote = next(q for q in brief.quotes() if q.highlight_id == promise.id)
    assert quote.contradicted_by and len(quote.replies) == 3
