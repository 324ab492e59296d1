# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A tabloid: bullet-point summary (the article's own list), images with long captions and
credits between paragraphs, "Read more:" box, share counts and a comment count, a
newsletter sign-up box, "Username" as the author in the page's meta tags and the real name
in an all-capitals byline with "FOR" the site; the title ends "| Daily Bulletin Online"."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="tabloid",
    style="tabloid",
    headline="Dad who lost son to fake pills leads 200-mile walk to state capitol to demand "
             "naloxone in every school",
    authors=["Gavin Thorpe"],
    date="2023-09-02",
    site="Daily Bulletin",
    notes=["meta author 'Username'", "byline 'By GAVIN THORPE FOR DAILYBULLETIN.COM'",
           "captions and credits between paragraphs", "bullet summary kept"],
    blocks=[
        ("ul", ["Rory Calloway, 47, set off from Pike Hollow on Monday with a backpack and a "
                "photo of his son",
                "Kieran Calloway, 16, died in 2022 after taking a pill sold to him as a "
                "painkiller",
                "His walk ends at the capitol on Saturday, where he will deliver a petition"]),
        ("p", "A grieving father is walking 200 miles across the state to demand that every "
              "school keep an overdose-reversal spray in its nurse’s office."),
        ("p", "Rory Calloway, 47, set off from his home in Pike Hollow on Monday morning, "
              "carrying a backpack, a folding chair and a framed photograph of his son Kieran."),
        ("p", "The teenager died in his bedroom in March 2022 after swallowing a pill he had "
              "bought through a social media app. It looked like a prescription painkiller but "
              "contained fentanyl, a toxicology report later found."),
        ("p", "‘If there had been naloxone in that house, or in his school that week, he might "
              "be starting college now,’ Mr Calloway said as he rested at a petrol station "
              "outside Marlow Junction."),
        ("p", "‘I am not a campaigner. I fix boilers. But I can walk, so I am walking.’"),
        ("p", "More than 14,000 people have signed his petition, which asks lawmakers to fund "
              "the spray for every public middle and high school and to train at least two "
              "staff members in each building to use it."),
        ("p", "State Representative Imogen Harcourt said she would introduce a bill next "
              "session. ‘It costs less than a set of textbooks,’ she said."),
        ("p", "Mr Calloway plans to reach the capitol steps on Saturday at noon, where "
              "supporters are expected to join him for the final mile."),
    ],
)

SITE = "Daily Bulletin"


def _image(caption: str, credit: str) -> str:
    return ('<div class="artSplitter mol-img-group"><div class="mol-img"><div class="image-wrap">'
            '<img class="blkBorder img-share" data-src="https://x.example/i.jpg" alt="">'
            '<div class="image-count">+7</div></div></div>'
            f'<p class="imageCaption">{caption}</p>'
            f'<span class="imageCredit">Credit: {credit}</span></div>')


