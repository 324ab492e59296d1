"""Every numbered section of a text with its full pinpoint — "§ 977", "§ 977(a)",
"§ 977(a)(1)" — in one pass (:meth:`DocText.pinpoint` answers for one offset; this walks
them all, for a 50 MB code title too). History and notes are left out: they are never cited
as the law."""

from __future__ import annotations

from collections.abc import Iterator

from reader.model.documents import DocText, Section


def section_pinpoints(text: DocText) -> Iterator[tuple[str, Section]]:
    """(pinpoint, section) of every numbered section outside the notes, in text order; the
    pinpoint joins the numbers of the section and those above it as
    :meth:`DocText.pinpoint` does ("Chapter 13A" › "§ 977" › "(a)" → "§ 977(a)")."""
    stack: list[tuple[Section, str, bool]] = []  # (section, pinpoint, in a note)
    for s in sorted(text.sections, key=lambda s: (s.start, s.level, -s.end)):
        while stack and (stack[-1][0].end <= s.start or stack[-1][0].level >= s.level):
            stack.pop()
        parent_pin, parent_note = (stack[-1][1], stack[-1][2]) if stack else ("", False)
        note = parent_note or s.is_note
        pin = parent_pin
        if s.number and not note:
            pin = parent_pin + s.number if s.number.startswith("(") and parent_pin \
                else s.number
        stack.append((s, pin, note))
        if not note and s.number:
            yield pin, s
