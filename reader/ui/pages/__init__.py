"""The page view: a PDF's pages as printed, rendered by QtPdf into a view of our own (QPdfView
has no overlay or selection API), with highlights drawn from the character boxes and
selection by the boxes.

* :mod:`.layout` — where each page sits in the continuous scroll at a zoom (pure);
* :mod:`.images` — rendering off the GUI thread (``QPdfPageRenderer``) into a bounded cache;
* :mod:`.view` — the scroll area: painting, zoom, keys, dark pages;
* :mod:`.overlay` — marks and the selection as page rectangles; hit tests;
* :mod:`.pane` — the view with its page bar (page box, fit, zoom, dark) and notices.
"""
