"""Section detection on normalised text: statutes, memos, reports; nesting; false positives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.extract.normalize import normalize_text
from reader.extract.roman import roman_value, to_roman
from reader.extract.structure import (
    close_sections,
    detect_sections,
    merge_sections,
)
from reader.model.documents import DocText, Page, Section

STATUTE = normalize_text("""AN ACT

Relating to overdose response; providing immunity for persons who seek help.

Section 1. Short title.

This act shall be known as the Overdose Response Act.

Section 2. Definitions.—(a) The following words have the meanings given.

(b) "Drug overdose." An acute condition caused by a controlled substance.

§ 4-210. Immunity from prosecution.

(a) A person who in good faith seeks medical assistance shall not be charged:
(1) with possession; or
(2) with possession of paraphernalia.

(b) The immunity in subsection
(a) does not apply to delivery. The protection described in (a) above is limited.

(c) Possession.—(1) A first sub-paragraph under a heading.

(2) A second sub-paragraph.
(i) a clause;
(ii) another clause.

Sec. 12-405. Effective date.

This act takes effect in 60 days.

35 P.S. § 780-113.7. Drug overdose response.

(a) Text of the codified section.
""")


def _doc(text: str) -> DocText:
    return DocText("x", text, (Page(1, 0, len(text)),), detect_sections(text))


def _pin(text: str, phrase: str) -> str:
    return _doc(text).pinpoint(text.index(phrase))


def test_statute_sections_and_numbers() -> None:
    secs = detect_sections(STATUTE)
    numbers = [s.number for s in secs if s.number.startswith("§")]
    assert numbers == ["§ 1", "§ 2", "§ 4-210", "§ 12-405", "§ 780-113.7"]
    titles = {s.number: s.title for s in secs if s.number.startswith("§")}
    assert titles["§ 1"] == "Section 1. Short title"
    assert titles["§ 4-210"] == "§ 4-210. Immunity from prosecution"
    assert titles["§ 12-405"] == "Sec. 12-405. Effective date"
    assert titles["§ 780-113.7"].startswith("35 P.S. § 780-113.7")


def test_pinpoints() -> None:
    assert _pin(STATUTE, "with possession of paraphernalia") == "§ 4-210(a)(2)"
    assert _pin(STATUTE, "with possession;") == "§ 4-210(a)(1)"
    assert _pin(STATUTE, "does not apply to delivery") == "§ 4-210(b)"
    assert _pin(STATUTE, "A first sub-paragraph") == "§ 4-210(c)(1)"
    assert _pin(STATUTE, "another clause") == "§ 4-210(c)(2)(ii)"
    assert _pin(STATUTE, "Drug overdose.\" An acute") == "§ 2(b)"
    assert _pin(STATUTE, "The following words") == "§ 2(a)"
    assert _pin(STATUTE, "This act shall be known") == "§ 1"
    assert _pin(STATUTE, "takes effect") == "§ 12-405"
    assert _pin(STATUTE, "Text of the codified") == "§ 780-113.7(a)"
    assert _pin(STATUTE, "Relating to overdose") == ""


def test_subsection_false_positives() -> None:
    secs = detect_sections(STATUTE)
    starts = {STATUTE[s.start:s.start + 25] for s in secs}
    # "(a) does not apply" starts a line, but the line before ends mid-sentence
    assert not any(s.startswith("(a) does not apply") for s in starts)
    # "(a) above" in the middle of a sentence
    assert not any(s.startswith("(a) above") for s in starts)
    # only one (b) under § 4-210
    sec = next(s for s in secs if s.number == "§ 4-210")
    subs = [s.number for s in secs if sec.start < s.start < sec.end and s.level == sec.level + 1]
    assert subs == ["(a)", "(b)", "(c)"]


def test_markers_outside_sections_and_out_of_sequence_are_ignored() -> None:
    text = normalize_text("""(a) A list item in a memo, not a statute.

(b) Another one.

Section 1. Scope.

(c) Out of sequence: there is no (a) or (b) here.

(a) The real first subsection.""")
    numbers = [s.number for s in detect_sections(text)]
    assert numbers == ["§ 1", "(a)"]


def test_references_are_not_headings() -> None:
    text = normalize_text("""Section 3 of the act provides the rule.

§ 4 applies to every case.

Part II of this report describes the data.

Chapter 5 covers treatment.

Title 35 is amended.

Section 8 Housing Choice Vouchers are the largest program.""")
    assert detect_sections(text) == ()


def test_memo_headings() -> None:
    text = normalize_text("""MEMORANDUM

TO: All Assistant District Attorneys
FROM: Dana Whitfield, District Attorney
RE: Declination of possession charges

I. BACKGROUND

The office has seen a steady rise in possession cases that end in dismissal.

A. Data

Numbers go here, and they are not encouraging for anyone.

B. Community input

People who use drugs told us what the charges cost them.

II. POLICY

1. Purpose

The purpose is to stop charging simple possession.

2. Scope

This applies to all cases filed after the effective date.

III. CONCLUSION

Questions go to the First Assistant.""")
    secs = detect_sections(text)
    got = [(s.level, s.title) for s in secs]
    assert got == [(1, "I. BACKGROUND"), (2, "A. Data"), (2, "B. Community input"),
                   (1, "II. POLICY"), (3, "1. Purpose"), (3, "2. Scope"),
                   (1, "III. CONCLUSION")]
    assert all(s.number == "" for s in secs)
    background = secs[0]
    assert text[background.start:background.end].rstrip().endswith("cost them.")


def test_numbered_list_is_not_a_heading_but_numbered_headings_are() -> None:
    listy = normalize_text("""Conditions of the program:

