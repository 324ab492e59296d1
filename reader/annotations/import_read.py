"""Reading and checking a file to import, completely, before anything is planned or
written: a colleague's Policy Reader file, your own file from another computer, another
W3C Web Annotation file, or a Hypothesis export. A broken file gets one sentence saying
what is wrong (``AnnotationFileError``); so does an import larger than
:data:`MAX_IMPORT_HIGHLIGHTS` (a 140,000-row export would make your own file larger than
others can read)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader import safe_files
from reader.annotations import codec, hypothesis
from reader.annotations.codec import HYPOTHESIS, OURS, open_container
from reader.annotations.files import read_file
from reader.annotations.identity import AUTHOR_ID_RE
from reader.annotations.w3c import ItemError
from reader.annotations.w3c_read import decode_record
from reader.errors import AnnotationFileError, ReaderError
from reader.jsonio import read_json
from reader.model.annotations import Author, Highlight, now_utc
from reader.model.remarks import Record, Remark, split_records

#: The most highlights one import may bring (all its files together).
MAX_IMPORT_HIGHLIGHTS = 50_000


@dataclass
class Prepared:
    """A validated import file, not yet applied."""

    path: Path
    kind: str  # "colleague" | "mine" | "foreign"
    source_kind: str  # policy-reader | w3c | hypothesis
    author: Author | None = None
    highlights: list[Highlight] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)  # replies and links
    own_theme_ids: set[str] = field(default_factory=set)  # highlight ids carrying our ids
    titles: dict[str, str] = field(default_factory=dict)
    replies: int = 0
    raw: bytes = b""


def prepare(path: Path, me: Author) -> Prepared:
    """Read and validate ``path`` completely; ``AnnotationFileError`` says what is wrong."""
    path = Path(path)
    name = path.name
    try:
        data = read_json(path, max_bytes=codec.MAX_FILE_BYTES, what="annotation file")
    except ReaderError as exc:
        raise AnnotationFileError(str(exc)) from exc
    container = open_container(data, name)
    if container.kind == HYPOTHESIS:
        read = hypothesis.decode(container.items)
        reject_errors(name, read.errors)
        if not read.highlights and not read.remarks:
            raise AnnotationFileError(f"{name} holds no highlights to import.")
        check_count(name, len(read.highlights) + len(read.remarks))
        return Prepared(path, "foreign", HYPOTHESIS, None, read.highlights, read.remarks,
                        read.own_themes, read.titles, read.replies)
    check_count(name, len(container.items))
    creator = container.creator
    is_author_file = (container.kind == OURS and creator is not None
                      and bool(AUTHOR_ID_RE.match(creator.id)))
    if is_author_file and creator is not None and creator.id != me.id:
        fr = read_file(path, creator.id, False)
        if fr.damaged or fr.too_large:
            raise AnnotationFileError(fr.problems[0] if fr.problems else f"{name} is damaged.")
        if fr.unreadable and not fr.newer:
            raise AnnotationFileError(fr.problems[0])
        return Prepared(path, "colleague", OURS, fr.author, fr.highlights, fr.remarks,
                        raw=safe_files.read_bytes(path))
    if container.newer:
        raise AnnotationFileError(f"{name} was written by a newer version of Policy Reader.",
                                  "Update Policy Reader to import it.")
    errors: list[str] = []
    found: list[Record] = []
    for i, item in enumerate(container.items):
        try:
            found.append(decode_record(item, author=me if is_author_file else None,
                                       default_time=now_utc()))
        except ItemError as exc:
            errors.append(f"annotation {i + 1}: {exc}")
    reject_errors(name, errors)
    if not found:
        raise AnnotationFileError(f"{name} holds no annotations.")
    highlights, remarks = split_records(found)
    own = {h.id for h in highlights} if container.kind == OURS else set()
    return Prepared(path, "mine" if is_author_file else "foreign", container.kind, creator,
                    highlights, remarks, own)


def reject_errors(name: str, errors: Sequence[str]) -> None:
    if errors:
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        raise AnnotationFileError(f"{name} cannot be imported: {'; '.join(errors[:3])}{more}.",
                                  "Nothing was imported.")


def check_count(name: str, count: int, limit: int | None = None) -> None:
    """``AnnotationFileError`` when ``count`` highlights are more than one import takes."""
    limit = MAX_IMPORT_HIGHLIGHTS if limit is None else limit
    if count > limit:
        raise AnnotationFileError(
            f"{name} holds {count:,} annotations; one import takes at most {limit:,} (your "
            "own file must stay small enough for everyone's Policy Reader to read). "
            "Nothing was imported.",
            "Export fewer at a time (for example one group or one document each).")
