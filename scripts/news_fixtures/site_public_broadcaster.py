# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A public broadcaster: data-component blocks, "Image source, …" and "Image caption, …"
labels, the author's role in the byline ("By Fiona Gallagher, Home affairs
correspondent"), an Organization as the JSON-LD author next to the Person, "Related
topics" and "More on this story" lists, no og:site_name but a JSON-LD publisher."""

from __future__ import annotations

from common import Article, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="public_broadcaster",
    style="public broadcaster",
    headline="Police in three regions to stop arresting people for carrying naloxone kits",
    authors=["Fiona Gallagher"],
    date="2024-04-09",
    site="NBS News",
    notes=["byline with role", "Image source / Image caption labels",
           "publisher only in JSON-LD", "title 'Headline - NBS News'"],
    blocks=[
        ("p", "Police forces in three regions have agreed to stop arresting people found "
              "carrying naloxone, the medicine that reverses opioid overdoses, after a review "
              "found officers had confiscated more than 300 kits in two years."),
        ("p", "The change follows a complaint by a drug charity that some officers treated the "
              "kits as evidence of drug use."),
        ("p", "The National Police Coordination Office said the guidance had never allowed "
              "officers to seize naloxone, but that it had been “misunderstood in places”."),
        ("h2", "‘It made people afraid to carry it’"),
        ("p", "Sanjay Mehta, who volunteers with the charity Open Hands in Greyport, said he had "
              "been searched twice while carrying a kit in his coat."),
        ("p", "“The second time they took it off me and wrote it down as drug paraphernalia,” "
              "he said. “People I work with stopped carrying it after that. That is the "
              "opposite of what anyone should want.”"),
        ("p", "Naloxone has been available without a prescription for more than a decade. "
              "Anyone can carry it and use it on someone else in an emergency."),
        ("h2", "What happens next"),
        ("p", "The three forces will retrain officers over the summer and return confiscated "
              "kits where records allow."),
        ("p", "Open Hands said it would keep collecting reports from other areas and would "
              "publish them in the autumn."),
    ],
)

SITE = "NBS News"


def _text_block(inner: str) -> str:
    return (f'<div data-component="text-block" class="ssrcss-11r1m41-RichTextComponentWrapper">'
            f'<div class="ssrcss-7uxr49-RichTextContainer">{inner}</div></div>')


