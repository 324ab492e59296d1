"""Government documents: Statements of Administration Policy (letterhead, date, bill and
sponsors; file properties that say only "SAP"), a three-column Federal Register proposed
rule, and a House bill."""

from __future__ import annotations

import random

from .kit import Fixture, H, W, columns, draw, lines, pdf_date, render, single
from .pdfonts import ensure
from .typeset import Block, Furniture, Gap, Para, Rule, Style

SAP_TEXT = [
    "The Administration supports passage of {bill}, which would expand the number of "
    "peer recovery specialists who can be paid through existing grant programs and would "
    "direct the Secretary to publish guidance on supervision and training.",
    "People in recovery are well-known to be among the most effective guides for others "
    "leaving treatment, and the bill recognizes their work as a profession rather than a "
    "volunteer activity.",
    "The Administration would like to work with the Congress to ensure that the new "
    "certification standards do not exclude applicants because of a criminal record that is "
    "related to past drug use.",
    "The bill's authorization levels exceed the amounts requested in the President's Budget; "
    "the Administration looks forward to working with the Congress to address this concern "
    "as the bill moves forward.",
    "The Administration also urges the Congress to drop the twelve-month waiting period in "
    "section 4, which would delay help for out-of-state residents who move to be near family.",
    "If the bill were presented to the President in its current form, his senior advisors "
    "would recommend that he sign it into law.",
]


def _sap_body(bill: str, st: Style, n: int = 5) -> list[Block]:
    return [Para(SAP_TEXT[i % len(SAP_TEXT)].format(bill=bill), st) for i in range(n)]


def sap_house() -> Fixture:
    ensure()
    f = "Times-Roman"
    st = Style(font=f, size=12, leading=15, after=10, align="justify")
    cap = Style(font=f, size=12, align="center", after=0)
    blocks: list[Block] = [
        *lines(["EXECUTIVE OFFICE OF THE PRESIDENT"], cap.but(font="Times-Bold", size=14)),
        *lines(["OFFICE OF MANAGEMENT AND BUDGET"], cap.but(font="Times-Bold", size=12)),
        *lines(["WASHINGTON, D.C. 20503"], cap.but(size=10), after_last=24),
        *lines(["March 18, 2019"], cap.but(align="right"), after_last=6),
        *lines(["(House)"], cap, after_last=10),
        *lines(["STATEMENT OF ADMINISTRATION POLICY"], cap.but(font="Times-Bold"),
               after_last=12),
        Para("H.R. 2417 – Community Recovery Workforce Act", cap.but(font="Times-Bold"),
             keep=True, track=False),
        Para("(Rep. Holloway, D-Ohio, and 12 cosponsors)", cap.but(after=14), track=False),
    ]
    blocks += _sap_body("H.R. 2417", st)
    data, rep = render(blocks, single(90, 90, 60, 72), lambda c, p, t: Furniture(),
                       info={"Title": "SAP", "Author": "OMB", "CreationDate":
                             pdf_date("2019-03-18")})
    return Fixture(
        "sap_hr2417.pdf", "Statement of Administration Policy on a House bill (letterhead with "
        "a Washington, D.C. address; PDF title 'SAP')", data,
        dict(title="Statement of Administration Policy: H.R. 2417 – Community Recovery "
                   "Workforce Act",
             kind="memo", author="Executive Office of the President, Office of Management "
             "and Budget", jurisdiction="US", date="2019-03-18", citation="H.R. 2417",
             docket="", doc_type="Statement of Administration Policy"),
        rep, provenance={"title": 1, "date": 1})


