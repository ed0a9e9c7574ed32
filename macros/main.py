"""The only bridge to mkdocs-macros: load the data, write the generated pages, offer macros.

Everything it calls is plain Python in this package, so another site generator needs only a
new adapter. MkDocs calls ``define_env`` from ``on_config``, before it collects the files,
so the pages written here are part of the same build (and of every ``mkdocs serve`` rebuild).
"""
from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from macros.bibliography.cache import ReadingListCache
from macros.data import curator_markdown, review, review_state
from macros.data import facts as fact_register
from macros.data.dataset import Dataset, load_valid_dataset
from macros.data.problems import DataError, Problem
from macros.site import citations
from macros.site.build import Publication, build_pages, split_pages, write_pages
from macros.site.editor_config import write_editor_config
from macros.site.render import markdown_html
from macros.site.search_index import ENGINES, SearchIndexError, build_search_index

log = logging.getLogger("mkdocs.plugins.wijkengids")
# Data warnings are printed but do not stop a --strict build (MkDocs counts WARNING records of its own
# "mkdocs.*" loggers as failures); data *errors* stop the build through DataError.
data_log = logging.getLogger("wijkengids.gegevens")
# The placeholders in mkdocs.yml (repo_url, extra.correction_email) contain this; a build warns about them.
PLACEHOLDER = "JOUW-"
#: Below the project folder: what a build may keep for the next one (git-ignored).
CACHE_DIR = Path(".cache") / "wijkengids"


# Mistakes in hand-written pages ({{ cite("…") }} of an unknown key), collected while pages render and
# reported together after the build: mkdocs-macros would otherwise print each with a traceback.
_page_errors: list[str] = []
# The loaded data, for the hooks mkdocs-macros calls per page (on_post_page_macros) after define_env.
_loaded: dict[str, Dataset] = {}


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


def define_env(env) -> None:  # noqa: ANN001 - the mkdocs-macros environment object
    _page_errors.clear()
    gc.unfreeze()  # `mkdocs serve` rebuilds: the previous build's data may now be collected
    project = Path(env.project_dir)
    # WIJKENGIDS_DATA (via extra.data_dir) lets tests and the benchmark build other data sets.
    data_dir = (project / env.conf["extra"].get("data_dir", "data")).resolve()
    reading_list = ReadingListCache(project / CACHE_DIR)
    # Curator Markdown converted by the previous build, for the texts that have not changed since.
    curator_markdown.use_store(project / CACHE_DIR)
    try:
        # The checked reading list is kept between builds in the project's git-ignored .cache/ folder.
        data = load_valid_dataset(data_dir, data_dir.parent, cache=reading_list)
    except DataError as error:
        curator_markdown.release()  # what was converted still helps the build after the fix
        # A curator's mistake, not a crash: only the Dutch list and one summary line, no traceback.
        # Abort is MkDocs' own "stop the build" (exit code 1); a bug anywhere else keeps its traceback.
        raise Abort(error.problems.report() + "\n" + error.problems.summary()
                    + "; de site is niet gebouwd.") from None
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
    extra = env.conf["extra"]
    repo_url = (env.conf.get("repo_url") or "").rstrip("/")
    # One setting for the repository: edit links follow repo_url unless EDIT_BASE says otherwise.
    extra["edit_base"] = edit_base = extra.get("edit_base") or (f"{repo_url}/edit/main/" if repo_url else "")
    publication = Publication(site_url=env.conf.get("site_url") or Publication.site_url,
                              correction_email=extra.get("correction_email") or "",
                              author=env.conf.get("site_author") or Publication.author)
    for setting, value, hint in (
            ("repo_url", repo_url, "zet hier het adres van je eigen repository, of REPO_URL bij het bouwen"),
            ("extra.correction_email", publication.correction_email,
             "zet hier het e-mailadres van de redactie; tot dan komt een correctie van een lezer nergens aan")):
        if not value or PLACEHOLDER in value:
            data_log.warning("WARNING -  %s", Problem("mkdocs.yml", 0, setting, f"nog niet ingevuld ({value or 'leeg'})",
                                                      hint, severity="waarschuwing"))
    docs_dir = Path(env.conf["docs_dir"])
    pages, published = split_pages(build_pages(data, edit_base=edit_base, docs_dir=docs_dir,
                                               publication=publication, cache_dir=project / CACHE_DIR))
    changed = write_pages(pages, docs_dir, elsewhere=published)
    # Downloads, open data and the feed go to the site without a copy in docs/ (see split_pages).
    env.conf.plugins["wijkengids-bestanden"] = GeneratedFiles(published)
    # The pages are written: their converted texts go to the store and leave memory.
    curator_markdown.release()
    markdown_html.cache_clear()
    if changed:
        log.info("wijkengids: %d gegenereerde bestanden bijgewerkt", len(changed))
    # The web editor's form follows the schema: its configuration is written on every build.
    if not write_editor_config(data, docs_dir, repo_url=env.conf.get("repo_url") or edit_base,
                               site_url=env.conf.get("site_url") or "",
                               oauth_url=env.conf["extra"].get("editor_oauth_url") or "",
                               cache_dir=project / CACHE_DIR):
        log.info("wijkengids: de web-editor (Decap CMS) ontbreekt in docs/redactie/bewerken/decap/; "
                 "`make build` installeert hem")
    # The data set stays in memory for the macros but never changes again. Without this, every full
    # garbage collection during the rest of the build walks all its objects: 5,000 methods made the
    # MkDocs part of the build about 10 % slower than the same pages without the data layer.
    # What the pages derived from each reading-list entry (references, exports) is kept for the next build.
    reading_list.keep_derived(data.bibliography)
    gc.collect()
    gc.freeze()

    # Search: Pagefind (the site) or Material's lunr (the offline copy, and the bench's comparison).
    engine = env.conf["extra"].get("search", "pagefind")
    if engine not in ENGINES:
        raise SystemExit(f"mkdocs.yml: extra.search (WIJKENGIDS_SEARCH) is '{engine}'; kies uit {', '.join(ENGINES)}")
    # The search dialog offers the rungs as a filter, in the ladder's order (overrides/partials/search.html).
    env.conf["extra"]["search_rungs"] = [r["label"] for r in data.rungs]
    # … and the kinds of method (methode, instrument, regeling, …), with the schema's Dutch labels.
    env.conf["extra"]["search_kinds"] = list(data.schemas.labels["methodKind"].values())

    env.variables["wijkengids"] = {
        # {{ wijkengids.methoden }}, … : the number of records of each kind, by its plural.
        **{kind.plural: len(data.records_of(kind.id)) for kind in data.kinds},
        "bronnen": len(data.bibliography),
        # "0 van 49 beoordeeld": records an expert has checked (status beoordeeld), from the data.
        "beoordeeld": review_state.count_text(data),
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
