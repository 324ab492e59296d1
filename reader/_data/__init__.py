"""Where the built package keeps the app's data: ``resources/`` (themes, fonts, icons,
styles, help) and ``corpus/`` (the sample documents).

In the repository they live at the top level (``resources/``, ``corpus/``); building a
wheel (``setup.py``'s ``build_py``) or a desktop bundle (``packaging/policy-reader.spec``)
copies them here, where :mod:`reader.paths` finds them through :mod:`importlib.resources`.
A checkout or an editable install has nothing here and uses the top-level folders.
"""
