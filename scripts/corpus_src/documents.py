"""The generated corpus documents: each relative path with the function that writes it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path

from . import dc_code_xml, layouts
from .docxkit import DocxMeta, build_docx
from .layouts import Letterhead, PdfMeta
from .markup import load
from .pdfkit import Fonts, pdf_date
from .report import ReportInfo, build_report
from .scan import render_scan, scan_pdf

TEXTS = Path(__file__).resolve().parent / "texts"
Builder = Callable[[Path, Path], None]


def _alder_declination(out: Path, tmp: Path) -> None:
    lh = Letterhead(
        lines=("OFFICE OF THE DISTRICT ATTORNEY", "ALDER COUNTY, PENNSYLVANIA",
               "Alder County Justice Center \u00b7 200 Court Street \u00b7 Brannock, Pennsylvania"
               " \u00b7 (570) 555-0142"),
        footer="Alder County District Attorney \u2014 Policy Memorandum 2020-01",
        extra={"running": "Policy Memorandum 2020-01 \u2014 Declination of Simple Possession"})
    meta = PdfMeta(
        title="Declination of Simple Possession Charges and Referral to Deflection Services",
        author="Office of the District Attorney, Alder County, Pennsylvania",
        subject="Policy Memorandum 2020-01", keywords="declination; possession; deflection",
        date=pdf_date("2020-01-21T16:40"))
    layouts.build_two_column_memo(out, load(TEXTS / "alder-2020-declination.txt"), meta, lh)


def _tolliver_overdose(out: Path, tmp: Path) -> None:
    scan = render_scan(TEXTS / "tolliver-2021-attachment-a.txt", tmp / "tolliver-scan.png")
    lh = Letterhead(
        lines=("OFFICE OF THE DISTRICT ATTORNEY", "TOLLIVER COUNTY, NEW MEXICO",
               "Tolliver County Courthouse Annex · 415 Plaza Street · Caliza, New Mexico"
               " · (575) 555-0190"),
        footer="Tolliver County District Attorney — Charging Policy 2021-03",
        rule_color="#6b2d1a")
    # No title, author or dates in the PDF: metadata must be guessed from the text.
    meta = PdfMeta(title="", author="", date=None)
    layouts.build_memo(out, load(TEXTS / "tolliver-2021-overdose-memo.txt"), meta, lh,
                       fonts=Fonts.helvetica(), scans=[scan], scan_page_numbers=(2,))


def _brennan_treatment(out: Path, tmp: Path) -> None:
    lh = Letterhead(
        lines=("OFFICE OF THE PROSECUTING ATTORNEY", "BRENNAN COUNTY, MICHIGAN",
               "Brennan County Courthouse · 120 West Lake Street, Suite 300 · Harwick, "
               "Michigan · (989) 555-0163"),
        footer="Brennan County Prosecuting Attorney — Office Directive 2023-07",
        rule_color="#23442e")
    meta = PdfMeta(
        title="Treatment Conditions in Charging, Bail, Plea and Probation Recommendations",
        author="Office of the Prosecuting Attorney, Brennan County, Michigan",
        subject="Office Directive 2023-07", keywords="treatment; MOUD; probation; coercion",
        date=pdf_date("2023-05-15T11:05", "-04'00'"))
    layouts.build_memo(out, load(TEXTS / "brennan-2023-treatment-conditions.txt"), meta, lh)


def _brennan_jail_scan(out: Path, tmp: Path) -> None:
    """A signed directive as offices release them: printed, signed and scanned (image-only)."""
    lh = Letterhead(
        lines=("OFFICE OF THE PROSECUTING ATTORNEY", "BRENNAN COUNTY, MICHIGAN",
               "Brennan County Courthouse · 120 West Lake Street, Suite 300 · Harwick, "
               "Michigan · (989) 555-0163"),
        footer="Brennan County Prosecuting Attorney — Office Directive 2024-02",
        rule_color="#23442e")
    printed = tmp / "brennan-2024-printed.pdf"
    layouts.build_memo(printed, load(TEXTS / "brennan-2024-jail-moud-scan.txt"),
                       PdfMeta(title="", author="", date=None), lh)
    scan_pdf(printed, out)


def _alder_past_harm(out: Path, tmp: Path) -> None:
    meta = DocxMeta(
        title="Acknowledgement of Past Harm, Record Relief, and Hiring Standards Regarding "
              "Past Drug Use",
        author="Office of the District Attorney, Alder County, Pennsylvania",
        subject="Policy Memorandum 2024-03", keywords="acknowledgement; hiring; record relief",
        date=dt.datetime(2024, 6, 10, 14, 20, 0),
        footer="Alder County District Attorney — Policy Memorandum 2024-03")
    build_docx(out, load(TEXTS / "alder-2024-past-harm-hiring.txt"), meta)


def _pa_immunity_act(out: Path, tmp: Path) -> None:
    meta = PdfMeta(title="Overdose Response and Immunity Act",
                   author="General Assembly of Pennsylvania",
                   subject="Act of October 24, 2018, No. 2018-94 (House Bill 2217)",
                   keywords="Good Samaritan; overdose; immunity; naloxone",
                   date=pdf_date("2018-10-24T15:00", "-04'00'"))
    layouts.build_statute(
        out, load(TEXTS / "pa-2018-overdose-immunity-act.txt"), meta,
        banner="HOUSE BILL No. 2217 — Session of 2018",
        running="Overdose Response and Immunity Act (Act 2018-94)",
        notice="Fictional sample written for Policy Reader — this act, its sponsors and "
               "its citation are invented.")


def _md_syringe_bill(out: Path, tmp: Path) -> None:
    meta = DocxMeta(
        title="Public Health – Syringe Services Programs and Drug Paraphernalia – Revisions",
        author="General Assembly of Maryland",
        subject="House Bill 1187, Chapter 412 of the Acts of 2022",
        keywords="syringe services; paraphernalia; testing equipment",
        date=dt.datetime(2022, 5, 16, 10, 0, 0),
        footer="HB 1187 (2022) — Chapter 412")
    build_docx(out, load(TEXTS / "md-2022-syringe-services-amendment.txt"), meta, statute=True)


def _nm_vanterpool(out: Path, tmp: Path) -> None:
    meta = PdfMeta(title="State v. Vanterpool",
                   author="Court of Appeals of the State of New Mexico",
                   subject="No. A-1-CA-40872 (filed June 11, 2024)",
                   keywords="Good Samaritan immunity; distribution resulting in death; joint user",
                   date=pdf_date("2024-06-11T10:30", "-06'00'"))
    layouts.build_opinion(
        out, load(TEXTS / "nm-2024-state-v-vanterpool.txt"), meta,
        running="State v. Vanterpool, No. A-1-CA-40872",
        notice="Fictional sample written for Policy Reader — the case, the parties, the "
               "judges and the cited authorities are invented.")


def _report(out: Path, tmp: Path) -> None:
    title = "Beyond the Arrest"
    subtitle = "Drug Enforcement, Overdose and Equity in Pennsylvania, 2018\u20132024"
    meta = PdfMeta(title=f"{title}: {subtitle}", author="Keystone Justice & Health Institute",
                   subject="Statewide report on drug enforcement, overdose and equity",
                   keywords="overdose; enforcement; racial equity; deflection; report",
                   date=pdf_date("2025-04-15T09:00", "-04'00'"))
    info = ReportInfo(
        title=title, subtitle="Drug Enforcement, Overdose and Equity\nin Pennsylvania, "
                              "2018\u20132024",
        org="Keystone Justice & Health Institute", place_date="Harrisburg, Pennsylvania \u00b7 "
                                                           "April 2025",
        running=f"{title} \u00b7 Drug Enforcement, Overdose and Equity in Pennsylvania",
        blurb="A statewide review of seven years of court, arrest, jail and health data,\n"
              "a survey of 612 people who use or have used drugs, and 85 interviews\n"
              "with people who use drugs, families, police, prosecutors and providers.",
        notice="Fictional sample written for Policy Reader \u2014 the institute, the data "
               "and the people in this report are invented.")
    build_report(out, load(TEXTS / "report-beyond-the-arrest-2025.txt"), meta, info)


GENERATED: dict[str, Builder] = {
    "memos/alder-county-2020-declination-memo.pdf": _alder_declination,
    "memos/tolliver-county-2021-overdose-scene-policy.pdf": _tolliver_overdose,
    "memos/brennan-county-2023-treatment-conditions-directive.pdf": _brennan_treatment,
    "memos/brennan-county-2024-jail-medications-directive-scan.pdf": _brennan_jail_scan,
    "memos/alder-county-2024-past-harm-and-hiring-memo.docx": _alder_past_harm,
    "statutes/pa-overdose-response-and-immunity-act-2018.pdf": _pa_immunity_act,
    "statutes/md-hb1187-syringe-services-and-paraphernalia-2022.docx": _md_syringe_bill,
    "opinions/state-v-vanterpool-nm-ct-app-2024.pdf": _nm_vanterpool,
    "reports/keystone-beyond-the-arrest-2025.pdf": _report,
    # the D.C. Code chapter: one XML file per section and the chapter's index.xml
    **{rel: partial(dc_code_xml.build_file, rel) for rel in dc_code_xml.files()},
}
