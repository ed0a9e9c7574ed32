"""axe-core on every built page: no critical or serious violation, in light and in dark mode.

All pages are scanned in one browser page, one after the other, with axe's full rule set. One exception
saves about a third of the scan: colour contrast, three quarters of axe's time, is checked on every page
except the second and later records of a kind, and the second and later rungs of each ladder. Their
colours come from the same template and CSS as the first one's, which is checked, and curator text cannot bring colours of its own (no HTML; Markdown
becomes the same few elements). The same reasoning skips contrast on the reading list's later entries of
one shape (tests/browser/axe.py). Every other rule runs on every element of every page. The summary is
shown after the run even when the test passes, so a moderate or minor finding is seen before it becomes a
habit.
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from macros.data.kinds import PAGE_FOLDERS
from tests.browser.axe import BLOCKING, SAME, describe, violations, with_every_page


def built_pages(site: Path) -> list[str]:
    """The URL path of every page in the built site (every index.html, plus the 404 page)."""
    folders = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    # The web editor (Decap CMS) needs its local backend: tests/browser/test_editor.py runs axe on it there.
    paths = ["/" if folder == "." else f"/{folder}/" for folder in folders if folder != "redactie/bewerken"]
    return paths + (["/404.html"] if (site / "404.html").exists() else [])


def later_records(paths: list[str], data) -> set[str]:  # noqa: ANN001 - the data set
    """The pages of every record of a kind but its first, and of every rung of a ladder but its first
    (macros/site/ladder.py): same template, same colours."""
    groups = [{f"/{kind.url}/{record_id}/" for record_id in data.records_of(kind.id)} for kind in data.kinds]
    groups += [{f"/{PAGE_FOLDERS.ladder}/{rung.id}/" for rung in side} for side in (data.rungs, data.roles)]
    later: set[str] = set()
    for group in groups:
        later.update([p for p in paths if p in group][1:])
    return later


def scan(page, base_url: str, paths: list[str], without_contrast: frozenset[str] = frozenset()
         ) -> tuple[list[str], Counter, float]:
    """Run axe on each path; returns blocking findings, a count of every finding, and the time taken."""
    with_every_page(page.context)
    blocking: list[str] = []
    counts: Counter = Counter()
    start = time.perf_counter()
    for path in paths:
        page.goto(base_url + path, wait_until="load")
        for violation in violations(page, contrast=path not in without_contrast):
            counts[(violation["impact"], violation["id"])] += len(violation["nodes"])
            if violation["impact"] in BLOCKING:
                blocking.append(describe(violation, path))
    return blocking, counts, time.perf_counter() - start


def summary(title: str, paths: list[str], counts: Counter, seconds: float) -> str:
    lines = [f"axe-core, {title}: {len(paths)} pages in {seconds:.1f} s"]
    if not counts:
        lines.append("  no violations of any impact")
    for (impact, rule), nodes in sorted(counts.items(), key=lambda item: (BLOCKING + ("moderate", "minor")).index(
            item[0][0]) if item[0][0] in BLOCKING + ("moderate", "minor") else 9):
        lines.append(f"  {impact:9} {rule}: {nodes} element(s)")
    return "\n".join(lines)


def test_every_page_passes_axe(page, base_url: str, built_site: Path, data,  # noqa: ANN001 - the data set
                               report: Callable[[str], None]) -> None:
    paths = built_pages(built_site)
    assert "/" in paths and any(p.startswith("/methoden/") for p in paths), paths[:10]
    later = later_records(paths, data)
    assert later and len(later) < len(paths), "the contrast exception covers some record pages, not all pages"
    blocking, counts, seconds = scan(page, base_url, paths, frozenset(later))
    report(summary(f"light mode, every page ({len(later)} later records and rungs without colour contrast)",
                   paths, counts, seconds))
    assert blocking == [], "\n".join(blocking[:60])


def test_dark_mode_passes_axe(page, base_url: str, built_site: Path, report: Callable[[str], None]) -> None:
    """Dark mode follows the reader's system setting; a sample of page types is checked in it."""
    page.emulate_media(color_scheme="dark")
    everything = built_pages(built_site)
    sample = ["/"] + [next(p for p in everything if p.startswith(prefix) and p != prefix)
                      for prefix in ("/methoden/", "/praktijk/", "/checklists/", "/ladder/")
                      if any(p.startswith(prefix) and p != prefix for p in everything)]
    sample += [p for p in ("/participatiewijzer/", "/leeslijst/", "/begrippen/", "/tijdlijn/") if p in everything]
    page.goto(base_url + "/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate", "dark mode not applied"
    blocking, counts, seconds = scan(page, base_url, sample)
    report(summary("dark mode, " + ", ".join(sample), sample, counts, seconds))
    assert blocking == [], "\n".join(blocking)


def test_the_reading_list_economy_still_finds_poor_contrast(page, base_url: str) -> None:
    """The reading list's later entries of one shape skip the contrast rule (tests/browser/axe.py); the
    first of each shape does not: text made too pale there is still reported."""
    page.goto(base_url + "/leeslijst/")
    page.evaluate("() => { document.querySelector('.wg-ll__entry').style.color = '#eeeeee'; }")
    found = {v["id"] for v in violations(page)}
    assert page.locator(f"[{SAME}]").count() > 0, "no entry shared a shape: the economy was not used"
    assert "color-contrast" in found, found
