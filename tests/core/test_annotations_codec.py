"""The W3C JSON-LD codec: our own files, other tools' variants, and garbage."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.annotations import fastbuild, fastfile
from reader.annotations.codec import HYPOTHESIS, OURS, W3C, open_container
from reader.annotations.w3c import ItemError
from reader.annotations.w3c_read import decode_annotation, decode_lenient
from reader.annotations.w3c_terms import ANNO_CONTEXT, FORMAT_VERSION, PLAIN_VERSION
from reader.annotations.w3c_write import encode_collection, encode_highlight
from reader.errors import AnnotationFileError
from reader.model.annotations import Anchor, AnchorStatus, Author, Highlight, Stance, TextQuote

T0 = datetime(2024, 3, 1, 12, 30, tzinfo=UTC)
ME = Author("a1b2c3", "Maria")
DOC = "ab" * 32


def sample(**changes: object) -> Highlight:
    h = Highlight(id="urn:uuid:11111111-2222-3333-4444-555555555555", doc_id=DOC,
                  doc_path="memos/philly.pdf", start=10, end=42,
                  quote=TextQuote("decline to charge possession", "office will ", " of a"),
                  author=ME, created=T0, modified=T0, page="3", section="§ 2(a)",
                  color="#81d4fa", themes=("good-samaritan", "naloxone"),
                  stance=Stance.SUPPORTS, note="**Key** line.\n\nSecond paragraph.")
    return replace(h, **changes)


def roundtrip(h: Highlight) -> Highlight:
    return decode_annotation(json.loads(json.dumps(encode_highlight(h))), author=ME)


def test_a_highlight_survives_encoding() -> None:
    h = sample()
    assert roundtrip(h) == h
    assert roundtrip(replace(h, deleted=True, note="", stance=None, themes=())) == \
        replace(h, deleted=True, note="", stance=None, themes=())


def test_the_encoding_is_w3c_with_our_extras_namespaced() -> None:
    item = encode_highlight(sample())
    assert item["type"] == "Annotation"
    sel = {s["type"]: s for s in item["target"]["selector"]}
    assert sel["TextPositionSelector"] == {"type": "TextPositionSelector", "start": 10,
                                           "end": 42}
    assert sel["TextQuoteSelector"]["exact"] == "decline to charge possession"
    assert item["target"]["source"] == "urn:sha256:" + DOC
    bodies = item["body"]
    assert {"type": "TextualBody", "purpose": "tagging", "value": "naloxone"} in bodies
    assert any(b["purpose"] == "commenting" and b["format"] == "text/markdown" for b in bodies)
    extras = {k for k in item if ":" in k}
    assert extras == {"pr:page", "pr:section", "pr:color", "pr:stance"}


def test_a_collection_file_is_valid_jsonld_and_reads_back() -> None:
    data = encode_collection(ME, [encode_highlight(sample())], modified=T0)
    doc = json.loads(data)
    assert doc["@context"][0] == ANNO_CONTEXT
    assert doc["type"] == "AnnotationCollection"
    assert doc["pr:formatVersion"] == PLAIN_VERSION == FORMAT_VERSION - 1  # no replies
    assert doc["first"]["type"] == "AnnotationPage" and doc["total"] == 1
    c = open_container(doc)
    assert c.kind == OURS and c.creator == Author(ME.id, ME.name) and not c.newer
    assert decode_annotation(c.items[0], author=ME) == sample()
    empty = json.loads(encode_collection(ME, [], modified=T0))
    assert open_container(empty).items == []


def test_unknown_fields_are_kept_and_written_back() -> None:
    item = encode_highlight(sample())
    item["rights"] = "https://creativecommons.org/licenses/by/4.0/"
    item["pr:futureField"] = {"a": [1, 2]}
    h = decode_annotation(item, author=ME)
    again = encode_highlight(h)
    assert again["rights"] == item["rights"] and again["pr:futureField"] == {"a": [1, 2]}


@pytest.mark.parametrize("target", [
    "https://example.org/memo",
    {"source": "https://example.org/memo", "selector": {
        "type": "TextQuoteSelector", "exact": "decline"}},
    [{"source": "https://example.org/memo"},
     {"source": "https://example.org/memo", "selector": [
         {"type": "oa:TextPositionSelector", "start": 3, "end": 10},
         {"type": "TextQuoteSelector", "exact": "decline", "prefix": "will "}]}],
    {"type": "SpecificResource", "source": {"id": "https://example.org/memo"},
     "selector": {"type": "RangeSelector", "refinedBy": {
         "type": "TextQuoteSelector", "exact": "decline"}}},
])
def test_w3c_target_variants(target: object) -> None:
    h = decode_annotation({"type": "Annotation", "id": "x", "target": target})
    assert h.doc_path == "https://example.org/memo" and h.doc_id == ""
    if not isinstance(target, str):
        assert h.quote.exact == "decline"


def test_w3c_body_variants_and_creators() -> None:
    item = {
        "@context": ANNO_CONTEXT, "id": "http://example.org/anno1", "type": "Annotation",
        "bodyValue": "A plain note.",
        "body": ["A string body", {"type": "TextualBody", "value": "Tagged",
                                   "purpose": "tagging"},
                 {"type": "TextualBody", "value": "Described", "purpose": "describing"},
                 {"type": "SpecificResource", "purpose": "tagging",
                  "source": "urn:policy-reader:theme:naloxone"}],
        "creator": [{"id": "mailto:ann@example.org", "nickname": "ann"}],
        "created": "2023-05-01T10:00:00", "target": "https://example.org/x",
    }
    h = decode_annotation(item)
    assert h.themes == ("Tagged", "naloxone")
    assert h.note == "A plain note.\n\nA string body\n\nDescribed"
    assert h.author == Author("mailto:ann@example.org", "ann")
    assert h.created == datetime(2023, 5, 1, 10, tzinfo=UTC) == h.modified  # naive: UTC
    assert decode_annotation({"type": "Annotation", "target": "t", "motivation": "tagging",
                              "body": {"type": "TextualBody", "value": "t1"}}).themes == ("t1",)


def test_an_annotation_without_id_gets_a_stable_one() -> None:
    item = {"type": "Annotation", "target": "https://example.org/x", "bodyValue": "n"}
    assert decode_annotation(item).id == decode_annotation(dict(item)).id


@pytest.mark.parametrize("item, reason", [
    ("just text", "not a JSON object"),
    ({"type": "Person", "target": "x"}, "not Annotation"),
    ({"type": "Annotation", "id": 5, "target": "x"}, "id is not text"),
    ({"type": "Annotation", "id": "a"}, "no target"),
    ({"type": "Annotation", "id": "a", "target": [3, None]}, "no target"),
    ({"type": "Annotation", "id": "a", "target": "x", "created": "yesterday"}, "ISO date"),
    ({"type": "Annotation", "id": "a", "target": "x", "modified": 12}, "not text"),
    ({"type": "Annotation", "id": "a", "target": "x", "created": "9999-12-31T23:59:59-05:00"},
     "out of range"),
])
def test_bad_annotations_give_a_reason(item: object, reason: str) -> None:
    with pytest.raises(ItemError, match=reason):
        decode_annotation(item, author=ME)


def test_odd_values_are_tolerated_without_loss() -> None:
    item = encode_highlight(sample())
    item["pr:stance"] = "strongly-agree"
    item["pr:color"] = "red"
    item["target"]["selector"][0].update(start="10", end=42.0)
    h = decode_annotation(item, author=ME)
    assert h.stance is None and h.color == "#ffd54f" and (h.start, h.end) == (10, 42)
    assert encode_highlight(h)["pr:stance"] == "strongly-agree"  # kept for its author
    item["target"]["selector"][0].update(start=True, end="x")
    assert decode_annotation(item, author=ME).start == -1


def test_future_and_odd_dates() -> None:
    item = encode_highlight(sample())
    item["modified"] = "2199-01-01T00:00:00+02:00"
    assert decode_annotation(item, author=ME).modified.year == 2198


@pytest.mark.parametrize("data, kind, count", [
    ([], W3C, 0),
    ({"type": "Annotation", "target": "x"}, W3C, 1),
    ({"@graph": [{"type": "Annotation", "target": "x"}]}, W3C, 1),
    ({"type": "AnnotationPage", "items": [{"target": "x"}]}, W3C, 1),
    ({"type": "AnnotationCollection", "first": {"items": [{}], "next": {"items": [{}, {}]}}},
     W3C, 3),
    ({"type": "AnnotationCollection", "items": [{}]}, W3C, 1),
    ({"export_date": "x", "annotations": [{"uri": "u", "target": []}]}, HYPOTHESIS, 1),
    ({"total": 1, "rows": [{"uri": "u", "target": []}]}, HYPOTHESIS, 1),
    ([{"uri": "u", "user": "acct:a@b", "target": [{"source": "u"}]}], HYPOTHESIS, 1),
])
def test_containers(data: object, kind: str, count: int) -> None:
    c = open_container(data)
    assert c.kind == kind and len(c.items) == count


@pytest.mark.parametrize("data, reason", [
    ("text", "not an annotation file"),
    (42, "not an annotation file"),
    ({"hello": "world"}, "no annotations"),
    ({"type": "AnnotationCollection", "first": "http://example.org/page1"}, "elsewhere"),
    ({"type": "AnnotationCollection", "first": [1]}, "not an object"),
    ({"type": "AnnotationPage", "items": "nope"}, "not a list"),
])
def test_wrong_shapes_are_rejected_with_a_reason(data: object, reason: str) -> None:
    with pytest.raises(AnnotationFileError, match=reason):
        open_container(data, "x.json")


def test_newer_format_versions_are_recognised() -> None:
    doc = json.loads(encode_collection(ME, [], modified=T0))
    doc["pr:formatVersion"] = FORMAT_VERSION + 1
    assert open_container(doc).newer
    doc["pr:formatVersion"] = {"major": 3}
    assert open_container(doc).newer


def test_fast_built_objects_equal_constructed_ones() -> None:
    h = sample()
    assert fastbuild.check(Highlight, dict(h.__dict__))
    assert fastbuild.check(TextQuote, {"exact": "a", "prefix": "b", "suffix": "c"})
    assert fastbuild.check(Anchor, {"status": AnchorStatus.MOVED, "start": 1, "end": 2,
                                    "page": "", "section": "", "doc_id": "d", "score": 0.9})
    assert not fastbuild.check(TextQuote, {"exact": "a"})


texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
highlights = st.builds(
    lambda hid, s, e, q, themes, stance, note, deleted, color, page, path, did, minutes:
    sample(id=hid, start=s, end=e, quote=q, themes=themes, stance=stance, note=note,
           deleted=deleted, color=color, page=page, doc_path=path, doc_id=did,
           modified=T0.replace(minute=minutes)),
    hid=st.one_of(st.just("urn:uuid:x"), texts), s=st.integers(-3, 10**6),
    e=st.integers(-3, 10**6), q=st.builds(TextQuote, texts, texts, texts),
    themes=st.lists(texts, max_size=3).map(tuple), stance=st.sampled_from([None, *Stance]),
    note=texts, deleted=st.booleans(), color=st.sampled_from(["#abcdef", "#ffd54f"]),
    page=texts, path=texts, did=st.sampled_from([DOC, ""]), minutes=st.integers(0, 59))


@settings(max_examples=300, deadline=None)
@given(h=highlights)
def test_the_fast_reader_agrees_with_the_lenient_one(h: Highlight) -> None:
    item = json.loads(json.dumps(encode_highlight(h, creator="urn:x")))
    try:
        slow = decode_lenient(item, author=ME)
    except ItemError:
        slow = None
    try:
        fast = decode_annotation(item, author=ME)
    except ItemError:
        fast = None
    assert fast == slow
    if fast is not None:
        assert fast.extra == slow.extra


@settings(max_examples=60, deadline=None)
@given(hs=st.lists(highlights, max_size=6))
def test_the_msgspec_reader_agrees_with_the_general_one(hs: list[Highlight]) -> None:
    raw = encode_collection(ME, [encode_highlight(h, creator="urn:x") for h in hs],
                            modified=T0)
    fast = fastfile.decode(raw)
    assert fast is not None and fast.creator == ME
    got = fast.records(ME)
    items = json.loads(raw)["first"]["items"]
    try:
        general = [decode_annotation(i, author=ME) for i in items]
    except ItemError:
        general = None
    if got is not None:
        assert got == general
        assert [h.extra for h in got] == [h.extra for h in general or []]


def test_files_not_exactly_ours_take_the_general_path() -> None:
    raw = encode_collection(ME, [encode_highlight(sample())], modified=T0)
    assert fastfile.decode(raw) is not None
    doc = json.loads(raw)
    for change in (lambda d: d["first"]["items"][0].update(rights="x"),
                   lambda d: d.update({"pr:formatVersion": FORMAT_VERSION + 1}),
                   lambda d: d["first"].update(next={"items": []}),
                   lambda d: d.update(items=[]),
                   lambda d: d["first"]["items"][0].update(created="2024-01-01T00:00:00")):
        changed = json.loads(raw)
        change(changed)
        assert fastfile.decode(json.dumps(changed).encode()) is None
    assert fastfile.decode(b"{not json") is None
    assert fastfile.decode(b"[" * 10_000) is None
    odd = json.loads(raw)
    odd["first"]["items"][0]["pr:color"] = "red"
    decoded = fastfile.decode(json.dumps(odd).encode())
    assert decoded is not None and decoded.records(ME) is None  # then read generally
    assert doc["type"] == "AnnotationCollection"
