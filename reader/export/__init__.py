"""Briefs and briefing packets: a pure Brief model built from highlights, written to PDF,
DOCX, HTML, Markdown or CSV.

Public API::

    BriefOptions, GroupBy, PageSize, OrphanPolicy        # reader.export.options
    build_brief(options, placed, documents, texts, taxonomy) -> Brief   # pure
    BriefInputs(placed, documents, library, taxonomy)     # .count(options), .build(options)
    write_brief(brief, path, fmt=None, progress=, cancel=) -> ExportResult
    render_html(brief, lite=True, limit=30) -> str        # live preview
    render(brief, fmt) -> bytes

Reading a workspace is :mod:`reader.ops.brief` (``gather_inputs``, ``write``). Heavy
libraries (reportlab, python-docx) load only when their format is written.
"""

from __future__ import annotations

from reader.export.build import build_brief
from reader.export.gather import (
                                  BriefInputs,
                                  Counts,
)
from reader.export.html import render_html
from reader.export.model import (
                                  Brief,
                                  BriefQuote,
                                  BriefSection,
                                  Citation,
                                  Cover,
                                  OrphanEntry,
                                  SourceEntry,
                                  ThemeEntry,
)
from reader.export.options import BriefOptions, GroupBy, OrphanPolicy, PageSize
from reader.export.write import (
                                  EXTENSIONS,
                                  FORMATS,
                                  ExportResult,
                                  format_for,
                                  render,
                                  target_path,
                                  write_brief,
)

__all__ = [
    "EXTENSIONS", "FORMATS", "Brief", "BriefInputs", "BriefOptions", "BriefQuote",
    "BriefSection", "Citation", "Counts", "Cover", "ExportResult", "GroupBy", "OrphanEntry",
    "OrphanPolicy", "PageSize", "SourceEntry", "ThemeEntry", "build_brief", "format_for",
    "render", "render_html", "target_path", "write_brief",
]
