"""Which extractor reads which file, and the one entry point :func:`extract_file`.

Each format module exposes ``extract(path: Path) -> Extracted`` and raises
:class:`~reader.errors.DocumentError` subclasses for files it cannot read.
A format's ``version`` is part of the cache key: bump it when its output changes, and cached
text is re-extracted (and highlights re-anchored). ``METADATA_VERSION`` is part of every
key too: bump it when the metadata guesses change (documents are re-read, their text is
the same).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from reader.errors import UnsupportedFormat
from reader.extract.base import Extracted


@dataclass(frozen=True)
class FormatInfo:
    name: str
    module: str
    version: int
    isolated: bool  # run in a worker process with time and memory limits
    paged: bool


FORMATS: dict[str, FormatInfo] = {
    # 3: running heads out, printed page labels, paragraphs across pages, footnotes apart
    ".pdf": FormatInfo("pdf", "reader.extract.pdf", 3, isolated=True, paged=True),
    # 3: a legislature's section page is read as a statute (reader.extract.legal)
    ".html": FormatInfo("html", "reader.extract.html", 3, isolated=True, paged=False),
    ".htm": FormatInfo("html", "reader.extract.html", 3, isolated=True, paged=False),
    ".xhtml": FormatInfo("html", "reader.extract.html", 3, isolated=True, paged=False),
    ".md": FormatInfo("markdown", "reader.extract.markdown", 1, isolated=False, paged=False),
    ".markdown": FormatInfo("markdown", "reader.extract.markdown", 1, isolated=False,
                            paged=False),
    ".txt": FormatInfo("text", "reader.extract.text", 1, isolated=False, paged=False),
    ".text": FormatInfo("text", "reader.extract.text", 1, isolated=False, paged=False),
    ".docx": FormatInfo("docx", "reader.extract.docx", 1, isolated=True, paged=False),
    # legislative XML (D.C. Code, USLM, Akoma Ntoso): see reader.extract.legal
    ".xml": FormatInfo("xml", "reader.extract.legal.xml_file", 1, isolated=True, paged=False),
}

#: Files people commonly have that we recognise but cannot read (reported as unsupported).
KNOWN_UNSUPPORTED = {
    ".doc": "old Word .doc files are not supported; save it as .docx or PDF",
    ".wpd": "WordPerfect files are not supported; save it as .docx or PDF",
    ".rtf": "RTF files are not supported yet; save it as .docx or PDF",
    ".odt": "OpenDocument text is not supported yet; save it as .docx or PDF",
    ".pages": "Apple Pages files are not supported; export it as PDF",
    ".epub": "EPUB files are not supported yet",
}


def format_for(path: Path) -> FormatInfo | None:
    return FORMATS.get(Path(path).suffix.lower())


def is_candidate(path: Path) -> bool:
    """A file the library lists: a supported one, or a known-but-unsupported one."""
    suffix = Path(path).suffix.lower()
    return suffix in FORMATS or suffix in KNOWN_UNSUPPORTED


#: Version of the metadata read from documents (issue 10: from the page, with sources).
METADATA_VERSION = 2


def cache_tag(path: Path) -> str:
    """The extractor tag that goes into the cache key (``"pdf-2-m2"``)."""
    info = format_for(path)
    return f"{info.name}-{info.version}-m{METADATA_VERSION}" if info else "unsupported-0"


def extract_file(path: Path) -> Extracted:
    """Extract one file in this process. Raises a ``DocumentError`` subclass on failure."""
    path = Path(path)
    info = format_for(path)
    if info is None:
        reason = KNOWN_UNSUPPORTED.get(path.suffix.lower(),
                                       f"files of type '{path.suffix or 'none'}' are not read")
        raise UnsupportedFormat(f"{path.name}: {reason}.")
    module = importlib.import_module(info.module)
    return module.extract(path)
