"""Agreement between annotators, per theme, over characters of text (as QualCoder and
ATLAS.ti measure coded text).

**What is compared.** A document counts when two or more people highlighted something in
it; those people are its *coders* (someone who marked nothing in a document is taken not to
have read it). Every character of such a document is a unit, and for each theme each coder
either marked it — with a highlight tagged with the theme or one of its sub-themes — or did
not. Characters marked by several highlights of one person count once.

**The figure.** With exactly two people in all, Cohen's kappa over the characters of the
documents both annotated (the 2×2 table: both marked, only one, only the other, neither);
with more, Krippendorff's alpha for that binary judgement, each character a unit judged by
the document's coders (:mod:`reader.compare.stats`). Both correct for the agreement to be
expected by chance, so marking little of a long document does not look like agreement.
"All themes" pools the top-level themes (sub-themes counted into their parents).

QualCoder's two-coder comparison counts the same characters (coded by both, by one, by
neither) and reports the percentage agreement over all of them, as ``percent`` here; its
kappa is taken over the characters at least one coder marked, so its figures differ from
the textbook kappa used here. ATLAS.ti's "alpha binary" per code is the coincidence form of
Krippendorff's alpha over coded and uncoded stretches of text, which is what is computed
here character by character.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.compare.filters import ancestors_within, theme_columns
from reader.compare.stats import binary_alpha, cohen_kappa, percent_agreement
from reader.gcpause import paused_gc
from reader.model.annotations import Author, Placed
from reader.model.compare import AgreementReport, MatrixColumn, ThemeAgreement
from reader.model.documents import Document
from reader.model.themes import Taxonomy

KAPPA, ALPHA = "kappa", "alpha"


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


class _Tally:
    """One theme's counts over all documents."""

    __slots__ = ("hist", "marked_by")

    def __init__(self) -> None:
        self.hist: dict[tuple[int, int], int] = {}  # (coders, marking) -> characters, k ≥ 1
        self.marked_by: dict[str, int] = {}  # author id -> characters marked

    def add_doc(self, spans: list[tuple[int, int, str]], m: int) -> None:
        by_coder: dict[str, list[tuple[int, int]]] = {}
        for s, e, who in spans:
            by_coder.setdefault(who, []).append((s, e))
        events: list[tuple[int, int]] = []
        for who, mine in by_coder.items():
            merged = _merged(mine)
            self.marked_by[who] = self.marked_by.get(who, 0) + sum(e - s for s, e in merged)
            for s, e in merged:
                events.append((s, 1))
                events.append((e, -1))
        events.sort()
        hist = self.hist
        k = 0
        prev = 0
        for pos, delta in events:
            if k and pos > prev:
                key = (m, k)
                hist[key] = hist.get(key, 0) + pos - prev
            k += delta
            prev = pos


def _result(col: MatrixColumn | None, tally: _Tally, units_by_m: Mapping[int, int],
            coders: Sequence[Author]) -> ThemeAgreement:
    units = dict(tally.hist)
    for m, total in units_by_m.items():
        covered = sum(w for (mm, _), w in tally.hist.items() if mm == m)
        units[(m, 0)] = units.get((m, 0), 0) + total - covered
    shared = sum(w for (_, k), w in tally.hist.items() if k >= 2)
    single = sum(w for (_, k), w in tally.hist.items() if k == 1)
    compared = sum(units_by_m.values())
    label = col.label if col else "All themes"
    base = dict(theme_id=col.theme_id if col else "", label=label,
                depth=col.depth if col else 0, marked=shared + single, shared=shared,
                single=single, units=compared, percent=percent_agreement(units))
    if len(coders) < 2 or not compared:
        return ThemeAgreement(**base, note="Fewer than two people annotated the same "  # type: ignore[arg-type]
                              "documents.")
    if len(coders) == 2:
        a, b = coders[0].id, coders[1].id
        both = shared
        only_a = tally.marked_by.get(a, 0) - both
        only_b = tally.marked_by.get(b, 0) - both
        value = cohen_kappa(both, only_a, only_b, compared - both - only_a - only_b)
        method = KAPPA
    else:
        value, method = binary_alpha(units), ALPHA
    note = "" if value is not None else (
        "No one marked this theme in the documents compared." if not shared + single
        else "Everyone marked every character: there is nothing to compare.")
    return ThemeAgreement(**base, method=method, value=value, note=note)  # type: ignore[arg-type]


def agreement_figures(placed_by_doc: Mapping[str, Sequence[Placed]],
                      documents: Mapping[str, Document], taxonomy: Taxonomy, *,
                      themes: Sequence[str] = ()) -> AgreementReport:
    """Per-theme agreement over the documents of ``placed_by_doc`` (current document id →
    its placed highlights); ``themes`` (ids or names) limits it to those themes and their
    sub-themes. The report's ``disagreements`` are left empty
    (:func:`reader.compare.disagreements.find_disagreements` lists them)."""
    with paused_gc():
        return _figures(placed_by_doc, documents, taxonomy, themes)


def _figures(placed_by_doc: Mapping[str, Sequence[Placed]],
             documents: Mapping[str, Document], taxonomy: Taxonomy,
             themes: Sequence[str]) -> AgreementReport:
    columns = theme_columns(taxonomy, themes)
    into = ancestors_within(taxonomy, columns)
    tallies = [_Tally() for _ in columns]
    units_by_m: dict[int, int] = {}
    coders: dict[str, Author] = {}
    compared_docs = 0
    for doc_id, placed in placed_by_doc.items():
        live = [p for p in placed if not p.orphaned and not p.highlight.deleted
                and p.anchor.end > p.anchor.start >= 0]
        people = {p.highlight.author.id: p.highlight.author for p in live}
        m = len(people)
        if m < 2:
            continue
        compared_docs += 1
        coders.update(people)
        doc = documents.get(doc_id)
        length = max([doc.chars if doc else 0, *(p.anchor.end for p in live)])
        units_by_m[m] = units_by_m.get(m, 0) + length
        per_col: dict[int, list[tuple[int, int, str]]] = {}
        for p in live:
            cols: set[int] = set()
            for t in p.highlight.themes:
                cols.update(into.get(t, ()))
            span = (p.anchor.start, p.anchor.end, p.highlight.author.id)
            for c in cols:
                per_col.setdefault(c, []).append(span)
        for c, spans in per_col.items():
            tallies[c].add_doc(spans, m)
    everyone = sorted(coders.values(), key=lambda a: (a.name.casefold(), a.id))
    results = tuple(_result(col, tally, units_by_m, everyone)
                    for col, tally in zip(columns, tallies, strict=True))
    pooled = _Tally()
    for col, tally in zip(columns, tallies, strict=True):
        if col.depth == 0:
            for unit, w in tally.hist.items():
                pooled.hist[unit] = pooled.hist.get(unit, 0) + w
            for who, w in tally.marked_by.items():
                pooled.marked_by[who] = pooled.marked_by.get(who, 0) + w
    roots = sum(1 for c in columns if c.depth == 0)
    overall = _result(None, pooled, {m: n * roots for m, n in units_by_m.items()}, everyone)
    method = KAPPA if len(everyone) == 2 else ALPHA if len(everyone) > 2 else ""
    empty = "" if compared_docs else (
        "Agreement needs documents that two or more people annotated. So far each "
        "document has highlights from one person at most.")
    return AgreementReport(tuple(everyone), compared_docs, method, overall, results,
                           empty_reason=empty)
