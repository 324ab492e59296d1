"""What a brief prints beyond the quotes themselves: the replies under a quote, "Contradicted
by: …" where a contradicts-link joins it to another passage, and the comparison matrix of
the documents it quotes (:mod:`reader.compare`). Pure: the caller hands in the discussion
(replies and links) and the placed highlights."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from reader.annotations.threads import Discussion
from reader.compare import render
from reader.compare.matrix import build_matrix
from reader.export.model import BriefLink, BriefMatrix, BriefReply
from reader.export.options import BriefOptions
from reader.export.text import clean, one_line, quote_text, redact
from reader.model.annotations import Placed
from reader.model.compare import GroupBy, MatrixFilter
from reader.model.documents import Document
from reader.model.remarks import Relation
from reader.model.themes import Taxonomy

#: Transpose the matrix (themes as rows) when there are at most this many row groups.
TRANSPOSE_AT = 6
MAX_LINK_WORDS = 240


def replies_for(highlight_id: str, discussion: Discussion, options: BriefOptions,
                names: Iterable[str]) -> tuple[BriefReply, ...]:
    """The live thread under a highlight, as the brief prints it (nothing when replies or
    notes are left out; names redacted when anonymised)."""
    if not (options.include_replies and options.include_notes):
        return ()
    out = []
    for node in discussion.thread(highlight_id).flat():
        r = node.reply
        if r.deleted:
            continue
        text = clean(r.text)
        if options.anonymize:
            text = redact(text, names)
        out.append(BriefReply(text, "" if options.anonymize else one_line(r.author.name),
                              node.depth, r.created.date().isoformat()))
    return tuple(out)


def contradictions_for(highlight_id: str, discussion: Discussion, options: BriefOptions,
                       cite: Callable[[str], tuple[str, str] | None]
                       ) -> tuple[BriefLink, ...]:
    """The passages a contradicts-link joins ``highlight_id`` to (either way: a
    contradiction runs both ways). ``cite(id)`` gives (words, citation) of a live, placed
    highlight, or ``None``."""
    if not options.show_contradictions:
        return ()
    out = []
    seen: set[str] = set()
    for end in discussion.link_ends(highlight_id):
        if end.link.relation is not Relation.CONTRADICTS or end.other.id in seen:
            continue
        seen.add(end.other.id)
        found = cite(end.other.id) if end.other_live else None
        if found is None:
            words = _short(quote_text(end.other.quote))
            out.append(BriefLink(words, "", True))
        else:
            out.append(BriefLink(_short(found[0]), found[1]))
    return tuple(out)


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LINK_WORDS else text[:MAX_LINK_WORDS - 1].rstrip() + "…"


def matrix_section(options: BriefOptions, chosen: Sequence[Placed],
                   documents: Mapping[str, Document], doc_ids: Sequence[str],
                   taxonomy: Taxonomy | None) -> BriefMatrix | None:
    """The comparison matrix of the documents the brief quotes (``doc_ids``), counting the
    highlights that matched the brief's choices, top-level themes as columns (the chosen
    themes when the brief is limited to some). ``None`` unless asked for."""
    if not options.include_matrix or taxonomy is None or not doc_ids:
        return None
    by_doc: dict[str, list] = {}
    for p in chosen:
        if not p.orphaned:
            by_doc.setdefault(p.anchor.doc_id or p.highlight.doc_id, []).append(p.highlight)
    filt = MatrixFilter(documents=tuple(doc_ids), themes=tuple(options.themes),
                        group_by=options.matrix_by)
    matrix = build_matrix([documents[d] for d in doc_ids if d in documents], by_doc,
                          taxonomy, filt)
    cols = render.visible_columns(matrix, 0)
    row_labels = [r.label for r in matrix.rows]
    col_labels = [matrix.columns[c].label for c in cols]
    cells = [[render.cell_text(matrix.cell(r, c)) for c in cols]
             for r in range(len(matrix.rows))]
    what = {GroupBy.DOCUMENT: "document", GroupBy.OFFICE: "office or author",
            GroupBy.JURISDICTION: "jurisdiction"}[options.matrix_by]
    n = sum(r.total for r in matrix.rows)
    note = (f"{n} highlight{'s' if n != 1 else ''} of this brief counted per {what} and "
            "theme; a sub-theme counts under its theme.")
    if len(row_labels) <= TRANSPOSE_AT:  # few documents: themes down, documents across
        corner = "Theme"
        columns = tuple(row_labels)
        rows = tuple((col_labels[j], tuple(cells[i][j] for i in range(len(row_labels))))
                     for j in range(len(col_labels)))
    else:
        corner = render.ROW_HEADS[options.matrix_by]
        columns = tuple(col_labels)
        rows = tuple((row_labels[i], tuple(cells[i])) for i in range(len(row_labels)))
    legend = ("Each cell: the number of highlights, then how they lean — + supports harm "
              "reduction, \u2212 opposes, \u00b7 neutral or no stance. \u2014: nobody in the "
              "group marked a passage on that theme there.")
    return BriefMatrix("Comparison matrix", corner, columns, rows, legend, note,
                       render.to_csv(matrix))
