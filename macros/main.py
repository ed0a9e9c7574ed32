"""The only bridge to mkdocs-macros: load the data, write the generated pages, offer macros.

Everything it calls is plain Python in this package, so another site generator needs only a
new adapter. MkDocs calls ``define_env`` from ``on_config``, before it collects the files,
so the pages written here are part of the same build (and of every ``mkdocs serve`` rebuild).
"""
from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import Markup

from macros import citations
from macros.dataset import load_valid_dataset
from macros.pages import build_pages, write_pages

log = logging.getLogger("mkdocs.plugins.wijkengids")


def define_env(env) -> None:  # noqa: ANN001 - the mkdocs-macros environment object
    project = Path(env.project_dir)
    # WIJKENGIDS_DATA (via extra.data_dir) lets tests and the benchmark build other data sets.
    data_dir = (project / env.conf["extra"].get("data_dir", "data")).resolve()
    data = load_valid_dataset(data_dir, data_dir.parent)
    for warning in data.problems.warnings:
        log.warning(str(warning))
    edit_base = env.conf["extra"].get("edit_base", "")
    changed = write_pages(build_pages(data, edit_base=edit_base), Path(env.conf["docs_dir"]))
    if changed:
        log.info("wijkengids: %d gegenereerde bestanden bijgewerkt", len(changed))

    env.variables["wijkengids"] = {
        "methoden": len(data.methods),
        "praktijkvoorbeelden": len(data.cases),
        "checklists": len(data.checklists),
        "bronnen": len(data.bibliography),
    }

    def page_position(key: str) -> str:
        """'docs/x.md:12' of the first line naming the key, for a build error a writer can act on."""
        page = env.page
        src = f"docs/{page.file.src_uri}"
        for number, line in enumerate((env.markdown or "").splitlines(), start=1):
            if key in line:
                return f"{src}:{number}"
        return src

    def depth() -> str:
        return "../" * env.page.url.count("/") if env.page.url else ""

    @env.macro
    def cite(*keys: str, pages: str | None = None, narrative: bool = False) -> Markup:
        """Inline citation: {{ cite("putters2022einde", pages="14") }} -> (Putters, 2022, blz. 14)."""
        return citations.cite_markup(data, keys, pages=pages, narrative=narrative,
                                     base=depth(), where=page_position(keys[0] if keys else ""))

    @env.macro
    def term(term_id: str, text: str | None = None) -> Markup:
        """Link a glossary term: {{ term("uitdaagrecht") }}."""
        return citations.term_markup(data, term_id, text, base=depth(), where=page_position(term_id))
