"""The case map's data layer: the bundled outlines, the TopoJSON decoder, placement and validation."""
from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest

from macros.data.dataset import load_dataset, load_valid_dataset
from macros.figures import case_map
from macros.site.build import build_pages
from scripts import update_geodata
from tests.html_tree import parse_html

# --- the bundled outlines ---------------------------------------------------------------------

def test_the_bundled_outlines_are_small_sourced_and_cover_the_netherlands() -> None:
    assert case_map.GEODATA.stat().st_size < 150_000
    geo = case_map.load_geodata()
    assert "Natural Earth" in geo["source"]["data"] and "world-atlas@2.0.2" in geo["source"]["package"]
    codes = set(case_map.countries(geo))
    assert {"NL", "BE", "DE", "GB", "IE", "FR"} <= codes
    lon0, lat0, lon1, lat1 = case_map.home_box(geo)
    for lon, lat in [(4.90, 52.37), (6.57, 53.22), (5.69, 50.85), (3.61, 51.50)]:  # Amsterdam, Groningen, Maastricht, Middelburg
        assert lon0 <= lon <= lon1 and lat0 <= lat <= lat1
    readme = (case_map.GEODATA.parent / "README.md").read_text(encoding="utf-8")
    assert "public domain" in readme and "ISC" in readme and "npm pack world-atlas@2.0.2" in readme


def inside_country(code: str, lon: float, lat: float) -> bool:
    feature = case_map.countries()[code]
    return any(case_map.point_in_ring((lon, lat), polygon[0])
               and not any(case_map.point_in_ring((lon, lat), hole) for hole in polygon[1:])
               for polygon in feature["geometry"]["coordinates"])


@pytest.mark.parametrize("code,lon,lat", [("NL", 5.12, 52.09), ("NL", 6.57, 53.22), ("BE", 4.35, 50.85),
                                          ("GB", -0.35, 53.74), ("DE", 6.96, 50.94)])
def test_places_lie_in_their_country(code: str, lon: float, lat: float) -> None:
    assert inside_country(code, lon, lat)
    others = [c for c in case_map.countries() if c != code and inside_country(c, lon, lat)]
    assert others == [], f"({lon}, {lat}) also lies in {others}: borders overlap"


# --- the TopoJSON decoder of scripts/update_geodata.py ------------------------------------------

TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.25], "translate": [3.0, 50.0]},
    # arc 0: (0,0) -> (4,0) -> (4,4); arc 1: (4,4) -> (0,4) -> (0,0) (delta-encoded)
    "arcs": [[[0, 0], [4, 0], [0, 4]], [[4, 4], [-4, 0], [0, -4]]],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "id": "528", "properties": {"name": "Netherlands"}, "arcs": [[0, 1]]},
        {"type": "Polygon", "id": "056", "properties": {"name": "Belgium"}, "arcs": [[~1, ~0]]},
    ]}},
}


def test_arcs_are_delta_decoded_with_the_transform() -> None:
    arcs = update_geodata.decode_arcs(TOPOLOGY)
    assert arcs[0] == [(3.0, 50.0), (5.0, 50.0), (5.0, 51.0)]
    assert arcs[1] == [(5.0, 51.0), (3.0, 51.0), (3.0, 50.0)]


def test_rings_join_arcs_and_reverse_negative_indexes() -> None:
    arcs = update_geodata.decode_arcs(TOPOLOGY)
    ring = update_geodata.ring_from_arcs([0, 1], arcs)
    assert ring == [(3.0, 50.0), (5.0, 50.0), (5.0, 51.0), (3.0, 51.0), (3.0, 50.0)]
    reverse = update_geodata.ring_from_arcs([~1, ~0], arcs)
    assert reverse == ring[::-1]


def test_the_bundle_keeps_named_countries_clipped_to_the_extent() -> None:
    collection = update_geodata.build(TOPOLOGY, extent=(2.0, 49.0, 4.0, 52.0))
    assert [f["id"] for f in collection["features"]] == ["BE", "NL"]
    for feature in collection["features"]:
        xs = [p[0] for poly in feature["geometry"]["coordinates"] for ring in poly for p in ring]
        assert max(xs) == 4.0 and min(xs) == 3.0, "clipped at lon 4"
    text = update_geodata.dumps(collection, {"file": "test"})
    assert json.loads(text)["features"][1]["properties"]["name"] == "Nederland"
    assert text == update_geodata.dumps(update_geodata.build(TOPOLOGY, extent=(2.0, 49.0, 4.0, 52.0)), {"file": "test"})


def test_an_unnamed_country_in_the_area_stops_the_script() -> None:
    topology = json.loads(json.dumps(TOPOLOGY))
    topology["objects"]["countries"]["geometries"][0]["id"] = "999"
    with pytest.raises(SystemExit, match="not in COUNTRIES"):
        update_geodata.build(topology, extent=(2.0, 49.0, 4.0, 52.0))


