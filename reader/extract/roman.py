"""Roman numerals, the one parser for the whole reader (section headings and list markers,
printed page numbers in running headers, Word list numbering)."""

from __future__ import annotations

_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_SYMBOLS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def to_roman(n: int) -> str:
    """``14`` → ``"XIV"`` (``""`` for 0 or less)."""
    out = []
    for v, sym in _SYMBOLS:
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


def roman_value(s: str) -> int:
    """The value of a roman numeral in either case (``"xiv"`` → 14), 0 when it is not one
    written the standard way (``"IIII"``, ``"VX"``, ``""``, ``"abc"``)."""
    s = s.upper()
    if not s or any(c not in _VALUES for c in s):
        return 0
    total = 0
    for i, c in enumerate(s):
        v = _VALUES[c]
        total += -v if i + 1 < len(s) and _VALUES[s[i + 1]] > v else v
    return total if to_roman(total) == s else 0
