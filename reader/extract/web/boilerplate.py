"""Blocks that are page furniture whatever their markup: advertisement labels, "Continue
reading the main story", "Read more:" lines and related-story lists, newsletter sign-ups,
share bars, comment counts, photo captions and credits, copyright and print-edition
notes, the headline repeated at the top and the author's bio at the end.

The phrases cover English, Czech, German, French, Spanish and Japanese sites; each rule
matches a whole short block, never a phrase inside an article's sentence.
"""

from __future__ import annotations

import re

from reader.extract.web.blocks import WebBlock, normalized
from reader.extract.web.dom import units

_I = re.IGNORECASE

_AD_RE = re.compile(
    r"^(?:advertisement|advertising|skip advertisement|ad|ads|sponsored(?: content)?|"
    r"paid (?:post|content)|(?:the )?story continues(?: below)?(?: (?:this )?"
    r"(?:advertisement|ad))?|article continues (?:below|after)(?: (?:this )?"
    r"(?:advertisement|ad))?|continue reading(?: the main story| below| after (?:the )?"
    r"(?:ad|advertisement))?|scroll (?:down )?to continue(?: reading)?(?: with content)?|"
    r"reklama|pokračování článku pod reklamou|článek pokračuje pod reklamou|anzeige|"
    r"werbung|weiter nach der anzeige|publicité|publicidad|広告|スポンサーリンク|pr)"
    r"[\s.:…]*$", _I)
#: Paywall and sign-in boxes: short blocks that start like this.
_PAYWALL_RE = re.compile(
    r"^(?:continue reading\b|to continue reading\b|subscribe (?:now|today|to (?:continue|"
    r"read))\b|already a (?:subscriber|member)\b|sign in to (?:continue|read)\b|"
    r"this (?:article|story|content) is (?:for|only available to) (?:subscribers|members)|"
    r"(?:create|register for) a free account|続きを読む|この記事は有料会員|"
    r"dočtěte se|celý článek)", _I)
#: A block that only names what follows as related: "Read more", "Related coverage"…
_RELATED_HEAD_RE = re.compile(
    r"^(?:read (?:more|next|also)|also read|more reading|see also|related(?: (?:coverage|"
    r"content|stories|articles|links|internet links|topics|reading|posts|news|videos?))?|"
    r"recommended(?: \w+)?|more (?:on|about) this(?: story| topic)?|more from [\w ]{1,30}|"
    r"you (?:may|might) (?:also )?(?:like|be interested in)|most (?:read|popular|viewed|"
    r"watched)(?: \w+){0,2}|top stories|what to read next|explore more on these topics|"
    r"watch|listen|čtěte (?:také|též|dále)|související(?: články| zprávy)?|mohlo by vás "
    r"zajímat|lesen sie (?:auch|mehr)|mehr zum thema|lire aussi|à lire aussi|"
    r"(?:lee|lea) también|関連記事|関連ニュース|あわせて読みたい)[\s.:：»›|–—-]*$", _I)
#: A block that starts with such a label and then names one or more other stories.
_RELATED_LINE_RE = re.compile(
    r"^(?:read (?:more|also|next)|also read|see also|related|more|watch|listen|"
    r"čtěte (?:také|též)|související|lesen sie (?:auch|mehr)|lire aussi|lee también|関連記事)"
    r"\s*[:：»›|–—-]", _I)
#: A newsletter box: a call to action, a newsletter or inbox, and "our/your/free/…".
_NEWSLETTER_RE = (re.compile(r"\bsign(?:-| )?up\b|\bsubscribe\b|\bdelivered\b|\bregister\b", _I),
                  re.compile(r"\bnewsletters?\b|\binbox\b|\be-?mail updates\b", _I),
                  re.compile(r"\b(?:our|your|free|today|now|here|weekly|daily|morning)\b", _I))
_NEWSLETTER_LOCAL_RE = re.compile(r"přihlaste se k odběru|odebírejte|newsletteru\b|"
                                  r"ニュースレター|メルマガ", _I)
#: A share bar: a short block of these words, with at least one of _SHARE_STRONG.
_SHARE_WORDS = {
    "share", "shares", "sharing", "this", "article", "story", "on", "via", "facebook",
    "twitter", "x", "whatsapp", "linkedin", "reddit", "pinterest", "email", "e", "mail",
    "print", "copy", "link", "copied", "save", "saved", "gift", "listen", "min", "comment",
    "comments", "full", "tweet", "messenger", "telegram", "flipboard", "bookmark", "or",
    "the", "give", "to", "a", "resize", "show", "conversation", "sdílet", "na", "facebooku",
    "teilen", "partager", "compartir", "シェア", "ブックマーク", "line", "follow", "us",
    "read", "view", "all", "k", "and",
}
_SHARE_STRONG = {"share", "shares", "facebook", "twitter", "whatsapp", "linkedin", "print",
                 "save", "copy", "gift", "email", "comments", "bookmark", "sdílet", "シェア",
                 "teilen", "partager", "compartir", "listen", "tweet", "flipboard",
                 "pinterest", "reddit", "telegram", "messenger", "conversation", "resize"}
