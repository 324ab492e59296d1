# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A small radio station's news page: two ``<h1>`` (the station logo and the headline), a
``<title>`` that is only the station's name, no og:title and no JSON-LD, an all-capitals
byline with a hyphenated name, and the date only in the post's ``<time>``."""

from __future__ import annotations

from common import Article, block_html, esc, tracking_scripts

ARTICLE = Article(
    name="two_h1_radio",
    style="radio station, two h1, title of only the site name",
    headline="Sheriff’s office adds naloxone to every patrol car in Brisco County",
    authors=["June Okafor-Bell"],
    date="2024-01-23",
    site="KRVL 88.1 Community Radio",
    notes=["two h1", "title tag is only the site name", "no og:title, no JSON-LD",
           "all-caps hyphenated byline"],
    blocks=[
        ("p", "Every patrol car in the Brisco County Sheriff’s Office now carries two doses of "
              "naloxone, Sheriff Ramona Teague announced Monday."),
        ("p", "The sheriff said deputies had used their personal kits eleven times last year, "
              "often arriving at overdose calls several minutes before an ambulance could "
              "reach the county’s outlying ranches."),
        ("p", "“In this county the nearest ambulance can be forty minutes out,” Teague said. "
              "“My deputies are usually first. They ought to have the tools.”"),
        ("p", "The kits were paid for by a state grant. Deputies completed a one-hour training "
              "with the county nurse in December."),
        ("p", "KRVL asked the county commission whether it would fund the program after the "
              "grant ends next year. Commission chair Vern Halvorsen said the question would "
              "come up during budget talks in the spring."),
    ],
)

SITE = "KRVL 88.1 Community Radio"


def render() -> str:
    a = ARTICLE
    story = "".join(block_html(b) for b in a.blocks)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{SITE}</title>
<meta property="og:site_name" content="{SITE}">
<meta property="og:type" content="website">
{tracking_scripts(SITE)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<div class="top-bar"><span class="on-air">On air now: Morning Edition</span> <a href="/listen">Listen live</a> <a href="/donate">Donate</a></div>
<header class="site-header"><h1 class="site-title"><a href="/">{SITE}</a></h1>
<nav class="menu"><ul><li><a href="/news">News</a></li><li><a href="/programs">Programs</a></li><li><a href="/schedule">Schedule</a></li><li><a href="/events">Community Calendar</a></li><li><a href="/about">About</a></li></ul></nav></header>
<main id="main"><div class="post">
<h1 class="entry-title">{esc(a.headline)}</h1>
<p class="byline">BY JUNE OKAFOR-BELL</p>
<p class="dateline"><time class="entry-date" datetime="2024-01-23">January 23, 2024</time></p>
<div class="post-body">{story}</div>
<div class="post-tags">Posted in <a href="/news">News</a>, <a href="/news/local">Local</a></div>
</div></main>
<aside class="sidebar"><div class="widget"><h3>Support community radio</h3><p>KRVL is listener-supported. Become a member today.</p><a href="/donate">Donate</a></div>
<div class="widget"><h3>Recent News</h3><ul><li><a href="/n1">School board delays vote on four-day week</a></li><li><a href="/n2">Snowpack below average for third straight year</a></li></ul></div></aside>
<footer><p>{SITE} · 211 Main Street · Brisco, Wyoming</p><p>© 2024 Brisco Valley Public Radio Association</p></footer>
</body>
</html>
"""
