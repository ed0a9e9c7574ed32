"""The site's search index: Pagefind, run over the built HTML after every build (make build, make serve,
test builds). Plain Python, no MkDocs: macros/main.py calls it from the macros plugin's on_post_build.

The binary comes from the pinned PyPI wheel ``pagefind-bin`` (requirements.lock); nothing is downloaded.
Pages mark what is indexed themselves (data-pagefind-body, -weight, -filter in overrides/main.html and
the record templates). Material's lunr index (search/search_index.json) is cut down to its settings:
Material still reads those to highlight the query on the page a reader opens, but nobody downloads
the whole index any more. The offline copy (mkdocs.offline.yml) keeps lunr: Pagefind cannot load from file://.
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

ENGINES = ("pagefind", "lunr")
# Not indexed: the generated "Verbanden" block and the sources list of record pages (lists of other
# records' names and of titles in the reading list), and the review line. Measured over
# tests/search_queries.yaml (95 queries, December 2026): with these blocks indexed recall@5 stayed 0.95
# and MRR fell from 0.85 to 0.84 (a page then also matches the names of every record it lists).
EXCLUDE = ("[data-wg-record] .wg-records", "[data-wg-record] .wg-bronnen", "[data-wg-record] h3.wg-h",
           "[data-wg-record] #verbanden", "[data-wg-record] #bronnen", ".wg-review")

# Pagefind also writes its own ready-made interfaces; the site uses Material's dialog (zoeken.js) instead.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js", "wasm.unknown.pagefind")


class SearchIndexError(RuntimeError):
    pass


def pagefind_command(site: Path, exclude: tuple[str, ...] = EXCLUDE) -> list[str]:
    from pagefind_bin import get_executable  # the wheel's own binary

    command = [str(get_executable()), "--site", str(site), "--force-language", "nl", "--quiet"]
    for selector in exclude:
        command += ["--exclude-selectors", selector]
    return command


def build_search_index(site: Path, exclude: tuple[str, ...] = EXCLUDE) -> None:
    """Index the built site into site/pagefind/ and reduce search/search_index.json to its settings."""
    result = subprocess.run(pagefind_command(site, exclude), capture_output=True, text=True, timeout=900)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind kon de zoekindex niet maken (code {result.returncode}):\n"
                               f"{result.stdout}{result.stderr}")
    for name in UNUSED:
        (site / "pagefind" / name).unlink(missing_ok=True)
    lunr = site / "search" / "search_index.json"
    if lunr.is_file():
        settings = json.loads(lunr.read_text(encoding="utf-8")).get("config", {})
        lunr.write_text(json.dumps({"config": settings, "docs": []}, separators=(",", ":")), encoding="utf-8")
