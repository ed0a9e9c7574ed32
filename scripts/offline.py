"""Build the offline copy of the site: a zip that works opened from disk (file://), search included.

    python -m scripts.offline [--zip dist/wijkengids-offline.zip]      (what `make offline` runs)

Steps: build with mkdocs.offline.yml (see the comments there), then
1. rewrite every relative link to a folder (``methoden/abcd/``, ``../``, ``.``) into a link to that
   folder's ``index.html``: a browser shows a folder listing for ``file:///…/methoden/abcd/``;
2. point the search index at the same files and write it as ``search/search_index.js``
   (``var __index = …``), which Material loads instead of fetching JSON when opened from disk;
3. load the site's scripts, ES modules online, as one classic script (scripts/js_bundle.py): a browser
   refuses module scripts opened from disk;
4. drop what only a web server uses (404.html with its root-absolute links, the sitemaps);
5. zip it deterministically (sorted names, fixed dates) under one folder, ``wijkengids/``, with a
   short LEESMIJ.txt next to it.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

from scripts.js_bundle import bundle
from scripts.project import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
CONFIG = "mkdocs.offline.yml"
FOLDER = "wijkengids"  # the folder inside the zip
README = f"""Wijkengids: kopie zonder internet
=================================

Pak dit zip-bestand uit. Open daarna het bestand {FOLDER}/index.html in je browser
(dubbelklik erop). Alles werkt zonder internet, ook het zoeken.

