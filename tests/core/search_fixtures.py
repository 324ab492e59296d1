"""Documents written for the search tests (fictional), built as Document/DocText objects so
the engine is tested without a workspace, plus helpers to index them."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from reader.model.annotations import (
    Anchor,
    AnchorStatus,
    Author,
    Highlight,
    Placed,
    Stance,
    TextQuote,
)
from reader.model.documents import DocMeta, DocStatus, DocText, Document, Page
from reader.search.engine import SearchEngine
from reader.search.rows import NoteEntry, doc_rows, note_row

MEMO_PAGES = (
    "OFFICE OF THE DISTRICT ATTORNEY\nCharging Policy on Simple Possession\n\n"
    "Effective immediately, this office will decline to charge possession of a controlled "
    "substance where the amount is consistent with personal use.",
    "Officers are encouraged to carry naloxone. People who call 911 to report an overdose\n"
    "will not be prosecuted for possession discovered because of that call, consistent with "
    "35 P.S. § 17.1 and the Good Samaritan provision.",
    "Exceptions require the written approval of the First Assistant. This memo will be "
    "reviewed after twelve months, with data on declinations by race and neighbourhood.",
)
STATUTE_TEXT = (
    "§ 4-210. Immunity for persons seeking help.\n(a) A person who seeks medical assistance "
    "for someone experiencing an overdose shall not be charged.\n(b) Evidence obtained "
    "because of the call shall not be used to revoke probation.\n\n"
    "12-405. Naloxone distribution. Pharmacies may dispense an opioid antagonist under a "
    "standing order issued by the secretary of health."
)
DECOY_TEXT = (
    "The survey counted 12 clinics and 405 outreach workers; section 4 and page 210 discuss "
    "naloxone kits and regulations for syringe services programs in rural counties."
)
OPINION_PAGES = (
    "The defendant moved to suppress the evidence found after the 911 call.",
    "We hold that the immunity provision of § 4-210(b) bars revocation of probation "
    "based on evidence discovered because a person sought medical help.",
)
REPORT_FILLER = ("The working group met monthly to review the county's overdose data, "
                 "hospital admissions and the reach of outreach teams. ")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_doc(path: str, pages: tuple[str, ...] | str, *, labels: tuple[str, ...] = (),
             status: DocStatus = DocStatus.OK, paged: bool | None = None,
             **meta: str) -> tuple[Document, DocText | None]:
    """A document and its text. ``pages`` as a string: one unpaged page."""
    if isinstance(pages, str):
        texts, is_paged = (pages,), False if paged is None else paged
    else:
        texts, is_paged = pages, True if paged is None else paged
    text = "\n\n".join(texts)
    doc_id = digest(path + text)
    out, pos = [], 0
    for i, t in enumerate(texts):
        label = labels[i] if i < len(labels) else (str(i + 1) if is_paged else "")
        out.append(Page(i + 1, pos, pos + len(t), label, has_text=bool(t.strip())))
        pos += len(t) + 2
    fmt = "pdf" if is_paged else "text"
    doc = Document(id=doc_id, path=path, format=fmt, size=len(text), mtime_ns=0,
                   status=status, meta=DocMeta(**meta), pages=len(texts), chars=len(text),
                   paged=is_paged)
    return doc, DocText(doc_id, text, tuple(out))


def sample_docs() -> dict[str, tuple[Document, DocText | None]]:
    long_report = REPORT_FILLER * 320 + "The final recommendation is a mobile zebrafinch clinic."
    return {
        "memo": make_doc("memos/alder-2019.pdf", MEMO_PAGES, title="Alder County charging memo",
                         kind="memo", jurisdiction="Alder County, PA", date="2019-03-01",
                         author="Office of the District Attorney, Alder County"),
        "statute": make_doc("statutes/overdose-act.txt", STATUTE_TEXT,
                            title="Overdose Immunity Act", kind="statute", jurisdiction="NY",
                            date="2015-06-01", citation="N.Y. Pub. Health § 4-210"),
        "decoy": make_doc("reports/survey.txt", DECOY_TEXT, title="Rural services survey",
                          kind="report", jurisdiction="OH", date="2021"),
        "opinion": make_doc("opinions/state-v-doe.pdf", OPINION_PAGES, labels=("iv", "A-2"),
                            title="State v. Doe", kind="opinion", jurisdiction="NY",
                            date="2022-11-30", author="Court of Appeals"),
        "report": make_doc("reports/working-group.txt", long_report,
                           title="Working group final report", kind="report",
                           jurisdiction="Pennsylvania", date="2023-01"),
        "scanned": make_doc("memos/scanned-naloxone-memo.pdf", ("", ""),
                            status=DocStatus.NO_TEXT, title="Scanned naloxone directive",
                            kind="memo", jurisdiction="Tolliver County, NM", date="2020-05-05"),
    }


def highlight(doc: Document, text: DocText, quote: str, *, note: str = "",
              themes: tuple[str, ...] = (), stance: Stance | None = None,
              author: tuple[str, str] = ("a1", "Maria Lopez"), hid: str = "",
              orphaned: bool = False) -> Placed:
    start = text.text.index(quote)
    end = start + len(quote)
    t = datetime(2024, 1, 2, tzinfo=UTC)
    h = Highlight(id=hid or f"urn:uuid:{digest(quote + note)[:32]}", doc_id=doc.id,
                  doc_path=doc.path, start=start, end=end, quote=TextQuote(quote),
                  author=Author(*author), created=t, modified=t, themes=themes,
                  stance=stance, note=note)
    page = text.page_at(start)
    anchor = Anchor(AnchorStatus.ORPHANED) if orphaned else Anchor(
        AnchorStatus.ANCHORED, start, end, page.label if page else "", doc_id=doc.id)
    return Placed(h, anchor)


THEME_CHAINS = {
    "naloxone": (("overdose-response", "Overdose response"), ("naloxone", "Naloxone access")),
    "diversion": (("diversion", "Diversion and deflection"),),
}


def note_entry(placed: Placed, text: DocText | None = None) -> NoteEntry:
    pairs: dict[str, str] = {}
    for tid in placed.highlight.themes:
        for cid, label in THEME_CHAINS.get(tid, ((tid, ""),)):
            pairs.setdefault(cid, label)
    entry = NoteEntry.from_placed(placed)
    from dataclasses import replace
    page = text.page_at(entry.start) if text is not None and entry.start >= 0 else None
    return replace(entry, theme_terms=tuple(pairs.items()),
                   page=page.number if page else entry.page)


def build_engine(directory: Path | None, docs: dict[str, tuple[Document, DocText | None]],
                 notes: list[Placed] = ()) -> SearchEngine:
    engine = SearchEngine(directory)
    by_id = {d.id: (d, t) for d, t in docs.values()}
    with engine.writing() as w:
        for doc, text in docs.values():
            w.replace(doc.id, doc_rows(doc, text))
        for p in notes:
            doc, text = by_id[p.highlight.doc_id]
            w.replace(f"a:{p.highlight.id}", [note_row(note_entry(p, text), doc)])
    return engine
