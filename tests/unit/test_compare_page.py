"""Vergelijk methoden: the page and one script of cells per method, from the same records as every page."""
from __future__ import annotations

import json
import re
from pathlib import Path

from macros.data.dataset import load_valid_dataset
from macros.site.build import build_pages
from macros.site.compare import FIRST_STEPS, ROWS, comparable

PAGE = "methoden/vergelijk.md"
SCRIPT = re.compile(r"^window\.wgVergelijk && window\.wgVergelijk\((\{.*\})\);\n$", re.S)


def cells(pages: dict[str, str], method_id: str) -> dict[str, str]:
    """The cells of one method's script, by row id (each cell's HTML)."""
    match = SCRIPT.match(pages[f"methoden/vergelijk/{method_id}.js"])
    assert match, pages[f"methoden/vergelijk/{method_id}.js"][:200]
    record = json.loads(match.group(1))
    assert record["id"] == method_id
    parts = re.findall(r'<div data-row="([^"]+)">(.*?)</div>\n(?=<div data-row=|$)', record["html"] + "\n", re.S)
    return dict(parts)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(data_dir: Path) -> tuple[dict[str, str], object]:
    data = load_valid_dataset(data_dir, data_dir.parent)
    return build_pages(data), data


def test_one_script_per_comparable_method_and_none_for_background(data_dir: Path) -> None:
    edit(data_dir / "methods" / "burgerpanel.yaml", "\nsummary:", "\nsection: achtergrond\nsummary:")
    pages, data = build(data_dir)
    scripts = sorted(p for p in pages if p.startswith("methoden/vergelijk/"))
    wanted = [m.id for m in comparable(data)]
    assert "burgerpanel" not in wanted and wanted
    assert scripts == sorted(f"methoden/vergelijk/{i}.js" for i in wanted)
    # The page's table (what a reader without JavaScript sees) lists the same methods, and knows the
    # background record by name so an address naming it is explained.
    assert re.findall(r'<tr data-id="([^"]+)">', pages[PAGE]) == wanted
    assert "Burgerpanel" in pages[PAGE].split('data-background="', 1)[1].split('"', 1)[0]


def test_every_row_in_order_and_what_is_missing_is_said(data_dir: Path) -> None:
    pages, data = build(data_dir)
    for method in comparable(data):
        row_cells = cells(pages, method.id)
        assert list(row_cells) == [row_id for row_id, _ in ROWS]
        costs = method.get("costs") or {}
        if not (costs.get("time") or costs.get("money") or costs.get("people")):
            assert "Niet beschreven" in row_cells["kosten"]
        if not data.cases_using(method.id):
            assert "Geen in de gids" in row_cells["praktijk"]
        for case in data.cases_using(method.id):
            assert f'href="../../praktijk/{case.id}/"' in row_cells["praktijk"]


def test_steps_show_the_count_and_the_first_ones(data_dir: Path) -> None:
    steps = [f"Stap nummer {n} van de aanpak." for n in range(1, FIRST_STEPS + 3)]
    edit(data_dir / "methods" / "wijkgesprek.yaml", "\nrungs:", "\nsteps:\n" + "".join(f"  - {s}\n" for s in steps) + "rungs:")
    pages, _ = build(data_dir)
    cell = cells(pages, "wijkgesprek")["stappen"]
    assert f"{len(steps)} stappen; de eerste {FIRST_STEPS}:" in cell
    assert all(s in cell for s in steps[:FIRST_STEPS]) and not any(s in cell for s in steps[FIRST_STEPS:])
    assert 'href="../../methoden/wijkgesprek/#stappen"' in cell


def test_curator_text_in_a_cell_is_text(data_dir: Path) -> None:
    """What validation lets through (a '<' with a space, '&', braces, quotes) stays text in the cell."""
    typed = 'Twee < drie & {{ 7*7 }} "gezegd"'
    edit(data_dir / "methods" / "wijkgesprek.yaml", "summary: Inwoners en gemeente bespreken de wijk. Zie ook stap 2 & 3.",
         f"summary: {json.dumps(typed)}")
    pages, _ = build(data_dir)
    row_cells = cells(pages, "wijkgesprek")
    assert list(row_cells) == [row_id for row_id, _ in ROWS]
    assert row_cells["kort"] == "<p>Twee &lt; drie &amp; {{ 7*7 }} &#34;gezegd&#34;</p>"
