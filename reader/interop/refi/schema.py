"""Parsing and validating QDA-XML: entities off, no network, the published XSDs.

``schema/Project.xsd`` is the REFI-QDA standard's own file (QDA-XML 1.0, 18 March 2019,
MIT licence, in its header). ``schema/Codebook.xsd`` is the standard's codebook schema
re-typed from its documentation (the circulating copy does not parse; see its header).
Both ship as package data and are read through :mod:`importlib.resources`.
"""

from __future__ import annotations

import functools
from importlib import resources

from lxml import etree

from reader.errors import AnnotationFileError

MAX_XML = 512 * 1024**2
MAX_ERRORS = 5


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=False)


@functools.cache
def schema(kind: str) -> etree.XMLSchema:
    """The XSD for ``kind`` (``"project"`` or ``"codebook"``)."""
    name = {"project": "Project.xsd", "codebook": "Codebook.xsd"}[kind]
    data = resources.files("reader.interop.refi").joinpath("schema", name).read_bytes()
    return etree.XMLSchema(etree.fromstring(data, _parser()))


def parse(data: bytes, what: str) -> etree._Element:
    """The root element of ``data``; :class:`AnnotationFileError` says where it breaks."""
    if len(data) > MAX_XML:
        raise AnnotationFileError(f"{what} is larger than {MAX_XML // 1024**2} MB; it is "
                                  "not read.")
    if b"<!ENTITY" in data[:65536]:
        raise AnnotationFileError(f"{what} declares XML entities, which are not read "
                                  "(they can hide a very large or external file).",
                                  "Nothing was imported.")
    try:
        return etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise AnnotationFileError(f"{what} is not well-formed XML: {exc.msg} (line "
                                  f"{exc.lineno}).", "Nothing was imported.") from exc


def validate(root: etree._Element, kind: str, what: str) -> None:
    """Raise :class:`AnnotationFileError` listing the first problems (line and message)."""
    xsd = schema(kind)
    if xsd.validate(root):
        return
    errors = [f"line {e.line}: {_tidy(e.message)}" for e in list(xsd.error_log)[:MAX_ERRORS]]
    more = len(xsd.error_log) - len(errors)
    raise AnnotationFileError(
        f"{what} does not follow the REFI-QDA {kind} schema: " + "; ".join(errors)
        + (f" (and {more} more)" if more > 0 else "") + ".", "Nothing was imported.")


def _tidy(message: str) -> str:
    for ns in ("{urn:QDA-XML:project:1.0}", "{urn:QDA-XML:codebook:1.0}"):
        message = message.replace(ns, "")
    return message.rstrip(".")


def problems(data: bytes, kind: str) -> list[str]:
    """Schema problems of ``data`` (empty when it validates): for tests and checks."""
    root = etree.fromstring(data, _parser())
    xsd = schema(kind)
    xsd.validate(root)
    return [f"line {e.line}: {_tidy(e.message)}" for e in xsd.error_log]
