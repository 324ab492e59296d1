"""The OCR setting as plain data (what :mod:`reader.extract.ocr` does with scanned pages)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LANGUAGES = ("eng",)


@dataclass(frozen=True)
class OcrOptions:
    """Whether pages without a text layer are recognised by OCR, and in which languages
    (Tesseract codes: ``eng``, ``deu``, ``chi_sim`` …)."""

    enabled: bool = True
    languages: tuple[str, ...] = DEFAULT_LANGUAGES

    @property
    def key(self) -> str:
        """What a cached result records: ``"eng"``, ``"eng+deu"`` or ``"off"``."""
        return "+".join(self.languages) if self.enabled and self.languages else "off"


OCR_OFF = OcrOptions(enabled=False)
