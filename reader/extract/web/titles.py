"""Headlines without the site's name.

A page's ``<title>`` (and often its og:title) adds the site: "… - The Daily Ledger",
"… | Politics | The Clarion", "Opinion | …", "…：東都新聞デジタル", "… - Zpravodaj.cz",
"… - CJ" (the initials of "The Commerce Journal"). :func:`strip_site` takes those off;
a title that is only the site's name leaves nothing.
"""

from __future__ import annotations

import re

from reader.extract.web.names import fold

_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", "：", " : ", " » ")
_DOMAIN_RE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
_GENERIC = {"online", "news", "digital", "com", "live", "newspaper", "magazine", "edition",
            "the", "daily", "デジタル", "新聞"}
_SECTION_PREFIX_RE = re.compile(r"^(?:opinion|analysis|editorial|commentary|live|watch|"
                                r"video|photos|review|exclusive|breaking|názor|komentář)$",
                                re.IGNORECASE)


def site_keys(names: list[str], url: str = "") -> set[str]:
    """The forms a site's name takes in titles: the name with and without "The", its
    initials ("CJ", "TCJ"), its last word ("Herald"), and the host name's main part."""
    keys: set[str] = set()
    for name in names:
        key = fold(name)
        if not key:
            continue
        keys.add(key)
        keys.add(re.sub(r"^the ", "", key))
        words = [w for w in key.split() if w not in ("the", "of", "and")]
        if len(words) >= 2:
            keys.add("".join(w[0] for w in words))
            keys.add("".join(w[0] for w in key.split() if w not in ("of", "and")))
        keys.add(key.replace(" ", ""))
        if len(key.split()) >= 2 and len(key.split()[-1]) >= 4:
            keys.add(key.split()[-1])  # "… | Herald" for "The Harbor Herald"
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).split("/")[0]
    if host:
        keys.add(host.split(".")[0])
    keys.discard("")
    return keys


def _is_site(segment: str, keys: set[str]) -> bool:
    key = fold(segment)
    if not key:
        return True
    if key in keys or key.replace(" ", "") in keys or _DOMAIN_RE.match(segment.strip()):
        return True
    # "Daily Bulletin Online", "NBS News": a site key plus one generic word
    for k in keys:
        if len(k) > 3 and key.startswith(k + " ") and key[len(k) + 1:] in _GENERIC:
            return True
        if len(k) > 3 and key.endswith(" " + k) and key[:-len(k) - 1] in _GENERIC:
            return True
    return False


def _split_last(title: str) -> tuple[str, str, str] | None:
    best = None
    for sep in _SEPARATORS:
        i = title.rfind(sep)
        if i > 0 and (best is None or i > best[0]):
            best = (i, sep)
    if best is None:
        return None
    i, sep = best
    return title[:i], sep, title[i + len(sep):]


def _split_first(title: str) -> tuple[str, str, str] | None:
    best = None
    for sep in _SEPARATORS:
        i = title.find(sep)
        if i > 0 and (best is None or i < best[0]):
            best = (i, sep)
    if best is None:
        return None
    i, sep = best
    return title[:i], sep, title[i + len(sep):]


def strip_site(title: str, keys: set[str]) -> str:
    """``title`` without the site's name (and a section name next to it) at either end;
    "" when the title is only the site's name."""
    title = " ".join((title or "").split())
    if not title or _is_site(title, keys):
        return ""
    stripped_end = False
    while (parts := _split_last(title)) and _is_site(parts[2], keys):
        title, stripped_end = parts[0].strip(), True
    if stripped_end and (parts := _split_last(title)) and parts[1] == " | " \
            and len(parts[2].split()) <= 3 and len(parts[0].split()) >= 3:
        title = parts[0].strip()  # "… | Politics" after "| The Clarion" went
    while (parts := _split_first(title)) and _is_site(parts[0], keys):
        title = parts[2].strip()
    parts = _split_first(title)
    if parts and parts[1] in (" | ", ": ", " : ") and _SECTION_PREFIX_RE.match(parts[0]):
        title = parts[2].strip()  # "Opinion | …"
    return title
