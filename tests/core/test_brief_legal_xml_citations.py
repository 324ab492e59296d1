"""Quotes from legislative XML shaped as publishers publish it are cited as the law is
cited: a D.C. Code section and a U.S. Code title by code and subsection, their notes
"… note", a federal bill and a public law by their number and section, as the Bluebook
does ("H.R. 4821, 119th Cong. § 101(b)(2) (2025)", "Pub. L. No. 119-212, § 2(b)(2) (2026)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.export.citation import plain
from reader.export.model import Citation
from tests.core.quoted_brief import quoted_brief

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "legal_xml"
QUOTES = {  # file → (words quoted, the citation expected)
    "dc-law": ("dc/7-2931.04.xml", "Publish a quarterly count of kits distributed",
               "D.C. Code § 7-2931.04(a)(3)(B) (2024)"),
    "dc-note": ("dc/7-2931.04.xml", "D.C. Law 25-377, § 12, effective 2024-06-14",
                "D.C. Code § 7-2931.04 note (2024)"),
    "usc-law": ("usc-title-42-chapter-6c-excerpt.xml", "not to require abstinence as a",
                "42 U.S.C. § 2901(b)(2)(A) (2024)"),
    "usc-continuation": ("usc-title-42-chapter-6c-excerpt.xml",
                         "except that a tribal organization", "42 U.S.C. § 2901(b)(2) (2024)"),
    "usc-note": ("usc-title-42-chapter-6c-excerpt.xml", "related to a pilot program",
                 "42 U.S.C. § 2902 note (2024)"),
    "bill": ("bill-dtd-hr-4821-ih.xml", "distributes the equipment without charge",
             "H.R. 4821, 119th Cong. § 101(b)(2) (2025)"),
    "plaw": ("uslm2-plaw-119-212.xml", "may not be used to support a criminal prosecution",
             "Pub. L. No. 119-212, § 2(b)(2) (2026)"),
    "uk": ("akn3-ukpga-2026-9-drug-checking.xml", "applies to any volunteer",
           "Drug Checking Services Act 2026 (United Kingdom Parliament, Sept. 1, 2026), "
           "§ 2(2)"),
    "akn": ("akn2-za-by-law-2019-naloxone.xml", "the person has received three kits",
            "Naloxone Access By-law, 2019 (Council, Mar. 1, 2019), § 2(2)(b)"),
}


@pytest.fixture(scope="module")
def cited(tmp_path_factory: pytest.TempPathFactory, session_extract_cache: Path
          ) -> dict[str, Citation]:
    brief, ids = quoted_brief(
        tmp_path_factory, session_extract_cache, "Legislative XML",
        {FIXTURES / name for name, _words, _cite in QUOTES.values()},
        {key: (name, words) for key, (name, words, _cite) in QUOTES.items()})
    by_id = {q.highlight_id: q.citation for q in brief.quotes()}
    return {key: by_id[hid] for key, hid in ids.items()}


@pytest.mark.parametrize("key", sorted(QUOTES))
def test_a_quote_is_cited_as_the_law_is_cited(cited: dict[str, Citation], key: str) -> None:
    c = cited[key]
    assert plain(c) == QUOTES[key][2]
    assert c.page == ""
