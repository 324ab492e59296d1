"""Generate a folder of realistic multi-page policy PDFs for benchmarks (fictional text).

``generate(folder, n, big_pages=2000)`` writes ``n`` PDFs of varied length and layout
(memos with running headers and "Page N of M" footers, two-column reports, opinions with
page numbers at the top) plus one ``big-report.pdf`` of ``big_pages`` pages.
Deterministic: the same arguments give the same files.
"""

from __future__ import annotations

import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate, Paragraph

W, H = letter
SUBJECTS = ["The Office", "This policy", "The county", "Line prosecutors", "The diversion "
            "program", "Officers", "The health department", "The advisory board",
            "Treatment providers", "The court", "Peer navigators", "The legislature"]
VERBS = ["will decline", "shall review", "may refer", "must record", "should consider",
         "will publish", "may not condition", "shall report", "will fund", "must offer"]
OBJECTS = ["simple possession charges", "referrals to voluntary treatment",
           "naloxone distribution figures", "syringe services program data",
           "drug-induced homicide cases", "requests for medication for opioid use disorder",
           "the quarterly declination report", "overdose deaths in custody",
           "paraphernalia arrests", "racial disparities in enforcement",
           "collateral consequences for housing", "community meeting minutes"]
TAILS = ["within thirty days of the arrest", "unless a supervisor approves an exception",
         "in consultation with people who use drugs", "as required by section 4(b)",
         "consistent with the Good Samaritan law", "for every precinct in the county",
         "without regard to prior convictions", "after notice to the defense",
         "so that the public can see what changed", "subject to available funding"]
TITLES = ["Charging Policy on Possession", "Pre-Arrest Diversion Guidelines",
          "Overdose Response Directive", "Annual Report on Treatment Courts",
          "Syringe Services Evaluation", "Opinion and Order on Suppression",
          "Model Overdose Prevention Act Commentary", "Naloxone Access Study"]


def sentence(rnd: random.Random) -> str:
    s = f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)}"
    if rnd.random() < 0.7:
        s += f" {rnd.choice(TAILS)}"
    if rnd.random() < 0.2:
        s += f", and {rnd.choice(SUBJECTS).lower()} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)}"
    return s + "."


def paragraph(rnd: random.Random) -> str:
    return " ".join(sentence(rnd) for _ in range(rnd.randint(3, 8)))


def write_pdf(path: Path, *, seed: int, pages: int, two_column: bool = False,
              title: str = "") -> None:
    rnd = random.Random(seed)
    title = title or rnd.choice(TITLES)
    body = ParagraphStyle("b", fontName=rnd.choice(["Times-Roman", "Helvetica"]),
                          fontSize=rnd.choice([10, 10.5, 11, 11.5]), leading=14.5,
                          spaceAfter=7, alignment=rnd.choice([0, 4]))
    head = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=12, leading=15,
                          spaceBefore=6, spaceAfter=4)
    top_numbers = rnd.random() < 0.3

    def decorate(c, doc) -> None:
        c.saveState()
        c.setFont("Helvetica", 8)
        if top_numbers:
            c.drawCentredString(W / 2, H - 36, str(doc.page))
        else:
            c.drawString(54, H - 36, f"{title} (fictional sample)")
            c.drawCentredString(W / 2, 30, f"Page {doc.page} of {pages}")
        c.restoreState()

    m = 72
    if two_column:
        cw = (W - 2 * m - 18) / 2
        frames = [Frame(m, m, cw, H - 2 * m), Frame(m + cw + 18, m, cw, H - 2 * m)]
    else:
        frames = [Frame(m, m, W - 2 * m, H - 2 * m)]
    doc = BaseDocTemplate(str(path), pagesize=letter, invariant=1, title=title,
                          author="Sample County (fictional)")
    doc.addPageTemplates([PageTemplate("p", frames=frames, onPage=decorate)])
    story: list[Flowable] = [Paragraph(title, head)]
    # Each page gets 2,300-2,800 characters (a typical report page; always fits), then a
    # page break, so the file has exactly ``pages`` pages.
    section = 1
    for n in range(pages):
        budget, size = rnd.randint(2300, 2800), 0
        while True:
            p = paragraph(rnd)
            if size + len(p) > budget and size:
                break
            if rnd.random() < 0.12:
                story.append(Paragraph(f"{section}. {rnd.choice(OBJECTS).capitalize()}", head))
                section += 1
            size += len(p)
            story.append(Paragraph(p, body))
        if n + 1 < pages:
            story.append(PageBreak())
    doc.build(story)


def _write(task: tuple[str, int, int, bool, str]) -> None:
    path, seed, pages, two_column, title = task
    write_pdf(Path(path), seed=seed, pages=pages, two_column=two_column, title=title)


def generate(folder: Path, n: int, big_pages: int = 2000, seed: int = 1,
             workers: int = 1) -> list[Path]:
    """Write ``n`` PDFs of 2 to 40 pages (a quarter in two columns) and, with
    ``big_pages``, ``big-report.pdf``; ``workers`` processes share the work."""
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    tasks = []
    if big_pages:
        tasks.append((str(folder / "big-report.pdf"), seed * 1000 + 999, big_pages, False,
                      "Statewide Overdose Report"))
    for i in range(n):
        pages = rnd.choice([2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40])
        tasks.append((str(folder / f"doc-{i:03d}.pdf"), seed * 1000 + i, pages,
                      rnd.random() < 0.25, ""))
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as ex:
            list(ex.map(_write, tasks))
    else:
        for task in tasks:
            _write(task)
    return [Path(t[0]) for t in tasks]
