"""What every page module shares: the page context, the ``Site`` helper templates call, URLs.

The page modules (``macros/site/records.py``, ``readinglist.py``, …) import this module; ``build.py``
imports them. Nothing here imports a page module, so there is no import cycle.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from .. import bibliography
from ..core.problems import Problems
from ..data import places, review
from ..data.dataset import Dataset, Record, source_ref
from ..data.kinds import METHOD, PAGE_FOLDERS, generated_dirs
from ..figures import case_map
from . import citations
from .kept import KeptFiles
from .render import TermLinker, keep_compiled_templates, make_environment
from .site_address import filled_in
from .source_lists import FURTHER_READING_LIMIT, FurtherLine, SourceLine, SourceLists

__all__ = ["FURTHER_READING_LIMIT", "FurtherLine", "PageContext", "Publication", "Site", "SourceLine", "configured",
           "generated_dirs",
           "item_file"]

#: URL folders of records that are not a record kind (rungs and roles have a page each on the ladder).
OTHER_URLS = {"rung": PAGE_FOLDERS.ladder}

#: The page in the cases' folder that holds the map (praktijk/kaart/).
MAP_PAGE = places.RESERVED_IDS[0]

#: The page in the methods' folder that puts methods side by side (methoden/vergelijk/, macros/site/compare.py):
#: the registry reserves it, so no method may have this id.
COMPARE_PAGE = METHOD.pages[0]
#: How many methods a reader can put side by side there (more columns do not fit a printed A4 page).
COMPARE_MAX = 4


def configured(value: str | None) -> str:
    """The setting as given, or '' when it is empty or still an example address: no link may point at it."""
    return (value or "").strip() if filled_in(value) else ""


@dataclass(frozen=True)
class Publication:
    """Settings of the published site that pages need (mkdocs.yml: site_url, extra.correction_email, …)."""

    site_url: str = "http://127.0.0.1:8000/"
    correction_email: str = ""  # where readers without a GitHub account send a correction ('': none set)
    author: str = "Redactie van de Wijkengids"  # who publishes the site (mkdocs.yml site_author)
    # The organisation that publishes the site, for structured data and the open-data catalogue
    # (mkdocs.yml extra.publisher_name, extra.publisher_url; empty: not said).
    publisher_name: str = ""
    publisher_url: str = ""
    site_name: str = "Wijkengids"  # mkdocs.yml site_name: link previews, OpenSearch

    def absolute(self, url: str) -> str:
        return self.site_url.rstrip("/") + "/" + url.lstrip("/")


class Site:
    """What templates may ask about the data: links, labels, sources. No MkDocs here, and no caches: the
    source lists are made once in SourceLists, what one reading-list entry gives once by the entry itself."""

    def __init__(self, data: Dataset, edit_base: str = "", today: date | None = None,
                 publication: Publication | None = None):
        self.data = data
        self.labels = data.schemas.labels
        self.edit_base = edit_base
        self.publication = publication or Publication()
        self.link_terms = TermLinker(data.glossary)
        self.urls = {kind.id: kind.url for kind in data.kinds} | OTHER_URLS
        # The "Bronnen" and "Verder lezen" lists and their items, made once per build (macros/site/source_lists.py).
        self.source_lists = SourceLists(data)
        # The day this build stands for (SOURCE_DATE_EPOCH when set, so builds stay reproducible).
        self.build_date = today or review.build_date()
        self.review_months = review.REVIEW_MONTHS
        self.compare_max = COMPARE_MAX

    def review_overdue(self, record: Record) -> bool:
        """Is the last expert check of this record older than the review period (macros/data/review.py)?"""
        return review.is_overdue(record["reviewed"], self.build_date, self.review_months)

    def review_due(self, record: Record) -> str:
        """The last day (YYYY-MM-DD) on which the record's review still counts: the page's script compares
        the reader's date with it, so the rule is computed here only."""
        return review.review_due(record["reviewed"], self.review_months).isoformat()

    #: Where a reader learns how to report a mistake when no correction address is set (docs/over/index.md).
    REPORT_PAGE = "over/#fout-melden"

    def correction_mailto(self, record: Record) -> str:
        """A mailto: link with the page and the record filled in, for readers who are not on GitHub
        ('' while no correction address is set: templates then point at REPORT_PAGE)."""
        if not configured(self.publication.correction_email):
            return ""
        subject = f"Correctie voor de Wijkengids: {record.heading}"
        body = (f"Pagina: {self.publication.absolute(self.url(record))}\r\n"
                f"Record: {record.path}\r\n\r\n"
                "Wat klopt er niet, of wat ontbreekt?\r\n\r\n\r\n"
                "Hoe weet je dat? (een bron of link, als je die hebt)\r\n\r\n")
        return f"mailto:{self.publication.correction_email}?subject={quote(subject)}&body={quote(body)}"

    def url(self, record: Record) -> str:
        """Root-relative URL without leading slash, e.g. 'methoden/abcd/'. Every link to a record's page
        comes from here (templates: the ``record_link`` macro in _macros.j2), so a kind's URL lives only
        in the registry (macros/data/kinds.py)."""
        return f"{self.urls[record.kind]}/{record.id}/"

    def index_url(self, kind: str) -> str:
        """Root-relative URL of a kind's overview page, e.g. 'methoden/' (rungs: 'ladder/')."""
        return f"{self.urls[kind]}/"

    @property
    def map_url(self) -> str:
        """The map of the practice cases, a page in the cases' folder (macros/site/map.py)."""
        return f"{self.index_url('case')}{MAP_PAGE}/"

    @property
    def compare_url(self) -> str:
        """The comparison of methods, a page in the methods' folder (macros/site/compare.py)."""
        return f"{self.index_url('method')}{COMPARE_PAGE}/"

    def latest_source_year(self, record: Record) -> int | None:
        """The year of the record's newest dated source (its own ``sources``), or None: how far the sources
        reach, so a case 'still running' is said to run up to that year, not until today."""
        years = [int(year) for year in (self.data.bibliography[key].year for key, _ in map(source_ref, record.get("sources") or []))
                 if year]
        return max(years) if years else None

    def period(self, record: Record, short: bool = False) -> str:
        """A case's period in words (macros/figures/case_map.py: period_text), up to its newest source."""
        return case_map.period_text(record.get("period"), self.latest_source_year(record), short=short)

    def label(self, vocabulary: str, value: str) -> str:
        return self.labels[vocabulary].get(value, value)

    def description(self, vocabulary: str, value: str) -> str:
        """The explanation of a value of a fixed list (x-descriptions in common.schema.json), or ''."""
        return self.data.schemas.raw["common.schema.json"]["$defs"][vocabulary].get("x-descriptions", {}).get(value, "")

    def count_kind(self, kind: str) -> int:
        """How many methods in the overview are of this kind (methode, regeling, …); background records are
        listed apart."""
        return sum(1 for m in self.data.methods.values() if m["kind"] == kind and m.get("section") != "achtergrond")

    def labels_of(self, kind: str, field: str) -> dict[str, str]:
        """Labels of the parts of a group field, in schema order, e.g. who_does_what -> {'bewoners': 'Bewoners'}."""
        return self.data.schemas.fields(kind)[field].get("x-labels", {})

    def rung(self, rung_id: str) -> Record:
        return next(r for r in self.data.rungs + self.data.roles if r.id == rung_id)

    def methods(self, ids: list[str]) -> list[Record]:
        return [self.data.methods[i] for i in ids]

    def methods_with_role(self, role_id: str) -> list[Record]:
        return [m for m in self.data.methods.values() if role_id in m["roles"]]

    def rungs_for_role(self, role_id: str) -> list[Record]:
        return [r for r in self.data.rungs if role_id in r["corresponds"]]

    def sources(self, record: Record | dict[str, Any]) -> list[SourceLine]:
        """The record's own sources ("Bronnen"), in reading-list order."""
        return self.source_lists.sources(record)

    def source_item(self, line: SourceLine, base: str, extra: Markup | str = "") -> Markup:
        """One entry of a record's "Bronnen" list, made like those on the residents' pages (citations.py)."""
        return citations.source_item(line.key, line.html, label=line.label, base=base, pages=line.pages, extra=extra)

    def cite_group(self, lines: list[SourceLine], base: str) -> Markup:
        """'(A, 1993; B, 2023b)', each work linked to the reading list (citations.cite_group)."""
        parts = bibliography.cite_parts([(line.key, line.pages) for line in lines], bibliography=self.data.bibliography)
        return citations.cite_group(parts, base)

    def fact_notes(self, records: list[Record], base: str) -> Markup:
        """The closing list of checked facts for a page showing these records ('' when they use none)."""
        return citations.facts_markup(self.data, self.data.facts_of(*records), base)

    def fact(self, fact_id: str) -> Record:
        return self.data.fact_index[fact_id]

    def coins(self, key: str) -> str:
        """The COinS title for one entry (Zotero's connector reads it); the template escapes it."""
        return bibliography.to_coins(self.data.bibliography[key])

    def memo(self, macro: Any, *args: Any) -> Markup:
        """What a template macro makes of these arguments, made once per build (SourceLists.item): the
        buttons and COinS of one source stand on hundreds of record pages."""
        return self.source_lists.item(macro, *args)

    def item_file(self, key: str) -> str:
        return item_file(key)

    def further_reading(self, record: Record) -> tuple[list[FurtherLine], list[Record]]:
        """A reading list for one method or case from the themes of its sources, and those themes
        (SourceLists.further_reading)."""
        return self.source_lists.further_reading(record)


