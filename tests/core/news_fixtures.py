"""The saved-news-page fixtures (``tests/fixtures/fidelity/news``) and how a body is scored
against their reference: word-level F1 over the multiset of words (CJK characters count one
by one, so a Japanese page is scored like any other)."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

NEWS = Path(__file__).resolve().parents[1] / "fixtures" / "fidelity" / "news"

_TOKEN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+")


@dataclass(frozen=True)
class NewsFixture:
    name: str
    path: Path
    style: str
    lang: str
    headline: str
    author: str
    date: str
    site: str
    body: str
    headings: tuple[str, ...] = ()


def news_fixtures(folder: Path = NEWS) -> list[NewsFixture]:
    out = []
    for sidecar in sorted(folder.glob("*.expected.json")):
        raw = json.loads(sidecar.read_text("utf-8"))
        name = sidecar.name.removesuffix(".expected.json")
        out.append(NewsFixture(name=name, path=folder / f"{name}.html",
                               style=raw.get("style", ""), lang=raw.get("lang", ""),
                               headline=raw["headline"],
                               author=raw["author"], date=raw["date"], site=raw["site"],
                               body=raw["body"], headings=tuple(raw.get("headings", ()))))
    return out


def words(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.lower())


def word_f1(got: str, reference: str) -> float:
    """Harmonic mean of word precision and recall (multisets); 1.0 when both are empty."""
    a, b = Counter(words(got)), Counter(words(reference))
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)
