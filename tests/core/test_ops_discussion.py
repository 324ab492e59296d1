"""reader.ops.discussion (replies and links as operations) and the comparison operations the
front ends added (resolve with its undo versions, passages, rendering, filter choices):
what each returns, what it reports changed, what it says to garbage."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest

from reader.annotations.w3c_remarks import encode_record
from reader.annotations.w3c_write import encode_collection
from reader.errors import AnnotationError, CompareError, ReadOnlyAnnotation, UsageError
from reader.model.annotations import Author, Highlight, now_utc
from reader.model.compare import DisagreementKind, MatrixFilter
from reader.model.remarks import Link, Ref, Relation, Reply
from reader.ops import compare, discussion, highlights
from reader.workspace import Workspace
from tests.core.compare_fixtures import TEXTS, make_spaces


@pytest.fixture
def spaces(tmp_path: Path) -> dict[str, Workspace]:
    return make_spaces(tmp_path)


def _mark(ws: Workspace, words: str, who: str = "") -> Highlight:
    found = [h for h in ws.annotations().all() if h.quote.exact == words
             and (not who or h.author.name == who)]
    assert found, words
    return found[0]


def _reload(*spaces: Workspace) -> None:
    for ws in spaces:
        ws.annotations().save()
    for ws in spaces:
        ws.annotations().reload()


# -- replies -----------------------------------------------------------------------------------
def test_a_reply_to_a_colleagues_highlight_is_an_undoable_edit(spaces) -> None:  # type: ignore[no-untyped-def]
    maria, dev = spaces["maria"], spaces["dev"]
    h = _mark(maria, "Drug court remains available", "Dev")
    done = discussion.reply(maria, h.id, "Remains available *to whom*?")
    r = done.value.record
    assert isinstance(r, Reply) and r.author.name == "Maria" and r.target.id == h.id
    assert done.value.before == {r.id: None} and done.value.after == {r.id: r}
    assert done.changes.highlight_ids == {r.id, h.id}  # the thread's highlight redraws
    seen = discussion.of_highlight(maria, h.id)
    assert seen.count == 1 and seen.replies[0].reply.text == "Remains available *to whom*?"
    edited = discussion.edit_reply(maria, r.id, "To people who choose it.")
    assert edited.value.before == {r.id: r} and edited.changes.highlight_ids == {r.id, h.id}
    same = discussion.edit_reply(maria, r.id, "To people who choose it.")
    assert not same.value.changed and same.changes.empty
    undone = discussion.put_back(maria, dict(edited.value.before))
    assert discussion.of_highlight(maria, h.id).replies[0].reply.text.startswith("Remains")
    assert undone.changes.highlight_ids >= {r.id, h.id}
    discussion.put_back(maria, {r.id: None})  # undo of the reply itself
    assert discussion.of_highlight(maria, h.id).count == 0
    discussion.put_back(maria, dict(done.value.after))  # redo
    assert discussion.of_highlight(maria, h.id).count == 1
    _reload(maria, dev)
    assert discussion.of_highlight(dev, h.id).count == 1  # merged from Maria's file
    mine = discussion.of_highlight(dev, h.id).replies[0].reply
    with pytest.raises(ReadOnlyAnnotation, match="Maria's"):
        discussion.edit_reply(dev, mine.id, "Dev rewrites it")
    with pytest.raises(ReadOnlyAnnotation):
        discussion.delete(dev, mine.id)


def test_a_reply_to_a_reply_names_the_thread_root(spaces) -> None:  # type: ignore[no-untyped-def]
    maria = spaces["maria"]
    h = _mark(maria, "decline to file possession charges")
    first = discussion.reply(maria, h.id, "Is this a promise?").value.record
    assert first is not None
    second = discussion.reply(maria, first.id, "Yes, in writing.")
    assert h.id in second.changes.highlight_ids and first.id in second.changes.highlight_ids
    third = discussion.reply(maria, second.value.record.id, "Third level").value.record  # type: ignore[union-attr]
    fourth = discussion.reply(maria, third.id, "Fourth: shown at the third").value.record  # type: ignore[union-attr]
    entries = discussion.of_highlight(maria, h.id).replies
    assert [e.depth for e in entries] == [1, 2, 3, 3]
    assert entries[-1].reply.id == fourth.id  # type: ignore[union-attr]
    gone = discussion.delete(maria, second.value.record.id)  # type: ignore[union-attr]
    assert h.id in gone.changes.highlight_ids
    entries = discussion.of_highlight(maria, h.id).replies
    assert [e.removed for e in entries] == [False, True, False, False]  # kept: replies below


def test_replies_refuse_garbage_clearly(spaces) -> None:  # type: ignore[no-untyped-def]
    maria = spaces["maria"]
    h = _mark(maria, "decline to file possession charges")
    for text in ("", "   \n\t", "\x00\x01"):
        with pytest.raises(AnnotationError):
            discussion.reply(maria, h.id, text)
    with pytest.raises(AnnotationError, match="no highlight or reply"):
        discussion.reply(maria, "urn:uuid:not-there", "hello")
    with pytest.raises(AnnotationError, match="no highlight or reply"):
        discussion.reply_by_ref(maria, "\u202e\x00zz", "hello")
    with pytest.raises(AnnotationError, match="no reply or link"):
        discussion.find_remark(maria, "nothing")
    with pytest.raises(AnnotationError, match="no reply or link"):
        discussion.delete_by_ref(maria, "ab")  # too short to be a prefix
    highlights.delete(maria, h.id)
    with pytest.raises(AnnotationError, match="was deleted"):
        discussion.reply(maria, h.id, "Too late")


def test_the_command_line_forms_find_by_prefix_and_save(spaces) -> None:  # type: ignore[no-untyped-def]
    maria = spaces["maria"]
    h = _mark(maria, "decline to file possession charges")
    prefix = h.id.removeprefix("urn:uuid:")[:8]
    made = discussion.reply_by_ref(maria, prefix, "Saved at once").value.record
    assert made is not None and not maria.annotations().dirty
    again = discussion.reply_by_ref(maria, made.id.removeprefix("urn:uuid:")[:8], "Nested")
    assert again.value.record.target.id == made.id  # type: ignore[union-attr]
    changed = discussion.edit_reply_by_ref(maria, made.id, "Changed")
    assert changed.value.record.text == "Changed"  # type: ignore[union-attr]
    gone = discussion.delete_by_ref(maria, made.id.removeprefix("urn:uuid:")[:6])
    assert gone.value.record.deleted and not maria.annotations().dirty  # type: ignore[union-attr]


# -- links -----------------------------------------------------------------------------------
def test_a_link_is_seen_from_both_ends_with_the_other_document(spaces) -> None:  # type: ignore[no-untyped-def]
    maria, dev = spaces["maria"], spaces["dev"]
    memo = _mark(maria, "decline to file possession charges")
    statute = _mark(maria, "shall not be charged", "Dev")
    done = discussion.link(maria, memo.id, statute.id, "responds to", note="Goes further.")
    k = done.value.record
    assert isinstance(k, Link) and k.relation is Relation.RESPONDS_TO
    assert done.changes.highlight_ids == {k.id, memo.id, statute.id}
    (here,) = discussion.of_highlight(maria, memo.id).links
    (there,) = discussion.of_highlight(maria, statute.id).links
    assert here.phrase == "responds to" and here.outgoing and here.other_live
    assert there.phrase == "responded to by" and not there.outgoing
    docs = {d.path: d for d in maria.library().documents()}
    assert here.other_doc_id == docs["statutes/pa-act.txt"].id
    assert here.other_title == "PA Overdose Response Act" and here.other_author == "Dev"
    assert there.other_title == "Alder declination memo"
    assert here.sentence == \
        "responds to \u201cshall not be charged\u201d (PA Overdose Response Act)"
    changed = discussion.edit_link(maria, k.id, kind="contradicts")
    assert changed.value.record.relation is Relation.CONTRADICTS  # type: ignore[union-attr]
    assert discussion.of_highlight(maria, statute.id).links[0].phrase == "contradicted by"
    assert discussion.linked_ids(maria) == {memo.id, statute.id}
    assert discussion.counts(maria).of(memo.id) == (0, 1)
    _reload(maria, dev)
    assert discussion.of_highlight(dev, statute.id).links[0].link.id == k.id
    with pytest.raises(ReadOnlyAnnotation):
        discussion.edit_link(dev, k.id, kind="cites")
    discussion.delete(maria, k.id)
    assert discussion.linked_ids(maria) == frozenset()
    assert discussion.of_highlight(maria, memo.id).links == ()


def test_links_refuse_garbage_and_cycles_are_fine(spaces) -> None:  # type: ignore[no-untyped-def]
    maria = spaces["maria"]
    a = _mark(maria, "decline to file possession charges")
    b = _mark(maria, "never a condition of release")
    c = _mark(maria, "Drug-induced homicide charges")
    with pytest.raises(AnnotationError, match=r"not a kind of link.*supports, contradicts"):
        discussion.link(maria, a.id, b.id, "\x00loves")
    with pytest.raises(AnnotationError, match="itself"):
        discussion.link(maria, a.id, a.id, "supports")
    with pytest.raises(AnnotationError, match="There is no highlight"):
        discussion.link_by_ref(maria, "zzzzzzzz", b.id, "supports")
    r = discussion.reply(maria, a.id, "a reply").value.record
    with pytest.raises(AnnotationError, match="not replies"):
        discussion.link(maria, a.id, r.id, "supports")  # type: ignore[union-attr]
    with pytest.raises(AnnotationError, match="That is a reply"):
        discussion.edit_link(maria, r.id, kind="cites")  # type: ignore[union-attr]
    for x, y in ((a, b), (b, c), (c, a)):  # a cycle
        discussion.link(maria, x.id, y.id, "supports")
    assert {len(discussion.of_highlight(maria, h.id).links) for h in (a, b, c)} == {2}
    assert discussion.counts(maria, [a.id]).links == {a.id: 2}
    highlights.delete(maria, c.id)  # one end removed: the link stays, said so
    ends = {e.other.id: e for e in discussion.of_highlight(maria, a.id).links}
    assert not ends[c.id].other_live and "was removed" in ends[c.id].sentence
    assert ends[c.id].other.quote == "Drug-induced homicide charges"


# -- removed highlights and many replies --------------------------------------------------
def test_a_reply_to_a_removed_highlight_is_kept_with_its_quote(spaces) -> None:  # type: ignore[no-untyped-def]
    maria, dev = spaces["maria"], spaces["dev"]
    h = _mark(dev, "Drug court remains available", "Dev")
    discussion.reply(maria, h.id, "Maria asks about it")
    _reload(maria, dev)
    highlights.delete(dev, h.id)
    _reload(dev, maria)
    brennan = next(d.id for d in maria.library().documents() if d.path.endswith("brennan.txt"))
    (orphan,) = discussion.orphaned_replies(maria, brennan)
    assert orphan.quote == "Drug court remains available" and orphan.doc_id == brennan
    assert orphan.sentence.startswith("Reply to a removed highlight: \u201cDrug court")
    assert discussion.orphaned_replies(maria, "another-document") == []
    assert discussion.counts(maria).replies == {}  # counted under no live highlight


def test_10000_replies_to_one_highlight_are_counted_and_paged(spaces) -> None:  # type: ignore[no-untyped-def]
    maria = spaces["maria"]
    h = _mark(maria, "decline to file possession charges")
    zed = Author("zed03", "Zed")
    t = now_utc()
    items = [encode_record(Reply(f"urn:uuid:z{i:05d}", Ref(h.id, h.quote.exact), zed,
                                 t + timedelta(milliseconds=i), t + timedelta(milliseconds=i),
                                 f"reply {i}")) for i in range(10_000)]
    (maria.annotations_dir / "zed03.json").write_bytes(encode_collection(zed, items,
                                                                         modified=t))
    maria.annotations().reload()
    started = time.process_time()
    seen = discussion.of_highlight(maria, h.id)
    assert seen.count == 10_000 and seen.replies[-1].reply.text == "reply 9999"
    assert discussion.counts(maria, [h.id]).replies == {h.id: 10_000}
    assert time.process_time() - started < 5  # a generous bound: no quadratic walk


def test_link_candidates_put_the_same_document_first(spaces) -> None:  # type: ignore[no-untyped-def]
    maria = spaces["maria"]
    a = _mark(maria, "decline to file possession charges")
    found = discussion.candidates(maria, near=a.id)
    assert a.id not in {c.highlight_id for c in found}
    alder = [c for c in found if c.same_document]
    assert alder and found[: len(alder)] == alder
    assert {c.doc_title for c in alder} == {"Alder declination memo"}
    assert all(c.quote for c in found)
    naloxone = [c for c in found if "naloxone" in c.search_text]
    assert naloxone and all(c.doc_title for c in naloxone)
    assert len(discussion.candidates(maria)) == len(found) + 1


# -- comparing: what the front ends need ---------------------------------------------------------
def test_a_resolution_returns_what_an_undo_puts_back(spaces) -> None:  # type: ignore[no-untyped-def]
    maria = spaces["maria"]
    d = next(x for x in compare.disagreements(maria) if x.kind is DisagreementKind.THEMES)
    mine = next(h for h in d.highlights if maria.annotations().get(h).author.name == "Maria")
    old = maria.annotations().get(mine)
    done = compare.resolve(maria, d, compare.Resolution.ADOPT)
    assert done.value.before == {mine: old}
    assert done.value.after[mine].themes != old.themes  # type: ignore[union-attr]
    assert done.changes.highlight_ids == {mine}
    assert d.key not in {x.key for x in compare.disagreements(maria)}
    discussion.put_back(maria, dict(done.value.before))  # undo
    assert maria.annotations().get(mine).themes == old.themes
    assert d.key in {x.key for x in compare.disagreements(maria)}
    assert compare.disagreement(maria, d.key[:6]).key == d.key
    with pytest.raises(UsageError, match="no disagreement"):
        compare.disagreement(maria, "\x00\x00\x00\x00")
    differ = compare.resolve(maria, d, "differ")
    (reply,) = differ.value.written
    assert differ.value.before == {reply.id: None} and isinstance(reply, Reply)
    assert reply.text == compare.DIFFER_TEXT


def test_a_filter_of_rows_reuses_counts_and_an_edit_renews_them(spaces) -> None:  # type: ignore[no-untyped-def]
    from reader.compare.matrix import build_matrix

    maria = spaces["maria"]

    def fresh(filt: MatrixFilter, ws: Workspace = maria):  # type: ignore[no-untyped-def]
        kept = ws.annotations()
        return build_matrix(ws.library().documents(), kept.by_document(),
                            ws.taxonomy(), filt, authors=kept.authors())

    filters = [MatrixFilter(), MatrixFilter(kinds=("memo",)), MatrixFilter(group_by="office"),
               MatrixFilter(themes=("overdose-response",)), MatrixFilter(annotators=("Dev",)),
               MatrixFilter(jurisdictions=("PA",), group_by="jurisdiction"), MatrixFilter()]
    for filt in filters:  # kept counts give what counting afresh gives, every time
        assert compare.matrix(maria, filt) == fresh(filt)
    dev = spaces["dev"]  # another store (not reloaded: only Dev's own highlights) counts its own
    assert compare.matrix(dev) == fresh(MatrixFilter(), dev) != compare.matrix(maria)
    before = compare.matrix(maria).highlights
    h = _mark(maria, "never a condition of release")
    highlights.update(maria, h.id, stance="opposes")
    m = compare.matrix(maria)
    assert m == fresh(MatrixFilter()) and m.highlights == before
    highlights.delete(maria, h.id)
    assert compare.matrix(maria).highlights == before - 1


def test_matrix_rendering_passages_and_filter_choices(spaces) -> None:  # type: ignore[no-untyped-def]
    maria = spaces["maria"]
    m = compare.matrix(maria, MatrixFilter(kinds=("memo",)))
    table = compare.render(m, "table")
    assert isinstance(table, str) and "Alder declination memo" in table
    assert isinstance(compare.render(m, "csv"), bytes)
    assert compare.render(m, "md").startswith("| Document |")  # type: ignore[union-attr]
    assert compare.render(m, "json")["highlights"] == m.highlights  # type: ignore[index]
    with pytest.raises(UsageError, match="not a matrix format"):
        compare.render(m, "xlsx\x00")
    c = m.column_index("overdose-response")
    r = next(i for i, row in enumerate(m.rows) if row.label == "Alder declination memo")
    ids = m.cell(r, c).highlight_ids
    found = compare.passages(maria, [*ids, "urn:uuid:gone"])
    assert [p.highlight_id for p in found] == list(ids)
    assert {p.text for p in found} == {"carry naloxone on every shift",  # two people
                                       "call 911 will not be charged"}  # a sub-theme
    got = compare.choices(maria)
    assert got.kinds == ("memo", "statute") and "2020" in got.years
    assert "Alder County, PA" in got.jurisdictions and len(got.offices) == 4
    with pytest.raises(CompareError, match="2 to 6 documents"):
        compare.check_comparison(["one"], ["naloxone"])
    with pytest.raises(CompareError, match="1 to 5 themes"):
        compare.check_comparison(["a", "b"], [])
    compare.check_comparison(["a", "b"], ["naloxone"])
    assert set(TEXTS) == {d.path for d in maria.library().documents()}
