"""Plain, frozen data shared by every layer (documents, pages, sections, highlights).

This is the bottom of the core: it imports nothing from ``reader`` but itself, so
``extract``, ``documents``, ``search``, ``annotations`` and ``export`` can all use it
without importing each other.
"""
