"""Statutes as statutes: official legislative XML (the D.C. Code, USLM, Akoma Ntoso) and
legislature web pages read into their sections, with history and notes kept apart from
the operative text and cross-references kept as links.

:mod:`.xml_file` is the registry's entry point for ``.xml`` files; :mod:`.statute_html` is
asked by the web page extractor first whether a page is a legislature's section page.
"""
