"""Vergelijk methoden (methoden/vergelijk/): two to four methods side by side, chosen in the address
(``?m=abcd,pact,wijkbudget``), so a comparison can be shared and bookmarked.

The page itself holds a plain table of every method that can be compared: what a reader without
JavaScript gets, and where a reader with it ticks the methods to compare. The side-by-side view is drawn
by docs/assets/js/vergelijk.js from one small script per method (``methoden/vergelijk/<id>.js``, the
cells as HTML made by ``compare_cells.j2``). A script loads with ``<script src>`` also from the offline
copy (file://), where ``fetch`` is refused, and the page loads only the methods chosen: it stays small at
5,000 methods.

Which methods: those of the methods overview's table. Background records (``section: achtergrond``, an
idea or a piece of history) are not methods to choose now; as in the overview and the Participatiewijzer
they are left out. Ideas (kind ``idee``) that are not background stay in: the overview lists them too, and
the comparison shows what is not described of them.
"""
from __future__ import annotations

import json
from typing import Any

from ..bibliography.text import fold_accents
from ..data.dataset import Dataset, Record
from .context import COMPARE_MAX, COMPARE_PAGE, PageContext
from .nav import KindPage

#: The comparison is a page in the methods' folder, under their overview in the menu (macros/site/nav.py).
KIND_PAGES = (KindPage("method", COMPARE_PAGE, "Vergelijken"),)

#: The rows of the comparison, in order: (id in compare_cells.j2 and the script, Dutch label).
ROWS: tuple[tuple[str, str], ...] = (
    ("kort", "Kort gezegd"),
    ("soort", "Soort"),
    ("treden", "Treden voor bewoners"),
    ("rollen", "Rol van de overheid"),
    ("wanneer", "Wanneer wel"),
    ("wanneer-niet", "Wanneer niet"),
    ("wie", "Wie doet wat"),
    ("stappen", "Stappen"),
    ("duur", "Duur"),
    ("kosten", "Kosten"),
    ("schaal", "Schaal"),
    ("onderbouwing", "Onderbouwing"),
    ("effect", "Wat weten we over het effect?"),
    ("praktijk", "Praktijkvoorbeelden"),
    ("checklists", "Checklists"),
)

#: How many steps a cell lists before "en nog …" (the method page has them all).
FIRST_STEPS = 3


def comparable(data: Dataset) -> list[Record]:
    """The methods a reader can compare, by name as a Dutch reader sorts (accents and case do not count)."""
    return sorted((m for m in data.methods.values() if m.get("section") != "achtergrond"),
                  key=lambda m: (fold_accents(m["name"]).casefold(), m.id))


def method_script(method_id: str, name: str, html: str) -> str:
    """One method's cells as a script that hands them to the page (vergelijk.js defines wgVergelijk)."""
    record = json.dumps({"id": method_id, "name": name, "html": html}, ensure_ascii=False, sort_keys=True)
    return f"window.wgVergelijk && window.wgVergelijk({record});\n"


def page_path(ctx: PageContext) -> str:
    """docs/-relative path of the page: methoden/vergelijk.md (its URL is Site.compare_url)."""
    return ctx.site.compare_url.rstrip("/") + ".md"


def contribute(ctx: PageContext) -> None:
    methods = comparable(ctx.data)
    path = page_path(ctx)
    rows: list[list[Any]] = [list(row) for row in ROWS]
    # Background records named in an address get a word of explanation instead of "not found".
    background = {m.id: m["name"] for m in ctx.data.methods.values() if m.get("section") == "achtergrond"}
    ctx.render("compare.md.j2", path, methods=methods, rows=rows, max_methods=COMPARE_MAX, background=background)
    # The cells are inserted into the comparison page, so their links lead from that page's URL.
    base = "../" * (path.count("/") + 1)
    cells = ctx.env.get_template("compare_cells.j2")
    for method in methods:
        html = cells.render(site=ctx.site, data=ctx.data, base=base, m=method, first_steps=FIRST_STEPS).strip()
        ctx.add(f"{ctx.site.compare_url}{method.id}.js", method_script(method.id, method["name"], html))
