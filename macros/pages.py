"""Which pages the data produces, and their text: one page per record plus overviews.

``build_pages`` returns {docs-relative path: Markdown text}; ``write_pages`` puts them on disk,
touching only files whose text changed, so ``mkdocs serve`` does not rebuild in a loop.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from . import bibliography, review
from .dataset import Dataset, Record
from .render import TermLinker, make_environment

#: Folders below docs/ that belong to the generator; everything in them is rewritten each build.
GENERATED_DIRS = ("methoden", "praktijk", "checklists", "ladder", "leeslijst", "tijdlijn", "begrippen",
                  "participatiewijzer", "open-data", "onderbouwing", "nieuw")

URLS = {"method": "methoden", "case": "praktijk", "checklist": "checklists", "rung": "ladder"}


@dataclass
class SourceLine:
    key: str
    pages: str | None
    html: Markup
    cite: str


@dataclass(frozen=True)
class Publication:
    """Settings of the published site that pages need (mkdocs.yml: site_url, extra.correction_email)."""

    site_url: str = "http://127.0.0.1:8000/"
    correction_email: str = ""  # where readers without a GitHub account send a correction
    author: str = "Redactie van de Wijkengids"  # who publishes the site (mkdocs.yml site_author)

    def absolute(self, url: str) -> str:
        return self.site_url.rstrip("/") + "/" + url.lstrip("/")


class Site:
    """What templates may ask about the data: links, labels, sources. No MkDocs here."""

    def __init__(self, data: Dataset, edit_base: str = "", today: date | None = None,
                 publication: Publication | None = None):
        self.data = data
        self.labels = data.schemas.labels
        self.edit_base = edit_base
        self.publication = publication or Publication()
        self.link_terms = TermLinker(data.glossary)
        self._references: dict[str, tuple[Markup, tuple]] = {}
        # The day this build stands for (SOURCE_DATE_EPOCH when set, so builds stay reproducible).
        self.build_date = today or review.build_date()
        self.review_months = review.REVIEW_MONTHS

    def review_overdue(self, record: Record) -> bool:
        """Is the last expert check of this record older than the review period (macros/review.py)?"""
        return review.is_overdue(record["reviewed"], self.build_date, self.review_months)

    def correction_mailto(self, record: Record) -> str:
        """A mailto: link with the page and the record filled in, for readers who are not on GitHub."""
        subject = f"Correctie voor de Wijkengids: {record.heading}"
        body = (f"Pagina: {self.publication.absolute(self.url(record))}\r\n"
                f"Record: {record.path}\r\n\r\n"
                "Wat klopt er niet, of wat ontbreekt?\r\n\r\n\r\n"
                "Hoe weet je dat? (een bron of link, als je die hebt)\r\n\r\n")
        return f"mailto:{self.publication.correction_email}?subject={quote(subject)}&body={quote(body)}"

    def url(self, record: Record) -> str:
        """Root-relative URL without leading slash, e.g. 'methoden/abcd/'."""
        return f"{URLS[record.kind]}/{record.id}/"

    def label(self, vocabulary: str, value: str) -> str:
        return self.labels[vocabulary].get(value, value)

    def description(self, vocabulary: str, value: str) -> str:
        """The explanation of a value of a fixed list (x-descriptions in common.schema.json), or ''."""
        return self.data.schemas.raw["common.schema.json"]["$defs"][vocabulary].get("x-descriptions", {}).get(value, "")

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
        lines = []
        for source in record.get("sources") or []:
            key, pages = (source["key"], source.get("pages")) if isinstance(source, dict) else (source, None)
            html, order = self._reference(key)
            lines.append(SourceLine(key, pages, html,
                                    bibliography.cite_text([key], pages=pages, bibliography=self.data.bibliography)))
        return sorted(lines, key=lambda s: self._reference(s.key)[1])

    def _reference(self, key: str) -> tuple[Markup, tuple]:
        """An entry's formatted reference and sort key, made once per build: many pages cite the same work."""
        if key not in self._references:
            entry = self.data.bibliography[key]
            self._references[key] = (bibliography.format_reference(entry), bibliography.sort_key(entry))
        return self._references[key]


class PageContext:
    """What a page contributor gets: the data, link helpers and two ways to add a file."""

    def __init__(self, data: Dataset, edit_base: str = "", docs_dir: Path | None = None,
                 today: date | None = None, publication: Publication | None = None):
        self.data = data
        self.docs_dir = docs_dir  # to read hand-written pages (the reading list lists who cites what)
        self.site = Site(data, edit_base, today, publication)
        self.env = make_environment()
        self.files: dict[str, str] = {}

    def render(self, template: str, path: str, **context: Any) -> None:
        """Render a template into docs/<path>; ``base`` leads from that page's URL to the site root."""
        depth = path.count("/") + (0 if path.endswith("index.md") or not path.endswith(".md") else 1)
        self.add(path, self.env.get_template(template).render(
            site=self.site, data=self.data, base="../" * depth, **context))

    def add(self, path: str, text: str) -> None:
        if path in self.files:
            raise ValueError(f"two generators write {path}")
        self.files[path] = text


def build_pages(data: Dataset, edit_base: str = "", docs_dir: Path | None = None,
                today: date | None = None, publication: Publication | None = None) -> dict[str, str]:
    """Every generated file, from every contributor module (one per feature).
    ``today`` is the build date (default: SOURCE_DATE_EPOCH, else the clock); tests pass their own."""
    from . import page_checklists, page_glossary, page_ladder, page_map, page_news, page_onderbouwing, \
        page_opendata, page_readinglist, page_records, page_selector, page_timeline

    ctx = PageContext(data, edit_base, docs_dir, today, publication)
    for contributor in (page_records, page_ladder, page_checklists, page_readinglist, page_selector,
                        page_timeline, page_glossary, page_map, page_opendata, page_onderbouwing, page_news):
        contributor.contribute(ctx)
    return ctx.files


def write_pages(pages: dict[str, str], docs_dir: Path) -> list[str]:
    """Write changed pages, delete stale generated files; return what changed (for logs and tests)."""
    changed = []
    for rel, text in sorted(pages.items()):
        target = docs_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(rel)
    wanted = {docs_dir / rel for rel in pages}
    for folder in GENERATED_DIRS:
        for path in sorted((docs_dir / folder).rglob("*")) if (docs_dir / folder).exists() else []:
            if path.is_file() and path not in wanted:
                path.unlink()
                changed.append(path.relative_to(docs_dir).as_posix())
    return changed