def sap_senate() -> Fixture:
    """Letter-spaced, fake-bold letterhead; the date under the heading; a Senate bill."""
    ensure()
    f = "Helvetica"
    st = Style(font=f, size=11, leading=14.5, after=9, align="left")
    cap = Style(font=f, size=11, align="center", after=0)
    blocks: list[Block] = [
        *lines(["EXECUTIVE OFFICE OF THE PRESIDENT"], cap.but(char_space=2.5, size=10)),
        *lines(["OFFICE OF MANAGEMENT AND BUDGET"],
               cap.but(font="Helvetica-Bold", char_space=3, fake_bold=True, size=12)),
        Rule(0.6, before=6, after=18),
        *lines(["STATEMENT OF ADMINISTRATION POLICY"], cap.but(font="Helvetica-Bold", size=13),
               after_last=4),
        *lines(["January 12, 2021"], cap, after_last=16),
        Para("S. 4 – Fentanyl Analogue Scheduling Clarity Act", st.but(font="Helvetica-Bold",
                                                                      after=0), track=False),
        Para("(Sen. Whitcombe, R-Kansas, and Sen. Ibarra, D-Nevada)", st.but(after=14),
             track=False),
    ]
    blocks += _sap_body("S. 4", st, 6)
    data, rep = render(blocks, single(80, 80, 64, 72), lambda c, p, t: Furniture(),
                       info={"Title": "S.4 SAP", "CreationDate": pdf_date("2021-01-13")})
    return Fixture(
        "sap_s4.pdf", "Statement of Administration Policy on a Senate bill (letter-spaced and "
        "fake-bold letterhead, the date under the heading, PDF title 'S.4 SAP')", data,
        dict(title="Statement of Administration Policy: S. 4 – Fentanyl Analogue Scheduling "
                   "Clarity Act",
             kind="memo", author="Executive Office of the President, Office of Management "
             "and Budget", jurisdiction="US", date="2021-01-12", citation="S. 4", docket="",
             doc_type="Statement of Administration Policy"),
        rep, provenance={"title": 1, "date": 1})


def sap_two_pages() -> Fixture:
    ensure()
    f = "DejaVuSerif"
    st = Style(font=f, size=10.5, leading=14, after=10, align="justify")
    cap = Style(font=f, size=10.5, align="left", after=0)
    blocks: list[Block] = [
        *lines(["Executive Office of the President", "Office of Management and Budget",
                "Washington, DC 20503"], cap.but(font="DejaVuSerif-Bold")),
        Gap(30),
        *lines(["STATEMENT OF ADMINISTRATION POLICY"], cap.but(align="center",
                                                               font="DejaVuSerif-Bold"),
               after_last=16),
        *lines(["H.R. 5 – Equal Access to Recovery Housing Act"], cap.but(align="center"),
               after_last=2),
        *lines(["(Rep. Axtell, D-Oregon, and 48 cosponsors)"], cap.but(align="center"),
               after_last=18),
    ]
    blocks += _sap_body("H.R. 5", st, 6)
    blocks += _sap_body("H.R. 5", st, 4)
    blocks += [Gap(10), *lines(["* * * * * * *"], cap.but(align="center"))]

    def furniture(c, page, total):
        draw(c, "July 22, 2020", W - 72, H - 50, f, 10.5, "right") if page == 1 else None
        if page > 1:
            draw(c, str(page), W / 2, 40, f, 10, "center")
            return Furniture(label=str(page))
        return Furniture()

    data, rep = render(blocks, single(72, 72, 60, 72), furniture,
                       info={"Title": "Statement of Administration Policy",
                             "CreationDate": pdf_date("2020-07-24")})
    return Fixture(
        "sap_hr5_two_pages.pdf", "Statement of Administration Policy over two pages (the date "
        "at the top right, PDF title without the bill)", data,
        dict(title="Statement of Administration Policy: H.R. 5 – Equal Access to Recovery "
                   "Housing Act",
             kind="memo", author="Executive Office of the President, Office of Management "
             "and Budget", jurisdiction="US", date="2020-07-22", citation="H.R. 5", docket="",
             doc_type="Statement of Administration Policy"),
        rep, provenance={"title": 1, "date": 1})


FR_HEAD = "Federal Register / Vol. 80, No. 45 / Monday, March 9, 2015 / Proposed Rules"
FR_PARAS = [
    "The Drug Enforcement Administration (DEA) proposes to place fenzolidine, including its "
    "salts, isomers, and salts of isomers, in schedule I of the Controlled Substances Act. "
    "If finalized, this action would impose the regulatory controls and administrative, "
    "civil, and criminal sanctions applicable to schedule I substances on persons who handle "
    "fenzolidine.",
    "Fenzolidine is a synthetic opioid that first appeared in the illicit market in 2013. "
    "Law-enforcement laboratories have identified it in counterfeit tablets sold as "
    "oxycodone, and medical examiners have reported it in a number of fatal and near-fatal "
    "overdoses.",
    "The Administrator has considered the eight factors of the Act and the scientific and "
    "medical evaluation of the Department of Health and Human Services, and preliminarily "
    "finds that fenzolidine has a high potential for abuse and no currently accepted medical "
    "use in treatment in the United States.",
    "Harm reduction organizations commenting on earlier actions asked the agency to consider "
    "the effect of scheduling on drug-checking services that handle small samples; the "
    "agency invites comment on whether a registration category for such services is "
    "needed.",
    "Under the Regulatory Flexibility Act, the Administrator certifies that this rulemaking, "
    "if promulgated, will not have a significant economic impact on a substantial number of "
    "small entities, because fenzolidine has no legitimate market.",
    "This proposed rule does not have federalism implications warranting the application of "
    "Executive Order 13132, and it does not impose an unfunded mandate on state, local, or "
    "tribal governments of more than $100 million in any one year.",
    "Interested persons may file written comments on this proposal. Comments received after "
    "the close of the comment period may not be considered, and all comments become part of "
    "the public record, including any personal identifying information.",
]


