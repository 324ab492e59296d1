"""Write the sample annotation files a new user's default workspace starts with
(``resources/sample-annotations/<author>.json``): three fictional members of a study group
reading the bundled corpus. Between them they show what a group's reading looks like —
overlapping highlights with different themes and stances (the agreement panel's
disagreements), a reply thread three deep, a contradiction link (the Ledger's finding
against the 2020 memo's promise), an *implements* and a *responds to* link — so the
comparison matrix, agreement and threads have something to show on first run.

Positions and quoted words come from the corpus's extracted text; ids and dates are fixed,
so running this again gives the same files (unless the corpus or its extraction changed).

    python scripts/make_sample_annotations.py [OUT_DIR]
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.annotations.anchoring import make_quote, text_index  # noqa: E402
from reader.annotations.w3c_remarks import encode_record  # noqa: E402
from reader.annotations.w3c_write import author_iri, encode_collection  # noqa: E402
from reader.model.annotations import Author, Highlight, Stance  # noqa: E402
from reader.model.remarks import Link, Record, Relation, Reply, ref_to  # noqa: E402

MAYA = Author("sample-maya-okonkwo", "Maya Okonkwo")
DEV = Author("sample-dev-ramaswamy", "Dev Ramaswamy")
ROSA = Author("sample-rosa-delgado", "Rosa Delgado")
MEMBERS = (MAYA, DEV, ROSA)
T0 = datetime(2025, 11, 3, 18, 0, tzinfo=UTC)
NS = uuid.UUID("5d1c0f3e-9a2b-4c7d-8e6f-14a2b3c4d5e6")

ALDER = "memos/alder-county-2020-declination-memo.pdf"
ALDER24 = "memos/alder-county-2024-past-harm-and-hiring-memo.docx"
BRENNAN = "memos/brennan-county-2023-treatment-conditions-directive.pdf"
TOLLIVER = "memos/tolliver-county-2021-overdose-scene-policy.pdf"
LEDGER = "articles/brannock-ledger-2022-da-promise-vs-practice.html"
OPED = "articles/opinion-declining-to-prosecute-is-not-a-plan.md"
NM = "statutes/nm-overdose-prevention-and-naloxone-access-act.txt"
PA = "statutes/pa-overdose-response-and-immunity-act-2018.pdf"

#: key, author, document, words, themes, stance, note
HIGHLIGHTS: list[tuple[str, Author, str, str, tuple[str, ...], str | None, str]] = [
    ("promise", MAYA, ALDER, "the Office will decline to file those charges",
     ("non-prosecution-possession",), "supports",
     "The core commitment. Ask how often supervisors **override** it."),
    ("promise-rosa", ROSA, ALDER, "Beginning on the effective date, the Office will decline "
     "to file those charges and will instead support voluntary referral to community-based "
     "deflection services", ("promises-vs-practice", "referral-instead-of-arrest"), "neutral",
     "A campaign promise, in writing. The Ledger's 2022 review is the test of it."),
    ("disparity", DEV, ALDER, "Black residents make up about six percent of the county’s "
     "population but accounted for 27 percent of possession arrests in 2018",
     ("enforcement-disparities",), "supports", ""),
    ("deaths", MAYA, ALDER, "Prosecution did not reduce those deaths.", ("overdose-data",),
     "supports", "Their own numbers, in their own memo."),
    ("deaths-dev", DEV, ALDER, "Prosecution did not reduce those deaths.", ("overdose-data",),
     "neutral", "A claim, not a finding: ask for the county's overdose data by year."),
    ("practice", MAYA, LEDGER, "Supervisors approved keeping them in", ("promises-vs-practice",),
     "opposes", "The exceptions in practice — *ask for the list of reasons*."),
    ("practice-dev", DEV, LEDGER, "Supervisors approved keeping them in", ("charging-policy",),
     "opposes", ""),
    ("presumption", MAYA, TOLLIVER, "There is a strong presumption against filing such a "
     "charge", ("drug-induced-homicide",), "supports",
     "Compare with the 2021 case list: were any filed anyway?"),
    ("reserve", DEV, TOLLIVER, "reserve the most serious charges available in drug-death cases "
     "for people who sell drugs for profit", ("drug-induced-homicide",), "opposes",
     "Still keeps the charge for sellers, and people who use drugs often sell to each other."),
    ("reserve-maya", MAYA, TOLLIVER, "reserve the most serious charges available in drug-death "
     "cases", ("charging-policy",), "neutral", ""),
    ("implements", ROSA, TOLLIVER, "This policy implements, and in some respects goes beyond, "
     "the immunity provided by § 12-405", ("good-samaritan",), "supports", ""),
    ("nm-immunity", ROSA, NM, "shall not be arrested, charged, prosecuted or otherwise "
     "penalized", ("good-samaritan",), "supports", ""),
    ("pa-immunity", DEV, PA, "shall not be arrested, charged, prosecuted or convicted",
     ("good-samaritan",), "supports", "The immunity covers **arrest**, not only prosecution."),
    ("proof", MAYA, BRENNAN, "Attorneys shall not make the dismissal or reduction of a charge "
     "depend on proof of treatment", ("proof-of-treatment",), "supports", ""),
    ("proof-rosa", ROSA, BRENNAN, "Attorneys shall not make the dismissal or reduction of a "
     "charge depend on proof of treatment", ("mandated-treatment",), "supports",
     "Ends treatment as a condition — unless someone chooses Treatment Court."),
    ("oped", DEV, OPED, "a policy that simply removes consequences is not a plan",
     ("non-prosecution-possession",), "opposes",
     "The argument we will hear at the meeting."),
    ("harm", MAYA, ALDER24, "The Office acknowledges this harm without qualification.",
     ("acknowledging-harm",), "supports", "Rare and important. Thank them for it."),
]

#: key, author, answers (a highlight or reply key), text
REPLIES = [
    ("r1", DEV, "promise", "The Ledger found supervisors kept possession counts alongside "
     "other charges. Is that an override of this promise?"),
    ("r2", MAYA, "r1", "Yes: the memo lets a supervisor keep them. We should ask how many "
     "times, and why."),
    ("r3", ROSA, "r2", "I will file the records request before the meeting with the office."),
    ("r4", MAYA, "oped", "Our answer is the deflection data: see the Alder Pathways story."),
]

#: key, author, first passage, relation, second passage, note
LINKS = [
    ("k1", ROSA, "practice", Relation.CONTRADICTS, "promise",
     "What the dockets show against what the memo promised."),
    ("k2", ROSA, "implements", Relation.IMPLEMENTS, "nm-immunity", ""),
    ("k3", MAYA, "harm", Relation.RESPONDS_TO, "oped", ""),
]


def rid(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NS, key)}"


def find(text: str, words: str) -> tuple[int, int]:
    """The span of ``words`` in ``text``, spaces and line breaks allowed to differ."""
    pattern = r"\s+".join(re.escape(w) for w in words.split())
    m = re.search(pattern, text)
    if m is None:
        raise SystemExit(f"not found in the corpus text: {words!r}")
    return m.start(), m.end()


def corpus_texts() -> dict[str, tuple[str, object]]:
    from reader.workspace import Workspace

    tmp = Path(tempfile.mkdtemp(prefix="sample-annotations-"))
    try:
        os.environ["POLICY_READER_HOME"] = str(tmp / "home")
        shutil.copytree(REPO / "corpus", tmp / "ws")
        ws = Workspace.open(tmp / "ws")
        ws.library().update()
        return {d.path: (d.id, ws.library().text(d.id)) for d in ws.library().documents()
                if d.status.readable}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def records() -> dict[str, list[Record]]:
    texts = corpus_texts()
    made: dict[str, Record] = {}
    out: dict[str, list[Record]] = {a.id: [] for a in MEMBERS}
    for n, (key, who, path, words, themes, stance, note) in enumerate(HIGHLIGHTS):
        doc_id, dt = texts[path]
        start, end = find(dt.text, words)  # type: ignore[attr-defined]
        idx = text_index(dt)  # type: ignore[arg-type]
        when = T0 + timedelta(minutes=7 * n)
        h = Highlight(rid(key), str(doc_id), path, start, end,
                      make_quote(dt.text, start, end), who, when, when,  # type: ignore[attr-defined]
                      page=idx.page_label(start), section=idx.pinpoint(start),
                      themes=themes, stance=Stance(stance) if stance else None, note=note)
        made[key] = h
        out[who.id].append(h)
    later = T0 + timedelta(days=2)
    for n, (key, who, answers, text) in enumerate(REPLIES):
        when = later + timedelta(hours=3 * n)
        r = Reply(rid(key), ref_to(made[answers]), who, when, when, text)
        made[key] = r
        out[who.id].append(r)
    for n, (key, who, a, rel, b, note) in enumerate(LINKS):
        when = later + timedelta(days=1, minutes=10 * n)
        link = Link(rid(key), ref_to(made[a]), ref_to(made[b]), rel, who, when, when, note)
        out[who.id].append(link)
    return out


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "resources" / "sample-annotations"
    target.mkdir(parents=True, exist_ok=True)
    by_author = records()
    for who in MEMBERS:
        items = [encode_record(r, creator=author_iri(who.id)) for r in by_author[who.id]]
        data = encode_collection(who, items, modified=T0 + timedelta(days=4))
        (target / f"{who.id}.json").write_bytes(data)
        print(f"{who.name}: {len(items)} annotations -> {target / (who.id + '.json')}")


if __name__ == "__main__":
    main()
