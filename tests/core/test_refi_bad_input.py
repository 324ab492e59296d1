"""REFI-QDA import of broken and hostile files: each is refused whole with a message that
says what is wrong (and where), and nothing is written — not in the workspace, not outside
a temporary folder."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reader.errors import AnnotationFileError
from reader.interop.refi import archive, import_refi
from tests.core.refi_fixtures import g, make_workspace, zip_project

TEXT = "Officers may carry naloxone.\n\nThe office will decline to charge possession.\n"


def project(*, codes: str = "", selection: str = "", text_member: bool = True,
            extra_source: str = "") -> tuple[str, dict[str, bytes], str]:
    src, code = g(), g()
    sel = selection or (f'<PlainTextSelection guid="{g()}" startPosition="19" endPosition="27">'
                        f'<Coding guid="{g()}"><CodeRef targetGUID="{code}"/></Coding>'
                        "</PlainTextSelection>")
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Broken" origin="Hand">
 <CodeBook><Codes>{codes or f'<Code guid="{code}" name="Naloxone" isCodable="true"/>'}
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="{src}" name="memo" plainTextPath="internal://{src}.txt">{sel}</TextSource>
  {extra_source}
 </Sources>
</Project>"""
    files = {f"Sources/{src}.txt": TEXT.encode()} if text_member else {}
    return xml, files, code


@pytest.fixture
def ws(tmp_path: Path):  # type: ignore[no-untyped-def]
    return make_workspace(tmp_path / "ws", docs=(), author_id="abcdefabcdef")


def refused(ws, path: Path) -> str:  # type: ignore[no-untyped-def]
    before = sorted(p.relative_to(ws.root) for p in ws.root.rglob("*"))
    with pytest.raises(AnnotationFileError) as info:
        import_refi(ws, path)
    assert sorted(p.relative_to(ws.root) for p in ws.root.rglob("*")) == before
    return str(info.value)


def test_the_good_project_imports(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    xml, files, _ = project()
    out = import_refi(ws, zip_project(tmp_path / "ok.qdpx", xml, files))
    assert out.plan.placed == 1 and out.plan.orphaned == 0


def test_not_a_zip(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "fake.qdpx"
    path.write_bytes(b"%PDF-1.4 this is not a zip archive")
    assert "not a zip archive" in refused(ws, path)
    path.write_bytes(b"")
    assert "not a zip archive" in refused(ws, path)


def test_a_zip_without_a_project(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "empty.qdpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert "holds no project.qde" in refused(ws, path)


def test_a_zip_bomb_is_refused_before_anything_is_inflated(ws, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.qde", b"<" + b" " * (3 * 1024**2))  # 3 MB of spaces, ~3 kB packed
    read = []
    monkeypatch.setattr(archive, "read_member", lambda *a: read.append(a) or b"")
    assert "zip bomb" in refused(ws, path)
    assert read == []


def test_a_lying_size_header_is_caught(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    xml, files, _ = project()
    path = zip_project(tmp_path / "liar.qdpx", xml, files)
    listing = archive.open_listing(path)
    info = listing.members["project.qde"]
    info.file_size = 10  # the header claims less than the data holds
    with pytest.raises(AnnotationFileError, match=r"larger than the archive says|cannot be read"):
        archive.read_member(listing, "project.qde")


@pytest.mark.parametrize("name", ["../evil.txt", "Sources/../../evil.txt", "/etc/evil",
                                  "C:/evil.txt", "..\\evil.txt"])
def test_paths_outside_the_archive_are_refused(ws, tmp_path: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    xml, files, _ = project()
    path = zip_project(tmp_path / "escape.qdpx", xml, {**files, name: b"gotcha"})
    assert "outside the archive" in refused(ws, path)
    assert not (tmp_path / "evil.txt").exists() and not (ws.root.parent / "evil.txt").exists()
    with pytest.raises(AnnotationFileError):
        archive.safe_target(tmp_path / "unpack", name)


def test_xml_that_does_not_validate_says_what_and_where(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    xml, files, _code = project(codes=f'<Code guid="{g()}" name="No codable flag"/>')
    message = refused(ws, zip_project(tmp_path / "invalid.qdpx", xml, files))
    assert "does not follow the REFI-QDA project schema" in message
    assert "line 3" in message and "isCodable" in message
    xml, files, _ = project()
    broken = xml.replace("</Sources>", "")
    message = refused(ws, zip_project(tmp_path / "broken.qdpx", broken, files))
    assert "not well-formed XML" in message and "line" in message


def test_entities_are_not_expanded_and_nothing_is_fetched(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    xml, files, _ = project()
    evil = xml.replace('<?xml version="1.0" encoding="UTF-8"?>',
                       '<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">'
                       '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                       '<!ENTITY ext SYSTEM "http://127.0.0.1:9/x">]>')
    assert "entities" in refused(ws, zip_project(tmp_path / "ent.qdpx", evil, files))


def test_a_selection_beyond_its_source(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sel = f'<PlainTextSelection guid="{g()}" startPosition="40" endPosition="4000"/>'
    xml, files, _ = project(selection=sel)
    message = refused(ws, zip_project(tmp_path / "far.qdpx", xml, files))
    assert "runs from 40 to 4000" in message and f"{len(TEXT)} characters" in message
    assert "source 'memo' (line" in message


def test_a_code_referenced_but_not_defined(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ghost = g()
    sel = (f'<PlainTextSelection guid="{g()}" startPosition="0" endPosition="8"><Coding '
           f'guid="{g()}"><CodeRef targetGUID="{ghost}"/></Coding></PlainTextSelection>')
    xml, files, _ = project(selection=sel)
    message = refused(ws, zip_project(tmp_path / "ghost.qdpx", xml, files))
    assert ghost in message and "does not define" in message


def test_a_source_file_missing_from_the_archive(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    xml, files, _ = project(text_member=False)
    message = refused(ws, zip_project(tmp_path / "missing.qdpx", xml, files))
    assert "source 'memo'" in message and "missing from the archive" in message
    pdf = g()
    xml, files, _ = project(extra_source=f'<PDFSource guid="{pdf}" name="scan.pdf" '
                                         f'path="internal://{pdf}.pdf"/>')
    message = refused(ws, zip_project(tmp_path / "nopdf.qdpx", xml, files))
    assert "'scan.pdf'" in message and "missing from the archive" in message


def test_an_external_text_path_is_not_followed(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    secret = tmp_path / "secret.txt"
    secret.write_text("not to be read")
    xml, files, _ = project()
    xml = xml.replace('plainTextPath="internal://', f'plainTextPath="absolute://{secret}#')
    assert "outside the project" in refused(ws, zip_project(tmp_path / "ext.qdpx", xml, files))


def test_a_garbage_codebook(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "codes.qdc"
    path.write_bytes(b"\x00\xff garbage")
    assert "not well-formed XML" in refused(ws, path)
    path.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>')
    assert "codebook schema" in refused(ws, path)