_COMMENTS_RE = re.compile(
    r"^(?:\d[\d,.]*k?\s+)?comments?(?:\s*\(?\d[\d,.]*\)?)?$|^(?:read|view|show|see|join)"
    r"(?: the)?(?: all)?(?: \d+)? (?:comments|conversation|discussion)(?: \(\d+\))?$|"
    r"^(?:diskuse|vstoupit do diskuse)\b.{0,30}$|^コメント\s*\d*件?$|"
    r"^\d+ (?:thoughts|responses|replies) on\b", _I)
_CREDIT_RE = re.compile(
    r"^(?:photo(?:graph)?s?|images?|pictures?|credits?|illustrations?|graphics?|videos?|"
    r"foto(?:grafie)?|zdroj|bild|写真(?:・図版)?|撮影)"
    r"(?: by| courtesy(?: of)?| credit)?\s*(?:[:：|/]|\.\.\.|…)|^image (?:source|caption),", _I)
_CAPTION_END_RE = re.compile(
    r"[(（](?:[\w .'’-]{0,40}\b(?:photo|photograph|pictures?|images?|foto|file)\b[^)）]{0,60}|"
    r"撮影[^)）]{0,30}|getty images|reuters|afp|epa|shutterstock|alamy)[)）]\s*$", _I)
_AGENCY_RE = re.compile(r"^(?:getty images|reuters|afp|ap|epa|shutterstock|alamy|"
                        r"ap photo|pa media|dpa)(?:\s*/\s*[\w .'-]{1,40})?$", _I)
_COPYRIGHT_RE = re.compile(
    r"^(?:copyright|©|\(c\)).{0,200}(?:rights reserved|may not be (?:published|reproduced|"
    r"redistributed))|všechna práva vyhrazena|無断転載を禁じます", _I)
_PRINT_RE = re.compile(
    r"^(?:a version of )?this (?:article|story) (?:appears|appeared) in (?:the )?|"
    r"\bin print on\b.{0,80}\bwith the headline\b|^order reprints\b", _I)
_BYLINE_RE = re.compile(r"^(?:(?:story|text|words|photos?|video|reporting|interview)"
                        r"(?: and \w+)? )?by\b|^autor(?:ka)?:", _I)
_EXTERNAL_RE = re.compile(r"is not responsible for the content of external", _I)
#: Notes about the story rather than the story: partnerships, tip lines, apps, republishing.
_ABOUT_STORY_RE = re.compile(
    r"^this (?:article|story|report) (?:was|is) (?:produced|published|co-published|reported|"
    r"written|made possible) (?:in partnership with|with (?:support|funding) from|by|as part "
    r"of)|^(?:do you have|have you got|got) (?:information|a tip|a story|something to share)|"
    r"^(?:have a (?:news )?tip|contact (?:the )?reporters?\b|send us a tip)|"
    r"\bdownload (?:the|our) [\w .'’-]{0,40}\bapp\b|^republish this (?:story|article)|"
    r"^(?:we|\w[\w ]{0,40} is a) (?:nonprofit|non-profit|reader-supported)\b.{0,80}"
    r"\b(?:donate|support|rely on)", _I)
_TIME_ONLY_RE = re.compile(
    r"^(?:(?:updated|published|posted|first published|last updated)(?: at| on)?:?\s*)?"
    r"(?:\w{3},? )?\d{1,2}[.:]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s*[A-Z]{2,4})?$", _I)
#: Words of a date line ("Tue 19 Mar 2024 13.20 GMT", "12. března 2024 6:15").
_DATE_WORDS_RE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s|sday)?|"
    r"wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|am|pm|a\.m|p\.m|"
    r"et|est|edt|ct|cst|cdt|pt|pst|pdt|gmt|bst|utc|cet|cest|jst|at|on|updated|published|"
    r"posted|ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|"
    r"prosince|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|"
    r"avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|"
    r"abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|de|del)\b\.?|"
    r"[年月日時分曜]|\d+", _I)
_DATE_LINE_RE = re.compile(r"^(?:updated|published|posted|first published|last updated)"
                           r"(?::| at| on)\s[^.!?]{0,50}\d", _I)


