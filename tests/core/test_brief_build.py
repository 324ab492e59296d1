"""The pure brief builder: selection, citations, grouping, numbering, orphans, anonymity."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import SimpleNamespace

import pytest

from reader.errors import NothingToExport
from reader.export import citation as cite
from reader.export.build import build_brief
from reader.export.model import Brief
from reader.export.options import BriefOptions, GroupBy, OrphanPolicy
from reader.export.select import ThemeTree, select
from reader.model.annotations import AnchorStatus, Placed, Stance, Theme
from reader.model.documents import DocMeta
from tests.core.brief_fixtures import JONAH, MARIA, Fixture, sample

NOW = dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC)


def build(f: Fixture, **opts: object) -> Brief:
    return build_brief(BriefOptions(**opts), f.placed, f.documents, f.text,
                       f.taxonomy, now=NOW)


def titles(brief: Brief) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in brief.walk()]


def test_theme_grouping_follows_taxonomy_order_with_nested_sub_themes() -> None:
    b = build(sample())
    assert titles(b) == [
        (1, "Decriminalization and declination"), (2, "Charging policies"),
        (1, "Diversion and deflection"), (1, "Overdose response"),
        (1, "Treatment and coercion"), (1, "Racial equity"),
        (1, "Voices of people who use drugs")]
    assert b.quote_count == 14
    assert b.orphan_count == 1
    assert len(b.sources) == 4
    # each section's description is the theme's definition
    assert b.sections[0].description.startswith("Non-prosecution")


def test_every_cited_page_holds_the_quote() -> None:
    f = sample()
    b = build(f)
    for q in b.quotes():
        text = f.text(q.doc_id)
        if q.citation.page:
            page = text.page(q.page_number)
            assert page is not None and page.cite_label == q.citation.page
            assert " ".join(q.text.split()) in " ".join(text.text[page.start:page.end].split())
        else:
            assert not f.documents[q.doc_id].paged


def test_citations_read_consistently() -> None:
    b = build(sample())
    by_text = {q.text: q for q in b.quotes()}
    memo = by_text["those items shall not be cited as evidence of intent to distribute"]
    assert cite.plain(memo.citation) == (
        "Charging Policy on Possession of Controlled Substances (Lakeview County District "
        "Attorney’s Office, Mar. 3, 2021), p. 2, § 2(b)")
    statute = by_text["shall not be charged or prosecuted for possession"]
    assert cite.plain(statute.citation) == "Overdose Good Samaritan Act (State Legislature, " \
        "2017), § 42-101(a)"
    report = by_text["Pre-arrest diversion reduced re-arrest for participants by a third"]
    assert report.citation.page == "ii"  # the printed page label, not the physical number
    assert report.page_number == 1
    article = next(q for q in b.quotes() if q.text.startswith("“Nobody"))
    assert cite.plain(article.citation).endswith("(Dana Whitfield, The Lakeview Ledger, "
                                                 "June 14, 2022)")


def test_a_quote_running_onto_the_next_page_cites_both() -> None:
    f = sample()
    text = f.text("d-memo")
    p1, p2 = text.pages[0], text.pages[1]
    f.placed.append(Placed(replace(f.placed[0].highlight, id="urn:x:span"),
                           replace(f.placed[0].anchor, start=p1.end - 20, end=p2.start + 12)))
    q = next(q for q in build(f).quotes() if q.highlight_id == "urn:x:span")
    assert (q.citation.page, q.citation.end_page) == ("1", "2")
    assert cite.pinpoint(q.citation).startswith("pp. 1–2")
    assert "\n" not in q.text.replace("\n\n", "")  # soft breaks read as spaces


def test_a_quote_from_a_page_read_by_ocr_says_to_check_it() -> None:
    from reader.export.labels import OCR_CAVEAT, quote_meta
    from reader.export.markdown import render_markdown as render_md

    f = sample()
    text = f.text("d-memo")
    f.texts["d-memo"] = replace(text, pages=(text.pages[0], replace(text.pages[1], ocr=True),
                                             *text.pages[2:]))
    brief = build(f)
    scanned = [q for q in brief.quotes() if q.doc_id == "d-memo" and q.page_number == 2]
    typed = [q for q in brief.quotes() if q.doc_id == "d-memo" and q.page_number == 1]
    assert scanned and typed
    assert all(q.ocr for q in scanned) and not any(q.ocr for q in typed)
    section = next(s for s in brief.walk() if any(q in s.quotes for q in scanned))
    assert quote_meta(brief, section, scanned[0]).endswith(OCR_CAVEAT)
    assert OCR_CAVEAT in render_md(brief)


def test_a_reprints_printed_page_is_cited_with_its_place_in_the_file() -> None:
    f = Fixture()
    f.add_doc("d-reprint", "reports/reprint.pdf", DocMeta(title="Reprint", kind="report"),
              [["Overdose deaths fell after the county funded naloxone kits."],
               ["Arrests for possession did not change in the same period."]],
              labels=["231", "232"])
    f.add_doc("d-plain", "reports/plain.pdf", DocMeta(title="Plain", kind="report"),
              [["Syringe services reduce infections."]])
    f.highlight("d-reprint", "county funded naloxone kits")
    f.highlight("d-reprint", "did not change")
    f.highlight("d-plain", "reduce infections")
    pins = {q.citation.title: cite.pinpoint(q.citation) for q in build(f).quotes()
            if q.citation.page != "232"}
    assert pins == {"Reprint": "p. 231 (PDF p. 1)", "Plain": "p. 1"}
    second = next(q for q in build(f).quotes() if q.citation.page == "232")
    assert cite.pinpoint(second.citation) == "p. 232 (PDF p. 2)"


def test_multi_theme_quote_is_quoted_once_and_referred_to_in_its_other_section() -> None:
    b = build(sample())
    placements = [(s.title, q) for s, q in b.placements() if q.text.startswith("those items")]
    assert [t for t, _ in placements] == ["Decriminalization and declination"]
    quote = placements[0][1]
    assert quote.also_under == ("Overdose response",)
    refs = [(s.title, r) for s, r in b.references() if r.highlight_id == quote.highlight_id]
    assert [(t, r.number) for t, r in refs] == [("Overdose response", quote.number)]
    ref = refs[0][1]
    assert (ref.section_title, ref.excerpt) == ("Decriminalization and declination",
                                                quote.text)  # short: not cut
    assert ref.section_key == b.sections[0].key
    overdose = next(s for s in b.sections if s.title == "Overdose response")
    assert overdose.quote_count == len(overdose.quotes) + 1  # the reference counts there


def test_theme_filter_includes_sub_themes_and_files_quotes_under_the_chosen_ones() -> None:
    b = build(sample(), themes=("decrim",))
    assert titles(b) == [(1, "Decriminalization and declination"), (2, "Charging policies")]
    # the memo quote tagged overdose + decrim is not filed under overdose here
    assert all(not q.also_under for _, q in b.placements())


def test_quote_tagged_with_parent_and_child_is_filed_under_the_child_only() -> None:
    f = sample()
    f.highlight("d-memo", "simple possession", themes=["decrim", "decrim-charging"])
    b = build(f)
    homes = [s.title for s, q in b.placements() if q.text == "simple possession"]
    assert homes == ["Charging policies"]


def test_document_grouping_keeps_reading_order_and_names_themes() -> None:
    b = build(sample(), group_by=GroupBy.DOCUMENT)
    assert [s.title for s in b.sections] == [
        "Overdose Good Samaritan Act",  # statutes first, as a legal brief lists authorities
        "Charging Policy on Possession of Controlled Substances",
        "Evaluating Pre-Arrest Diversion in Lakeview",
        "A year after the memo, fewer cases — and a fragile trust"]
    memo = b.sections[1]
    starts = [q.start for q in memo.quotes]
    assert starts == sorted(starts)
    assert "Lakeview County District Attorney’s Office" in memo.subtitle
    assert memo.quotes[2].themes == ("Decriminalization and declination", "Overdose response")
    assert [q.number for q in b.quotes()] == list(range(1, 15))


def test_documents_listed_by_the_person_keep_their_order() -> None:
    b = build(sample(), group_by=GroupBy.DOCUMENT, documents=("d-report", "d-article"))
    assert [s.title for s in b.sections] == ["Evaluating Pre-Arrest Diversion in Lakeview",
                                            "A year after the memo, fewer cases — and a "
                                            "fragile trust"]


def test_stance_layout_sets_arguments_beside_counter_arguments() -> None:
    b = build(sample(), group_by=GroupBy.STANCE)
    decrim = b.sections[0]
    assert [c.title for c in decrim.children] == ["Supports harm reduction",
                                                  "Opposes harm reduction", "Charging policies"]
    assert decrim.quotes == ()
    equity = next(s for s in b.sections if s.title == "Racial equity")
    # a highlight without a stance counts as neutral or unclear
    assert [c.title for c in equity.children] == ["Supports harm reduction",
                                                  "Neutral or unclear"]


def test_filters_by_author_stance_document_and_date() -> None:
    f = sample()
    assert {q.annotator for q in build(f, authors=("jonah whitcombe",)).quotes()} == \
        {"Jonah Whitcombe"}
    assert {q.annotator for q in build(f, authors=(MARIA.id,)).quotes()} == {"María Ortega"}
    opp = build(f, stances=(Stance.OPPOSES,))
    assert {q.stance for q in opp.quotes()} == {Stance.OPPOSES}
    neutral = build(f, stances=(Stance.NEUTRAL,))
    assert any(q.stance is None for q in neutral.quotes())
    docs = build(f, documents=("d-statute",))
    assert {q.doc_id for q in docs.quotes()} == {"d-statute"}
    f.highlight("d-memo", "first quarter of 2022", themes=["equity"],
                created=dt.datetime(2025, 1, 10, 12, tzinfo=dt.UTC))
    late = build(f, since=dt.date(2025, 1, 1))
    assert [q.text for q in late.quotes()] == ["first quarter of 2022"]
    assert build(f, until=dt.date(2024, 12, 31)).quote_count == 14


def test_nothing_to_export_explains_why() -> None:
    f = sample()
    with pytest.raises(NothingToExport, match="No highlight matches themes nope"):
        build(f, themes=("nope",))
    with pytest.raises(NothingToExport, match="no highlights"):
        build(Fixture())
    only_orphan = sample()
    with pytest.raises(NothingToExport, match="cannot be found in the current versions"):
        build(only_orphan, themes=("voices",), authors=(JONAH.id,))


def test_orphans_are_never_cited_and_can_be_listed_without_a_page() -> None:
    f = sample()
    counted = build(f)
    assert counted.orphan_count == 1 and counted.orphans == ()
    assert all("first time a program asked" not in q.text for q in counted.quotes())
    assert "could not be found" in counted.orphan_sentence()
    listed = build(f, orphans=OrphanPolicy.APPENDIX)
    (o,) = listed.orphans
    assert "first time a program asked" in o.text
    assert o.doc_title == "Evaluating Pre-Arrest Diversion in Lakeview"
    assert "could not be found" in o.reason


def test_anchor_outside_the_text_or_missing_document_is_an_orphan() -> None:
    f = sample()
    h = f.placed[0]
    f.placed.append(Placed(replace(h.highlight, id="urn:x:far"),
                           replace(h.anchor, start=10**6, end=10**6 + 5)))
    f.placed.append(Placed(replace(h.highlight, id="urn:x:gone", doc_id="d-gone"),
                           replace(h.anchor, doc_id="d-gone")))
    b = build(f, orphans=OrphanPolicy.APPENDIX)
    reasons = {o.highlight_id: o.reason for o in b.orphans}
    assert "outside" in reasons["urn:x:far"]
    assert "no longer in the workspace" in reasons["urn:x:gone"]
    assert b.quote_count == 14


def test_unreadable_text_makes_an_orphan_not_a_crash() -> None:
    from reader.errors import DocumentError
    f = sample()

    def texts(doc_id: str):
        if doc_id == "d-article":
            raise DocumentError("damaged")
        return f.text(doc_id)

    b = build_brief(BriefOptions(), f.placed, f.documents, texts, f.taxonomy, now=NOW)
    assert b.quote_count == 11 and b.orphan_count == 4


def test_anonymize_removes_annotator_names_everywhere_in_the_model() -> None:
    b = build(sample(), anonymize=True, orphans=OrphanPolicy.APPENDIX)
    assert b.annotators == ()
    assert all(q.annotator == "" for q in b.quotes())
    assert all(o.annotator == "" for o in b.orphans)
    # a note that names a member is redacted
    note = next(q.note for q in b.quotes() if q.note.endswith("not published yet."))
    assert note == "[annotator] checked: not published yet."
    assert "Jonah" not in repr(b) and "María" not in repr(b) and "Ortega" not in repr(b)


def test_notes_can_be_left_out() -> None:
    b = build(sample(), include_notes=False, orphans=OrphanPolicy.APPENDIX)
    assert all(q.note == "" for q in b.quotes())


def test_deleted_and_merged_themes_follow_the_taxonomy() -> None:
    tax = SimpleNamespace(themes=sample().taxonomy,
                          aliases={"old-overdose": "overdose", "gone": None})

    f = sample()
    f.highlight("d-statute", "seeks medical help", themes=["old-overdose", "gone"])
    b = build_brief(BriefOptions(themes=("old-overdose",)), f.placed, f.documents, f.text,
                    tax, now=NOW)
    assert [s.title for s in b.walk()] == ["Overdose response"]
    q = next(q for q in b.quotes() if q.text == "seeks medical help")
    assert q.themes == ("Overdose response",)


def test_unknown_theme_and_untagged_highlights_get_their_own_sections() -> None:
    f = sample()
    f.highlight("d-statute", "seeks medical help", themes=["someone-elses-theme"])
    f.highlight("d-statute", "experiencing a drug overdose")
    b = build(f)
    assert [s.title for s in b.sections][-2:] == ["someone-elses-theme",
                                                  "Not assigned to a theme"]
    assert "not in the workspace" in b.sections[-2].description


def test_theme_tree_survives_cycles_and_missing_parents() -> None:
    tree = ThemeTree([Theme("a", "A", "#000000", parent="b"),
                      Theme("b", "B", "#000000", parent="a"),
                      Theme("c", "C", "#000000", parent="missing")])
    assert {t.id for t in tree.roots()} == {"a", "b", "c"}
    assert tree.descendants("a") == {"a"}


def test_select_is_the_cheap_count_the_dialog_uses() -> None:
    f = sample()
    assert len(select(BriefOptions(), f.placed, f.taxonomy)) == 15
    assert len(select(BriefOptions(themes=("voices",)), f.placed, f.taxonomy)) == 2


def test_texts_are_made_safe_for_xml_and_paragraphs_kept() -> None:
    f = sample()
    f.add_doc("d-odd", "odd.txt", DocMeta(title="Odd\x0b title\x00", kind="report"),
              [["First para with a\nsoft break.", "Second \x01para."]], paged=False)
    f.highlight("d-odd", "First para with a\nsoft break.\n\nSecond \x01para.", note="x\x02y")
    q = next(q for q in build(f).quotes() if q.doc_id == "d-odd")
    assert q.text == "First para with a soft break.\n\nSecond para."
    assert q.paragraphs == ("First para with a soft break.", "Second para.")
    assert q.citation.title == "Odd title"
    assert q.note == "xy"


def test_cover_defaults() -> None:
    b = build(sample(), title="  ", as_of=dt.date(2026, 1, 31))
    assert b.cover.title == "Briefing packet"
    assert b.cover.date == NOW.date()
    assert b.cover.as_of == dt.date(2026, 1, 31)
    assert b.summary() == "14 passages from 4 documents under 7 themes."
    one = build(sample(), documents=("d-statute",), stances=(Stance.SUPPORTS,),
                authors=(JONAH.id,))
    assert one.summary() == "1 passage from 1 document under 1 theme."


def test_theme_appendix_lists_used_themes_with_definitions_in_order() -> None:
    b = build(sample(), themes=("overdose", "equity"))
    assert [(t.label, t.quote_count) for t in b.themes] == [("Overdose response", 3),
                                                            ("Racial equity", 2)]
    nested = build(sample(), themes=("decrim-charging",))
    assert [(t.label, t.parent, t.level) for t in nested.themes] == [
        ("Decriminalization and declination", "", 1),
        ("Charging policies", "Decriminalization and declination", 2)]


def test_orphan_status_moved_is_still_cited() -> None:
    f = sample()
    f.highlight("d-statute", "seeks medical help", themes=["overdose"],
                status=AnchorStatus.MOVED)
    assert any(q.text == "seeks medical help" for q in build(f).quotes())
