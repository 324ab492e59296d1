"""A brief starts on the paper of the person's locale (US Letter in the U.S., Canada and
the other Letter countries, A4 elsewhere), read without Qt; garbage is passed over."""

from __future__ import annotations

import plistlib
from pathlib import Path

import pytest

from reader.export.options import BriefOptions
from reader.export.paper import PageSize, locale_page_size, territory

NOWHERE = Path("/nonexistent/papersize")


def paper(env: dict[str, str], platform: str = "linux", **kw: Path) -> PageSize:
    kw.setdefault("system_file", NOWHERE)
    kw.setdefault("mac_preferences", NOWHERE)
    return locale_page_size(env, platform=platform, **kw)


@pytest.mark.parametrize(("lang", "size"), [
    ("en_US.UTF-8", PageSize.LETTER), ("en_CA.UTF-8", PageSize.LETTER),
    ("fr_CA.UTF-8", PageSize.LETTER), ("es_MX.UTF-8", PageSize.LETTER),
    ("es_PR", PageSize.LETTER), ("fil_PH.UTF-8", PageSize.LETTER),
    ("en-US", PageSize.LETTER), ("es_CO.utf8@euro", PageSize.LETTER),
    ("en_GB.UTF-8", PageSize.A4), ("de_DE.UTF-8", PageSize.A4), ("fr_FR", PageSize.A4),
    ("en_AU.UTF-8", PageSize.A4), ("es_ES.UTF-8", PageSize.A4), ("pt_BR.UTF-8", PageSize.A4),
    ("zh-Hant-TW", PageSize.A4), ("es-419", PageSize.A4),
])
def test_the_locale_chooses_the_paper(lang: str, size: PageSize) -> None:
    assert paper({"LANG": lang}) is size


def test_posix_order_lc_all_then_lc_paper_then_lang() -> None:
    assert paper({"LC_ALL": "de_DE.UTF-8", "LC_PAPER": "en_US.UTF-8",
                  "LANG": "en_US.UTF-8"}) is PageSize.A4
    assert paper({"LC_PAPER": "en_US.UTF-8", "LANG": "en_GB.UTF-8"}) is PageSize.LETTER
    assert paper({"LC_PAPER": "", "LANG": "en_CA.UTF-8"}) is PageSize.LETTER


def test_papersize_variable_wins_and_a_foreign_value_is_passed_over() -> None:
    assert paper({"PAPERSIZE": "a4", "LANG": "en_US.UTF-8"}) is PageSize.A4
    assert paper({"PAPERSIZE": "Letter", "LANG": "de_DE.UTF-8"}) is PageSize.LETTER
    assert paper({"PAPERSIZE": "b5", "LANG": "en_US.UTF-8"}) is PageSize.LETTER


@pytest.mark.parametrize("garbage", ["C", "POSIX", "C.UTF-8", "", "x", "en_", "_US",
                                     "\x00\xff", "en_USA_extra", "../../etc/passwd",
                                     "a" * 10_000])
def test_a_locale_without_a_territory_falls_back_to_a4(garbage: str) -> None:
    assert paper({"LANG": garbage}) is PageSize.A4


def test_the_system_default_paper_is_read_and_garbage_in_it_ignored(tmp_path: Path) -> None:
    system = tmp_path / "papersize"
    system.write_text("# the system's paper\nletter\n")
    assert paper({"LANG": "C.UTF-8"}, system_file=system) is PageSize.LETTER
    assert paper({"LANG": "de_DE"}, system_file=system) is PageSize.A4  # the locale first
    system.write_bytes(b"\xff\xfe\x00garbage")
    assert paper({}, system_file=system) is PageSize.A4
    assert paper({}, system_file=tmp_path) is PageSize.A4  # a folder, not a file


def test_macos_reads_the_region_from_the_global_preferences(tmp_path: Path) -> None:
    prefs = tmp_path / "GlobalPreferences.plist"
    prefs.write_bytes(plistlib.dumps({"AppleLocale": "en_US"}, fmt=plistlib.FMT_BINARY))
    assert paper({}, "darwin", mac_preferences=prefs) is PageSize.LETTER
    prefs.write_bytes(plistlib.dumps({"AppleLocale": "fr_FR"}))
    assert paper({}, "darwin", mac_preferences=prefs) is PageSize.A4
    for junk in (b"", b"not a plist", plistlib.dumps(["a", "list"]),
                 plistlib.dumps({"AppleLocale": 42})):
        prefs.write_bytes(junk)
        assert paper({}, "darwin", mac_preferences=prefs) is PageSize.A4


def test_territories_are_read_from_posix_and_bcp47_names() -> None:
    assert [territory(x) for x in ("en_US.UTF-8", "en-us", "zh_Hant_TW", "es-419", "C")] \
        == ["US", "US", "TW", "419", ""]


def test_a_new_brief_starts_on_the_locale_paper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PAPERSIZE")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_PAPER", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert BriefOptions().page_size is PageSize.LETTER
    assert BriefOptions(page_size="a4").page_size is PageSize.A4  # still choosable
    assert BriefOptions.from_dict({"page_size": "a4"}).page_size is PageSize.A4
    assert BriefOptions.from_dict({"page_size": "tabloid"}).page_size is PageSize.LETTER
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert BriefOptions().page_size is PageSize.A4
