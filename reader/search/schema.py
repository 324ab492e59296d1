"""The Whoosh schema: one index holding three kinds of rows.

* ``page`` rows: one per page of a document's text (a long page, or an unpaged document,
  is cut into passages of about :data:`PASSAGE_CHARS` at paragraph breaks). Every page row
  also carries its document's title and metadata, so ``philadelphia naloxone`` finds the
  page about naloxone in the memo titled *Philadelphia …*, and field filters apply per row.
* ``meta`` rows: one for a document with no text (scanned, password, damaged), findable by
  title and metadata only.
* ``note`` rows: one per live highlight (quote, note, themes, stance, annotator), carrying
  the document's metadata too.

Why per page and not per document with stored character offsets (``chars=True``) mapped to
pages: measured in ``docs/search.md``. In short: a page row gives "best pages first" for
free, keeps every stored text far below the highlighter's 32 KB window, and its
``chars=True`` postings give exact match offsets with no re-tokenising.
"""

from __future__ import annotations

from whoosh.fields import ID, STORED, TEXT, Schema

from reader.search.analysis import cite_analyzer, keys_analyzer, name_analyzer, text_analyzer

#: Bump when the schema, the analysers or the row layout change: the index is rebuilt.
SCHEMA_VERSION = 5

PASSAGE_CHARS = 6000  # target size of a passage of an unpaged document or a long page
MAX_PAGE_CHARS = 12000  # pages longer than this are cut into passages

TEXT_FIELDS = ("body", "title", "meta", "quote")  # what a plain word searches
MARK_FIELDS = ("body", "quote", "cite")  # fields with stored character offsets
SPELL_FIELD = "spell_body"  # unstemmed words of ``body`` (Whoosh's spelling sub-field)


def build_schema() -> Schema:
    text = text_analyzer()
    return Schema(
        rid=ID(unique=True, stored=True),  # row id: p:<doc>:<n>, m:<doc>, a:<highlight>
        key=ID(sortable=True),  # delete key: doc id (page/meta rows), a:<highlight id> (notes)
        sig=ID(sortable=True),  # signature of what the row was built from (incremental)
        doc_id=ID(stored=True, sortable=True),
        rtype=ID(sortable=True),  # page | meta | note
        body=TEXT(analyzer=text, phrase=True, chars=True, spelling=True),
        title=TEXT(analyzer=text, phrase=True, field_boost=3.0),
        meta=TEXT(analyzer=text, phrase=True, field_boost=1.5),
        quote=TEXT(analyzer=text, phrase=True, chars=True, field_boost=0.7),
        cite=TEXT(analyzer=cite_analyzer(), phrase=False, chars=True, field_boost=2.0),
        author=TEXT(analyzer=name_analyzer(), phrase=True),
        kind=ID(sortable=True),
        jurisdiction=TEXT(analyzer=keys_analyzer(), phrase=False),
        jfacet=ID(sortable=True),  # the jurisdiction as written (facet value)
        path=TEXT(analyzer=keys_analyzer(), phrase=False),
        theme=TEXT(analyzer=keys_analyzer(), phrase=False),
        stance=ID(),
        date=ID(sortable=True),
        info=STORED(),  # a dict: page, label, start, text (zlib), path, title, themes, ...
    )
