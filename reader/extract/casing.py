"""Capitals to title case, as names and captions are written in prose."""

from __future__ import annotations

import re

SMALL = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "v.", "vs.", "by", "or",
         "as", "with", "from", "into", "upon"}


def _word(w: str) -> str:
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", w):  # "U.S.", "D.C."
        return w.upper()
    w = w.lower()
    w = w[:1].upper() + w[1:]
    w = re.sub(r"(?<=[-'’(/])([a-z])", lambda m: m.group(1).upper(), w)
    w = re.sub(r"^(Mc)([a-z])", lambda m: m.group(1) + m.group(2).upper(), w)
    return re.sub(r"(['’])S\b", r"\1s", w)


def title_case(s: str) -> str:
    """``"COMMONWEALTH OF PENNSYLVANIA v. JOHN DOE"`` → ``"Commonwealth of Pennsylvania v.
    John Doe"``; text that is not all capitals is returned unchanged."""
    if not re.sub(r"\bvs?\.", "", s).isupper():
        return s
    words = s.split(" ")
    return " ".join(w.lower() if (i and w.lower() in SMALL) else _word(w)
                    for i, w in enumerate(words))


def name_case(s: str) -> str:
    """A name in capitals ("VÉLEZ-RIVERA", "MCALLISTER", "O'NEIL") in title case; a name
    already in mixed case is kept."""
    return title_case(s) if s.isupper() else s
