# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A community news site with a long comment thread (more words than the story), "Posted
by admin" and "Valley Voice Staff" as the only author names (placeholders: no author), a
comment form, "Reply" links, and a title with an en dash before the site name."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="comments_page",
    style="page with comments",
    headline="Town meeting on proposed recovery housing draws standing-room crowd",
    authors=[],
    date="2023-10-05",
    site="The Valley Voice",
    notes=["comments longer than the story", "'Posted by admin' and 'Staff' are not authors",
           "title with en dash and site"],
    blocks=[
        ("p", "More than 200 residents filled the Tolland Grange hall Wednesday night for a "
              "public hearing on a proposal to open a recovery house for eight men on Orchard "
              "Street."),
        ("p", "The nonprofit Second Wind Housing wants to buy a vacant two-family house and run "
              "it as a sober residence, with a live-in house manager and weekly visits from a "
              "counselor. Residents would pay rent and would have to be working or in "
              "treatment."),
        ("p", "Neighbors on Orchard Street raised concerns about parking, property values and a "
              "school bus stop at the end of the block. Several speakers who said they were in "
              "recovery themselves urged the planning board to approve it."),
        ("p", "“I would not be standing here if there had not been a house like this for me "
              "in 2015,” said Curtis Ambrose, who now runs a landscaping business in town."),
        ("p", "The planning board will continue the hearing on Oct. 19. State law limits how "
              "far towns can restrict sober housing, the board’s attorney reminded members."),
    ],
)

SITE = "The Valley Voice"
COMMENTS = [
    ("orchardst_mom", "I live two doors down and nobody from Second Wind has knocked on a "
                      "single door on this street. That tells you everything about how this "
                      "will be run. We have small children and a bus stop right there."),
    ("Curtis A.", "Thank you to everyone who came out. The house I lived in changed my life "
                  "and nobody on that street even knew it was there after the first month."),
    ("TollandTaxpayer", "Who pays when property values drop? Not the nonprofit. Put it near "
                        "the highway where it won't bother anybody."),
    ("greenfield_nurse", "State law is clear on this. The board can't legally deny it based on "
                         "who the residents are. People should read up before the next "
                         "meeting instead of wasting everyone's time."),
    ("Marge P.", "I have lived in Tolland for sixty years and I remember when the Grange hall "
                 "was full for the dances. Nice to see it full again, whatever you think of "
                 "the house."),
]


def render() -> str:
    a = ARTICLE
    story = "".join(block_html(b) for b in a.blocks)
    comments = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta">'
        f'<div class="comment-author vcard"><b class="fn">{esc(u)}</b> <span class="says">says:'
        f'</span></div><div class="comment-metadata"><time>October 5, 2023 at {8 + i}:1{i} am'
        f'</time></div></footer><div class="comment-content"><p>{esc(t)}</p></div><div class='
        f'"reply"><a class="comment-reply-link" href="#">Reply</a></div></article></li>'
        for i, (u, t) in enumerate(COMMENTS))
    meta = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.headline,
            "datePublished": "2023-10-05T07:30:00-04:00",
            "author": {"@type": "Person", "name": "Valley Voice Staff"},
            "publisher": {"@type": "Organization", "name": SITE}}
    return f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>{esc(a.headline)} – {SITE}</title>
<meta name="author" content="admin">
<meta property="og:title" content="{esc(a.headline)}">
<meta property="og:site_name" content="{SITE}">
<meta property="article:published_time" content="2023-10-05T07:30:00-04:00">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body class="single">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header class="site-header"><h2 class="site-title"><a href="/">{SITE}</a></h2><p>News from Tolland, Greenfield and the hill towns</p>
<nav><ul><li><a href="/">Home</a></li><li><a href="/category/news">News</a></li><li><a href="/category/schools">Schools</a></li><li><a href="/category/events">Events</a></li><li><a href="/donate">Donate</a></li></ul></nav></header>
<div id="content" class="site-content"><main>
<article class="post type-post">
<header class="entry-header"><h1 class="entry-title">{esc(a.headline)}</h1>
<div class="entry-meta">Posted on <time class="entry-date published" datetime="2023-10-05T07:30:00-04:00">October 5, 2023</time> by <span class="author vcard"><a href="/author/admin/">admin</a></span> — <a href="#comments">5 Comments</a></div></header>
<div class="entry-content">{story}
<div class="sharedaddy"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">Facebook</a></li><li><a href="#">Email</a></li><li><a href="#">Print</a></li></ul></div>
<div class="jp-relatedposts"><h3 class="jp-relatedposts-headline"><em>Related</em></h3><p><a href="/r1">Planning board sets date for Orchard Street hearing</a> In "News"</p><p><a href="/r2">Grange hall roof repairs finished ahead of winter</a> In "Community"</p></div></div>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">5 thoughts on “{esc(a.headline)}”</h2>
<ol class="comment-list">{comments}</ol>
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><p class="must-log-in">You must be <a href="/wp-login.php">logged in</a> to post a comment.</p></div></div>
</main>
<aside class="widget-area"><section class="widget"><h2 class="widget-title">Recent Posts</h2><ul><li><a href="/p1">Library book sale this Saturday</a></li><li><a href="/p2">Letters: Keep the transfer station open on Sundays</a></li></ul></section>
<section class="widget"><h2 class="widget-title">Support local news</h2><p>The Valley Voice is a nonprofit newsroom. Donate today.</p></section></aside></div>
<footer class="site-footer"><p>Proudly powered by WordPress | Theme: Newsup by Themeansar.</p></footer>
</body>
</html>
"""
