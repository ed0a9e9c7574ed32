"""The only bridge to mkdocs-macros: check the settings, load the data, write the generated pages, offer macros.

Everything it calls is plain Python in this package, so another site generator needs only a
new adapter. MkDocs calls ``define_env`` from ``on_config``, before it collects the files,
so the pages written here are part of the same build (and of every ``mkdocs serve`` rebuild).
"""
from __future__ import annotations

import gc
import json
import logging
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError, get_schema
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from macros.bibliography.cache import ReadingListCache
from macros.data import curator_markdown, review, review_state
from macros.data import facts as fact_register
from macros.data.dataset import Dataset, load_valid_dataset
from macros.data.problems import DataError, Problem, Problems, quote
from macros.site import catalogue, citations, link_preview, nav
from macros.site.build import KIND_PAGES, Publication, build_pages, split_pages, write_pages
from macros.site.context import configured
from macros.site.editor_config import write_editor_config
from macros.site.render import markdown_html
from macros.site.search_index import ENGINES, SearchIndexError, build_search_index
from macros.site.search_pages import search_pages

log = logging.getLogger("mkdocs.plugins.wijkengids")
# Data warnings are printed but do not stop a --strict build (MkDocs counts WARNING records of its own
# "mkdocs.*" loggers as failures); data *errors* stop the build through DataError.
data_log = logging.getLogger("wijkengids.gegevens")
#: Below the project folder: what a build may keep for the next one (git-ignored).
CACHE_DIR = Path(".cache") / "wijkengids"


# Mistakes in hand-written pages ({{ cite("…") }} of an unknown key), collected while pages render and
# reported together after the build: mkdocs-macros would otherwise print each with a traceback.
_page_errors: list[str] = []
# The loaded data, for the hooks mkdocs-macros calls per page (on_post_page_macros) after define_env.
_loaded: dict[str, Dataset] = {}


