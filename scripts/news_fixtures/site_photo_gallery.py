# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A short story with a photo gallery: six slides with long captions and credits (more
words than the story itself), "1 of 6", "Buy Photo", next/previous buttons, a byline
"Story by … | Photos by …", and JSON-LD as a top-level list (NewsArticle + ImageGallery)."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="photo_gallery",
    style="photo gallery",
    headline="Volunteers train 300 people to use naloxone at the Lakeland County Fair",
    authors=["Dev Ramanathan"],
    date="2023-08-12",
    site="The Lakeland Sentinel",
    notes=["gallery captions outweigh the story", "byline 'Story by … | Photos by …'",
           "JSON-LD top-level list"],
    blocks=[
        ("p", "LAKELAND — Between the funnel-cake stand and the livestock barns, a folding "
              "table draped in a blue cloth drew a steady line all week at the Lakeland County "
              "Fair."),
        ("p", "Volunteers from the Lakeland Recovery Network trained just over 300 people to "
              "recognize an opioid overdose and use nasal naloxone, and sent each of them home "
              "with two doses. Last year, the group trained 85 people at the same table."),
        ("p", "“People walk past, see the sign and keep going, and then they come back ten "
              "minutes later by themselves,” said Arlene Voss, who organized the booth. “Almost "
              "everyone who stops knows someone.”"),
        ("p", "The county health department paid for the naloxone with money from the state’s "
              "opioid settlement fund. Voss said the group hopes to bring the table to the "
              "harvest festival in October."),
    ],
)

SITE = "The Lakeland Sentinel"
CAPTIONS = [
    "Arlene Voss shows a fairgoer how to hold a nasal naloxone spray at the Lakeland Recovery "
    "Network booth on Thursday, Aug. 10, 2023.",
    "A volunteer hands out a bag with two doses of naloxone, gloves and an instruction card "
    "near the livestock barns.",
    "Teenagers from a 4-H club practice on a training mannequin while their parents watch "
    "from the line.",
    "The booth sits between the funnel-cake stand and the entrance to the grandstand, where "
    "the demolition derby draws the week's biggest crowds.",
    "A sign at the booth reads 'You can save a life in two minutes' in English and Spanish.",
    "Volunteers count the week's training cards on Saturday evening; the total came to 304.",
]


def render() -> str:
    a = ARTICLE
    story = "".join(block_html(b, p='<p class="gnt_ar_b_p">') for b in a.blocks)
    slides = "".join(
        f'<figure class="gnt_em_gl_i" data-slide="{i + 1}"><img src="https://x.example/g{i}.jpg"'
        f' alt=""><figcaption class="gnt_em_gl_cap"><span class="gnt_em_gl_count">{i + 1} of '
        f'{len(CAPTIONS)}</span> {esc(c)} <span class="gnt_em_gl_cr">Kaya Lindstrom/The Lakeland '
        f'Sentinel</span></figcaption><a class="gnt_em_gl_buy" href="#">Buy Photo</a></figure>'
        for i, c in enumerate(CAPTIONS))
    meta = [
        {"@context": "http://schema.org", "@type": "NewsArticle", "headline": a.headline,
         "datePublished": "2023-08-12T06:00:33-05:00",
         "author": [{"@type": "Person", "name": "Dev Ramanathan"}],
         "publisher": {"@type": "Organization", "name": SITE}},
        {"@context": "http://schema.org", "@type": "ImageGallery",
         "name": "Naloxone training at the county fair",
         "author": {"@type": "Person", "name": "Kaya Lindstrom"}},
    ]
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(a.headline)} | Lakeland Sentinel</title>
<meta property="og:title" content="{esc(a.headline)}">
<meta property="og:site_name" content="{SITE}">
<meta name="author" content="Dev Ramanathan">
<meta itemprop="datePublished" content="2023-08-12T06:00:33-05:00">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body class="gnt_pr">
<a class="gnt_sk" href="#mainContentSection">Skip to main content</a>
<header class="gnt_n"><a class="gnt_n_lg" href="/">{SITE}</a><nav class="gnt_n_mn"><a href="/news/">News</a><a href="/sports/">Sports</a><a href="/entertainment/">Entertainment</a><a href="/opinion/">Opinion</a><a href="/obituaries/">Obituaries</a><a href="/eedition/">E-Edition</a><a href="/legal-notices/">Legal Notices</a></nav>
<a class="gnt_n_sub" href="/subscribe/">Subscribe</a><a class="gnt_n_si" href="/signin/">Sign In</a></header>
<main id="mainContentSection" class="gnt_cw">
<article class="gnt_pr">
<h1 class="gnt_ar_hl" elementtiming="ar-headline">{esc(a.headline)}</h1>
<div class="gnt_ar_by"><div class="gnt_ar_by_a">Story by <a href="/staff/1/dev-ramanathan/">Dev Ramanathan</a> | Photos by Kaya Lindstrom</div><div class="gnt_ar_by_pub">The Lakeland Sentinel</div></div>
<div class="gnt_ar_dt" aria-label="Published: 6:00 AM CDT August 12, 2023">Published 6:00 a.m. CT Aug. 12, 2023</div>
<div class="gnt_ss"><button class="gnt_ss_fb">Facebook</button><button class="gnt_ss_tw">Twitter</button><button class="gnt_ss_em">Email</button></div>
<div class="gnt_ar_b">{story}</div>
<div class="gnt_em_gl" aria-label="Gallery"><h2 class="gnt_em_gl_t">Photos: Naloxone training at the county fair</h2>
<div class="gnt_em_gl_ctrl"><button aria-label="Previous slide">Previous</button><button aria-label="Next slide">Next</button><button>Expand</button></div>
{slides}</div>
</article>
<aside class="gnt_rr"><h3>Most popular</h3><ul><li><a href="/n1">Road closures for the week of Aug. 14</a></li><li><a href="/n2">Fair results: grand champion steer sells for record price</a></li></ul></aside>
</main>
<footer class="gnt_f"><ul><li><a href="/about">About Us</a></li><li><a href="/newsletters">Newsletters</a></li><li><a href="/contact">Contact Us</a></li></ul><p>© 2023 www.lakelandsentinel.example. All rights reserved.</p></footer>
</body>
</html>
"""
