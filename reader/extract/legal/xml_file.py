"""``.xml`` files: parsed safely (:mod:`.safe_xml`), then read by the extractor of their
vocabulary (:mod:`.sniff`). Runs in the extraction worker pool."""

from __future__ import annotations

import importlib
from dataclasses import replace
from pathlib import Path

from reader.extract.base import Extracted
from reader.extract.legal.safe_xml import parse_xml
from reader.extract.legal.sniff import vocabulary

_READERS = {"dc": "reader.extract.legal.dc_code", "uslm": "reader.extract.legal.uslm",
            "akn": "reader.extract.legal.akoma_ntoso", "bill": "reader.extract.legal.us_bill"}


def extract(path: Path) -> Extracted:
    path = Path(path)
    root, warnings = parse_xml(path)
    vocab = vocabulary(root, path.name)
    if vocab == "xhtml":
        from reader.extract import html

        return html.extract(path)
    result: Extracted = importlib.import_module(_READERS[vocab]).read(root, path.name)
    if warnings:
        result = replace(result, warnings=(*warnings, *result.warnings))
    return result
