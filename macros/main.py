"""The only bridge to mkdocs-macros: load the data, write the generated pages, offer macros.

Everything it calls is plain Python in this package, so another site generator needs only a
new adapter. MkDocs calls ``define_env`` from ``on_config``, before it collects the files,
so the pages written here are part of the same build (and of every ``mkdocs serve`` rebuild).
"""
from __future__ import annotations

import gc
import logging
from pathlib import Path

from markupsafe import Markup

from macros import citations, review_state
from macros.dataset import load_valid_dataset
from macros.editor_config import write_editor_config
from macros.pages import build_pages, write_pages
from macros.search_index import ENGINES, build_search_index

log = logging.getLogger("mkdocs.plugins.wijkengids")
# Data warnings are printed but do not stop a --strict build (MkDocs counts WARNING records of its own
# "mkdocs.*" loggers as failures); data *errors* stop the build through DataError.
data_log = logging.getLogger("wijkengids.gegevens")


def define_env(env) -> None:  # noqa: ANN001 - the mkdocs-macros environment object
    gc.unfreeze()  # `mkdocs serve` rebuilds: the previous build's data may now be collected
    project = Path(env.project_dir)
    # WIJKENGIDS_DATA (via extra.data_dir) lets tests and the benchmark build other data sets.
    data_dir = (project / env.conf["extra"].get("data_dir", "data")).resolve()
    data = load_valid_dataset(data_dir, data_dir.parent)
    for warning in data.problems.warnings:
        data_log.warning("WARNING -  %s", warning)
    edit_base = env.conf["extra"].get("edit_base", "")
    docs_dir = Path(env.conf["docs_dir"])
    changed = write_pages(build_pages(data, edit_base=edit_base, docs_dir=docs_dir), docs_dir)
    if changed:
        log.info("wijkengids: %d gegenereerde bestanden bijgewerkt", len(changed))
    # The web editor's form follows the schema: its configuration is written on every build.
    if not write_editor_config(data, docs_dir, repo_url=env.conf.get("repo_url") or edit_base,
                               site_url=env.conf.get("site_url") or "",
                               oauth_url=env.conf["extra"].get("editor_oauth_url") or ""):
        log.info("wijkengids: de web-editor (Decap CMS) ontbreekt in docs/redactie/bewerken/decap/; "
                 "`make build` installeert hem")
    # The data set stays in memory for the macros but never changes again. Without this, every full
    # garbage collection during the rest of the build walks all its objects: 5,000 methods made the
    # MkDocs part of the build about 10 % slower than the same pages without the data layer.
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
        "methoden": len(data.methods),
        "praktijkvoorbeelden": len(data.cases),
        "checklists": len(data.checklists),
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
        return citations.cite_markup(data, keys, pages=pages, narrative=narrative,
                                     base=depth(), where=page_position(_first_missing(keys), "cite"))

    @env.macro
    def term(term_id: str, text: str | None = None) -> Markup:
        """Link a glossary term: {{ term("uitdaagrecht") }}."""
        return citations.term_markup(data, term_id, text, base=depth(), where=page_position(term_id, "term"))

    @env.macro
    def bronnen(*keys: str) -> Markup:
        """Source list at the end of a residents' page, which has no citations in its running text:
        ## Bronnen, then {{ bronnen("kretzmann1993building", "samensterk2009") }}."""
        return citations.sources_markup(data, keys, base=depth(), where=page_position(_first_missing(keys), "bronnen"))


def on_post_build(env) -> None:  # noqa: ANN001 - the mkdocs-macros environment object
    """After every build (make build, make serve, test builds): Pagefind indexes the written site."""
    if env.conf["extra"].get("search", "pagefind") == "pagefind":
        build_search_index(Path(env.conf["site_dir"]))
