"""Operations: every user-level action, once, for every front end (no Qt).

Each operation is a function over a :class:`~reader.workspace.Workspace` (the composition
root that holds the services) and returns its result with a
:class:`~reader.model.changes.ChangeSet` (an :class:`~reader.model.changes.Outcome`): the
CLI prints the result, the GUI refreshes what the change set names. Queries a panel needs
(counts, passages, choices) live here too, so the CLI and the tests reach them.

* :mod:`.workspace` — opening a workspace;
* :mod:`.library` — import, refresh (read then index), open a file, metadata corrections;
* :mod:`.highlights` — create, annotate by quote, edit, delete, copy, re-attach, undo
  versions, save, read changes from disk, your name;
* :mod:`.queries` — highlights listed and counted, passages of a theme;
* :mod:`.themes` — theme edits (with the retagging they need) and theme listings;
* :mod:`.sharing` — annotation files in and out;
* :mod:`.identity` — who you are as an annotator;
* :mod:`.brief` — what the brief dialog and ``policy-reader brief`` need;
* :mod:`.compare` — the comparison matrix, the policy comparison, agreement, the
  disagreements and their resolutions;
* :mod:`.search` — searching and the index's state;
* :mod:`.pages` — the page view's source and hit tests, password-protected PDFs, the OCR
  setting;
* :mod:`.desktop` — the window's start-up workspace, recent workspaces, one window per
  workspace (its name and the message a second launch sends);
* :mod:`.about` — versions and licences for Help → About.

This package imports nothing heavy when imported: each module loads what it uses.
"""