def test_simplify_keeps_the_end_points_and_drops_small_wiggles() -> None:
    line = [(0.0, 0.0), (1.0, 0.001), (2.0, -0.001), (3.0, 0.0), (4.0, 2.0)]
    simple = update_geodata.simplify(line, 0.01)
    assert simple[0] == line[0] and simple[-1] == line[-1]
    assert (1.0, 0.001) not in simple and (3.0, 0.0) in simple


# --- placement -------------------------------------------------------------------------------

def test_markers_on_one_spot_are_spread_without_overlap_and_stay_in_view() -> None:
    anchors = [(100.0, 100.0)] * 5 + [(2.0, 2.0), (101.0, 99.0)]
    placed = case_map.spread(anchors, 300, 200)
    assert placed == case_map.spread(anchors, 300, 200), "deterministic"
    r = case_map.RADIUS
    for i, (x1, y1) in enumerate(placed):
        assert r <= x1 <= 300 - r and r <= y1 <= 200 - r
        for x2, y2 in placed[i + 1:]:
            assert math.hypot(x2 - x1, y2 - y1) >= 2 * r, "markers overlap"


def test_cases_go_on_one_map_each_numbered_in_list_order() -> None:
    cases = [
        {"id": "hull", "name": "Hull", "place": "Hull", "municipality": "Hull", "country": "GB",
         "coordinates": {"lat": 53.74, "lon": -0.35}, "period": {"start": 1994, "end": None}},
        {"id": "b", "name": "Bijlmer", "place": "Bijlmer", "municipality": "Amsterdam", "country": "NL",
         "coordinates": {"lat": 52.31, "lon": 4.95}, "period": {"start": 2000, "end": "lopend"}},
        {"id": "a", "name": "Assen-Oost", "place": "Assen", "municipality": "Assen", "country": "NL",
         "coordinates": None, "period": {"start": 2010, "end": 2012}},
        {"id": "kaapstad", "name": "Kaapstad", "place": "Kaapstad", "municipality": "Kaapstad", "country": "ZA",
         "coordinates": {"lat": -33.9, "lon": 18.4}, "period": {"start": 2001, "end": None}},
    ]
    page = case_map.build_maps(cases)
    assert [m.id for m in page.maps] == ["nl", "buitenland"]
    assert [(m.number, m.case["id"]) for m in page.entries] == [(1, "b"), (2, "hull")]
    assert [(c["id"], why) for c, why in page.unmapped] == [
        ("a", "de ligging is (nog) niet bekend"), ("kaapstad", "ligt buiten het gebied van de kaart")]
    assert page.entries[1].name == "2: Hull, Hull (Verenigd Koninkrijk) (begonnen in 1994)"
    assert case_map.period_text({"start": 2000, "end": "lopend"}, 2003, short=True) == "sinds 2000, liep nog in 2003"
    assert case_map.period_text({"start": 2007, "end": 2014}) == "2007–2014"
    only_home = case_map.build_maps(cases[1:2])
    assert [m.id for m in only_home.maps] == ["nl"], "no second map without cases abroad"


@pytest.mark.parametrize("case, label", [
    ({"place": "Selwerd", "municipality": "Groningen", "country": "NL"}, "Selwerd, gemeente Groningen"),
    ({"place": "Emmen", "municipality": "Emmen", "country": "NL"}, "Emmen"),
    ({"place": "Aardbevingsgebied in de provincie Groningen", "country": "NL"},
     "Aardbevingsgebied in de provincie Groningen"),
    ({"place": "Thornton Estate", "municipality": "Hull", "country": "GB"},
     "Thornton Estate, Hull (Verenigd Koninkrijk)"),
    ({"place": "Hull", "municipality": "Hull", "country": "GB"}, "Hull (Verenigd Koninkrijk)"),
    ({"place": "Ergens in Engeland", "country": "GB"}, "Ergens in Engeland (Verenigd Koninkrijk)"),
])
def test_place_label_reads_as_dutch_for_every_combination(case: dict, label: str) -> None:
    """'gemeente' only before a Dutch municipality; none for a region or a town abroad."""
    assert case_map.place_text(case) == label


@pytest.mark.parametrize("period, latest, short, full", [
    ({"start": 2007, "end": 2015}, 2014, "2007–2015", "2007–2015"),
    ({"start": 1997}, 2017, "begonnen in 1997", "begonnen in 1997; het einde staat niet in de bronnen"),
    ({"start": 2020, "end": "lopend"}, 2023, "sinds 2020, liep nog in 2023",
     "sinds 2020; in 2023 liep het nog, volgens de nieuwste bron"),
    ({"start": 2020, "end": "lopend"}, None, "sinds 2020, einde onbekend",
     "sinds 2020; of het nog loopt, staat niet in de bronnen"),
    ({"start": "onbekend"}, 2017, "geen jaartallen bekend", "de bronnen noemen geen jaartallen"),
    ({"start": "onbekend", "end": 2012}, None, "tot 2012, begin onbekend", "tot 2012; het beginjaar staat niet in de bronnen"),
    ({"start": "onbekend", "end": "lopend"}, 2021, "liep nog in 2021, begin onbekend",
     "in 2021 liep het nog, volgens de nieuwste bron; het beginjaar staat niet in de bronnen"),
    ({"start": "onbekend", "end": "lopend"}, None, "geen jaartallen bekend", "de bronnen noemen geen jaartallen"),
])
def test_period_text_says_no_more_than_the_sources(period: dict, latest: int | None, short: str, full: str) -> None:
    """Never 'tot nu' (the sources stop somewhere), never a lone year, never an invented start or end."""
    assert case_map.period_text(period, latest, short=True) == short
    assert case_map.period_text(period, latest) == full


