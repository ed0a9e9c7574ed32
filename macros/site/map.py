"""The map of practice cases (praktijk/kaart/): geometry and layout in macros/figures/case_map.py."""
from __future__ import annotations

from ..figures import case_map
from .context import MAP_PAGE, PageContext
from .nav import KindPage

#: The map is a page in the cases' folder, under their overview in the menu (macros/site/nav.py).
KIND_PAGES = (KindPage("case", MAP_PAGE, "Kaart"),)


def contribute(ctx: PageContext) -> None:
    cases = ctx.data.cases.values()
    page = case_map.build_maps(cases, latest={case.id: ctx.site.latest_source_year(case) for case in cases})
    ctx.render("map.md.j2", f"{ctx.site.index_url('case')}{MAP_PAGE}.md", page=page, place_text=case_map.place_text)
