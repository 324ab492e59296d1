"""Plain-text extraction: encodings, sections, metadata, bad input."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.errors import DamagedFile, FileTooLarge
from reader.extract import text as text_extractor
from reader.extract.registry import extract_file
from reader.model.documents import DocText
from tests.core.formats_fixtures import FIXTURES, check_deterministic

TEXT = FIXTURES / "text"


@pytest.mark.parametrize("name", sorted(p.name for p in TEXT.glob("*.txt")))
def test_every_text_fixture_is_normalised_and_deterministic(name: str) -> None:
    check_deterministic(text_extractor.extract, TEXT / name)


def test_statute_sections_pinpoints_and_meta() -> None:
    x = extract_file(TEXT / "overdose_immunity_act.txt")
    doc = DocText("id", x.text, x.pages, x.sections)
    assert doc.pinpoint(x.text.index("possession of drug paraphernalia")) == "§ 3(a)(2)"
    assert doc.pinpoint(x.text.index("admissibility of evidence")) == "§ 3(c)"
    assert doc.pinpoint(x.text.index("Seeks emergency help.")) == "§ 2(a)"
    assert x.meta.kind == "statute"
    assert x.meta.title == "Overdose Emergency Immunity Act"
    assert x.meta.jurisdiction == "PA"
    assert x.meta.date == "2022-06-14"
    assert x.warnings == ()


def test_cp1252_memo_decodes_and_reads_as_memo() -> None:
    x = extract_file(TEXT / "naloxone_memo_cp1252.txt")
    assert "“Good Samaritan”" in x.text
    assert "§ 2925.11(B)(2)" in x.text
    assert "Ngúyen" in x.text and "office’s" in x.text and "Café" in x.text
    assert "\r" not in x.text
    assert x.meta.kind == "memo"
    assert x.meta.title == "Naloxone carried by investigators and the “Good Samaritan” rule"
    assert x.meta.date == "2022-03-15"
    assert x.meta.jurisdiction == "Marlowe County, OH"
    assert [s.title for s in x.sections] == ["I. BACKGROUND", "II. POLICY", "III. QUESTIONS"]
    assert any("cp1252" in w for w in x.warnings)


def test_utf16_report() -> None:
    x = extract_file(TEXT / "drug_checking_report_utf16.txt")
    assert "Résumés" in x.text
    assert x.meta.kind == "report"
    assert x.meta.title == "Drug Checking in Practice: A Two-Year Evaluation"
    assert x.meta.date == "2023-09"
    assert "EXECUTIVE SUMMARY" in [s.title for s in x.sections]


@pytest.mark.parametrize("data", [
    "Notes on the meeting — “harm reduction” § 3.".encode(),
    codecs.BOM_UTF8 + "Notes on the meeting — “harm reduction” § 3.".encode(),
    codecs.BOM_UTF16_BE + "Notes on the meeting — “harm reduction” § 3.".encode("utf-16-be"),
    "Notes on the meeting — “harm reduction” § 3.".encode("cp1252"),
])
def test_same_text_whatever_the_encoding(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    assert extract_file(path).text == "Notes on the meeting — “harm reduction” § 3."


def test_line_endings_and_spacing_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"  Title line  \r\n\r\n\r\n\r\nBody\ttext\xc2\xa0here.\r\nNext line.\r\n")
    x = extract_file(path)
    assert x.text == "Title line\n\nBody text here.\nNext line."


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"   \r\n\t\n  ", "contains no text"),
    (b"\x00\x01\x02\x03binary\x00junk" * 20, "does not look like a text file"),
    (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n", "looks like a PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
])
def test_bad_text_files(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(DamagedFile, match=reason) as err:
        extract_file(path)
    assert str(err.value).startswith("bad.txt: ")
    assert "\n" not in str(err.value)


def test_missing_and_huge_files(tmp_path: Path) -> None:
    with pytest.raises(DamagedFile, match="missing"):
        extract_file(tmp_path / "nope.txt")
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse 200 MB file: refused before reading
    with pytest.raises(FileTooLarge, match="200 MB"):
        extract_file(huge)


_DIGEST_SCRIPT = """
import hashlib, json, sys
from pathlib import Path
from reader.extract.registry import extract_file
out = {}
for name in sys.argv[1:]:
    x = extract_file(Path(name))
    blob = repr((x.text, x.sections, x.meta, x.pages)).encode("utf-8")
    out[name] = hashlib.sha256(blob).hexdigest()
print(json.dumps(out))
"""


def test_same_output_in_other_processes() -> None:
    """Byte-for-byte the same text, sections and metadata whatever the hash seed."""
    import hashlib
    import json
    import os
    import subprocess
    import sys

    files = [str(p) for sub in ("text", "markdown", "html", "docx")
             for p in sorted((FIXTURES / sub).iterdir()) if p.suffix != ".py"]
    here = {}
    for name in files:
        x = extract_file(Path(name))
        here[name] = hashlib.sha256(
            repr((x.text, x.sections, x.meta, x.pages)).encode("utf-8")).hexdigest()
    for seed in ("4242",):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _DIGEST_SCRIPT, *files], env=env,
                             capture_output=True, text=True, timeout=120, check=True)
        assert json.loads(run.stdout) == here
