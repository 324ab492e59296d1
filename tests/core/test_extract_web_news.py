"""Saved news pages in the structures of major news sites: headline, byline, date and site
from the page's metadata; a body as clean as a careful reader's (word-F1 against each
fixture's reference body), cleaner than the article extractor alone."""

from __future__ import annotations

import logging
import re
import statistics
from functools import cache

import pytest

from reader.extract.base import Extracted
from reader.extract.registry import extract_file
from reader.extract.web.engine import article_engine
from tests.core.news_fixtures import news_fixtures, word_f1

FIXTURES = news_fixtures()
BY_NAME = {f.name: f for f in FIXTURES}
#: Every fixture's body must reach this word-F1 against its reference.
MIN_F1 = 0.97
#: Furniture that must never be left in a body (unless the article itself says it).
FURNITURE = ["Continue reading", "Read more", "READ MORE", "Sign up", "Share", "Advertisement",
             "ADVERTISEMENT", "Story continues below", "Credit", "Photo:", "Photo by",
             "AW Photo", "Getty Images", "Image source", "Image caption", "newsletter",
             "Subscribe", "comments", "Comments", "Skip to", "All rights reserved",
             "Most Popular", "Most viewed", "Related", "RELATED", "Also read", "ALSO READ",
             "Show key events", "Updated at", "Buy Photo", "1 of 6", "Pictured",
             "print edition", "staff writer at", "is the medical director", "Leave a Reply",
             "Reply", "Trending", "Explore the", "Pokračování článku pod reklamou", "Reklama",
             "Čtěte také", "Sdílet", "Foto:", "Diskuse", "Přihlaste se", "シェア", "関連記事",
             "撮影", "写真・図版", "この記事を書いた人", "コメント", "Listen (", "Gift",
             "Already a subscriber", "Key events", "Newest first", "Tagged", "Post navigation",
             "Download the", "Republish", "Creative Commons", "Contact reporter",
             "in partnership with", "Donate", "Anzeige", "Lesen Sie auch", "Mehr zum Thema",
             "Artikel teilen", "Zur Startseite", "Kommentare", "Zum Inhalt"]


@cache
def extracted(name: str) -> Extracted:
    return extract_file(BY_NAME[name].path)


def test_there_are_at_least_ten_kinds_of_news_page() -> None:
    assert len(FIXTURES) >= 10
    assert {"cs", "ja"} <= {f.lang for f in FIXTURES}
    assert len({f.style for f in FIXTURES}) == len(FIXTURES)


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_headline_byline_date_and_site(name: str) -> None:
    fx, x = BY_NAME[name], extracted(name)
    assert x.meta.title == " ".join(fx.headline.split())
    assert x.meta.author == fx.author
    assert x.meta.date == fx.date
    assert x.meta.site == fx.site
    assert x.meta.kind == "article"


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_body_is_the_article_only(name: str) -> None:
    fx, x = BY_NAME[name], extracted(name)
    assert word_f1(x.text, fx.body) >= MIN_F1
    left = [p for p in FURNITURE if p in x.text and p not in fx.body]
    assert not left, left
    assert not x.warnings  # the article was found, not the whole page
    first_para = fx.body.split("\n\n")[0].lstrip("- ")
    assert x.text.lstrip("- ").startswith(first_para[:30])
    assert x.text.rstrip().endswith(fx.body.rstrip()[-30:])


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_subheadings_are_sections(name: str) -> None:
    fx, x = BY_NAME[name], extracted(name)
    titles = [s.title for s in x.sections]
    assert [t for t in titles if t in fx.headings] == list(fx.headings)


def test_median_body_f1_beats_trafilatura_alone() -> None:
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    engine = article_engine()
    ours, alone = [], []
    for fx in FIXTURES:
        ours.append(word_f1(extracted(fx.name).text, fx.body))
        text = engine.extract(fx.path.read_text("utf-8"), favor_recall=True,
                              include_comments=False, include_tables=True) or ""
        alone.append(word_f1(text, fx.body))
    assert statistics.median(ours) >= 0.97
    assert statistics.median(ours) > statistics.median(alone)
    assert statistics.mean(ours) > statistics.mean(alone)
    assert all(o >= a - 0.005 for o, a in zip(ours, alone, strict=True))


def test_list_items_and_quotes_of_the_article_are_kept() -> None:
    daily = extracted("national_daily").text
    assert "- remove testing equipment from the definition of paraphernalia;" in daily
    assert "“We were taking away the one thing" in daily
    tabloid = extracted("tabloid").text
    assert tabloid.startswith("- Rory Calloway, 47, set off from Pike Hollow")
    live = extracted("live_blog").text
    assert "- an independent review after three years." in live
    assert re.search(r"Bill passes second reading by 41 votes\n\nThe overdose prevention", live)
