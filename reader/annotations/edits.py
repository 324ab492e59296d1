"""Checking what a person asks to change on a highlight (themes, stance, note, colour, the
range of words), with messages written for them."""

from __future__ import annotations

from collections.abc import Iterable

from reader.annotations.taxonomy import COLOR_RE
from reader.annotations.w3c_terms import MAX_THEMES
from reader.errors import AnnotationError, ThemeError
from reader.model.annotations import DEFAULT_COLOR, Stance
from reader.model.themes import Taxonomy

MAX_NOTE = 100_000


def theme_ids(tax: Taxonomy, ids: Iterable[str], keep: Iterable[str] = ()) -> tuple[str, ...]:
    """Theme ids, each known here (merged ids resolved) or already on the highlight
    (``keep``: an unknown id from another group stays until it is removed)."""
    if isinstance(ids, str):
        ids = (ids,)
    kept = set(keep)
    out: list[str] = []
    seen: set[str] = set()
    for t in ids:
        if not isinstance(t, str) or not t:
            raise ThemeError("A theme id must be text.")
        rid = tax.resolve(t)
        if rid is None and t not in kept:
            raise ThemeError(f"There is no theme '{t}' in this workspace.",
                             "Run 'policy-reader themes list' to see the ids.")
        rid = rid or t
        if rid not in seen:
            seen.add(rid)
            out.append(rid)
            if len(out) > MAX_THEMES:
                raise ThemeError(f"A highlight can have at most {MAX_THEMES} themes.")
    return tuple(out)


def auto_color(tax: Taxonomy, themes: tuple[str, ...]) -> str:
    """The colour a highlight takes from its first theme."""
    if themes:
        c = tax.color(themes[0])
        if c:
            return c
    return DEFAULT_COLOR


def stance(value: object) -> Stance | None:
    if value is None or value == "":
        return None
    try:
        return Stance(value if isinstance(value, Stance) else str(value))
    except ValueError:
        choices = ", ".join(s.value for s in Stance)
        raise AnnotationError(f"'{value}' is not a stance.", f"Use one of: {choices}.") \
            from None


def note(value: object) -> str:
    if not isinstance(value, str):
        raise AnnotationError("A note must be text.")
    if len(value) > MAX_NOTE:
        raise AnnotationError(f"A note can have at most {MAX_NOTE:,} characters.")
    return value


def color(value: object) -> str:
    if not isinstance(value, str) or not COLOR_RE.match(value):
        raise AnnotationError(f"'{value}' is not a colour.", "Use the form #rrggbb.")
    return value.lower()


def word_range(text: str, start: object, end: object) -> tuple[int, int]:
    """``start``–``end`` checked against ``text`` and trimmed of surrounding spaces."""
    if isinstance(start, bool) or isinstance(end, bool) or \
            not isinstance(start, int) or not isinstance(end, int):
        raise AnnotationError("A highlight's start and end must be whole numbers.")
    if not 0 <= start < end <= len(text):
        raise AnnotationError(f"The range {start}–{end} is not inside the text "
                              f"(0–{len(text)}).")
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise AnnotationError("Select some words to highlight (not only spaces).")
    return start, end
