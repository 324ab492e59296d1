"""The fictional D.C. Code chapter of the corpus: one XML file per section in the D.C.
Council's law-library vocabulary, plus the chapter's ``index.xml``, built from
``texts/dc-code-48-chapter-9e.txt`` (its markup is described at the top of that file).

The output is plain text written line by line, so it is byte-identical on every run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

SOURCE = Path(__file__).parent / "texts" / "dc-code-48-chapter-9e.txt"
FOLDER = "statutes/dc-code-48-chapter-9e"
NS = ('xmlns="https://code.dccouncil.us/schemas/dc-library" '
      'xmlns:codified="https://code.dccouncil.us/schemas/codified" '
      'xmlns:xi="http://www.w3.org/2001/XInclude" containing-doc="D.C. Code"')
_CITE_RE = re.compile(r"\{(?P<ref>[^}]+)\}")
_PARA_RE = re.compile(r"(?P<indent> *)\((?P<num>[\w-]+)\) "
                      r"(?:\[(?P<heading>[^\]]+)\] )?(?P<text>.*)")


@dataclass
class Para:
    num: str
    heading: str
    text: str
    children: list[Para] = field(default_factory=list)


@dataclass
class Section:
    num: str
    heading: str
    text: list[str] = field(default_factory=list)
    paras: list[Para] = field(default_factory=list)
    history: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Chapter:
    containers: list[tuple[str, str, str]] = field(default_factory=list)  # prefix, num, head
    subheading: str = ""
    history: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def smart_quotes(text: str) -> str:
    text = re.sub(r'(^|[\s(\[{—])"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    return text.replace("'", "\u2019")


def inline(text: str) -> str:
    """Escaped text with ``{§ 48-961.05(b)}`` / ``{D.C. Law 25-214}`` as ``<cite>``."""
    out, pos = [], 0
    for m in _CITE_RE.finditer(text):
        out.append(escape(smart_quotes(text[pos:m.start()])))
        ref = m.group("ref")
        if ref.startswith("§"):
            sm = re.fullmatch(r"§ (?P<num>[\w.-]+?)(?P<sub>(?:\([\w-]+\))*)", ref)
            assert sm, ref
            subs = "".join(f"|{s}" for s in re.findall(r"\([\w-]+\)", sm.group("sub")))
            out.append(f'<cite path="§{sm.group("num")}{subs}">{escape(ref)}</cite>')
        else:
            out.append(f'<cite doc="{escape(ref)}">{escape(ref)}</cite>')
        pos = m.end()
    out.append(escape(smart_quotes(text[pos:])))
    return "".join(out)


def parse(source: Path = SOURCE) -> Chapter:
    chapter = Chapter()
    section: Section | None = None
    stack: list[tuple[int, Para]] = []
    for raw in source.read_text("utf-8").splitlines():
        if not raw.strip() or raw.startswith("%"):
            continue
        if raw.startswith("@"):
            key, _, rest = raw[1:].partition(" ")
            parts = [p.strip() for p in rest.split("|")]
            if key in ("title", "chapter"):
                chapter.containers.append((key.capitalize(), parts[0], parts[1]))
            elif key == "subtitle":
                chapter.subheading = rest.strip()
            elif key == "container-history":
                chapter.history.append((parts[0], parts[1]))
            elif key == "container-note":
                chapter.notes.append((parts[0], parts[1]))
            elif key == "section":
                section = Section(parts[0], parts[1])
                chapter.sections.append(section)
                stack = []
            elif key == "history":
                assert section is not None
                section.history.append((parts[0], parts[1], parts[2]))
            elif key == "note":
                assert section is not None
                section.notes.append((parts[0], parts[1]))
            else:
                raise ValueError(f"unknown directive {raw!r}")
            continue
        assert section is not None, raw
        m = _PARA_RE.fullmatch(raw)
        if not m:
            section.text.append(raw.strip())
            continue
        depth = len(m.group("indent")) // 4
        para = Para(f"({m.group('num')})", m.group("heading") or "", m.group("text"))
        stack = stack[:depth]
        (stack[-1][1].children if stack else section.paras).append(para)
        stack.append((depth, para))
    return chapter


def _para_lines(para: Para, indent: str) -> list[str]:
    lines = [f"{indent}<para>", f"{indent}  <num>{escape(para.num)}</num>"]
    if para.heading:
        lines.append(f"{indent}  <heading>{escape(para.heading)}</heading>")
    if para.text:
        lines.append(f"{indent}  <text>{inline(para.text)}</text>")
    for c in para.children:
        lines.extend(_para_lines(c, indent + "  "))
    lines.append(f"{indent}</para>")
    return lines


def section_xml(section: Section) -> str:
    lines = ["<?xml version='1.0' encoding='utf-8'?>", f"<section {NS}>",
             f"  <num>{escape(section.num)}</num>",
             f"  <heading>{escape(smart_quotes(section.heading))}</heading>"]
    lines.extend(f"  <text>{inline(t)}</text>" for t in section.text)
    for para in section.paras:
        lines.extend(_para_lines(para, "  "))
    lines.append("  <annotations>")
    for doc, eff, text in section.history:
        lines.append(f'    <annotation doc="{escape(doc)}" type="History" eff="{eff}">'
                     f"{escape(text)}</annotation>")
    for kind, text in section.notes:
        lines.append(f'    <annotation type="{escape(kind)}">{inline(text)}</annotation>')
    lines += ["  </annotations>", "</section>", ""]
    return "\n".join(lines)


def index_xml(chapter: Chapter) -> str:
    (tprefix, tnum, thead), (cprefix, cnum, chead) = chapter.containers
    lines = ["<?xml version='1.0' encoding='utf-8'?>", f"<container {NS}>",
             f"  <prefix>{tprefix}</prefix>", f"  <num>{tnum}</num>",
             f"  <heading>{escape(thead)}</heading>",
             f"  <subheading>{escape(chapter.subheading)}</subheading>",
             "  <container>", f"    <prefix>{cprefix}</prefix>", f"    <num>{cnum}</num>",
             f"    <heading>{escape(chead)}</heading>"]
    for doc, eff in chapter.history:
        lines.append(f'    <annotation doc="{escape(doc)}" eff="{eff}" path="" type="History" '
                     'display="false"/>')
    for kind, text in chapter.notes:
        lines.append(f'    <annotation type="{escape(kind)}">{inline(text)}</annotation>')
    lines.extend(f'    <xi:include href="./{s.num}.xml"/>' for s in chapter.sections)
    lines += ["  </container>", "</container>", ""]
    return "\n".join(lines)


def build_file(rel: str, target: Path, tmp: Path) -> None:
    chapter = parse()
    name = Path(rel).name
    if name == "index.xml":
        data = index_xml(chapter)
    else:
        section = next(s for s in chapter.sections if f"{s.num}.xml" == name)
        data = section_xml(section)
    target.write_bytes(data.encode("utf-8"))


def files() -> list[str]:
    return [f"{FOLDER}/index.xml"] + [f"{FOLDER}/{s.num}.xml" for s in parse().sections]
