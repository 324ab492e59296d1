"""Markdown extraction: plain text without markup, headings as sections, front matter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.errors import DamagedFile, DocumentError
from reader.extract import markdown as md
from reader.extract.registry import extract_file
from reader.model.documents import DocText
from tests.core.formats_fixtures import FIXTURES, check_deterministic, check_extracted

MARKDOWN = FIXTURES / "markdown"


@pytest.mark.parametrize("name", sorted(p.name for p in MARKDOWN.glob("*.md")))
def test_every_markdown_fixture_is_normalised_and_deterministic(name: str) -> None:
    check_deterministic(md.extract, MARKDOWN / name)


def test_article_text_without_markup() -> None:
    x = extract_file(MARKDOWN / "county_funds_drug_checking.md")
    text = x.text
    assert text.startswith("County funds drug checking at three libraries\n\n")
    assert "pay for fentanyl test strips\nand a spectrometer" in text  # link text kept
    assert "https://example.org" not in text and "](" not in text
    assert "**" not in text and "`" not in text and "*Fictional" not in text
    assert "- test strips for about 20,000 checks a year;" in text
    assert "\n\n1. Staff are trained first.\n\n2. The pilot opens in June." in text
    assert "Yes | Abernathy" in text
    assert "checks_per_year = 20000" in text  # code kept
    assert '"People are going to use anyway.' in text  # block quote, no ">"
    assert "MARKDOWN-SCRIPT" not in text and "alert" not in text
    # front matter is metadata, not text
    assert "title:" not in text and "---" not in text and "Priya" not in text


def test_article_front_matter_and_sections() -> None:
    x = extract_file(MARKDOWN / "county_funds_drug_checking.md")
    assert x.meta.title == "County funds drug checking at three libraries"
    assert x.meta.author == "Priya Raman; Luis Ortega"
    assert x.meta.date == "2023-04-18"
    assert x.meta.kind == "article"
    assert x.meta.site == "The Wexler Courier"
    assert x.meta.source_url == "https://courier.example.org/2023/04/18/drug-checking"
    assert x.meta.jurisdiction == "Wexler County, MI"
    secs = [(s.level, s.title) for s in x.sections]
    assert secs == [(1, "County funds drug checking at three libraries"),
                    (2, "What the money buys"), (2, "What critics said")]
    money = x.sections[1]
    assert x.text[money.start:money.end].startswith("What the money buys\n\nThe $84,000")
    assert x.sections[2].start == money.end


def test_statute_in_markdown_gets_numbered_sections() -> None:
    x = extract_file(MARKDOWN / "model_naloxone_act.md")
    doc = DocText("id", x.text, x.pages, x.sections)
    assert doc.pinpoint(x.text.index("without asking the reason")) == "§ 2(b)(2)"
    assert doc.pinpoint(x.text.index("standing order for naloxone")) == "§ 2(a)"
    assert doc.pinpoint(x.text.index("Drafters' notes")) == ""
    assert x.meta.kind == "statute"
    assert x.meta.title == "Model Naloxone Access Act"
    assert x.meta.jurisdiction == ""


def test_front_matter_parser() -> None:
    fields, rest = md.parse_front_matter(
        "---\ntitle: 'A: colon title'\nauthors: [Ann Lee, \"Bo Chen\"]\nDate: March 3, 2021\n"
        "unknown: x\nkind: memo\n---\n# Body\n")
    assert fields == {"title": "A: colon title", "author": "Ann Lee; Bo Chen",
                      "date": "March 3, 2021", "kind": "memo"}
    assert rest == "# Body\n"
    assert md.parse_front_matter("# No front matter\n---\n") == ({}, "# No front matter\n---\n")
    # an unterminated block is not front matter
    fields, rest = md.parse_front_matter("---\ntitle: x\nno end")
    assert fields == {} and rest.startswith("---")


def test_front_matter_kind_and_date_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "memo.md"
    path.write_text("---\nkind: pamphlet\ndate: someday\n---\nMEMORANDUM\n\nTO: All staff\n"
                    "FROM: The District Attorney\nRE: Naloxone in every car\nDATE: 5/6/2022\n\n"
                    "Body text of the memo.\n", encoding="utf-8")
    x = extract_file(path)
    assert x.meta.kind == "memo"  # "pamphlet" is not a kind: guessed instead
    assert x.meta.date == "2022-05-06"
    assert x.meta.title == "Naloxone in every car"


def test_first_h1_is_the_title_unless_it_is_a_label(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# MEMORANDUM\n\nRE: Treatment conditions\n\nTO: Staff\n\nText.\n", "utf-8")
    assert extract_file(path).meta.title != "MEMORANDUM"


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"---\ntitle: Only front matter\n---\n", "contains no text"),
    (b"<!-- just a comment -->\n", "contains no text"),
    (b"\x00\x00\xff\xfe\x01binary" * 30, "does not look like a text file"),
])
def test_bad_markdown(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(data)
    with pytest.raises(DamagedFile, match=reason):
        extract_file(path)


def test_garbage_markdown_never_crashes(tmp_path: Path) -> None:
    path = tmp_path / "odd.md"
    path.write_text("#\n\n######## not a heading\n\n* * *\n\n- \n\n1.\n\n| a |\n|\n\n"
                    "[unclosed](\n\n<div><p>unclosed html\n\n```\nno fence end\n", "utf-8")
    x = extract_file(path)
    check_extracted(x)
    assert "not a heading" in x.text


_CONTAINERS = re.compile(r"^(?:> ?|[-*+] |\d+\. )*")
_MD = ["# ", "## ", "---\n", "title: x\n", "\n", "\n\n", "- ", "1. ", "> ", "```", "    code",
       "| a | b |\n|---|---|\n", "[link](http://x)", "![img](x.png)", "**bold**", "<div>",
       "</div>", "<script>s()</script>", "Section 1. Title.", "(a) Text.", "\\", "`", "*",
       "Naloxone saves lives. ", "é“§”", "\r\n", "\t", "&amp;", "<!-- c -->"]


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_MD), max_size=40))
@example(parts=["- ", "    code", "<script>s()</script>"])  # code inside a list item
def test_any_markdown_reads_or_gives_a_document_error(tmp_path: Path, parts: list[str]) -> None:
    path = tmp_path / "fuzz.md"
    path.write_text("".join(parts), "utf-8")
    try:
        x = extract_file(path)
    except DocumentError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    check_extracted(x)
    # Code, and a tag whose "<" the author escaped, are shown as written; a real script
    # element never reaches the text (and nothing is ever run).
    source = "".join(parts)
    escaped = "\\<script>" in source
    # a line indented by a tab or four spaces is an indented code block: shown as written;
    # so is one indented that far inside a quote or a list item ("-     code")
    indented = any(_CONTAINERS.sub("", line).startswith(("\t", "    "))
                   for line in source.split("\n"))
    if not {"```", "`"} & set(parts) and not indented and not escaped:
        assert "s()" not in x.text
