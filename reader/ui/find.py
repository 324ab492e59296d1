"""Find in document: every match of what the person typed, as code-point ranges.

Case-insensitive by default; a space in the query matches any run of spaces and line breaks
(so a phrase is found across a soft line break or a paragraph end). Pure Python, no Qt.
"""

from __future__ import annotations

import re

MAX_MATCHES = 10_000
MAX_QUERY = 500


def find_all(text: str, query: str, *, match_case: bool = False,
             limit: int = MAX_MATCHES) -> list[tuple[int, int]]:
    """The (start, end) of each non-overlapping match of ``query`` in ``text``, in order."""
    words = query[:MAX_QUERY].split()
    if not words or not text:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    flags = 0 if match_case else re.IGNORECASE
    found = []
    for match in re.finditer(pattern, text, flags):
        found.append((match.start(), match.end()))
        if len(found) >= limit:
            break
    return found


def nearest(matches: list[tuple[int, int]], offset: int) -> int:
    """The index of the first match at or after ``offset`` (wrapping to 0)."""
    for i, (start, _end) in enumerate(matches):
        if start >= offset:
            return i
    return 0
