"""Agreement between annotators: kappa and alpha against hand-computed cases (perfect,
chance, worked examples, a brute-force count per character), and the disagreements list
with its resolutions."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.annotations.taxonomy import Taxonomy
from reader.compare.agreement import agreement_figures
from reader.compare.disagreements import find_disagreements
from reader.compare.resolve import Resolution, options, resolve
from reader.compare.stats import binary_alpha, cohen_kappa, percent_agreement
from reader.errors import AnnotationError
from reader.model.annotations import (
    Anchor,
    AnchorStatus,
    Author,
    Highlight,
    Placed,
    Stance,
    TextQuote,
    Theme,
)
from reader.model.compare import DisagreementKind
from reader.model.documents import DocMeta, DocStatus, Document
from tests.core.annotations_fixtures import FakeLibrary, make_workspace, settings_for

T0 = datetime(2025, 1, 1, tzinfo=UTC)
TAX = Taxonomy((Theme("overdose", "Overdose response", "#aaaaaa"),
                Theme("naloxone", "Naloxone access", "#bbbbbb", parent="overdose"),
                Theme("samaritan", "Good Samaritan", "#cccccc", parent="overdose"),
                Theme("treatment", "Treatment", "#dddddd")))
A, B, C = Author("a", "Ana"), Author("b", "Ben"), Author("c", "Cy")


def doc(doc_id: str = "d1", chars: int = 100) -> Document:
    return Document(doc_id, f"{doc_id}.txt", "text", chars, 0, DocStatus.OK,
                    meta=DocMeta(title=f"Doc {doc_id}"), chars=chars)


def mark(who: Author, start: int, end: int, themes: tuple[str, ...] = ("naloxone",),
         stance: Stance | None = None, doc_id: str = "d1") -> Placed:
    n = mark.counter = getattr(mark, "counter", 0) + 1  # type: ignore[attr-defined]
    h = Highlight(f"h{n}", doc_id, f"{doc_id}.txt", start, end, TextQuote(f"words {n}"), who,
                  T0, T0, themes=themes, stance=stance)
    return Placed(h, Anchor(AnchorStatus.ANCHORED, start, end, doc_id=doc_id))


# -- the coefficients ------------------------------------------------------------------------
def test_cohens_kappa_hand_computed() -> None:
    # the textbook table: 20 both, 5 only A, 10 only B, 15 neither -> po .7, pe .5
    assert cohen_kappa(20, 5, 10, 15) == pytest.approx(0.4)
    assert cohen_kappa(10, 0, 0, 90) == pytest.approx(1.0)  # perfect
    assert cohen_kappa(25, 25, 25, 25) == pytest.approx(0.0)  # chance: independent 50/50
    assert cohen_kappa(0, 10, 10, 80) == pytest.approx(-1 / 9)  # never the same passage
    assert cohen_kappa(0, 0, 0, 100) is None  # nobody marked anything: undefined
    assert cohen_kappa(0, 0, 0, 0) is None


def test_krippendorffs_alpha_hand_computed() -> None:
    # Krippendorff's binary example: two observers, ten units, values
    # 0 1 0 0 0 0 0 0 1 0 / 1 1 1 0 0 1 0 0 0 0 -> 4 units differ, 1 both 1, 5 both 0
    assert binary_alpha({(2, 1): 4, (2, 2): 1, (2, 0): 5}) == pytest.approx(0.0952, abs=1e-4)
    assert binary_alpha({(3, 3): 10, (3, 0): 90}) == pytest.approx(1.0)  # perfect
    # chance: two observers marking independently half of the units
    assert binary_alpha({(2, 2): 250, (2, 1): 500, (2, 0): 250}) == pytest.approx(0, abs=1e-3)
    # three observers, units (1,1,0) (1,1,1) (0,0,0) (1,0,0): n1 = n0 = 6, o01 = 2
    assert binary_alpha({(3, 2): 1, (3, 3): 1, (3, 0): 1, (3, 1): 1}) == pytest.approx(
        1 - 11 * 2 / 36)
    assert binary_alpha({(3, 0): 50}) is None  # nothing marked: undefined
    assert binary_alpha({(1, 1): 50}) is None  # one observer: nothing pairable
    assert percent_agreement({(2, 2): 10, (2, 1): 20, (2, 0): 70}) == pytest.approx(0.8)


def brute_alpha(values: list[list[int]]) -> float:
    """Krippendorff's alpha from the coincidence matrix, unit by unit (independent code)."""
    o = {(0, 0): 0.0, (0, 1): 0.0, (1, 0): 0.0, (1, 1): 0.0}
    for unit in values:
        m = len(unit)
        for i, j in itertools.permutations(range(m), 2):
            o[(unit[i], unit[j])] += 1 / (m - 1)
    n0, n1 = o[(0, 0)] + o[(0, 1)], o[(1, 0)] + o[(1, 1)]
    n = n0 + n1
    return 1 - (n - 1) * (o[(0, 1)] + o[(1, 0)]) / (2 * n0 * n1)


