"""The main window assembled: its layout and docks (:mod:`.main_window`), menus
(:mod:`.menus`), what its actions do (:mod:`.workspace_actions`, :mod:`.reading_actions`,
:mod:`.search_actions`), and the annotation tools put into it (:mod:`.annotation_ui`,
:mod:`.annotation_menus`, :mod:`.tab_binding`, :mod:`.annotation_sharing`).

The window sits on top of the other ui packages: it uses :mod:`reader.ui.widgets` and
:mod:`reader.ui.annotating`; nothing below imports it.
"""
