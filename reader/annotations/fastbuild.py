"""Building frozen dataclass instances without their generated ``__init__``.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; with
17 fields that is most of the cost of reading 50,000 highlights. On the hot paths (reading
our own files, anchoring) the instance dictionary is filled directly instead. The caller
gives every field; :func:`check` (run by the tests) proves the results equal the normal
constructor's.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import TYPE_CHECKING, Any, TypeVar

from reader.gcpause import paused_gc

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["build", "check", "defaults", "paused_gc"]

T = TypeVar("T", bound="DataclassInstance")


def build(cls: type[T], values: dict[str, Any]) -> T:
    """An instance of the frozen dataclass ``cls`` with exactly ``values`` as its fields."""
    obj = object.__new__(cls)
    obj.__dict__.update(values)
    return obj


def defaults(cls: type) -> dict[str, Any]:
    """The fields of ``cls`` that have a plain default, with it."""
    return {f.name: f.default for f in fields(cls) if f.default is not MISSING}


def check(cls: type[T], values: dict[str, Any]) -> bool:
    """Whether ``build(cls, values)`` gives every field and equals ``cls(**values)``."""
    names = {f.name for f in fields(cls)}
    return set(values) == names and build(cls, values) == cls(**values)