# -- over text ------------------------------------------------------------------------------
def test_two_people_get_cohens_kappa_over_characters() -> None:
    placed = {"d1": [mark(A, 10, 30), mark(B, 20, 40), mark(B, 25, 35)]}  # B overlaps herself
    report = agreement_figures(placed, {"d1": doc()}, TAX)
    assert report.method == "kappa" and report.documents == 1
    nal = next(t for t in report.themes if t.theme_id == "naloxone")
    # both 20-30 (10), only A 10-20 (10), only B 30-40 (10), neither 70
    assert (nal.shared, nal.single, nal.units) == (10, 20, 100)
    assert nal.value == pytest.approx(cohen_kappa(10, 10, 10, 70)) == pytest.approx(0.375)
    assert nal.percent == pytest.approx(0.8)
    parent = next(t for t in report.themes if t.theme_id == "overdose")
    assert parent.value == pytest.approx(0.375)  # sub-themes count into their parent
    treat = next(t for t in report.themes if t.theme_id == "treatment")
    assert treat.value is None and "No one marked" in treat.note
    same = agreement_figures({"d1": [mark(A, 10, 30), mark(B, 10, 30)]}, {"d1": doc()}, TAX)
    assert next(t for t in same.themes if t.theme_id == "naloxone").value == pytest.approx(1)


def test_three_people_get_krippendorffs_alpha_matching_a_count_per_character() -> None:
    spans = {A: [(0, 40), (60, 70)], B: [(10, 50)], C: [(35, 45), (90, 100)]}
    placed = {"d1": [mark(w, s, e) for w, ss in spans.items() for s, e in ss]}
    report = agreement_figures(placed, {"d1": doc()}, TAX)
    assert report.method == "alpha" and [a.name for a in report.coders] == ["Ana", "Ben", "Cy"]
    values = [[int(any(s <= i < e for s, e in spans[w])) for w in (A, B, C)]
              for i in range(100)]
    nal = next(t for t in report.themes if t.theme_id == "naloxone")
    assert nal.value == pytest.approx(brute_alpha(values))
    # a second document read by only two of them joins with two coders per character
    more = {**placed, "d2": [mark(A, 0, 10, doc_id="d2"), mark(B, 0, 20, doc_id="d2")]}
    report2 = agreement_figures(more, {"d1": doc(), "d2": doc("d2", 50)}, TAX)
    values2 = values + [[int(i < 10), int(i < 20)] for i in range(50)]
    nal2 = next(t for t in report2.themes if t.theme_id == "naloxone")
    assert nal2.value == pytest.approx(brute_alpha(values2)) and report2.documents == 2


def test_documents_one_person_annotated_are_left_out() -> None:
    report = agreement_figures({"d1": [mark(A, 0, 10)], "d2": [mark(B, 0, 10, doc_id="d2")]},
                               {"d1": doc(), "d2": doc("d2")}, TAX)
    assert report.documents == 0 and report.method == ""
    assert report.empty_reason.startswith("Agreement needs documents that two or more")
    assert report.overall.value is None


