"""Screenshots of highlighting in the reader, for ``scripts/screenshots.py``: a memo with
two people's highlights, the Highlights panel and the Themes panel.

The passages are marked on a copy of the bundled corpus (Tolliver County's overdose-scene
memo) by two fictional study-group members, through the core API, then shown in the app.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

MEMO = "memos/tolliver-county-2021-overdose-scene-policy.pdf"
MARIA, DEV = "Maria G", "Dev P"
# (words, themes, stance, note, who)
PASSAGES = (
    ("they were afraid that they would be arrested, or charged with the death",
     ("good-samaritan", "drug-induced-homicide"), "supports",
     "The core reason for the policy, in the DA's own words. Quote this first.", MARIA),
    ("Our own practice has taught them that calling 911 can be dangerous.",
     ("policing-trust",), "supports", "An office admitting its own harm: rare.", DEV),
    ("The Act sets a floor.", ("good-samaritan",), "neutral", "", MARIA),
    ("making it safe to call for help", ("good-samaritan",), "supports", "", MARIA),
    ("reserve the most serious charges available in drug-death cases for people who sell "
     "drugs for profit", ("drug-induced-homicide",), "opposes",
     "Still keeps death-resulting charges for 'sellers': who decides who sold?", DEV),
    ("shall be charged with possession of a controlled substance, possession of drug "
     "paraphernalia", ("non-prosecution-possession", "paraphernalia-laws"), "supports",
     "Goes beyond § 12-405: paraphernalia too.", MARIA),
    ("shall not seize the telephones of overdose survivors", ("good-samaritan",
                                                                "over-under-policing"),
     "supports", "", DEV),
    ("may be filed only with the personal written approval of the District Attorney",
     ("drug-induced-homicide",), "neutral", "Ask how often it was approved in 2022.", MARIA),
    ("All investigators of this Office shall carry naloxone while on duty",
     ("naloxone",), "supports", "", MARIA),
    ("Naloxone kits shall be available without charge and without questions",
     ("naloxone",), "supports", "Check the reception desks on our visit.", DEV),
    ("families who have lost someone to an overdose, and people who use drugs",
     ("participation",), "supports", "", MARIA),
)
FAVOURITES = ("good-samaritan", "naloxone", "drug-induced-homicide", "non-prosecution-possession",
              "policing-trust", "participation", "racial-equity", "housing", "overdose-data")


def find(text: str, words: str) -> tuple[int, int]:
    """Where ``words`` are in ``text`` (any spaces or line breaks between them)."""
    m = re.search(r"\s+".join(re.escape(w) for w in words.split()), text)
    if m is None:
        raise SystemExit(f"not in the memo: {words!r}")
    return m.start(), m.end()


def seed(session: Any) -> str:
    """Mark :data:`PASSAGES` as two people; the memo's document id."""
    from reader.settings import Settings
    from reader.workspace import Workspace

    ws = session.workspace
    other = Workspace.open(ws.root, settings=Settings(
        Path(os.environ["POLICY_READER_HOME"]) / "dev-annotator.json"))
    stores = {MARIA: ws.annotations(), DEV: other.annotations()}
    stores[MARIA].set_author_name(MARIA)
    stores[DEV].set_author_name(DEV)
    ws.themes().set_favourites(FAVOURITES)
    doc = next(d for d in ws.library().documents() if d.path == MEMO)
    text = ws.library().text(doc.id).text
    for words, themes, stance, note, who in PASSAGES:
        start, end = find(text, words)
        stores[who].create(doc.id, start, end, themes=themes, stance=stance, note=note)
    for store in stores.values():
        store.save()
    stores[MARIA].reload()
    return doc.id


def shots(app: Any, window: Any, session: Any, out: Path, pump: Any,
          size: tuple[int, int] = (1280, 800), themes: bool = True) -> list[Path]:
    from PySide6.QtCore import Qt

    doc_id = seed(session)
    ui = window.annotating
    ctrl = ui.ctrl
    ctrl.reload_from_disk()
    pump(app, until=lambda: session.runner.idle())
    ctrl.tax = session.workspace.themes().taxonomy()
    ctrl.themes_changed.emit(ctrl.tax)
    ui.sidebar_dock.show()
    ui.sidebar_dock.raise_()
    ui.themes_dock.show()
    ui.themes_dock.raise_()
    pump(app, 0.2)  # the default layout (docks tabbed) is made once the window shows
    window.resize(*size)
    window.resizeDocks([ui.themes_dock, ui.sidebar_dock], [314, 250], Qt.Orientation.Horizontal)
    window.resize(*size)
    tab = window.open_document(doc_id)
    pump(app, until=lambda: tab is not None and tab.is_ready)
    binding = ui.bind(tab)
    pump(app, until=lambda: binding.doc.ready and len(binding.doc) == len(PASSAGES))
    text = tab.doc_text.text
    pump(app, 0.6)
    written: list[Path] = []

    # 1. the memo with highlights, a selection with the toolbar, the sidebar
    chosen = next(p for p in binding.doc.ordered()
                  if p.highlight.quote.exact.startswith("Our own practice"))
    ui.sidebar.select(chosen.highlight.id)
    words = find(text, "gives immunity for possession offenses to a person who seeks medical "
                 "help in good faith for an overdose")
    tab.view.select_range(*words)
    tab.view.scroll_to_offset(find(text, "Last year, 43 people")[0], align=0.0,
                              move_caret=False)
    pump(app, until=binding.toolbar.isVisible, timeout=5)
    pump(app, 0.5)
    path = out / "highlights.png"
    window.grab().save(str(path))
    written.append(path)

    if not themes:
        return written
    # 2. the themes panel: counts and one theme's passages across documents; one of your
    # own highlights chosen (editable)
    cursor = tab.view.textCursor()
    cursor.clearSelection()
    tab.view.setTextCursor(cursor)
    binding.clear_target()
    panel = ui.themes_panel
    panel.select("good-samaritan")
    pump(app, until=lambda: panel.passages.item_count() > 0, timeout=10)
    mine = next(p for p in binding.doc.ordered()
                if p.highlight.quote.exact.startswith("they were afraid"))
    ui.sidebar.select(mine.highlight.id)
    binding.set_focus(mine.highlight.id)
    pump(app, 0.6)
    path = out / "themes.png"
    window.grab().save(str(path))
    written.append(path)

    # 3. the same memo as printed pages, both people's highlights drawn on its words
    binding.clear_target()
    ui.sidebar_dock.raise_()
    window.actions_.page_view.trigger()
    view = tab.pages.pane.view
    pump(app, until=lambda: view.images is not None and view.layout_.rects, timeout=10)
    first = next(p for p in binding.doc.ordered()
                 if p.highlight.quote.exact.startswith("they were afraid"))
    view.scroll_to_offset(first.anchor.start, align=0.25)
    pump(app, until=lambda: all(view.images.image(i, view.layout_.rects[i].width,
                                                  view.layout_.rects[i].height) is not None
                                for i in view.visible_pages()), timeout=10)
    ui.sidebar.select(first.highlight.id)
    pump(app, 0.6)
    path = out / "pages.png"
    window.grab().save(str(path))
    written.append(path)
    window.actions_.page_view.trigger()  # back to the text for what comes next
    return written
