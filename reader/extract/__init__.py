"""Extraction: one module per format behind a registry (see :mod:`reader.extract.registry`)."""
