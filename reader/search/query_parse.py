"""The query language, parsed into a small syntax tree. Parsing never raises: whatever
cannot be understood is dropped or read as plain words, and a warning says so.

Grammar (operators are upper case; juxtaposition means AND)::

    query  := or
    or     := and ("OR" and)*
    and    := unary (["AND"] unary)*
    unary  := ("NOT" | "-") unary | "+"? atom
    atom   := "(" or ")" | FIELD ":" (atom) | "phrase" | citation | word[*|~N]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from reader.search.analysis import CITE_RE, best_cite_term

MAX_QUERY_CHARS = 1000
MAX_DEPTH = 16
MAX_LEAVES = 64

#: field name (and aliases) → canonical name
FIELDS = {
    "kind": "kind", "type": "kind",
    "jurisdiction": "jurisdiction", "jur": "jurisdiction", "state": "jurisdiction",
    "theme": "theme", "tag": "theme",
    "author": "author", "by": "author", "office": "author",
    "stance": "stance",
    "date": "date", "year": "date",
    "path": "path", "file": "path", "folder": "path",
    "title": "title",
    "text": "text", "body": "text",
    "note": "note", "notes": "note",
    "quote": "quote",
    "cite": "cite", "section": "cite",
    "id": "id", "doc": "id",
}

_QUOTES = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'}
_WORD_RE = re.compile(r"[^\s()\"]+")
_FIELD_RE = re.compile(r"([A-Za-z]+):")
_FUZZY_RE = re.compile(r"~(\d*)$")


@dataclass(frozen=True)
class Word:
    text: str
    start: int = 0
    end: int = 0
    fuzzy: int = 0  # max edit distance (0 = exact)
    prefix: bool = False
    wildcard: bool = False


@dataclass(frozen=True)
class Phrase:
    text: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Cite:
    term: str
    text: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Field:
    name: str
    value: Node
    raw: str = ""


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Word | Phrase | Cite | Field | And | Or | Not


@dataclass
class Parsed:
    """The tree (None when nothing searchable is left), the cleaned query text the spans
    refer to, and warnings for a person."""

    tree: Node | None
    text: str
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Tok:
    kind: str  # "(" ")" OP NEG POS PHRASE CITE WORD FIELD
    value: str
    start: int
    end: int


def clean_query(raw: object, warnings: list[str]) -> str:
    """Drop control characters, normalise quotes and spaces, cap the length."""
    text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
    text = unicodedata.normalize("NFC", text)
    cleaned = []
    dropped = False
    for ch in text:
        ch = _QUOTES.get(ch, ch)
        cat = unicodedata.category(ch)
        if ch.isspace() or cat in ("Zs", "Zl", "Zp"):
            cleaned.append(" ")
        elif cat in ("Cc", "Cf", "Cs", "Co", "Cn"):
            dropped = True
        else:
            cleaned.append(ch)
    text = "".join(cleaned)
    if dropped:
        warnings.append("Ignored control characters in the query.")
    text = re.sub(r" {2,}", " ", text).strip()
    if len(text) > MAX_QUERY_CHARS:
        cut = text.rfind(" ", 0, MAX_QUERY_CHARS)
        text = text[: cut if cut > MAX_QUERY_CHARS // 2 else MAX_QUERY_CHARS].rstrip()
        warnings.append(f"The query was too long: only its first {MAX_QUERY_CHARS:,} "
                        "characters were used.")
    return text


def _lex(text: str, warnings: list[str]) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == " ":
            i += 1
            continue
        if ch in "()":
            toks.append(_Tok(ch, ch, i, i + 1))
            i += 1
            continue
        if ch == '"':
            j = text.find('"', i + 1)
            if j < 0:
                warnings.append("Closed an unbalanced quotation mark at the end.")
                j = n
            toks.append(_Tok("PHRASE", text[i + 1:j], i, min(j + 1, n)))
            i = j + 1
            continue
        prev_space = i == 0 or text[i - 1] in " ("
        glued = bool(toks) and toks[-1].end == i and toks[-1].kind in ("FIELD", "NEG", "POS")
        if ch in "-+!" and prev_space and i + 1 < n and text[i + 1] not in " )":
            toks.append(_Tok("NEG" if ch in "-!" else "POS", ch, i, i + 1))
            i += 1
            continue
        m = _FIELD_RE.match(text, i)
        if m and (prev_space or glued) and m.group(1).lower() in FIELDS:
            toks.append(_Tok("FIELD", FIELDS[m.group(1).lower()], i, m.end()))
            i = m.end()
            continue
        if prev_space or glued:
            cm = CITE_RE.match(text, i)
            if cm and (cm.end() == n or text[cm.end()] in " )\""):
                best = best_cite_term(cm.group())
                if best is not None:
                    toks.append(_Tok("CITE", best.term, i, cm.end()))
                    i = cm.end()
                    continue
        wm = _WORD_RE.match(text, i)
        if wm is None:  # cannot happen after clean_query; skip the character to be safe
            i += 1
            continue
        word = wm.group()
        if word in ("AND", "OR", "NOT", "&&", "||"):
            toks.append(_Tok("OP", {"&&": "AND", "||": "OR"}.get(word, word), i, wm.end()))
        else:
            toks.append(_Tok("WORD", word, i, wm.end()))
        i = wm.end()
    return toks


class _Parser:
    def __init__(self, toks: list[_Tok], warnings: list[str]) -> None:
        self.toks = toks
        self.i = 0
        self.warnings = warnings
        self.depth = 0
        self.leaves = 0
        self._warned: set[str] = set()

    def warn(self, message: str) -> None:
        if message not in self._warned:
            self._warned.add(message)
            self.warnings.append(message)

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def parse(self) -> Node | None:
        node = self.parse_or()
        while self.peek() is not None:  # a stray ")" ends parse_or early: skip it, go on
            tok = self.toks[self.i]
            self.i += 1
            if tok.kind == ")":
                self.warn("Ignored a closing parenthesis with no opening one.")
            more = self.parse_or()
            if more is not None:
                node = more if node is None else And((node, more))
        return node

    def parse_or(self) -> Node | None:
        items: list[Node] = []
        first = self.parse_and()
        if first is not None:
            items.append(first)
        while (tok := self.peek()) is not None and tok.kind == "OP" and tok.value == "OR":
            self.i += 1
            nxt = self.parse_and()
            if nxt is None or not items:
                self.warn("Ignored an OR with nothing on one side.")
            if nxt is not None:
                items.append(nxt)
        if not items:
            return None
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node | None:
        items: list[Node] = []
        while (tok := self.peek()) is not None:
            if tok.kind == ")" or (tok.kind == "OP" and tok.value == "OR"):
                break
            if tok.kind == "OP" and tok.value == "AND":
                self.i += 1
                nxt = self.peek()
                if not items or nxt is None or nxt.kind == ")" or (
                        nxt.kind == "OP" and nxt.value in ("AND", "OR")):
                    self.warn("Ignored an AND with nothing on one side.")
                continue
            node = self.parse_unary()
            if node is not None:
                items.append(node)
        if not items:
            return None
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self) -> Node | None:
        tok = self.toks[self.i]
        if tok.kind == "NEG" or (tok.kind == "OP" and tok.value == "NOT"):
            self.i += 1
            nxt = self.peek()
            if nxt is None or nxt.kind == ")" or (nxt.kind == "OP" and nxt.value != "NOT"):
                self.warn(f"Ignored a {'NOT' if tok.kind == 'OP' else '-'} with nothing "
                          "after it.")
                return None
            inner = self.parse_unary()
            return None if inner is None else (inner.item if isinstance(inner, Not)
                                               else Not(inner))
        if tok.kind == "POS":
            self.i += 1
            return self.parse_unary() if self.peek() is not None else None
        return self.parse_atom(None)

    def parse_atom(self, field_name: str | None) -> Node | None:
        tok = self.peek()
        if tok is None:
            return None
        self.i += 1
        if tok.kind == "(":
            if self.depth >= MAX_DEPTH:
                self.warn("Ignored parentheses nested too deeply.")
                return None
            self.depth += 1
            inner = self.parse_or()
            self.depth -= 1
            if (close := self.peek()) is not None and close.kind == ")":
                self.i += 1
            else:
                self.warn("Closed an unbalanced parenthesis at the end.")
            if inner is None:
                return None
            return Field(field_name, inner) if field_name else inner
        if tok.kind == "FIELD":
            if field_name is not None:  # a field inside a field: read the word as text
                return self._leaf(_Tok("WORD", tok.value, tok.start, tok.end), field_name)
            nxt = self.peek()
            if nxt is None or nxt.kind in (")", "OP", "FIELD") or nxt.start != tok.end:
                self.warn(f"Ignored '{tok.value}:' with no value after it.")
                return None
            value = self.parse_atom(tok.value)
            if value is None:
                return None
            return value if isinstance(value, Field) else Field(tok.value, value)
        if tok.kind in ("OP", ")", "NEG", "POS"):
            return None
        return self._leaf(tok, field_name)

    def _leaf(self, tok: _Tok, field_name: str | None) -> Node | None:
        self.leaves += 1
        if self.leaves > MAX_LEAVES:
            self.warn(f"The query has too many words: only the first {MAX_LEAVES} were used.")
            return None
        node: Node | None
        if tok.kind == "PHRASE":
            node = Phrase(tok.value.strip(), tok.start, tok.end) if tok.value.strip() else None
            if node is None:
                self.warn("Ignored an empty pair of quotation marks.")
        elif tok.kind == "CITE":
            node = Cite(tok.value, "", tok.start, tok.end)
        else:
            node = self._word(tok)
        if node is not None and field_name:
            return Field(field_name, node)
        return node

    def _word(self, tok: _Tok) -> Node | None:
        text, start = tok.value, tok.start
        fm = _FIELD_RE.match(text)
        if fm and len(text) > fm.end() and "/" not in text:
            self.warn(f"'{fm.group(1)}:' is not a search field, so it was searched as words "
                      f"(fields: {', '.join(sorted(set(FIELDS.values())))}).")
        fuzzy = 0
        m = _FUZZY_RE.search(text)
        if m:
            fuzzy = min(int(m.group(1) or 1), 2) or 1
            text = text[: m.start()]
        stripped = text.lstrip("*?")
        if stripped != text:
            self.warn("A word cannot start with * or ?: the wildcard was ignored.")
            start += len(text) - len(stripped)
            text = stripped
        prefix = text.endswith("*") and "*" not in text[:-1] and "?" not in text
        wildcard = not prefix and ("*" in text or "?" in text)
        core = text.rstrip("*") if prefix else text
        if not core.strip("*?"):
            return None
        if (prefix or wildcard) and len(core.split("*")[0].split("?")[0]) < 2:
            self.warn(f"'{text}' is too short for a wildcard: searched for '{core.strip('*?')}'.")
            prefix = wildcard = False
            core = core.replace("*", "").replace("?", "")
        if fuzzy and (prefix or wildcard):
            fuzzy = 0
        return Word(core, start, start + len(core), fuzzy=fuzzy, prefix=prefix,
                    wildcard=wildcard)


def parse_query(raw: object) -> Parsed:
    """Parse ``raw`` (any object; non-strings are converted). Never raises."""
    warnings: list[str] = []
    text = clean_query(raw, warnings)
    toks = _lex(text, warnings)
    parser = _Parser(toks, warnings)
    tree = parser.parse()
    return Parsed(tree, text, warnings)


def positive_words(node: Node | None, in_field: str | None = None) -> list[tuple[Word, str]]:
    """Plain words outside any NOT, with the field they are searched in (``""``: default)."""
    out: list[tuple[Word, str]] = []
    if node is None or isinstance(node, Not):
        return out
    if isinstance(node, Word):
        out.append((node, in_field or ""))
    elif isinstance(node, Field):
        out.extend(positive_words(node.value, node.name))
    elif isinstance(node, And | Or):
        for item in node.items:
            out.extend(positive_words(item, in_field))
    return out
