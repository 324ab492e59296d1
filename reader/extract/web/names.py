"""Authors and site names as a page gives them, cleaned the way a reader would cite them.

"By JANE DOE and SAM ROE | Staff writers" → ["Jane Doe", "Sam Roe"]; "Dr. Lorraine
Achterberg, Guest columnist" → ["Lorraine Achterberg"]; "GAVIN THORPE FOR DAILYBULLETIN.COM"
→ ["Gavin Thorpe"]. Placeholders a CMS fills in ("Username", "admin", "Staff", the site's
own name) are not authors; a user handle ("riverfan88") is not a name.
"""

from __future__ import annotations

import re
import unicodedata

_I = re.IGNORECASE
_PLACEHOLDERS = {
    "username", "user", "admin", "administrator", "staff", "editor", "editors", "webmaster",
    "web desk", "webdesk", "newsroom", "news desk", "online desk", "digital desk", "author",
    "guest", "anonymous", "unknown", "null", "none", "n a", "na", "the editors",
    "editorial staff", "editorial board", "the editorial board", "redakce", "redaktion",
    "rédaction", "redacción", "編集部", "staff reporter", "staff writer", "wire", "wires",
    "wire service", "wire services", "press release", "sponsored", "partner content",
}
_ROLE_WORDS = (r"correspondent|writer|reporter|editor|columnist|contributor|journalist|"
               r"producer|photographer|analyst|chief|bureau|desk|staff|team|newsroom|"
               r"redakce|redaktor|redaktorka|記者|編集部|specialist|presenter|host|intern")
_ROLE_PART_RE = re.compile(rf"^(?:[\w'’.-]+\s+){{0,4}}(?:{_ROLE_WORDS})s?\b.*$", _I)
_TRAILING_ROLE_RE = re.compile(
    r"\s+(?:(?:senior|chief|staff|contributing|special|guest|political|politics|home affairs|"
    r"health|legal|national|local|investigative|opinion|economics|business|science|"
    r"education|crime|courts?|justice|foreign|white house|washington|culture|arts|"
    r"technology|tech|climate|environment|features|sports?|deputy|associate|assistant|"
    r"managing|executive|news|data|visual|metro|state|statehouse|city|county|"
    rf"international|global|medical|social affairs)\s+)*(?:{_ROLE_WORDS})s?\b.*$", _I)
_PREFIX_RE = re.compile(r"^(?:(?:written|reporting|story|text|posted|words|analysis|"
                        r"published|compiled)\s+)?by:?\s+|^autor(?:ka)?:\s*|^文・", _I)
_NOT_AUTHOR_PART_RE = re.compile(r"^(?:photos?|photographs?|photography|pictures?|images?|"
                                 r"illustrations?|graphics?|video|additional reporting|"
                                 r"edited|editing)\b", _I)
#: "Valley Voice Staff", "Metro Desk": a group, not a person.
_COLLECTIVE_RE = re.compile(r"\b(?:staff|team|desk|newsroom|editors|reporters|wires?|"
                            r"services|redakce|redaktion)\.?$", _I)
_HONORIFIC_RE = re.compile(r"^(?:dr|mr|mrs|ms|mx|prof|professor|rev|sir|dame|judge|sen|rep)"
                           r"\.?\s+(?=\S+\s+\S)", _I)
_AFFILIATION_RE = re.compile(r"\s+(?:for|of|at|from)\s+(?:the\s+)?\S.*$", _I)
_SPLIT_RE = re.compile(r"\s*(?:;|,|&|\||•|·|\band\b|\bwith\b|、)\s*|"
                       r"(?-i:\s(?:a|y|et|und|e)\s)", _I)


def fold(text: str) -> str:
    """A comparison key: accents off, lower case, words only."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W_]+", plain.lower()))


def _looks_like_name(part: str) -> bool:
    first = part[:1]
    if not first.isalpha() or first.islower():
        return False
    words = part.split()
    if len(words) > 5 or any(re.search(r"\d|_|@|/", w) for w in words):
        return False
    return len(words) > 1 or not first.isascii() or len(part) > 2


def name_case(name: str) -> str:
    """"JUNE OKAFOR-BELL" → "June Okafor-Bell"; "O'NEILL" → "O'Neill"; mixed case kept."""
    if not (name.isupper() and sum(c.isalpha() for c in name) > 1):
        return name

    def word(w: str) -> str:
        out = w.lower().capitalize()
        out = re.sub(r"(?<=[-'’])([a-z])", lambda m: m.group(1).upper(), out)
        out = re.sub(r"^(Mc)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)
        return out

    return " ".join(word(w) for w in name.split())


def clean_author_names(raw: str, site_names: list[str] | None = None) -> list[str]:
    """The person names in one author string (a byline, a meta tag, a JSON-LD name)."""
    text = re.sub(r"\s+", " ", raw or "").strip()
    if not text or re.match(r"^(?:https?://|www\.)", text, _I):
        return []
    text = re.sub(r"\S+@\S+|\([^)]{0,40}\)|（[^）]{0,40}）", " ", text)
    text = re.split(r"\s+[—–-]\s+|\s*\b(?:Updated|Published|Posted on)\b", text)[0]
    sites = {re.sub(r"^the ", "", fold(s)) for s in site_names or [] if s}
    names: list[str] = []
    for part in _SPLIT_RE.split(_PREFIX_RE.sub("", text.strip())):
        part = _PREFIX_RE.sub("", part.strip(" .,:;"))
        if not part or _NOT_AUTHOR_PART_RE.match(part):
            continue
        if _COLLECTIVE_RE.search(part):
            continue
        part = _AFFILIATION_RE.sub("", part) if len(part.split()) > 2 else part
        part = _TRAILING_ROLE_RE.sub("", part) if len(part.split()) > 2 else part
        part = _HONORIFIC_RE.sub("", part).strip(" .,:;")
        key = fold(part)
        if (not key or key in _PLACEHOLDERS or re.sub(r"^the ", "", key) in sites
                or _ROLE_PART_RE.match(part) or not _looks_like_name(part)):
            continue
        names.append(name_case(part))
    return names


def unique_names(names: list[str]) -> list[str]:
    """Names once each (compared without case or accents), in order."""
    seen: set[str] = set()
    out = []
    for name in names:
        key = fold(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return out
