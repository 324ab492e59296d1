"""The terms of our W3C Web Annotation files: the JSON-LD context and our vocabulary
prefix, the format version, the IRIs we mint, limits and value patterns. Reading is
:mod:`reader.annotations.w3c_read` (its fast path :mod:`reader.annotations.w3c_fast`, the
helpers it shares with the other readers :mod:`reader.annotations.w3c`), writing
:mod:`reader.annotations.w3c_write`; replies and links :mod:`reader.annotations.w3c_remarks`."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from reader.model.annotations import TextQuote

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
VOCAB = "urn:policy-reader:vocab:"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"pr": VOCAB}]
#: The newest file format this version reads and writes. Version 2 adds replies and links
#: (motivations ``replying`` and ``linking``); a file without any is written as version 1
#: (:data:`PLAIN_VERSION`), which older versions of Policy Reader read and write as before.
#: They treat a version 2 file as newer: they show what they can and never write over it,
#: so an older version can never turn your replies into odd highlights.
FORMAT_VERSION = 2
PLAIN_VERSION = 1
REMARK_MOTIVATIONS = frozenset({"replying", "linking"})
#: The most themes (tags) one highlight may carry: more are refused with a clear message
#: (20,000 tags on one highlight once made a brief of 100 MB).
MAX_THEMES = 100
AUTHOR_IRI = "urn:policy-reader:author:"
COLLECTION_IRI = "urn:policy-reader:annotations:"
THEME_IRI = "urn:policy-reader:theme:"
DOC_IRI = "urn:sha256:"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
HEX64_RE = re.compile(r"^[0-9a-f]{64}$")
HEX64_TAIL = re.compile(r"[0-9a-f]{64}\Z")
NO_QUOTE = TextQuote("")
