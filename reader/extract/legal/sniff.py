"""Which legislative XML vocabulary a file is written in, from its root element.

* **D.C. Code** (the D.C. Council's law library): ``<section>`` or ``<container>`` in the
  ``https://code.dccouncil.us/schemas/dc-library`` namespace, or without a namespace in
  older files (then the root must have the vocabulary's ``<num>``/``<heading>``/``<para>``
  children).
* **USLM** (U.S. Code titles, public laws, bills): any root in
  ``http://xml.house.gov/schemas/uslm/1.0`` (the Code) or ``http://schemas.gpo.gov/xml/uslm``
  (USLM 2, the Government Publishing Office's laws and bills).
* **Akoma Ntoso** 3.0 (acts and bills of many parliaments): ``<akomaNtoso>`` in
  ``http://docs.oasis-open.org/legaldocml/ns/akn/3.0`` (drafts of the standard add a suffix:
  ``…/WD17``, ``…/CSD13``), or in AKN 2.0's ``http://www.akomantoso.org/2.0`` (still how
  older Laws.Africa and parliamentary archives publish).
* **Congressional bills** in the older bill DTD most of govinfo's bill XML still uses:
  ``<bill>``, ``<resolution>`` or ``<amendment-doc>`` without a namespace, with the DTD's
  ``<form>``/``<legis-body>``/``<resolution-body>`` children.
* XHTML saved with an ``.xml`` name is read as a web page.

Anything else is reported with its root element: "XML vocabulary ‹rss› not known".
"""

from __future__ import annotations

import lxml.etree as etree

from reader.errors import UnsupportedFormat
from reader.extract.legal.safe_xml import local, namespace

DC_NS = "https://code.dccouncil.us/schemas/dc-library"
USLM_NS = ("http://xml.house.gov/schemas/uslm/1.0", "http://schemas.gpo.gov/xml/uslm")
AKN_NS = ("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", "http://www.akomantoso.org/2.0",
          "http://www.akomantoso.org/1.0")
XHTML_NS = "http://www.w3.org/1999/xhtml"
_BILL_ROOTS = ("bill", "resolution", "amendment-doc")
_BILL_CHILDREN = {"form", "legis-body", "resolution-body", "engrossed-amendment-body",
                  "amendment-body", "metadata"}
_DC_CHILDREN = {"num", "heading", "para", "text", "annotations", "container", "section"}


def vocabulary(root: etree._Element, name: str) -> str:
    """``"dc"``, ``"uslm"``, ``"akn"``, ``"bill"`` or ``"xhtml"``; raises
    ``UnsupportedFormat``."""
    ns, tag = namespace(root), local(root)
    if ns == DC_NS or (not ns and tag in ("section", "container")
                       and any(local(c) in _DC_CHILDREN for c in root)):
        return "dc"
    if ns.rstrip("/") in USLM_NS or ns.startswith(USLM_NS[1]):
        return "uslm"
    if ns.startswith(AKN_NS) and tag in ("akomaNtoso", "akomantoso"):
        return "akn"
    if not ns and tag in _BILL_ROOTS and any(local(c) in _BILL_CHILDREN for c in root):
        return "bill"
    if tag == "html" and ns in ("", XHTML_NS):
        return "xhtml"
    where = f" ({ns})" if ns else ""
    raise UnsupportedFormat(f"{name}: XML vocabulary ‹{tag or '?'}›{where} not known.")
