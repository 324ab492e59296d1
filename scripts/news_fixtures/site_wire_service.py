# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A wire service: an all-capitals byline ("By MARCUS LEE and ANA SOTO"), JSON-LD whose
authors mix the reporters with the agency itself, "RELATED COVERAGE" and "READ MORE:"
link lists inside the story, a lead-image caption with an agency credit, and a copyright
line; the title carries the service's short name ("… | AW News")."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="wire_service",
    style="wire service",
    headline="Federal judge blocks state ban on syringe programs pending appeal",
    authors=["Marcus Lee", "Ana Soto"],
    date="2024-02-21",
    site="Associated Wire",
    notes=["all-caps byline", "Organization among JSON-LD authors", "READ MORE lists",
           "title with short name 'AW News'"],
    blocks=[
        ("p", "CALDER CITY, Mont. (AW) — A federal judge on Wednesday temporarily blocked a "
              "state law that would have shut down every syringe services program in Montana "
              "by the end of the month, saying the groups that run them were likely to succeed "
              "in their challenge."),
        ("p", "U.S. District Judge Rosalind Achebe wrote that the law, which makes it a "
              "misdemeanor to hand out more than two syringes to any person in a day, appeared "
              "to conflict with a federal grant program the state had accepted money from "
              "since 2019."),
        ("p", "The order keeps the programs open while the state appeals. The attorney general’s "
              "office said it would ask the 9th U.S. Circuit Court of Appeals to lift it."),
        ("p", "“The Legislature made a policy choice, and the court has substituted its own,” "
              "spokesperson Greta Lindqvist said in a statement."),
        ("p", "Supporters of the programs packed the courtroom in Calder City for the two-day "
              "hearing last week. Several testified that the exchanges had been the first place "
              "they were offered treatment."),
        ("p", "Health officials in Calder County said hepatitis C diagnoses among people who "
              "inject drugs fell by a third in the four years after the county’s program "
              "opened. The state disputes that the program caused the drop."),
        ("p", "The law passed the state Senate 31-19 in March. Its sponsor, Sen. Wade Hollister, "
              "said at the time that the programs “enable addiction with taxpayer money.” He "
              "did not return a message seeking comment Wednesday."),
        ("p", "Judge Achebe set a hearing on the state’s request for a stay for March 6."),
        ("p", "___"),
        ("p", "Soto reported from Helena, Montana."),
    ],
)

SITE = "Associated Wire"


def render() -> str:
    a = ARTICLE
    parts = []
    for i, block in enumerate(a.blocks):
        parts.append(block_html(block))
        if i == 2:
            parts.append('<div class="Enhancement" data-align-center><div class="RelatedList">'
                         '<h2 class="RelatedList-title">RELATED COVERAGE</h2><ul>'
                         '<li><a href="/r1">Montana lawmakers pass limits on needle exchanges'
                         '</a></li><li><a href="/r2">What to know about syringe services '
                         "programs</a></li></ul></div></div>")
        if i == 5:
            parts.append("<p><strong>READ MORE:</strong> <a href='/r3'>Overdose deaths fall "
                         "for the first time in five years</a></p>")
            parts.append('<div class="ad-slot" data-ad="mid">ADVERTISEMENT</div>')
    meta = [
        {"@context": "https://schema.org", "@type": "NewsArticle",
         "headline": a.headline,
         "datePublished": "2024-02-21T21:14:03Z", "dateModified": "2024-02-21T23:40:10Z",
         "author": [{"@type": "Person", "name": "MARCUS LEE"},
                    {"@type": "Person", "name": "ANA SOTO"},
                    {"@type": "Organization", "name": SITE}],
         "publisher": {"@type": "Organization", "name": SITE}},
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "U.S. News"}]},
    ]
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a.headline)} | AW News</title>
<meta property="og:title" content="{esc(a.headline)}">
<meta property="og:site_name" content="{SITE}">
<meta property="og:description" content="A federal judge on Wednesday temporarily blocked a state law that would have shut down every syringe services program in Montana.">
<meta name="author" content="MARCUS LEE, ANA SOTO">
<meta property="article:published_time" content="2024-02-21T21:14:03Z">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body class="Page-body">
<a class="SkipLink" href="#main-content">Skip to main content</a>
<div class="Page-header-bar">
 <nav class="Page-header-navigation"><ul>
  <li><a href="/world-news">World</a></li><li><a href="/us-news">U.S.</a></li>
  <li><a href="/politics">Politics</a></li><li><a href="/sports">Sports</a></li>
  <li><a href="/entertainment">Entertainment</a></li><li><a href="/business">Business</a></li>
  <li><a href="/science">Science</a></li><li><a href="/fact-check">Fact Check</a></li>
 </ul></nav>
 <div class="Page-header-trending">Trending: <a href="/t1">Election 2024</a> <a href="/t2">Israel-Hamas war</a> <a href="/t3">Super Bowl</a></div>
</div>
<main class="Page-main" id="main-content">
<div class="Page-lead"><div class="Page-headline"><h1 class="Page-headline">{esc(a.headline)}</h1></div>
 <div class="Page-byline"><div class="Page-authors">By <a class="Link" href="/author/marcus-lee">MARCUS LEE</a> and <a class="Link" href="/author/ana-soto">ANA SOTO</a></div>
 <div class="Page-dateModified">Updated 6:40 PM EST, February 21, 2024</div></div>
 <div class="Page-actions"><div class="ActionBar"><button>Share</button><a href="https://facebook.example/share">Facebook</a><a href="mailto:?subject=x">Email</a><a href="https://x.example/share">X</a><a href="#">LinkedIn</a><button>Copy Link copied</button></div></div>
 <figure class="Figure"><div class="Carousel-slide"><img src="https://x.example/aw.jpg" alt="Supporters of syringe programs outside the federal courthouse"></div>
  <figcaption class="Figure-caption"><div class="CarouselSlide-infoDescription"><p>Supporters of syringe services programs gather outside the federal courthouse in Calder City, Mont., Feb. 14, 2024. (AW Photo/Jon Erikson)</p></div><div class="CarouselSlide-infoAttribution">AW Photo/Jon Erikson</div></figcaption></figure>
</div>
<div class="RichTextStoryBody RichTextBody">
{"".join(parts)}
</div>
<div class="Page-below"><p class="Copyright">Copyright 2024 {SITE}. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.</p></div>
<div class="PageList-items"><h2>Top Stories</h2><ul>
 <li><a href="/s1">Storms knock out power to thousands across the South</a></li>
 <li><a href="/s2">Chiefs star says he’s not thinking about retirement yet</a></li></ul></div>
</main>
<footer class="Page-footer"><p>{SITE} is an independent global news organization dedicated to factual reporting. Founded in 1848.</p>
<ul><li><a href="/about">About</a></li><li><a href="/terms">Terms of Use</a></li><li><a href="/privacy">Privacy Policy</a></li><li><a href="/cookies">Cookie Settings</a></li></ul></footer>
</body>
</html>
"""
