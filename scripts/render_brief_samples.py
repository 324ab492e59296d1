"""Write sample briefs over the bundled corpus, and PNG renders of their pages, into a
folder (for the README and for looking at the typography).

    python scripts/render_brief_samples.py OUT_DIR [--dpi 110]

Makes a throw-away workspace from ``corpus/`` (user folders moved under OUT_DIR/.home, so
nothing touches your own), highlights ~20 passages as two fictional annotators with themes,
stances and notes, then writes:

* ``brief.pdf`` (A4, by theme), ``brief-stance-letter.pdf`` (US Letter, theme × stance),
  ``brief.docx``, ``brief.html``, ``brief.md``, ``brief.csv``;
* ``brief-pdf-page-N.png`` for the cover, the contents and the first theme pages (page 5
  cites the court opinion), ``brief-pdf-see-also.png`` (the first page where a passage
  filed under two themes is referred to: "See No. 7"), and ``brief-stance-page-3.png``;
* ``brief-docx-page-N.png`` when LibreOffice (``soffice``) is installed to convert the DOCX.

Qt (QtPdf) is used here, only to turn PDF pages into pictures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

MAYA = "Maya Okonkwo"
DEV = "Dev Ramaswamy"

#: (document path, words inside the passage, themes, stance, note, annotator)
PASSAGES: list[tuple[str, str, list[str], str | None, str, str]] = [
    ("memos/alder-county-2020-declination-memo.pdf",
     "the Office will decline to file those charges", ["non-prosecution-possession"],
     "supports", "The core commitment. Ask how often supervisors **override** it.", MAYA),
    ("memos/alder-county-2020-declination-memo.pdf",
     "Quantity alone is not evidence of intent to deliver", ["charging-policy"], "supports",
     "Matters for people who buy in bulk to avoid street exposure.", DEV),
    ("memos/alder-county-2020-declination-memo.pdf",
     "Assistants shall not seek warrants to search the phones", ["charging-policy"],
     "supports", "", MAYA),
    ("articles/brannock-ledger-2022-da-promise-vs-practice.html",
     "Supervisors approved keeping them in 412 cases", ["promises-vs-practice"], "opposes",
     "412 exceptions in two years — *ask for the list of reasons*.", MAYA),
    ("articles/brannock-ledger-2022-da-promise-vs-practice.html",
     "A promise about prosecution is not a promise about policing",
     ["promises-vs-practice", "over-under-policing"], None, "", DEV),
    ("statutes/pa-overdose-response-and-immunity-act-2018.pdf",
     "shall not be arrested, charged, prosecuted or convicted", ["good-samaritan"],
     "supports", "The immunity covers **arrest**, not only prosecution.", MAYA),
    ("statutes/pa-overdose-response-and-immunity-act-2018.pdf",
     "Any person may possess an opioid antagonist", ["naloxone"], "supports", "", DEV),
    ("memos/tolliver-county-2021-overdose-scene-policy.pdf",
     "There is a strong presumption against filing such a charge", ["drug-induced-homicide"],
     "supports", "Compare with the 2021 case list: were any filed anyway?", MAYA),
    ("memos/tolliver-county-2021-overdose-scene-policy.pdf",
     "reserve the most serious charges available in drug-death cases",
     ["drug-induced-homicide"], "opposes", "", DEV),
    ("opinions/state-v-vanterpool-nm-ct-app-2024.pdf",
     "Such a reading would make the Act’s promise a trap", ["good-samaritan"], "supports",
     "Quote this one in the meeting — the court's own words.", MAYA),
    ("memos/brennan-county-2023-treatment-conditions-directive.pdf",
     "A jail stay ends tolerance to opioids", ["moud", "overdose-data"], "supports", "", DEV),
    ("memos/brennan-county-2023-treatment-conditions-directive.pdf",
     "A bed in a residential program is a scarce medical resource", ["mandated-treatment"],
     "supports", "Argues against *treatment as a sentence*.", MAYA),
    ("articles/alder-pathways-deflection-two-years.md",
     "If the only door into this program is a police officer", ["pre-arrest-diversion"],
     "neutral", "", DEV),
    ("articles/alder-pathways-deflection-two-years.md", "I come here because I want to.",
     ["autonomy", "voluntary-treatment"], "supports",
     "Participant, 34 — consented to be quoted.", MAYA),
    ("articles/opinion-declining-to-prosecute-is-not-a-plan.md",
     "a policy that simply removes consequences is not a plan", ["non-prosecution-possession"],
     "opposes", "The argument we will hear. Answer: deflection data.", DEV),
    ("articles/opinion-declining-to-prosecute-is-not-a-plan.md", "hope is not a strategy",
     ["promises-vs-practice"], "opposes", "", MAYA),
    ("reports/keystone-beyond-the-arrest-2025.pdf", "Equity does not follow automatically "
     "from leniency", ["enforcement-disparities"], "neutral",
     "Key point for the equity section.", DEV),
    ("reports/keystone-beyond-the-arrest-2025.pdf", "Declination is not the same as "
     "non-arrest", ["over-under-policing"], "neutral", "", MAYA),
    ("reports/keystone-beyond-the-arrest-2025.pdf", "Portugal decriminalized the personal "
     "possession of all drugs", ["international-models"], "supports", "", DEV),
    ("memos/alder-county-2024-past-harm-and-hiring-memo.docx",
     "The Office acknowledges this harm without qualification.", ["acknowledging-harm"],
     "supports", "Rare and important. Thank them for it.", MAYA),
    ("memos/alder-county-2024-past-harm-and-hiring-memo.docx",
     "Past use of any controlled substance, and any conviction for possession",
     ["hiring-past-drug-use"], "supports", "", DEV),
    ("articles/cedar-hollow-festival-drug-checking.md",
     "Three samples sold as cocaine tested positive for fentanyl.", ["drug-checking"],
     "supports", "", MAYA),
    ("articles/lakeshore-public-media-2023-fenmore-opc-debate.html",
     "Show us the plan for the block, not just the room.", ["overdose-prevention-centres"],
     "opposes", "A fair demand — we should bring a block plan.", DEV),
]


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow [start, end) to the sentence around it (within its paragraph)."""
    para_start = text.rfind("\n\n", 0, start) + 2 if text.rfind("\n\n", 0, start) >= 0 else 0
    para_end = text.find("\n\n", end)
    para_end = len(text) if para_end < 0 else para_end
    left = max((m.end() for m in re.finditer(r"[.!?][”’\"]?\s", text[para_start:start])),
               default=0)
    s = para_start + left
    m = re.search(r"[.!?][”’\"]?(?=\s|$)", text[end - 1:para_end])
    e = end - 1 + m.end() if m else para_end
    if e - s > 600:  # keep samples readable
        return start, end
    return s, e