FACTORS = [
    ("Its Actual or Relative Potential for Abuse", "Reports from poison centers, emergency "
     "departments and law-enforcement laboratories show that fenzolidine is taken by people "
     "who use opioids, often without knowing it, and that its effects resemble those of "
     "fentanyl at a fraction of the dose."),
    ("Scientific Evidence of Its Pharmacological Effects", "In laboratory studies fenzolidine "
     "bound to the mu-opioid receptor with high affinity and produced dose-dependent "
     "respiratory depression that naloxone reversed, although repeated doses of the "
     "antagonist were sometimes needed."),
    ("The State of Current Scientific Knowledge", "There are no approved new drug "
     "applications or investigational new drug applications for fenzolidine, and no "
     "published clinical studies of its safety or effectiveness in humans."),
    ("Its History and Current Pattern of Abuse", "Fenzolidine has been found in counterfeit "
     "tablets and in powders sold as heroin in at least nineteen States, most often in "
     "mixtures with other synthetic opioids and with xylazine."),
    ("The Scope, Duration, and Significance of Abuse", "Medical examiners reported "
     "fenzolidine in the toxicology results of decedents in eleven States during the "
     "twelve-month period before this proposal, usually together with other substances."),
    ("What, if Any, Risk There Is to the Public Health", "Because people who use drugs "
     "rarely know that a product contains fenzolidine, the risk of a near-fatal or fatal "
     "overdose is high, and drug-checking services have asked for test strips that detect "
     "it."),
    ("Its Psychic or Physiological Dependence Liability", "Like other mu-opioid agonists, "
     "fenzolidine is expected to produce physical dependence and a withdrawal syndrome on "
     "abrupt discontinuation."),
    ("Whether It Is an Immediate Precursor", "Fenzolidine is not an immediate precursor of "
     "any substance already controlled under the Act."),
]


FR_SENTENCES = [
    "One commenter, a county health department, described a cluster of overdoses in which "
    "residents reported that the tablets they bought looked exactly like pharmacy oxycodone.",
    "DEA appreciates the comment and notes that scheduling does not restrict the possession "
    "of naloxone or of test strips, which remain available without a prescription.",
    "Several commenters asked the agency to publish the laboratory data on which it relied; "
    "those data are in the docket for this rulemaking and may be viewed online.",
    "A coalition of harm reduction programs urged the agency to exempt small samples handled "
    "by drug-checking services for the sole purpose of analysis.",
    "The agency has no authority under this section to create such an exemption, but it will "
    "consider the request in a separate rulemaking on registration categories.",
    "Another commenter argued that scheduling would push sellers toward new, untested "
    "analogues; DEA acknowledges the concern and continues to monitor the market.",
    "The Department of Health and Human Services concurred in the recommendation and found no "
    "evidence of a legitimate medical or industrial use.",
    "State and local forensic laboratories reported fenzolidine in more than four hundred "
    "exhibits submitted between 2013 and 2014, an increase of more than tenfold.",
    "People who use drugs interviewed by public health researchers reported repeated "
    "near-fatal overdoses after using products later found to contain the substance.",
    "The regulatory controls would require registrants to keep records, store the substance "
    "securely, and report thefts and significant losses to the agency.",
    "Handling fenzolidine for research would require a schedule I registration, which the "
    "agency processes on a case-by-case basis.",
    "This action is not a significant regulatory action, and the Office of Management and "
    "Budget has not reviewed it.",
]


def _fr_paragraph(rng: random.Random) -> str:
    return " ".join(rng.sample(FR_SENTENCES, rng.randint(3, 4)))


