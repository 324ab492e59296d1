# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A regional paper on a common CMS: a Yoast-style JSON-LD ``@graph`` whose Article names
its author by ``@id`` (the Person node elsewhere in the graph), a newsletter box and an
"ALSO READ:" line inside the story, a tag list, a "Trending" list, and a title with a short
suffix ("… | Herald") while og:site_name says "The Harbor Herald"."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="regional_paper",
    style="regional paper",
    headline="County board approves first mobile drug-checking van after split vote",
    authors=["Colleen Baptiste"],
    date="2022-11-16",
    site="The Harbor Herald",
    notes=["JSON-LD @graph with author by @id", "newsletter box mid-article",
           "title suffix '| Herald'", "email in byline",
           "JSON-LD date in UTC (Nov 17), printed date local (Nov 16)"],
    blocks=[
        ("p", "The Wexford County Board of Supervisors voted 3-2 Tuesday night to fund a mobile "
              "van that will test street drugs for fentanyl and other adulterants, the first "
              "service of its kind in the county."),
        ("p", "The van, which will cost about $180,000 in its first year, will park at four "
              "sites on a weekly rotation and will be staffed by the county health department "
              "and Harbor Outreach, a nonprofit that already runs a syringe program in "
              "downtown Port Alden."),
        ("p", "People will be able to bring a small sample of a drug they have bought and learn "
              "within minutes what it contains. Staff will not handle the rest of the drug, and "
              "the sheriff has agreed not to post deputies near the van."),
        ("p", "Supervisor Lena Okafor, who proposed the program, said the county’s overdose "
              "deaths had doubled since 2019 and that most involved fentanyl that people did "
              "not know was there."),
        ("p", "“People are dying from something they didn’t choose to take,” Okafor said. "
              "“This gives them the information to make a different choice.”"),
        ("p", "Supervisors Dale Whitcomb and Brenda Feist voted no. Whitcomb said he worried the "
              "van would signal that drug use was safe, and asked staff to report back in six "
              "months with data on how many people used it."),
        ("h3", "Where the van will stop"),
        ("p", "The health department said the first stops would be the Port Alden transit "
              "center, the parking lot of the Eastside library branch, a church in Millbrook "
              "and the county fairgrounds. A schedule will be posted online in December."),
        ("p", "The county expects the van to begin operating in February."),
    ],
)

SITE = "The Harbor Herald"
BASE = "https://harborherald.example"


