"""A brief made of quotes from a few documents (the citation tests of statutes and
legislative XML): the files copied into a fresh workspace, each quote highlighted by its
words, the brief built."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from reader.export import BriefOptions
from reader.export.model import Brief
from reader.ops.brief import gather_inputs
from reader.ops.library import refresh
from reader.workspace import Workspace

Extra = tuple[str, str, str, int]  # key, file name, words to find, length to highlight


def quoted_brief(factory: pytest.TempPathFactory, extract_cache: Path, title: str,
                 files: Iterable[Path], quotes: Mapping[str, tuple[str, str]],
                 extra: Iterable[Extra] = ()) -> tuple[Brief, dict[str, str]]:
    """The brief, and the highlight id of each quote: ``quotes`` maps a key to (the file's
    name, the words quoted); ``extra`` highlights ``length`` characters from ``words``."""
    root = factory.mktemp("quoted-brief") / "ws"
    root.mkdir()
    for path in files:
        shutil.copy(path, root / path.name)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POLICY_READER_HOME", str(factory.mktemp("home")))
        mp.setenv("POLICY_READER_EXTRACT_CACHE", str(extract_cache))
        ws = Workspace.open(root)
        refresh(ws, index=False)
        library, store = ws.library(), ws.annotations()
        store.set_author_name("Tester")
        wanted = [(key, name, words, len(words)) for key, (name, words) in quotes.items()]
        ids = {}
        for key, name, words, length in [*wanted, *extra]:
            doc = library.find(Path(name).name)
            start = library.text(doc.id).text.index(words)
            ids[key] = store.create(doc.id, start, start + length).id
        store.save()
        return gather_inputs(ws).build(BriefOptions(title=title)), ids
