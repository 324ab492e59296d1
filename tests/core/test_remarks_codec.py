"""Replies and links as W3C annotations: written, read back, read from other tools' shapes,
and the fast reader agreeing with the lenient one."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.annotations import fastfile
from reader.annotations.w3c import ItemError
from reader.annotations.w3c_read import decode_record
from reader.annotations.w3c_remarks import (
    decode_link,
    decode_reply,
    encode_link,
    encode_record,
    encode_reply,
)
from reader.annotations.w3c_write import encode_collection
from reader.model.annotations import Author
from reader.model.remarks import Link, Ref, Relation, Reply

T0 = datetime(2024, 3, 1, 12, 30, tzinfo=UTC)
ME = Author("a1b2c3", "Maria")
H1, H2 = "urn:uuid:11111111-1111-4111-8111-111111111111", "urn:uuid:2222"


def reply(**kw: object) -> Reply:
    base = dict(id="urn:uuid:r1", target=Ref(H1, "decline to charge", "memos/m.pdf"),
                author=ME, created=T0, modified=T0 + timedelta(minutes=1),
                text="Is this **followed**?")
    base.update(kw)
    return Reply(**base)  # type: ignore[arg-type]


def link(**kw: object) -> Link:
    base = dict(id="urn:uuid:l1", source=Ref(H1, "decline to charge", "memos/m.pdf"),
                target=Ref(H2, "shall be charged", "statutes/s.txt"),
                relation=Relation.CONTRADICTS, author=ME, created=T0, modified=T0,
                note="The statute says otherwise.")
    base.update(kw)
    return Link(**base)  # type: ignore[arg-type]


def roundtrip(item: dict) -> dict:
    return json.loads(json.dumps(item))


def test_a_reply_is_a_replying_annotation_targeting_the_highlight() -> None:
    item = encode_reply(reply(), creator="urn:x")
    assert item["motivation"] == "replying"
    assert item["target"]["id"] == H1 and item["target"]["pr:quote"] == "decline to charge"
    assert item["body"][0]["value"] == "Is this **followed**?"
    assert decode_reply(roundtrip(item), author=ME) == reply()
    assert decode_record(roundtrip(item), author=ME) == reply()


def test_a_link_has_two_targets_in_order_and_its_kind() -> None:
    item = encode_link(link())
    assert item["motivation"] == "linking" and item["pr:relation"] == "contradicts"
    assert [t["id"] for t in item["target"]] == [H1, H2]
    back = decode_record(roundtrip(item), author=ME)
    assert back == link()
    item["target"].reverse()  # a tool that reorders the list changes nothing
    assert decode_link(roundtrip(item), author=ME) == link()


def test_a_deleted_reply_keeps_no_text() -> None:
    item = encode_record(reply(deleted=True, text=""))
    assert "body" not in item and item["pr:deleted"] is True
    assert decode_record(item, author=ME).deleted  # type: ignore[union-attr]


def test_other_tools_shapes_of_replies_and_links() -> None:
    # the W3C model's own example of a reply: target is the annotation's IRI
    r = decode_record({"type": "Annotation", "id": "http://x/anno38", "motivation": "replying",
                       "body": {"type": "TextualBody", "value": "I love this!"},
                       "target": "http://x/anno37", "creator": {"name": "Ana"}})
    assert isinstance(r, Reply) and r.target == Ref("http://x/anno37") and r.text == "I love this!"
    assert r.author.name == "Ana"
    # linking the other W3C way: one target, the linked resource as the body
    lk = decode_record({"id": "l", "type": "oa:Annotation", "motivation": "oa:linking",
                        "target": {"source": "urn:a"}, "body": {"id": "urn:b"}})
    assert isinstance(lk, Link) and lk.ends() == ("urn:a", "urn:b")
    assert lk.relation is Relation.CITES  # no kind given
    lk = decode_record({"id": "l", "motivation": "linking", "target": ["urn:a", "urn:b"],
                        "body": {"purpose": "classifying", "value": "Responds to"}})
    assert lk.relation is Relation.RESPONDS_TO  # type: ignore[union-attr]


def test_unknown_fields_of_replies_and_links_are_kept() -> None:
    item = encode_reply(reply())
    item["ex:rating"] = {"stars": 4}
    r = decode_reply(item, author=ME)
    again = encode_reply(r)
    assert again["ex:rating"] == {"stars": 4}


@pytest.mark.parametrize("item,why", [
    ({"motivation": "replying", "body": "hi"}, "without the id"),
    ({"motivation": "replying", "target": 42}, "without the id"),
    ({"id": "x", "motivation": "replying", "target": "x"}, "to itself"),
    ({"motivation": "linking", "target": ["urn:a"]}, "two passages"),
    ({"motivation": "linking", "target": ["urn:a", "urn:a"]}, "to itself"),
    ({"motivation": "linking", "target": ["urn:a", "urn:b"], "pr:relation": "loves"},
     "link type"),
    ({"motivation": "linking", "target": ["urn:a", "urn:b"], "pr:relation": 7}, "link type"),
    ({"motivation": "replying", "type": "Person", "target": "urn:a"}, "not Annotation"),
    ({"motivation": "replying", "target": "urn:a", "created": "yesterday"}, "ISO date"),
    ("garbage", "JSON object"),
])
def test_bad_replies_and_links_say_why(item: object, why: str) -> None:
    if isinstance(item, dict):
        with pytest.raises(ItemError, match=why):
            decode_record(item)
    else:
        with pytest.raises(ItemError, match=why):
            decode_reply(item)


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
ids = st.text("abcdef0123456789-:", min_size=1, max_size=20).map(lambda s: "urn:" + s)
refs = st.builds(Ref, id=ids, quote=texts, doc_path=texts)
times = st.integers(0, 10_000).map(lambda m: T0 + timedelta(minutes=m))
replies = st.builds(Reply, id=ids, target=refs, author=st.just(ME), created=times,
                    modified=times, text=texts, resolves=st.text("abc0123", max_size=8),
                    deleted=st.booleans())
links = st.builds(Link, id=ids, source=refs, target=refs, relation=st.sampled_from(Relation),
                  author=st.just(ME), created=times, modified=times, note=texts,
                  deleted=st.booleans())


@settings(max_examples=150, deadline=None)
@given(rs=st.lists(st.one_of(replies, links), max_size=6))
def test_the_msgspec_reader_agrees_with_the_general_one_on_remarks(rs: list) -> None:
    raw = encode_collection(ME, [encode_record(r, creator="urn:x") for r in rs], modified=T0)
    fast = fastfile.decode(raw)
    assert fast is not None
    got = fast.records(ME)
    items = json.loads(raw)["first"]["items"]
    try:
        general = [decode_record(i, author=ME) for i in items]
    except ItemError:
        general = None
    if got is not None:
        assert got == general
        assert [r.extra for r in got] == [r.extra for r in general or []]
    def clean(r: Reply | Link) -> bool:
        words = r.text if isinstance(r, Reply) else r.note
        ends_ok = r.target.id != r.id if isinstance(r, Reply) else r.source.id != r.target.id
        return ends_ok and words == words.strip()

    if all(clean(r) for r in rs):  # what the store writes reads back exactly
        assert general == rs


def test_ten_thousand_replies_take_the_fast_path() -> None:
    items = [encode_reply(reply(id=f"urn:uuid:r{i}", text=f"reply {i}"), creator="urn:x")
             for i in range(10_000)]
    fast = fastfile.decode(encode_collection(ME, items, modified=T0))
    assert fast is not None
    got = fast.records(ME)
    assert got is not None and len(got) == 10_000 and got[-1].text == "reply 9999"  # type: ignore[union-attr]


def test_a_file_with_replies_is_version_2_which_older_versions_never_write_over() -> None:
    from reader.annotations.codec import open_container
    from reader.annotations.w3c_terms import FORMAT_VERSION, PLAIN_VERSION

    plain = json.loads(encode_collection(ME, [], modified=T0))
    assert plain["pr:formatVersion"] == PLAIN_VERSION == 1
    talk = json.loads(encode_collection(ME, [encode_record(reply())], modified=T0))
    assert talk["pr:formatVersion"] == FORMAT_VERSION == 2
    # a version-1 reader (the previous release) sees a newer file: read, never written
    assert not open_container(talk).newer
    talk["pr:formatVersion"] = 3
    assert open_container(talk).newer
    raw = encode_collection(ME, [encode_record(reply())], modified=T0)
    assert fastfile.decode(raw) is not None  # version 2 takes the fast path
    assert fastfile.decode(raw.replace(b'"pr:formatVersion": 2', b'"pr:formatVersion": 3')) \
        is None
