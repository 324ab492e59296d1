"""The annotation side of the GUI, below the widgets (issue 6; no widget is imported here):

* :mod:`.controller` — the one object that edits annotations and themes for the window
  (through :mod:`reader.ops`, undoable, autosaved, re-indexed), and tells widgets what
  changed; :mod:`.theme_edits` — its theme editor;
* :mod:`.undo` — ``QUndoCommand``\\ s over the operations;
* :mod:`.autosave`, :mod:`.watcher` — saving your file, and noticing others' files;
* :mod:`.doc_highlights` — the highlights of one open document (shared by its reader tab
  and the sidebar).

How they are drawn (:mod:`reader.ui.highlight_marks`) and put into the main window
(:mod:`reader.ui.window.annotation_ui`, menus, tab bindings, sharing) live elsewhere.
"""
