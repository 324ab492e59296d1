"""Decoding text-like files: BOMs, UTF-8, UTF-16, legacy single-byte encodings, binary."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import DamagedFile, DocumentError, FileTooLarge
from reader.extract.encoding import decode_bytes, looks_western, read_limited, read_text_file

SAMPLE = "The office’s “Good Samaritan” rule — see § 4-210 — applies. Café déjà vu."


@pytest.mark.parametrize(("data", "enc"), [
    (SAMPLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
    (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32-le"),
    (SAMPLE.encode("utf-16-le"), "utf-16-le"),  # no BOM: recognised by its NUL bytes
    (SAMPLE.encode("utf-16-be"), "utf-16-be"),
    (SAMPLE.encode("cp1252"), "cp1252"),
])
def test_decodes_common_encodings(data: bytes, enc: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == SAMPLE
    assert decoded.encoding == enc


@pytest.mark.parametrize("text", [
    "“Quoted” § 3",  # very short cp1252: curly quotes and a section sign
    "Señor Muñoz’s café",
    "Overdose deaths fell 12% — a “modest” decline.",
    "§",
    "naïve résumé",
])
def test_short_cp1252_texts_decode_right(text: str) -> None:
    assert decode_bytes(text.encode("cp1252")).text == text


def test_latin1_file_reads_as_cp1252_superset() -> None:
    text = "Ærøskøbing, Ångström and Zoë ± 5°"
    assert decode_bytes(text.encode("latin-1")).text == text


def test_non_western_legacy_encoding_is_detected() -> None:
    text = ("Закон о профилактике передозировок. Статья 1. Лица, вызвавшие скорую помощь, "
            "не привлекаются к ответственности за хранение. ") * 5
    decoded = decode_bytes(text.encode("cp1251"))
    assert decoded.text == text
    assert not looks_western(text.encode("cp1251").decode("cp1252", errors="replace"))


def test_valid_utf8_is_preferred_over_a_declared_charset() -> None:
    data = SAMPLE.encode("utf-8")
    assert decode_bytes(data, declared="windows-1252").text == SAMPLE


def test_declared_charset_is_used_when_bytes_are_not_utf8() -> None:
    text = "Привет, мир"
    assert decode_bytes(text.encode("koi8-r"), declared="koi8-r").text == text
    # a bogus label is ignored, not an error
    assert decode_bytes(SAMPLE.encode("cp1252"), declared="no-such-charset").text == SAMPLE


@pytest.mark.parametrize(("data", "what"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "zip"),
    (b"\x1f\x8b\x08\x00" + bytes(range(200)), "gzip"),
    (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "Office"),
    (b"plain start\x00\x00\x01\x02\x03binary tail" * 10, "binary data"),
])
def test_binary_content_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(DamagedFile, match="does not look like a text file") as err:
        decode_bytes(data, name="notes.txt")
    assert what in str(err.value)
    assert "\n" not in str(err.value)


def test_mostly_control_characters_is_refused() -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 14, 15, 16, 17, 18, 19, 20] * 50)
    with pytest.raises(DamagedFile, match="does not look like a text file"):
        decode_bytes(data)


def test_read_limited_reasons(tmp_path: Path) -> None:
    with pytest.raises(DamagedFile, match="missing"):
        read_limited(tmp_path / "gone.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(DamagedFile, match="empty"):
        read_limited(empty)
    with pytest.raises(DamagedFile, match="folder"):
        read_limited(tmp_path)
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: no need to write 60 MB
        fh.truncate(60 * 1024 * 1024)
    with pytest.raises(FileTooLarge, match="60 MB; text files over 50 MB are not read"):
        read_limited(big)
    small = tmp_path / "small.txt"
    small.write_bytes(b"x" * 5000)
    with pytest.raises(FileTooLarge):
        read_limited(small, limit=4096)
    assert read_limited(small) == b"x" * 5000


def test_read_text_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"))
    decoded = read_text_file(path)
    assert decoded.text == SAMPLE and decoded.bom


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_raise_a_document_error(data: bytes) -> None:
    try:
        first = decode_bytes(data)
    except DocumentError as exc:
        assert str(exc)
        return
    assert isinstance(first.text, str)
    assert decode_bytes(data) == first  # deterministic


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x2FFF,
                                      exclude_categories=("Cs", "Cc")), min_size=1, max_size=200))
def test_any_utf8_text_round_trips(text: str) -> None:
    assert decode_bytes(text.encode("utf-8")).text == text
