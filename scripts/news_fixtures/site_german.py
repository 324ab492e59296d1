# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A German news magazine's site (written after the rules were tuned, as a held-out
check): "Anzeige" labels, "Mehr zum Thema" links, a "Lesen Sie auch:" line, a "Foto: …"
credit, "Artikel teilen", a "Zur Startseite" link, the byline "Von Jonas Albrecht und Lea
Hartmann" and a title "… - DER KOMPASS" with og:site_name "Der Kompass"."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="german_magazine",
    style="German news magazine (held out)",
    headline="Drug-Checking in Kessenfeld: Stadt erlaubt Testangebot für ein Jahr",
    authors=["Jonas Albrecht", "Lea Hartmann"],
    date="2024-09-03",
    site="Der Kompass",
    lang="de",
    notes=["written after tuning", "German furniture", "Von … und …", "upper-case site in title"],
    blocks=[
        ("p", "Die Stadt Kessenfeld erlaubt als erste Kommune im Land ein sogenanntes "
              "Drug-Checking: Wer Drogen gekauft hat, kann eine kleine Probe anonym testen "
              "lassen und erfährt, was tatsächlich darin steckt."),
        ("p", "Der Stadtrat stimmte am Montagabend mit 31 zu 24 Stimmen für ein Modellprojekt, "
              "das zunächst auf ein Jahr befristet ist. Betrieben wird es von der Drogenhilfe "
              "Kessenfeld in ihren Räumen am Bahnhof."),
        ("h2", "Warnungen vor gefährlichen Beimischungen"),
        ("p", "Die Befürworter verweisen auf Erfahrungen aus der Schweiz und Österreich. Dort "
              "würden regelmäßig Warnungen vor besonders hoch dosierten oder verunreinigten "
              "Substanzen veröffentlicht, sagte die Leiterin der Drogenhilfe, Birgit Sommer."),
        ("p", "„Wir erreichen damit Menschen, die sonst nie mit uns sprechen würden“, sagte "
              "Sommer. Die CDU-Fraktion lehnte das Projekt ab. Es sende das falsche Signal an "
              "junge Menschen, sagte ihr Vorsitzender Markus Feldmann."),
        ("p", "Das Land muss das Projekt noch genehmigen. Eine Entscheidung wird bis Ende "
              "Oktober erwartet."),
    ],
)

SITE = "Der Kompass"


def render() -> str:
    a = ARTICLE
    parts = []
    for i, block in enumerate(a.blocks):
        parts.append(block_html(block, p='<p class="text-base leading-loose">'))
        if i == 1:
            parts.append('<div class="ad-container"><span class="ad-label">Anzeige</span></div>')
            parts.append('<figure class="image"><img src="https://x.example/k.jpg" alt=""><figcaption>Beratungsstelle der Drogenhilfe am Bahnhof <span>Foto: Tobias Rehm / Der Kompass</span></figcaption></figure>')
        if i == 3:
            parts.append('<p class="text-base leading-loose"><strong>Lesen Sie auch:</strong> <a href="/r1">Wie Drug-Checking in Zürich funktioniert</a></p>')
    meta = {"@context": "http://schema.org", "@type": "NewsArticle", "headline": a.headline,
            "datePublished": "2024-09-03T18:02:11+02:00",
            "author": [{"@type": "Person", "name": "Jonas Albrecht"},
                       {"@type": "Person", "name": "Lea Hartmann"}],
            "publisher": {"@type": "Organization", "name": "DER KOMPASS"}}
    return f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{esc(a.headline)} - DER KOMPASS</title>
<meta property="og:title" content="{esc(a.headline)}">
<meta property="og:site_name" content="{SITE}">
<meta name="author" content="Jonas Albrecht, Lea Hartmann">
<meta name="date" content="2024-09-03T18:02:11+02:00">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body>
<a href="#Inhalt" class="sr-only">Zum Inhalt springen</a>
<header><a href="/" title="DER KOMPASS">DER KOMPASS</a>
<nav><ul><li><a href="/politik/">Politik</a></li><li><a href="/wirtschaft/">Wirtschaft</a></li><li><a href="/panorama/">Panorama</a></li><li><a href="/sport/">Sport</a></li><li><a href="/kultur/">Kultur</a></li></ul></nav>
<a href="/abo/">Abonnieren</a> <a href="/anmelden/">Anmelden</a></header>
<main id="Inhalt"><article>
<header><span class="kicker">Modellprojekt</span><h2 class="headline"><span>{esc(a.headline)}</span></h2>
<div class="intro">Ein Jahr lang dürfen Konsumenten in Kessenfeld Drogen testen lassen. Die Opposition warnt.</div>
<div class="author">Von <a href="/impressum/autor-1">Jonas Albrecht</a> und <a href="/impressum/autor-2">Lea Hartmann</a></div>
<time datetime="2024-09-03 18.02.11">03.09.2024, 18.02 Uhr</time>
<div class="share"><button>Artikel teilen</button><button>Merken</button><a href="#kommentare">Kommentare (12)</a></div></header>
<section class="article-section">
{"".join(parts)}
</section>
<div class="more"><h3>Mehr zum Thema</h3><ul><li><a href="/m1">Drogentote: Zahl steigt das dritte Jahr in Folge</a></li><li><a href="/m2">Was ist Drug-Checking?</a></li></ul></div>
<p><a href="/">Zur Startseite</a></p>
</article></main>
<footer><p>© DER KOMPASS GmbH &amp; Co. KG 2024. Alle Rechte vorbehalten.</p><ul><li><a href="/impressum/">Impressum</a></li><li><a href="/datenschutz/">Datenschutz</a></li></ul></footer>
</body>
</html>
"""
