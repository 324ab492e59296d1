"""REFI-QDA (QDA-XML 1.0) exchange: ``.qdpx`` projects and ``.qdc`` codebooks, written and
read without Qt. :func:`export_qdpx`, :func:`export_qdc`, :func:`import_refi` (with a
dry run that returns the plan). Details: docs/refi-qda.md."""

from reader.interop.refi.apply import ImportOutcome, import_refi
from reader.interop.refi.export import ExportSummary, export_qdc, export_qdpx
from reader.interop.refi.import_ import ImportPlan, plan_import

__all__ = ["ExportSummary", "ImportOutcome", "ImportPlan", "export_qdc", "export_qdpx",
           "import_refi", "plan_import"]
