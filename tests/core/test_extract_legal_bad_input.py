"""Hostile and broken legislative XML: a DOCTYPE, external entities (file:// and http://),
a billion-laughs expansion, a section without its number, an unknown root element, a file
that is not XML, a 50 MB U.S. Code title, and two files claiming the same section. Each
gets a clear result; nothing is fetched and nothing is lost."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from reader.documents.code_sections import duplicate_sections
from reader.extract.pool import Job, extract_many
from reader.extract.pool_worker import run_job
from reader.model.documents import DocStatus, DocText
from reader.ops.library import refresh
from reader.workspace import Workspace

DC_NS = 'xmlns="https://code.dccouncil.us/schemas/dc-library"'
SECTION = (f"<section {DC_NS}><num>48-961.05</num><heading>Immunity.</heading>"
           "<para><num>(a)</num><text>A person who seeks help is immune.</text></para>"
           "</section>")


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.requests.append(self.path)
        body = b'<!ENTITY leaked "FETCHED-OVER-THE-NETWORK">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A local HTTP server that records every request an extractor would make."""
    _Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _run(path: Path) -> tuple[object, DocStatus, str]:
    result, status, reason, tb = run_job(path, None, 1024)
    assert not tb, tb  # never an extractor bug
    return result, status, reason


def test_a_doctype_naming_a_dtd_is_read_without_loading_it(tmp_path: Path, server: str) -> None:
    path = tmp_path / "48-961.05.xml"
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE section SYSTEM "{server}/dc.dtd">\n'
                    + SECTION, "utf-8")
    result, status, _ = _run(path)
    assert status is DocStatus.OK
    assert result.text.startswith("§ 48-961.05. Immunity.")
    assert any("was not loaded" in w for w in result.warnings)
    # a fetch is synchronous and the server records it before answering: none came
    assert _Recorder.requests == []


@pytest.mark.parametrize("entity", [
    '<!ENTITY secret SYSTEM "file://{secret}">',
    '<!ENTITY secret SYSTEM "{server}/secret">',
    '<!ENTITY % remote SYSTEM "{server}/evil.dtd"> %remote;',
    '<!ENTITY secret "inline text, harmless but still refused">',
], ids=["xxe-file", "xxe-http", "parameter-entity-http", "internal-entity"])
def test_entity_declarations_are_refused_and_nothing_is_read_or_fetched(
        tmp_path: Path, server: str, entity: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", "utf-8")
    path = tmp_path / "xxe.xml"
    doctype = entity.format(secret=secret, server=server)
    path.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE section [{doctype}]>\n'
                    f"<section {DC_NS}><num>1-101</num><heading>&secret;</heading>"
                    "<text>x</text></section>".replace("&secret;", "&secret;"
                                                       if "secret" in entity else ""),
                    "utf-8")
    result, status, reason = _run(path)
    assert result is None and status is DocStatus.UNSUPPORTED
    assert "declares XML entities in its DOCTYPE" in reason
    assert "TOP-SECRET" not in reason
    assert _Recorder.requests == []  # (a fetch would have been recorded before it returned)


def test_billion_laughs_is_refused_fast_within_the_memory_cap(tmp_path: Path) -> None:
    lines = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    lines += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    path = tmp_path / "laughs.xml"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE section [\n' + "\n".join(lines)
                    + f"\n]>\n<section {DC_NS}><num>&lol9;</num></section>", "utf-8")
    results = list(extract_many([Job("laughs", path)], workers=1, memory_mb=256,
                                timeout=30))
    assert len(results) == 1
    r = results[0]
    assert r.status is DocStatus.UNSUPPORTED, r.reason
    assert "declares XML entities" in r.reason and "lol0, lol1, lol2…" in r.reason
    assert r.seconds < 10


