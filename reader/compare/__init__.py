"""Comparing documents and annotators (Qt-free): the comparison matrix (documents × themes),
the policy comparison (documents side by side on a few themes), agreement between
annotators over characters of text, and the disagreements to walk through and resolve.

Everything here is computed from plain data (documents, highlights, the taxonomy) handed
in by the caller; nothing is written except through the annotation store's own edits
(:mod:`reader.compare.resolve`).
"""
