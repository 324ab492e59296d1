# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A national daily: "Continue reading the main story" between paragraphs, advertisement
labels, a lead photo with caption and credit, a share bar, a comment count, related and
most-popular lists, JSON-LD with a list of Person authors, a title with the site suffix."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="national_daily",
    style="national daily",
    headline="States Quietly Rewrite Drug Paraphernalia Laws to Allow Test Strips",
    authors=["Eleanor Whitfield", "Tomás Arriaga"],
    date="2023-06-14",
    site="The Daily Ledger",
    notes=["title suffix ' - The Daily Ledger'", "Continue reading the main story",
           "caption and credit", "two Person authors"],
    blocks=[
        ("p", "ASHBURN FALLS, Va. — For most of the last decade, a strip of paper that can tell "
              "whether a bag of powder contains fentanyl was, in the eyes of the law in more "
              "than half the states, a piece of drug paraphernalia, as illegal to carry as a "
              "pipe or a scale."),
        ("p", "That has changed with little fanfare. Since January of last year, legislatures in "
              "at least nineteen states have amended their paraphernalia statutes to exempt "
              "testing equipment, according to a tally kept by the Northgate Policy Lab, a "
              "research group that tracks drug laws."),
        ("p", "The bills passed with support from both parties, often by lopsided margins, and "
              "usually after testimony from parents whose children had died after taking pills "
              "they believed were something else."),
        ("h2", "A shift in who testifies"),
        ("p", "“Five years ago the only people in the hearing room were advocates and a few "
              "public health officials,” said Marguerite Olander, who directs the lab. “Now it "
              "is sheriffs and county commissioners and mothers. That changed the politics "
              "completely.”"),
        ("p", "In Ashburn Falls, where the county recorded 88 overdose deaths last year, the "
              "sheriff’s office began handing out test strips at the jail’s release window in "
              "March. Deputies had previously confiscated them during searches."),
        ("quote", "“We were taking away the one thing that might have made someone stop and "
                  "think before they used,” Sheriff Dwayne Pollard said."),
        ("p", "Not everyone is persuaded. Some prosecutors argue that the strips give a false "
              "sense of safety, because they detect fentanyl but not other adulterants such as "
              "xylazine, and because a negative result can be wrong when the drug is unevenly "
              "mixed."),
        ("h2", "What the new laws do"),
        ("p", "The statutes vary, but most of them do three things:"),
        ("ul", ["remove testing equipment from the definition of paraphernalia;",
                "protect health departments and nonprofit groups that distribute it;",
                "direct state agencies to buy strips in bulk for local programs."]),
        ("p", "Researchers caution that the laws are too new to show an effect on deaths. "
              "“We will know in three or four years whether this mattered,” Ms. Olander said. "
              "“For now it means nobody gets arrested for trying to be careful.”"),
    ],
)

SITE = "The Daily Ledger"


