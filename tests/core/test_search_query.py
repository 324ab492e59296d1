"""The query language and the analysis behind it: citations, keyword fields, malformed
queries (never an exception; warnings say what was done)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.search.analysis import analyze, cite_terms, jurisdiction_keys, path_keys, theme_keys
from reader.search.query_parse import (
    MAX_QUERY_CHARS,
    And,
    Cite,
    Field,
    Not,
    Or,
    Phrase,
    Word,
    parse_query,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("see 12-405.", {"12-405"}),
    ("under § 4-210(b)(2) of", {"4-210", "4-210(b)", "4-210(b)(2)"}),
    ("35 P.S. § 17.1 provides", {"17.1", "35ps:17.1"}),
    ("Section 780-113(a)(16)", {"780-113", "780-113(a)", "780-113(a)(16)"}),
    ("18 Pa.C.S. § 2506", {"2506", "18pacs:2506"}),
    ("sections 12–401 through 12–414", {"12-401", "12-414"}),  # en dashes as written
    ("12 clinics and 405 workers", set()),
    ("in 2019 and 2020", set()),
])
def test_citation_terms(text: str, expected: set[str]) -> None:
    assert {c.term for c in cite_terms(text)} == expected


def test_citation_term_covers_the_characters_as_written() -> None:
    text = "barred by § 4-210(b) today"
    spans = {c.term: text[c.start:c.end] for c in cite_terms(text)}
    assert spans["4-210(b)"] == "§ 4-210(b)"
    assert spans["4-210"] == "§ 4-210"


def test_prose_is_stemmed_without_a_stop_list() -> None:
    assert analyze("Possession of a Controlled Substance") == [
        "possess", "of", "a", "control", "substanc"]
    assert analyze("José’s café") == ["jose", "s", "cafe"]


def test_keyword_fields() -> None:
    assert {"alder county, pa", "alder county", "pa", "pennsylvania"} <= set(
        jurisdiction_keys("Alder County, PA"))
    assert "ny" in jurisdiction_keys("New York")
    assert jurisdiction_keys("  ") == []
    keys = path_keys("memos/2019/Philly-Memo.pdf")
    assert {"memos", "memos/2019", "philly-memo", "philly",
            "memos/2019/philly-memo.pdf"} <= set(keys)
    assert {"overdose-response", "overdose", "response", "naloxone access", "naloxon"} <= set(
        theme_keys("overdose-response", "Naloxone access"))


def test_plain_words_phrases_and_operators() -> None:
    tree = parse_query('"good samaritan" AND immunity -fentanyl OR naloxone').tree
    assert isinstance(tree, Or)
    first = tree.items[0]
    assert isinstance(first, And)
    assert isinstance(first.items[0], Phrase) and first.items[0].text == "good samaritan"
    assert isinstance(first.items[2], Not)


def test_fields_prefix_fuzzy_and_citations() -> None:
    tree = parse_query("kind:memo theme:(naloxone OR syringe) regul* naloxne~2 § 4-210(b)").tree
    assert isinstance(tree, And)
    kind, theme, prefix, fuzzy, cite = tree.items
    assert kind == Field("kind", Word("memo", 5, 9))
    assert isinstance(theme, Field) and isinstance(theme.value, Or)
    assert isinstance(prefix, Word) and prefix.prefix and prefix.text == "regul"
    assert isinstance(fuzzy, Word) and fuzzy.fuzzy == 2
    assert isinstance(cite, Cite) and cite.term == "4-210(b)"


def test_a_citation_with_a_reporter_is_one_term() -> None:
    tree = parse_query("35 P.S. § 17.1").tree
    assert tree == Cite("35ps:17.1", "", 0, 14)


def test_hyphenated_words_are_not_exclusions() -> None:
    tree = parse_query("drug-induced homicide").tree
    assert isinstance(tree, And) and not any(isinstance(i, Not) for i in tree.items)


@pytest.mark.parametrize(("query", "warning"), [
    ('"unbalanced quote', "unbalanced quotation"),
    ("AND", "AND with nothing"),
    ("naloxone AND", "AND with nothing"),
    ("OR naloxone", "OR with nothing"),
    ("naloxone NOT", "NOT with nothing"),
    ("((naloxone", "unbalanced parenthesis"),
    ("naloxone)", "closing parenthesis"),
    ("kind:", "no value"),
    ("foo:bar", "not a search field"),
    ("*tion", "cannot start with"),
    ("a*", "too short"),
    ("\x00nal\x07oxone\x1b", "control characters"),
    ('""', "empty pair"),
])
def test_malformed_queries_warn(query: str, warning: str) -> None:
    parsed = parse_query(query)
    assert any(warning in w for w in parsed.warnings), parsed.warnings


def test_a_huge_paste_is_cut_and_said_so() -> None:
    parsed = parse_query("naloxone access " * 700)
    assert len(parsed.text) <= MAX_QUERY_CHARS
    assert any("too long" in w for w in parsed.warnings)
    assert any("too many words" in w for w in parsed.warnings)


def test_deep_nesting_does_not_recurse_forever() -> None:
    parsed = parse_query("(" * 5000 + "naloxone" + ")" * 5000)
    assert any("nested too deeply" in w for w in parsed.warnings)


def test_control_characters_are_removed() -> None:
    parsed = parse_query("nal\x00ox\x07one")
    assert parsed.tree == Word("naloxone", 0, 8)


@pytest.mark.parametrize("junk", [None, 42, b"bytes", "", "   ", "\u202e\u200b", "-", "()",
                                  "NOT NOT", "\"\"\"", ":::", "§", "~", "*", "OR OR AND"])
def test_junk_never_raises(junk: object) -> None:
    parsed = parse_query(junk)
    assert isinstance(parsed.warnings, list)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_parses(text: str) -> None:
    parse_query(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(['"', "(", ")", "AND", "OR", "NOT", "-", "+", "kind:",
                                 "theme:", "naloxone", "§", "4-210(b)", "*", "~", "date:",
                                 "2019..2021", " ", "x~3", "12-405"]), max_size=25))
def test_any_operator_soup_parses(parts: list[str]) -> None:
    parse_query(" ".join(parts))
    parse_query("".join(parts))
