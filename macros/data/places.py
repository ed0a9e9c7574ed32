"""Places of practice cases: the bundled country outlines as data, and the check of a case's location.

The outlines come from ``macros/geodata/europe-nw.json`` (see ``macros/geodata/README.md``); the map
that draws them is ``macros/figures/case_map.py``. This module is the data layer's part: validation
(``dataset.py``) checks coordinates here without importing the renderer.

* **Missing or unusable coordinates** do not stop the build: such a case is listed under the map
  ("niet op de kaart") and validation prints a *waarschuwing*. A case in the Netherlands whose
  coordinates lie outside the Netherlands is an *error*: that is a typo (often lat and lon swapped)
  and would put a wrong pin on the map.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from .kinds import CASE

GEODATA = Path(__file__).resolve().parent.parent / "geodata" / "europe-nw.json"
HOME = "NL"
#: The pages beside the cases (praktijk/kaart/, the map first): from the registry, which reserves them as ids.
RESERVED_IDS = CASE.pages

Extent = tuple[float, float, float, float]  # lon_min, lat_min, lon_max, lat_max
Point = tuple[float, float]


# --- data --------------------------------------------------------------------------------------

@lru_cache(maxsize=4)
def load_geodata(path: str = str(GEODATA)) -> dict[str, Any]:
    """The bundled GeoJSON FeatureCollection (read once per process)."""
    geo: dict[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return geo


def countries(geo: Mapping[str, Any] | None = None) -> dict[str, Mapping[str, Any]]:
    """Features by ISO alpha-2 code."""
    geo = geo or load_geodata()
    return {f["id"]: f for f in geo["features"]}


def country_name(code: str, geo: Mapping[str, Any] | None = None) -> str:
    feature = countries(geo).get(code)
    return feature["properties"]["name"] if feature else code


def coverage(geo: Mapping[str, Any] | None = None) -> Extent:
    """The area the bundled outlines cover; a case outside it cannot be drawn."""
    geo = geo or load_geodata()
    return tuple(geo["bbox"])


def home_box(geo: Mapping[str, Any] | None = None) -> Extent:
    """Bounding box of the Netherlands (European part) in degrees."""
    return tuple(countries(geo)[HOME]["bbox"])


def inside(lon: float, lat: float, extent: Extent) -> bool:
    return extent[0] <= lon <= extent[2] and extent[1] <= lat <= extent[3]


def coordinates(case: Mapping[str, Any]) -> Point | None:
    """(lon, lat) of a case, or None when it has no usable coordinates."""
    value = case.get("coordinates")
    if not isinstance(value, Mapping) or value.get("lat") is None or value.get("lon") is None:
        return None
    return float(value["lon"]), float(value["lat"])


# --- validation (called by macros/data/dataset.py) ---------------------------------------------------

def check_case_location(value: Any, display: str, problems: Any) -> None:
    """Warn about a case that cannot go on the map; refuse coordinates that contradict the country.

    ``value`` is the case as read from YAML (a mapping with ``line_of``), ``problems`` a Problems.
    """
    line_of = getattr(value, "line_of", lambda key: getattr(value, "line", 0))
    point = coordinates(value)
    if point is None:
        problems.add(display, line_of("id"), "coordinates",
                     "geen coördinaten: het voorbeeld staat op de kaartpagina in de lijst 'Niet op de kaart'",
                     "voeg toe: coordinates: {lat: 52.09, lon: 5.12} (graden, WGS84; zoek de plek op in een kaart-app)",
                     severity="waarschuwing")
        return
    lon, lat = point
    line = line_of("coordinates")
    if str(value.get("country", "")) == HOME:
        box = _grow(home_box(), 0.05)
        if not inside(lon, lat, box):
            if inside(lat, lon, box):
                hint = "lat en lon lijken verwisseld: lat is de breedte (in Nederland 50,7 tot 53,6), lon de lengte (3,3 tot 7,3)"
            elif inside(-lon, lat, box):
                hint = "lon hoort in Nederland positief te zijn (3,3 tot 7,3): haal het minteken weg"
            else:
                hint = "in Nederland ligt lat tussen 50,7 en 53,6 en lon tussen 3,3 en 7,3; controleer de getallen"
            problems.add(display, line, "coordinates", f"lat {lat:g}, lon {lon:g} ligt niet in Nederland", hint)
            return
    extent = coverage()
    if not inside(lon, lat, extent):
        problems.add(display, line, "coordinates",
                     f"lat {lat:g}, lon {lon:g} ligt buiten het kaartgebied; het voorbeeld staat op de kaartpagina "
                     "in de lijst 'Niet op de kaart'",
                     f"de kaart loopt van lat {extent[1]:g} tot {extent[3]:g} en lon {extent[0]:g} tot {extent[2]:g}; "
                     "vergroot EXTENT in scripts/update_geodata.py als dat nodig is", severity="waarschuwing")


def _grow(extent: Extent, margin: float) -> Extent:
    return extent[0] - margin, extent[1] - margin, extent[2] + margin, extent[3] + margin