def render() -> str:
    a = ARTICLE
    paras = []
    for i, block in enumerate(a.blocks):
        paras.append('<div class="StoryBodyCompanionColumn"><div class="css-53u6y8">'
                     + block_html(block, p='<p class="css-at9mc1 evys1bk0">') + "</div></div>")
        if i in (2, 7):
            paras.append('<div class="css-1d8a290"><p class="css-1z7ip4m">Advertisement</p>'
                         '<div id="mid1" class="css-1b3bxq3"></div><p class="css-1z7ip4m">'
                         "Continue reading the main story</p></div>")
        if i == 5:
            paras.append('<div class="css-79elbk"><div class="css-1xdhyk6"><img src="https://'
                         'x.example/b.jpg" alt=""></div><p class="css-10ffvw8">Sheriff Dwayne '
                         'Pollard at the county jail’s release window, where deputies now hand '
                         'out test strips.</p><p class="css-1pxrbvf"><span class="css-1u46b97">'
                         "Credit...</span>Priya Castellano for The Daily Ledger</p></div>")
    meta = {
        "@context": "https://schema.org", "@type": "NewsArticle",
        "mainEntityOfPage": "https://www.dailyledger.example/2023/06/14/us/test-strips.html",
        "headline": a.headline, "alternativeHeadline": "Test Strips Are Legal in More States",
        "description": "Nineteen states have amended their paraphernalia laws since last year.",
        "datePublished": "2023-06-14T05:00:09.000Z",
        "dateModified": "2023-06-15T14:21:44.000Z",
        "author": [{"@type": "Person", "name": n,
                    "url": "https://www.dailyledger.example/by/" + n.lower().replace(" ", "-")}
                   for n in a.authors],
        "publisher": {"@type": "NewsMediaOrganization", "name": SITE,
                      "logo": {"@type": "ImageObject", "url": "https://x.example/logo.png"}},
        "isAccessibleForFree": True,
    }
    return f"""<!DOCTYPE html>
<html lang="en" class="story nytapp-vi-article">
<head>
<meta charset="utf-8">
<title>{esc(a.headline)} - {SITE}</title>
<meta data-rh="true" name="description" content="Nineteen states have amended their paraphernalia laws since last year.">
<meta data-rh="true" property="og:title" content="{esc(a.headline)}">
<meta data-rh="true" property="og:type" content="article">
<meta data-rh="true" property="og:site_name" content="{SITE}">
<meta data-rh="true" name="byl" content="By Eleanor Whitfield and Tomás Arriaga">
<meta data-rh="true" property="article:published_time" content="2023-06-14T05:00:09.000Z">
<meta data-rh="true" property="article:section" content="U.S.">
<link rel="canonical" href="https://www.dailyledger.example/2023/06/14/us/test-strips.html">
{jsonld(meta)}
{tracking_scripts(SITE)}
<script id="__NEXT_DATA__" type="application/json">{{"props":{{"article":{{"body":"For most of the last decade, a strip of paper JSON-STATE-DUPLICATE"}}}}}}</script>
</head>
<body>
<div id="app">
<a class="css-10f7yqu" href="#site-content">Skip to content</a>
<a class="css-10f7yqu" href="#site-index">Skip to site index</a>
<header class="css-ahe4g0" id="masthead">
  <section class="css-1ld4ll1"><button aria-label="Sections Navigation">SECTIONS</button>
  <button>SEARCH</button><a href="/" aria-label="{SITE}"><span class="visually-hidden">{SITE}</span></a>
  <a href="/subscription">Subscribe for $1/week</a><a href="/login">Log in</a></section>
  <nav aria-label="Main"><ul class="css-1vxc2sl">
   <li><a href="/section/us">U.S.</a></li><li><a href="/section/politics">Politics</a></li>
   <li><a href="/section/nyregion">New York</a></li><li><a href="/section/business">Business</a></li>
   <li><a href="/section/opinion">Opinion</a></li><li><a href="/section/science">Science</a></li>
   <li><a href="/section/arts">Arts</a></li><li><a href="/section/books">Books</a></li>
  </ul></nav>
</header>
<main id="site-content">
<article id="story" class="meteredContent css-1vhtahu">
 <header class="css-1xb0c8e e12qa4dv0">
  <p class="css-c2jxua e6idgb70"><a href="/section/us">U.S.</a></p>
  <h1 class="css-88wicj e1h9rw200" data-testid="headline" id="link-1b44e2e9">{esc(a.headline)}</h1>
  <p class="css-79rysd e1wiw3jv0" id="article-summary">Nineteen states have amended their paraphernalia laws since last year, often with support from both parties.</p>
  <div class="css-1v6i0sf"><section class="share-tools"><ul>
    <li><button aria-label="Share full article">Share full article</button></li>
    <li><button>Give this article</button></li>
    <li><a href="#commentsContainer"><span class="css-comments">112</span> comments</a></li>
    <li><button>Save</button></li></ul></section></div>
  <figure class="css-1a48zt4" aria-label="media" role="group">
   <div><picture><source srcset="https://x.example/a.webp"><img alt="" src="https://x.example/a.jpg"></picture></div>
   <figcaption class="css-1l44abu ewdxa0s0"><span class="css-jevhq3">A volunteer hands out fentanyl test strips at a community event in Ashburn Falls.</span><span class="css-cnj6d5"><span class="visually-hidden">Credit...</span>Priya Castellano for {SITE}</span></figcaption>
  </figure>
  <div class="css-morr5s"><div class="css-1jxcymd"><p class="css-aknsld e1jsehar1">By <span class="css-1baulvz" itemprop="name"><a href="/by/eleanor-whitfield">Eleanor Whitfield</a></span> and <span class="css-1baulvz"><a href="/by/tomas-arriaga">Tomás Arriaga</a></span></p>
   <p class="css-1lmvhxz">Eleanor Whitfield reported from Ashburn Falls, Va., and Tomás Arriaga from Washington.</p></div>
   <ul class="css-1w5cs23"><li><time class="css-qwqdpm" datetime="2023-06-14T01:00:09-04:00">June 14, 2023</time></li></ul></div>
 </header>
 <section name="articleBody" itemprop="articleBody" class="meteredContent css-1r7ky0e">
 {"".join(paras)}
 </section>
 <div class="bottom-of-article"><div class="css-1efx9ri"><p>A version of this article appears in print on June 15, 2023, Section A, Page 14 of the New York edition with the headline: Test Strips, Once Contraband, Win Bipartisan Support. <a href="/reprints">Order Reprints</a> | <a href="/todays-paper">Today’s Paper</a> | <a href="/subscription">Subscribe</a></p></div>
  <div class="css-1s9f5vb"><h2>Read 112 Comments</h2></div>
  <div class="share-tools"><button>Share full article</button><button>Save</button></div></div>
</article>
<aside class="css-ew4tgv" aria-label="Related Content"><h2>Related Content</h2><ul>
 <li><a href="/r1"><h3>A Pill Bought Online, a Son Lost, and a Law Rewritten</h3></a></li>
 <li><a href="/r2"><h3>Xylazine Spreads, and Doctors Struggle to Keep Up</h3></a></li></ul></aside>
<div id="most-popular" class="css-most"><h2>Most Popular</h2><ol>
 <li><a href="/m1">The Best Summer Reads, According to Our Critics</a></li>
 <li><a href="/m2">How to Keep Your Tomatoes Alive in a Heat Wave</a></li>
 <li><a href="/m3">Inside the Fight Over a Small Town’s Only Bridge</a></li></ol></div>
</main>
<footer role="contentinfo" class="css-1qqgxq"><nav><ul><li><a href="/">{SITE}</a></li><li><a href="/about">About Us</a></li><li><a href="/careers">Careers</a></li><li><a href="/contact">Contact Us</a></li></ul></nav>
<p>© 2023 {SITE} Company</p><a href="#app">Back to top</a></footer>
</div>
</body>
</html>
"""
