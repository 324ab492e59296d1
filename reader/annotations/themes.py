"""The workspace's theme taxonomy (``.policy-reader/themes.json``), editable.

Until the group changes anything, the shipped taxonomy (``resources/themes.json``) is used
and no file is written. Every edit is saved at once (atomic, with a ``.bak``).
A damaged ``themes.json`` is reported, the shipped taxonomy is shown, and before the next
edit the damaged file is set aside (renamed, never deleted). One written by a newer version
is shown but never written over (edits raise :class:`~reader.errors.ThemeError`).

Merging or deleting a theme changes the taxonomy only: an alias (``aliases`` in the file)
shows the old id under the merged theme, or as unknown after a deletion. Retagging the
current author's highlights is the operation's job (:mod:`reader.ops.themes`); other
people's keep the old id. A highlight is never dropped.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from reader.annotations.files import signature
from reader.annotations.taxonomy import (
    COLOR_RE,
    ID_RE,
    MAX_DEPTH,
    MAX_DESCRIPTION,
    MAX_LABEL,
    VERSION,
    parse,
    slug,
    to_json,
)
from reader.aside import set_aside
from reader.errors import ReaderError, ThemeError
from reader.jsonio import atomic_write_json, read_json
from reader.locks import locked
from reader.model.annotations import Theme
from reader.model.themes import MAX_FAVOURITES, Taxonomy, taxonomy_from
from reader.paths import resources_dir

log = logging.getLogger(__name__)

MAX_THEMES_BYTES = 8 * 1024 * 1024
CHECK_SECONDS = 0.5


@dataclass(frozen=True)
class Retag:
    """What a merge or a deletion asks of the highlights: tag ``old`` becomes ``new``
    (``None``: the tag is removed)."""

    old: str
    new: str | None


def shipped_taxonomy() -> Taxonomy:
    """The taxonomy that ships with the app (``resources/themes.json``)."""
    path = resources_dir() / "themes.json"
    try:
        tax, problems, _ = parse(read_json(path, what="theme list"), path.name)
    except (ReaderError, ValueError) as exc:  # a broken install: run without themes
        log.error("shipped themes unreadable: %s", exc)
        return Taxonomy()
    for p in problems:
        log.warning("shipped themes: %s", p)
    return tax


class ThemeStore:
    """The taxonomy kept in ``path`` (a workspace's ``themes.json``)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        self._tax = Taxonomy()
        self._sig: object = "unread"
        self._checked = float("-inf")
        self._problems: tuple[str, ...] = ()
        self._damaged = False
        self._newer = False
        self._edit_depth = 0
        self.generation = 0

    # -- reading --------------------------------------------------------------------------
    def taxonomy(self) -> Taxonomy:
        """The current taxonomy (re-read when ``themes.json`` changed on disk; the file is
        checked at most every :data:`CHECK_SECONDS`, or at once after :meth:`reload`)."""
        with self._lock:
            now = time.monotonic()
            if self._sig == "unread" or now - self._checked >= CHECK_SECONDS:
                self._checked = now
                sig = signature(self.path)
                if sig != self._sig:
                    self._load(sig)
            return self._tax

    def reload(self) -> bool:
        """Re-read ``themes.json`` now if it changed (for a file watcher); whether it did."""
        with self._lock:
            before = self.generation
            self._checked = float("-inf")
            self.taxonomy()
            return self.generation != before

    @property
    def problems(self) -> tuple[str, ...]:
        self.taxonomy()
        return self._problems

    @property
    def favourites(self) -> tuple[str, ...]:
        return self.taxonomy().favourites

    def _load(self, sig: object) -> None:
        self._sig = sig
        self._damaged = self._newer = False
        problems: list[str] = []
        if sig is None:
            tax = shipped_taxonomy()
        else:
            try:
                tax, problems, version = parse(read_json(self.path, max_bytes=MAX_THEMES_BYTES,
                                                         what="theme list"), self.path.name)
                if version > VERSION:
                    self._newer = True
                    problems.append(f"{self.path.name} was written by a newer version of "
                                    "Policy Reader: themes are shown but cannot be edited here.")
            except (ReaderError, ValueError) as exc:
                self._damaged = True
                problems.append(f"{exc} The shipped themes are shown; the file is set aside "
                                "(not deleted) before the next theme edit.")
                tax = shipped_taxonomy()
        for p in problems:
            log.warning("themes: %s", p)
        self._tax, self._problems = tax, tuple(problems)
        self.generation += 1

    # -- writing --------------------------------------------------------------------------
    @contextmanager
    def _editing(self) -> Iterator[None]:
        """One edit: under the OS lock of ``themes.json`` (another window or command edits
        the same file), starting from the file as it is now, so no edit made elsewhere
        between our read and our write is lost. Re-entrant (an edit may call another)."""
        with self._lock:
            if self._edit_depth:
                self._edit_depth += 1
                try:
                    yield
                finally:
                    self._edit_depth -= 1
                return
            with locked(self.path, what="The theme list"):
                self._edit_depth = 1
                try:
                    self.reload()
                    yield
                finally:
                    self._edit_depth = 0

    def _commit(self, tax: Taxonomy) -> Taxonomy:
        tax = taxonomy_from(tax.themes, tax.aliases, tax.favourites)
        if self._newer:
            raise ThemeError(f"{self.path.name} was written by a newer version of Policy "
                             "Reader; it is not changed.", "Update Policy Reader to edit themes.")
        if self._damaged and self.path.exists():
            try:
                aside = set_aside(self.path)
            except OSError as exc:
                raise ThemeError(f"Cannot set the damaged {self.path.name} aside: "
                                 f"{exc.strerror or exc}.") from exc
            log.warning("themes: damaged file kept as %s", aside.name)
        atomic_write_json(self.path, to_json(tax), backup=True)
        self._damaged = False
        self._tax = tax
        self._sig = signature(self.path)
        self._problems = ()
        self.generation += 1
        return tax

    def _need(self, theme_id: str) -> Theme:
        self.reload()  # edit the latest file, not a copy cached a moment ago
        t = self._tax.by_id.get(theme_id)
        if t is None:
            raise ThemeError(f"There is no theme with the id '{theme_id}'.",
                             "Run 'policy-reader themes list' to see the ids.")
        return t

    def _new_id(self, base: str) -> str:
        tax = self._tax
        taken = set(tax.by_id) | set(tax.aliases)
        cand, n = base, 2
        while cand in taken:
            cand = f"{base}-{n}"
            n += 1
        return cand

    @staticmethod
    def _label(label: str) -> str:
        text = " ".join(str(label).split())
        if not text:
            raise ThemeError("A theme needs a name.")
        if len(text) > MAX_LABEL:
            raise ThemeError(f"A theme name can have at most {MAX_LABEL} characters.")
        return text

    @staticmethod
    def _color(color: str) -> str:
        if not isinstance(color, str) or not COLOR_RE.match(color):
            raise ThemeError(f"'{color}' is not a colour.", "Use the form #rrggbb.")
        return color.lower()

    def _check_parent(self, parent: str | None, height: int = 0) -> None:
        """``parent`` exists, and a theme with ``height`` levels below it fits under it."""
        if parent is not None:
            self._need(parent)
            if self._tax.depth(parent) + 1 + height >= MAX_DEPTH:
                raise ThemeError(f"Themes can be nested at most {MAX_DEPTH} levels deep.",
                                 "Put it under a theme higher up.")

    # -- edits ----------------------------------------------------------------------------
    def add(self, label: str, *, parent: str | None = None, color: str | None = None,
            description: str = "", theme_id: str | None = None,
            order: int | None = None) -> Theme:
        with self._editing():
            tax = self._tax
            label = self._label(label)
            self._check_parent(parent)
            if theme_id is not None:
                if not ID_RE.match(theme_id):
                    raise ThemeError(f"'{theme_id}' cannot be a theme id.",
                                     "Use letters, digits, '-', '_', '.', ':' or '/'.")
                if theme_id in tax.by_id:
                    raise ThemeError(f"A theme with the id '{theme_id}' exists already.")
                if tax.resolve(theme_id) is None and theme_id in tax.aliases:
                    raise ThemeError(f"The id '{theme_id}' belonged to a deleted theme.")
            tid = theme_id or self._new_id(slug(label))
            siblings = tax.children(parent)
            theme = Theme(tid, label, self._color(color) if color else tax.next_color(parent),
                          description[:MAX_DESCRIPTION],
                          parent, order if order is not None else
                          max((t.order for t in siblings), default=-1) + 1)
            aliases = {k: v for k, v in tax.aliases.items() if k != tid}
            self._commit(replace(tax, themes=(*tax.themes, theme), aliases=aliases))
            return self._tax.by_id[tid]

    def _replace_theme(self, theme: Theme) -> Theme:
        tax = self._tax
        self._commit(replace(tax, themes=tuple(theme if t.id == theme.id else t
                                               for t in tax.themes)))
        return self._tax.by_id[theme.id]

    def rename(self, theme_id: str, label: str) -> Theme:
        with self._editing():
            return self._replace_theme(replace(self._need(theme_id), label=self._label(label)))

    def recolor(self, theme_id: str, color: str) -> Theme:
        with self._editing():
            return self._replace_theme(replace(self._need(theme_id), color=self._color(color)))

    def describe(self, theme_id: str, text: str) -> Theme:
        with self._editing():
            return self._replace_theme(replace(self._need(theme_id),
                                               description=str(text).strip()[:MAX_DESCRIPTION]))

    def move(self, theme_id: str, parent: str | None, order: int | None = None) -> Theme:
        """Put a theme under ``parent`` (``None``: top level) at position ``order``."""
        with self._editing():
            theme = self._need(theme_id)
            tax = self._tax
            if parent == theme_id or (parent and any(t.id == theme_id
                                                     for t in tax.path(parent))):
                raise ThemeError(f"{theme.label} cannot go inside itself.")
            self._check_parent(parent, tax.height(theme_id))
            tax = self._tax
            siblings = [t for t in tax.children(parent) if t.id != theme_id]
            pos = len(siblings) if order is None else max(0, min(order, len(siblings)))
            siblings.insert(pos, replace(theme, parent=parent))
            renumbered = {t.id: replace(t, order=i) for i, t in enumerate(siblings)}
            self._commit(replace(tax, themes=tuple(renumbered.get(t.id, t)
                                                   for t in tax.themes)))
            return self._tax.by_id[theme_id]

    def merge(self, src: str, dst: str) -> Retag:
        """Merge theme ``src`` into ``dst``: its children move to ``dst``; ``src`` becomes an
        alias of ``dst``. Returns the retag the highlights tagged ``src`` need."""
        with self._editing():
            a, b = self._need(src), self._need(dst)
            if a.id == b.id:
                raise ThemeError("A theme cannot be merged into itself.")
            return self._remove(a, b.id)

    def delete(self, theme_id: str, *, merge_into: str | None = None) -> Retag:
        """Delete a theme. With ``merge_into``, as :meth:`merge`; otherwise its children
        move up one level and its highlights are to lose the tag (the retag returned)."""
        with self._editing():
            theme = self._need(theme_id)
            if merge_into is not None:
                return self.merge(theme_id, merge_into)
            return self._remove(theme, None)

    def _remove(self, theme: Theme, into: str | None) -> Retag:
        tax = self._tax
        dst_path = {t.id for t in tax.path(into)} if into else set()
        themes = []
        for t in tax.themes:
            if t.id == theme.id:
                continue
            if t.parent == theme.id:
                new_parent = theme.parent if (into is None or t.id in dst_path) else into
                t = replace(t, parent=new_parent, order=t.order + 1000)
            themes.append(t)
        aliases = {k: (into if v == theme.id else v) for k, v in tax.aliases.items()}
        aliases[theme.id] = into
        favs: list[str] = []
        for f in tax.favourites:
            f2 = into if f == theme.id else f
            if f2 is not None and f2 not in favs:
                favs.append(f2)
        self._commit(Taxonomy(tuple(themes), aliases, tuple(favs)))
        return Retag(theme.id, into)

    def restore(self, tax: Taxonomy) -> Taxonomy:
        """Write ``tax`` back as the workspace's taxonomy (the GUI's undo and redo of a theme
        edit: a snapshot taken before or after it)."""
        with self._editing():
            return self._commit(tax)

    def set_favourites(self, ids: Iterable[str]) -> tuple[str, ...]:
        with self._editing():
            ids = list(dict.fromkeys(ids))
            if len(ids) > MAX_FAVOURITES:
                raise ThemeError(f"At most {MAX_FAVOURITES} favourite themes (keys 1–9).")
            for i in ids:
                self._need(i)
            self._commit(replace(self._tax, favourites=tuple(ids)))
            return self._tax.favourites

    def adopt_unknown(self, theme_id: str, label: str | None = None, *,
                      parent: str | None = None, color: str | None = None) -> Theme:
        """Make a theme id that came with someone else's highlights known here."""
        with self._editing():
            tax = self.taxonomy()
            if theme_id in tax.by_id:
                return tax.by_id[theme_id]
            nice = label or theme_id.rsplit("/", 1)[-1].replace("-", " ").replace("_", " ")
            return self.add(nice.strip().capitalize() or theme_id, parent=parent, color=color,
                            theme_id=theme_id)

    def add_planned(self, themes: Iterable[Theme]) -> int:
        """Add the new themes an import planned
        (:func:`~reader.annotations.theme_labels.plan_labels`: imported tags), those whose
        id is still free, with one write of ``themes.json``; how many."""
        with self._editing():
            tax = self._tax
            new = [t for t in themes if t.id not in tax.by_id]
            if new:
                self._commit(replace(tax, themes=(*tax.themes, *new)))
            return len(new)

    def check_writable(self) -> None:
        """``ThemeError`` if ``themes.json`` cannot be changed (a newer version's file)."""
        with self._lock:
            self.reload()
            if self._newer:
                raise ThemeError(f"{self.path.name} was written by a newer version of Policy "
                                 "Reader; it is not changed.",
                                 "Update Policy Reader to import tags as themes.")
