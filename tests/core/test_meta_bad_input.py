"""The bad inputs of issue 10, each with where the best guess came from (or nothing), and
garbage fed to the metadata readers."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.documents.cache import ExtractCache, _sources
from reader.extract.base import Extracted
from reader.extract.dates import labelled_dates
from reader.extract.metadata import guess_meta_sourced
from reader.extract.normalize import normalize_text
from reader.extract.registry import extract_file
from reader.model.documents import FROM_PROPERTIES, DocMeta, DocStatus, FieldSource, Page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "fidelity"


@cache
def ex(name: str) -> Extracted:
    return extract_file(FIXTURES / name)


def source(x: Extracted, field: str) -> FieldSource:
    return next(s for s in x.sources if s.field == field)


def test_fax_cover_sheet_before_the_caption() -> None:
    x = ex("fax_cover_order.pdf")
    assert x.meta.title == "Vickery v. City of Brannock" and x.meta.kind == "filing"
    assert source(x, "title").page == 2  # the caption, not the fax's "RE:" line
    assert x.meta.date == "2018-04-02"  # the docket stamp's, not the fax's DATE: 04/03/2018
    assert "04/03/2018" not in source(x, "date").snippet


def test_table_of_contents_before_the_caption() -> None:
    x = ex("toc_before_caption.pdf")
    assert (x.meta.title, x.meta.date) == ("State v. Dorsey", "2021-01-29")
    assert source(x, "title").page == source(x, "date").page == 2
    assert source(x, "date").snippet == "Filed January 29, 2021"


def test_caption_split_across_two_columns() -> None:
    x = ex("two_column_caption_reprint.pdf")
    assert x.meta.title == "State v. Lowther"
    assert x.meta.citation == "352 Or 81"  # its own, from the running head
    assert source(x, "citation").note == "a running head"


def test_caption_that_is_an_image_falls_back_to_the_file_properties_and_says_so() -> None:
    x = ex("image_caption.pdf")
    title = source(x, "title")
    assert title.origin == FROM_PROPERTIES and "no caption" in title.note
    assert "properties" in title.describe() and "no caption" in title.describe()
    assert (x.meta.jurisdiction, x.meta.site, x.meta.docket) == ("", "", "")  # no guessing


def test_page_one_without_text_is_named_in_the_note() -> None:
    text = normalize_text("The defendant appeals. We affirm; the judgment is AFFIRMED.")
    pages = (Page(1, 0, 0, "", has_text=False), Page(2, 0, len(text), "2"))
    meta, sources = guess_meta_sourced(text, fallback=DocMeta(title="State v. Quill",
                                                              date="2019-05-02"),
                                       pages=pages, paged=True)
    assert meta.title == "State v. Quill" and meta.kind == "opinion"
    title = next(s for s in sources if s.field == "title")
    assert title.describe() == "from the file’s properties: ‘State v. Quill’ (page 1 has no text)"


def test_two_dates_on_one_line_keep_the_argued_date_apart() -> None:
    for line, decided, argued in [
            ("Argued September 14, 2009 Decided February 5, 2010", "2010-02-05", "2009-09-14"),
            ("ARGUED OCTOBER 29, 2012 — DECIDED MARCH 12, 2013", "2013-03-12", "2012-10-29"),
            ("No. 11–889. Argued January 9, 2013—Decided April 23, 2013", "2013-04-23",
             "2013-01-09")]:
        found = {d.label: d.iso for d in labelled_dates(line)}
        assert (found["decided"], found["argued"]) == (decided, argued)
    x = ex("dc_cir_ashworth.pdf")
    assert x.meta.date == "2010-02-05"
    assert source(x, "argued").snippet == "Argued September 14, 2009"


def test_a_day_that_does_not_exist_gives_its_month() -> None:
    x = ex("bad_date_feb30.pdf")
    assert x.meta.date == "2019-02"
    assert "February 30, 2019" in source(x, "date").snippet


def test_fifty_cited_cases_on_page_one() -> None:
    x = ex("fifty_cases_page1.pdf")
    assert x.meta.title == "Roe v. Harlow County Sheriff's Department"
    assert x.meta.citation == "No. 19-11234-TKW"  # never one of the fifty
    assert x.meta.kind == "opinion"  # despite the docket stamp and "MOTION TO DISMISS"


def test_a_different_header_on_every_page() -> None:
    x = ex("varying_headers_petition.pdf")
    assert (x.meta.title, x.meta.kind) == ("Galloway v. State", "filing")
    assert not x.meta.title.startswith("Petition of")


def test_cited_reporter_citations_are_never_the_documents_own() -> None:
    for name, cited in [("dc_cir_ashworth.pdf", "556 U.S. 332"),
                        ("ca7_okafor.pdf", "852 P.2d 729"),
                        ("nc_supreme_fenwick.pdf", "843 S.E.2d 701")]:
        x = ex(name)
        assert cited in x.text and cited not in x.meta.citation


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600),
       st.sampled_from(["", "opinion", "filing", "memo", "nonsense"]))
def test_garbage_never_crashes_and_every_source_points_inside(text: str, kind: str) -> None:
    text = normalize_text(text)
    pages = (Page(1, 0, len(text), ""),)
    meta, sources = guess_meta_sourced(text, DocMeta(kind=kind), fallback=DocMeta(
        title="x v. y", date="D:garbage"), pages=pages, paged=True,
        furniture=((1, "Case: 1 Date Filed: 99/99/9999"), (7, "Cite as: ___")))
    assert isinstance(meta, DocMeta)
    for s in sources:
        assert -1 <= s.start <= s.end <= len(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=5),
                          st.lists(st.one_of(st.integers(), st.text(max_size=3)),
                                   max_size=8)), max_size=6))
def test_damaged_stored_sources_lose_only_the_sources(raw: list) -> None:
    for s in _sources(raw):
        assert isinstance(s, FieldSource)
    assert _sources({"not": "a list"}) == ()


def test_sources_survive_the_cache(tmp_path: Path) -> None:
    cache_ = ExtractCache(tmp_path)
    x = ex("sap_s4.pdf")
    cache_.store("ab" * 32, "pdf-2-m2", x, DocStatus.OK, "")
    entry = cache_.summary("ab" * 32, "pdf-2-m2")
    assert entry is not None and entry.sources == x.sources
    assert entry.meta == x.meta
