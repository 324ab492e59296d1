"""Fictional legal prose for the fidelity fixtures: sentences about invented appeals, invented
cases to cite (with reporter citations), hyphenated compounds sprinkled through the text.

Every name, fact and citation here is made up. Reporter citations have the shapes of real
ones ("556 U.S. 332", "129 S. Ct. 1710", "852 P.2d 729") but cite invented cases.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

SURNAMES = [
    "Ashworth", "Brannigan", "Castellan", "Delacroix", "Easterly", "Fairbanks", "Galloway",
    "Hartigan", "Iverson", "Jessup", "Kilbride", "Lattimore", "Merriweather", "Northcutt",
    "Ogilvie", "Pendergast", "Quarles", "Rutledge", "Stanhope", "Thornbury", "Underhill",
    "Valdivia", "Whitcombe", "Yardley", "Zamora", "Abernethy", "Birchfield", "Crandall",
    "Dunmore", "Ellery", "Fenwick", "Gresham", "Holloway", "Ingersoll", "Kettering",
    "Lowther", "Mabry", "Nettles", "Oakes", "Prewitt", "Rainsford", "Sayles", "Tolliver",
    "Upshaw", "Vickery", "Wendover", "Axtell", "Boyce", "Carrow", "Dorsey", "Eckhart",
]
GIVEN = ["Darnell", "Samuel", "Marisol", "Tomas", "Keisha", "Gordon", "Alondra", "Wendell",
         "Priya", "Harold", "Lucinda", "Reginald", "Yvette", "Ignacio", "Beatrix", "Curtis"]
REPORTERS_FED = ["U.S.", "S. Ct.", "F.3d", "F.4th", "F.3d", "F. Supp. 3d", "F.2d"]
REPORTERS_STATE = ["P.3d", "N.E.3d", "A.3d", "So. 3d", "N.W.2d", "S.E.2d", "S.W.3d", "P.2d"]
CIRCUITS = ["1st Cir.", "2d Cir.", "3d Cir.", "4th Cir.", "5th Cir.", "6th Cir.", "7th Cir.",
            "8th Cir.", "9th Cir.", "10th Cir.", "11th Cir.", "D.C. Cir."]
STATE_COURTS = ["Ariz.", "Colo.", "Ill.", "Mass.", "Minn.", "N.J.", "Ohio", "Or.", "Wash.",
                "Iowa", "Kan.", "Tenn. Crim. App.", "Tex. Crim. App.", "Mich. Ct. App."]

COMPOUNDS = [
    "out-of-state", "well-known", "12-step", "so-called", "long-standing", "case-by-case",
    "court-appointed", "drug-free", "first-degree", "cross-examination", "post-conviction",
    "self-incrimination", "near-fatal", "co-defendant", "three-judge", "non-violent",
    "twenty-four-hour", "plain-view", "fact-finder", "hand-to-hand", "high-crime",
    "follow-up", "pre-existing", "stop-and-frisk", "second-hand", "clear-error",
]


@dataclass(frozen=True)
class Case:
    name: str
    cite: str  # "556 U.S. 332"
    court: str  # "" for the Supreme Court, else "9th Cir." / "Ariz."
    year: int

    def full(self, pin: int | None = None) -> str:
        rep_page = self.cite.rsplit(" ", 1)[1]
        pin_s = f", {int(rep_page) + pin}" if pin and "," not in self.cite else ""
        paren = f"({self.court} {self.year})" if self.court else f"({self.year})"
        return f"{self.name}, {self.cite}{pin_s} {paren}"


def _year(rep: str, vol: int, rng: random.Random) -> int:
    """A year that fits the reporter volume, roughly."""
    if rep == "U.S.":
        return 1970 + (vol - 400) * 39 // 156
    if rep == "S. Ct.":
        return 1880 + vol
    if rep == "F.2d":
        return 1925 + vol * 68 // 999
    if rep == "F.3d":
        return 1993 + vol * 28 // 999
    if rep == "F.4th":
        return 2021 + vol // 400
    return rng.randint(1975, 2018)


def cases(rng: random.Random, n: int, *, fixed: list[Case] | None = None) -> list[Case]:
    out = list(fixed or [])
    used = {c.name for c in out}
    while len(out) < n:
        a, b = rng.sample(SURNAMES, 2)
        kind = rng.random()
        if kind < 0.3:
            name, court, rep = f"United States v. {a}", rng.choice(CIRCUITS), rng.choice(
                ["F.3d", "F.4th", "F.2d"])
        elif kind < 0.55:
            name, court, rep = f"{a} v. {b}", "", rng.choice(["U.S.", "S. Ct."])
        elif kind < 0.8:
            name, court, rep = f"State v. {a}", rng.choice(STATE_COURTS), rng.choice(
                REPORTERS_STATE)
        else:
            name, court, rep = f"{a} v. {b}", rng.choice(CIRCUITS), rng.choice(
                ["F.3d", "F.2d", "F.4th"])
        if name in used:
            continue
        used.add(name)
        vol = rng.randint(300, 590) if rep == "U.S." else rng.randint(100, 999)
        if rep == "S. Ct.":
            vol = rng.randint(95, 140)
        year = _year(rep, vol, rng)
        out.append(Case(name, f"{vol} {rep} {rng.randint(100, 1400)}", court, year))
    return out


#: Sentence templates. {d} the appellant's surname, {g} the prosecuting party, {c} the cited
#: case (full citation), {n} a number, {o} an officer, {t} a town.
TEMPLATES = [
    "Officer {o} testified that he saw {d} standing near a parked car with out-of-state "
    "plates in a high-crime area shortly after midnight.",
    "The district court found that the officers had reasonable suspicion to approach, and we "
    "review that finding for clear error. See {c}.",
    "{d} argues that the search of the glove compartment exceeded the scope of any consent he "
    "gave, because he agreed only to a look at the trunk.",
    "We are not persuaded. The record shows that {d} opened the passenger door himself and "
    "told the officer to go ahead.",
    "The so-called bright-line rule the government asks us to adopt would sweep far beyond "
    "the facts of this case, and we decline to reach it.",
    "At the suppression hearing the court heard from two officers and from {d}'s "
    "co-defendant, whose account it found less credible after a long cross-examination.",
    "A search incident to arrest may extend only to the area within the arrestee's immediate "
    "control. {c}.",
    "The government bears the burden of proving that an exception to the warrant requirement "
    "applies. {c}.",
    "In the months before his arrest {d} had completed a 12-step program and was living in a "
    "drug-free halfway house in {t}.",
    "The probation officer recommended a sentence at the bottom of the guidelines range, "
    "noting {d}'s {n} years without a conviction and his long-standing employment.",
    "Because {d} did not object at sentencing, we review only for plain error. {c}.",
    "The jury deliberated for {n} hours before returning its verdict on the first-degree "
    "count.",
    "{g} concedes that the officers never obtained a warrant, but contends that the "
    "plain-view exception applies to what they found.",
    "That argument misreads our precedent, which asks what a reasonable officer would have "
    "understood at the moment of the stop. {c}.",
    "Nothing in the record suggests that the informant was well-known to the officers or "
    "that his tips had proved reliable before.",
    "We have repeatedly said that reasonable suspicion is a case-by-case inquiry that cannot "
    "be reduced to a checklist. {c}.",
    "The court also admitted, over objection, a statement that {d} made in the back of the "
    "patrol car before he was advised of his privilege against self-incrimination.",
    "Any error in admitting that statement was harmless, since the same facts came in "
    "through the testimony of Officer {o} on cross-examination.",
    "{d} was {n} years old at the time and had no prior felony convictions.",
    "On appeal {d} raises three issues, which we take in the order in which the district "
    "court decided them.",
    "The indictment charged {d} with possession with intent to distribute and with a "
    "firearm offense arising from the same search.",
    "We review the denial of a motion to suppress de novo as to the law and for clear error "
    "as to the facts. {c}.",
    "The officers found a digital scale, {n} small bags and a quantity of cash in a "
    "shoebox under the bed.",
    "Counsel for {d} conceded at argument that the pre-existing-condition theory was not "
    "presented to the district court in so many words.",
    "We therefore consider it forfeited, and we see no reason to exercise our discretion to "
    "reach it. {c}.",
    "The statute does not define the term, so we give it its ordinary meaning at the time "
    "of enactment. {c}.",
    "Read in context, the provision reaches conduct that is knowing, not merely negligent, "
    "and the instruction given to the fact-finder here said as much.",
    "The district court carefully explained why a sentence within the range was sufficient "
    "but not greater than necessary.",
    "{d}'s remaining arguments do not require extended discussion; we have considered them "
    "and find them without merit.",
    "A warrantless search of a home is presumptively unreasonable, and the exceptions to "
    "that rule are few and carefully drawn. {c}.",
    "The officers knocked, announced themselves and waited about {n} seconds before they "
    "forced the door.",
    "Neither party disputes that the encounter became a seizure once Officer {o} took {d}'s "
    "identification card back to the cruiser.",
    "By then the officers had learned of an out-of-state warrant for a man of the same name, "
    "which later turned out to be for someone else.",
    "The good-faith exception does not save a search that rests on the officers' own "
    "recordkeeping errors. {c}.",
    "We reach a different conclusion on the two-level enhancement, which the district court "
    "applied without making the findings our cases require.",
    "Whether a prior conviction counts as a crime of violence is a question of law that we "
    "decide without deference. {c}.",
    "The government's evidence of intent rested almost entirely on the quantity of drugs, "
    "which was consistent with personal use by a long-term user.",
    "The court-appointed expert explained that people who use drugs daily often buy in "
    "bulk to avoid repeated hand-to-hand sales.",
    "The jury was entitled to credit that testimony, and we do not reweigh the evidence on "
    "appeal. {c}.",
    "The district court's findings on this point were thorough, and {d} identifies nothing "
    "in the record that undermines them.",
    "A near-fatal overdose in the apartment the week before had prompted a follow-up visit "
    "from the county's twenty-four-hour crisis team.",
    "The post-conviction court rejected the claim without a hearing, reasoning that trial "
    "counsel's choice was a well-considered one.",
    "Officer {o} explained that the department's stop-and-frisk training had not changed in "
    "{n} years.",
]

OFFICERS = ["Okafor", "Lindqvist", "Perales", "Haddad", "Brennan", "Tsosie", "McCready",
            "Varga", "Oyelaran", "Szabo"]
TOWNS = ["Caliza", "Fenmore", "Riverton", "Marion Flats", "Harlow", "Brannock", "Alder Falls"]


_SHE = {"he": "she", "his": "her", "him": "her", "himself": "herself", "He": "She",
        "His": "Her"}


def _articles(text: str) -> str:
    """"a out-of-state" → "an out-of-state", "an well-known" → "a well-known"."""
    def fix(m: re.Match[str]) -> str:
        art, word = m.group(1), m.group(2)
        an = word[:1].lower() in "aeio"
        want = ("An" if an else "A") if art[0] == "A" else ("an" if an else "a")
        return f"{want} {word}"
    return re.sub(r"\b(a|an|A|An) ([\w-]+)", fix, text)


class Writer:
    """Composes paragraphs from the templates without repeating a sentence in a document."""

    def __init__(self, seed: int, defendant: str, government: str, cited: list[Case], *,
                 she: bool = False) -> None:
        self.she = she
        self.rng = random.Random(seed)
        self.d, self.g = defendant, government
        self.cited = list(cited)
        self.order = list(range(len(TEMPLATES)))
        self.rng.shuffle(self.order)
        self.next = 0
        self.ci = 0

    def _cite(self) -> str:
        case = self.cited[self.ci % len(self.cited)]
        self.ci += 1
        return case.full(self.rng.choice([None, 3, 7, 11]))

    def sentence(self) -> str:
        if self.next >= len(self.order):
            self.rng.shuffle(self.order)
            self.next = 0
        t = TEMPLATES[self.order[self.next]]
        self.next += 1
        out = t.format(d=self.d, g=self.g, c="{c}", n=self.rng.randint(3, 41),
                       o=self.rng.choice(OFFICERS), t=self.rng.choice(TOWNS))
        while "{c}" in out:
            out = out.replace("{c}", self._cite(), 1)
        if out[0].islower():
            out = out[0].upper() + out[1:]
        if self.she:
            out = re.sub(r"\b(he|his|him|himself|He|His)\b", lambda m: _SHE[m.group(1)], out)
        return _articles(out)

    def paragraph(self, n: int | None = None) -> str:
        n = n or self.rng.randint(3, 6)
        return " ".join(self.sentence() for _ in range(n))
