"""Hand-built inputs for brief tests: fictional documents (paged and unpaged, with statute
sections), a small taxonomy, and highlights by two annotators. No workspace needed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.model.annotations import (
    Anchor,
    AnchorStatus,
    Author,
    Highlight,
    Placed,
    Stance,
    TextQuote,
    Theme,
)
from reader.model.documents import DocMeta, DocStatus, DocText, Document, Page, Section

MARIA = Author("author-maria", "María Ortega")
JONAH = Author("author-jonah", "Jonah Whitcombe")
T0 = dt.datetime(2024, 5, 2, 15, 30, tzinfo=dt.UTC)

TAXONOMY = (
    Theme("decrim", "Decriminalization and declination", "#e57373",
          "Non-prosecution of possession, charging policies, promises against practice.",
          None, 0),
    Theme("decrim-charging", "Charging policies", "#e57373",
          "Written rules on which charges are filed or declined.", "decrim", 0),
    Theme("diversion", "Diversion and deflection", "#64b5f6",
          "Pre-arrest diversion, pre-booking, referrals instead of arrest.", None, 1),
    Theme("overdose", "Overdose response", "#81c784",
          "Good Samaritan / 911 immunity, naloxone access, drug-induced homicide.", None, 2),
    Theme("treatment", "Treatment and coercion", "#ffb74d",
          "Drug courts, mandated treatment, proof-of-treatment conditions.", None, 3),
    Theme("equity", "Racial equity", "#ba68c8", "Disparities in enforcement and outcomes.",
          None, 4),
    Theme("voices", "Voices of people who use drugs", "#4db6ac",
          "Participation, lived experience, autonomy.", None, 5),
)


@dataclass
class Fixture:
    documents: dict[str, Document] = field(default_factory=dict)
    texts: dict[str, DocText] = field(default_factory=dict)
    placed: list[Placed] = field(default_factory=list)
    taxonomy: tuple[Theme, ...] = TAXONOMY

    def text(self, doc_id: str) -> DocText:
        return self.texts[doc_id]

    def add_doc(self, doc_id: str, path: str, meta: DocMeta, pages: Sequence[Sequence[str]],
                *, labels: Sequence[str] = (), paged: bool = True) -> Document:
        """``pages``: a list of pages, each a list of paragraphs. Paragraphs that start with
        "§" open a section (level 1; "(a)"-style ones are level 2)."""
        chunks: list[str] = []
        page_objs: list[Page] = []
        offset = 0
        heads: list[tuple[int, str, int, str]] = []  # start, number, level, title
        for i, paras in enumerate(pages):
            start = offset
            body = "\n\n".join(paras)
            for para in paras:
                pos = body.index(para)
                if para.startswith("§"):
                    number = para.split(".")[0].split(" ", 2)
                    heads.append((start + pos, " ".join(number[:2]), 1, para))
                elif para.startswith("(") and ")" in para[:4]:
                    heads.append((start + pos, para[:para.index(")") + 1], 2, para[:40]))
            chunks.append(body)
            offset += len(body)
            label = labels[i] if i < len(labels) else (str(i + 1) if paged else "")
            page_objs.append(Page(i + 1, start, offset, label))
            offset += 2
        text = "\n\n".join(chunks)
        sections: list[Section] = []
        for j, (start, number, level, title) in enumerate(heads):
            end = len(text)
            for later in heads[j + 1:]:
                if later[2] <= level:
                    end = later[0]
                    break
            sections.append(Section(title, level, start, end, number))
        doc = Document(doc_id, path, "pdf" if paged else "html", len(text), 0, DocStatus.OK,
                       meta=meta, pages=len(page_objs), chars=len(text), paged=paged)
        self.documents[doc_id] = doc
        self.texts[doc_id] = DocText(doc_id, text, tuple(page_objs), tuple(sections))
        return doc

    def highlight(self, doc_id: str, exact: str, *, themes: Sequence[str] = (),
                  stance: Stance | None = None, note: str = "", author: Author = MARIA,
                  created: dt.datetime = T0, status: AnchorStatus = AnchorStatus.ANCHORED,
                  occurrence: int = 0) -> Placed:
        text = self.texts[doc_id]
        start = -1
        for _ in range(occurrence + 1):
            start = text.text.index(exact, start + 1)
        end = start + len(exact)
        n = len(self.placed)
        page = text.page_at(start)
        h = Highlight(id=f"urn:uuid:00000000-0000-4000-8000-{n:012d}", doc_id=doc_id,
                      doc_path=self.documents[doc_id].path, start=start, end=end,
                      quote=TextQuote(exact, text.text[max(0, start - 32):start],
                                      text.text[end:end + 32]),
                      author=author, created=created, modified=created,
                      page=page.cite_label if page else "", themes=tuple(themes),
                      stance=stance, note=note)
        if status is AnchorStatus.ORPHANED:
            anchor = Anchor(status)
        else:
            anchor = Anchor(status, start, end, page.cite_label if page else "",
                            text.pinpoint(start), doc_id)
        placed = Placed(h, anchor)
        self.placed.append(placed)
        return placed


MEMO_P1 = [
    "Office of the District Attorney — Lakeview County",
    "Charging Policy on Possession of Controlled Substances",
    "§ 1. Purpose. This memorandum sets out how the Office will handle cases in which the "
    "only charge is possession of a controlled substance for personal use.",
    "§ 2. Declination. Assistant district attorneys shall decline to file charges for "
    "simple possession when no other offense is alleged.",
]
MEMO_P2 = [
    "(a) The declination applies to possession of any amount consistent with personal use, "
    "including residue in paraphernalia.",
    "(b) Where a person is found with naloxone or sterile supplies, those items shall not be "
    "cited as evidence of intent to distribute.",
    "§ 3. Exceptions. The Office will still prosecute possession when the person is on "
    "supervised release for a violent offense — a narrow exception the Office will review "
    "each quarter.",
]
MEMO_P3 = [
    "§ 4. Referral. Officers are encouraged to refer people to the “Bridge” program rather "
    "than arrest; participation is voluntary and no proof of treatment is required.",
    "§ 5. Data. The Office will publish declination figures by race and neighborhood "
    "every six months, beginning in the first quarter of 2022.",
]
STATUTE = [
    "§ 42-101. Immunity for persons seeking medical assistance.",
    "(a) A person who in good faith calls 911 or seeks medical help for another person "
    "experiencing a drug overdose shall not be charged or prosecuted for possession.",
    "(b) The immunity in subsection (a) extends to the person experiencing the overdose.",
    "§ 42-102. Naloxone. A pharmacist may dispense naloxone without a prescription to any "
    "person; a person acting in good faith who administers naloxone is immune from civil "
    "liability.",
]
ARTICLE = [
    "A year after the memo, fewer cases — and a fragile trust",
    "Outside the courthouse, Renée, who has used heroin for nine years, said she no longer "
    "runs when she sees a patrol car. “Nobody told us what changed,” she said. “We had to "
    "find out ourselves.”",
    "Prosecutors declined 1,204 possession cases in the first year, according to the "
    "Office’s own figures; critics said the policy “invites disorder” downtown.",
    "Police union officials argued that without the threat of charges, people would not "
    "enter treatment, a claim researchers disputed.",
]
REPORT_I = ["Executive summary",
            "Pre-arrest diversion reduced re-arrest for participants by a third over two "
            "years, at lower cost than prosecution."]
REPORT_1 = ["1. Findings",
            "Black residents were 3.1 times as likely as white residents to be arrested for "
            "possession in 2019, although surveys show similar rates of use.",
            "Participants valued case managers who had lived experience of drug use; several "
            "said it was the first time a program asked what they wanted."]
REPORT_2 = ["2. Recommendations",
            "Coercive conditions — mandatory abstinence, proof of treatment — were associated "
            "with higher dropout and should be removed from diversion agreements."]


def sample() -> Fixture:
    """Four documents, seven themes, 14 highlights (one orphaned) by two annotators."""
    f = Fixture()
    f.add_doc("d-memo", "memos/lakeview-2021.pdf", DocMeta(
        title="Charging Policy on Possession of Controlled Substances", kind="memo",
        author="Lakeview County District Attorney’s Office", date="2021-03-03",
        jurisdiction="Lakeview County"), [MEMO_P1, MEMO_P2, MEMO_P3])
    f.add_doc("d-statute", "statutes/good-samaritan.txt", DocMeta(
        title="Overdose Good Samaritan Act", kind="statute", author="State Legislature",
        date="2017", citation="Lkv. Stat. §§ 42-101–42-102"), [STATUTE], paged=False)
    f.add_doc("d-article", "articles/ledger-2022.html", DocMeta(
        title="A year after the memo, fewer cases — and a fragile trust", kind="article",
        author="Dana Whitfield", site="The Lakeview Ledger", date="2022-06-14",
        source_url="https://ledger.example/2022/06/memo"), [ARTICLE], paged=False)
    f.add_doc("d-report", "reports/diversion-eval.pdf", DocMeta(
        title="Evaluating Pre-Arrest Diversion in Lakeview", kind="report",
        author="Harbor Policy Institute", date="2020-11"),
        [REPORT_I, REPORT_1, REPORT_2], labels=["ii", "1", "2"])
    h = f.highlight
    h("d-memo", "Assistant district attorneys shall decline to file charges for simple "
      "possession when no other offense is alleged.", themes=["decrim-charging"],
      stance=Stance.SUPPORTS, note="The core promise — **hold them to it**.")
    h("d-memo", "including residue in paraphernalia", themes=["decrim-charging"],
      stance=Stance.SUPPORTS, author=JONAH)
    h("d-memo", "those items shall not be cited as evidence of intent to distribute",
      themes=["overdose", "decrim"], stance=Stance.SUPPORTS,
      note="Naloxone ≠ evidence. Ask about training 🙂")
    h("d-memo", "The Office will still prosecute possession when the person is on "
      "supervised release for a violent offense — a narrow exception the Office will "
      "review each quarter.", themes=["decrim"], stance=Stance.OPPOSES,
      note="Ask how many cases fall under this exception.\n\n- by quarter\n- by race")
    h("d-memo", "participation is voluntary and no proof of treatment is required",
      themes=["treatment", "diversion"], stance=Stance.SUPPORTS, author=JONAH)
    h("d-memo", "publish declination figures by race and neighborhood", themes=["equity"],
      stance=None, note="Jonah Whitcombe checked: not published yet.")
    h("d-statute", "shall not be charged or prosecuted for possession", themes=["overdose"],
      stance=Stance.SUPPORTS)
    h("d-statute", "a person acting in good faith who administers naloxone is immune from "
      "civil liability", themes=["overdose"], stance=Stance.SUPPORTS, author=JONAH)
    h("d-article", "“Nobody told us what changed,” she said. “We had to find out ourselves.”",
      themes=["voices"], stance=Stance.NEUTRAL, note="Renée’s words — café interview.")
    h("d-article", "critics said the policy “invites disorder” downtown", themes=["decrim"],
      stance=Stance.OPPOSES)
    h("d-article", "without the threat of charges, people would not enter treatment",
      themes=["treatment"], stance=Stance.OPPOSES, author=JONAH)
    h("d-report", "Pre-arrest diversion reduced re-arrest for participants by a third",
      themes=["diversion"], stance=Stance.SUPPORTS)
    h("d-report", "Black residents were 3.1 times as likely as white residents to be "
      "arrested for possession in 2019", themes=["equity"], stance=Stance.SUPPORTS)
    h("d-report", "Coercive conditions — mandatory abstinence, proof of treatment — were "
      "associated with higher dropout", themes=["treatment"], stance=Stance.SUPPORTS)
    h("d-report", "several said it was the first time a program asked what they wanted",
      themes=["voices"], status=AnchorStatus.ORPHANED, author=JONAH)
    return f


SPECIAL_QUOTE = ("Testimony of Zoë Ðorđević — § 7(c): “we carry naloxone ✓ everywhere,” "
                 "she said 😀, and the résumé gap ‘never closes’ … naïve façade")
SPECIAL_NOTE = "Noted 🙂 ⚖️ — see **§ 7(c)**; *café* “quotes” 👍🏽"


def special() -> Fixture:
    """The sample plus a passage and a note full of characters that break naive exports."""
    f = sample()
    f.add_doc("d-special", "testimony/zoe.pdf", DocMeta(
        title="Testimony — “Naloxone in Every Pocket”", kind="report",
        author="Comité de Défense des Usagers", date="2023-09-30"),
        [["Preamble."], [SPECIAL_QUOTE]])
    f.highlight("d-special", SPECIAL_QUOTE, themes=["voices"], stance=Stance.SUPPORTS,
                note=SPECIAL_NOTE)
    return f


NAMES = ("María Ortega", "María", "Ortega", "Jonah", "Whitcombe")
