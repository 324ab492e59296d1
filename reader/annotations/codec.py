"""Recognising an annotation file's shape: our collection, another W3C variant, or a
Hypothesis export, and finding its annotation objects.

:func:`open_container` never raises for a wrong shape: it raises
:class:`~reader.errors.AnnotationFileError` with a sentence for a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.annotations.w3c import creator_author, type_names
from reader.annotations.w3c_terms import FORMAT_VERSION, VOCAB
from reader.errors import AnnotationFileError
from reader.model.annotations import Author

#: The largest annotation file read (a bigger one is reported, never read or written over).
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_PAGES = 10_000

OURS, W3C, HYPOTHESIS = "policy-reader", "w3c", "hypothesis"


@dataclass(frozen=True)
class Container:
    """What a file holds: its kind, our format version (``None`` when not ours), the
    collection's creator, and the raw annotation objects."""

    kind: str
    items: list[Any] = field(default_factory=list)
    version: int | None = None
    creator: Author | None = None
    label: str = ""

    @property
    def newer(self) -> bool:
        """Written by a newer version of Policy Reader (read what we can, never write)."""
        return self.version is not None and self.version > FORMAT_VERSION


def _is_hypothesis_item(obj: Any) -> bool:
    return isinstance(obj, dict) and ("uri" in obj or "user" in obj) and \
        isinstance(obj.get("target"), list)


def _version(obj: dict[str, Any]) -> int | None:
    raw = obj.get("pr:formatVersion", obj.get(VOCAB + "formatVersion"))
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return FORMAT_VERSION + 1  # something we do not understand: treat as newer
    try:
        return int(raw)
    except ValueError:
        return FORMAT_VERSION + 1


def _pages(first: Any, name: str) -> list[Any]:
    items: list[Any] = []
    page = first
    seen = 0
    while page is not None:
        if isinstance(page, str):
            raise AnnotationFileError(
                f"{name} is a W3C collection whose pages are stored elsewhere ({page[:60]}).",
                "Save the collection with its pages embedded, then try again.")
        if not isinstance(page, dict):
            raise AnnotationFileError(f"{name} has a collection page that is not an object.")
        got = page.get("items", [])
        if not isinstance(got, list):
            raise AnnotationFileError(f"{name} has a page whose 'items' is not a list.")
        items.extend(got)
        seen += 1
        if seen > MAX_PAGES:
            raise AnnotationFileError(f"{name} has too many pages.")
        page = page.get("next") if isinstance(page.get("next"), dict) else None
    return items


def open_container(data: Any, name: str = "The file") -> Container:
    """Find the annotations in parsed JSON ``data`` (see the module doc)."""
    if isinstance(data, list):
        if any(_is_hypothesis_item(x) for x in data[:20]):
            return Container(HYPOTHESIS, data)
        return Container(W3C, data)
    if not isinstance(data, dict):
        raise AnnotationFileError(f"{name} is not an annotation file (it holds a JSON "
                                  f"{type(data).__name__}, not an object or a list).")
    kinds = type_names(data)
    if "annotations" in data and isinstance(data["annotations"], list) and not kinds:
        return Container(HYPOTHESIS, data["annotations"],
                         label=str(data.get("export_userid") or ""))
    if "rows" in data and isinstance(data["rows"], list) and not kinds:
        return Container(HYPOTHESIS, data["rows"])
    version = _version(data)
    creator = creator_author(data.get("creator"))
    raw_label = data.get("label")
    label = raw_label if isinstance(raw_label, str) else ""
    kind = OURS if version is not None else W3C
    if "AnnotationCollection" in kinds or ("first" in data and not kinds):
        items = _pages(data.get("first"), name) if "first" in data else []
        if isinstance(data.get("items"), list):
            items.extend(data["items"])
        return Container(kind, items, version, creator, label)
    if "AnnotationPage" in kinds:
        return Container(kind, _pages(data, name), version, creator, label)
    if isinstance(data.get("@graph"), list):
        return Container(kind, data["@graph"], version, creator, label)
    if "Annotation" in kinds or "target" in data:
        if _is_hypothesis_item(data):
            return Container(HYPOTHESIS, [data])
        return Container(W3C, [data])
    if isinstance(data.get("items"), list):
        return Container(kind, data["items"], version, creator, label)
    keys = ", ".join(sorted(str(k) for k in data)[:5]) or "nothing"
    raise AnnotationFileError(
        f"{name} is not an annotation file: it is a JSON object with {keys}, but no "
        "annotations.", "Policy Reader reads W3C Web Annotation files and Hypothesis exports.")
