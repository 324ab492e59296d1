"""The Whoosh schema: one index holding three kinds of rows.

* ``doc`` rows: one per document with text. ``body`` is the whole text, so the postings'
  character offsets (``chars=True``) are document offsets; the stored ``info`` lists the
  document's pages (long pages and unpaged documents cut into passages of about
  :data:`PASSAGE_CHARS`), each page's text compressed on its own, so a hit is placed on
  its page and only that page is read for snippets. Each row also carries the document's
  title and metadata.
* ``meta`` rows: one for a document with no text (scanned, password, damaged), findable by
  title and metadata only.
* ``note`` rows: one per live highlight (quote, note, themes, stance, annotator), carrying
  the document's metadata too.

Why per document and not per page (the layout up to format 5): measured in
``docs/search.md``. In short: a third of the postings to read and score for a common word,
half the build time and index size; the pages are ranked after the documents, from the
match offsets (:mod:`reader.search.hits`).
"""

from __future__ import annotations

from whoosh.fields import ID, STORED, TEXT, Schema

from reader.search.analysis import cite_analyzer, keys_analyzer, name_analyzer, text_analyzer
from reader.search.sections import section_analyzer

#: The BM25F constants of every score: the scorer over the postings
#: (:mod:`reader.search.scoring`, equal to Whoosh's searcher, whose defaults they are) and
#: the ranking of a document's pages (:mod:`reader.search.hits`).
BM25_B = 0.75
BM25_K1 = 1.2

#: Bump when the schema, the analysers or the row layout change: the index is rebuilt.
#: 7: a statute's own section numbers in ``section`` (:mod:`reader.search.sections`);
#: "21 U.S.C. 844" is a citation term.
SCHEMA_VERSION = 7

PASSAGE_CHARS = 6000  # target size of a passage of an unpaged document or a long page
MAX_PAGE_CHARS = 12000  # pages longer than this are cut into passages

TEXT_FIELDS = ("body", "title", "meta", "quote")  # what a plain word searches
MARK_FIELDS = ("body", "quote", "cite", "section")  # fields with stored character offsets
SPELL_FIELD = "spell_body"  # unstemmed words of ``body`` (Whoosh's spelling sub-field)


def build_schema() -> Schema:
    text = text_analyzer()
    return Schema(
        rid=ID(unique=True, stored=True),  # row id: d:<doc>, m:<doc>, a:<highlight>
        key=ID(sortable=True),  # delete key: doc id (doc/meta rows), a:<highlight id> (notes)
        sig=ID(sortable=True),  # signature of what the row was built from (incremental)
        doc_id=ID(stored=True, sortable=True),
        rtype=ID(sortable=True),  # doc | meta | note
        body=TEXT(analyzer=text, phrase=True, chars=True, spelling=True),
        title=TEXT(analyzer=text, phrase=True, field_boost=3.0),
        meta=TEXT(analyzer=text, phrase=True, field_boost=1.5),
        quote=TEXT(analyzer=text, phrase=True, chars=True, field_boost=0.7),
        cite=TEXT(analyzer=cite_analyzer(), phrase=False, chars=True, field_boost=2.0),
        # a statute's own sections; offsets are the section numbers' places in ``body``
        section=TEXT(analyzer=section_analyzer(), phrase=False, chars=True),
        author=TEXT(analyzer=name_analyzer(), phrase=True),
        kind=ID(sortable=True),
        jurisdiction=TEXT(analyzer=keys_analyzer(), phrase=False),
        jfacet=ID(sortable=True),  # the jurisdiction as written (facet value)
        path=TEXT(analyzer=keys_analyzer(), phrase=False),
        theme=TEXT(analyzer=keys_analyzer(), phrase=False),
        stance=ID(),
        date=ID(sortable=True),
        info=STORED(),  # a dict: title, path …; doc rows: units (pages) and their texts (zlib)
    )