def render() -> str:
    a = ARTICLE
    parts = []
    for i, block in enumerate(a.blocks):
        parts.append(block_html(block))
        if i == 2:
            parts.append('<div class="tnt-newsletter-signup subscription-required"><div class='
                         '"card-panel"><h4>Get local news delivered to your inbox!</h4><p>Sign '
                         "up for our Daily Headlines newsletter. Be the first to know when news "
                         'breaks in Wexford County.</p><form><input type="email" placeholder="'
                         'Email address"><button type="submit">Sign up!</button></form><p class'
                         '="small">* I understand and agree that registration on or use of this '
                         "site constitutes agreement to its user agreement and privacy policy."
                         "</p></div></div>")
        if i == 0:
            parts.append('<div id="attachment_48130" style="width: 810px" class="wp-caption '
                         'aligncenter"><img aria-describedby="caption-attachment-48130" src="'
                         'https://x.example/van.jpg" width="800" height="533"><p id="caption-'
                         'attachment-48130" class="wp-caption-text">Harbor Outreach staff show '
                         "supervisors the testing equipment that will go in the van. (Photo by "
                         "Colleen Baptiste/The Harbor Herald)</p></div>")
        if i == 6:
            parts.append("<p><em>Want more Wexford County news? Subscribe to our free morning "
                         "newsletter.</em></p>")
        if i == 4:
            parts.append('<p class="also-read"><strong>ALSO READ:</strong> <a href="/news/'
                         'opioid-settlement">Where Wexford County’s opioid settlement money is '
                         "going</a></p>")
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "@id": f"{BASE}/news/van/#article",
         "isPartOf": {"@id": f"{BASE}/news/van/"},
         "author": {"name": "Colleen Baptiste", "@id": f"{BASE}/#/schema/person/8a1f"},
         "headline": a.headline,
         "datePublished": "2022-11-17T03:12:00+00:00",
         "dateModified": "2022-11-17T16:40:22+00:00",
         "publisher": {"@id": f"{BASE}/#organization"}},
        {"@type": "WebPage", "@id": f"{BASE}/news/van/", "url": f"{BASE}/news/van/",
         "name": f"{a.headline} | Herald"},
        {"@type": "Organization", "@id": f"{BASE}/#organization", "name": SITE},
        {"@type": "Person", "@id": f"{BASE}/#/schema/person/8a1f", "name": "Colleen Baptiste",
         "url": f"{BASE}/author/cbaptiste/"},
    ]}
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>{esc(a.headline)} | Herald</title>
<meta name="robots" content="index, follow, max-image-preview:large">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a.headline)} | Herald">
<meta property="og:site_name" content="{SITE}">
<meta property="article:published_time" content="2022-11-17T03:12:00+00:00">
<meta name="twitter:label1" content="Written by">
<meta name="twitter:data1" content="Colleen Baptiste">
{jsonld(graph)}
{tracking_scripts(SITE)}
</head>
<body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#primary">Skip to content</a>
<div id="page" class="site">
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/" rel="home">{SITE}</a></p><p class="site-description">Wexford County’s hometown paper since 1911</p></div>
<nav id="site-navigation" class="main-navigation"><button class="menu-toggle">Menu</button><ul id="primary-menu" class="menu"><li><a href="/news/">News</a></li><li><a href="/sports/">Sports</a></li><li><a href="/obituaries/">Obituaries</a></li><li><a href="/opinion/">Opinion</a></li><li><a href="/classifieds/">Classifieds</a></li><li><a href="/e-edition/">E-Edition</a></li></ul></nav></header>
<div class="weather-widget">Port Alden 41°F Cloudy</div>
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-48122" class="post-48122 post type-post status-publish">
<header class="entry-header"><span class="cat-links"><a href="/category/news/local/">Local News</a></span>
<h1 class="entry-title">{esc(a.headline)}</h1>
<div class="entry-meta"><span class="byline"> By <span class="author vcard"><a class="url fn n" href="/author/cbaptiste/">Colleen Baptiste</a></span> | cbaptiste@harborherald.example</span> <span class="posted-on"><time class="entry-date published" datetime="2022-11-16T22:12:00-05:00">Nov 16, 2022</time></span></div></header>
<div class="entry-content">
{"".join(parts)}
</div>
<footer class="entry-footer"><span class="tags-links">Tagged <a href="/tag/drug-checking/" rel="tag">drug checking</a>, <a href="/tag/board-of-supervisors/" rel="tag">Board of Supervisors</a>, <a href="/tag/fentanyl/" rel="tag">fentanyl</a></span>
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a class="share-facebook" href="#">Facebook</a></li><li><a class="share-twitter" href="#">Twitter</a></li><li><a class="share-print" href="#">Print</a></li></ul></div></footer>
</article>
<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/p1" rel="prev">Previous: Port Alden council delays vote on parking meters</a></div><div class="nav-next"><a href="/p2" rel="next">Next: Millbrook volleyball advances to state semifinal</a></div></div></nav>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_trending"><h2 class="widget-title">Trending Now</h2><ol><li><a href="/t1">Holiday parade route changes this year</a></li><li><a href="/t2">Police log: Nov. 10-16</a></li><li><a href="/t3">Obituary: Harold J. Pennington, 88</a></li></ol></section></aside>
<footer id="colophon" class="site-footer"><div class="site-info">© 2022 {SITE}, Port Alden. All rights reserved. | <a href="/privacy">Privacy Policy</a> | <a href="/terms">Terms of Use</a></div></footer>
</div>
</body>
</html>
"""
