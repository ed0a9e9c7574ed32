"""Benchmark: build the site from synthetic data at 100, 1,000 and 5,000 methods and print a table.

    python -m scripts.bench [--sizes 100,1000,5000] [--bib 2000] [--keep DIR [--reuse]] [--no-selector]
                            [--search-only] [--build-only]

For each size the data (real schema and ladder, methods, cases ~ methods/5, checklists, a glossary,
a timeline and a BibTeX list of 2,000 entries) is generated with a fixed seed into a temporary
copy of the repository; the working tree is never touched (the build writes pages into docs/).
Per size it measures, in this one run:

* the full build (``mkdocs build --strict``, as ``make build``): wall time, time per page and the
  peak memory of the build process (``os.wait4`` rusage of that child);
* the data layer in-process: ``load_valid_dataset`` and ``build_pages`` timed separately;
* a baseline build of the same pages as plain Markdown without the data layer (the generated
  pages left in docs/ by the full build, plus the files it publishes without docs/ — downloads,
  open data — copied from its site, built with the macros plugin removed): the ratio
  full / baseline is the cost of the data layer. Builds run in pairs (full, then baseline): one pair
  without ``.cache/`` ("koud"), then several with it (9 at 100 methods, 3 at 1,000, else 1; ``--pairs``),
  in alternating order; the ratio is the median of those, printed with its range;
* ``search_index.json`` raw and gzipped, and the weight of one method page (HTML + CSS + JS, gzip).

These data-layer builds use Material's lunr search (the baseline cannot run Pagefind, which runs from the
macros plugin). Each size is then built once more with Pagefind, as ``make build`` does, and search on
both sites is measured as a phone sees it (``scripts/bench_search.py``: index on disk, bytes for a first
query, time to the first result), beside the real site built both ways. ``--search-only`` skips the
data-layer builds; ``--build-only`` skips the Pagefind builds and the search measurements (the data-layer
table alone); ``--keep DIR --reuse`` measures search on the sites an earlier ``--keep DIR`` run left
there instead of generating and building them again (the 5,000 build takes minutes; a changed
docs/assets/js/zoeken.js is copied into them first, a change to the templates needs a new build).
Then ``python -m scripts.check`` on the real data and the Participatiewijzer at 5,000
methods (``scripts/bench_selector.py``).
Not part of ``make test``: ``make bench``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import yaml

from macros.data.kinds import RECORD_KINDS, generated_dirs
from macros.site import nav
from macros.site.build import KIND_PAGES
from scripts.bench_search import measure_site, real_site_rows, table
from scripts.project import copy_project

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261122

TARGET_RATIO = 1.2  # full build / baseline build, at every size
TARGET_GROWTH = 5.5  # the 5,000 build may take at most this times the 1,000 build
TARGET_MEMORY_MB = 1024
TARGET_CHECK_S = 1.0
# Pairs of builds (full and baseline) with .cache/ per size, after the one pair without ("koud"). A build of
# 100 methods takes ~10 s, and on this shared machine one pair's ratio ranged from 0.90 to 1.46 within one run
# (the same pages took 5.3 to 7.3 s to convert from build to build); the ratio is the median of these pairs,
# printed with its range. The 5,000 pair takes ~7 minutes and varies less.
WARM_PAIRS = {100: 9, 1000: 3}
WARM_PAIRS_DEFAULT = 1
SEARCH_QUERY = "wijkbudget"  # a glossary word the synthetic method texts use

WORDS = """bewoners buurt wijk gemeente gesprek plan budget groen straat huis school plein tuin jongeren
ouderen dialoog werkplaats raad panel advies besluit corporatie samenwerking vertrouwen ruimte tafel
initiatief vereniging beheer onderhoud speeltuin veiligheid armoede zorg welzijn netwerk opbouwwerker
wijkteam agenda vergadering uitnodiging verslag ervaring uitkomst afspraak voorstel vraag antwoord
meedoen meedenken meebeslissen inspraak invloed rol verantwoordelijkheid geld tijd mensen kennis
vrijwilligers buurthuis bibliotheek markt festival route kaart enquête peiling stem loting""".split()
GLOSSARY = ["wijkbudget", "buurtrecht", "uitdaagrecht", "zelfbeheer", "burgerberaad", "wijkraad",
            "buurtcoöperatie", "bewonersbedrijf", "dorpsraad", "participatieraad", "wijkplatform",
            "buurtbudget", "burgertop", "buurtpanel", "wijkschouw", "buurtgesprek", "wijkagenda",
            "bewonersinitiatief", "maatschappelijk initiatief", "coproductie"]
SURNAMES = [("", "Jansen"), ("de", "Vries"), ("van der", "Laan"), ("", "Bakker"), ("van", "Dijk"),
            ("", "Visser"), ("", "Smit"), ("de", "Boer"), ("", "Mulder"), ("van den", "Berg"),
            ("ten", "Kate"), ("", "Hendriks"), ("", "Dekker"), ("in 't", "Veld"), ("", "Peters")]
FIRST = ["Anna", "Bram", "Carla", "Daan", "Eva", "Femke", "Gijs", "Hanna", "Iris", "Joost", "Karin", "Lars"]


class Text:
    """Deterministic Dutch-looking text."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    def sentence(self, low: int = 8, high: int = 16) -> str:
        return self.words(low, high).capitalize() + "."

    def sentences(self, count: int) -> str:
        return " ".join(self.sentence() for _ in range(count))