def test_a_section_without_num_is_kept_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "unnumbered.xml"
    path.write_text(f"<section {DC_NS}><heading>Drug-checking services.</heading>"
                    "<para><num>(a)</num><text>Services are lawful.</text></para>"
                    "<para><num>(b)</num><text>Results are private.</text></para></section>",
                    "utf-8")
    result, status, _ = _run(path)
    assert status is DocStatus.OK
    assert result.text.startswith("Drug-checking services.\n\n(a) Services are lawful.")
    assert any("has no number (<num>)" in w for w in result.warnings)
    assert result.meta.citation == "" and result.meta.title == "Drug-checking services"
    d = DocText("x", result.text, result.pages, result.sections, result.links)
    assert d.pinpoint(result.text.index("Results are private")) == "(b)"


@pytest.mark.parametrize(("data", "status", "words"), [
    (b'<?xml version="1.0"?><catalog><book id="1"/></catalog>', DocStatus.UNSUPPORTED,
     "XML vocabulary ‹catalog› not known"),
    (f"<section {DC_NS}><num>1-101</num>".encode(), DocStatus.DAMAGED,
     "is not well-formed XML"),
    (b"%PDF-1.7 this is not XML at all", DocStatus.DAMAGED, "is not well-formed XML"),
    (b"   \n", DocStatus.DAMAGED, "empty"),
    (b"\xff\xfe<\x00s\x00", DocStatus.DAMAGED, "XML"),
])
def test_unknown_roots_and_broken_files_get_a_reason(tmp_path: Path, data: bytes,
                                                     status: DocStatus, words: str) -> None:
    path = tmp_path / "odd.xml"
    path.write_bytes(data)
    result, got, reason = _run(path)
    assert result is None and got is status
    assert words in reason and reason.startswith("odd.xml")


def _big_uslm(path: Path, megabytes: int) -> int:
    """A generated U.S. Code title of at least ``megabytes`` MB; returns its sections."""
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write('<uscDoc xmlns="http://xml.house.gov/schemas/uslm/1.0" xmlns:dc="http://purl.'
                'org/dc/elements/1.1/"><meta><dc:title>Title 99—Generated</dc:title>'
                '<docNumber>99</docNumber></meta><main><title><num value="99">Title 99—</num>'
                "<heading>GENERATED</heading>\n")
        while f.tell() < megabytes * 1024 * 1024:
            n += 1
            subs = "".join(
                f'<subsection><num value="{c}">({c})</num><content>Subsection {c} of section '
                f'{n} refers to <ref href="/us/usc/t99/s{n + 1}">section {n + 1}</ref> and '
                "continues for long enough to make a large title for the test.</content>"
                "</subsection>" for c in "abcd")
            f.write(f'<section><num value="{n}">§ {n}.</num><heading> Section {n}</heading>'
                    f'{subs}<sourceCredit>(Pub. L. 119–1, <date date="2025-01-02">Jan. 2, '
                    "2025</date>.)</sourceCredit></section>\n")
        f.write("</title></main></uscDoc>\n")
    return n


@pytest.mark.slow
def test_a_50_mb_uslm_title_is_read_within_the_caps(tmp_path: Path) -> None:
    path = tmp_path / "usc99.xml"
    sections = _big_uslm(path, 50)
    assert path.stat().st_size >= 50 * 1024 * 1024
    results = list(extract_many([Job("big", path)], workers=1))  # default caps: 1024 MB
    r = results[0]
    assert r.status is DocStatus.OK, r.reason
    x = r.extracted
    assert x is not None
    numbered = [s for s in x.sections if s.number.startswith("§")]
    assert len(numbered) == sections
    assert x.meta.citation == "99 U.S.C." and x.meta.date == "2025-01-02"
    assert len(x.links) == sections * 4