Tekst en gegevens: CC BY 4.0. Programmacode: EUPL 1.2.
"""

SERVER_ONLY = ("404.html", "sitemap.xml", "sitemap.xml.gz")
#: The site's own scripts (mkdocs.yml, extra_javascript) and the one classic script they become offline.
SCRIPTS = "assets/js/"
BUNDLE = "assets/js/wijkengids-offline.js"
_MODULE_TAG = re.compile(r'<script\b[^>]*\btype="module"[^>]*></script>\n?')
_SRC = re.compile(r'\bsrc="([^"]+)"')
_ATTR = re.compile(r"""(\s(?:href|src|xlink:href)=)(["'])([^"']*)\2""")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def file_link(value: str, page_dir: Path, site: Path) -> str:
    """A relative link to a folder becomes a link to its index.html; everything else stays."""
    raw = html.unescape(value)
    if not raw or raw.startswith(("#", "/", "?")) or _SCHEME.match(raw):
        return value
    cut = min([i for i in (raw.find("?"), raw.find("#")) if i >= 0], default=len(raw))
    path, rest = raw[:cut], raw[cut:]
    target = Path(os.path.normpath(page_dir / unquote(path)))
    if not (path.endswith("/") or target.is_dir()):
        return value
    if site not in (target, *target.parents) or not (target / "index.html").is_file():
        return value
    new = path + ("" if path.endswith("/") else "/") + "index.html" + rest
    return html.escape(new, quote=True) if value != raw else new


def rewrite_html(site: Path) -> int:
    """Rewrite the links of every page; returns how many links changed."""
    changed = 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")

        def replace(match: re.Match[str], folder: Path = page.parent) -> str:
            nonlocal changed
            new = file_link(match.group(3), folder, site)
            changed += new != match.group(3)
            return f"{match.group(1)}{match.group(2)}{new}{match.group(2)}"

        new_text = _ATTR.sub(replace, text)
        if new_text != text:
            page.write_text(new_text, encoding="utf-8")
    return changed


def _our_module(tag: str, page_dir: Path, site: Path) -> str | None:
    """The site path ('assets/js/x.js') a module script tag loads, when it is one of the site's own scripts."""
    src = _SRC.search(tag)
    if not src:
        return None
    path = Path(os.path.normpath(page_dir / unquote(html.unescape(src.group(1)))))
    if not path.is_relative_to(site):
        return None
    name = path.relative_to(site).as_posix()
    return name if name.startswith(SCRIPTS) else None


def module_scripts(site: Path) -> int:
    """Replace each page's module scripts from assets/js/ by one classic script that holds them all, in the
    order the pages load them (the web editor's own modules stay: it does not work from disk anyway).
    Returns how many modules the classic script holds."""
    pages: dict[Path, str] = {}
    entries: list[str] = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        ours = [name for tag in _MODULE_TAG.finditer(text) if (name := _our_module(tag.group(0), page.parent, site))]
        entries += [name for name in ours if name not in entries]
        if ours:
            pages[page] = text
    if not entries:
        return 0
    note = ("The site's scripts as one classic script, for the offline copy (a browser refuses module scripts "
            "from disk): made by scripts/offline.py from the modules beside this file.")
    code = bundle(entries, lambda name: (site / name).read_text(encoding="utf-8"), note=note)
    (site / BUNDLE).write_text(code, encoding="utf-8")
    for page, text in pages.items():
        tag = f'<script src="{Path(os.path.relpath(site / BUNDLE, page.parent)).as_posix()}"></script>\n'
        placed = False

        def replace(match: re.Match[str], page_dir: Path = page.parent, tag: str = tag) -> str:
            nonlocal placed
            if not _our_module(match.group(0), page_dir, site):
                return match.group(0)
            first, placed = not placed, True
            return tag if first else ""

        page.write_text(_MODULE_TAG.sub(replace, text), encoding="utf-8")
    return code.count("\nmodules[")


def index_location(location: str) -> str:
    """'methoden/abcd/#stappen' -> 'methoden/abcd/index.html#stappen'; '' (home) -> 'index.html'."""
    path, sep, anchor = location.partition("#")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path + sep + anchor


def inline_search_index(site: Path) -> int:
    source = site / "search" / "search_index.json"
    index = json.loads(source.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        doc["location"] = index_location(doc["location"])
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    source.write_text(text, encoding="utf-8")
    (site / "search" / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
    return len(index.get("docs", []))


def build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """mkdocs build --strict with the offline configuration, from ``project``."""
    return mkdocs_build(project, site.resolve(), config=CONFIG)


def _stamp() -> tuple[int, int, int, int, int, int]:
    """File dates in the zip: SOURCE_DATE_EPOCH (make sets it to the last commit), else 1980-01-01,
    the earliest date a zip can hold; never the clock, so the same site gives the same zip."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    earliest = datetime(1980, 1, 1, tzinfo=UTC)
    moment = datetime.fromtimestamp(int(epoch), tz=UTC) if epoch.isdigit() else earliest
    return max(moment, earliest).timetuple()[:6]


def write_zip(site: Path, target: Path) -> int:
    """The site under FOLDER/ plus LEESMIJ.txt; same input, same bytes. Returns the number of files."""
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = _stamp()
    files = sorted(p for p in site.rglob("*") if p.is_file())
    temporary = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        entries = [("LEESMIJ.txt", README.encode("utf-8"))]
        entries += [(f"{FOLDER}/{p.relative_to(site).as_posix()}", p.read_bytes()) for p in files]
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    temporary.replace(target)
    return len(files)


def make_offline(project: Path, site: Path, target: Path, out=sys.stdout) -> int:
    result = build(project, site)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=out)
        print("De offline kopie is niet gebouwd: de bouw van de site faalde (zie hierboven).", file=out)
        return 1
    for name in SERVER_ONLY:
        (site / name).unlink(missing_ok=True)
    links = rewrite_html(site)
    modules = module_scripts(site)
    docs = inline_search_index(site)
    count = write_zip(site, target)
    print(f"Offline kopie: {target} ({count} bestanden; {links} links naar index.html; {modules} scripts in "
          f"{BUNDLE}; zoekindex met {docs} onderdelen). Pak uit en open {FOLDER}/index.html.", file=out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.offline", description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, default=ROOT / "dist" / "wijkengids-offline.zip",
                        help="het zip-bestand (standaard: dist/wijkengids-offline.zip)")
    parser.add_argument("--site", type=Path, default=ROOT / "dist" / "offline-site",
                        help="map voor de gebouwde kopie (standaard: dist/offline-site)")
    args = parser.parse_args(argv)
    return make_offline(ROOT, args.site, args.zip)


if __name__ == "__main__":
    sys.exit(main())
