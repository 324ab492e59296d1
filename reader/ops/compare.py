"""Comparing documents and annotators: the comparison matrix, the policy comparison,
agreement between annotators, the disagreements to walk through and their resolutions.

:mod:`reader.compare` does the work over plain data; these read it from the workspace's
services (the library's documents, the placed highlights, the taxonomy, the replies) and
hand it in. A resolution is an ordinary edit of your own highlights (or a reply), made in
memory like every edit: :func:`reader.ops.highlights.save` writes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.compare.resolve import Resolution, options
from reader.model.annotations import Placed
from reader.model.changes import Outcome
from reader.model.compare import (
    AgreementReport,
    Comparison,
    Disagreement,
    GroupBy,
    Matrix,
    MatrixFilter,
)
from reader.model.remarks import Record, Reply
from reader.ops.highlights import touched
from reader.workspace import Workspace

__all__ = ["AgreementReport", "Comparison", "Disagreement", "GroupBy", "Matrix",
           "MatrixFilter", "Resolution", "agreement", "comparison", "disagreements", "matrix",
           "options", "resolve"]


def _placed_by_document(ws: Workspace, doc_ids: Iterable[str] = ()
                        ) -> dict[str, list[Placed]]:
    """Current document id → its placed highlights (only ``doc_ids`` when given)."""
    wanted = set(doc_ids)
    out: dict[str, list[Placed]] = {}
    for p in ws.annotations().placed_all():
        doc_id = p.anchor.doc_id or p.highlight.doc_id
        if not wanted or doc_id in wanted:
            out.setdefault(doc_id, []).append(p)
    return out


def matrix(ws: Workspace, filt: MatrixFilter = MatrixFilter()) -> Matrix:
    """Documents (or offices, or jurisdictions) × themes, as ``filt`` asks."""
    from reader.compare.matrix import build_matrix

    store = ws.annotations()
    return build_matrix(ws.library().documents(), store.by_document(), ws.taxonomy(), filt,
                        authors=store.authors())


def comparison(ws: Workspace, doc_ids: Sequence[str], themes: Sequence[str]) -> Comparison:
    """The policy comparison: each document's passages on each theme, side by side."""
    from reader.compare.comparison import compare_documents

    documents = {d.id: d for d in ws.library().documents()}
    return compare_documents(doc_ids, themes, _placed_by_document(ws, doc_ids), documents,
                             ws.taxonomy())


def agreement(ws: Workspace, *, doc_ids: Sequence[str] = (), themes: Sequence[str] = ()
              ) -> AgreementReport:
    """Agreement per theme over the documents ``doc_ids`` (all when empty)."""
    from reader.compare.agreement import agreement_figures

    documents = {d.id: d for d in ws.library().documents()}
    return agreement_figures(_placed_by_document(ws, doc_ids), documents, ws.taxonomy(),
                             themes=themes)


def disagreements(ws: Workspace, *, doc_ids: Sequence[str] = (), themes: Sequence[str] = (),
                  include_resolved: bool = False) -> tuple[Disagreement, ...]:
    """The disagreements to walk through (resolved ones only with ``include_resolved``)."""
    from reader.compare.disagreements import find_disagreements

    store = ws.annotations()
    documents = {d.id: d for d in ws.library().documents()}
    replies = [r for r in store.remarks() if isinstance(r, Reply)]
    return find_disagreements(_placed_by_document(ws, doc_ids), documents, ws.taxonomy(),
                              themes=themes, replies=replies,
                              include_resolved=include_resolved)


def resolve(ws: Workspace, d: Disagreement, how: Resolution | str, *, source: str = "",
            text: str = "") -> Outcome[list[Record]]:
    """Resolve ``d`` as you: adopt another reading, copy, withdraw, or agree to differ (a
    reply). Only your own file changes; the change set names what was written and, for a
    reply, the highlight it is about."""
    from reader.compare.resolve import resolve as apply

    written = apply(ws.annotations(), d, how, source=source, text=text)
    ids = [r.id for r in written]
    ids += [r.target.id for r in written if isinstance(r, Reply)]
    return Outcome(written, touched(ids))