def make_workspace(root: Path):
    from reader.settings import Settings
    from reader.workspace import Workspace

    shutil.copytree(REPO / "corpus", root / "ws", ignore=shutil.ignore_patterns(".*"))
    spaces = {}
    for name in (MAYA, DEV):
        ws = Workspace.open(root / "ws", settings=Settings(root / f"{name.split()[0]}.json"))
        ws.library().update()
        ws.annotations().set_author_name(name)
        spaces[name] = ws
    library = spaces[MAYA].library()
    by_path = {d.path: d for d in library.documents()}
    for path, words, themes, stance, note, who in PASSAGES:
        doc = by_path.get(path)
        if doc is None or not doc.status.readable:
            print(f"skipped (not in the corpus): {path}", file=sys.stderr)
            continue
        text = library.text(doc.id).text
        pattern = r"\s+".join(re.escape(w) for w in words.split())
        m = re.search(pattern, text)
        if not m:
            print(f"skipped (words not found): {words!r}", file=sys.stderr)
            continue
        start, end = sentence_span(text, m.start(), m.end())
        spaces[who].annotations().create(doc.id, start, end, themes=themes, stance=stance,
                                         note=note)
    for ws in spaces.values():
        ws.annotations().save()
    ws = spaces[MAYA]
    ws.annotations().reload()
    return ws


def first_page_with(pdf: Path, words: str) -> int:
    """The first page (1-based) whose text holds ``words``; 0 when none does."""
    from pdfminer.high_level import extract_text

    for n, text in enumerate(extract_text(str(pdf)).split("\f"), 1):
        if words in text:
            return n
    return 0


def render_pages(pdf: Path, pages: list[int], prefix: Path, dpi: float,
                 name: str = "") -> list[Path]:
    """``prefix-page-N.png`` for each page (``prefix-NAME.png`` with ``name``)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    doc = QPdfDocument()
    doc.load(str(pdf))
    out = []
    for n in pages:
        if n > doc.pageCount():
            continue
        size = doc.pagePointSize(n - 1)
        image = doc.render(n - 1, QSize(int(size.width() * dpi / 72),
                                        int(size.height() * dpi / 72)))
        page = QImage(image.size(), QImage.Format.Format_RGB32)
        page.fill(0xFFFFFF)
        painter = QPainter(page)
        painter.drawImage(0, 0, image)
        painter.end()
        target = Path(f"{prefix}-{name}.png" if name else f"{prefix}-page-{n}.png")
        page.save(str(target))
        out.append(target)
    doc.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--dpi", type=float, default=110)
    args = ap.parse_args()
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    os.environ["POLICY_READER_HOME"] = str(out / ".home")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from reader.export import BriefOptions, GroupBy, PageSize, write_brief
    from reader.ops.brief import gather_inputs

    with tempfile.TemporaryDirectory() as tmp:
        ws = make_workspace(Path(tmp))
        inputs = gather_inputs(ws)
        common: dict[str, Any] = dict(title="Drug possession, overdose and trust",
                      subtitle="What Alder County and its neighbours have promised, and what "
                               "the record shows",
                      prepared_by="Alder Harm Reduction Study Group",
                      prepared_for="Office of the District Attorney, Alder County",
                      group_name="Alder Harm Reduction Study Group",
                      date=dt.date(2026, 3, 2), as_of=dt.date(2026, 2, 27),
                      notice="Draft for discussion — not for circulation")
        brief = inputs.build(BriefOptions(**common, page_size=PageSize.A4))
        for fmt in ("pdf", "docx", "html", "md", "csv"):
            result = write_brief(brief, out / f"brief.{fmt}")
            print(result.summary())
        stance = inputs.build(BriefOptions(**common, group_by=GroupBy.STANCE,
                                           page_size=PageSize.LETTER))
        print(write_brief(stance, out / "brief-stance-letter.pdf").summary())
    made = render_pages(out / "brief.pdf", [1, 2, 3, 4, 5], out / "brief-pdf", args.dpi)
    see = first_page_with(out / "brief.pdf", "See No. ")
    if see:
        made += render_pages(out / "brief.pdf", [see], out / "brief-pdf", args.dpi,
                             name="see-also")
    made += render_pages(out / "brief-stance-letter.pdf", [3], out / "brief-stance", args.dpi)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp,
                            str(out / "brief.docx")], check=True, capture_output=True,
                           timeout=300, env={**os.environ, "HOME": tmp})
            made += render_pages(Path(tmp) / "brief.pdf", [1, 3], out / "brief-docx",
                                 args.dpi)
    else:
        print("LibreOffice not found: no DOCX pictures.", file=sys.stderr)
    shutil.rmtree(out / ".home", ignore_errors=True)
    for path in made:
        print(f"rendered {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
