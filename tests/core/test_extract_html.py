"""Saved web pages: article body without boilerplate, metadata, decoding, bad input. (The
extractor never reaches the network: tests/conftest.py fails any test that tries.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.errors import DamagedFile, DocumentError, FileTooLarge
from reader.extract import html as html_extractor
from reader.extract.registry import extract_file
from tests.core.formats_fixtures import FIXTURES, check_deterministic, check_extracted

HTML = FIXTURES / "html"


@pytest.mark.parametrize("name", sorted(p.name for p in HTML.glob("*.html")))
def test_every_html_fixture_is_normalised_and_deterministic(name: str) -> None:
    check_deterministic(html_extractor.extract, HTML / name)


def test_news_article_body_without_boilerplate() -> None:
    x = extract_file(HTML / "news_article.html")
    text = x.text
    assert "will no longer file charges against people found with small amounts" in text
    assert "keeping people alive long enough to get better" in text
    for junk in ["We use cookies", "Accept all cookies", "Subscribe today", "Sports",
                 "ADVERTISEMENT", "Riverton Motors", "Mattress", "You may also like",
                 "Ten restaurants", "overtime thriller", "riverfan88", "should resign",
                 "common sense from the courthouse", "All rights reserved", "Share on Facebook",
                 "TRACKING-SCRIPT-TEXT", "dataLayer", "console.log", "font-family",
                 "NewsArticle"]:
        assert junk not in text, junk


def test_news_article_metadata_and_sections() -> None:
    x = extract_file(HTML / "news_article.html")
    m = x.meta
    assert m.title == "County prosecutor ends charges for small-amount possession"
    assert m.author == "Jane Doe; Sam Roe"
    assert m.date == "2021-03-04"
    assert m.site == "The Riverton Ledger"
    assert m.source_url == ("https://ledger.example.org/news/2021/03/04/"
                            "prosecutor-possession-policy")
    assert m.kind == "article"
    assert m.jurisdiction == "Alder County, PA"
    titles = [(s.level, s.title) for s in x.sections]
    assert (2, "What the memo says") in titles
    assert (2, "Reaction from advocates and police") in titles
    memo = next(s for s in x.sections if s.title == "What the memo says")
    body = x.text[memo.start:memo.end]
    assert "four-page memo" in body and "Reaction from" not in body


def test_court_opinion_page_is_an_opinion() -> None:
    x = extract_file(HTML / "court_opinion.html")
    m = x.meta
    assert m.kind == "opinion"
    assert m.title == "Commonwealth v. Ellison"  # the short form lawyers cite
    assert m.judge == "Judge Reyes" and m.docket == "No. 1423 EDA 2021"
    assert m.site == "Superior Court of Pennsylvania"
    assert m.citation == "No. 1423 EDA 2021"
    assert m.date == "2022-08-12"
    assert m.jurisdiction == "PA"
    assert [s.title for s in x.sections if s.level == 2] == [
        "I. BACKGROUND", "II. DISCUSSION", "III. CONCLUSION"]
    assert "OPINION-SCRIPT-SECRET" not in x.text
    assert "Case Law Archive is a fictional site" not in x.text


def test_windows_1252_page_with_meta_charset() -> None:
    x = extract_file(HTML / "legacy_cp1252.html")
    assert "§ 152.02" in x.text
    assert "“giving up”" in x.text and "city’s" in x.text and "5–2" in x.text
    assert x.meta.title == "Council backs “safe use” sites"
    assert x.meta.jurisdiction == "Fenmore, MN"


def test_page_without_body_or_head() -> None:
    x = extract_file(HTML / "no_body.html")
    assert "Drug checking: testing a sample" in x.text
    assert "Naloxone: a medicine" in x.text
    assert "GLOSSARY-SCRIPT" not in x.text
    assert x.meta.title == "Harm reduction glossary (sample)"


def test_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    x = extract_file(HTML / "news_article.html")
    assert "will no longer file charges" in x.text
    assert "What the memo says" in [s.title for s in x.sections]
    for junk in ["TRACKING-SCRIPT-TEXT", "font-family", "Accept all cookies", "riverfan88",
                 "Ten restaurants", "Subscribe today", "All rights reserved", "Home",
                 "Share on Facebook", "ADVERTISEMENT"]:
        assert junk not in x.text, junk
    assert x.meta.title == "County prosecutor ends charges for small-amount possession"
    assert any("no article body" in w for w in x.warnings)


def test_fallback_when_trafilatura_crashes(monkeypatch: pytest.MonkeyPatch,
                                           caplog: pytest.LogCaptureFixture) -> None:
    import trafilatura

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    x = extract_file(HTML / "court_opinion.html")
    assert "We agree, and we reverse." in x.text
    assert any("the article extractor failed on this page (RuntimeError)" in w
               for w in x.warnings)
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert errors and errors[0].exc_info and "parser exploded" in str(errors[0].exc_info[1])


def test_scripts_never_reach_the_text(tmp_path: Path) -> None:
    path = tmp_path / "x.html"
    path.write_text("<html><head><script>var SECRET1 = 1;</script></head><body>"
                    "<p>Visible paragraph one about syringe services and the county budget.</p>"
                    "<script type='text/javascript'>document.write('SECRET2')</script>"
                    "<noscript>SECRET3 enable javascript</noscript>"
                    "<p onclick=\"alert('SECRET4')\">Visible paragraph two about naloxone.</p>"
                    "<style>p { color: red } /* SECRET5 */</style>"
                    "<template><p>SECRET6</p></template></body></html>", "utf-8")
    x = extract_file(path)
    assert "Visible paragraph one" in x.text and "Visible paragraph two" in x.text
    for n in range(1, 7):
        assert f"SECRET{n}" not in x.text


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"   \n\t  ", "contains no text"),
    (b"<html><head><script>only()</script></head><body>  </body></html>", "no readable text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "does not look like a text file"),
    (bytes(range(256)) * 8, "does not look like a text file"),
    (b"PK\x03\x04" + bytes(100), "zip"),
])
def test_bad_html_files(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(data)
    with pytest.raises(DamagedFile, match=reason) as err:
        extract_file(path)
    assert str(err.value).startswith("page.html: ") and "\n" not in str(err.value)


def test_malformed_html_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "broken.htm"
    path.write_bytes(b"<html><body><div><p>Unclosed paragraph about drug checking and the law"
                     b"<p>Another <b>bold <i>crossed</b> tags</i> about naloxone<table><tr>"
                     b"<td>cell</div></body>")
    x = extract_file(path)
    assert "Unclosed paragraph about drug checking" in x.text


def test_huge_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.html"
    with open(big, "wb") as fh:
        fh.truncate(30 * 1024 * 1024)
    with pytest.raises(FileTooLarge, match="web page files over 20 MB"):
        extract_file(big)
    # over the main-text limit: the plain page text is kept, quickly
    monkeypatch.setattr(html_extractor, "MAX_ARTICLE_BYTES", 50_000)
    paras = "".join(f"<p>Paragraph {i} of a very long saved page about overdose policy.</p>"
                    for i in range(2000))
    page = tmp_path / "long.html"
    page.write_text(f"<html><body><nav>MENU</nav><h1>Long page</h1>{paras}"
                    "<script>SCRIPT</script></body></html>", "utf-8")
    x = extract_file(page)
    assert "Paragraph 1999 of a very long" in x.text
    assert "SCRIPT" not in x.text and "MENU" not in x.text
    assert any("very large page" in w for w in x.warnings)


def test_declared_charset() -> None:
    assert html_extractor.declared_charset(b'<meta charset="windows-1252">') == "windows-1252"
    assert html_extractor.declared_charset(
        b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    ) == "ISO-8859-1"
    assert html_extractor.declared_charset(b"<?xml version='1.0' encoding='koi8-r'?>") == "koi8-r"
    assert html_extractor.declared_charset(b"<p>no charset</p>") is None


_FRAGMENTS = ["<html>", "</html>", "<body>", "<p>", "</p>", "<div class='comments'>", "</div>",
              "<h2>", "</h2>", "<script>x()</script>", "<table><tr><td>", "</td></tr></table>",
              "<ul><li>", "</li></ul>", "<br>", "&amp;", "&#x0;", "&bogus;", "<!--", "-->",
              "<![CDATA[", "]]>", "<meta charset='koi8-r'>", "\x00", "\ufeff", "é", "“§”",
              "Naloxone saves lives when people carry it. ", "The council voted 4-3. ",
              "<svg><text>no</text></svg>", "<a href='javascript:alert(1)'>link</a>", "<"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40))
def test_any_page_reads_or_gives_a_document_error(tmp_path: Path, parts: list[str]) -> None:
    path = tmp_path / "fuzz.html"
    path.write_bytes("".join(parts).encode("utf-8", "surrogatepass"))
    try:
        x = extract_file(path)
    except DocumentError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    check_extracted(x)
