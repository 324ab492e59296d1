"""The library's operations: read the workspace's files and index them (one path for
``policy-reader add``/``index``, File → Import, drag and drop, Open File and the start-up
refresh), metadata corrections, and the document look-ups the front ends need.

Reading then indexing: new and changed files are read in worker processes and published in
batches, then the index is brought up to date (new, changed and removed documents, changed
highlights). With ``index_as_read`` each batch is also indexed as it lands, so a large
import becomes searchable before it ends (the command line does; it costs more commits, so
the app, which shows the documents as they arrive, does not). A rebuild re-reads every file
and rebuilds the index in one writer instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from reader.errors import DocumentNotFound, WorkspaceError
from reader.extract.registry import FORMATS
from reader.model.changes import ALL, ChangeSet, Outcome
from reader.model.documents import DocText, Document, LibraryChanges
from reader.paths import corpus_dir
from reader.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from reader.workspace import Workspace

Batch = Callable[[LibraryChanges], None]

#: The file name endings the library reads (for file dialogs).
SUFFIXES: tuple[str, ...] = tuple(FORMATS)

#: What reading the library changes: the document list (and with it the highlight counts
#: and placements) and, when indexed, the search index.
READ = ChangeSet(documents=frozenset({ALL}))
READ_AND_INDEXED = ChangeSet(documents=frozenset({ALL}), index=True)


def refresh(ws: Workspace, *, rebuild: bool = False, index: bool = True,
            index_as_read: bool = False, progress: ProgressFn = no_progress,
            cancel: CancelToken = NEVER_CANCELLED,
            on_batch: Batch | None = None) -> Outcome[LibraryChanges]:
    """Bring the library (and, with ``index``, the search index) up to date. ``on_batch``
    hears of each batch of documents read (after it is indexed, with ``index_as_read``)."""
    library = ws.library()
    changes = library.update(progress=progress, cancel=cancel, rebuild=rebuild,
                             on_batch=_batches(ws, index and index_as_read and not rebuild,
                                               on_batch))
    if index:
        _update_index(ws, rebuild=rebuild, progress=progress, cancel=cancel)
    return Outcome(changes, READ_AND_INDEXED if index else READ)


def import_files(ws: Workspace, paths: Iterable[str | Path], *, subdir: str = "",
                 index_as_read: bool = False, progress: ProgressFn = no_progress,
                 cancel: CancelToken = NEVER_CANCELLED,
                 on_batch: Batch | None = None) -> Outcome[LibraryChanges]:
    """Copy files or folders into the workspace (into ``subdir``), read and index them."""
    changes = ws.library().add_files([Path(p) for p in paths], subdir=subdir,
                                     progress=progress, cancel=cancel,
                                     on_batch=_batches(ws, index_as_read, on_batch))
    _update_index(ws, progress=progress, cancel=cancel)
    return Outcome(changes, READ_AND_INDEXED)


def sample_folders() -> list[Path]:
    """The bundled sample documents' folders (memos, statutes, opinions, articles,
    reports); empty when this copy of the app has none."""
    source = corpus_dir()
    if not source.is_dir():
        return []
    return sorted(p for p in source.iterdir()
                  if not p.name.startswith((".", "_")) and (p.is_dir() or p.is_file()))


def add_samples(ws: Workspace, *, index_as_read: bool = False,
                progress: ProgressFn = no_progress, cancel: CancelToken = NEVER_CANCELLED,
                on_batch: Batch | None = None) -> Outcome[LibraryChanges]:
    """Copy the bundled sample documents (fictional memos, statutes, opinions, articles
    and a report) into the workspace, read and index them: what an empty workspace offers
    to try the app. Samples already there are not copied again."""
    folders = sample_folders()
    if not folders:
        raise WorkspaceError("This copy of Policy Reader has no sample documents.",
                             "Import your own files instead.")
    return import_files(ws, folders, index_as_read=index_as_read, progress=progress,
                        cancel=cancel, on_batch=on_batch)


def open_file(ws: Workspace, path: str | Path, *, progress: ProgressFn = no_progress,
              cancel: CancelToken = NEVER_CANCELLED,
              on_batch: Batch | None = None) -> Outcome[Document]:
    """The document for a file: already in the library, or read now (a file inside the
    workspace), or imported first (a file from elsewhere)."""
    from reader.documents.scan import file_hash

    target = Path(path).expanduser().resolve()
    if not target.is_file():
        raise DocumentNotFound(f"There is no file {target}.",
                               "Check the path, or give a document id.")
    digest = file_hash(target)
    library = ws.library()
    try:
        return Outcome(library.get(digest))
    except DocumentNotFound:
        pass
    if target.is_relative_to(ws.root):
        changes = refresh(ws, progress=progress, cancel=cancel, on_batch=on_batch).changes
    else:
        changes = import_files(ws, [target], progress=progress, cancel=cancel,
                               on_batch=on_batch).changes
    return Outcome(library.get(digest), changes)


def set_metadata(ws: Workspace, doc_id: str, **fields: str) -> Outcome[Document]:
    """Correct a document's metadata for the whole group (``documents.json``)."""
    doc = ws.library().set_meta(doc_id, **fields)
    return Outcome(doc, ChangeSet(documents=frozenset({doc.id})))


# -- look-ups --------------------------------------------------------------------------------
def documents(ws: Workspace) -> tuple[Document, ...]:
    return ws.library().documents()


def find_document(ws: Workspace, ref: str) -> Document:
    """A document by id, id prefix or path (``DocumentNotFound`` with a hint)."""
    return ws.library().find(ref)


def document_text(ws: Workspace, doc_id: str) -> DocText:
    return ws.library().text(doc_id)


def untold_problems(ws: Workspace) -> list[str]:
    """Problems of the library that no output has said yet (a damaged ``documents.json``,
    values left out of it, a cache that cannot be saved); none when it was never loaded."""
    found = ws.library_if_open()
    return found.untold_problems() if found is not None else []


# -- indexing --------------------------------------------------------------------------------
def _batches(ws: Workspace, index: bool, then: Batch | None) -> Batch | None:
    if not index:
        return then
    search = ws.search()

    def batch(changes: LibraryChanges) -> None:
        search.index_documents(changes.touched)
        if then is not None:
            then(changes)

    return batch


def _update_index(ws: Workspace, *, rebuild: bool = False, progress: ProgressFn = no_progress,
                  cancel: CancelToken = NEVER_CANCELLED) -> None:
    search = ws.search()
    if rebuild:
        search.rebuild(progress=progress, cancel=cancel)
    else:
        search.update(progress=progress, cancel=cancel)
