"""What an import did, file by file: plain frozen data every front end shows the same way
(the CLI prints :meth:`ImportSummary.lines`; the GUI puts :meth:`ImportSummary.headline` in
the status bar and the lines in a details list). Nothing is skipped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass

#: ``FileGroup.what`` values (a group's first words: "5 unsupported: …")
UNSUPPORTED = "unsupported"
DUPLICATE = "duplicates of documents already in the library"
NOT_A_DOCUMENT = "not documents Policy Reader reads"
NOT_FOUND = "not found"
NOT_COPIED = "not copied"
RENAMED = "copied under a readable name"
NO_TEXT = "without a text layer"
_ONE = {DUPLICATE: "duplicate of a document already in the library",
        NOT_A_DOCUMENT: "not a document Policy Reader reads"}


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
    or kept with a note in ``notes``); ``already_present``: files whose very copy is
    already at its place in the workspace; ``skipped``: everything not imported, grouped by
    what happened and why; ``notes``: imported, but worth knowing (renamed, no text
    layer); ``claims``: code sections now claimed by two files, one of them imported."""

    imported: tuple[str, ...] = ()
    already_present: tuple[str, ...] = ()
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
        """One line: ``"Imported 24 files; 2 already present; 7 skipped"``."""
        n = len(self.imported)
        parts = [f"Imported {n} file{'' if n == 1 else 's'}"]
        if self.already_present:
            parts.append(f"{len(self.already_present)} already present")
        if self.skipped:
            parts.append(f"{self.skipped_count} skipped")
        if self.claims:
            k = len(self.claims)
            parts.append(f"{k} section{'' if k == 1 else 's'} claimed twice")
        return "; ".join(parts)

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
            out.append(f"  {len(self.already_present)} already present (the same file is "
                       "already at that place in the workspace)")
            files(self.already_present)
        out.extend(f"  {c.message}" for c in self.claims)
        return out
