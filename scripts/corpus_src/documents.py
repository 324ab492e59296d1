"""The generated corpus documents: each relative path with the function that writes it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from . import layouts
from .docxkit import DocxMeta, build_docx
from .layouts import Letterhead, PdfMeta
from .markup import load
from .pdfkit import Fonts, pdf_date
from .scan import render_scan

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


def _alder_past_harm(out: Path, tmp: Path) -> None:
    meta = DocxMeta(
        title="Acknowledgement of Past Harm, Record Relief, and Hiring Standards Regarding "
              "Past Drug Use",
        author="Office of the District Attorney, Alder County, Pennsylvania",
        subject="Policy Memorandum 2024-03", keywords="acknowledgement; hiring; record relief",
        date=dt.datetime(2024, 6, 10, 14, 20, 0),
        footer="Alder County District Attorney — Policy Memorandum 2024-03")
    build_docx(out, load(TEXTS / "alder-2024-past-harm-hiring.txt"), meta)


GENERATED: dict[str, Builder] = {
    "memos/alder-county-2020-declination-memo.pdf": _alder_declination,
    "memos/tolliver-county-2021-overdose-scene-policy.pdf": _tolliver_overdose,
    "memos/brennan-county-2023-treatment-conditions-directive.pdf": _brennan_treatment,
    "memos/alder-county-2024-past-harm-and-hiring-memo.docx": _alder_past_harm,
}