def test_two_files_claiming_the_same_section_are_both_kept_and_noted(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    (root / "downloads").mkdir(parents=True)
    (root / "code").mkdir()
    (root / "code" / "48-961.05.xml").write_text(SECTION, "utf-8")
    (root / "downloads" / "48-961.05.xml").write_text(
        SECTION.replace("is immune.", "is immune from arrest."), "utf-8")
    ws = Workspace.open(root)
    refresh(ws, index=False)
    docs = ws.library().documents()
    assert sorted(d.path for d in docs) == ["code/48-961.05.xml", "downloads/48-961.05.xml"]
    assert all(d.status is DocStatus.OK for d in docs)
    dups = duplicate_sections(docs)
    assert [(d.citation, d.paths) for d in dups] == [
        ("D.C. Code § 48-961.05", ("code/48-961.05.xml", "downloads/48-961.05.xml"))]
    assert dups[0].message == ("D.C. Code § 48-961.05 is claimed by 2 files: "
                               "code/48-961.05.xml and downloads/48-961.05.xml")


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "legal_xml"


@pytest.mark.parametrize(("data", "status", "words"), [
    (b"<bill><form><legis-num>H. R. 1</legis-num></form></bill>", DocStatus.DAMAGED,
     "the bill contains no text"),
    (b"<resolution><resolution-body/></resolution>", DocStatus.DAMAGED, "contains no text"),
    (b"<bill><metadata/><legis-body><section><enum/><header/><quoted-block/>"
     b"<after-quoted-block>.</after-quoted-block></section></legis-body></bill>",
     DocStatus.DAMAGED, "contains no text"),
    (b"<bill><legis-body><section><enum>1.</enum><quoted-block><quoted-block><section><enum>"
     b"(a)</enum><text>x</text></section></quoted-block></quoted-block></section></legis-body>"
     b"</bill>", DocStatus.OK, "x"),
    (b'<bill><legis-body><section id="s"><text><internal-xref idref="nowhere">here'
     b'</internal-xref> <external-xref legal-doc="usc" parsable-cite="usc">there'
     b"</external-xref></text></section></legis-body></bill>", DocStatus.OK, "here there"),
    (b'<akomaNtoso xmlns="http://www.akomantoso.org/2.0"><act><body><blockList><item>'
     b"<num>(a)</num></item></blockList></body></act></akomaNtoso>", DocStatus.OK, "(a)"),
    (b'<akomaNtoso xmlns="http://www.akomantoso.org/2.0"/>', DocStatus.DAMAGED,
     "holds no document"),
])
def test_odd_bills_and_acts_get_a_result(tmp_path: Path, data: bytes, status: DocStatus,
                                         words: str) -> None:
    path = tmp_path / "odd.xml"
    path.write_bytes(data)
    result, got, reason = _run(path)
    assert got is status, reason
    assert words in (result.text if result is not None else reason)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.rglob("*.xml")))
def test_mangled_real_shapes_never_raise_anything_but_a_reader_error(tmp_path: Path,
                                                                     name: str) -> None:
    """Each fixture cut short, stripped of elements, its text and attributes replaced at
    random (seeded): the result is a document or a reason, never an extractor bug."""
    import random

    import lxml.etree as etree

    source = next(FIXTURES.rglob(name)).read_bytes()
    rng = random.Random(name)
    path = tmp_path / name
    for i in range(40):
        if i % 4 == 0:  # cut short: not well-formed
            path.write_bytes(source[: rng.randrange(1, len(source))])
        else:
            root = etree.fromstring(source, etree.XMLParser(resolve_entities=False))
            elements = [e for e in root.iter() if isinstance(e.tag, str) and e is not root]
            for el in rng.sample(elements, k=min(len(elements), rng.randrange(1, 12))):
                action = rng.randrange(4)
                parent = el.getparent()
                if action == 0 and parent is not None:
                    parent.remove(el)
                elif action == 1:
                    el.text = rng.choice(["", " ", "§", "(", "—", "\u200b", "1.", "x" * 300])
                elif action == 2:
                    for attr in list(el.attrib):
                        el.set(attr, rng.choice(["", "#", "/us/usc/t", "|||", "§|(a)", "9999"]))
                elif parent is not None:  # moved under another element, or its own child
                    target = rng.choice(elements)
                    if el not in target.iterancestors() and target is not el:
                        target.append(el)
            path.write_bytes(etree.tostring(root))
        _run(path)  # asserts no traceback
