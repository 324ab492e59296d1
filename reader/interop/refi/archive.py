"""Reading a ``.qdpx`` archive safely: a zip holding ``project.qde`` and ``Sources/``.

Nothing is extracted to disk here: members are read into memory, one at a time, after the
whole archive's listing has been checked — sizes (the uncompressed total, each member,
and the compression ratio, so a zip bomb is refused before anything is inflated), member
count, and names (no absolute paths, no ``..``, no drive letters, no links). A member's
data is read with a hard cap, whatever its header claims. :func:`safe_target` is the one
place a member name becomes a path, always inside a given folder.
"""

from __future__ import annotations

import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reader.errors import AnnotationFileError

MAX_MEMBERS = 20_000
MAX_TOTAL = 2 * 1024**3  # 2 GiB uncompressed in all
MAX_MEMBER = 1024**3  # 1 GiB for one member
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR
RATIO_FLOOR = 1024**2
PROJECT_MEMBER = "project.qde"


@dataclass(frozen=True)
class Listing:
    """The checked members of an archive: ``{normalised name: ZipInfo}``."""

    path: Path
    members: dict[str, zipfile.ZipInfo]

    def find(self, name: str) -> str | None:
        """A member by name, ignoring case and a leading ``./`` (tools differ: ``Sources``
        or ``sources``)."""
        key = clean_name(name)
        if key is None:
            return None
        if key in self.members:
            return key
        folded = key.casefold()
        for m in self.members:
            if m.casefold() == folded:
                return m
        return None


def clean_name(name: str) -> str | None:
    """A member name as a relative POSIX path, or ``None`` when it could escape a folder
    (absolute, ``..``, a drive letter, a backslash path, NUL)."""
    if not name or "\x00" in name:
        return None
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = [p for p in PurePosixPath(name).parts if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts):
        return None
    return "/".join(parts)


def open_listing(path: Path) -> Listing:
    """Check ``path``'s zip listing; :class:`AnnotationFileError` names what is wrong."""
    name = Path(path).name
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError as exc:
        raise AnnotationFileError(f"{name} does not exist.") from exc
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise AnnotationFileError(f"{name} is not a REFI-QDA project: it is not a zip "
                                  "archive.", "A .qdpx file is a zip archive made by a "
                                  "qualitative-analysis tool (File → Export → REFI-QDA "
                                  "project).") from exc
    with zf:
        infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise AnnotationFileError(f"{name} holds {len(infos):,} files; at most "
                                  f"{MAX_MEMBERS:,} are read.")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        if info.is_dir():
            continue
        clean = clean_name(info.filename)
        if clean is None:
            raise AnnotationFileError(f"{name} is not safe to open: it holds a file named "
                                      f"'{info.filename}', which points outside the "
                                      "archive's folder.", "Nothing was imported.")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise AnnotationFileError(f"{name} is not safe to open: '{info.filename}' is a "
                                      "symbolic link.", "Nothing was imported.")
        if info.file_size > MAX_MEMBER:
            raise AnnotationFileError(f"{name}: '{clean}' would unpack to "
                                      f"{info.file_size / 1024**2:,.0f} MB; at most "
                                      f"{MAX_MEMBER // 1024**2:,} MB are read.")
        if (info.file_size > RATIO_FLOOR
                and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise AnnotationFileError(f"{name} is not safe to open: '{clean}' would unpack "
                                      f"from {info.compress_size:,} bytes to "
                                      f"{info.file_size:,} (a 'zip bomb').",
                                      "Nothing was imported.")
        total += info.file_size
        if total > MAX_TOTAL:
            raise AnnotationFileError(f"{name} would unpack to more than "
                                      f"{MAX_TOTAL // 1024**3} GB; it is not read.")
        members[clean] = info
    return Listing(Path(path), members)


def read_member(listing: Listing, member: str) -> bytes:
    """A member's bytes, never more than its checked size (a lying header is caught)."""
    info = listing.members[member]
    try:
        with zipfile.ZipFile(listing.path) as zf, zf.open(info) as fh:
            data = fh.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
        raise AnnotationFileError(f"{listing.path.name}: '{member}' cannot be read: "
                                  f"{exc}.") from exc
    if len(data) > info.file_size:
        raise AnnotationFileError(f"{listing.path.name}: '{member}' is larger than the "
                                  "archive says; it is not read.", "Nothing was imported.")
    return data


def safe_target(folder: Path, member: str) -> Path:
    """Where ``member`` goes inside ``folder``: never outside it."""
    clean = clean_name(member)
    if clean is None:
        raise AnnotationFileError(f"'{member}' points outside the import folder.")
    root = Path(folder).resolve()
    target = (root / clean).resolve()
    if not target.is_relative_to(root):
        raise AnnotationFileError(f"'{member}' points outside the import folder.")
    return target