def test_the_disagreements_list() -> None:
    placed = {"d1": [
        mark(A, 0, 20, ("naloxone",), Stance.SUPPORTS),
        mark(B, 10, 25, ("samaritan",), Stance.SUPPORTS),  # overlaps: other theme
        mark(A, 40, 50, ("treatment",), Stance.SUPPORTS),
        mark(B, 45, 55, ("treatment",), Stance.OPPOSES),  # overlaps: other stance
        mark(A, 70, 80, ("treatment",)),  # only Ana
        mark(B, 85, 90, (), None),  # only Ben, no themes
    ]}
    found = find_disagreements(placed, {"d1": doc()}, TAX)
    kinds = [(d.kind, d.start, d.end) for d in found]
    assert kinds == [(DisagreementKind.THEMES, 0, 25), (DisagreementKind.STANCE, 40, 55),
                     (DisagreementKind.ONLY_ONE, 70, 80), (DisagreementKind.ONLY_ONE, 85, 90)]
    assert dict(found[0].themes) == {"a": ("naloxone",), "b": ("samaritan",)}
    assert dict(found[1].stances) == {"a": "supports", "b": "opposes"}
    assert [a.name for a in found[2].missing] == ["Ben"]
    only = find_disagreements(placed, {"d1": doc()}, TAX, themes=["Overdose response"])
    assert [d.kind for d in only] == [DisagreementKind.THEMES]


# -- resolving, through the store --------------------------------------------------------------
MEMO = ("The office will decline to file possession charges. Officers are encouraged to "
        "carry naloxone on every shift. Treatment is voluntary.")


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    lib = FakeLibrary()
    d = lib.add("memo.txt", MEMO)
    ana = make_workspace(tmp_path / "ws", lib, settings_for(tmp_path / "a.json", "a", "Ana"))
    ben = make_workspace(tmp_path / "ws", lib, settings_for(tmp_path / "b.json", "b", "Ben"))
    i = MEMO.index("carry naloxone")
    ana.annotations().create(d.id, i, i + 30, themes=["naloxone"], stance="supports")
    ana.annotations().save()
    j = MEMO.index("Treatment is voluntary")
    ben.annotations().load()
    ben.annotations().create(d.id, i + 6, i + 30, themes=["good-samaritan"], stance="opposes")
    ben.annotations().create(d.id, j, j + 22, themes=["voluntary-treatment"])
    ben.annotations().save()
    ana.annotations().reload()
    return ana, ben, d


def listed(ws, d, **kw):  # type: ignore[no-untyped-def]
    store = ws.annotations()
    return find_disagreements({d.id: store.for_document(d.id)}, {d.id: d},
                              ws.themes().taxonomy(), replies=store.remarks(), **kw)


def test_resolving_is_an_ordinary_edit_in_your_own_file(pair) -> None:  # type: ignore[no-untyped-def]
    ana, _ben, d = pair
    found = listed(ana, d)
    assert [x.kind for x in found] == [DisagreementKind.THEMES, DisagreementKind.STANCE,
                                       DisagreementKind.ONLY_ONE]
    themes, stance, only = found
    assert options(only, "a") == [Resolution.COPY, Resolution.DIFFER]
    assert options(themes, "a") == [Resolution.ADOPT, Resolution.WITHDRAW, Resolution.DIFFER]
    store = ana.annotations()
    before_ben = (ana.annotations_dir / "b.json").read_bytes()
    resolve(store, themes, Resolution.ADOPT)  # Ana takes Ben's theme
    resolve(store, stance, Resolution.DIFFER, text="We read the stance differently.")
    resolve(store, only, Resolution.COPY)
    store.save()
    assert (ana.annotations_dir / "b.json").read_bytes() == before_ben  # his file untouched
    assert listed(ana, d) == ()
    settled = listed(ana, d, include_resolved=True)
    assert [x.kind for x in settled] == [DisagreementKind.STANCE] and settled[0].resolved
    # changing a stance again reopens it (its key changes)
    mine = next(p.highlight for p in store.for_document(d.id)
                if p.highlight.author.id == "a" and p.highlight.stance is Stance.SUPPORTS)
    store.update(mine.id, stance="neutral")
    assert [x.kind for x in listed(ana, d)] == [DisagreementKind.STANCE]
    with pytest.raises(AnnotationError):
        resolve(store, only, Resolution.ADOPT)  # does not apply to a passage only one marked
