"""Headings and numbered sections found in plain text (statutes, memos, reports).

``detect_sections`` is called by the text, Markdown, DOCX, HTML and PDF extractors on
already-normalised text (see :mod:`reader.extract.normalize`). It finds:

* divisions: "Part II", "ARTICLE 3", "Chapter 5", "Subchapter B", "Title 35" (ranked by
  the order in which the words first appear);
* report and memo headings: ALL-CAPS lines, "I. BACKGROUND" (roman numerals in sequence),
  "A. Charging decisions" under a roman heading, "1. Purpose" (short numbered lines
  followed by body text);
* opinion headings: a numeral alone on its line ("I.", "II", "A.", "1."), in sequence,
  titled by the short line under it ("II." / "DISCUSSION" → "II. DISCUSSION"), and the
  words opinions head their parts with ("Discussion", "Standard of Review", "Analysis");
* statute sections: "Section 3.", "SECTION 3.", "Sec. 12-405.", "§ 4-210.",
  "35 P.S. § 17.1" (``number="§ 3"``);
* inside a statute section, subsections and paragraphs "(a)", "(1)", "(i)", "(A)" as deeper
  levels (``number="(b)"``), recognised at a paragraph start (or at a line start after a
  line that ends a clause), in sequence, or right after a heading ("Definitions.—(a)").

The patterns and line tests live in :mod:`reader.extract.structure_rules`. A section's
``end`` is the start of the next section of the same or a higher level (a
smaller ``level`` number), or the end of the text, so sections always nest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.extract.structure_rules import (
    _BARE_NUMERAL_RE,
    _BARE_SECTION_RE,
    _CLAUSE_END_RE,
    _CONTENTS_RE,
    _DECIMAL_HEAD_RE,
    _DIVISION_RE,
    _DOT_MARKER_RE,
    _HEADING_START_RE,
    _INLINE_MARKER_RE,
    _KNOWN_HEAD_RE,
    _LETTER_HEAD_RE,
    _MARKER_RE,
    _NUMBER_HEAD_RE,
    _RANK,
    _ROMAN_HEAD_RE,
    _SECTION_RE,
    _body_like,
    _heading_rest_ok,
    _is_caps_heading,
    _Markers,
    _paragraphs,
    _phrase,
    _short_heading,
    _short_title,
    _title_like,
)
from reader.extract.structure_rules import Head as Head  # re-exported
from reader.extract.structure_rules import roman_value as roman_value
from reader.extract.structure_rules import to_roman as to_roman
from reader.model.documents import Section


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.heads: list[Head] = []
        self.markers: _Markers | None = None  # active inside a statute section
        self.last_roman = 0
        self.last_letter = 0
        self.last_number = 0
        self.titles: set[str] = set()  # numbered headings seen (running headers repeat them)
        self.in_contents = False
        self.consumed = -1  # start of a paragraph taken as the title of the heading above

    def scan(self) -> list[Head]:
        paras = list(_paragraphs(self.text))
        for i, (start, block) in enumerate(paras):
            nxt = paras[i + 1][1] if i + 1 < len(paras) else ""
            lines = block.split("\n")
            if _CONTENTS_RE.fullmatch(lines[0].strip()):
                self.in_contents = True  # a table of contents lists headings: skip it
                continue
            if self.in_contents:
                if not _body_like(block):
                    continue
                self.in_contents = False
            pos = start
            prev = ""
            if start == self.consumed:  # the title of a bare numeral heading above
                continue
            for j, line in enumerate(lines):
                if j == 0:
                    if self._bare_numeral(pos, line, lines[1:], nxt, paras[i + 1][0]
                                          if i + 1 < len(paras) else -1):
                        continue
                    self._first_line(pos, line, "\n".join(lines[1:]), nxt)
                else:
                    self._later_line(pos, line, prev)
                prev = line
                pos += len(line) + 1
        return self.heads

    def _bare_numeral(self, pos: int, line: str, rest: list[str], nxt: str,
                      nxt_start: int) -> bool:
        """A numeral alone on its line, as opinions set their headings ("I.", "II", "A.",
        "1."), in sequence; its title is the short line under it, in the same paragraph or
        the next one ("I." / "BACKGROUND" → "I. BACKGROUND")."""
        m = _BARE_NUMERAL_RE.fullmatch(line.strip())
        if not m or self.markers is not None:
            return False
        num = m.group("num")
        value = roman_value(num) if num.isalpha() and num.isupper() else 0
        if value and value in (1, self.last_roman + 1):
            kind = "roman"
        elif num.isalpha() and len(num) == 1 and self.last_roman and (
                ord(num) - 64 == self.last_letter + 1):
            kind, value = "letter", ord(num) - 64
        elif num.isdigit() and self.last_letter and int(num) in (1, self.last_number + 1):
            kind, value = "numbered", int(num)
        else:
            return False
        title = f"{num}."
        below = rest[0] if rest else ("" if "\n" in nxt else nxt)
        if below and _short_heading(below):
            title = f"{num}. {below.strip().rstrip(' .:')}"
            if not rest:
                self.consumed = nxt_start
        elif rest and not _body_like("\n".join(rest)):
            return False  # a numeral above a list or a table, not a heading
        if kind == "roman":
            self.last_roman, self.last_letter, self.last_number = value, 0, 0
        elif kind == "letter":
            self.last_letter, self.last_number = value, 0
        else:
            self.last_number = value
        self._add(Head(pos, _short_title(title), "", kind))
        return True

    def _first_line(self, pos: int, line: str, rest_of_para: str, nxt: str) -> None:
        more_lines = bool(rest_of_para)
        if (self._section(pos, line) or self._bare_section(pos, line)
                or self._marker_line(pos, line)):
            return
        if len(line) > 120:  # every other kind of heading is a short line
            return
        if more_lines:
            second = rest_of_para.split("\n", 1)[0]
            if not re.match(r"[\W\d]*[A-Z\d]", second) or len(line) > 0.75 * len(second):
                return  # the line wraps into the next one: running text, not a heading
        m = _DIVISION_RE.fullmatch(line)
        if m and len(line) <= 120 and _heading_rest_ok(m.group("rest")):
            kw = m.group("kw").title()
            number = f"{kw} {m.group('num')}"
            title = line.rstrip(" .:—–")
            second = rest_of_para.split("\n", 1)[0]
            if not m.group("rest").strip(" .:—–-") and second.isupper() and len(second) < 90:
                title = f"{title}. {second.rstrip(' .')}"  # "ARTICLE 4" + its name below
            self._add(Head(pos, _short_title(title), number, f"division:{kw.lower()}"))
            self.markers = None
            return
        m = _ROMAN_HEAD_RE.fullmatch(line)
        if m and len(line) <= 100:
            value = roman_value(m.group("num"))
            rest = m.group("rest")
            if (value and value in (1, self.last_roman + 1) and rest[0].isupper()
                    and _title_like(rest, 12)):
                self.last_roman, self.last_letter, self.last_number = value, 0, 0
                self._add(Head(pos, _short_title(line.rstrip(" .:")), "", "roman"))
                self.markers = None
                return
        followed = more_lines or (bool(nxt) and not re.match(r"(?:\d{1,2}|[A-H])\.\s", nxt))
        m = _LETTER_HEAD_RE.fullmatch(line)
        if m and self.last_roman and len(line) <= 90 and followed:
            value = ord(m.group("num")) - 64
            if value == self.last_letter + 1 and _title_like(m.group("rest"), 12):
                self.last_letter = value
                self._add(Head(pos, _short_title(line.rstrip(" .:")), "", "letter"))
                self.markers = None
                return
        m = _NUMBER_HEAD_RE.fullmatch(line)
        if m and len(line) <= 80 and followed:
            value = int(m.group("num"))
            title = _short_title(line.rstrip(" .:"))
            # in sequence; or a later number when it stands alone above body text (a
            # two-column page may give the headings out of order)
            in_order = value in (1, self.last_number + 1) or (
                value > self.last_number and not more_lines and _body_like(nxt))
            if (in_order and _title_like(m.group("rest"), 10)
                    and title not in self.titles):
                self.last_number = value
                self.titles.add(title)
                self._add(Head(pos, title, "", "numbered"))
                self.markers = None
                return
        m = _DECIMAL_HEAD_RE.fullmatch(line)
        if m and len(line) <= 100 and followed:
            title = _short_title(line.rstrip(" .:"))
            if (self.last_number in (0, int(m.group("major"))) and title not in self.titles
                    and _title_like(m.group("rest"), 14)):
                self.titles.add(title)
                self._add(Head(pos, title, "", "decimal"))
                self.markers = None
                return
        followed_by_text = (_body_like(rest_of_para) if rest_of_para
                            else _body_like(nxt) or _HEADING_START_RE.match(nxt) is not None)
        if (not more_lines and _KNOWN_HEAD_RE.fullmatch(line) and not line.isupper()
                and (_body_like(nxt) or _HEADING_START_RE.match(nxt))):
            self._add(Head(pos, line, "", "known"))
            self.markers = None
            return
        wrapped = rest_of_para.split("\n", 1)[0].isupper()  # a paragraph in capitals
        if _is_caps_heading(line) and followed_by_text and not wrapped:
            self._add(Head(pos, _short_title(line.rstrip(" :")), "", "caps"))
            self.markers = None

    def _later_line(self, pos: int, line: str, prev: str) -> None:
        if not _CLAUSE_END_RE.search(prev):
            return
        m = _SECTION_RE.match(line)
        if m and not m.group("code") and m.group("kw") != "§" and self._section(pos, line):
            return
        self._marker_line(pos, line)

    def _section(self, pos: int, line: str) -> bool:
        m = _SECTION_RE.match(line)
        if not m or not _heading_rest_ok(m.group("rest")):
            return False
        rest = m.group("rest")
        if rest.strip() and rest.lstrip(" ")[0] not in ".:—–-":
            return False  # "Section 8 Housing Choice Vouchers …": a name, not a heading
        phrase = _phrase(rest)
        head = line[: m.start("rest")] + (". " + phrase if phrase else "")
        self._add(Head(pos, _short_title(head), f"§ {m.group('num')}", "section"))
        self.markers = _Markers()
        inline = _INLINE_MARKER_RE.search(line, m.end("num"), m.end("num") + 160)
        if inline:
            self._marker_chain(pos + inline.end(), line[inline.end():], first=True)
        return True

    def _bare_section(self, pos: int, line: str) -> bool:
        m = _BARE_SECTION_RE.fullmatch(line)
        if not m or re.fullmatch(r"(?:19|20)\d\d-\d\d?", m.group("num")):  # "2021-03." a date
            return False
        phrase = _phrase(m.group("rest"))
        head = m.group("num") + "." + (" " + phrase if phrase else "")
        self._add(Head(pos, _short_title(head), f"§ {m.group('num')}", "section"))
        self.markers = _Markers()
        return True

    def _marker_line(self, pos: int, line: str) -> bool:
        if self.markers is None:
            return False
        if _MARKER_RE.match(line):
            return self._marker_chain(pos, line, first=False)
        m = _DOT_MARKER_RE.match(line)  # "A." / "1." subsections (New Mexico style)
        depth = self.markers.accept(m.group("m")) if m else 0
        if m and depth:
            self._add(Head(pos, _short_title(line, 60), f"({m.group('m')})", "marker", depth))
            return True
        return False

    def _marker_chain(self, pos: int, line: str, *, first: bool) -> bool:
        """Markers at the start of ``line`` ("(b)", "(b)(1)", "(b) Title.—(1) …")."""
        assert self.markers is not None
        m = _MARKER_RE.match(line)
        if not m:
            return False
        depth = self.markers.accept(m.group("m"), child_only=first)
        if not depth:
            return False
        after = line[m.end():]
        named = re.match(r"\s*([A-Z][^.—–()]{1,60}?)(?:\.--|\.—|\.–|—|--)", after)
        title = f"({m.group('m')}) {named.group(1)}" if named else _short_title(line, 60)
        self._add(Head(pos, title, f"({m.group('m')})", "marker", depth))
        nested = re.match(r"\s?(?:[A-Z][^().:;]{0,60}?(?:\.—|—|–|\.)\s*)?(?=\((?:a|1|A|i|I)\)\s)",
                          after)
        if nested is not None:
            off = m.end() + nested.end()
            self._marker_chain(pos + off, line[off:], first=True)
        return True

    def _add(self, head: Head) -> None:
        self.heads.append(head)


def find_heads(text: str) -> list[Head]:
    """Every heading candidate in ``text``, in text order (levels not assigned yet)."""
    heads = _Scanner(text).scan()
    if sum(1 for h in heads if h.kind == "section") >= 2:
        # In a statute, "1." and "A." paragraphs are list items, not headings.
        heads = [h for h in heads if h.kind not in ("numbered", "letter", "decimal")]
    return heads


def _levels(heads: Sequence[Head]) -> list[int]:
    ranks: dict[str, float] = {}
    divisions = 0
    for h in heads:
        if h.kind.startswith("division:") and h.kind not in ranks:
            ranks[h.kind] = min(0.9, divisions / 10)
            divisions += 1
    ranks.update({k: v for k, v in _RANK.items()})
    # "Executive summary" stands beside the outermost headings the document numbers
    outer = [_RANK[h.kind] for h in heads if h.kind in _RANK and h.kind != "section"]
    ranks["known"] = min(outer, default=1.0)
    present = sorted({ranks[h.kind] for h in heads if h.kind != "marker"})
    level_of = {r: i + 1 for i, r in enumerate(present)}
    out: list[int] = []
    section_level = 1
    for h in heads:
        if h.kind == "marker":
            out.append(section_level + h.depth)
        else:
            lvl = level_of[ranks[h.kind]]
            if h.kind == "section":
                section_level = lvl
            out.append(lvl)
    return out


def close_sections(heads: Sequence[tuple[int, int, str, str]], length: int
                   ) -> tuple[Section, ...]:
    """Sections from ``(start, level, title, number)`` tuples in text order: each ends where
    the next one of the same or a higher level (smaller number) starts."""
    ordered = sorted(heads, key=lambda h: (h[0], h[1]))
    out: list[Section] = []
    for i, (start, level, title, number) in enumerate(ordered):
        end = length
        for nstart, nlevel, _, _ in ordered[i + 1:]:
            if nlevel <= level and nstart > start:
                end = nstart
                break
        out.append(Section(title=title, level=level, start=start, end=end, number=number))
    return tuple(s for s in out if s.end > s.start)


def detect_sections(text: str) -> tuple[Section, ...]:
    """Sections and headings found in ``text`` (offsets in code points)."""
    heads = find_heads(text)
    if not heads:
        return ()
    levels = _levels(heads)
    return close_sections([(h.start, lvl, h.title, h.number) for h, lvl in zip(heads, levels,
                                                                                strict=True)],
                          len(text))


def merge_sections(text: str, marked: Sequence[tuple[int, int, str]]) -> tuple[Section, ...]:
    """Sections for a format that marks its own headings (Markdown, DOCX, HTML).

    ``marked`` holds ``(start, level, title)`` for each heading the format declares. Statute
    sections and their subsections found in the text are added beneath them (and a marked
    heading that *is* a statute section or division takes its number). Without marked
    headings this is :func:`detect_sections`.
    """
    if not marked:
        return detect_sections(text)
    found = {h.start: h for h in find_heads(text)}
    events: list[tuple[int, int, tuple[int, int, str] | None, Head | None]] = []
    for m in marked:
        events.append((m[0], 0, m, found.get(m[0])))
    marked_starts = {m[0] for m in marked}
    for h in found.values():
        if h.kind in ("section", "marker") and h.start not in marked_starts:
            events.append((h.start, 1, None, h))
    events.sort(key=lambda e: (e[0], e[1]))
    out: list[tuple[int, int, str, str]] = []
    container = 0  # level of the heading that statute sections found in the text sit under
    section_level = 0  # 0: not inside a statute section
    for start, _, mark, head in events:
        if mark is not None:
            _, level, title = mark
            number = ""
            if head is not None and (head.kind == "section" or head.kind.startswith("division:")):
                number = head.number
            is_section = head is not None and head.kind == "section"
            container = level - 1 if is_section else level
            section_level = level if is_section else 0
            out.append((start, level, title, number))
        elif head is not None and head.kind == "section":
            section_level = container + 1
            out.append((start, section_level, head.title, head.number))
        elif head is not None and section_level:
            out.append((start, section_level + head.depth, head.title, head.number))
    return close_sections(out, len(text))
