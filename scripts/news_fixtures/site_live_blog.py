# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A live blog: ``LiveBlogPosting`` JSON-LD, a "Key events" link list, timestamped posts
("10.42 BST", "Updated at 11.05 BST") each with its own share buttons, a "Related:" rich
link inside a post, a feed toolbar ("Newest first", "Show key events only"), a byline
"Harriet Okoye (now) and Ben Lascelles (earlier)" and a title with section and site
("… – live updates | Politics | The Clarion")."""

from __future__ import annotations

from common import Article, esc, jsonld, tracking_scripts

POSTS = [
    ("13.20 BST", "Bill passes second reading by 41 votes", [
        "The overdose prevention bill has passed its second reading by 312 votes to 271, a "
        "majority of 41, after a debate that ran almost two hours over its scheduled time.",
        "It now goes to committee, where ministers expect amendments on how local councils "
        "would license the sites.",
    ]),
    ("12.05 BST", "Opposition health spokesperson: ‘the evidence is not settled’", [
        "Opening for the opposition, Corinne Blakemore said her party accepted that the "
        "overdose figures were “a national disgrace” but did not accept that supervised "
        "sites were the answer.",
        "“The evidence from abroad is not settled, and we are being asked to legislate on "
        "hope,” she said. She urged the government to spend the money on residential "
        "treatment places instead.",
    ]),
    ("11.05 BST", "Minister opens debate", [
        "The public health minister, Owen Ashdown, opened the debate by reading the names of "
        "three constituents who had died of overdoses in the past year, with their families’ "
        "permission.",
        "He said the bill would allow no more than ten pilot sites, each approved by its local "
        "council and the police, and would be reviewed after three years.",
    ]),
    ("10.42 BST", "What is in the bill?", [
        "Good morning. MPs will today debate the overdose prevention bill, which would allow "
        "supervised drug consumption sites to open for the first time.",
        "The key points of the bill are:",
    ]),
]
KEY_POINTS = ["pilot sites licensed by councils, with police agreement;",
              "no prosecution for possession inside a licensed site;",
              "an independent review after three years."]


def _blocks() -> list[tuple[str, object]]:
    blocks: list[tuple[str, object]] = []
    for _, heading, paras in POSTS:
        blocks.append(("h2", heading))
        blocks.extend(("p", p) for p in paras)
        if heading == "What is in the bill?":
            blocks.append(("ul", KEY_POINTS))
    return blocks


ARTICLE = Article(
    name="live_blog",
    style="live blog",
    headline="Overdose prevention bill vote – live updates",
    authors=["Harriet Okoye", "Ben Lascelles"],
    date="2024-03-19",
    site="The Clarion",
    notes=["LiveBlogPosting", "timestamps and 'Updated at' lines", "key events list",
           "byline with (now) and (earlier)", "title with section and site"],
    blocks=_blocks(),
)

SITE = "The Clarion"


def render() -> str:
    a = ARTICLE
    posts = []
    for n, (time, heading, paras) in enumerate(POSTS):
        body = "".join(f'<p>{p}</p>' for p in paras)
        if heading == "What is in the bill?":
            body += "<ul>" + "".join(f"<li>{k}</li>" for k in KEY_POINTS) + "</ul>"
        if n == 1:
            body += ('<aside data-spacefinder-role="inline" class="element-rich-link"><p>'
                     '<span>Related: </span><a href="/r1">Scotland’s first supervised site: '
                     "what happened in year one</a></p></aside>")
        updated = ('<p class="updated"><time>Updated at 11.09 BST</time></p>'
                   if time == "11.05 BST" else "")
        posts.append(
            f'<article id="block-{n}" class="block" data-block-contributor="Harriet Okoye">'
            f'<header class="block-time"><a href="?page=with:block-{n}#block-{n}">'
            f'<time datetime="2024-03-19T{time[:2]}:{time[3:5]}:00.000Z">{time}</time></a>'
            f"</header><h2>{esc(heading)}</h2>{body}{updated}"
            '<footer class="block-share"><button>Share</button><a href="#">Share on Facebook'
            '</a><a href="#">Share on X</a></footer></article>')
    meta = {"@context": "https://schema.org", "@type": "LiveBlogPosting",
            "headline": a.headline,
            "datePublished": "2024-03-19T09:35:00.000Z",
            "coverageStartTime": "2024-03-19T09:35:00.000Z",
            "author": [{"@type": "Person", "name": "Harriet Okoye"},
                       {"@type": "Person", "name": "Ben Lascelles"}],
            "publisher": {"@type": "Organization", "name": SITE},
            "liveBlogUpdate": [{"@type": "BlogPosting", "headline": h,
                                "articleBody": " ".join(p)} for _, h, p in POSTS]}
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(a.headline)} | Politics | {SITE}</title>
<meta property="og:title" content="{esc(a.headline)}">
<meta property="og:site_name" content="{SITE}">
<meta name="author" content="Harriet Okoye (now) and Ben Lascelles (earlier)">
<meta property="article:published_time" content="2024-03-19T09:35:00.000Z">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body>
<a href="#maincontent" class="skip">Skip to main content</a>
<a href="#navigation" class="skip">Skip to navigation</a>
<div id="bannerandheader"><header><a href="/" class="logo"><span class="visually-hidden">{SITE} - Back to home</span></a>
<div class="support">Support the Clarion<br>Fund independent journalism with £5 per month <a href="/contribute">Support us</a></div>
<nav id="navigation"><ul><li><a href="/">News</a></li><li><a href="/commentisfree">Opinion</a></li><li><a href="/sport">Sport</a></li><li><a href="/culture">Culture</a></li><li><a href="/lifeandstyle">Lifestyle</a></li></ul>
<ul><li><a href="/uk">UK</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/environment">Climate crisis</a></li></ul></nav></header></div>
<main id="maincontent">
<div class="live-header"><span class="live-badge">Live</span><a href="/politics">Politics</a>
<h1 class="headline">{esc(a.headline)}</h1>
<div class="standfirst"><p>MPs debate plans for up to ten pilot sites; opposition says the evidence is not settled</p></div>
<div class="byline"><a rel="author" href="/profile/harrietokoye">Harriet Okoye</a> (now) and <a rel="author" href="/profile/benlascelles">Ben Lascelles</a> (earlier)</div>
<div class="meta-dateline"><time datetime="2024-03-19T12:20:00.000Z">Tue 19 Mar 2024 13.20 GMT</time>. First published on Tue 19 Mar 2024 09.35 GMT</div>
<div class="share-bar"><button>Share</button></div></div>
<div class="key-events"><h2>Key events</h2><ul><li><a href="#block-0"><time>1h ago</time> Bill passes second reading by 41 votes</a></li><li><a href="#block-2"><time>3h ago</time> Minister opens debate</a></li></ul><button>Show key events only</button><p>Please turn on JavaScript to use this feature</p></div>
<div class="live-feed"><div class="toolbar"><a href="#">Newest first</a> <a href="#">Oldest first</a> <span class="update-count">4 updates</span></div>
<div class="live-blog-body">
{"".join(posts)}
</div>
<div class="pagination"><a href="?page=with:block-0">Newest</a><span>1 of 1</span><a href="#">Older</a></div></div>
<div class="submeta"><h3>Explore more on these topics</h3><ul><li><a href="/politics/drugs">Drugs policy</a></li><li><a href="/politics/house-of-commons">House of Commons</a></li></ul></div>
<div class="epic"><h2>I hope you appreciated this article.</h2><p>Before you move on, I was wondering if you would consider supporting {SITE}’s journalism. Support us today from just £2.</p><a href="/contribute">Support the Clarion</a></div>
<section class="onwards"><h2>Most viewed</h2><ol><li><a href="/mv1">The 10 best cheap eats in the north-west</a></li><li><a href="/mv2">Tuesday briefing: what we know about the storm</a></li></ol></section>
</main>
<footer><ul><li><a href="/help">Help</a></li><li><a href="/complaints">Complaints &amp; corrections</a></li><li><a href="/privacy">Privacy policy</a></li></ul><p>© 2024 {SITE} News &amp; Media Limited or its affiliated companies. All rights reserved.</p></footer>
</body>
</html>
"""
