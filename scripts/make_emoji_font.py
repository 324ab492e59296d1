"""Make ``resources/fonts/NotoEmoji-Regular.ttf``, the emoji font of PDF briefs, from the
Noto Emoji variable font (monochrome outlines, SIL Open Font License 1.1, no Reserved Font
Name; licence in ``resources/fonts/LICENSE-NotoEmoji.txt``).

Source: ``NotoEmoji[wght].ttf``, Noto Emoji version 3.002 (Copyright 2013 Google LLC), as
published by the Noto project (github.com/googlefonts/noto-emoji, ``fonts/``) and shipped
unmodified in the PyPI package ``manimgx-fonts`` 2026.9.26.post1 (``manimgx_fonts/``).
1,982,596 bytes; its SHA-256 is SOURCE_SHA256 below. Result: about 774 kB.

What it does: fixes the weight axis at Regular (400, the default) so the outlines are
static, then keeps only the glyphs a character maps to (reportlab draws characters one by
one; it applies no OpenType ligatures, so flag and ZWJ-sequence glyphs are unreachable),
without hinting or layout tables. The name table (copyright, licence) is kept.

fontTools is needed only here, never at run time; use a throwaway environment:

    python3 -m venv /tmp/ft && /tmp/ft/bin/pip install fonttools
    /tmp/ft/bin/python scripts/make_emoji_font.py "path/to/NotoEmoji[wght].ttf"
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "NotoEmoji-Regular.ttf"
SOURCE_SHA256 = "de6c18832938afc99caf132b39d6a30a19bac7f2e812e28db2535b4608d27551"


def main(source: str) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer

    data = Path(source).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SOURCE_SHA256:
        print(f"warning: not the Noto Emoji 3.002 file this was made from ({digest})")
    font = TTFont(source)
    font.recalcTimestamp = False  # same input, same bytes
    font = instancer.instantiateVariableFont(font, {"wght": 400})
    unicodes = sorted(font.getBestCmap())
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "STAT", "vhea", "vmtx"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    font.save(OUT)
    print(OUT, OUT.stat().st_size, "bytes,", len(unicodes), "characters,",
          font["maxp"].numGlyphs, "glyphs")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