def test_a_running_case_runs_until_its_newest_source_on_every_page(data_dir: Path) -> None:
    """The case page, the table of cases, the map list and the marker's name all take the year of the case's
    newest dated source, not today's; the page says it in full, the lists short."""
    case_file = data_dir / "cases" / "voorbeeldwijk.yaml"
    case_file.write_text(case_file.read_text(encoding="utf-8").replace(
        "sources: [vanderlaan2019]", "sources: [arnstein1969, vanderlaan2019, bzk2020]"), encoding="utf-8")
    pages = build_pages(load_valid_dataset(data_dir, data_dir.parent), today=date(2026, 12, 1))

    profile = parse_html(pages["praktijk/voorbeeldwijk.md"]).find("dl", "wg-profile")
    periods = [div.find("dd").all_text(" ") for div in profile.find_all("div") if div.find("dt").reading_text().startswith("Periode")]
    assert periods == ["sinds 2014; in 2020 liep het nog, volgens de nieuwste bron"]
    row = parse_html(pages["praktijk/index.md"]).find("tbody").find("tr")
    assert [td.all_text(" ") for td in row.find_all("td")][1] == "sinds 2014, liep nog in 2020", "the table of cases"
    map_page = parse_html(pages["praktijk/kaart.md"])
    assert map_page.find("li", id="kaart-voorbeeldwijk").find("span", "wg-map__meta").all_text(" ") == \
        "Voorbeeldwijk, gemeente Groningen · sinds 2014, liep nog in 2020"
    assert map_page.find("a", cls="wg-map__marker", data_case="voorbeeldwijk").attrs["aria-label"].endswith(
        "(sinds 2014, liep nog in 2020)")
    assert "tot nu" not in "".join(pages[p] for p in ("praktijk/voorbeeldwijk.md", "praktijk/index.md", "praktijk/kaart.md"))


# --- validation ------------------------------------------------------------------------------

def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


CASE = "cases/voorbeeldwijk.yaml"
COORDS = "coordinates: {lat: 53.232, lon: 6.553}"


def problems_about_coordinates(data_dir: Path) -> tuple[list[str], list[str]]:
    data = load_dataset(data_dir, data_dir.parent)
    return ([str(p) for p in data.problems.errors if p.field in ("coordinates", "id")],
            [str(p) for p in data.problems.warnings if p.field == "coordinates"])


def test_missing_coordinates_give_a_warning_not_an_error(data_dir: Path) -> None:
    edit(data_dir / CASE, COORDS + "\n", "")
    errors, warnings = problems_about_coordinates(data_dir)
    assert errors == []
    assert len(warnings) == 1 and warnings[0].startswith("data/cases/voorbeeldwijk.yaml:2: waarschuwing: coordinates:")
    assert "Niet op de kaart" in warnings[0] and "lat:" in warnings[0]


def test_swapped_lat_and_lon_of_a_dutch_case_is_an_error_with_a_hint(data_dir: Path) -> None:
    edit(data_dir / CASE, COORDS, "coordinates: {lat: 6.553, lon: 53.232}")
    errors, _ = problems_about_coordinates(data_dir)
    assert len(errors) == 1
    assert errors[0].startswith("data/cases/voorbeeldwijk.yaml:7: coordinates: lat 6.553, lon 53.232 ligt niet in Nederland")
    assert "verwisseld" in errors[0]


def test_a_lost_minus_sign_is_an_error_with_a_hint(data_dir: Path) -> None:
    edit(data_dir / CASE, COORDS, "coordinates: {lat: 53.232, lon: -6.553}")
    errors, _ = problems_about_coordinates(data_dir)
    assert len(errors) == 1 and "minteken" in errors[0]


def test_a_case_abroad_outside_the_map_is_a_warning(data_dir: Path) -> None:
    edit(data_dir / CASE, "country: NL", "country: ZA")
    edit(data_dir / CASE, COORDS, "coordinates: {lat: -33.9, lon: 18.4}")
    errors, warnings = problems_about_coordinates(data_dir)
    assert errors == [] and len(warnings) == 1 and "buiten het kaartgebied" in warnings[0]


def test_the_map_page_id_is_reserved(data_dir: Path) -> None:
    (data_dir / CASE).rename(data_dir / "cases" / "kaart.yaml")
    edit(data_dir / "cases" / "kaart.yaml", "id: voorbeeldwijk", "id: kaart")
    errors, _ = problems_about_coordinates(data_dir)
    assert any("id: 'kaart' is gereserveerd" in e for e in errors), errors
