# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A Czech news portal: ``lang="cs"``, the perex (lead) in its own block, "Pokračování
článku pod reklamou" between paragraphs, "Foto: …" credits, "Čtěte také" links, "Sdílet",
"Diskuse (57)", a newsletter box, an author repeated in JSON-LD and "Name, Site" in the
meta author, and a title ending in the portal's domain ("… - Zpravodaj.cz")."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="czech_portal",
    style="Czech news portal",
    headline="Lipnice rozšíří terénní program pro lidi užívající drogy, peníze přidá i kraj",
    authors=["Tereza Dvořáková"],
    date="2024-03-12",
    site="Denní zpravodaj",
    lang="cs",
    notes=["Czech boilerplate phrases", "perex kept", "author repeated, 'Name, Site' in meta",
           "title suffix is a domain"],
    blocks=[
        ("p", "Terénní pracovníci v Lipnici budou od dubna chodit do ulic i o víkendech. "
              "Městská rada v pondělí schválila navýšení příspěvku pro organizaci Krok, která "
              "program provozuje, a další peníze slíbil i kraj."),
        ("p", "Program dosud fungoval jen ve všední dny od poledne do osmi večer. Podle "
              "vedoucí programu Hany Malé ale pracovníci právě o víkendech nejčastěji "
              "slyšeli o předávkování, ke kterým došlo bez pomoci."),
        ("p", "„Lidé, se kterými pracujeme, nemají o víkendu kam jít. Nízkoprahové centrum je "
              "zavřené a my jsme nebyli v ulicích,“ uvedla Malá."),
        ("p", "Město na program přidá 1,2 milionu korun ročně, kraj by měl podle náměstka "
              "hejtmana Ondřeje Kučery přispět podobnou částkou z dotačního programu na "
              "protidrogovou politiku."),
        ("h2", "Výměna jehel i testy"),
        ("p", "Pracovníci rozdávají čisté injekční náčiní, sbírají použité jehly a nabízejí "
              "testy na žloutenku typu C a HIV. Loni podle výroční zprávy organizace vyměnili "
              "přes 60 tisíc jehel."),
        ("p", "Opoziční zastupitel Radek Šimek s navýšením nesouhlasil. Město by podle něj "
              "mělo peníze raději vložit do léčby. „Rozdávání jehel nikoho nevyléčí,“ řekl."),
        ("p", "Víkendový provoz má začít prvního dubna. Organizace nyní hledá dva nové "
              "pracovníky."),
    ],
)

SITE = "Denní zpravodaj"


def render() -> str:
    a = ARTICLE
    parts = []
    for i, block in enumerate(a.blocks):
        if i == 0:
            parts.append(f'<div class="opener"><p>{block[1]}</p></div>')
            parts.append('<div class="foto-box"><img src="https://x.example/cz.jpg" alt="">'
                         '<div class="foto-popis">Terénní pracovníci organizace Krok v '
                         'centru Lipnice.<span class="foto-autor">Foto: Jan Novák, Denní '
                         "zpravodaj</span></div></div>")
            parts.append('<div class="bbtext">')
            continue
        parts.append(block_html(block))
        if i in (2, 5):
            parts.append('<div class="ad-inline"><p class="ad-label">Pokračování článku pod '
                         'reklamou</p><div class="r-box"></div><p class="ad-label">Reklama'
                         "</p></div>")
        if i == 3:
            parts.append('<div class="also-read"><h3>Čtěte také</h3><ul><li><a href="/c1">'
                         "Kraj chce víc peněz na protidrogové služby, obce váhají</a></li>"
                         '<li><a href="/c2">Jak funguje výměna jehel a proč ji platí města'
                         "</a></li></ul></div>")
    parts.append("</div>")
    meta = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.headline,
            "datePublished": "2024-03-12T06:15:00+01:00",
            "author": [{"@type": "Person", "name": "Tereza Dvořáková"},
                       {"@type": "Person", "name": "Tereza Dvořáková"}],
            "publisher": {"@type": "Organization", "name": SITE}}
    return f"""<!DOCTYPE html>
<html lang="cs">
<head>
<meta charset="utf-8">
<title>{esc(a.headline)} - Zpravodaj.cz</title>
<meta name="author" content="Tereza Dvořáková, {SITE}">
<meta property="og:title" content="{esc(a.headline)}">
<meta property="og:site_name" content="{SITE}">
<meta property="article:published_time" content="2024-03-12T06:15:00+01:00">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body>
<a class="skip" href="#obsah">Přeskočit na obsah</a>
<div id="header"><a class="logo" href="/">{SITE}</a>
<ul class="menu"><li><a href="/zpravy">Zprávy</a></li><li><a href="/domaci">Domácí</a></li><li><a href="/zahranicni">Zahraniční</a></li><li><a href="/krimi">Krimi</a></li><li><a href="/ekonomika">Ekonomika</a></li><li><a href="/sport">Sport</a></li><li><a href="/kultura">Kultura</a></li><li><a href="/pocasi">Počasí</a></li></ul>
<div class="login"><a href="/prihlaseni">Přihlásit</a> <a href="/predplatne">Předplatné</a></div></div>
<div id="obsah" class="content">
<div class="art-full">
<div class="art-info"><a href="/domaci">Domácí</a> <span class="time">12. března 2024 6:15</span></div>
<h1 itemprop="name headline">{esc(a.headline)}</h1>
<div class="authors"><span class="aut">Tereza Dvořáková</span></div>
<div class="share-top"><a href="#">Sdílet</a> <a href="#">Sdílet na Facebooku</a> <a href="#diskuse">Diskuse (57)</a></div>
{"".join(parts)}
<div class="art-tags"><span>Témata:</span> <a href="/t/drogy">drogy</a>, <a href="/t/lipnice">Lipnice</a></div>
</div>
<div class="newsletter-box"><h3>Přihlaste se k odběru newsletteru</h3><p>Nejdůležitější zprávy dne každé ráno do vaší schránky.</p><form><input type="email" placeholder="Váš e-mail"><button>Odebírat</button></form></div>
<div id="diskuse" class="diskuse-odkaz"><a href="/diskuse">Vstoupit do diskuse (57 příspěvků)</a></div>
<div class="nejctenejsi"><h3>Nejčtenější</h3><ol><li><a href="/n1">Řidič kamionu usnul za volantem, srazil tři auta</a></li><li><a href="/n2">Počasí: o víkendu přijde jaro, teploty vystoupají k 18 stupňům</a></li></ol></div>
</div>
<div id="footer"><p>© 2024 {SITE}, a.s. Všechna práva vyhrazena. Publikování nebo šíření obsahu je zakázáno bez předchozího souhlasu.</p><ul><li><a href="/kontakty">Kontakty</a></li><li><a href="/reklama">Reklama</a></li><li><a href="/cookies">Nastavení cookies</a></li></ul></div>
</body>
</html>
"""
