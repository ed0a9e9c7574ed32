"""Pictures on the built site: the case map, the timeline and the 'Verbanden' block of case pages.

Expectations come from the data (and, for the map, from the bundled outline of the Netherlands
inside the SVG itself), never from fixed counts.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from macros.data.dataset import load_valid_dataset
from macros.figures import case_map
from macros.site.build import build_pages
from macros.site.context import Site
from tests.html_tree import Node, parse
from tests.support import FIXTURE_DATA

MAP_URL = "/praktijk/kaart/"


# --- reading built HTML --------------------------------------------------------------------------

def numbers(d: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", d)]


def path_box(d: str) -> tuple[float, float, float, float]:
    values = numbers(d)
    xs, ys = values[0::2], values[1::2]
    return min(xs), min(ys), max(xs), max(ys)


# --- the map ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def map_page(built_site: Path) -> Node:
    page = built_site / "praktijk" / "kaart" / "index.html"
    assert page.exists(), "no map page at /praktijk/kaart/"
    return parse(page)


def mappable(data) -> dict[str, object]:
    """Cases with coordinates inside the area the bundled outlines cover (the others are listed, not drawn)."""
    cover = case_map.coverage()
    return {c.id: c for c in data.cases.values()
            if case_map.coordinates(c) and case_map.inside(*case_map.coordinates(c), cover)}


def markers(root: Node) -> list[Node]:
    return root.find_all("a", "wg-map__marker")


def test_the_map_has_exactly_one_marker_per_case_with_coordinates(map_page: Node, data, built_site: Path) -> None:
    expected = mappable(data)
    assert expected, "no case has coordinates: nothing to check"
    found = [m.attrs["data-case"] for m in markers(map_page)]
    assert sorted(found) == sorted(expected), "markers and cases with coordinates differ"
    for marker in markers(map_page):
        href = marker.attrs.get("xlink:href") or marker.attrs.get("href")
        assert href and not urlparse(href).scheme and not href.startswith("/"), f"not a relative link: {href}"
        target = urljoin(MAP_URL, href)
        assert target == f"/praktijk/{marker.attrs['data-case']}/", f"{href} leads to {target}"
        assert (built_site / target.strip("/") / "index.html").exists()
        # An accessible name (and a tooltip) that says which case it is.
        name = expected[marker.attrs["data-case"]]["name"]
        assert name in marker.attrs.get("aria-label", ""), marker.attrs
        assert marker.attrs.get("role") == "link"
        assert name in marker.find("title").all_text(" ")


def test_markers_lie_inside_the_view_and_dutch_cases_inside_the_netherlands(map_page: Node, data) -> None:
    checked_home = 0
    for svg in map_page.find_all("svg", "wg-map__svg"):
        x0, y0, width, height = numbers(svg.attrs["viewbox"])
        home = svg.find_all("path", data_country="NL")
        assert home, "the Netherlands are not drawn"
        hx0, hy0, hx1, hy1 = path_box(home[0].attrs["d"])
        spots = {s.attrs["data-case"]: (float(s.attrs["cx"]), float(s.attrs["cy"]))
                 for s in svg.find_all("circle", "wg-map__spot")}
        for marker in markers(svg):
            case = data.cases[marker.attrs["data-case"]]
            dot = marker.find("circle", "wg-map__dot")
            x, y, r = float(dot.attrs["cx"]), float(dot.attrs["cy"]), float(dot.attrs["r"])
            assert x0 <= x - r and x + r <= x0 + width and y0 <= y - r and y + r <= y0 + height, \
                f"{case.id}: marker ({x}, {y}) sticks out of the map"
            sx, sy = spots[case.id]
            assert x0 <= sx <= x0 + width and y0 <= sy <= y0 + height
            if case["country"] == "NL":
                assert hx0 <= sx <= hx1 and hy0 <= sy <= hy1, f"{case.id} ({sx}, {sy}) outside the Netherlands"
                checked_home += 1
            if ((x - sx) ** 2 + (y - sy) ** 2) ** 0.5 > r:  # moved aside: a line leads to the true place
                assert any(float(ln.attrs["x1"]) == sx and float(ln.attrs["y1"]) == sy
                           and float(ln.attrs["x2"]) == x and float(ln.attrs["y2"]) == y
                           for ln in svg.find_all("line", "wg-map__leader")), f"{case.id} moved without a line"
    assert checked_home == sum(1 for c in mappable(data).values() if c["country"] == "NL")


def test_north_is_up_and_east_is_right(map_page: Node, data) -> None:
    """The projection keeps the compass: a case clearly further north is drawn higher, further east more right."""
    for svg in map_page.find_all("svg", "wg-map__svg"):
        spots = [(data.cases[s.attrs["data-case"]], float(s.attrs["cx"]), float(s.attrs["cy"]))
                 for s in svg.find_all("circle", "wg-map__spot")]
        for a, ax, ay in spots:
            for b, bx, by in spots:
                (alon, alat), (blon, blat) = case_map.coordinates(a), case_map.coordinates(b)
                if alat > blat + 0.05:
                    assert ay < by, f"{a.id} lies north of {b.id} but is drawn lower"
                if alon > blon + 0.05:
                    assert ax > bx, f"{a.id} lies east of {b.id} but is drawn further left"


def test_the_list_beside_the_map_names_the_same_cases_with_the_same_numbers(map_page: Node, data) -> None:
    site = Site(data)  # the period in words, as every page words it (case_map.period_text)
    listed: dict[str, int] = {}
    for ol in map_page.find_all("ol", "wg-map__list"):
        start = int(ol.attrs.get("start", "1"))
        for index, item in enumerate(ol.find_all("li")):
            case_id = item.attrs["id"].removeprefix("kaart-")
            assert case_id not in listed, f"{case_id} listed twice"
            listed[case_id] = start + index
            case = data.cases[case_id]
            assert case["place"] in item.all_text(" ") and site.period(case, short=True) in item.all_text(" ")
    assert sorted(listed) == sorted(mappable(data))
    for marker in markers(map_page):
        number = marker.find("text", "wg-map__num").all_text(" ")
        assert number == str(listed[marker.attrs["data-case"]]), "marker and list number differ"
        assert marker.attrs["aria-label"].startswith(f"{number}: ")
    unmapped = {li.attrs["id"].removeprefix("kaart-") for ul in map_page.find_all("ul", "wg-map__list--unmapped")
                for li in ul.find_all("li")}
    assert unmapped == set(data.cases) - set(mappable(data)), "every case without a place on the map is listed"


def test_the_map_is_an_accessible_figure(map_page: Node) -> None:
    for svg in map_page.find_all("svg", "wg-map__svg"):
        assert svg.attrs.get("role") == "group"
        title = svg.find("title", id=svg.attrs["aria-labelledby"])
        desc = svg.find("desc", id=svg.attrs["aria-describedby"])
        assert title.all_text(" ") and desc.all_text(" ")
        base = svg.find("g", "wg-map__base")
        assert base.attrs.get("aria-hidden") == "true", "the drawing itself is decoration; the links carry the content"
        assert not base.find_all("a"), "no link may hide inside the decorative group"
        assert "width" not in svg.attrs and "height" not in svg.attrs, "sized by CSS (width 100%) for phones"


def test_the_cases_overview_and_each_case_link_to_the_map(built_site: Path, data) -> None:
    overview = (built_site / "praktijk" / "index.html").read_text(encoding="utf-8")
    assert 'href="../praktijk/kaart/"' in overview or 'href="kaart/"' in overview
    for case in data.cases.values():
        html = (built_site / "praktijk" / case.id / "index.html").read_text(encoding="utf-8")
        assert f'href="../../praktijk/kaart/#kaart-{case.id}"' in html


def test_a_case_without_coordinates_is_listed_under_the_map_with_a_warning(tmp_path: Path) -> None:
    """The choice made (see macros/data/places.py): a warning, not an error, and the list says so."""
    import shutil

    folder = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, folder)
    case_file = folder / "cases" / "voorbeeldwijk.yaml"
    text = case_file.read_text(encoding="utf-8")
    assert "coordinates:" in text
    case_file.write_text(re.sub(r"(?m)^coordinates:.*\n", "", text), encoding="utf-8")
    data = load_valid_dataset(folder, tmp_path)  # does not raise: a warning only
    warnings = [str(p) for p in data.problems.warnings if p.field == "coordinates"]
    assert warnings and "data/cases/voorbeeldwijk.yaml" in warnings[0] and "waarschuwing" in warnings[0]
    page = build_pages(data)["praktijk/kaart.md"]
    assert 'data-case="voorbeeldwijk"' not in page, "no marker without coordinates"
    unmapped = page[page.index('id="niet-op-de-kaart"'):]
    assert 'id="kaart-voorbeeldwijk"' in unmapped and "niet bekend" in unmapped


# --- the timeline ------------------------------------------------------------------------------------

def _date_parts(value: str) -> tuple[int, ...]:
    return tuple(int(part) for part in value.split("-"))


def test_the_timeline_shows_every_event_in_date_order(built_site: Path, data) -> None:
    root = parse(built_site / "tijdlijn" / "index.html")
    items = root.find_all("li", "wg-timeline__event")
    assert [li.attrs["id"] for li in items] and sorted(li.attrs["id"] for li in items) == sorted(e.id for e in data.timeline)
    by_id = {e.id: e for e in data.timeline}
    starts = []
    for li in items:
        event = by_id[li.attrs["id"]]
        assert event["title"] in li.find("h3").all_text(" ")
        first = li.find("time")
        assert first.attrs["datetime"] == event["date"]
        starts.append((li.attrs["id"], _date_parts(first.attrs["datetime"])))
    # Dates have different precision (2007, 2007-05, 2007-05-12): compare on the parts both have. Every
    # pair, not only neighbours, so '2007-05, 2007, 2007-03' fails too.
    for i, (first_id, a) in enumerate(starts):
        for second_id, b in starts[i + 1:]:
            common = min(len(a), len(b))
            assert a[:common] <= b[:common], f"{first_id} ({a}) is shown before {second_id} ({b})"


# --- Verbanden on case pages --------------------------------------------------------------------------

def test_case_pages_show_their_verbanden(built_site: Path, data) -> None:
    for case in data.cases.values():
        root = parse(built_site / "praktijk" / case.id / "index.html")
        html = (built_site / "praktijk" / case.id / "index.html").read_text(encoding="utf-8")
        start, end = html.index('id="verbanden"'), html.index('id="bronnen"')
        block = html[start:end]
        for method_id in case["methods"]:
            assert f'href="../../methoden/{method_id}/"' in block, f"{case.id}: method {method_id} missing"
            for checklist in data.checklists_for_method(method_id):
                assert f'href="../../checklists/{checklist.id}/"' in block, f"{case.id}: checklist {checklist.id}"
        for other in data.cases.values():
            shares = set(other["methods"]) & set(case["methods"])
            link = f'href="../../praktijk/{other.id}/"'
            if other.id != case.id and shares:
                assert link in block, f"{case.id} does not name {other.id} (shares {sorted(shares)})"
            elif other.id != case.id:
                assert link not in block, f"{case.id} names {other.id} without a shared method"
        assert root.find_all("h2", id="verbanden")
