"""Agreement coefficients for a binary judgement (a character marked with a theme, or not),
from counts of characters. Pure arithmetic; ``None`` where a coefficient is undefined.

* **Cohen's kappa** (two people): from the 2×2 table of characters both marked, only the
  first marked, only the second marked, neither marked::

      po = (both + neither) / n
      pe = pA·pB + (1 − pA)(1 − pB),   pA = (both + only_a) / n,  pB = (both + only_b) / n
      kappa = (po − pe) / (1 − pe)

  Undefined (``None``) when ``pe`` is 1: both marked everything, or nothing.
* **Krippendorff's alpha** (any number of people, each character a unit, nominal values
  marked/unmarked), from the coincidences of values within units. A unit with ``m``
  people of whom ``k`` marked it adds ``k(m−k)/(m−1)`` disagreeing pairs (weighted by its
  number of characters); units with fewer than two people are not pairable::

      alpha = 1 − (n − 1) · o01 / (n0 · n1)

  where ``n1``/``n0`` are the marked/unmarked values of pairable units and ``n = n0 + n1``.
  Undefined when nobody marked anything (or everybody marked everything). This is the
  coincidence form Krippendorff gives for unitized text (the binary ``|uα`` that ATLAS.ti
  reports per code), computed character by character.
"""

from __future__ import annotations

from collections.abc import Mapping


def cohen_kappa(both: int, only_a: int, only_b: int, neither: int) -> float | None:
    n = both + only_a + only_b + neither
    if n <= 0:
        return None
    pa, pb = (both + only_a) / n, (both + only_b) / n
    po = (both + neither) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    if pe >= 1:
        return None
    return (po - pe) / (1 - pe)


def binary_alpha(units: Mapping[tuple[int, int], int]) -> float | None:
    """Krippendorff's alpha from ``{(m, k): characters}``: units judged by ``m`` people of
    whom ``k`` marked them (see the module doc)."""
    n1 = n0 = 0.0
    o01 = 0.0
    for (m, k), w in units.items():
        if m < 2 or w <= 0:
            continue
        n1 += k * w
        n0 += (m - k) * w
        o01 += w * k * (m - k) / (m - 1)
    n = n0 + n1
    if n0 <= 0 or n1 <= 0:
        return None
    return 1 - (n - 1) * o01 / (n0 * n1)


def percent_agreement(units: Mapping[tuple[int, int], int]) -> float | None:
    """The share of pairable characters on which everyone agreed (all marked it, or none)."""
    agree = total = 0
    for (m, k), w in units.items():
        if m < 2:
            continue
        total += w
        if k in (0, m):
            agree += w
    return agree / total if total else None
