# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""An opinion column on a metro paper: "Opinion | " before the headline in og:title and the
title, a JSON-LD headline cut at 110 characters with "…", the author as a list of strings
with a role ("Guest columnist"), an author note in italics after the column, a "Write a
letter to the editor" box and "Story continues below advertisement" labels."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="opinion_column",
    style="metro paper opinion column",
    headline="Our county keeps paying for overdose funerals instead of the treatment that "
             "would prevent them, and the budget shows it",
    authors=["Lorraine Achterberg"],
    date="2024-07-08",
    site="The Capital Courier",
    notes=["'Opinion |' prefix", "JSON-LD headline truncated with an ellipsis",
           "'Story continues below advertisement'", "author with a role and an honorific",
           "author note after the column"],
    blocks=[
        ("p", "Every month, I sign death certificates for people I could have treated. That is "
              "not a figure of speech. As the medical director of the county’s only public "
              "addiction clinic, I see the waiting list, and I see the names that come off it "
              "for the worst possible reason."),
        ("p", "Last year, 146 people in Merrow County died of overdoses. Our clinic had 212 "
              "people waiting for a first appointment on the day the budget passed. The "
              "average wait was seven weeks."),
        ("p", "The county commission found $4.1 million for a new jail annex in that budget. "
              "It found $380,000 for treatment, the same figure as in 2019, before fentanyl "
              "reached our streets."),
        ("p", "I am not asking the commission to choose between public safety and public "
              "health. I am asking it to notice that they are the same thing. People who "
              "start treatment are arrested less, work more and die less. The research on "
              "this is not new and not controversial."),
        ("p", "Here is what $1 million more a year would buy: four counselors, a second "
              "prescriber for buprenorphine, and evening hours, so that people with jobs can "
              "keep them while they get well."),
        ("p", "The commission will hold its midyear budget hearing on July 23. I hope every "
              "family who has waited for a call from our clinic will be there."),
    ],
)

SITE = "The Capital Courier"


def render() -> str:
    a = ARTICLE
    parts = []
    for i, block in enumerate(a.blocks):
        parts.append(block_html(block, p='<p data-el="text" dir="null" class="wpds-c-cYdRxM">'))
        if i in (1, 3):
            parts.append('<div class="wpds-c-jnyKxz"><p class="wpds-c-hZTjQr">Story continues '
                         'below advertisement</p></div>')
    cut = a.headline[:109].rsplit(" ", 1)[0] + "…"
    meta = {"@context": "https://schema.org", "@type": "OpinionNewsArticle",
            "headline": cut, "datePublished": "2024-07-08T10:00:12.000Z",
            "author": ["Dr. Lorraine Achterberg, Guest columnist"],
            "publisher": {"@type": "Organization", "name": SITE}}
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Opinion | {esc(a.headline)} - {SITE}</title>
<meta property="og:title" content="Opinion | {esc(a.headline)}">
<meta property="og:site_name" content="{SITE}">
<meta name="author" content="Dr. Lorraine Achterberg">
<meta property="article:published_time" content="2024-07-08T10:00:12.000Z">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body>
<a href="#main-content" class="skip-link">Skip to main content</a>
<header class="site-header"><a href="/" class="masthead">{SITE}</a><nav><ul><li><a href="/local">Local</a></li><li><a href="/politics">Politics</a></li><li><a href="/opinions">Opinions</a></li><li><a href="/sports">Sports</a></li><li><a href="/business">Business</a></li></ul></nav><a href="/subscribe">Subscribe</a></header>
<main id="main-content"><article>
<div class="kicker"><a href="/opinions">Opinion</a></div>
<h1 class="headline" data-qa="headline">{esc(a.headline)}</h1>
<div class="author-byline"><span>Guest columnist </span><a href="/people/lorraine-achterberg">Lorraine Achterberg</a></div>
<div class="display-date"><time datetime="2024-07-08T06:00:12-04:00">July 8, 2024 at 6:00 a.m. EDT</time></div>
<div class="share-bar"><button>Share</button><button>Comment 214</button><button>Gift Article</button><button>Save</button></div>
<div class="article-body">{"".join(parts)}
<p class="author-note"><i>Lorraine Achterberg is the medical director of the Merrow County Recovery Clinic.</i></p></div>
<div class="letters-box"><h3>Write a letter to the editor</h3><p>Have something to say about this column? Share your view with Courier readers.</p><a href="/letters">Submit a letter</a></div>
</article>
<aside class="opinions-more"><h3>More from Opinions</h3><ul><li><a href="/o1">The Editorial Board: Fix the bus routes before the fares</a></li><li><a href="/o2">Letters: Our readers on the stadium deal</a></li></ul></aside>
</main>
<footer><p>© 1996-2024 {SITE}</p><ul><li><a href="/policies">Policies and Standards</a></li><li><a href="/terms">Terms of Service</a></li></ul></footer>
</body>
</html>
"""