1. Proof of enrollment

2. Weekly check-ins

3. No new arrests""")
    assert detect_sections(listy) == ()
    headed = normalize_text("""1. Purpose

This memo sets the policy for the whole office, effective today.

2. Scope

It applies to every prosecutor and every case.""")
    assert [s.title for s in detect_sections(headed)] == ["1. Purpose", "2. Scope"]


def test_caps_headings_need_body_text_and_skip_letterheads() -> None:
    text = normalize_text("""OFFICE OF THE DISTRICT ATTORNEY
HARLOW COUNTY, PENNSYLVANIA
100 Court Street · Harlow, Pennsylvania

EXECUTIVE SUMMARY

Overdose deaths fell by a fifth after the county funded drug checking, and we explain why.

PAGE 2

FINDINGS

The findings are set out below in some detail, one by one.""")
    assert [s.title for s in detect_sections(text)] == ["EXECUTIVE SUMMARY", "FINDINGS"]


def test_divisions_contain_sections() -> None:
    text = normalize_text("""PART I. GENERAL PROVISIONS

Section 101. Short title.

This part may be cited as the Act.

Part II

Section 201. Treatment.

(a) Treatment is voluntary.""")
    secs = detect_sections(text)
    assert [(s.level, s.number) for s in secs] == [
        (1, "Part I"), (2, "§ 101"), (1, "Part II"), (2, "§ 201"), (3, "(a)")]
    assert _pin(text, "Treatment is voluntary") == "§ 201(a)"
    assert _pin(text, "may be cited") == "§ 101"


def test_merge_with_marked_headings() -> None:
    text = normalize_text("""Overdose Act

Section 1. Purpose.

(a) To save lives.

Commentary

Notes from the drafters.

(b) Not a subsection: the commentary is not inside a statute section.""")
    marked = [(0, 1, "Overdose Act"), (text.index("Commentary"), 2, "Commentary")]
    secs = merge_sections(text, marked)
    assert [(s.level, s.number or s.title) for s in secs] == [
        (1, "Overdose Act"), (2, "§ 1"), (3, "(a)"), (2, "Commentary")]
    # a marked heading that is itself a statute section gets the number
    marked2 = [(text.index("Section 1."), 2, "Section 1. Purpose.")]
    secs2 = merge_sections(text, marked2)
    assert secs2[0].number == "§ 1" and secs2[0].level == 2
    assert secs2[1].number == "(a)" and secs2[1].level == 3
    assert merge_sections(text, ()) == detect_sections(text)


def test_close_sections_end_rule() -> None:
    secs = close_sections([(0, 1, "A", ""), (10, 2, "B", ""), (20, 2, "C", ""),
                           (30, 1, "D", "")], 50)
    assert [(s.start, s.end) for s in secs] == [(0, 30), (10, 20), (20, 30), (30, 50)]


def test_roman_numerals() -> None:
    assert [roman_value(r) for r in ["I", "IV", "IX", "XIV", "XL", "IIII", "VX", ""]] == [
        1, 4, 9, 14, 40, 0, 0, 0]
    assert all(roman_value(to_roman(n)) == n for n in range(1, 200))


def test_deterministic_and_empty() -> None:
    assert detect_sections("") == ()
    assert detect_sections(STATUTE) == detect_sections(STATUTE)


_LINES = st.sampled_from([
    "Section 1. Short title.", "Section 2. Definitions.—(a) Words.", "§ 3. Immunity.",
    "Sec. 4-210. Penalties.", "(a) A person shall not be charged.", "(b) Except as provided.",
    "(1) with possession;", "(2) with paraphernalia.", "(i) first clause;", "(ii) second;",
    "(A) capital", "(c) third", "I. BACKGROUND", "II. POLICY", "A. Data", "1. Purpose",
    "2. Scope", "EXECUTIVE SUMMARY", "PART II", "Chapter 5", "Article 3. Treatment",
    "The office will decline these charges in every case.", "and then (a) mid-sentence",
    "Plain words here", "", "35 P.S. § 780-113. Prohibited acts.", "(aa) pennsylvania style",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_LINES, st.sampled_from(["\n", "\n\n", " "])), max_size=40))
def test_sections_are_well_nested_and_inside_the_text(parts: list[tuple[str, str]]) -> None:
    text = normalize_text("".join(line + sep for line, sep in parts))
    secs = detect_sections(text)
    _check_nesting(text, secs)
    marked = [(s.start, s.level, s.title) for s in secs if s.level == 1]
    _check_nesting(text, merge_sections(text, marked))


def _check_nesting(text: str, secs: tuple[Section, ...]) -> None:
    for s in secs:
        assert 0 <= s.start < s.end <= len(text)
        assert s.level >= 1
        assert s.title
    for a in secs:
        for b in secs:
            if a is b:
                continue
            disjoint = a.end <= b.start or b.end <= a.start
            a_in_b = b.start <= a.start and a.end <= b.end and b.level < a.level
            b_in_a = a.start <= b.start and b.end <= a.end and a.level < b.level
            assert disjoint or a_in_b or b_in_a, (a, b)
    doc = DocText("x", text, (Page(1, 0, len(text)),), secs)
    for s in secs:
        assert doc.section_at(s.start) is not None