def furniture(block: WebBlock) -> bool:
    """Whether one block, on its own, is page furniture."""
    text = " ".join(block.text.split())
    n = units(text)
    if not text or n == 0:
        return True
    if _AD_RE.match(text) or _COMMENTS_RE.match(text) or _TIME_ONLY_RE.match(text):
        return True
    if n <= 25 and (_PAYWALL_RE.match(text) or _RELATED_LINE_RE.match(text)
                    or _AGENCY_RE.match(text)):
        return True
    if n <= 12 and _DATE_LINE_RE.match(text):
        return True
    if (n <= 10 and block.kind in ("p", "h") and len(re.findall(r"\d+", text)) <= 5
            and re.search(r"\b1[789]\d\d\b|\b20\d\d\b|\d{4}年", text)
            and not re.sub(r"[\W_]+", "", _DATE_WORDS_RE.sub("", text))):
        return True  # a date on its own
    if n <= 45 and (all(r.search(text) for r in _NEWSLETTER_RE)
                    or _NEWSLETTER_LOCAL_RE.search(text)):
        return True
    words = _word_list(text)
    if (n <= 10 and all(w in _SHARE_WORDS or w.isdigit() for w in words)
            and any(w in _SHARE_STRONG for w in words)):
        return True
    if n <= 60 and (_CREDIT_RE.match(text) or _CAPTION_END_RE.search(text)):
        return True
    if n <= 80 and (_COPYRIGHT_RE.search(text) or _PRINT_RE.search(text)
                    or _EXTERNAL_RE.search(text)):
        return True
    if n <= 40 and _ABOUT_STORY_RE.search(text):
        return True
    return block.kind in ("p", "li") and n <= 15 and block.link_ratio >= 0.9 and (
        block.kind == "p" or n <= 3)


def _word_list(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+|\d+", text.lower())


def clean_blocks(blocks: list[WebBlock], *, headline: str = "",
                 authors: list[str] | None = None) -> list[WebBlock]:
    """The article's own blocks: furniture, related lists, the repeated headline and the
    author's closing bio removed."""
    out: list[WebBlock] = []
    in_related = False
    for block in blocks:
        text = " ".join(block.text.split())
        if _RELATED_HEAD_RE.match(text) and units(text) <= 8:
            in_related = True  # drop the label and the link list that follows it
            continue
        if in_related:
            if (block.kind == "li" and (block.link_ratio >= 0.5 or units(text) <= 14)) \
                    or (block.kind == "p" and block.link_ratio >= 0.5):
                continue
            in_related = False
        if furniture(block):
            continue
        out.append(block)
    out = _drop_headline(out, headline)
    out = [b for b in out if not _is_byline(b, authors or [])]
    return _drop_bio(out, authors or [])


def bylines(blocks: list[WebBlock]) -> list[str]:
    """The "By …" lines among the first blocks (an author when the page's metadata has
    none)."""
    return [" ".join(b.text.split()) for b in blocks[:6]
            if b.kind in ("p", "h") and units(b.text) <= 15 and _BYLINE_RE.match(b.text.strip())]


def _is_byline(block: WebBlock, authors: list[str]) -> bool:
    """"By Jane Doe", "Story by … | Photos by …", or the authors' names on their own."""
    text = " ".join(block.text.split())
    if units(text) > 15 or block.kind not in ("p", "h"):
        return False
    if _BYLINE_RE.match(text):
        return True
    key = normalized(text)
    names = [normalized(a) for a in authors if a]
    if not names:
        return False
    if key in (" ".join(names), " and ".join(names)) or key in names:
        return True
    return any(key.startswith(n) for n in names) and bool(re.search(r"\||\bby\b", text, _I))


def _drop_headline(blocks: list[WebBlock], headline: str) -> list[WebBlock]:
    """The headline repeated as the first block (or after a kicker line)."""
    target = normalized(headline)
    if not target:
        return blocks
    for i, block in enumerate(blocks[:3]):
        if normalized(block.text) == target:
            return blocks[:i] + blocks[i + 1:] if i == 0 else blocks[i + 1:]
    return blocks


def _drop_bio(blocks: list[WebBlock], authors: list[str]) -> list[WebBlock]:
    """"Jane Doe is a staff writer at …" at the end of the article."""
    names = [a for a in authors if a]
    while blocks and names:
        text = " ".join(blocks[-1].text.split())
        if units(text) > 60 or not any(
                re.match(re.escape(name) + r"\s+(?:is|was|writes|covers|reports|has been)\b",
                         text, _I) for name in names):
            break
        blocks = blocks[:-1]
    return blocks
