"""Write the saved-news-page fixtures under ``tests/fixtures/fidelity/news/``.

Run: ``.venv/bin/python scripts/make_news_fixtures.py``. Each page imitates the structure
of one kind of news site (see the ``site_*`` modules of ``scripts/news_fixtures``); every
text, name and address in them is fictional. Beside each ``NAME.html`` goes
``NAME.expected.json``: the headline, authors, date and site a careful reader would note,
and the reference body (the article's own paragraphs only). Output is deterministic.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "tests" / "fixtures" / "fidelity" / "news"
sys.path.insert(0, str(HERE / "news_fixtures"))

SITES = ["national_daily", "wire_service", "tabloid", "public_broadcaster", "regional_paper",
         "magazine", "paywall", "live_blog", "photo_gallery", "comments", "two_h1", "czech",
         "japanese", "opinion", "tv_station", "german", "nonprofit"]


def main() -> None:
    from common import write

    for name in SITES:
        module = importlib.import_module(f"site_{name}")
        write(module.ARTICLE, module.render(), OUT)
        print(f"{module.ARTICLE.name}: {module.ARTICLE.style}")


if __name__ == "__main__":
    main()
