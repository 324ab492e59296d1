"""Turn a parsed query into a Whoosh query, and remember which terms to mark in snippets.

Prefix, wildcard and fuzzy words are expanded against the *unstemmed* words of the text
(the spelling field), then stemmed: ``regulations*`` finds "regulations" and
"regulationsmanual" but not "regular", and ``naloxne~`` finds "naloxone".
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from whoosh import query as wq

from reader.model.documents import KINDS
from reader.search.analysis import (
    STOP_WORDS,
    analyze,
    analyze_names,
    best_cite_term,
    fold,
    jurisdiction_key,
    stem,
)
from reader.search.query_parse import And, Cite, Field, Node, Not, Or, Phrase, Word
from reader.search.schema import SPELL_FIELD, TEXT_FIELDS

MAX_EXPANSION = 256
PROXIMITY_SLOP = 4  # words this close count as "together"
PROXIMITY_BOOST = 2.0
SECTION_BOOST = 4.0  # a statute's own section number over the citations of it in texts
KIND_ALIASES = {
    "article": "article", "articles": "article", "news": "article",
    "memo": "memo", "memos": "memo", "memorandum": "memo", "policy": "memo",
    "statute": "statute", "statutes": "statute", "law": "statute", "laws": "statute",
    "code": "statute", "act": "statute",
    "opinion": "opinion", "opinions": "opinion", "case": "opinion", "court": "opinion",
    "decision": "opinion",
    "filing": "filing", "filings": "filing", "motion": "filing", "motions": "filing",
    "petition": "filing", "pleading": "filing", "docket": "filing",
    "report": "report", "reports": "report", "study": "report",
    "other": "other",
}
STANCE_ALIASES = {
    "supports": "supports", "support": "supports", "for": "supports", "pro": "supports",
    "yes": "supports", "+": "supports",
    "opposes": "opposes", "oppose": "opposes", "against": "opposes", "anti": "opposes",
    "no": "opposes", "-": "opposes",
    "neutral": "neutral", "unclear": "neutral", "mixed": "neutral", "none": "neutral",
}
_YEAR_RANGE_RE = re.compile(r"^(\d{4}(?:-\d\d(?:-\d\d)?)?)?\s*"
                            r"(?:\.\.|\bto\b|–|(?<=\d{4})-(?=\d{4}$))"
                            r"\s*(\d{4}(?:-\d\d(?:-\d\d)?)?)?$")
_DATE_RE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")


@dataclass
class MarkSpec:
    """What to mark in snippets: single terms and phrases per field with character
    offsets, and the stems to mark in a title or metadata line."""

    terms: set[tuple[str, str]] = field(default_factory=set)
    phrases: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    stems: set[str] = field(default_factory=set)
    cites: set[str] = field(default_factory=set)


@dataclass
class Built:
    """``query`` finds rows; a document with any row matching one of ``exclude`` (the
    query's top-level NOT / ``-`` clauses) is left out as a whole."""

    query: wq.Query | None
    marks: MarkSpec
    warnings: list[str]
    exclude: list[wq.Query] = field(default_factory=list)
    proximity: tuple[str, ...] = ()  # plain words whose nearness lifts a passage


class Builder:
    def __init__(self, reader: Any, warnings: list[str], vocab: Any = None) -> None:
        self.reader = reader
        self.vocab = vocab  # a tables.Vocabulary (fast fuzzy matching), or None
        self.warnings = warnings
        self.marks = MarkSpec()

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    # -- structure --------------------------------------------------------------------------
    def build(self, node: Node | None, fieldname: str = "", collect: bool = True
              ) -> wq.Query | None:
        if node is None:
            return None
        if isinstance(node, Field):
            return self.build(node.value, node.name, collect)
        if isinstance(node, Not):
            inner = self.build(node.item, fieldname, False)
            return None if inner is None else wq.Not(inner)
        if isinstance(node, And):
            items = list(node.items)
            if not fieldname and any(not _is_stop(i) for i in items):
                items = [i for i in items if not _is_stop(i)]
            built = [q for q in (self.build(i, fieldname, collect) for i in items) if q]
            if not built:
                return None
            if all(isinstance(q, wq.Not) for q in built):
                built.insert(0, wq.Every())
            return built[0] if len(built) == 1 else wq.And(built)
        if isinstance(node, Or):
            built = [q for q in (self.build(i, fieldname, collect) for i in node.items) if q]
            if not built:
                return None
            return built[0] if len(built) == 1 else wq.Or(built)
        return self.leaf(node, fieldname, collect)

    # -- leaves ---------------------------------------------------------------------------------
    def leaf(self, node: Word | Phrase | Cite, fieldname: str, collect: bool
             ) -> wq.Query | None:
        handler = getattr(self, f"_field_{fieldname}", None) if fieldname else None
        if handler is not None:
            return handler(node, collect)
        return self._text(node, TEXT_FIELDS, collect)

    def _text(self, node: Word | Phrase | Cite, fields: tuple[str, ...], collect: bool
              ) -> wq.Query | None:
        if isinstance(node, Cite):
            return self._cite(node.term, collect)
        if isinstance(node, Phrase):
            best = best_cite_term(node.text)
            if best is not None and best.end - best.start >= len(node.text.strip()) - 1:
                return self._cite(best.term, collect)
            terms = analyze(node.text)
        elif node.prefix or node.wildcard or node.fuzzy:
            stems = self._expand(node)
            if not stems:
                return wq.NullQuery
            if collect:
                self._mark_terms(fields, stems)
            return self._any_field(fields, stems)
        else:
            terms = analyze(node.text)
        if not terms:
            return None
        if len(terms) == 1:
            if collect:
                self._mark_terms(fields, terms)
            return self._any_field(fields, terms)
        if collect:
            self.marks.stems.update(terms)
            for f in fields:
                if f in ("body", "quote"):
                    self.marks.phrases.append((f, tuple(terms)))
        phrases = [wq.Phrase(f, terms) for f in fields]
        return phrases[0] if len(phrases) == 1 else wq.Or(phrases)

    def _any_field(self, fields: tuple[str, ...], terms: Any) -> wq.Query:
        """Any of ``terms`` in any of ``fields``, leaving out (field, term) pairs the index
        does not have: a word found only in the text is one posting list, not a union of
        four (Whoosh's unions cost as much as the longest list for every sub-query)."""
        pairs = [(f, t) for f in fields for t in terms if self._has(f, t)]
        if not pairs:
            return wq.NullQuery
        if len(pairs) == 1:
            return wq.Term(*pairs[0])
        return wq.Or([wq.Term(f, t) for f, t in pairs])

    def _has(self, fieldname: str, term: str) -> bool:
        try:
            return (fieldname, term) in self.reader
        except Exception:  # a reader that cannot tell: keep the clause
            return True

    def _mark_terms(self, fields: tuple[str, ...], terms: Any) -> None:
        for t in terms:
            self.marks.stems.add(t)
            for f in fields:
                if f in ("body", "quote"):
                    self.marks.terms.add((f, t))

    def _cite(self, term: str, collect: bool) -> wq.Query:
        """A citation: in the text (``cite``) or as the statute's own section
        (``section``: a document that *is* § 48-905.05 before those that cite it)."""
        if collect:
            self.marks.terms.add(("cite", term))
            self.marks.terms.add(("section", term))
            self.marks.cites.add(term)
        own = wq.Term("section", term, boost=SECTION_BOOST)
        if not self._has("section", term):
            return wq.Term("cite", term)
        return wq.Or([wq.Term("cite", term), own])

    def _expand(self, node: Word) -> list[str]:
        """Real (unstemmed) words matching a prefix, wildcard or fuzzy word, as stems."""
        text = fold(node.text)
        words: list[str] = []
        try:
            if node.fuzzy and self.vocab is not None:
                words = [text, *self.vocab.within(text, node.fuzzy)[:MAX_EXPANSION]]
            elif node.fuzzy:
                words = [text, *islice(self.reader.terms_within(SPELL_FIELD, text, node.fuzzy,
                                                                prefix=1), MAX_EXPANSION)]
            elif node.prefix:
                words = [_s(w) for w in islice(self.reader.expand_prefix(SPELL_FIELD, text),
                                               MAX_EXPANSION + 1)]
            else:
                head = re.split(r"[*?]", text, maxsplit=1)[0]
                pattern = re.compile(fnmatch.translate(text))
                for w in self.reader.expand_prefix(SPELL_FIELD, head):
                    w = _s(w)
                    if pattern.match(w):
                        words.append(w)
                        if len(words) > MAX_EXPANSION:
                            break
        except KeyError:  # no such field yet (an empty index)
            words = []
        if len(words) > MAX_EXPANSION:
            self.warn(f"'{node.text}' matches too many words: only the first {MAX_EXPANSION} "
                      "were searched.")
            words = words[:MAX_EXPANSION]
        return sorted({stem(w) for w in words if w})

    # -- fields -----------------------------------------------------------------------------
    def _field_text(self, node: Any, collect: bool) -> wq.Query | None:
        return self._text(node, ("body",), collect)

    def _field_title(self, node: Any, collect: bool) -> wq.Query | None:
        return self._text(node, ("title",), collect)

    def _field_quote(self, node: Any, collect: bool) -> wq.Query | None:
        return self._text(node, ("quote",), collect)

    def _field_note(self, node: Any, collect: bool) -> wq.Query | None:
        inner = self._text(node, ("body",), collect)
        return None if inner is None else wq.And([wq.Term("rtype", "note"), inner])

    def _field_cite(self, node: Any, collect: bool) -> wq.Query | None:
        text = node.term if isinstance(node, Cite) else node.text
        best = best_cite_term(text) or best_cite_term("§ " + text)
        if best is None:
            self.warn(f"'{text}' is not a section number: searched as words.")
            return self._text(node, TEXT_FIELDS, collect)
        return self._cite(best.term, collect)

    def _field_kind(self, node: Any, collect: bool) -> wq.Query | None:
        value = fold(_raw(node)).strip()
        kind = KIND_ALIASES.get(value)
        if kind is None:
            kind = next((k for k in set(KIND_ALIASES.values()) if k.startswith(value)), "")
            if not kind or not value:
                self.warn(f"Unknown kind '{_raw(node)}' (kinds: {', '.join(KINDS)}).")
                return wq.NullQuery
        return wq.Term("kind", kind)

    def _field_jurisdiction(self, node: Any, collect: bool) -> wq.Query | None:
        key = jurisdiction_key(_raw(node))
        if not key:
            return None
        if getattr(node, "prefix", False):
            return wq.Prefix("jurisdiction", key)
        return wq.Term("jurisdiction", key)  # states are indexed by name and abbreviation

    def _field_author(self, node: Any, collect: bool) -> wq.Query | None:
        if getattr(node, "prefix", False):
            return wq.Prefix("author", fold(node.text))
        names = analyze_names(_raw(node))
        if not names:
            return None
        return wq.Term("author", names[0]) if len(names) == 1 else wq.Phrase("author", names)

    def _field_theme(self, node: Any, collect: bool) -> wq.Query | None:
        key = re.sub(r"\s+", " ", fold(_raw(node))).strip()
        if not key:
            return None
        if getattr(node, "prefix", False):
            return wq.Prefix("theme", key)
        return wq.Or([wq.Term("theme", key), wq.Term("theme", stem(key))]) \
            if " " not in key else wq.Term("theme", key)

    def _field_stance(self, node: Any, collect: bool) -> wq.Query | None:
        value = STANCE_ALIASES.get(fold(_raw(node)).strip())
        if value is None:
            self.warn(f"Unknown stance '{_raw(node)}' (stances: supports, opposes, neutral).")
            return wq.NullQuery
        return wq.Term("stance", value)

    def _field_date(self, node: Any, collect: bool) -> wq.Query | None:
        raw = _raw(node).strip()
        if _DATE_RE.match(raw):
            return wq.Prefix("date", raw)
        m = _YEAR_RANGE_RE.match(raw)
        if m and (m.group(1) or m.group(2)):
            lo, hi = m.group(1) or "0000", m.group(2) or "9999"
            if lo > hi:
                lo, hi = hi, lo
            return wq.TermRange("date", lo, hi + "\uffff")
        self.warn(f"Could not read the date '{raw}': use a year (2019), a month (2019-05) or "
                  "a range (2019..2021).")
        return None

    def _field_path(self, node: Any, collect: bool) -> wq.Query | None:
        value = _raw(node).lower().strip().strip("/")
        if not value:
            return None
        if getattr(node, "prefix", False):
            return wq.Prefix("path", value)
        return wq.Term("path", value)

    def _field_id(self, node: Any, collect: bool) -> wq.Query | None:
        value = _raw(node).lower().strip()
        return wq.Prefix("doc_id", value) if value else None


def _s(value: bytes | str) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value


def _raw(node: Any) -> str:
    if isinstance(node, Cite):
        return node.term
    return node.text


def _is_stop(node: Node) -> bool:
    return (isinstance(node, Word) and not (node.prefix or node.wildcard or node.fuzzy)
            and fold(node.text) in STOP_WORDS)


def build_query(tree: Node | None, reader: Any, warnings: list[str], vocab: Any = None
                ) -> Built:
    """Build ``tree``. Top-level exclusions (``-word``, ``NOT word`` directly in the
    query's AND) exclude whole documents; nested ones work row by row."""
    builder = Builder(reader, warnings, vocab)
    exclude: list[wq.Query] = []
    items = tree.items if isinstance(tree, And) else (tree,) if tree is not None else ()
    negated = [i for i in items if isinstance(i, Not)]
    if negated:
        for item in negated:
            inner = builder.build(item.item, "", False)
            if inner is not None:
                exclude.append(inner)
        rest = [i for i in items if not isinstance(i, Not)]
        tree = None if not rest else rest[0] if len(rest) == 1 else And(tuple(rest))
        q = builder.build(tree)
        if q is None and exclude:
            q = wq.Every()
    else:
        q = builder.build(tree)
    if isinstance(q, wq.Not):
        q = wq.And([wq.Every(), q])
    proximity: tuple[str, ...] = ()
    if q is not None and isinstance(tree, And):
        plain = [i.text for i in tree.items if isinstance(i, Word)
                 and not (i.prefix or i.wildcard or i.fuzzy)]
        terms = tuple(analyze(" ".join(plain)))
        if len(set(terms)) >= 2:  # words near each other rank first (known-item searches)
            proximity = terms
    return Built(q, builder.marks, warnings, exclude, proximity)