class PageContext:
    """What a page contributor gets: the data, link helpers and two ways to add a file."""

    def __init__(self, data: Dataset, edit_base: str = "", docs_dir: Path | None = None,
                 today: date | None = None, publication: Publication | None = None,
                 cache_dir: Path | None = None):
        self.data = data
        self.docs_dir = docs_dir  # to read hand-written pages (the reading list lists who cites what)
        self.site = Site(data, edit_base, today, publication)
        self.env = make_environment(tuple(kind.template_dir for kind in data.kinds if kind.template_dir))
        # What a build may keep for the next one (None: nothing): compiled templates, and page families' files.
        keep_compiled_templates(self.env, cache_dir / "jinja" if cache_dir else None)
        self.kept = KeptFiles(cache_dir)
        self.files: dict[str, str] = {}
        self.owners: dict[str, Record] = {}  # path -> the record a page is about, to locate a clash
        self.problems = Problems()  # mistakes in the data only the pages reveal (two pages of one path)

    def render(self, template: str, path: str, **context: Any) -> None:
        """Render a template into docs/<path>; ``base`` leads from that page's URL to the site root."""
        depth = path.count("/") + (0 if path.endswith("index.md") or not path.endswith(".md") else 1)
        owner = next((value for value in context.values() if isinstance(value, Record)), None)
        self.add(path, self.env.get_template(template).render(
            site=self.site, data=self.data, base="../" * depth, **context), owner)

    def add(self, path: str, text: str, owner: Record | None = None) -> None:
        """Add a file; ``owner`` is the record the page is about. Two pages of one path lose one of them:
        when a record is involved that is a mistake in the data, said at its id (``problems``); between
        two page families it is a bug in the code."""
        if path in self.files:
            first = self.owners.get(path)
            records = [record for record in (first, owner) if record is not None]
            if not records:
                raise ValueError(f"two generators write {path}")
            for record in records:
                other = "een andere pagina" if len(records) == 1 else "een ander record"
                self.problems.add(record.path, record.value_lines.get(("id", record.id), record.line), "id",
                                  f"de pagina van '{record.id}' ({path}) valt samen met {other}",
                                  "kies een andere id (en bestandsnaam) voor dit record")
            return
        self.files[path] = text
        if owner is not None:
            self.owners[path] = owner


def item_file(key: str) -> str:
    """File name (without extension) of one entry's downloads: leeslijst/bron/<key>.bib and .ris.
    Keys may hold ':', which some file systems (and zip tools on Windows) refuse."""
    return key.replace(":", "_")
