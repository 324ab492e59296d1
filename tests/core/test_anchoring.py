"""Anchoring: a highlight stays on its words when the text changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from reader.annotations.anchoring import CONTEXT_CHARS, anchor, make_quote, text_index
from reader.model.annotations import AnchorStatus, Author, Highlight, TextQuote
from reader.model.documents import DocText, Page, Section
from tests.core.annotations_fixtures import MEMO, STATUTE, doc_text, statute_sections

T0 = datetime(2024, 5, 1, tzinfo=UTC)


def hl(text: DocText, words: str, occurrence: int = 0) -> Highlight:
    start = -1
    for _ in range(occurrence + 1):
        start = text.text.index(words, start + 1)
    end = start + len(words)
    return Highlight(id="h1", doc_id=text.doc_id, doc_path="memo.txt", start=start, end=end,
                     quote=make_quote(text.text, start, end), author=Author("a", "A"),
                     created=T0, modified=T0)


def test_make_quote_takes_context_and_clamps() -> None:
    q = make_quote("abcdefghij", 3, 5, context=2)
    assert q == TextQuote("de", "bc", "fg")
    assert make_quote("abc", -4, 99) == TextQuote("abc", "", "")
    long = make_quote(MEMO, 200, 220)
    assert len(long.prefix) == CONTEXT_CHARS and len(long.suffix) == CONTEXT_CHARS


def test_unchanged_text_is_anchored_in_place() -> None:
    dt = doc_text(MEMO)
    h = hl(dt, "decline to charge possession")
    a = anchor(h, dt)
    assert a.status is AnchorStatus.ANCHORED
    assert (a.start, a.end) == (h.start, h.end)
    assert a.doc_id == dt.doc_id and a.score == 1.0


def test_amended_memo_moves_highlights_to_the_same_words() -> None:
    old = doc_text(MEMO)
    h = hl(old, "will not be prosecuted for possession")
    amended = MEMO.replace("Office of the District Attorney",
                           "Office of the District Attorney\n\nAMENDED 2020: see section 4.")
    amended = amended.replace("Officers are encouraged", "Officers must")
    new = doc_text(amended)
    a = anchor(h, new)
    assert a.status is AnchorStatus.MOVED
    assert new.text[a.start:a.end] == "will not be prosecuted for possession"


def test_a_deleted_passage_becomes_an_orphan() -> None:
    old = doc_text(MEMO)
    h = hl(old, "Exceptions require the written approval of the First Assistant.")
    new = doc_text(MEMO.replace("Exceptions require the written approval of the First "
                                "Assistant. ", ""))
    assert anchor(h, new).status is AnchorStatus.ORPHANED


def test_a_small_wording_change_is_found_fuzzily() -> None:
    old = doc_text(MEMO)
    words = "Assistant district attorneys shall not seek bail for people arrested only"
    h = hl(old, words)
    new = doc_text(MEMO.replace("shall not seek bail", "shall not request bail"))
    a = anchor(h, new)
    assert a.status is AnchorStatus.MOVED
    assert 0.8 <= a.score < 1.0
    assert new.text[a.start:a.end].startswith("Assistant district attorneys")
    assert new.text[a.start:a.end].endswith("arrested only")


def test_extractor_changing_line_breaks_still_anchors() -> None:
    wrapped = MEMO.replace("charge possession of a controlled", "charge possession\nof a "
                           "controlled")
    old = doc_text(wrapped)
    h = hl(old, "possession\nof a controlled substance")
    new = doc_text(MEMO)  # the new extractor joined the line
    a = anchor(h, new)
    assert a.status is not AnchorStatus.ORPHANED
    assert new.text[a.start:a.end] == "possession of a controlled substance"


def test_repeated_words_are_told_apart_by_their_context() -> None:
    text = ("The board reviewed the policy. The policy applies to possession only. "
            "Later, the policy was extended to paraphernalia. " * 1)
    old = doc_text(text)
    h = hl(old, "the policy", occurrence=1)  # "...Later, the policy was extended"
    new = doc_text("Preface added here. " + text)
    a = anchor(h, new)
    assert new.text[a.start:a.end] == "the policy"
    assert new.text[a.end:a.end + 13] == " was extended"


def test_short_quote_whose_occurrence_was_deleted_is_not_moved_to_another() -> None:
    text = "Naloxone is free. Officers carry naloxone daily. Pharmacies stock naloxone too."
    old = doc_text(text)
    h = hl(old, "naloxone", occurrence=0)  # in "Officers carry naloxone daily"
    new = doc_text(text.replace("Officers carry naloxone daily. ", ""))
    assert anchor(h, new).status is AnchorStatus.ORPHANED


def test_positions_past_the_end_negative_or_reversed_fall_back_to_the_quote() -> None:
    dt = doc_text(MEMO)
    good = hl(dt, "Officers are encouraged to carry naloxone")
    for start, end in ((len(MEMO) + 5, len(MEMO) + 40), (-30, -2), (good.end, good.start),
                       (-1, -1)):
        a = anchor(replace(good, start=start, end=end), dt)
        assert a.status is not AnchorStatus.ORPHANED
        assert (a.start, a.end) == (good.start, good.end)


def test_a_position_only_highlight_anchors_only_on_the_same_version() -> None:
    dt = doc_text(MEMO)
    h = replace(hl(dt, "naloxone"), quote=TextQuote(""))
    assert anchor(h, dt).status is AnchorStatus.ANCHORED
    assert anchor(h, doc_text(MEMO + " More.")).status is AnchorStatus.ORPHANED
    assert anchor(replace(h, start=-5), dt).status is AnchorStatus.ORPHANED


def test_blank_and_tiny_quotes_never_match_by_fuzz() -> None:
    dt = doc_text(MEMO)
    h = replace(hl(dt, "naloxone"), doc_id="other", start=0, end=3,
                quote=TextQuote("   ", "", ""))
    assert anchor(h, dt).status is AnchorStatus.ORPHANED
    h2 = replace(h, quote=TextQuote("zq", "", ""))
    assert anchor(h2, dt).status is AnchorStatus.ORPHANED


def test_page_label_and_section_pinpoint() -> None:
    sections = statute_sections(STATUTE)
    dt = doc_text(STATUTE, pages=3, sections=sections)
    h = hl(dt, "dispense naloxone under a standing order")
    a = anchor(h, dt)
    assert a.section == "§ 3(b)"
    assert a.page == dt.page_at(a.start).label == "3"
    h2 = hl(dt, "This act may be cited")
    assert anchor(h2, dt).section == "§ 1" and anchor(h2, dt).page == "1"


def test_unpaged_text_has_no_page_label_and_printed_labels_are_used() -> None:
    dt = doc_text(MEMO)
    assert anchor(hl(dt, "naloxone"), dt).page == ""
    labelled = DocText("x", MEMO, (Page(1, 0, 100, "iv"), Page(2, 102, len(MEMO), "")), ())
    idx = text_index(labelled)
    assert idx.page_label(5) == "iv"
    assert idx.page_label(500) == "2"  # no printed label: the page number


def test_emoji_and_accents_are_counted_in_code_points() -> None:
    text = "Café owners 😀 may carry naloxone. Señora Núñez agreed."
    dt = doc_text(text)
    h = hl(dt, "may carry naloxone")
    assert h.start == text.index("may")
    new = doc_text("😀😀 " + text)
    a = anchor(h, new)
    assert new.text[a.start:a.end] == "may carry naloxone"
    assert a.start == h.start + 3


def test_text_index_sections_outside_any_section() -> None:
    dt = DocText("d", "Intro text. § 1 Body.", (Page(1, 0, 21, ""),),
                 (Section("One", 1, 12, 21, "§ 1"),))
    idx = text_index(dt)
    assert idx.pinpoint(3) == ""
    assert idx.pinpoint(15) == "§ 1"
    assert text_index(dt) is idx  # cached while the text is alive


def test_a_very_common_quote_in_a_long_text_is_placed_by_context() -> None:
    para = "The office will review each case on its own facts. "
    text = para * 400 + "Unique closing remark about naloxone. " + para * 10
    old = doc_text(text)
    start = len(para) * 200 + text[len(para) * 200:].index("review each case")
    h = Highlight(id="h", doc_id=old.doc_id, doc_path="m", start=start, end=start + 16,
                  quote=make_quote(text, start, start + 16), author=Author("a", "A"),
                  created=T0, modified=T0)
    new = doc_text("Inserted. " + text)
    a = anchor(h, new)
    # identical context everywhere: it stays the nearest occurrence to where it was
    assert a.status is AnchorStatus.MOVED and new.text[a.start:a.end] == "review each case"
    assert abs(a.start - (start + 10)) < len(para)
