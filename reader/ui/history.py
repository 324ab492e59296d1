"""Back and forward across jumps (a search hit, a heading, a page, another document).

A location is ``(doc_id, offset)``. Pure Python, so it is tested without a screen.
"""

from __future__ import annotations

Location = tuple[str, int]
MAX_DEPTH = 100


class NavigationHistory:
    def __init__(self) -> None:
        self._back: list[Location] = []
        self._forward: list[Location] = []

    def clear(self) -> None:
        self._back.clear()
        self._forward.clear()

    def push(self, here: Location) -> None:
        """Record ``here`` before a jump; a new jump clears the forward list."""
        if self._back and self._back[-1] == here:
            return
        self._back.append(here)
        del self._back[:-MAX_DEPTH]
        self._forward.clear()

    def back(self, here: Location | None) -> Location | None:
        if not self._back:
            return None
        target = self._back.pop()
        if here is not None:
            self._forward.append(here)
        return target

    def forward(self, here: Location | None) -> Location | None:
        if not self._forward:
            return None
        target = self._forward.pop()
        if here is not None:
            self._back.append(here)
        return target

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def forget(self, doc_id: str) -> None:
        """Drop the locations of a document that left the library."""
        self._back = [loc for loc in self._back if loc[0] != doc_id]
        self._forward = [loc for loc in self._forward if loc[0] != doc_id]
