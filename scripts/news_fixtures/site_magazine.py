# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A magazine: a dek under the headline, a drop cap (the first letter in its own span), a
pull quote that repeats a sentence of the story, section breaks, an author bio, a "This
article appears in the … print edition" line and an issue promo; JSON-LD ``Article`` with
the author as a plain string."""

from __future__ import annotations

from common import Article, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="magazine",
    style="magazine",
    headline="The Town That Stopped Arresting Its Way Out of an Overdose Crisis",
    authors=["Nadia Okonkwo-Reyes"],
    date="2024-02-27",
    site="The Meridian",
    notes=["drop cap span", "pull quote repeating the text", "dek", "author bio",
           "print-edition line", "author as a JSON-LD string"],
    blocks=[
        ("p", "The first time Chief Hal Brennan saw someone revived with naloxone, he was "
              "standing in the parking lot of a laundromat in Esterbrook, holding a clipboard "
              "and waiting to write an arrest report. The man on the pavement sat up, vomited, "
              "and asked for a cigarette. Brennan wrote the report anyway."),
        ("p", "That was in 2016. Eight years later, Esterbrook’s police department has not "
              "made an arrest for simple drug possession in nearly three years, and Brennan, "
              "now close to retirement, spends part of most weeks explaining to visiting "
              "officials why."),
        ("p", "The answer he gives is not ideological. “We tried the other thing for thirty "
              "years,” he told me in his office, which is decorated with his grandchildren’s "
              "drawings and a framed copy of the town charter. “I can show you the files. It "
              "did not make anybody stop.”"),
        ("h2", "I."),
        ("p", "Esterbrook is a town of 11,000 people on a bend of the Sallow River, two hours "
              "from the nearest city. Its mill closed in 2001, and its pharmacy, for a time, "
              "filled more prescriptions for opioid painkillers per resident than any other in "
              "the state."),
        ("p", "By the time the prescriptions dried up, the market had moved on to heroin and "
              "then to fentanyl. In 2019 the town buried 23 people who had overdosed, more than "
              "it lost to car crashes in the previous decade."),
        ("p", "What changed was not a law but a habit. The department began sending a "
              "counselor, not an officer, to the homes of people who had survived an overdose, "
              "within 72 hours, with no police car in the driveway."),
        ("h2", "II."),
        ("p", "Critics in the county seat say Esterbrook has simply stopped enforcing the law. "
              "The county prosecutor, Lyle Dunmore, told me that the town had become “a place "
              "where dealers know they will be left alone.”"),
        ("p", "The numbers are harder to read than either side admits. Overdose deaths fell to "
              "nine in 2023, but they fell across the region too. Property crime is flat. "
              "Treatment admissions from Esterbrook have tripled, which could mean the program "
              "works, or that there was more need than anyone had counted."),
        ("p", "Brennan does not claim to know which. “I know that nobody I sent to jail for "
              "possession ever came out better,” he said. “That is the only number I am sure "
              "about.”"),
    ],
)

SITE = "The Meridian"


def render() -> str:
    a = ARTICLE
    parts = []
    for i, (kind, value) in enumerate(a.blocks):
        if kind == "h2":
            parts.append(f'<h2 class="ArticleSectionHeading_root__x1">{esc(str(value))}</h2>')
            continue
        text = str(value)
        if i == 0:
            parts.append(f'<p class="ArticleParagraph_root__4mszW" data-flatplan-paragraph='
                         f'"true"><span class="ArticleDropcap_root__r2">{text[0]}</span>'
                         f"{text[1:]}</p>")
        else:
            parts.append(f'<p class="ArticleParagraph_root__4mszW" data-flatplan-paragraph='
                         f'"true">{text}</p>')
        if i == 2:
            parts.append('<aside class="ArticlePullquote_root__m3" role="presentation"><p>'
                         "“We tried the other thing for thirty years. It did not make anybody "
                         "stop.”</p></aside>")
        if i == 8:
            parts.append('<p class="ArticleNewsletterPromo_root"><em>Sign up for The Ideas '
                         "Newsletter, a weekly guide to the arguments shaping the news.</em>"
                         "</p>")
        if i == 5:
            parts.append('<div class="ArticleInjector_root"><div class="ArticleRelatedContent'
                         'Module_root"><p class="ArticleRelatedContentModule_heading">Read:'
                         '</p><a href="/r1">The overdose crisis is changing shape again</a>'
                         "</div></div>")
    meta = {"@context": "http://schema.org", "@type": "Article",
            "headline": a.headline,
            "description": "A small river town bet on counselors instead of handcuffs. Eight "
                           "years later, nobody agrees on what the results mean.",
            "author": "Nadia Okonkwo-Reyes",
            "datePublished": "2024-02-27T11:00:00-05:00",
            "publisher": {"@type": "Organization", "name": SITE}}
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(a.headline)} - {SITE}</title>
<meta name="author" content="Nadia Okonkwo-Reyes">
<meta property="og:title" content="{esc(a.headline)}">
<meta property="og:site_name" content="{SITE}">
<meta property="og:description" content="A small river town bet on counselors instead of handcuffs.">
<meta property="article:published_time" content="2024-02-27T11:00:00-05:00">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body>
<div id="__next">
<a class="SkipToMainContent" href="#main-content">Skip to content</a>
<header class="SiteHeader"><a href="/" class="Logo">{SITE}</a>
<nav><ul><li><a href="/politics/">Politics</a></li><li><a href="/ideas/">Ideas</a></li><li><a href="/culture/">Culture</a></li><li><a href="/science/">Science</a></li><li><a href="/magazine/">Magazine</a></li><li><a href="/podcasts/">Podcasts</a></li></ul></nav>
<a class="SubscribeButton" href="/subscribe/">Subscribe</a><a href="/login/">Sign In</a></header>
<main id="main-content">
<article class="ArticleLayout_article__x">
<header class="ArticleHero_root">
<div class="ArticleRubric"><a href="/ideas/">Ideas</a></div>
<h1 class="ArticleTitle_root__VrZaG">{esc(a.headline)}</h1>
<p class="ArticleDek_root__P3">A small river town bet on counselors instead of handcuffs. Eight years later, nobody agrees on what the results mean.</p>
<div class="ArticleBylines_root"><address>By <a class="ArticleBylines_link" href="/author/nadia-okonkwo-reyes/">Nadia Okonkwo-Reyes</a></address></div>
<figure class="ArticleLeadFigure"><img src="https://x.example/m.jpg" alt=""><figcaption class="ArticleLeadFigure_caption">Photo-illustration by Ilse Marrow. Sources: Getty; Esterbrook Police Department.</figcaption></figure>
<div class="ArticleTimestamp"><time datetime="2024-02-27T11:00:00-05:00">February 27, 2024</time>, 6 AM ET</div>
<div class="ArticleShare"><button>Share</button><button>Save</button><a href="#">Listen to this article</a></div>
</header>
<section class="ArticleBody_root">
{"".join(parts)}
</section>
<div class="ArticleBio_root"><p>Nadia Okonkwo-Reyes is a staff writer at {SITE}, where she covers drug policy and criminal justice.</p></div>
<p class="ArticlePrintEdition">This article appears in the March 2024 print edition with the headline “Esterbrook’s Experiment.”</p>
<div class="ArticleIssuePromo"><h3>Explore the March 2024 Issue</h3><p>Check out more from this issue and find your next story to read.</p><a href="/magazine/2024/03/">View More</a></div>
</article>
<div class="ArticleNewsletter"><h2>Sign up for The Ideas Newsletter</h2><p>Ideas that matter, delivered weekly.</p><form><input type="email"><button>Sign Up</button></form></div>
<section class="RecirculationModule"><h2>Most Popular</h2><ul><li><a href="/p1">The Case Against Summer Vacation</a></li><li><a href="/p2">Why Everyone Is Tired All the Time</a></li></ul></section>
</main>
<footer class="SiteFooter"><ul><li><a href="/about/">About</a></li><li><a href="/contact/">Contact</a></li><li><a href="/podcasts/">Podcasts</a></li><li><a href="/subscribe/">Subscription</a></li></ul><p>© 2024 {SITE} Monthly Group. All Rights Reserved.</p></footer>
</div>
</body>
</html>
"""
