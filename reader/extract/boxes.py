"""Packed per-character geometry of PDF pages (owned by the PDF work).

``Extracted.boxes`` is bytes produced by :func:`pack`; :class:`CharBoxes` reads them back.
"""
