"""Highlighting, tagging, notes and sharing inside the reader (issue 6).

* :mod:`.controller` — the one object that edits annotations and themes for the window
  (undoable, autosaved, re-indexed), and tells widgets what changed;
* :mod:`.undo` — ``QUndoCommand``\\ s over the core's edits;
* :mod:`.autosave`, :mod:`.watcher` — saving your file, and noticing others' files;
* :mod:`.doc_highlights` — the highlights of one open document (shared by its reader tab
  and the sidebar); :mod:`.highlight_marks` draws them; :mod:`.tab_binding` wires a tab;
* :mod:`.counts` — plain Python (no Qt) for the panels (the import preview's plan is the
  core's: :mod:`reader.annotations.import_plan`);
* :mod:`.install` — puts it all in the main window (actions, menus, docks).
"""