class SettingError(ValidationError):
    """A wrong value in ``extra``, said in Dutch, with a tip."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.hint = hint


#: What YAML made of a value that should have been text (``2024`` is a number, ``yes`` a yes/no), in words.
_YAML_TYPES = ((bool, "ja/nee"), (int, "een getal"), (float, "een getal"), (date, "een datum"), (list, "een lijst"),
               (dict, "een groep instellingen"))


class Text(c.Type[str]):
    """A setting that is text; written without a value (None in YAML) it is its default."""

    def __init__(self, default: str = ""):
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        try:
            return super().run_validation(value)
        except ValidationError:
            what = next((word for kind, word in _YAML_TYPES if isinstance(value, kind)), type(value).__name__)
            shown = json.dumps(value, ensure_ascii=False, default=str)
            raise SettingError(f"moet tekst zijn, maar YAML leest hier {what} ({shown})",
                               "zet de waarde tussen aanhalingstekens") from None


class OneOf(c.Choice[str]):
    """A setting with a few allowed values."""

    def run_validation(self, value: object) -> str:
        try:
            return super().run_validation(value)
        except ValidationError:
            raise SettingError(f"onbekende waarde {quote(str(value))}",
                               f"kies uit: {', '.join(self.choices)}; in mkdocs.yml of in de omgevingsvariabele die "
                               "daar bij !ENV staat") from None


class Settings(Config):
    """The Wijkengids's own settings under ``extra:`` in mkdocs.yml (the theme's own keys there are not checked
    here). Empty text means "not set": what that leaves out, the build says (warn_unfinished_settings)."""

    data_dir = Text("data")  # the data folder, relative to the project (WIJKENGIDS_DATA)
    edit_base = Text()  # where edit links point; empty: repo_url + /edit/main/
    correction_email = Text()
    publisher_name = Text()
    publisher_url = Text()
    search = OneOf(ENGINES, default="pagefind")  # Pagefind (the site) or Material's lunr (the offline copy)
    editor_oauth_url = Text()


def read_settings(extra: Mapping[str, Any]) -> tuple[Settings, Problems]:
    """Each setting checked by its option, every wrong one reported (MkDocs' Config.validate stops at the first)."""
    settings, problems = Settings(), Problems()
    for name, option in get_schema(Settings):
        try:
            settings[name] = option.validate(extra.get(name))
        except ValidationError as error:
            problems.add("mkdocs.yml", 0, f"extra.{name}", str(error), getattr(error, "hint", ""))
    return settings, problems


class GeneratedFiles(BasePlugin):
    """Adds the generated files that are published as they are to MkDocs' files, from memory.
    Registered by ``define_env`` (MkDocs' ``on_config``), so its ``on_files`` runs in the same build."""

    def __init__(self, contents: dict[str, str]):
        self.contents = contents
        self.files: list[File] = []

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for rel, text in self.contents.items():
            existing = files.get_file_from_path(rel)
            if existing is not None:  # a copy in docs/ that write_pages could not remove
                files.remove(existing)
            self.files.append(File.generated(config, rel, content=text))
            files.append(self.files[-1])
        self.contents = {}
        return files

    def on_page_context(self, context: Any, **_: Any) -> Any:
        """MkDocs has written these files before the first page (copy_static_files): their text need not
        stay in memory while it builds the pages (the open data alone is tens of MB at 5,000 methods)."""
        for file in self.files:
            file.content_bytes = b""
        self.files = []
        return context


class FindablePages(BasePlugin):
    """Gives each page what overrides/main.html prints in its <head> (``vindbaar``), and the sitemap its dates
    (overrides/sitemap.xml). Without a public address a page names no canonical address: MkDocs' own
    (from the default site_url) would point at this computer."""

    def __init__(self, heads: link_preview.PageHeads):
        self.heads = heads

    def on_page_context(self, context: Any, *, page: Any, **_: Any) -> Any:
        meta = page.meta or {}
        context["vindbaar"] = self.heads.head(page.url, str(meta.get("title") or page.title or ""),
                                              str(meta.get("description") or ""), page.file.src_uri)
        if not self.heads.links.public:
            page.canonical_url = None
        return context

    def on_template_context(self, context: Any, *, template_name: str, **_: Any) -> Any:
        if template_name == "sitemap.xml":
            context["vindbaar"] = self.heads
        return context


def define_env(env) -> None:  # noqa: ANN001 - the mkdocs-macros environment object
    """mkdocs-macros' hook, called from MkDocs' on_config: check the settings, load the data, write and hand over
    the pages, offer the macros. Each part stops the build with every problem it found, in Dutch."""
    settings = checked_settings(env.conf)
    _page_errors.clear()
    gc.unfreeze()  # `mkdocs serve` rebuilds: the previous build's data may now be collected
    cache_dir = Path(env.project_dir) / CACHE_DIR
    reading_list = ReadingListCache(cache_dir)
    # WIJKENGIDS_DATA (via extra.data_dir) lets tests and the benchmark build other data sets.
    data = load_data((Path(env.project_dir) / settings.data_dir).resolve(), reading_list, cache_dir)
    kinds_in_menu_and_theme(env.conf, data)
    publish(env, data, settings, cache_dir)
    # What the pages derived from each reading-list entry (references, exports) is kept for the next build.
    reading_list.keep_derived(data.bibliography)
    # The data set stays in memory for the macros but never changes again. Without this, every full
    # garbage collection during the rest of the build walks all its objects: 5,000 methods made the
    # MkDocs part of the build about 10 % slower than the same pages without the data layer.
    gc.collect()
    gc.freeze()
    register_macros(env, data)


def checked_settings(conf: MkDocsConfig) -> Settings:
    """The Wijkengids's settings from ``extra``, checked; the checked values go back into ``extra``, where the
    theme reads them. A wrong setting stops the build before any work, together with every other one."""
    settings, problems = read_settings(conf["extra"])
    if problems.errors:
        raise Abort(problems.report() + "\n" + problems.summary() + "; de site is niet gebouwd.")
    conf["extra"].update(settings)
    return settings


def load_data(data_dir: Path, reading_list: ReadingListCache, cache_dir: Path) -> Dataset:
    """The checked data set; its warnings are printed, its errors stop the build (all of them, no traceback)."""
    # Curator Markdown converted by the previous build, for the texts that have not changed since.
    curator_markdown.use_store(cache_dir)
    try:
        # The checked reading list is kept between builds in the project's git-ignored .cache/ folder.
        data = load_valid_dataset(data_dir, data_dir.parent, cache=reading_list)
    except DataError as error:
        curator_markdown.release()  # what was converted still helps the build after the fix
        # A curator's mistake, not a crash: only the Dutch list and one summary line, no traceback.
        # Abort is MkDocs' own "stop the build" (exit code 1); a bug anywhere else keeps its traceback.
        raise Abort(_stopped(error)) from None
    for warning in data.problems.warnings:
        data_log.warning("WARNING -  %s", warning)
    _loaded["data"] = data
    for fact in fact_register.stale(data.facts, review.build_date()):
        data_log.warning("WARNING -  %s", Problem(
            "data/feiten.yaml", fact.line, fact.id,
            f"langer dan {fact_register.STALE_MONTHS} maanden niet gecontroleerd"
            + (f" (laatst: {fact['gecontroleerd']})" if fact.get("gecontroleerd") else " (nog nooit)"),
            "vergelijk het met de officiële bron en werk 'gecontroleerd' bij; `verouderd` toont de lijst",
            severity="waarschuwing"))
    return data


def publish(env, data: Dataset, settings: Settings, cache_dir: Path) -> None:  # noqa: ANN001
    """Write the generated pages into docs/, hand MkDocs what goes to the site from memory and what each page's
    <head> needs, and write the web editor's configuration."""
    extra = env.conf["extra"]
    # An empty setting or an example address (JOUW-…, ….invalid) is no address: no link may point at it.
    repo_url = configured(env.conf.get("repo_url")).rstrip("/")
    if not repo_url:
        env.conf["repo_url"] = None  # no repository link in the header, no edit link from MkDocs
    # One setting for the repository: edit links follow repo_url unless EDIT_BASE says otherwise.
    extra["edit_base"] = edit_base = configured(settings.edit_base) or (f"{repo_url}/edit/main/" if repo_url else "")
    extra["correction_email"] = configured(settings.correction_email)
    publication = Publication(site_url=env.conf.get("site_url") or Publication.site_url,
                              correction_email=extra["correction_email"],
                              author=env.conf.get("site_author") or Publication.author,
                              publisher_name=configured(settings.publisher_name),
                              publisher_url=configured(settings.publisher_url),
                              site_name=env.conf.get("site_name") or Publication.site_name)
    warn_unfinished_settings(repo_url, publication)
    docs_dir = Path(env.conf["docs_dir"])
    try:
        pages, published = split_pages(build_pages(data, edit_base=edit_base, docs_dir=docs_dir,
                                                   publication=publication, cache_dir=cache_dir))
    except DataError as error:  # two records whose pages would land on one path, said as file:line
        raise Abort(_stopped(error)) from None
    changed = write_pages(pages, docs_dir, elsewhere=published)
    # Downloads, open data and the feed go to the site without a copy in docs/ (see split_pages).
    env.conf.plugins["wijkengids-bestanden"] = GeneratedFiles(published)
    # Each page's link preview, canonical address and structured data; the sitemap's dates.
    env.conf.plugins["wijkengids-vindbaar"] = FindablePages(link_preview.page_heads(data, publication, docs_dir,
                                                                      env.conf.get("site_description") or ""))
    # The pages are written: their converted texts go to the store and leave memory.
    curator_markdown.release()
    markdown_html.cache_clear()
    if changed:
        log.info("wijkengids: %d gegenereerde bestanden bijgewerkt", len(changed))
    # The web editor's form follows the schema: its configuration is written on every build.
    if not write_editor_config(data, docs_dir, repo_url=env.conf.get("repo_url") or edit_base,
                               site_url=env.conf.get("site_url") or "",
                               oauth_url=settings.editor_oauth_url,
                               cache_dir=cache_dir):
        log.info("wijkengids: de web-editor (Decap CMS) ontbreekt in docs/redactie/bewerken/decap/; "
                 "`make build` installeert hem")


def warn_unfinished_settings(repo_url: str, publication: Publication) -> None:
    """Settings a build can do without, but a published site should not: said once per build, as warnings."""
    unset = [name for name, value in (("repo_url", repo_url), ("extra.correction_email", publication.correction_email))
             if not value]
    if unset:  # one warning for both: a build with neither set says so once
        data_log.warning("WARNING -  %s", Problem(
            "mkdocs.yml", 0, ", ".join(unset), "nog niet ingevuld: de site toont daarom geen "
            + " en geen ".join({"repo_url": "links naar de repository (bewerken, kopregel)",
                                "extra.correction_email": "e-mailadres voor correcties"}[n] for n in unset),
            "vul het adres van jullie repository en het e-mailadres van de redactie in (docs/redactie.md, "
            "'Twee instellingen voor je eigen gids'); een voorbeeldadres met JOUW- of .invalid telt als leeg",
            severity="waarschuwing"))
    # Link previews, canonical links, the sitemap and the open-data catalogue need a public address and a
    # publisher; what is missing is said once here, and left out of the pages (macros/site/site_address.py).
    for setting, what in catalogue.missing_settings(publication):
        if setting != "extra.correction_email":  # warned about above
            data_log.warning("WARNING -  %s", Problem(
                "mkdocs.yml", 0, setting, f"nog niet ingevuld: {what}",
                "zonder openbaar adres hebben pagina's geen canoniek adres, geen voorbeeldafbeelding en geen "
                "sitemap; zet SITE_URL bij het bouwen" if setting == "site_url" else
                "zet hier de organisatie die de gids uitgeeft (PUBLISHER_NAME); de open-data-catalogus en de "
                "gestructureerde gegevens noemen anders geen uitgever", severity="waarschuwing"))


def register_macros(env, data: Dataset) -> None:  # noqa: ANN001
    """What hand-written pages and the theme may use: the search filters' values, counts, and the macros
    cite, term and bronnen."""
    # The search dialog offers the rungs as a filter, in the ladder's order (overrides/partials/search.html).
    env.conf["extra"]["search_rungs"] = [r["label"] for r in data.rungs]
    # … and the kinds of method (methode, instrument, regeling, …), with the schema's Dutch labels.
    env.conf["extra"]["search_kinds"] = list(data.schemas.labels["methodKind"].values())
    # Each page's type, the filter chips and the readers' words (data/zoekwoorden.yaml), for the theme.
    env.conf["extra"]["search_pages"] = search_pages(data)

    env.variables["wijkengids"] = {
        # {{ wijkengids.methoden }}, … : the number of records of each kind, by its plural.
        **{kind.plural: len(data.records_of(kind.id)) for kind in data.kinds},
        "bronnen": len(data.bibliography),
        # "0 van 49 beoordeeld": records an expert has checked (status beoordeeld), from the data.
        "beoordeeld": review_state.count_text(data),
        # How readers reach the editors ("Een fout melden"): '' while mkdocs.yml has no real address (publish()).
        "correctie_email": env.conf["extra"].get("correction_email") or "",
        "repository": env.conf.get("repo_url") or "",
    }

    def page_position(key: str, macro: str) -> str:
        """'docs/x.md:12' of the line with the macro call naming the key, for a build error a writer can
        act on. Counted in the source file: env.markdown lacks the front matter, so its lines are off."""
        page = env.page
        src = f"docs/{page.file.src_uri}"
        try:
            lines = Path(page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
        except (OSError, TypeError):
            lines = (env.markdown or "").splitlines()
        quoted = (f'"{key}"', f"'{key}'")
        for wanted in (lambda line: f"{macro}(" in line and any(q in line for q in quoted), lambda line: key in line):
            for number, line in enumerate(lines, start=1):
                if wanted(line):
                    return f"{src}:{number}"
        return src

    def depth() -> str:
        return "../" * env.page.url.count("/") if env.page.url else ""

    def _first_missing(keys: tuple[str, ...]) -> str:
        """The key an error is about: the first unknown one (else the first)."""
        return next((k for k in keys if k not in data.bibliography), keys[0] if keys else "")

    @env.macro
    def cite(*keys: str, pages: str | None = None, narrative: bool = False) -> Markup:
        """Inline citation: {{ cite("putters2022einde", pages="14") }} -> (Putters, 2022, blz. 14)."""
        return _reported(lambda: citations.cite_markup(data, keys, pages=pages, narrative=narrative, base=depth(),
                                                       where=page_position(_first_missing(keys), "cite")))

    @env.macro
    def term(term_id: str, text: str | None = None) -> Markup:
        """Link a glossary term: {{ term("uitdaagrecht") }}."""
        return _reported(lambda: citations.term_markup(data, term_id, text, base=depth(),
                                                       where=page_position(term_id, "term")))

    @env.macro
    def bronnen(*keys: str) -> Markup:
        """Source list at the end of a residents' page, which has no citations in its running text:
        ## Bronnen, then {{ bronnen("kretzmann1993building", "samensterk2009") }}."""
        return _reported(lambda: citations.sources_markup(data, keys, base=depth(),
                                                          where=page_position(_first_missing(keys), "bronnen")))


def _stopped(error: DataError) -> str:
    """What a build stopped by mistakes in the data prints: the Dutch list and one summary line."""
    return error.problems.report() + "\n" + error.problems.summary() + "; de site is niet gebouwd."


def kinds_in_menu_and_theme(conf: MkDocsConfig, data: Dataset) -> None:
    """The record kinds of the registry in the menu, where mkdocs.yml's nav says ``(soorten records)``
    (macros/site/nav.py); which pages are records the theme learns from ``extra.search_pages``
    (macros/site/search_pages.py, from records.record_pages). Record pages are left out of the menu on
    purpose (``not_in_nav``): a page missing from it by mistake still stops the build
    (validation.nav.omitted_files: warn)."""
    try:
        conf["nav"] = nav.with_kinds(conf["nav"], data.kinds, KIND_PAGES)
    except nav.NavError as error:
        raise Abort(str(error)) from None
    records_off_nav = c.PathSpec().run_validation("\n".join(nav.off_nav(data.kinds)))
    conf["not_in_nav"] = conf["not_in_nav"] + records_off_nav if conf["not_in_nav"] else records_off_nav


def _reported(make: Callable[[], Markup]) -> Markup:
    try:
        return make()
    except citations.CitationError as error:
        _page_errors.append(str(error))
        return Markup("")


def on_post_page_macros(env) -> None:  # noqa: ANN001 - called by mkdocs-macros for every page
    """Hand-written pages use facts from the register as [[feit:id]], like curator text: replace each by its
    value and close the page with the list of its facts, their sources and check dates (before 'Bronnen')."""
    data = _loaded.get("data")
    if data is None or "[[" not in (env.markdown or ""):
        return
    base = "../" * env.page.url.count("/") if env.page.url else ""
    env.markdown, problems = citations.page_with_facts(data, env.markdown, base)
    _page_errors.extend(f"{_line_in_source(env, typed)}: {message}" for typed, message in problems)


def _line_in_source(env, needle: str) -> str:  # noqa: ANN001
    """'docs/x.md:12' of the first source line holding ``needle``."""
    src = f"docs/{env.page.file.src_uri}"
    try:
        lines = Path(env.page.file.abs_src_path).read_text(encoding="utf-8").splitlines()
    except (OSError, TypeError):
        return src
    return next((f"{src}:{n}" for n, line in enumerate(lines, start=1) if needle in line), src)


def on_post_build(env) -> None:  # noqa: ANN001 - called by mkdocs-macros after the pages are written
    if _page_errors:
        count = len(_page_errors)
        pages = len({error.split(":", 1)[0] for error in _page_errors})
        errors, files = ("fout" if count == 1 else "fouten"), ("pagina" if pages == 1 else "pagina's")
        raise Abort("\n".join(_page_errors) + f"\n{count} {errors} in {pages} {files}; de site is niet gebouwd.")
    # Pagefind indexes the written site after every build (make build, make serve, test builds).
    if env.conf["extra"].get("search", "pagefind") == "pagefind":
        try:
            build_search_index(Path(env.conf["site_dir"]))
        except SearchIndexError as error:  # a message for the reader of the build log, not a traceback
            raise Abort(f"zoekindex: {error}") from None
