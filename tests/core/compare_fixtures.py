"""A small workspace for the comparison tests: four documents (three DA memos, a statute)
with metadata, and two fictional annotators' highlights (themes, stances, an overlap)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.model.documents import DocMeta
from reader.workspace import Workspace
from tests.core.annotations_fixtures import FakeLibrary, make_workspace, settings_for

ALDER = ("Alder County District Attorney. The office will decline to file possession "
         "charges. Officers are encouraged to carry naloxone on every shift. People who call "
         "911 will not be charged. Treatment is voluntary and never a condition of release.")
BRENNAN = ("Brennan County Prosecuting Attorney. Proof of treatment will no longer be "
           "required. Relapse is not a reason for jail. Drug court remains available to "
           "people who choose it.")
TOLLIVER = ("Tolliver County District Attorney. Overdose scenes are medical emergencies. "
            "Drug-induced homicide charges require the approval of the District Attorney.")
STATUTE = ("Section 4. A person who seeks medical help for an overdose shall not be charged "
           "with possession. Pharmacies may dispense naloxone under a standing order.")

META = {
    "memos/alder.txt": DocMeta(title="Alder declination memo", kind="memo",
                               author="Alder County District Attorney",
                               date="2020-01-21", jurisdiction="Alder County, PA"),
    "memos/brennan.txt": DocMeta(title="Brennan directive", kind="memo",
                                 author="Brennan County Prosecuting Attorney",
                                 date="2023-05-15", jurisdiction="Brennan County, MI"),
    "memos/tolliver.txt": DocMeta(title="Tolliver scene policy", kind="memo",
                                  author="Tolliver County District Attorney", date="2021-10",
                                  jurisdiction="Tolliver County, NM"),
    "statutes/pa-act.txt": DocMeta(title="PA Overdose Response Act", kind="statute",
                                   author="General Assembly", date="2018",
                                   jurisdiction="PA"),
}
TEXTS = {"memos/alder.txt": ALDER, "memos/brennan.txt": BRENNAN,
         "memos/tolliver.txt": TOLLIVER, "statutes/pa-act.txt": STATUTE}

#: (path, words, themes, stance, who)
MARKS = [
    ("memos/alder.txt", "decline to file possession charges", ["non-prosecution-possession"],
     "supports", "maria"),
    ("memos/alder.txt", "carry naloxone on every shift", ["naloxone"], "supports", "maria"),
    ("memos/alder.txt", "carry naloxone on every shift", ["naloxone", "overdose-response"],
     "neutral", "dev"),
    ("memos/alder.txt", "call 911 will not be charged", ["good-samaritan"], None, "dev"),
    ("memos/alder.txt", "never a condition of release", ["voluntary-treatment"], "supports",
     "maria"),
    ("memos/brennan.txt", "Proof of treatment will no longer be required",
     ["proof-of-treatment"], "supports", "maria"),
    ("memos/brennan.txt", "Drug court remains available", ["drug-courts"], "opposes", "dev"),
    ("memos/tolliver.txt", "Drug-induced homicide charges", ["drug-induced-homicide"],
     "opposes", "maria"),
    ("statutes/pa-act.txt", "shall not be charged", ["good-samaritan"], "supports", "dev"),
    ("statutes/pa-act.txt", "Pharmacies may dispense naloxone", [], None, "maria"),
]


def library() -> FakeLibrary:
    lib = FakeLibrary()
    for path, text in TEXTS.items():
        doc = lib.add(path, text)
        lib.docs[doc.id] = replace(doc, meta=META[path])
    return lib


def make_spaces(tmp_path: Path) -> dict[str, Workspace]:
    lib = library()
    out = {"maria": make_workspace(tmp_path / "ws", lib, settings_for(
        tmp_path / "m.json", "maria01", "Maria")),
           "dev": make_workspace(tmp_path / "ws", lib, settings_for(
               tmp_path / "d.json", "dev02", "Dev"))}
    docs = {d.path: d for d in lib.documents()}
    for path, words, themes, stance, who in MARKS:
        i = TEXTS[path].index(words)
        out[who].annotations().create(docs[path].id, i, i + len(words), themes=themes,
                                      stance=stance)
    for ws in out.values():
        ws.annotations().save()
    out["maria"].annotations().reload()
    return out
