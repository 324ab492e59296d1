"""REFI-QDA import of a project written by hand in the way QualCoder writes one: a PDF
source (the file, its text as QualCoder extracts it — Windows line ends — and a rectangle
drawn on a page) and a text source whose text is not in the workspace (combining accents,
an emoji). Every selection is placed."""

from __future__ import annotations

from pathlib import Path

from reader.extract.boxes import CharBoxes
from reader.interop.refi import import_refi
from reader.interop.refi.positions import rect_for_span
from tests.core.refi_fixtures import CORPUS, DOCS, doc_by_path, g, make_workspace, zip_project

INTERVIEW = ("Interview 3 \u2014 outreach worker\r\n\r\nWe hand out naloxone at the cafe\u0301 "
             "every Friday \U0001F600.\r\nPeople trust us more than the police.\r\n")

CAFE = "cafe\u0301 every Friday \U0001F600"  # 20 code points: an accent and an emoji count one


def qualcoder_project(ws, tmp_path: Path) -> tuple[Path, dict[str, str]]:  # type: ignore[no-untyped-def]
    doc = doc_by_path(ws, DOCS[0])
    ours = ws.library().text(doc.id).text
    rep_text = ours.replace("\n", "\r\n")  # QualCoder on Windows
    words = "decline"
    at = ours.index(words)
    crlf_before = ours[:at].count("\n")  # each "\n" before it became two code points
    boxes = CharBoxes.from_bytes(ws.library().boxes(doc.id))
    phrase = "Alder County"
    p_at = ours.index(phrase)
    rect = rect_for_span(boxes, p_at, p_at + len(phrase))
    assert rect is not None
    user1, user2, pdf, rep, txt = g(), g(), g(), g(), g()
    code_a, code_b, code_c, note = g(), g(), g(), g()
    i_start = INTERVIEW.index("naloxone")
    c_start = INTERVIEW.index("cafe")
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Outreach study" origin="QualCoder 3.5"
  creatingUserGUID="{user1}" creationDateTime="2024-03-01T09:00:00Z">
 <Users><User guid="{user1}" name="default"/><User guid="{user2}" name="Ana"/></Users>
 <CodeBook><Codes>
  <Code guid="{code_a}" name="Harm-reduction services" isCodable="false" color="#AAFFAA">
   <Code guid="{code_b}" name="Naloxone access" isCodable="true" color="#F00"/>
  </Code>
  <Code guid="{code_c}" name="Trust" isCodable="true" color="#3366cc">
   <Description>Who people trust.</Description></Code>
 </Codes></CodeBook>
 <Sources>
  <PDFSource guid="{pdf}" name="alder-county-2020-declination-memo.pdf"
    path="internal://{pdf}.pdf" creatingUser="{user1}">
   <PDFSelection guid="{g()}" page="{rect.page}" firstX="{rect.first_x}"
     firstY="{rect.first_y}" secondX="{rect.second_x}" secondY="{rect.second_y}"
     creatingUser="{user2}" creationDateTime="2024-03-02T10:00:00Z">
    <Coding guid="{g()}" creatingUser="{user2}"><CodeRef targetGUID="{code_c}"/></Coding>
   </PDFSelection>
   <Representation guid="{rep}" plainTextPath="internal://{rep}.txt">
    <PlainTextSelection guid="{g()}" startPosition="{at + crlf_before}"
      endPosition="{at + crlf_before + len(words)}" creatingUser="{user1}"
      creationDateTime="2024-03-02T11:00:00Z">
     <Coding guid="{g()}" creatingUser="{user1}"><CodeRef targetGUID="{code_b}"/></Coding>
     <NoteRef targetGUID="{note}"/>
    </PlainTextSelection>
   </Representation>
  </PDFSource>
  <TextSource guid="{txt}" name="Interview 3" plainTextPath="internal://{txt}.txt">
   <PlainTextSelection guid="{g()}" startPosition="{i_start}" endPosition="{i_start + 8}"
     creatingUser="{user2}"><Coding guid="{g()}"><CodeRef targetGUID="{code_b}"/></Coding>
   </PlainTextSelection>
   <PlainTextSelection guid="{g()}" startPosition="{c_start}"
     endPosition="{c_start + len(CAFE)}" creatingUser="{user2}">
    <Coding guid="{g()}"><CodeRef targetGUID="{code_c}"/></Coding></PlainTextSelection>
  </TextSource>
 </Sources>
 <Notes><Note guid="{note}" name="memo"><PlainTextContent>Key promise.</PlainTextContent>
 </Note></Notes>
</Project>"""
    path = zip_project(tmp_path / "outreach.qdpx", xml, {
        f"sources/{pdf}.pdf": (CORPUS / DOCS[0]).read_bytes(),
        f"sources/{rep}.txt": rep_text.encode("utf-8"),
        f"sources/{txt}.txt": INTERVIEW.encode("utf-8")})
    return path, {"user1": user1, "user2": user2}


def test_a_qualcoder_project_places_every_selection(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", docs=(DOCS[0],), author_id="abcabcabcabc")
    path, users = qualcoder_project(ws, tmp_path)
    plan = import_refi(ws, path, dry_run=True).plan
    assert plan.sources_matched == (("alder-county-2020-declination-memo.pdf", DOCS[0]),)
    assert plan.sources_to_add == ("Interview 3",)
    assert plan.codes_new == ("Trust",) and "Harm-reduction services › Naloxone access" in \
        plan.codes_merged
    assert (plan.added, plan.placed, plan.on_new_sources, plan.orphaned) == (4, 2, 2, 0)
    out = import_refi(ws, path)
    assert (out.plan.placed, out.plan.moved, out.plan.orphaned) == (4, 0, 0)
    store = ws.annotations()
    placed = list(store.placed_all())
    assert len(placed) == 4 and not any(p.orphaned for p in placed)
    by_quote = {p.highlight.quote.exact: p.highlight for p in placed}
    assert set(by_quote) == {"decline", "Alder County", "naloxone", "café every Friday 😀"}
    tax = ws.themes().taxonomy()
    decline = by_quote["decline"]
    assert decline.author.id == f"refi-{users['user1']}" and decline.author.name == "default"
    assert decline.note == "Key promise." and tax.label(decline.themes[0]) == "Naloxone access"
    assert by_quote["Alder County"].author.name == "Ana"
    assert tax.path_label(by_quote["Alder County"].themes[0]) == "Imported › Trust"
    assert not store.is_mine(decline.id)
    interview = doc_by_path(ws, by_quote["naloxone"].doc_path)
    assert interview.path == "imported/Outreach study/Interview 3.txt"
    text = ws.library().text(interview.id).text
    assert "\r" not in text and "caf\u00e9" in text
    files = sorted(p.name for p in ws.annotations_dir.glob("*.json"))
    assert files == sorted(f"refi-{u}.json" for u in users.values())


def test_own_highlights_merge_into_your_file_when_asked(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws", docs=(DOCS[0],), author_id="abcabcabcabc")
    path, _ = qualcoder_project(ws, tmp_path)
    out = import_refi(ws, path, as_mine=True, add_sources=False)
    assert out.mine == 4 and out.files_written == () and out.sources_added == ()
    store = ws.annotations()
    assert all(store.is_mine(h.id) for h in store.all())
    orphans = store.orphans()  # the interview is not in the workspace: kept, with quotes
    assert sorted(p.highlight.quote.exact for p in orphans) == ["café every Friday 😀",
                                                                "naloxone"]