def render() -> str:
    a = ARTICLE
    parts = []
    for i, block in enumerate(a.blocks):
        if block[0] == "ul":
            parts.append('<ul class="mol-bullets-with-font">'
                         + "".join(f'<li class="class-bullet"><strong>{it}</strong></li>'
                                   for it in block[1]) + "</ul>")
            continue
        parts.append(block_html(block, p='<p class="mol-para-with-font">'))
        if i == 2:
            parts.append(_image("Rory Calloway, 47, pictured on the first day of his walk, "
                                "said he was ‘not a campaigner’ but could not sit at home",
                                "Pike Hollow Picture Agency"))
        if i == 4:
            parts.append(_image("Kieran Calloway, pictured with his father on a fishing trip "
                                "in 2021, died months later after taking a counterfeit pill",
                                "Family handout"))
            parts.append('<div class="related-carousel"><h3>Read more:</h3><ul>'
                         '<li><a href="/r1">Mother of teen who died after fake pill speaks out'
                         '</a></li><li><a href="/r2">Police warn parents over deadly pills '
                         "sold on apps</a></li></ul></div>")
        if i == 6:
            parts.append('<div class="mol-ads-cmp"><span>Advertisement</span></div>')
    meta = {"@context": "http://schema.org", "@type": "NewsArticle",
            "headline": a.headline,
            "datePublished": "2023-09-02T09:41:17+0100",
            "dateModified": "2023-09-02T12:03:55+0100",
            "author": {"@type": "Person", "name": "Username"},
            "publisher": {"@type": "Organization", "name": "Daily Bulletin Online"}}
    return f"""<!DOCTYPE html>
<html lang="en" class="article">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{esc(a.headline)} | Daily Bulletin Online</title>
<meta name="author" content="Username">
<meta property="og:title" content="{esc(a.headline)}">
<meta property="og:site_name" content="{SITE}">
<meta property="article:published_time" content="2023-09-02T09:41:17+0100">
<meta name="description" content="Rory Calloway, 47, set off from Pike Hollow on Monday.">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body>
<div class="page-header"><a class="skip-link" href="#content">Skip to main content</a>
<ul class="nav-primary"><li><a href="/home">Home</a></li><li><a href="/news">News</a></li><li><a href="/royals">Royals</a></li><li><a href="/usshowbiz">U.S. Showbiz</a></li><li><a href="/sport">Sport</a></li><li><a href="/tvshowbiz">TV&amp;Showbiz</a></li><li><a href="/femail">Femail</a></li><li><a href="/health">Health</a></li><li><a href="/money">Money</a></li></ul>
<ul class="nav-secondary"><li><a href="/latest">Latest Headlines</a></li><li><a href="/crime">Crime</a></li><li><a href="/weather">Weather</a></li></ul></div>
<div id="content" class="article-text wide">
<h2 class="mol-font-head">{esc(a.headline)}</h2>
<p class="author-section byline-plain">By <a class="author" href="/profile/gthorpe">GAVIN THORPE FOR DAILYBULLETIN.COM</a></p>
<p class="byline-section"><span class="article-timestamp">Published: 09:41 BST, 2 September 2023</span> | <span class="article-timestamp">Updated: 12:03 BST, 2 September 2023</span></p>
<div class="social-share"><ul><li class="share-facebook"><a href="#">Share</a></li><li class="share-count"><span>1.2k</span> shares</li><li><a href="#comments">87 comments</a></li></ul></div>
<div itemprop="articleBody">
{"".join(parts)}
</div>
<div class="newsletter-signup"><h3>Sign up for the Daily Bulletin newsletter</h3><p>The day’s biggest stories, straight to your inbox every morning.</p><form><input type="email" placeholder="Your email"><button>Sign up</button></form><p class="small">By signing up you agree to our privacy policy.</p></div>
<div class="share-or-comment"><p>Share or comment on this article:</p><p><a href="#">Dad who lost son to fake pills leads 200-mile walk</a></p></div>
<div id="comments" class="reader-comments"><h3>Comments 87</h3><p class="comment-count">Share what you think</p>
 <div class="comment"><p class="user">marlowmum, Marlow Junction</p><p>Such a brave man, my heart goes out to him and his family.</p><p>Click to rate 412</p></div>
 <div class="comment"><p class="user">TruthTeller99, Nowhere</p><p>Where were the parents when he was buying pills online?</p><p>Click to rate 31</p></div></div>
</div>
<div class="puff"><h2>MOST WATCHED NEWS VIDEOS</h2><ul><li><a href="/v1">Moment driver crashes into shopfront</a></li><li><a href="/v2">Celebrity chef shows off new kitchen</a></li></ul></div>
<div class="footer"><p>Published by Daily Bulletin Online, part of the Bulletin Group. © Associated Newspapers Ltd</p><ul><li>Contact us</li><li>How to complain</li><li>Terms</li></ul></div>
</body>
</html>
"""
