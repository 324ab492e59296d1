"""Parsing untrusted XML safely.

lxml is told never to fetch or expand anything: no network, no DTD loading, no entity
substitution, no huge-tree mode (libxml2's limits on text node size and nesting depth stay
on), and XInclude is never processed. A document type declaration that *declares* entities
(the way XXE and "billion laughs" attacks work) is refused outright rather than read with
the entities left out; a DOCTYPE that only names an external DTD is read, the DTD ignored.
Files are read in the extraction worker pool (time and memory caps) like every other
untrusted file.
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path

import lxml.etree as etree

from reader.errors import DamagedFile, UnsupportedFormat
from reader.extract.encoding import read_limited

log = logging.getLogger(__name__)

#: A U.S. Code title in USLM runs to ~40 MB (Title 42 is the largest, about 100 MB).
MAX_XML_BYTES = 128 * 1024 * 1024


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=True,
                           remove_pis=True)


def parse_xml(path: Path, *, limit: int = MAX_XML_BYTES) -> tuple[etree._Element, list[str]]:
    """The root element of ``path`` and warnings for the log. Raises ``FileTooLarge``,
    ``DamagedFile`` (not well-formed) or ``UnsupportedFormat`` (entity declarations)."""
    path = Path(path)
    data = read_limited(path, limit=limit, kind="XML file")
    return parse_bytes(data, path.name)


_ENTITY_RE = re.compile(rb"<!ENTITY\s+(?:%\s+)?([\w.:-]+)")


def _refuse_entities(name: str, declared: list[str]) -> UnsupportedFormat:
    names = ", ".join(declared[:3]) + ("…" if len(declared) > 3 else "")
    detail = f" ({names})" if names else ""
    return UnsupportedFormat(
        f"{name}: declares XML entities in its DOCTYPE{detail}; such files are not read, "
        "because entities can read other files or expand without limit.")


def _declared_entities(data: bytes) -> list[str] | None:
    """The entity names a DOCTYPE declares, found before parsing (``None``: no DOCTYPE).
    UTF-16 files are looked at decoded."""
    probe = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        probe = data.decode("utf-16", "ignore").encode("utf-8")
    if b"<!DOCTYPE" not in probe[:65536]:
        return None
    return [m.group(1).decode("utf-8", "replace") for m in _ENTITY_RE.finditer(probe)]


def parse_bytes(data: bytes, name: str) -> tuple[etree._Element, list[str]]:
    if not data.strip():
        raise DamagedFile(f"{name} is empty.")
    declared = _declared_entities(data)
    if declared:  # refused before libxml2 even sees the declarations
        raise _refuse_entities(name, declared)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line = f" (line {exc.lineno})" if getattr(exc, "lineno", 0) else ""
        msg = str(exc.msg if hasattr(exc, "msg") else exc).split(", line")[0]
        raise DamagedFile(f"{name} is not well-formed XML{line}: {msg}.") from None
    except ValueError as exc:  # e.g. a declared encoding lxml does not know
        raise DamagedFile(f"{name} cannot be read as XML: {exc}.") from None
    if root is None:
        raise DamagedFile(f"{name} has no XML content.")
    tree = root.getroottree()
    warnings = []
    dtd = tree.docinfo.internalDTD
    declared = [e.name for e in dtd.iterentities()] if dtd is not None else []
    if declared or next(root.iter(etree.Entity), None) is not None:
        raise _refuse_entities(name, declared)
    if tree.docinfo.doctype:
        url = tree.docinfo.system_url or ""
        named = f" ({url})" if url else ""
        warnings.append(f"{name}: the DTD its DOCTYPE names{named} was not loaded")
    return root, warnings


@functools.lru_cache(maxsize=2048)
def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def local(el: etree._Element) -> str:
    """An element's name without its namespace ("" for comments and the like)."""
    tag = el.tag
    return _local_name(tag) if isinstance(tag, str) else ""


def namespace(el: etree._Element) -> str:
    tag = el.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""
