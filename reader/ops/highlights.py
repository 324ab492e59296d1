"""Highlight operations: create (at offsets, or by quoting the words), edit, delete, copy to
yours, re-attach, put versions back (undo and redo), save, read changes from disk.

Every edit returns an :class:`Edit`: the versions of your highlights before it (``None``:
it did not exist) and after it, which is what an undo puts back. An edit is made in memory;
:func:`save` writes your file (the app saves a moment later, a command at once).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from reader.annotations.changes import LoadReport, StoreChanges
from reader.errors import AnnotationError, ReaderError, UsageError
from reader.model.annotations import Highlight, Placed, Stance
from reader.model.changes import ALL, ChangeSet, Outcome
from reader.model.themes import Taxonomy
from reader.workspace import Workspace


@dataclass(frozen=True)
class Edit:
    """An edit of your highlights: ``highlight`` is the current version of the one edited;
    ``before``/``after`` hold the versions it replaced and made (empty: nothing changed)."""

    highlight: Highlight
    before: Mapping[str, Highlight | None] = field(default_factory=dict)
    after: Mapping[str, Highlight] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.after)


def touched(ids: Iterable[str]) -> ChangeSet:
    """The change set of an edit of these highlights."""
    return ChangeSet(annotations=frozenset(ids))


def _edit(before: Highlight | None, after: Highlight) -> Outcome[Edit]:
    if after is before:
        return Outcome(Edit(after))
    return Outcome(Edit(after, {after.id: before}, {after.id: after}), touched([after.id]))


# -- creating --------------------------------------------------------------------------------
def create(ws: Workspace, doc_id: str, start: int, end: int, *, themes: Iterable[str] = (),
           stance: Stance | str | None = None, note: str = "",
           color: str | None = None) -> Outcome[Edit]:
    """Highlight ``start``–``end`` of the current text of ``doc_id`` (code points; spaces
    around are trimmed). Colour defaults to the first theme's."""
    h = ws.annotations().create(doc_id, start, end, themes=tuple(themes), stance=stance,
                                note=note, color=color)
    return _edit(None, h)


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Where ``quote`` occurs in ``text``: exactly, else with any whitespace between words,
    else also ignoring case."""
    quote = unicodedata.normalize("NFC", quote).strip()
    if not quote:
        raise UsageError("The quote is empty.")
    spans = []
    at = text.find(quote)
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    if spans:
        return spans
    pattern = r"\s+".join(re.escape(w) for w in quote.split())
    for flags in (0, re.IGNORECASE):
        spans = [(m.start(), m.end()) for m in re.finditer(pattern, text, flags)]
        if spans:
            return spans
    return []


def annotate(ws: Workspace, doc_ref: str, quote: str, *, occurrence: int | None = None,
             themes: Iterable[str] = (), stance: str | None = None, note: str = "",
             color: str | None = None) -> Outcome[Placed]:
    """Highlight the words ``quote`` in the document ``doc_ref`` (id, id prefix or path),
    with themes (ids or names), a stance and a note; saved at once. When the words occur
    more than once, ``occurrence`` (1 = the first) says which."""
    from reader.annotations.select import parse_stance
    from reader.ops.themes import theme_id

    doc = ws.library().find(doc_ref)
    spans = find_quote(ws.library().text(doc.id).text, quote)
    if not spans:
        raise AnnotationError(f"The words \"{short(quote, 60)}\" are not in {doc.title}.")
    if occurrence is not None:
        if not 1 <= occurrence <= len(spans):
            raise UsageError(f"The words occur {len(spans)} time(s) in {doc.title}; "
                             f"--occurrence must be between 1 and {len(spans)}.")
        start, end = spans[occurrence - 1]
    elif len(spans) > 1:
        raise AnnotationError(f"The words occur {len(spans)} times in {doc.title}.",
                              "Pick one with --occurrence N (1 = the first).")
    else:
        start, end = spans[0]
    tax = ws.taxonomy()
    ids = [theme_id(tax, t) for t in themes]
    store = ws.annotations()
    h = store.create(doc.id, start, end, themes=ids, stance=parse_stance(stance), note=note,
                     color=color)
    store.save()
    placed = next(p for p in store.for_document(doc.id) if p.highlight.id == h.id)
    return Outcome(placed, touched([h.id]))


def short(text: str, n: int) -> str:
    """``text`` on one line, cut to ``n`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# -- editing ---------------------------------------------------------------------------------
def update(ws: Workspace, hid: str, **changes: Any) -> Outcome[Edit]:
    """Change ``themes``, ``stance``, ``note`` or ``color`` of one of your highlights."""
    store = ws.annotations()
    before = store.get(hid)
    return _edit(before, store.update(hid, **changes))


def toggle_theme(ws: Workspace, hid: str, theme_id: str, *,
                 taxonomy: Taxonomy | None = None) -> Outcome[Edit]:
    """Add ``theme_id`` to one of your highlights, or take it off (merged ids count as the
    theme they were merged into)."""
    tax = taxonomy or ws.taxonomy()
    h = ws.annotations().get(hid)
    rid = tax.resolve(theme_id) or theme_id
    current = [tax.resolve(t) or t for t in h.themes]
    if rid in current:
        themes = [t for t, r in zip(h.themes, current, strict=True) if r != rid]
    else:
        themes = [*h.themes, rid]
    return update(ws, hid, themes=tuple(themes))


def delete(ws: Workspace, hid: str) -> Outcome[Edit]:
    """Delete one of your highlights (a tombstone others' copies merge)."""
    store = ws.annotations()
    before = store.get(hid)
    return _edit(before, store.delete(hid))


def delete_by_ref(ws: Workspace, ref: str) -> Outcome[Edit]:
    """Delete one of your highlights named by its id or the start of it, and save."""
    h = ws.annotations().find(ref)
    done = delete(ws, h.id)
    save(ws)
    return done


def copy_to_mine(ws: Workspace, hid: str) -> Outcome[Edit]:
    """A copy of someone's highlight in your own file (new id), for you to edit."""
    return _edit(None, ws.annotations().copy_to_mine(hid))


def reattach(ws: Workspace, hid: str, doc_id: str, start: int, end: int) -> Outcome[Edit]:
    """Move one of your highlights to ``start``–``end`` of ``doc_id``'s current text."""
    store = ws.annotations()
    before = store.get(hid)
    after = store.reattach(hid, start, end, doc_id=doc_id)
    return Outcome(Edit(after, {hid: before}, {hid: after}), touched([hid]))


def put_back(ws: Workspace, versions: Mapping[str, Highlight | None]
             ) -> Outcome[list[Highlight]]:
    """Put these versions of your highlights back (undo and redo): ``None`` means the
    highlight did not exist, so it is deleted."""
    store = ws.annotations()
    out = [store.delete(hid) if version is None else store.restore(version)
           for hid, version in versions.items()]
    return Outcome(out, touched(h.id for h in out))


# -- files -----------------------------------------------------------------------------------
def on_disk(changes: StoreChanges) -> ChangeSet:
    """The change set of highlights found changed on disk (read again, or merged in by a
    save of your file): any of them may have changed, and who is listed."""
    if changes.empty:
        return ChangeSet()
    return ChangeSet(annotations=frozenset({ALL, *changes.added, *changes.changed,
                                            *changes.removed}), authors=True)


def save(ws: Workspace) -> Outcome[StoreChanges]:
    """Write your annotation file if anything changed, merging what another window or a
    command saved as you meanwhile (what that merge changed is the value). ``StorageError``
    if it cannot be written: the edits stay in memory for the next try."""
    changes = ws.annotations().save()
    return Outcome(changes, on_disk(changes))


def unsaved(ws: Workspace) -> bool:
    return ws.annotations().dirty


@dataclass(frozen=True)
class Loaded:
    report: LoadReport
    taxonomy: Taxonomy
    problems: tuple[str, ...]


def load(ws: Workspace, *, retries_saves: bool = False) -> Outcome[Loaded]:
    """Read every annotation file and the themes (when a workspace opens). With
    ``retries_saves`` (the app) a failed save keeps the edits and says they will be saved
    again; a command says they were not saved."""
    store = ws.annotations()
    store.retries_saves = retries_saves
    report = store.load()
    themes = ws.themes()
    tax = themes.taxonomy()
    problems = (*report.problems, *themes.problems)
    return Outcome(Loaded(report, tax, problems),
                   ChangeSet(annotations=frozenset({ALL}), themes=True, authors=True))


@dataclass(frozen=True)
class Reloaded:
    changes: StoreChanges  # what changed on disk (ids added, changed, removed)
    taxonomy: Taxonomy | None  # the new taxonomy when themes.json changed
    names: tuple[str, ...]  # who else changed something


def reload(ws: Workspace) -> Outcome[Reloaded]:
    """Re-read the annotation files and ``themes.json`` that changed on disk."""
    store = ws.annotations()
    me = store.author.id
    changes = store.reload()
    names: list[str] = []
    for hid in (*changes.added, *changes.changed):
        try:
            author = store.get(hid).author
        except ReaderError:
            continue
        if author.id != me and author.name not in names:
            names.append(author.name)
    themes = ws.themes()
    tax = themes.taxonomy() if themes.reload() else None
    return Outcome(Reloaded(changes, tax, tuple(names)),
                   ChangeSet(themes=tax is not None) | on_disk(changes))