def q(value: str) -> str:
    """A YAML scalar that stays text (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def ylist(values: list[str]) -> str:
    return "[" + ", ".join(q(v) for v in values) + "]"


def generate(target: Path, methods: int, bib_entries: int, seed: int = SEED) -> dict[str, int]:
    """Write a synthetic data set with the real schema, ladder and themes into `target`."""
    return _Generator(target, methods, seed).run(bib_entries)


class _Generator:
    """One method per file kind. The steps share one random stream, so they run in a fixed order and the
    same seed gives the same files."""

    def __init__(self, target: Path, methods: int, seed: int):
        self.target = target
        self.rng = random.Random(seed + methods)
        self.text = Text(seed + methods)
        self.method_ids = [f"methode-{i:05d}" for i in range(methods)]
        self.checklist_ids = [f"checklist-{i:03d}" for i in range(max(3, methods // 50))]
        self.keys: list[str] = []

    def run(self, bib_entries: int) -> dict[str, int]:
        keywords = self.copy_model()
        self.write_bibliography(bib_entries, keywords)
        self.write_methods()
        cases = self.write_cases()
        self.write_checklists()
        self.write_lists()
        return {"methods": len(self.method_ids), "cases": cases, "checklists": len(self.checklist_ids),
                "bib": len(self.keys)}

    def copy_model(self) -> list[str]:
        """The real schema, ladder and themes; returns the themes' keywords for the BibTeX entries."""
        shutil.copytree(ROOT / "data" / "schema", self.target / "schema")
        shutil.copy2(ROOT / "data" / "ladder.yaml", self.target / "ladder.yaml")
        themes_file = ROOT / "data" / "themes.yaml"
        keywords = ["participatie"]
        if themes_file.exists():
            shutil.copy2(themes_file, self.target / "themes.yaml")
            keywords = [k for theme in yaml.safe_load(themes_file.read_text(encoding="utf-8")) for k in theme["keywords"]]
        self.ladder = yaml.safe_load((ROOT / "data" / "ladder.yaml").read_text(encoding="utf-8"))
        self.rungs = [r["id"] for r in self.ladder["bewoners"]]
        self.roles = [r["id"] for r in self.ladder["overheid"]]
        schema = json.loads((ROOT / "data" / "schema" / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
        self.enum = {name: schema[name]["enum"]
                     for name in ("domain", "participationType", "level", "phase", "targetGroup")}
        return keywords

    def write_bibliography(self, bib_entries: int, keywords: list[str]) -> None:
        """Keys the real ladder cites, then synthetic ones up to `bib_entries`."""
        rng, text = self.rng, self.text
        cited = sorted({s if isinstance(s, str) else s["key"] for side in self.ladder.values() for r in side
                        for s in r.get("sources") or []})
        self.keys = cited + [f"bron{i:04d}" for i in range(bib_entries - len(cited))]
        entries = []
        for index, key in enumerate(self.keys):
            kind = ("book", "article", "report")[index % 3]
            authors = " and ".join(
                f"{family}, {rng.choice(FIRST)}" if not particle else f"{particle} {family}, {rng.choice(FIRST)}"
                for particle, family in rng.sample(SURNAMES, rng.randint(1, 3)))
            fields = [f"author = {{{authors}}}", f"title = {{{text.words(4, 10).capitalize()}}}",
                      f"year = {{{rng.randint(1969, 2025)}}}", f"keywords = {{{rng.choice(keywords)}}}"]
            if kind == "article":
                fields += [f"journal = {{Tijdschrift voor {text.words(1, 2)}}}", f"volume = {{{rng.randint(1, 40)}}}",
                           f"pages = {{{rng.randint(1, 90)}--{rng.randint(91, 200)}}}", f"doi = {{10.5555/wg.{index}}}"]
            elif kind == "report":
                fields += [f"institution = {{{{Kenniscentrum {text.words(1, 2).capitalize()}}}}}",
                           f"url = {{https://example.nl/rapport/{index}}}"]
            else:
                fields += [f"publisher = {{Uitgeverij {text.words(1, 1).capitalize()}}}"]
            entries.append(f"@{kind}{{{key},\n  " + ",\n  ".join(fields) + "\n}\n")
        (self.target / "references.bib").write_text("\n".join(entries), encoding="utf-8")

    def sources(self) -> str:
        rng = self.rng
        chosen = rng.sample(self.keys, rng.randint(1, 3))
        return "[" + ", ".join(k if rng.random() < 0.7 else f'{{key: {k}, pages: "{rng.randint(1, 99)}"}}'
                               for k in chosen) + "]"

    def write_methods(self) -> None:
        rng, text, rungs, roles, enum = self.rng, self.text, self.rungs, self.roles, self.enum
        methods = len(self.method_ids)
        (self.target / "methods").mkdir()
        for i, mid in enumerate(self.method_ids):
            start = rng.randrange(len(rungs))
            description = "\n\n".join([
                text.sentences(4) + f" Lees meer over **{rng.choice(GLOSSARY)}** in [de handreiking](https://example.nl/h/{i}).",
                text.sentences(5), "- " + "\n- ".join(text.sentence(4, 8) for _ in range(3)), text.sentences(4)])
            lines = [
                f"id: {mid}", f"name: {q(text.words(1, 3).capitalize() + f' {i}')}",
                f"aliases: [{q(text.words(1, 2) + f' {i}')}]",
                f"summary: {q(text.sentence(10, 20))}",
                "description: |\n" + "".join(f"  {line}\n" if line else "\n" for line in description.split("\n")).rstrip("\n"),
                f"rungs: {ylist(rungs[start:start + rng.choice((1, 1, 2, 3))])}",
                f"roles: {ylist(sorted(rng.sample(roles, rng.randint(1, 2)), key=roles.index))}",
                f"domain: {rng.choice(enum['domain'])}",
                f"types: {ylist(rng.sample(enum['participationType'], 1))}",
                f"levels: {ylist(rng.sample(enum['level'], rng.randint(1, 2)))}",
                f"phases: {ylist(rng.sample(enum['phase'], rng.randint(1, 3)))}",
                f"target_groups: {ylist(rng.sample(enum['targetGroup'], rng.randint(1, 3)))}",
                f"preconditions: {ylist([text.sentence(5, 10) for _ in range(3)])}",
                f"steps: {ylist([text.sentence(5, 12) for _ in range(5)])}",
                f"pitfalls: {ylist([text.sentence(5, 10) for _ in range(3)])}",
                f"costs: {{time: {q(text.words(2, 4))}, money: {q(text.words(2, 4))}, people: {q(text.words(2, 4))}}}",
                f"related: {ylist(sorted(set(rng.sample(self.method_ids, min(3, methods))) - {mid}))}",
                f"checklists: {ylist(rng.sample(self.checklist_ids, rng.randint(0, 1)))}",
                f"sources: {self.sources()}",
                "status: concept",
                f"kind: {('methode', 'instrument', 'programma')[i % 3]}",
            ]
            (self.target / "methods" / f"{mid}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def write_cases(self) -> int:
        rng, text, methods = self.rng, self.text, len(self.method_ids)
        cases = max(1, methods // 5)
        (self.target / "cases").mkdir()
        for i in range(cases):
            cid = f"praktijk-{i:05d}"
            lines = [
                f"id: {cid}", f"name: {q(text.words(1, 3).capitalize() + f' in wijk {i}')}",
                f"place: {q('Wijk ' + str(i))}", f"municipality: {q(text.words(1, 1).capitalize() + 'stad')}",
                "country: NL", f"coordinates: {{lat: {rng.uniform(50.8, 53.5):.4f}, lon: {rng.uniform(3.4, 7.1):.4f}}}",
                f"period: {{start: {rng.randint(1990, 2020)}, end: lopend}}", "described_until: 2026-12",
                f"actors: {ylist([text.words(1, 2).capitalize() for _ in range(3)])}",
                f"methods: {ylist(rng.sample(self.method_ids, min(methods, rng.randint(1, 3))))}",
                f"rungs: {ylist(rng.sample(self.rungs, 1))}", f"summary: {q(text.sentence(10, 20))}",
                "description: |\n  " + text.sentences(6) + "\n\n  " + text.sentences(6),
                f"results: {ylist([text.sentence() for _ in range(3)])}",
                f"lessons: {ylist([text.sentence() for _ in range(3)])}",
                f"sources: {self.sources()}", "status: concept",
            ]
            (self.target / "cases" / f"{cid}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return cases

    def write_checklists(self) -> None:
        rng, text = self.rng, self.text
        (self.target / "checklists").mkdir()
        for i, lid in enumerate(self.checklist_ids):
            items = "".join(f"  - id: punt-{n}\n    text: {q(text.sentence(6, 12))}\n"
                            f"    explanation: {q(text.sentences(2))}\n" for n in range(10))
            (self.target / "checklists" / f"{lid}.yaml").write_text(
                f"id: {lid}\ntitle: {q('Checklist ' + text.words(1, 3) + f' {i}')}\naudience: "
                f"{rng.choice(['professional', 'bewoner'])}\nphases: [voorbereiding]\nintro: {q(text.sentences(2))}\n"
                f"items:\n{items}sources: {self.sources()}\nstatus: concept\n", encoding="utf-8")

    def write_lists(self) -> None:
        """The glossary and the timeline."""
        text = self.text
        glossary = "".join(f"- id: {re.sub(r'[^a-z0-9]+', '-', term.replace('ö', 'o'))}\n  term: {q(term)}\n"
                           f"  definition: {q(text.sentence(8, 16))}\n  sources: {self.sources()}\n" for term in GLOSSARY)
        (self.target / "glossary.yaml").write_text(glossary, encoding="utf-8")
        timeline = "".join(f"- id: gebeurtenis-{i}\n  date: \"{1970 + i}\"\n  title: {q(text.words(3, 6).capitalize())}\n"
                           f"  text: {q(text.sentences(2))}\n  sources: {self.sources()}\n" for i in range(30))
        (self.target / "timeline.yaml").write_text(timeline, encoding="utf-8")


def run_build(project: Path, site: Path, config: str, data_dir: Path, log: Path,
              search: str = "lunr") -> tuple[float, float]:
    """One `mkdocs build --strict`; returns (wall seconds, peak RSS of that process in MB). The data-layer
    figures compare builds with Material's lunr (the baseline cannot run Pagefind: that runs from the
    macros plugin); the Pagefind build is timed on its own."""
    env = dict(os.environ, WIJKENGIDS_DATA=str(data_dir), NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1",
               SOURCE_DATE_EPOCH=os.environ.get("SOURCE_DATE_EPOCH", "1700000000"), WIJKENGIDS_SEARCH=search)
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", config,
                                    "-d", str(site)], cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build failed ({config}), see {log}:\n" + log.read_text()[-3000:])
    return wall, usage.ru_maxrss / 1024  # Linux: kB


def baseline_config(project: Path) -> str:
    """mkdocs.yml without the macros plugin: the same pages, already in docs/, as plain Markdown."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    baseline = re.sub(r"\n  - macros:\n(?:      .*\n)+", "\n", text)
    assert baseline != text and "macros" not in re.findall(r"^plugins:\n((?:  .*\n)+)", baseline, re.M)[0]
    baseline = with_kinds_written_in(baseline)
    (project / "mkdocs-baseline.yml").write_text(baseline, encoding="utf-8")
    return "mkdocs-baseline.yml"


def with_kinds_written_in(text: str) -> str:
    """mkdocs.yml's text with what the macros plugin adds to its nav written in (macros/site/nav.py): the
    record kinds in place of KINDS_ENTRY, and their records' pages in not_in_nav. The same menu, so both
    builds write the same pages."""
    entry = re.search(rf"^( *)- {re.escape(nav.KINDS_ENTRY)}\n", text, re.M)
    block = re.search(r"^not_in_nav: \|\n(?:  .*\n)*", text, re.M)
    assert entry and block, "mkdocs.yml: no KINDS_ENTRY in nav, or no not_in_nav block"
    items = yaml.safe_dump(nav.kind_items(RECORD_KINDS, KIND_PAGES), allow_unicode=True, sort_keys=False)
    text = text[:entry.start()] + "".join(entry.group(1) + line + "\n" for line in items.splitlines()) + text[entry.end():]
    block = re.search(r"^not_in_nav: \|\n(?:  .*\n)*", text, re.M)
    assert block
    return text[:block.end()] + "".join(f"  {line}\n" for line in nav.off_nav(RECORD_KINDS)) + text[block.end():]


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and values.get("src"):
            self.urls.append(values["src"] or "")
        if tag == "link" and "stylesheet" in (values.get("rel") or "") and values.get("href"):
            self.urls.append(values["href"] or "")


def page_weight(site: Path, page: Path) -> tuple[int, int]:
    """(bytes, gzipped bytes) of the page's HTML plus every stylesheet and script it loads."""
    parser = _Assets()
    html = page.read_bytes()
    parser.feed(html.decode("utf-8"))
    base = "http://site/" + page.parent.relative_to(site).as_posix() + "/"
    bodies = [html] + [(site / urlparse(urljoin(base, url)).path.lstrip("/")).read_bytes() for url in parser.urls]
    return sum(map(len, bodies)), sum(len(gzip.compress(b, 6)) for b in bodies)


def reuse_sites(size: int, work: Path, runs: int, lunr_runs: int) -> dict[str, Any] | None:
    """Search figures on the sites an earlier run kept in work/SIZE (None when they are not there).
    The site's search script is refreshed from the working tree: it changes without a new build."""
    folder = work / str(size)
    sites = {"lunr": folder / "site", "pagefind": folder / "site-pagefind"}
    if not all((site / "index.html").is_file() for site in sites.values()):
        return None
    for site in sites.values():
        shutil.copy2(ROOT / "docs" / "assets" / "js" / "zoeken.js", site / "assets" / "js" / "zoeken.js")
    nan = float("nan")
    return {"size": size, "pagefind_s": nan, "full_s": nan,
            "search": [measure_site(sites["pagefind"], size, "pagefind", SEARCH_QUERY, runs),
                       measure_site(sites["lunr"], size, "lunr", SEARCH_QUERY, lunr_runs)]}


def measure(size: int, bib: int, work: Path, search_only: bool = False, runs: int = 3,
            lunr_runs: int = 3, build_only: bool = False, pairs: int = 0) -> dict[str, Any]:
    """``pairs``: warm pairs of builds (0: WARM_PAIRS for this size)."""
    from macros.data.dataset import load_valid_dataset
    from macros.site.build import build_pages, split_pages

    folder = work / str(size)
    shutil.rmtree(folder, ignore_errors=True)
    data_dir = folder / "data"
    data_dir.mkdir(parents=True)
    counts = generate(data_dir, size, bib)

    start = time.perf_counter()
    data = load_valid_dataset(data_dir, folder)
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    pages = build_pages(data)
    pages_s = time.perf_counter() - start
    published = sorted(split_pages(pages)[1])  # what the full build publishes without writing it to docs/
    del data, pages

    project = copy_project(folder / "project", plain_pages=True)
    site = folder / "site"
    # Builds in pairs (a full build and a baseline one after the other), each ratio from one pair: this
    # shared machine's speed changes from minute to minute, and a pair runs at about the same. Every full
    # build starts without the generated pages in docs/, as a fresh clone does; the baseline builds the pages
    # the last full build left. A build keeps the checked reading list, the converted Markdown, compiled
    # templates, the reading list's files and the editor's configuration for the next one in
    # .cache/wijkengids/: the first full build runs without it (a fresh clone: "koud"), the others with what
    # the one before left (a rebuild, `mkdocs serve`, or CI that keeps .cache/). Both ratios are reported.
    load_before = os.getloadavg()[0]  # a shared machine: the 1-minute load average beside each size
    shutil.rmtree(project / ".cache", ignore_errors=True)
    full_runs: list[float] = []
    base_runs: list[float] = []
    peaks = {"full": 0.0, "base": 0.0}

    def full() -> None:
        for name in generated_dirs():
            shutil.rmtree(project / "docs" / name, ignore_errors=True)
        for rel in published:
            (project / "docs" / rel).unlink(missing_ok=True)
        wall, peak = run_build(project, site, "mkdocs.yml", data_dir, folder / "build.log")
        full_runs.append(wall)
        peaks["full"] = max(peaks["full"], peak)

    def base() -> None:
        """The pages and files the last full build made, as plain files (published ones copied from its site)."""
        for rel in published:
            (project / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(site / rel, project / "docs" / rel)
        wall, peak = run_build(project, folder / "site-baseline", baseline_config(project), data_dir,
                               folder / "baseline.log")
        base_runs.append(wall)
        peaks["base"] = max(peaks["base"], peak)

    full()
    if not search_only:
        base()
        # Warm pairs alternate their order (full first, then baseline first), so a slower second build (or
        # first) weighs on both sides alike.
        for number in range(pairs or WARM_PAIRS.get(size, WARM_PAIRS_DEFAULT)):
            for step in ((full, base) if number % 2 == 0 else (base, full)):
                step()
    full_mb, base_mb = peaks["full"], peaks["base"]
    # The warm pairs: the median ratio, and the full and baseline times of that pair.
    warm = sorted(zip(full_runs[1:], base_runs[1:]), key=lambda pair: pair[0] / pair[1]) or [(full_runs[0], float("inf"))]
    full_s, base_s = warm[(len(warm) - 1) // 2]
    ratios = [full / base for full, base in warm]
    # Search: the same data built with Pagefind (as make build does), both sites measured on the phone profile.
    pagefind_s, search_rows = 0.0, []
    if not build_only:
        pagefind_site = folder / "site-pagefind"
        pagefind_s, _ = run_build(project, pagefind_site, "mkdocs.yml", data_dir, folder / "build-pagefind.log",
                                  search="pagefind")
        search_rows = [measure_site(pagefind_site, size, "pagefind", SEARCH_QUERY, runs),
                       measure_site(site, size, "lunr", SEARCH_QUERY, lunr_runs)]
    html_pages = sum(1 for _ in site.rglob("*.html"))
    index = (site / "search" / "search_index.json").read_bytes()
    method_page = site / "methoden" / "methode-00000" / "index.html"
    raw, zipped = page_weight(site, method_page)
    return {"size": size, **counts, "pages": html_pages, "full_s": full_s, "per_page_ms": 1000 * full_s / html_pages,
            "peak_mb": full_mb, "base_s": base_s, "base_mb": base_mb, "load_s": load_s, "pages_s": pages_s,
            "share": (load_s + pages_s) / full_s, "ratio": full_s / base_s, "ratios": ratios,
            "cold_s": full_runs[0], "cold_ratio": full_runs[0] / (base_runs[0] if base_runs else float("inf")),
            "index_mb": len(index) / 1e6, "index_gz_mb": len(gzip.compress(index, 6)) / 1e6,
            "page_kb": raw / 1000, "page_gz_kb": zipped / 1000, "pagefind_s": pagefind_s, "search": search_rows,
            "load": (load_before, os.getloadavg()[0])}


def check_time() -> float:
    """Wall time of `python -m scripts.check` on the real data (best of three, interpreter start included)."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "scripts.check"], cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def mark(ok: bool) -> str:
    return "ok" if ok else "NIET GEHAALD"


def report(rows: list[dict[str, Any]], check_s: float) -> str:
    head = ("methoden", "zaken", "pagina's", "bouw s", "ms/pag", "piek MB", "basis s", "ratio", "koud s",
            "ratio koud", "laden s",
            "pagina's s", "aandeel", "index MB", "index gz", "pagina kB", "pagina gz")
    lines = [" | ".join(head), " | ".join("-" * len(h) for h in head)]
    for r in rows:
        lines.append(" | ".join([
            f"{r['size']:>8,}".replace(",", "."), f"{r['cases']:>5}", f"{r['pages']:>8}", f"{r['full_s']:6.1f}",
            f"{r['per_page_ms']:6.1f}", f"{r['peak_mb']:7.0f}", f"{r['base_s']:7.1f}", f"{r['ratio']:5.2f}",
            f"{r['cold_s']:6.1f}", f"{r['cold_ratio']:10.2f}", f"{r['load_s']:7.2f}", f"{r['pages_s']:10.2f}",
            f"{100 * r['share']:6.0f} %", f"{r['index_mb']:8.2f}",
            f"{r['index_gz_mb']:8.2f}", f"{r['page_kb']:9.0f}", f"{r['page_gz_kb']:9.0f}"]))
    lines += ["", "Doelen:"]
    for r in rows:
        spread = (f" (mediaan van {len(r['ratios'])} paren: {min(r['ratios']):.2f}–{max(r['ratios']):.2f})"
                  if len(r["ratios"]) > 1 else " (één paar)")
        lines.append(f"  datalaag bij {r['size']:,}: bouw / basisbouw = {r['ratio']:.2f}{spread} (doel <= {TARGET_RATIO}) "
                     f"{mark(r['ratio'] <= TARGET_RATIO)}; zonder cache (koud) {r['cold_ratio']:.2f}; "
                     f"belasting (load average 1 min) "
                     f"{r['load'][0]:.1f} voor / {r['load'][1]:.1f} na".replace(",", "."))
    by_size = {r["size"]: r for r in rows}
    if 1000 in by_size and 5000 in by_size:
        growth = by_size[5000]["full_s"] / by_size[1000]["full_s"]
        lines.append(f"  groei: bouw 5.000 = {growth:.2f} x bouw 1.000 (doel <= {TARGET_GROWTH}) "
                     f"{mark(growth <= TARGET_GROWTH)}")
    peak = max(r["peak_mb"] for r in rows)
    lines.append(f"  piekgeheugen: {peak:.0f} MB (doel < {TARGET_MEMORY_MB} MB) {mark(peak < TARGET_MEMORY_MB)}")
    lines.append(f"  python -m scripts.check op de echte gegevens: {check_s:.2f} s (doel < {TARGET_CHECK_S:.0f} s) "
                 f"{mark(check_s < TARGET_CHECK_S)}")
    lines += ["", "Kolommen: bouw = mkdocs build --strict met de datalaag (wandklok), met de leeslijst uit .cache/ van de",
              "bouw ervoor (zoals bij een tweede bouw, mkdocs serve of CI die .cache/ bewaart); koud = de eerste bouw,",
              "zonder .cache/ (een verse clone). Beide zonder de gegenereerde pagina's in docs/. basis = dezelfde",
              "pagina's als gewone Markdown zonder datalaag, direct na de bouw; ratio = bouw / basis van één paar",
              "(bouw en basisbouw direct na elkaar); met cache de mediaan van de paren (bouw s en basis s zijn",
              "die van het mediane paar); koud: de basisbouw direct na de koude bouw;",
              "laden = load_valid_dataset (zonder cache); pagina's s = build_pages;",
              "aandeel = (laden + pagina's) / bouw; index = search/search_index.json; pagina =",
              "een methodepagina met alle CSS en JS die ze laadt (gz = gzip -6). Piek = max. RSS van het bouwproces."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="aantallen methoden, komma-gescheiden")
    parser.add_argument("--bib", type=int, default=2000, help="aantal bronnen in de leeslijst")
    parser.add_argument("--keep", type=Path, help="bewaar de gegenereerde gegevens en sites in deze map")
    parser.add_argument("--no-selector", action="store_true", help="sla scripts/bench_selector.py over")
    parser.add_argument("--search-only", action="store_true",
                        help="alleen zoeken meten: per aantal één bouw met lunr en één met Pagefind, geen basisbouw")
    parser.add_argument("--build-only", action="store_true",
                        help="alleen de bouwtijden (datalaag): geen bouw met Pagefind, geen zoekmetingen")
    parser.add_argument("--reuse", action="store_true",
                        help="met --keep en --search-only: meet de sites die een eerdere run in DIR liet staan, zonder opnieuw te bouwen")
    parser.add_argument("--pairs", type=int, default=0,
                        help="paren bouw + basisbouw met cache per aantal (standaard 9 bij 100, 3 bij 1.000, anders 1)")
    parser.add_argument("--runs", type=int, default=3, help="metingen per site in de browser (Pagefind)")
    parser.add_argument("--lunr-runs", type=int, default=3, help="metingen per site in de browser (lunr)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]  # empty: the real site only

    if args.reuse and not (args.keep and args.search_only):
        parser.error("--reuse werkt alleen samen met --keep DIR en --search-only")
    sys.path.insert(0, str(ROOT))
    work = args.keep or Path(tempfile.mkdtemp(prefix="wijkengids-bench-"))
    rows = []
    try:
        for size in sizes:
            print(f"… {size} methoden", file=sys.stderr, flush=True)
            reused = reuse_sites(size, work, args.runs, args.lunr_runs) if args.reuse else None
            rows.append(reused or measure(size, args.bib, work, args.search_only, args.runs, args.lunr_runs,
                                          args.build_only, args.pairs))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if not args.search_only:
        print(report(rows, check_time()))

    if not args.build_only:
        print("\nZoeken: Pagefind (de site) naast lunr (Materials eigen zoeker), op een telefoon "
              "(scripts/bench_search.py):", flush=True)
        search_rows = real_site_rows(SEARCH_QUERY, args.runs) + [r for row in rows for r in row["search"]]
        print(table(search_rows))
        for row in (r for r in rows if r["full_s"] == r["full_s"]):  # not for reused sites (nan)
            print(f"  bouw met Pagefind bij {row['size']:,} methoden: {row['pagefind_s']:.1f} s (met lunr: "
                  f"{row['full_s']:.1f} s)".replace(",", "."))
    status = 0
    if not args.no_selector:
        print("\nParticipatiewijzer in de browser (scripts/bench_selector.py):", flush=True)
        status |= subprocess.run([sys.executable, "-m", "scripts.bench_selector"], cwd=ROOT).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
