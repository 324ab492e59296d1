"""Annotations: highlights, themes, anchoring, per-author W3C JSON-LD files, merging."""
