"""What the search dialog knows about each page, for overrides/main.html and overrides/partials/search.html:
its type in Dutch (shown with every result and read out: Methode, Voor bewoners, …), its value for the
filter chips, and the readers' words of data/zoekwoorden.yaml that find it.

Record kinds come from the registry (macros/data/kinds.py): a new kind gets its label and its chip
without a change to the theme. main.py puts the result in ``extra.search_pages``.
"""
from __future__ import annotations

from typing import Any

from macros.data import search_words
from macros.data.dataset import Dataset
from macros.data.kinds import CASE, PAGE_FOLDERS

from .context import MAP_PAGE
from .records import record_pages

#: Filter values that are not record kinds (the chips after the kinds').
SOURCES = ("bron", "Bronnen")
RESIDENTS = ("pagina voor bewoners", "Voor bewoners")

#: By the first folder of the address: (filter value or "", type label). Pages without a rule are "Over de gids".
#: The page families' folders come from their one place (kinds.PAGE_FOLDERS); bewoners/ is written by hand.
FOLDERS = {
    "bewoners": RESIDENTS,
    PAGE_FOLDERS.readinglist: SOURCES,
    PAGE_FOLDERS.ladder: ("", "Trede"),
    PAGE_FOLDERS.glossary: ("", "Begrippen"),
    PAGE_FOLDERS.timeline: ("", "Tijdlijn"),
    PAGE_FOLDERS.selector: ("", "Keuzehulp"),
    PAGE_FOLDERS.onderbouwing: ("", "Onderbouwing"),
}
#: Single pages whose type differs from their folder's.
PAGES = {"": ("", "Start"), f"{PAGE_FOLDERS.ladder}/": ("", "Participatieladder"),
         f"{CASE.url}/{MAP_PAGE}/": ("", "Kaart")}
OTHER = ("", "Over de gids")
OVERVIEW = "Overzicht"
#: The weight of a page's readers' words in the index (Pagefind: 0 to 10, quadratic; h1 is 7, text 1).
WORDS_WEIGHT = 6


def search_pages(data: Dataset) -> dict[str, Any]:
    # Exactly the record pages are records (not the map or the comparison in a kind's folder): one list.
    records = {path.removesuffix(".md") + "/": (label, label[:1].upper() + label[1:])
               for path, label in record_pages(data).items()}
    pages = dict(PAGES)
    for kind in data.kinds:
        pages.setdefault(f"{kind.url}/", ("", OVERVIEW))
    chips = [("", "Alles"), *((kind.label, kind.title) for kind in data.kinds), SOURCES, RESIDENTS]
    checklists = next((f"{kind.url}/" for kind in data.kinds if kind.id == "checklist"), None)
    # Where a reader can go on when nothing is found (the dialog shows these links then).
    help_links = [(f"{PAGE_FOLDERS.selector}/", "De Participatiewijzer: kies een aanpak die past"),
                  ("bewoners/", "Voor bewoners: begin hier als je in de wijk woont"),
                  *([(checklists, "De checklists: stap voor stap")] if checklists else [])]
    return {"records": records, "pages": pages, "folders": FOLDERS, "other": OTHER, "chips": chips, "help": help_links,
            "words": search_words.by_page(data.search_words), "words_weight": WORDS_WEIGHT}
