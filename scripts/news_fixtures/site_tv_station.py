# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A local TV station (written after the rules were tuned, as a held-out check): a video
player with "Watch:" label, an "Interested in more news? Download the app" line, a
station copyright with the group's name, JSON-LD whose author is a list of strings, and a
"WTRV 7 News" title suffix while og:site_name is the call letters only."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="tv_station",
    style="local TV station (held out)",
    headline="Hospital emergency rooms to hand out naloxone kits at discharge",
    authors=["Marisol Quintero"],
    date="2024-06-11",
    site="WTRV",
    notes=["written after tuning", "video label", "app download line", "station copyright",
           "author list of strings"],
    blocks=[
        ("p", "HARLOW, Pa. (WTRV) —"),
        ("p", "Three hospitals in the Tri-River region will start sending patients treated for "
              "an overdose home with a naloxone kit and a referral to treatment, hospital "
              "leaders announced Tuesday."),
        ("p", "The program begins July 1 at Mercy Tri-River, St. Anselm and Harlow County "
              "General. Emergency room staff will also offer patients a first dose of "
              "buprenorphine before they leave."),
        ("p", "“The emergency room is often the only place we see someone before the next "
              "overdose,” said Dr. Kwame Asante, who directs emergency medicine at Mercy. "
              "“We should not let them walk out with nothing.”"),
        ("p", "The kits are paid for by the state health department. Each one includes two "
              "doses of nasal naloxone, instructions and a card with the number of a peer "
              "recovery coach who can be reached around the clock."),
        ("p", "Harlow County recorded 61 overdose deaths last year, according to the coroner. "
              "Nearly half of the people who died had been treated in an emergency room in the "
              "previous twelve months."),
    ],
)

SITE = "WTRV"


def render() -> str:
    a = ARTICLE
    parts = []
    for i, block in enumerate(a.blocks):
        parts.append(block_html(block, p='<p class="dateline">' if i == 0 else "<p>"))
        if i == 2:
            parts.append("<p><strong>WATCH: Harlow County coroner on the rise in overdose deaths</strong></p>")
        if i == 4:
            parts.append('<div class="article-ad"><div id="div-gpt-ad-3"></div></div>')
    meta = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.headline,
            "datePublished": "2024-06-11T17:45:00-04:00",
            "author": ["Marisol Quintero"],
            "publisher": {"@type": "Organization", "name": "WTRV 7 News"}}
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>{esc(a.headline)} | WTRV 7 News</title>
<meta property="og:title" content="{esc(a.headline)}">
<meta property="og:site_name" content="{SITE}">
<meta property="article:published_time" content="2024-06-11T21:45:00+00:00">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body class="single-post">
<a class="screen-reader-shortcut" href="#primary">Skip to content</a>
<header class="site-header"><a class="logo" href="/">WTRV 7 News</a>
<div class="header-weather"><span>72°</span> Tri-River <a href="/weather/">Weather</a></div>
<nav class="primary-nav"><ul><li><a href="/news/">News</a></li><li><a href="/weather/">Weather</a></li><li><a href="/sports/">Sports</a></li><li><a href="/watch/">Watch Live</a></li><li><a href="/contests/">Contests</a></li></ul></nav></header>
<div class="breaking-bar"><span>BREAKING</span> <a href="/b1">Crews respond to a fire on Route 9</a></div>
<main id="primary"><article class="article">
<h1 class="article-title">{esc(a.headline)}</h1>
<div class="article-meta"><p class="article-author">by: <a href="/author/mquintero/">Marisol Quintero</a></p><p class="article-date">Posted: Jun 11, 2024 / 05:45 PM EDT</p><p class="article-date">Updated: Jun 11, 2024 / 06:30 PM EDT</p></div>
<div class="article-share"><a href="#">Share</a><a href="#">Facebook</a><a href="#">Email</a></div>
<div class="article-featured-media"><div class="video-player" data-video="x1"><p>Video loading… <a href="#">Watch the full report</a></p></div></div>
<div class="article-content">
{"".join(parts)}
<p><em>Interested in more news? Download the WTRV 7 News app for breaking news alerts, weather and more.</em></p>
<p><em>Copyright 2024 Nexmark Media Inc. All rights reserved. This material may not be published, broadcast, rewritten, or redistributed.</em></p>
</div>
<div class="article-list"><h2>Trending Stories</h2><ul><li><a href="/t1">Route 9 bridge closes for repairs</a></li><li><a href="/t2">High school graduation photos 2024</a></li></ul></div>
</article></main>
<footer><p>© 1998 - 2024 Nexmark Media Inc. | All Rights Reserved.</p><ul><li><a href="/eeo/">EEO Report</a></li><li><a href="/fcc/">FCC Public File</a></li></ul></footer>
</body>
</html>
"""