def federal_register() -> Fixture:
    """Three columns, agency/docket/RIN lines, subject, SUMMARY:, DATES:, running heads with
    the volume, page and date; a Washington, DC and a Seattle address."""
    f = "Times-Roman"
    st = Style(font=f, size=8.5, leading=10, indent=8, after=2, align="justify",
               hyphenate=True)
    hd = Style(font="Helvetica-Bold", size=8.5, leading=10, align="left", after=2)
    label = Style(font="Helvetica-Bold", size=8, leading=10, align="left", after=0)
    from .typeset import soften
    rng = random.Random(2525)
    blocks: list[Block] = [
        *lines(["DEPARTMENT OF JUSTICE"], hd),
        *lines(["Drug Enforcement Administration"], hd, after_last=4),
        *lines(["21 CFR Part 1308"], hd, after_last=4),
        *lines(["[Docket No. DEA–512]"], hd.but(font=f)),
        *lines(["RIN 1117–AB52"], hd.but(font=f), after_last=6),
        Para("Schedules of Controlled Substances: Placement of Fenzolidine in Schedule I",
             hd.but(size=10, leading=12, after=6), track=False),
        Para("AGENCY: Drug Enforcement Administration, Department of Justice.",
             st.but(indent=0), track=False),
        Para("ACTION: Notice of proposed rulemaking.", st.but(indent=0), track=False),
        Para("SUMMARY: " + soften(FR_PARAS[0]), st.but(indent=0)),
        Para("DATES: Comments must be submitted electronically or postmarked on or before "
             "May 8, 2015.", st.but(indent=0)),
        Para("ADDRESSES: Send paper comments to the Drug Enforcement Administration, Attention: "
             "DEA Federal Register Representative, 8701 Morrissette Drive, Springfield, "
             "Virginia 22152.", st.but(indent=0)),
        Para("FOR FURTHER INFORMATION CONTACT: Noor Haddad, Diversion Control Division, "
             "telephone (555) 010-0166. Regional inquiries: 1111 Third Avenue, Seattle, WA "
             "98101.", st.but(indent=0)),
        Para("SUPPLEMENTARY INFORMATION:", label, keep=True, track=False),
    ]
    blocks.append(Para("Background", hd, keep=True, track=False))
    blocks += [Para(soften(p), st) for p in FR_PARAS[1:4]]
    blocks.append(Para("Eight-Factor Analysis", hd, keep=True, track=False))
    for i, (name, text) in enumerate(FACTORS):
        blocks.append(Para(f"{i + 1}. {name}", hd.but(font="Helvetica-Oblique"), keep=True,
                           track=False))
        blocks.append(Para(soften(text + " " + FR_PARAS[1 + i % 6]), st))
        blocks.append(Para(soften(_fr_paragraph(rng)), st))
    blocks.append(Para("Comments Received on the Temporary Order", hd, keep=True, track=False))
    blocks += [Para(soften(_fr_paragraph(rng)), st) for _ in range(14)]
    blocks.append(Para("Regulatory Analyses", hd, keep=True, track=False))
    blocks += [Para(soften(p), st) for p in FR_PARAS[4:]]
    blocks.append(Para("List of Subjects in 21 CFR Part 1308", hd, keep=True, track=False))
    blocks.append(Para("Administrative practice and procedure, Drug traffic control, "
                       "Reporting and recordkeeping requirements.", st.but(indent=0)))
    blocks.append(Para("Dated: March 2, 2015.", st.but(indent=0), track=False))
    blocks.append(Para("Dana R. Whitlock,", st.but(indent=0, after=0), track=False))
    blocks.append(Para("Acting Administrator.", st.but(indent=0), track=False))
    blocks.append(Para("[FR Doc. 2015–05121 Filed 3–6–15; 8:45 am]", st.but(indent=0, size=7),
                       track=False))

    def furniture(c, page, total):
        n = 12344 + page
        if page % 2:
            draw(c, FR_HEAD, 40, H - 38, "Helvetica", 7)
            draw(c, str(n), W - 40, H - 38, "Helvetica-Bold", 9, "right")
        else:
            draw(c, str(n), 40, H - 38, "Helvetica-Bold", 9)
            draw(c, FR_HEAD, W - 40, H - 38, "Helvetica", 7, "right")
        if c is not None:
            c.setLineWidth(0.5)
            c.line(40, H - 44, W - 40, H - 44)
        return Furniture(heads=[FR_HEAD], label=str(n))

    data, rep = render(blocks, columns(3, top=54, bottom=48), furniture,
                       info={"Title": "Proposed Rules", "CreationDate": pdf_date("2015-03-07")},
                       line_spans=3)
    return Fixture(
        "fr_proposed_rule_fenzolidine.pdf", "Federal Register proposed rule in three columns "
        "(agency, docket and RIN lines, subject, SUMMARY:, DATES:, running heads with volume, "
        "page and date; PDF title 'Proposed Rules')", data,
        dict(title="Schedules of Controlled Substances: Placement of Fenzolidine in Schedule I",
             kind="statute", author="Drug Enforcement Administration", jurisdiction="US",
             date="2015-03-09", citation="80 Fed. Reg. 12,345",
             docket="Docket No. DEA–512; RIN 1117–AB52", doc_type="Proposed rule"),
        rep, provenance={"title": 1})


