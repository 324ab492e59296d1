"""The choices of the export-brief dialog, as three pages: Passages (filters), Layout
(grouping, format, what to include) and Cover. :meth:`BriefForm.options` turns the form into
a :class:`~reader.export.options.BriefOptions`; :meth:`BriefForm.set_options` fills it from
one. ``changed`` fires on every edit (the dialog debounces it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.ops.brief import FORMATS, MAX_TEXT, BriefOptions, GroupBy, OrphanPolicy, PageSize
from reader.ui.accessibility import name_clear_button
from reader.ui.widgets.brief_discussion import DiscussionBox
from reader.ui.widgets.brief_filters import Choice, FiltersPage

FORMAT_LABELS = {"pdf": "PDF", "docx": "Word (DOCX)", "html": "Web page (HTML)",
                 "md": "Markdown", "csv": "Spreadsheet (CSV)"}
PAGED = ("pdf", "docx", "html")  # formats with a page size
GROUPINGS = (
    (GroupBy.THEME, "By &theme", "Your theme list in order, sub-themes nested under "
                                 "their theme."),
    (GroupBy.DOCUMENT, "By &document", "Each document in turn, its passages in reading "
                                       "order."),
    (GroupBy.STANCE, "By theme and &stance", "Under each theme: passages that support harm "
                                             "reduction, then opposing, then neutral ones."),
)
COVER_FIELDS = (
    ("title", "&Title", "Briefing packet"),
    ("subtitle", "S&ubtitle", "e.g. Possession, overdose response and diversion"),
    ("group_name", "&Group", "Your group's name"),
    ("prepared_by", "Prepared &by", "Who prepared it"),
    ("prepared_for", "Prepared &for", "e.g. Office of the District Attorney"),
    ("notice", "&Notice", "e.g. Draft for discussion — not for circulation"),
)


def _muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("briefHint")
    label.setWordWrap(True)
    return label


class LayoutPage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        group = QGroupBox("Group the passages")
        box = QVBoxLayout(group)
        box.setSpacing(2)
        self.grouping = QButtonGroup(self)
        self.group_buttons: dict[GroupBy, QRadioButton] = {}
        for value, text, about in GROUPINGS:
            radio = QRadioButton(text)
            radio.setObjectName(f"briefGroup_{value.value}")
            radio.setAccessibleDescription(about)
            self.grouping.addButton(radio)
            self.group_buttons[value] = radio
            box.addWidget(radio)
            hint = _muted(about)
            hint.setContentsMargins(24, 0, 0, 4)
            box.addWidget(hint)
        self.grouping.buttonToggled.connect(lambda *_: self.changed.emit())
        layout.addWidget(group)

        file_box = QGroupBox("File")
        form = QFormLayout(file_box)
        self.format_box = QComboBox()
        self.format_box.setObjectName("briefFormat")
        self.format_box.setAccessibleName("File format")
        for fmt in FORMATS:
            self.format_box.addItem(FORMAT_LABELS.get(fmt, fmt), fmt)
        self.page_box = QComboBox()
        self.page_box.setObjectName("briefPageSize")
        self.page_box.setAccessibleName("Page size")
        for size in PageSize:
            self.page_box.addItem(size.label, size.value)
        form.addRow("F&ormat:", self.format_box)
        form.addRow("Page si&ze:", self.page_box)
        self.format_box.currentIndexChanged.connect(self._on_format)
        self.page_box.currentIndexChanged.connect(lambda *_: self.changed.emit())
        layout.addWidget(file_box)

        include = QGroupBox("Include")
        grid = QVBoxLayout(include)
        grid.setSpacing(3)
        self.flags: dict[str, QCheckBox] = {}
        for key, text in (("include_notes", "Annotators' n&otes"),
                          ("include_toc", "Table of &contents"),
                          ("include_sources", "List of so&urces"),
                          ("include_theme_appendix", "Definitions of the t&hemes used"),
                          ("anonymize", "&Anonymise: name no annotator anywhere")):
            check = QCheckBox(text)
            check.setObjectName(f"brief_{key}")
            check.toggled.connect(lambda *_: self.changed.emit())
            self.flags[key] = check
            grid.addWidget(check)
        self.flags["anonymize"].setToolTip(
            "Leaves out who highlighted each passage, replaces members' names in notes "
            "with “[annotator]” and keeps names out of the file's properties.")
        self.orphans_box = QComboBox()
        self.orphans_box.setObjectName("briefOrphans")
        self.orphans_box.setAccessibleName("Highlights that cannot be located")
        self.orphans_box.addItem("Leave them out and say how many", OrphanPolicy.COUNT.value)
        self.orphans_box.addItem("List them in an appendix, without a page",
                                 OrphanPolicy.APPENDIX.value)
        self.orphans_box.currentIndexChanged.connect(lambda *_: self.changed.emit())
        orphans_label = QLabel("Highlights that cannot be &located:")
        orphans_label.setBuddy(self.orphans_box)
        grid.addSpacing(4)
        grid.addWidget(orphans_label)
        grid.addWidget(self.orphans_box)
        layout.addWidget(include)
        self.discussion = DiscussionBox()  # replies, contradictions, the matrix
        self.discussion.changed.connect(self.changed)
        layout.addWidget(self.discussion)
        layout.addStretch(1)

    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def set_fmt(self, fmt: str) -> None:
        self.format_box.setCurrentIndex(max(0, self.format_box.findData(fmt)))

    def _on_format(self) -> None:
        fmt = self.fmt()
        self.page_box.setEnabled(fmt in PAGED)
        for key in ("include_toc", "include_sources", "include_theme_appendix"):
            self.flags[key].setEnabled(fmt != "csv")
            self.flags[key].setToolTip("A spreadsheet has one row per passage."
                                       if fmt == "csv" else "")
        self.changed.emit()


class CoverPage(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(10, 12, 10, 10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        for key, label, placeholder in COVER_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"brief_{key}")
            edit.setAccessibleName(label.replace("&", ""))
            edit.setPlaceholderText(placeholder)
            edit.setMaxLength(MAX_TEXT)
            edit.setClearButtonEnabled(True)
            name_clear_button(edit, label.replace("&", "").lower())
            edit.textChanged.connect(lambda *_: self.changed.emit())
            self.edits[key] = edit
            form.addRow(label + ":", edit)
        self.today_box, self.date_edit = self._date_row(form, "&Date:", "Today",
                                                       "briefDate", "Date on the cover")
        self.same_box, self.as_of_edit = self._date_row(form, "Current &as of:",
                                                        "Same as the date", "briefAsOf",
                                                        "Current as of")
        form.addRow(_muted("The date and “as of” date start from today each time; what you "
                           "type here is printed as typed, even when anonymising."))

    def _date_row(self, form: QFormLayout, label: str, same: str, name: str,
                  accessible: str) -> tuple[QCheckBox, QDateEdit]:
        row = QHBoxLayout()
        box = QCheckBox(same)
        box.setObjectName(f"{name}Default")
        box.setChecked(True)
        edit = QDateEdit(QDate.currentDate())
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMMM yyyy")
        edit.setEnabled(False)
        box.toggled.connect(lambda on: edit.setEnabled(not on))
        box.toggled.connect(lambda *_: self.changed.emit())
        edit.dateChanged.connect(lambda *_: self.changed.emit())
        row.addWidget(box)
        row.addWidget(edit, 1)
        title = QLabel(label)
        title.setBuddy(box)
        form.addRow(title, row)
        return box, edit

    def date(self) -> dt.date | None:
        return None if self.today_box.isChecked() else self.date_edit.date().toPython()  # type: ignore[no-any-return]

    def as_of(self) -> dt.date | None:
        return None if self.same_box.isChecked() else self.as_of_edit.date().toPython()  # type: ignore[no-any-return]


class BriefForm(QTabWidget):
    """Every choice of the dialog. ``changed`` fires on any edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefForm")
        self.setAccessibleName("Brief options")
        self.filters = FiltersPage()
        self.layout_page = LayoutPage()
        self.cover = CoverPage()
        self.addTab(self.filters, "&Passages")
        self.addTab(self.layout_page, "&Layout")
        self.addTab(self.cover, "Co&ver")
        self.first_day: dt.date | None = None
        self._quiet = False
        for page in (self.filters, self.layout_page, self.cover):
            page.changed.connect(self._on_changed)

    def _on_changed(self) -> None:
        if not self._quiet:
            self.changed.emit()

    def set_choices(self, themes: Sequence[Choice], documents: Sequence[Choice],
                    authors: Sequence[Choice], first_day: dt.date | None,
                    options: BriefOptions | None = None) -> None:
        """Fill the pick lists and show ``options`` (default: keep the current choices,
        with the ticks of ids that are still listed)."""
        options = options or self.options()
        self._quiet = True
        self.filters.themes.set_choices(themes)
        self.filters.documents.set_choices(documents)
        self.filters.authors.set_choices(authors)
        self.first_day = first_day
        self._quiet = False
        self.set_options(options, self.fmt())

    def fmt(self) -> str:
        return self.layout_page.fmt()

    def options(self) -> BriefOptions:
        f, lay, c = self.filters, self.layout_page, self.cover
        group = next((g for g, b in lay.group_buttons.items() if b.isChecked()), GroupBy.THEME)
        text = {key: edit.text().strip() for key, edit in c.edits.items()}
        return BriefOptions(
            title=text["title"] or BriefOptions.title, subtitle=text["subtitle"],
            prepared_by=text["prepared_by"], prepared_for=text["prepared_for"],
            group_name=text["group_name"], notice=text["notice"],
            date=c.date(), as_of=c.as_of(),
            themes=tuple(f.themes.checked()), authors=tuple(f.authors.checked()),
            documents=tuple(f.documents.checked()), stances=tuple(f.stances()),
            since=f.since(), until=f.until(), group_by=group,
            anonymize=lay.flags["anonymize"].isChecked(),
            include_notes=lay.flags["include_notes"].isChecked(),
            include_toc=lay.flags["include_toc"].isChecked(),
            include_sources=lay.flags["include_sources"].isChecked(),
            include_theme_appendix=lay.flags["include_theme_appendix"].isChecked(),
            orphans=str(lay.orphans_box.currentData()),  # type: ignore[arg-type]
            page_size=str(lay.page_box.currentData()),  # type: ignore[arg-type]
            **lay.discussion.values(),
        )

    def set_options(self, o: BriefOptions, fmt: str = "pdf") -> None:
        """Show ``o`` (ids that are not in the lists are dropped) and ``fmt``."""
        f, lay, c = self.filters, self.layout_page, self.cover
        self._quiet = True
        try:
            f.themes.set_checked(o.themes)
            f.documents.set_checked(o.documents)
            f.authors.set_checked(o.authors)
            f.set_stances(o.stances)
            f.set_dates(o.since, o.until, self.first_day)
            lay.group_buttons[o.group_by].setChecked(True)
            lay.set_fmt(fmt)
            lay.page_box.setCurrentIndex(max(0, lay.page_box.findData(o.page_size.value)))
            lay.orphans_box.setCurrentIndex(max(0, lay.orphans_box.findData(o.orphans.value)))
            for key, check in lay.flags.items():
                check.setChecked(bool(getattr(o, key)))
            lay.discussion.show_options(o)
            for key, edit in c.edits.items():
                value = getattr(o, key)
                edit.setText("" if key == "title" and value == BriefOptions.title else value)
            c.today_box.setChecked(o.date is None)
            c.date_edit.setDate(QDate(o.date or dt.date.today()))
            c.same_box.setChecked(o.as_of is None)
            c.as_of_edit.setDate(QDate(o.as_of or o.date or dt.date.today()))
        finally:
            self._quiet = False
        self.changed.emit()
