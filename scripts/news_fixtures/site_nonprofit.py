# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A nonprofit investigative newsroom (written after the rules were tuned, as a held-out
check): a "Republish this story" box, a donation ask inside the story, an in-story
"Do you have information …? Contact us" box, an editor's note at the top ("Update, …")
that is part of the story, footnote-style "Help us report" list, and a byline "by Nora
Feld, Clearwater Report, and Amir Saleh, The Valley Sun" (two newsrooms)."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="nonprofit_newsroom",
    style="nonprofit investigative newsroom (held out)",
    headline="Jail Withheld Addiction Medicine From Dozens of Inmates Despite State Rules, "
             "Records Show",
    authors=["Nora Feld", "Amir Saleh"],
    date="2024-10-22",
    site="Clearwater Report",
    notes=["written after tuning", "republish box", "donation ask", "tip box",
           "byline with two newsrooms"],
    blocks=[
        ("p", "Update, Oct. 24, 2024: After this story was published, the sheriff said the jail "
              "would resume giving methadone to everyone who arrives with a prescription."),
        ("p", "For eleven months, the Dunmore County Jail stopped giving methadone to people "
              "who arrived with a prescription for it, even though a state rule adopted in "
              "2022 requires jails to continue the medication, according to records obtained "
              "by Clearwater Report and The Valley Sun."),
        ("p", "At least 43 people went without their medication during that time. Four of them "
              "overdosed within a month of their release. One died."),
        ("h2", "“They told me to tough it out”"),
        ("p", "Dana Whitlow, 38, had been taking methadone for six years when she was booked on "
              "a probation violation in March. She said a nurse told her the jail no longer "
              "had a contract with a methadone clinic."),
        ("p", "“They told me to tough it out,” Whitlow said. “I was sick for two weeks. I "
              "didn’t eat. Nobody came.”"),
        ("p", "The jail’s medical contractor, Keystone Correctional Health, said in a statement "
              "that it followed the sheriff’s instructions and that the contract lapse was "
              "outside its control."),
        ("p", "The state health department said it had not inspected the jail since 2021."),
    ],
)

SITE = "Clearwater Report"


def render() -> str:
    a = ARTICLE
    parts = []
    for i, block in enumerate(a.blocks):
        if i == 0:
            parts.append(f'<p class="editors-note"><em>{block[1]}</em></p>')
            continue
        parts.append(block_html(block))
        if i == 2:
            parts.append('<aside class="donate-inline"><p>Clearwater Report is a nonprofit newsroom. We rely on readers like you. <a href="/donate">Donate now</a>.</p></aside>')
        if i == 5:
            parts.append('<div class="callout"><h3>Do You Have Information About Jail Health Care?</h3><p>Contact reporter Nora Feld at nora.feld@clearwater.example or on Signal at 555-0134.</p></div>')
    meta = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.headline,
            "datePublished": "2024-10-22T05:00:00-04:00",
            "author": [{"@type": "Person", "name": "Nora Feld"},
                       {"@type": "Person", "name": "Amir Saleh"}],
            "publisher": {"@type": "Organization", "name": SITE}}
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{esc(a.headline)} — {SITE}</title>
<meta property="og:title" content="{esc(a.headline)}">
<meta property="og:site_name" content="{SITE}">
<meta name="author" content="Nora Feld, Amir Saleh">
<meta property="article:published_time" content="2024-10-22T09:00:00Z">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><a class="brand" href="/">{SITE}</a><nav><a href="/topics/">Topics</a> <a href="/series/">Series</a> <a href="/about/">About</a> <a href="/donate/" class="button">Donate</a></nav></header>
<main id="main"><article class="story">
<header class="story-header"><h1>{esc(a.headline)}</h1>
<p class="byline">by <a href="/people/nora-feld">Nora Feld</a>, Clearwater Report, and <a href="/people/amir-saleh">Amir Saleh</a>, The Valley Sun</p>
<p class="dateline"><time datetime="2024-10-22T05:00-0400">Oct. 22, 2024, 5 a.m. EDT</time></p>
<p class="partner-note">This article was produced in partnership with The Valley Sun, which is a member of the Clearwater Local Reporting Network.</p></header>
<div class="story-body">
{"".join(parts)}
</div>
<div class="republish"><h3>Republish This Story for Free</h3><p>Creative Commons License (CC BY-NC-ND 3.0). Thank you for your interest in republishing this story.</p><button>Copy to Clipboard</button></div>
<div class="help-us"><h3>Help Us Report on Jails</h3><ul><li><a href="/form1">Share your experience</a></li><li><a href="/form2">Tips for family members</a></li></ul></div>
</article>
<aside class="more-stories"><h3>Latest Stories from Clearwater Report</h3><ul><li><a href="/s1">The Towns Where the Water Still Isn’t Safe</a></li></ul></aside>
</main>
<footer><p>© Copyright 2024 {SITE} Inc.</p></footer>
</body>
</html>
"""
