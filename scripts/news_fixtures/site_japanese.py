# ruff: noqa: E501  (the page templates are literal HTML, kept line for line)
"""A Japanese daily's site: ``lang="ja"``, a title with a full-width colon before the site
("見出し：東都新聞デジタル"), "本文へ移動" skip link, "写真・図版" captions with
"（撮影・…）" credits, "関連記事" and "この記事をシェア", an author box ("この記事を書いた人")
and a comment-count link; the date also printed as "2024年5月20日 18時30分"."""

from __future__ import annotations

from common import Article, block_html, esc, jsonld, tracking_scripts

ARTICLE = Article(
    name="japanese_daily",
    style="Japanese daily",
    headline="薬物依存の相談窓口、北浜市が駅前に開設　「罰より支援」へ転換",
    authors=["佐藤美咲"],
    date="2024-05-20",
    site="東都新聞デジタル",
    lang="ja",
    notes=["full-width colon title suffix", "Japanese boilerplate", "author box at the end"],
    blocks=[
        ("p", "北浜市は20日、薬物やアルコールへの依存に悩む人とその家族のための相談窓口を、"
              "北浜駅前の市民プラザ内に開設した。予約なしで訪れることができ、匿名での相談にも"
              "応じる。"),
        ("p", "窓口には精神保健福祉士と看護師が常駐し、医療機関や回復支援施設への紹介を行う。"
              "市によると、県内の市町村が常設の窓口を設けるのは初めてという。"),
        ("p", "開設式で村田健一市長は「依存症は病気であり、責めるのではなく支えることが回復への"
              "近道だ」と述べた。"),
        ("h2", "家族からの相談も"),
        ("p", "市が昨年行った調査では、依存症について「どこに相談すればよいかわからない」と答えた"
              "人が7割を超えた。家族が一人で抱え込み、相談までに何年もかかる例が多いという。"),
        ("p", "窓口を利用した50代の女性は「息子のことを誰にも話せずにいた。話を聞いてもらえる"
              "だけで少し楽になった」と話した。"),
        ("p", "相談は平日の午前10時から午後7時まで。市は来年度、夜間の電話相談も始める予定だ。"),
    ],
)

SITE = "東都新聞デジタル"


def render() -> str:
    a = ARTICLE
    parts = []
    for i, block in enumerate(a.blocks):
        parts.append(block_html(block))
        if i == 1:
            parts.append('<figure class="photo"><img src="https://x.example/jp.jpg" alt="">'
                         '<figcaption><span class="label">写真・図版</span>開設された相談窓口で'
                         "説明を受ける市民ら＝2024年5月20日午前10時、北浜市、"
                         "（撮影・山田太郎）</figcaption></figure>")
        if i == 4:
            parts.append('<div class="related"><h3>関連記事</h3><ul><li><a href="/r1">'
                         "依存症の家族会、全国で増加　孤立防ぐ場に</a></li><li><a href=\"/r2\">"
                         "市販薬の過剰摂取、若者に広がる</a></li></ul></div>")
    meta = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a.headline,
            "datePublished": "2024-05-20T18:30:00+09:00",
            "author": {"@type": "Person", "name": "佐藤美咲"},
            "publisher": {"@type": "Organization", "name": SITE}}
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<title>{esc(a.headline)}：{SITE}</title>
<meta property="og:title" content="{esc(a.headline)}：{SITE}">
<meta property="og:site_name" content="{SITE}">
<meta name="cXenseParse:author" content="佐藤美咲">
<meta property="article:published_time" content="2024-05-20T18:30:00+09:00">
{jsonld(meta)}
{tracking_scripts(SITE)}
</head>
<body>
<a class="skip" href="#main">本文へ移動</a>
<header class="g-header"><a class="logo" href="/">{SITE}</a>
<nav><ul><li><a href="/news">ニュース</a></li><li><a href="/national">社会</a></li><li><a href="/politics">政治</a></li><li><a href="/business">経済</a></li><li><a href="/international">国際</a></li><li><a href="/sports">スポーツ</a></li><li><a href="/culture">文化</a></li></ul></nav>
<div class="member"><a href="/login">ログイン</a> <a href="/subscribe">有料会員登録</a></div></header>
<main id="main"><article class="article">
<div class="article-header"><h1>{esc(a.headline)}</h1>
<div class="byline"><span class="writer">佐藤美咲</span><time datetime="2024-05-20T18:30:00+09:00">2024年5月20日 18時30分</time></div>
<div class="share"><span>この記事をシェア</span><a href="#">X</a><a href="#">Facebook</a><a href="#">LINE</a><a href="#">ブックマーク</a></div>
<p class="comment-link"><a href="#comments">コメント 3件</a></p></div>
<div class="article-body">{"".join(parts)}</div>
<div class="writer-box"><h3>この記事を書いた人</h3><p class="name">佐藤美咲</p><p>北浜支局｜医療・福祉担当。2015年入社。</p><a href="/writer/sato">フォローする</a></div>
<div id="comments" class="comment-plus"><h3>コメントプラス</h3><p>この記事にコメントを書く</p><div class="c"><p>回復支援に詳しい医師：相談のハードルを下げる試みとして評価できる。</p></div></div>
</article>
<aside class="ranking"><h3>アクセスランキング</h3><ol><li><a href="/a1">週末は全国的に晴れ　気温は平年並み</a></li><li><a href="/a2">新幹線、一部区間で運転見合わせ</a></li></ol></aside>
</main>
<footer><p>Copyright © {SITE} All rights reserved. 無断転載を禁じます。</p><ul><li><a href="/help">ヘルプ</a></li><li><a href="/privacy">個人情報</a></li></ul></footer>
</body>
</html>
"""
