"""Who is annotating: a display name and a random id, kept in the user settings.

The id is created once, the first time it is needed, and never changes: it names the
person's annotation file in every workspace (``.policy-reader/annotations/<id>.json``).
The name can change at any time; the new name is written with the next save.

The default name is not the computer's login name (a shared file should not reveal it):
it is ``"Reader"`` followed by the first characters of the id, until the person picks one.
"""

from __future__ import annotations

import logging
import re
import secrets
import unicodedata

from reader.errors import ReaderError, UsageError
from reader.model.annotations import Author
from reader.settings import Settings

log = logging.getLogger(__name__)

ID_KEY = "author.id"
NAME_KEY = "author.name"
MAX_NAME = 80

#: What an author id may look like (it becomes a file name).
AUTHOR_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")


def new_author_id() -> str:
    """A random, file-name-safe author id (96 bits)."""
    return secrets.token_hex(12)


def default_name(author_id: str) -> str:
    return f"Reader {author_id[:4]}"


def clean_name(name: str) -> str:
    """A display name without control characters or surrounding space; ``UsageError`` when
    nothing is left or it is too long."""
    text = "".join(c for c in unicodedata.normalize("NFC", str(name))
                   if unicodedata.category(c)[0] != "C")
    text = " ".join(text.split())
    if not text:
        raise UsageError("A name cannot be empty.")
    if len(text) > MAX_NAME:
        raise UsageError(f"A name can have at most {MAX_NAME} characters.")
    return text


def _valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(AUTHOR_ID_RE.match(value))


def current_author(settings: Settings, problems: list[str] | None = None) -> Author:
    """This person's identity, creating (and saving) the id on first use. The id is made
    under the settings file's lock after re-reading it, so two commands starting at once
    on a fresh machine get the same id. If the settings cannot be saved, the new id is
    used for this session and the reason is added to ``problems``."""
    try:
        author_id = settings.setdefault(ID_KEY, new_author_id, _valid_id)
    except ReaderError as exc:
        log.warning("identity: %s", exc)
        if problems is not None:
            problems.append(f"Your annotator id could not be saved ({exc}); it is used "
                            "for this session only.")
        # Settings keeps the value in memory: the same id for the rest of this session
        author_id = settings.get(ID_KEY, "", type_=str)
        if not _valid_id(author_id):  # cannot happen: setdefault keeps what it made
            author_id = new_author_id()
    name = settings.get(NAME_KEY, "", type_=str)
    try:
        name = clean_name(name) if name else default_name(author_id)
    except UsageError:
        name = default_name(author_id)
    return Author(author_id, name)


def set_author_name(settings: Settings, name: str) -> Author:
    """Change the display name (the id stays)."""
    cleaned = clean_name(name)
    author = current_author(settings)
    settings.set(NAME_KEY, cleaned)
    return Author(author.id, cleaned)