def render() -> str:
    a = ARTICLE
    parts = []
    for i, (kind, value) in enumerate(a.blocks):
        if kind == "h2":
            parts.append(f'<div data-component="subheadline-block"><h2 id="x{i}" '
                         f'class="ssrcss-1ok0ya4-StyledHeading">{esc(str(value))}</h2></div>')
        else:
            parts.append(_text_block(f'<p class="ssrcss-1q0x1qg-Paragraph"><b>{value}</b></p>'
                                     if i == 0 else
                                     f'<p class="ssrcss-1q0x1qg-Paragraph">{value}</p>'))
        if i == 2:
            parts.append(
                '<div data-component="image-block"><figure class="ssrcss-wpgbih-StyledFigure">'
                '<div class="ssrcss-ab5fd8-StyledFigureContainer"><span class="ssrcss-'
                '1bsbzs7-Copyright"><span class="visually-hidden">Image source, </span>'
                'Getty Images</span><img alt="A naloxone kit" src="https://x.example/n.jpg">'
                '</div><figcaption class="ssrcss-1a0ajem-StyledFigureCaption"><span class="'
                'visually-hidden">Image caption, </span>Naloxone kits are handed out free by '
                'pharmacies and drug services</figcaption></figure></div>')
        if i == 6:
            parts.append('<div data-component="links-block"><h2>Related Internet Links</h2><ul>'
                         '<li><a href="/l1">Open Hands</a></li><li><a href="/l2">National Police '
                         'Coordination Office</a></li></ul><p>The NBS is not responsible for the '
                         'content of external sites.</p></div>')
    meta = {"@context": "http://schema.org",
            "@type": "ReportageNewsArticle",
            "url": "https://www.nbs.example/news/uk-68771234",
            "publisher": {"@type": "NewsMediaOrganization", "name": SITE,
                          "publishingPrinciples": "https://www.nbs.example/news/help"},
            "datePublished": "2024-04-09T05:12:44.000Z",
            "dateModified": "2024-04-09T05:12:44.000Z",
            "description": "A review found officers had confiscated more than 300 kits.",
            "headline": a.headline,
            "author": [{"@type": "Person", "name": "Fiona Gallagher",
                        "jobTitle": "Home affairs correspondent"},
                       {"@type": "NewsMediaOrganization", "name": SITE}]}
    return f"""<!DOCTYPE html>
<html lang="en-GB" class="no-js">
<head>
<meta charSet="utf-8">
<title>{esc(a.headline)} - {SITE}</title>
<meta name="description" content="A review found officers had confiscated more than 300 kits.">
<meta property="og:title" content="{esc(a.headline)} - {SITE}">
<meta property="og:type" content="article">
<meta name="twitter:title" content="{esc(a.headline)}">
<meta name="article:author" content="https://www.facebook.example/nbsnews">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body>
<div id="__next">
<a href="#main-content" class="ssrcss-1oapb4b-SkipLink">Skip to content</a>
<header data-testid="header"><div class="ssrcss-brand"><a href="/">NBS Homepage</a></div>
<nav aria-label="NBS"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/iplayer">Watch</a></li><li><a href="/sounds">Sounds</a></li><li><a href="/bitesize">Bitesize</a></li></ul></nav>
<nav aria-label="News"><ul><li><a href="/news">Home</a></li><li><a href="/news/uk">UK</a></li><li><a href="/news/world">World</a></li><li><a href="/news/business">Business</a></li><li><a href="/news/politics">Politics</a></li><li><a href="/news/health">Health</a></li></ul></nav></header>
<div id="main-wrapper"><main id="main-content" role="main">
<article class="ssrcss-pv1rh6-ArticleWrapper">
<header data-component="headline-block" class="ssrcss-1eqcsb1-HeadingWrapper"><h1 id="main-heading" class="ssrcss-15xko80-StyledHeading">{esc(a.headline)}</h1></header>
<div data-component="byline-block" class="ssrcss-68pt20-Text-TextContributorName"><div><span>By Fiona Gallagher</span><div>Home affairs correspondent</div></div></div>
<div data-component="timestamp-block"><time datetime="2024-04-09T05:12:44.000Z">9 April 2024</time></div>
<div class="ssrcss-share"><button aria-label="Share">Share</button><button aria-label="Save">Save</button></div>
{"".join(parts)}
<div data-component="topic-list" class="ssrcss-topics"><h2>Related topics</h2><ul><li><a href="/t1">Drug use</a></li><li><a href="/t2">Policing</a></li><li><a href="/t3">Greyport</a></li></ul></div>
</article>
<section data-component="related-content"><h2>More on this story</h2><ul>
<li><a href="/m1">Drug deaths reach record high for third year</a><time>14 December 2023</time></li>
<li><a href="/m2">Why is naloxone not in every first aid kit?</a><time>2 March 2023</time></li></ul></section>
<section data-component="top-stories"><h2>Top stories</h2><ul><li><a href="/top1">Live. Storm warnings as high winds hit coast</a></li><li><a href="/top2">Prime minister faces questions over budget</a></li></ul></section>
</main></div>
<footer data-testid="footer"><ul><li><a href="/terms">Terms of Use</a></li><li><a href="/about">About the NBS</a></li><li><a href="/privacy">Privacy Policy</a></li><li><a href="/cookies">Cookies</a></li><li><a href="/accessibility">Accessibility Help</a></li></ul>
<p>Copyright 2024 NBS. All rights reserved. The NBS is not responsible for the content of external sites. <a href="/external">Read about our approach to external linking.</a></p></footer>
</div>
</body>
</html>
"""