def house_bill() -> Fixture:
    f = "Times-Roman"
    cap = Style(font=f, size=12, align="left", after=0)
    st = Style(font=f, size=12, leading=22, indent=28, after=0, align="left")
    blocks: list[Block] = [
        *lines(["117TH CONGRESS"], cap.but(font="Times-Bold")),
        *lines(["1ST SESSION"], cap.but(font="Times-Bold"), after_last=0),
        *lines(["H. R. 4321"], cap.but(font="Times-Bold", size=22, align="right", leading=26),
               after_last=10),
        Para("To amend the Public Health Service Act to expand access to overdose prevention "
             "services, and for other purposes.", cap.but(align="center", left=60, right=60,
                                                         after=12), track=False),
        Rule(1.0, before=4, after=12),
        *lines(["IN THE HOUSE OF REPRESENTATIVES"], cap.but(align="center"), after_last=8),
        *lines(["JUNE 29, 2021"], cap.but(align="center", size=10), after_last=8),
        Para("Ms. UNDERHILL (for herself and Mr. VICKERY) introduced the following bill; which "
             "was referred to the Committee on Energy and Commerce",
             cap.but(left=36, after=10), track=False),
        Rule(1.0, before=4, after=12),
        *lines(["A BILL"], cap.but(align="center", font="Times-Bold", size=16, leading=20),
               after_last=8),
        Para("To amend the Public Health Service Act to expand access to overdose prevention "
             "services, and for other purposes.", cap.but(left=60, right=60, after=12),
             track=False),
        Para("Be it enacted by the Senate and House of Representatives of the United States of "
             "America in Congress assembled,", st),
        Para("SECTION 1. SHORT TITLE.", st.but(font="Times-Bold", before=6), track=False),
        Para("This Act may be cited as the “Overdose Prevention Access Act of 2021”.", st),
        Para("SEC. 2. GRANTS FOR NALOXONE DISTRIBUTION.", st.but(font="Times-Bold", before=6),
             track=False),
        Para("(a) IN GENERAL.—The Secretary of Health and Human Services shall award grants to "
             "States, localities, and community organizations to purchase and distribute opioid "
             "overdose reversal medication, including to people who are well-known to local "
             "syringe services programs and to out-of-state visitors at high-risk events.", st),
        Para("(b) PRIORITY.—In awarding grants under this section, the Secretary shall give "
             "priority to applicants that serve areas with a rate of drug overdose deaths that "
             "exceeds the national rate, and to applicants that employ people with lived "
             "experience of drug use.", st),
        Para("(c) AUTHORIZATION OF APPROPRIATIONS.—There are authorized to be appropriated to "
             "carry out this section such sums as may be necessary for each of fiscal years "
             "2022 through 2026.", st),
        Para("SEC. 3. DRUG CHECKING SERVICES.", st.but(font="Times-Bold", before=6),
             track=False),
        Para("(a) IN GENERAL.—Nothing in the Controlled Substances Act shall be construed to "
             "prohibit a public health entity from providing drug checking services, including "
             "the use of fentanyl test strips and spectrometry, to people who use drugs.", st),
        Para("(b) DEFINITION.—In this section, the term “drug checking services” means the "
             "analysis of a sample of a substance for the purpose of informing a person of its "
             "contents, conducted on a case-by-case basis and without retaining the sample.", st),
    ]

    def furniture(c, page, total):
        if page < 2:
            return Furniture()
        draw(c, str(page), W / 2, H - 40, f, 11, "center")
        draw(c, "•HR 4321 IH", 72, 36, "Helvetica", 7)
        return Furniture(heads=["•HR 4321 IH"], label=str(page))

    data, rep = render(blocks, single(90, 90, 60, 60), furniture,
                       info={"Title": "BILLS-117hr4321ih", "CreationDate": pdf_date("2021-07-02")})
    return Fixture(
        "bill_hr4321.pdf", "A House bill as introduced (Congress and session, bill number, "
        "'A BILL', short title section, '•HR 4321 IH' feet)", data,
        dict(title="Overdose Prevention Access Act of 2021", kind="statute",
             author="United States Congress", jurisdiction="US", date="2021-06-29",
             citation="H.R. 4321", docket="", doc_type="Bill"),
        rep, provenance={"title": 1, "date": 1})


BUILDERS = [sap_house, sap_senate, sap_two_pages, federal_register, house_bill]
