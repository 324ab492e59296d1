"""Opinions published as web pages: an 1891 opinion on a case-law archive (the page's own
metadata dated 2008, when it was scanned), and a state supreme court's HTML opinion with a
neutral citation."""

from __future__ import annotations

import random

from .kit import Fixture
from .prose import Writer, cases


def _page(title: str, meta: str, nav: str, article: str, footer: str) -> bytes:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title}</title>
{meta}
</head>
<body>
<header><a class="skip" href="#main">Skip to main content</a>
<nav>{nav}</nav></header>
<main id="main"><article>
{article}
</article></main>
<footer>{footer}</footer>
</body></html>
""".encode()


def pennsylvania_1891() -> Fixture:
    cited = cases(random.Random(2323), 6)
    w = Writer(23, "Harlan", "The commonwealth", cited)
    paras = "\n".join(f"<p>{w.paragraph(4)}</p>" for _ in range(6))
    meta = """<meta name="description"
  content="Commonwealth v. Harlan, 141 Pa. 287 (1891), Supreme Court of Pennsylvania.">
<meta property="og:title" content="Commonwealth v. Harlan, 141 Pa. 287 (1891)">
<meta property="og:site_name" content="Lawbook Commons">
<meta name="dc.date" content="2008-03-14">
<meta property="article:published_time" content="2008-03-14T10:22:00Z">"""
    nav = ('<a href="/">Lawbook Commons</a> · <a href="/browse">Browse reporters</a> · '
           '<a href="/pa">Pennsylvania</a> · <a href="/about">About</a>')
    article = f"""<h1>Commonwealth v. Harlan</h1>
<p class="citation">141 Pa. 287 (1891)</p>
<p class="court">Supreme Court of Pennsylvania.</p>
<p class="date">Argued May 4, 1891. Decided October 5, 1891.</p>
<p class="note">Scanned from the bound volume; page numbers of the volume are not shown.</p>
<p>Appeal from the Court of Oyer and Terminer of Alder County. The defendant was convicted
of keeping a disorderly house, on evidence that persons resorted to his premises to purchase
and smoke opium, and he appeals.</p>
<p>Opinion by Mr. Justice ALDRIDGE:</p>
{paras}
<p>Judgment affirmed.</p>"""
    footer = ("Lawbook Commons is a fictional archive. Text scanned March 14, 2008. "
              "Contact · Privacy · Terms")
    data = _page("Commonwealth v. Harlan, 141 Pa. 287 (1891) | Lawbook Commons", meta, nav,
                 article, footer)
    return Fixture(
        "pa_1891_harlan.html", "An 1891 state supreme court opinion on a case-law archive page "
        "(the page's own metadata is the 2008 scan date; the title tag adds the site name)",
        data,
        dict(title="Commonwealth v. Harlan", kind="opinion",
             site="Supreme Court of Pennsylvania", jurisdiction="PA", date="1891-10-05",
             docket="", citation="141 Pa. 287", judge="Justice Aldridge", doc_type="Opinion"),
        None, provenance={"date": 1, "citation": 1})  # the headline may be read as metadata


def north_dakota_html() -> Fixture:
    cited = cases(random.Random(2424), 8)
    w = Writer(24, "Crandall", "The State", cited)
    body = "\n".join(f"<p>[¶{i + 2}] {w.paragraph(4)}</p>" for i in range(7))
    meta = """<meta property="og:title" content="2020 ND 45">
<meta property="og:site_name" content="North Dakota Supreme Court (fictional sample)">
<meta name="date" content="2020-03-06">"""
    nav = ('<a href="/">Home</a> | <a href="/opinions">Opinions</a> | '
           '<a href="/calendar">Calendar</a> | <a href="/rules">Rules</a>')
    article = f"""<p class="filed">Filed Mar. 5, 2020 by Clerk of Supreme Court</p>
<h1>IN THE SUPREME COURT<br>STATE OF NORTH DAKOTA</h1>
<p class="cite">2020 ND 45</p>
<p>State of North Dakota, Plaintiff and Appellee<br>v.<br>Wesley Crandall, Defendant and
Appellant</p>
<p>No. 20190234</p>
<p>Appeal from the District Court of Burleigh County, South Central Judicial District, the
Honorable Ruth Okafor, Judge.</p>
<p>AFFIRMED.</p>
<p>Opinion of the Court by Vandermeer, Justice, in which Chief Justice Kowalczyk and Justices
Rooksby, Ellsworth, and Tatum joined.</p>
<p>Ilse Brandt, Assistant State's Attorney, Bismarck, N.D., for plaintiff and appellee.</p>
<p>Caleb Yardley, Fargo, N.D., for defendant and appellant.</p>
<h2>State v. Crandall</h2>
<h3>No. 20190234</h3>
<p>Vandermeer, Justice.</p>
<p>[¶1] Wesley Crandall appeals from a criminal judgment entered after a jury found him guilty
of possession of a controlled substance with intent to deliver. We affirm.</p>
{body}
<p>[¶9] The judgment is affirmed.</p>"""
    data = _page("2020 ND 45 - North Dakota Supreme Court", meta, nav, article,
                 "© North Dakota Supreme Court (fictional sample page)")
    return Fixture(
        "nd_2020_crandall.html", "A state supreme court opinion published as a web page "
        "(neutral citation '2020 ND 45', 'Filed Mar. 5, 2020 by Clerk', trial county)", data,
        dict(title="State v. Crandall", kind="opinion", site="Supreme Court of North Dakota",
             jurisdiction="ND", date="2020-03-05", docket="No. 20190234",
             citation="2020 ND 45", judge="Justice Vandermeer", doc_type="Opinion"),
        None, provenance={"title": 1, "date": 1})


BUILDERS = [pennsylvania_1891, north_dakota_html]
