"""One exception tree. Every message is written for a person, not a programmer.

The CLI prints ``str(error)`` and exits 1 (2 for :class:`UsageError`); the GUI shows it
through one function. Anything that is not a ``ReaderError`` is a bug and is logged with
its traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def full_stop(text: str) -> str:
    """``text`` with one full stop at its end where pieces joined gave two ("needs a
    password.." from a reason that ends with one and a sentence that adds one); an
    ellipsis stays."""
    if text.endswith("..") and not text.endswith("..."):
        return text[:-1]
    return text


class ReaderError(Exception):
    """Base of every error Policy Reader expects and explains.

    ``message`` says what went wrong; ``hint`` (optional) says what the person can do.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        message, hint = full_stop(message), full_stop(hint)
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip() if self.hint else self.message


class UsageError(ReaderError):
    """The command line or a request was malformed (CLI exit code 2)."""


class Cancelled(ReaderError):
    """The person cancelled a long operation."""

    def __init__(self, message: str = "Cancelled.", hint: str = "") -> None:
        super().__init__(message, hint)


class SettingsError(ReaderError):
    """A settings file could not be read or written."""


class StorageError(ReaderError):
    """A file could not be written (disk full, read-only folder, permissions)."""


class SpecialFile(ReaderError, OSError):
    """A path names a pipe, socket, device or folder where a file was expected. It is never
    opened (opening a pipe would wait forever). Also an ``OSError``, so code that reports an
    unreadable file reports this one the same way."""


class FileBusy(StorageError):
    """Another window or command held a file's lock for too long."""


class WorkspaceError(ReaderError):
    """The workspace folder is missing, unreadable or not a folder."""


class WorkspaceMissing(WorkspaceError):
    """The workspace folder does not exist (a front end may offer to create it)."""

    def __init__(self, path: Path, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.path = path


class DocumentError(ReaderError):
    """A document could not be read. Subclasses name the reason."""


class DocumentNotFound(DocumentError):
    """No document matches the given id prefix or path."""


class UnsupportedFormat(DocumentError):
    """The file type is not one Policy Reader reads."""


class DamagedFile(DocumentError):
    """The file is broken, truncated, or not what its name says."""


class PasswordRequired(DocumentError):
    """The PDF is encrypted and needs a password."""


class WrongPassword(PasswordRequired):
    """The password given for an encrypted PDF does not open it."""

    REASON = "the password is not right"


class FileTooLarge(DocumentError):
    """The file is bigger than the configured limit."""


class ExtractionTimeout(DocumentError):
    """Extraction took longer than the wall-clock limit and was stopped."""


class ExtractionMemory(DocumentError):
    """Extraction needed more memory than the cap and was stopped."""


class ExtractorNotInstalled(ReaderError):
    """A library an extractor needs is missing or broken: an install problem, not a problem
    of the document (never cached as the document's status; fixed by reinstalling)."""


class QueryError(ReaderError):
    """A search query could not be understood at all."""


class SearchIndexError(ReaderError):
    """The search index is busy, damaged, or being rebuilt."""


REBUILD_HINT = ("It is rebuilt on its own; if this keeps happening, run "
                "'policy-reader index --rebuild'.")


class IndexBusy(SearchIndexError):
    """Another program (or window) is writing this index."""


class IndexDamaged(SearchIndexError):
    """The index's files are damaged or missing (not a bug: it is rebuilt)."""


class IndexNotSaved(SearchIndexError):
    """A write to the index failed (a full disk, a read-only folder). Nothing of that write
    is kept; the index stays as it was before it and is verified again when next opened."""


class AnnotationError(ReaderError):
    """An annotation could not be created, changed or placed."""


class AnnotationFileError(AnnotationError):
    """An annotation file is damaged, of the wrong shape, or foreign."""


class ReadOnlyAnnotation(AnnotationError):
    """Someone else's annotation cannot be edited (copy it into your own file instead)."""


class ThemeError(ReaderError):
    """A theme operation is not possible (unknown id, a cycle, a duplicate)."""


class ExportError(ReaderError):
    """A brief or export could not be written."""


class NothingToExport(ExportError):
    """No highlight matched the filters."""


class CompareError(ReaderError):
    """A comparison cannot be laid out (too few or too many documents or themes)."""
