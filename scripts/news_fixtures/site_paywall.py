# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A business paper behind a paywall: only the first paragraphs are on the page, then a
"Continue reading your article with a CJ membership" box; a repeated author in JSON-LD and
a byline printed twice (desktop and mobile), "Listen (4 min)" and gift buttons, and a title
whose suffix is the paper's initials ("… - CJ")."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="paywall_teaser",
    style="paywall teaser",
    headline="Insurers Balk at Paying for Overdose-Reversal Drugs as Prices Climb",
    authors=["Alex Kim", "Priya Natarajan"],
    date="2024-05-03",
    site="The Commerce Journal",
    notes=["teaser only", "title suffix of initials 'CJ'", "author repeated in JSON-LD",
           "byline printed twice"],
    blocks=[
        ("p", "Health insurers are pushing back on covering nasal naloxone sprays without a "
              "prescription, saying that a wave of new over-the-counter products has made it "
              "hard to control what they pay."),
        ("p", "At least four large insurers have told state regulators in recent months that "
              "they want to limit coverage to one generic product, according to letters "
              "reviewed by The Commerce Journal, a move that public-health groups say will "
              "leave pharmacies with empty shelves in rural areas."),
        ("p", "The fight matters because naloxone prices have risen by about 40% since the "
              "first over-the-counter version went on sale, according to data from the "
              "pharmacy analytics firm Tillbrook Health."),
    ],
)

SITE = "The Commerce Journal"


def render() -> str:
    a = ARTICLE
    parts = [block_html(b, p='<p data-type="paragraph" class="css-k3zb6l-Paragraph e1e4oisd0">')
             for b in a.blocks]
    byline = ('<div class="css-byline"><span>By </span><a class="css-author" href="/news/author'
              '/alex-kim">Alex Kim</a><span> and </span><a class="css-author" href="/news/author/'
              'priya-natarajan">Priya Natarajan</a></div>')
    meta = {"@context": "http://schema.org", "@type": "NewsArticle",
            "headline": a.headline,
            "datePublished": "2024-05-03T09:30:00.000Z",
            "author": [{"@type": "Person", "name": "Alex Kim"},
                       {"@type": "Person", "name": "Priya Natarajan"},
                       {"@type": "Person", "name": "Alex Kim"}],
            "isAccessibleForFree": "False",
            "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": "False",
                        "cssSelector": ".paywall"},
            "publisher": {"@type": "Organization", "name": SITE}}
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<title>{esc(a.headline)} - CJ</title>
<meta name="author" content="Alex Kim and Priya Natarajan">
<meta property="og:title" content="{esc(a.headline)}">
<meta property="og:site_name" content="{SITE}">
<meta name="article.published" content="2024-05-03T09:30:00.000Z">
<meta name="page.content.source" content="CJ Online Articles">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body>
<a href="#main" class="skip-to-main">Skip to Main Content</a>
<a href="#search" class="skip-to-main">Skip to Search</a>
<div class="style--header"><div class="logo"><a href="/">{SITE}</a></div>
<div class="top-actions"><a href="/subscribe">Subscribe</a><a href="/login">Sign In</a></div>
<nav class="sections"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/markets">Markets</a></li><li><a href="/health">Health</a></li><li><a href="/tech">Tech</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/arts">Arts</a></li><li><a href="/realestate">Real Estate</a></li></ul></nav></div>
<main id="main">
<article>
<div class="article-header"><div class="flashline"><a href="/health">Health</a></div>
<h1 class="css-1lvqw7f-StyledHeadline">{esc(a.headline)}</h1>
<h2 class="css-jiugt2-Dek">Companies say a flood of new over-the-counter products has made costs hard to control</h2>
<div class="byline-desktop">{byline}</div><div class="byline-mobile">{byline}</div>
<p class="timestamp"><time datetime="2024-05-03T05:30:00-04:00">May 3, 2024 5:30 am ET</time></p>
<div class="article-tools"><button>Share</button><button>Resize</button><button>Listen (4 min)</button><button>Gift unlocked article</button><button>Print</button></div>
<figure class="media-object"><img src="https://x.example/cj.jpg" alt=""><figcaption><span class="caption">Pharmacies in rural areas say they struggle to keep naloxone in stock.</span> <span class="credit">PHOTO: DANA HOLLOWAY/THE COMMERCE JOURNAL</span></figcaption></figure>
</div>
<section class="article-content paywall">
{"".join(parts)}
</section>
<div id="cx-snippet-overlay" class="snippet-promotion"><h3>Continue reading your article with a CJ membership</h3><a class="subscribe" href="/subscribe">Subscribe Now</a><p>Already a subscriber? <a href="/login">Sign In</a></p><p>Read the full story with unlimited access to CJ.com. Cancel anytime.</p></div>
<div class="article-comments"><button>Show Conversation (48)</button></div>
</article>
<aside class="related-articles"><h3>What to Read Next</h3><ul><li><a href="/a1">Drugmaker Cuts Price of Nasal Spray as Rivals Arrive</a></li><li><a href="/a2">The Pharmacy Deserts Spreading Across Rural America</a></li></ul></aside>
<aside class="most-popular"><h3>Most Popular News</h3><ol><li><a href="/p1">Stocks Rally as Inflation Cools</a></li><li><a href="/p2">Airlines Brace for Record Summer Travel</a></li></ol></aside>
</main>
<footer><p>Copyright ©2024 Commerce Journal Co., Inc. All Rights Reserved</p><ul><li><a href="/help">Customer Center</a></li><li><a href="/privacy">Privacy Notice</a></li><li><a href="/cookies">Cookie Notice</a></li></ul></footer>
</body>
</html>
"""
