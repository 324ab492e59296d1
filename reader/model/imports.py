"""What an import did, file by file: plain frozen data every front end shows the same way
(the CLI prints :meth:`ImportSummary.lines`; the GUI puts :meth:`ImportSummary.headline` in
the status bar and the lines in a details list). Nothing is skipped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass

#: ``FileGroup.what`` values (a group's first words: "5 unsupported: …")
UNSUPPORTED = "unsupported"
NOT_A_DOCUMENT = "not documents Policy Reader reads"
NOT_FOUND = "not found"
NOT_COPIED = "not copied"
RENAMED = "copied under a readable name"
NO_TEXT = "without a text layer"
_ONE = {NOT_A_DOCUMENT: "not a document Policy Reader reads"}


@dataclass(frozen=True)
class FileGroup:
    """Files that ended the same way, for the same reason: ``what`` happened ("unsupported",
    "duplicates of documents already in the library", "damaged"), ``reason`` why ("XML
    vocabulary ‹rss› not known"; "" when ``what`` says it all), ``files`` which (the names
    the person gave, or workspace paths), and ``details`` one line per file where each has
    its own ("memo.txt is memos/memo.txt")."""

    what: str
    reason: str
    files: tuple[str, ...]
    details: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.files)

    @property
    def line(self) -> str:
        """``"5 unsupported: XML vocabulary ‹rss› not known"``."""
        what = _ONE.get(self.what, self.what) if self.count == 1 else self.what
        head = f"{self.count} {what}"
        return f"{head}: {self.reason}" if self.reason else head


@dataclass(frozen=True)
class AlreadyInLibrary:
    """A file named for import whose content the library already holds, so it was not
    copied again: the very file at its place, the same memo downloaded twice under another
    name, or a second file with the same bytes in one import. ``name`` is the file as the
    person named it; ``doc_id``, ``title`` and ``path`` the document it already is (all
    empty for a folder already inside the workspace, which the update reads in place)."""

    name: str
    doc_id: str = ""
    title: str = ""
    path: str = ""

    @property
    def line(self) -> str:
        """``memo (1).pdf: already in the library as “Declination of …” (memos/decl.pdf)``
        (the path when it is not the name given)."""
        where = f" ({self.path})" if self.path and self.path != self.name else ""
        if not self.title:
            return f"{self.name}: already in the workspace{where}"
        return f"{self.name}: already in the library as “{self.title}”{where}"


@dataclass(frozen=True)
class DuplicateSection:
    """A code section that more than one file claims (``"D.C. Code § 48-961.05"``)."""

    citation: str
    paths: tuple[str, ...]  # workspace-relative, in path order

    @property
    def message(self) -> str:
        first, others = self.paths[0], ", ".join(self.paths[1:])
        return f"{self.citation} is claimed by {len(self.paths)} files: {first} and {others}"


@dataclass(frozen=True)
class ImportSummary:
    """The end of one import. ``imported``: workspace paths of the new documents (readable,
    or kept with a note in ``notes``); ``already_present``: files not copied because their
    content is already a document, each with the document's title and path; ``skipped``:
    everything not imported, grouped by what happened and why; ``notes``: imported, but
    worth knowing (renamed, no text layer); ``claims``: code sections now claimed by two
    files, one of them imported."""

    imported: tuple[str, ...] = ()
    already_present: tuple[AlreadyInLibrary, ...] = ()
    skipped: tuple[FileGroup, ...] = ()
    notes: tuple[FileGroup, ...] = ()
    claims: tuple[DuplicateSection, ...] = ()

    @property
    def skipped_count(self) -> int:
        return sum(g.count for g in self.skipped)

    @property
    def nothing_imported(self) -> bool:
        return not self.imported

    @property
    def headline(self) -> str:
        """One line: ``"Imported 24 files; 2 already in the library; 7 skipped"``."""
        n = len(self.imported)
        parts = [f"Imported {n} file{'' if n == 1 else 's'}"]
        if self.already_present:
            parts.append(f"{len(self.already_present)} already in the library")
        if self.skipped:
            parts.append(f"{self.skipped_count} skipped")
        if self.claims:
            k = len(self.claims)
            parts.append(f"{k} section{'' if k == 1 else 's'} claimed twice")
        return "; ".join(parts)

    @property
    def already_line(self) -> str:
        """``"2 already in the library (not copied again)"``."""
        return f"{len(self.already_present)} already in the library (not copied again)"

    def lines(self, per_group: int = 10) -> list[str]:
        """The headline, then one line per group and per section claimed twice, each
        group's files indented under it (``per_group`` at most, then how many more)."""
        out = [self.headline]

        def files(items: tuple[str, ...]) -> None:
            out.extend(f"    {f}" for f in items[:per_group])
            if len(items) > per_group:
                out.append(f"    … and {len(items) - per_group} more")

        for group in (*self.skipped, *self.notes):
            out.append(f"  {group.line}")
            files(group.details or group.files)
        if self.already_present:
            out.append(f"  {self.already_line}")
            files(tuple(a.line for a in self.already_present))
        out.extend(f"  {c.message}" for c in self.claims)
        return out
