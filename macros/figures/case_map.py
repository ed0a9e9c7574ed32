"""The map of practice cases: geometry and layout, computed at build time in plain Python.

The outlines come from ``macros/geodata/europe-nw.json`` (Natural Earth 4.1.0 via world-atlas 2.0.2,
public domain; see ``macros/geodata/README.md``). Nothing is fetched at build or view time: no tile
server, no script. ``build_maps`` returns a model that ``templates/map_svg.j2`` turns into SVG.

Choices, so a reader of the code need not guess:

* **Projection**: equirectangular with the longitude scaled by cos(centre latitude). For an area the
  size of the Netherlands this keeps shapes within a few per cent of their true proportions, and the
  formula stays one line (no dependency). Each map has its own centre latitude.
* **Two maps**: the Netherlands (its outline plus a margin; the parts of Belgium and Germany inside
  it are drawn lighter), and, when there are cases outside that area, a second map "buiten Nederland"
  fitted around them and the Netherlands, for orientation. Each case appears on exactly one map.
* **Markers** are numbered circles; the number is also in the list beside the map, so map and list
  connect without relying on colour. Markers that would overlap are pushed apart (deterministically);
  a moved marker keeps a thin line to its true spot.
* **Missing or unusable coordinates** do not stop the build: such a case is listed under the map
  ("niet op de kaart") and validation prints a *waarschuwing* (``check_case_location``). A case in
  the Netherlands whose coordinates lie outside the Netherlands is an *error*: that is a typo (often
  lat and lon swapped) and would put a wrong pin on the map.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# The place data and the location check live in the data layer (validation never imports this renderer);
# they are re-exported here because the map and its tests use them by these names.
from ..data.places import (
    GEODATA,
    HOME,
    RESERVED_IDS,
    Extent,
    Point,
    check_case_location,
    coordinates,
    countries,
    country_name,
    coverage,
    home_box,
    inside,
    load_geodata,
)

__all__ = ["GEODATA", "HOME", "RESERVED_IDS", "Extent", "Point", "build_maps", "check_case_location", "clip",
           "coordinates", "countries", "country_name", "coverage", "home_box", "inside", "load_geodata",
           "period_text", "place_text"]

WIDTH = 420             # viewBox width of each map; height follows from the extent
RADIUS = 14             # marker radius in viewBox units: 24 CSS px across on a 390 px phone (WCAG 2.5.8)
GAP = 3                 # space kept between two markers
HOME_PAD = (0.32, 0.13)  # degrees of longitude, latitude around the Netherlands on the main map
ABROAD_PAD = 0.4        # degrees of latitude around what the second map must show
GLYPH_EM = 0.58         # average glyph width of a label (in em), for fitting labels
SEA_LABELS = {"nl": [("Noordzee", 3.85, 53.2), ("Noordzee", 3.75, 52.75)],
              "buitenland": [("Noordzee", 3.2, 54.9), ("Noordzee", 2.6, 53.6), ("Noordzee", 4.0, 55.8)]}


# --- geometry ------------------------------------------------------------------------------------

class Projection:
    """Equirectangular: x grows with longitude (scaled by cos of the centre latitude), y downwards."""

    def __init__(self, extent: Extent, width: float = WIDTH):
        self.extent = extent
        lon_min, lat_min, lon_max, lat_max = extent
        self.k = math.cos(math.radians((lat_min + lat_max) / 2))
        self.scale = width / ((lon_max - lon_min) * self.k)
        self.width = width
        self.height = round((lat_max - lat_min) * self.scale, 1)

    def __call__(self, lon: float, lat: float) -> Point:
        return ((lon - self.extent[0]) * self.k * self.scale, (self.extent[3] - lat) * self.scale)


def clip(ring: Sequence[Point], extent: Extent) -> list[Point]:
    """Sutherland-Hodgman: the part of a closed ring inside a rectangle (returned closed, or [])."""
    lon_min, lat_min, lon_max, lat_max = extent
    edges = (
        (lambda p: p[0] >= lon_min, lambda a, b: _cut(a, b, 0, lon_min)),
        (lambda p: p[0] <= lon_max, lambda a, b: _cut(a, b, 0, lon_max)),
        (lambda p: p[1] >= lat_min, lambda a, b: _cut(a, b, 1, lat_min)),
        (lambda p: p[1] <= lat_max, lambda a, b: _cut(a, b, 1, lat_max)),
    )
    points: list[Point] = [(p[0], p[1]) for p in ring]
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    for keep, cut in edges:
        if not points:
            break
        result: list[Point] = []
        previous = points[-1]
        for current in points:
            if keep(current):
                if not keep(previous):
                    result.append(cut(previous, current))
                result.append(current)
            elif keep(previous):
                result.append(cut(previous, current))
            previous = current
        points = result
    return points + points[:1] if points else []


def _cut(a: Sequence[float], b: Sequence[float], axis: int, value: float) -> Point:
    t = (value - a[axis]) / (b[axis] - a[axis])
    other = a[1 - axis] + t * (b[1 - axis] - a[1 - axis])
    return (value, other) if axis == 0 else (other, value)


def ring_area(ring: Sequence[Point]) -> float:
    """Signed area (shoelace)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, list(ring[1:]) + list(ring[:1]))) / 2


def centroid(ring: Sequence[Point]) -> Point:
    a = ring_area(ring)
    if abs(a) < 1e-9:
        xs, ys = zip(*ring)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, list(ring[1:]) + list(ring[:1])):
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return cx / (6 * a), cy / (6 * a)


def point_in_ring(point: Point, ring: Sequence[Point]) -> bool:
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(ring, list(ring[1:]) + list(ring[:1])):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            result = not result
    return result


def _num(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def project_polygons(feature: Mapping[str, Any], projection: Projection) -> list[list[list[Point]]]:
    """A country's polygons clipped to the map (plus a margin, so cut edges fall outside the view)."""
    lon_min, lat_min, lon_max, lat_max = projection.extent
    margin = 0.1
    extent = (lon_min - margin / projection.k, lat_min - margin, lon_max + margin / projection.k, lat_max + margin)
    fb = feature.get("bbox")
    if fb and not (fb[0] <= extent[2] and fb[2] >= extent[0] and fb[1] <= extent[3] and fb[3] >= extent[1]):
        return []
    polygons = []
    for polygon in feature["geometry"]["coordinates"]:
        rings = []
        for index, ring in enumerate(polygon):
            clipped = clip([tuple(p) for p in ring], extent)
            if len(clipped) < 4:
                if index == 0:
                    break
                continue
            rings.append([projection(lon, lat) for lon, lat in clipped])
        if rings:
            polygons.append(rings)
    return polygons


def path_data(polygons: Iterable[Iterable[Sequence[Point]]]) -> str:
    """SVG path 'd' for polygons (fill-rule evenodd takes care of holes); one decimal is plenty."""
    parts = []
    for polygon in polygons:
        for ring in polygon:
            coords: list[str] = []
            last = None
            for x, y in ring[:-1] if ring[0] == ring[-1] else ring:
                pair = f"{_num(x)} {_num(y)}"
                if pair != last:
                    coords.append(pair)
                    last = pair
            if len(coords) >= 3:
                parts.append("M" + " ".join(coords) + "Z")
    return "".join(parts)


# --- layout ----------------------------------------------------------------------------------

def marker_radius(count: int, width: float, height: float) -> float:
    """RADIUS, unless the markers would cover more than a quarter of the map: then smaller (never below 4)."""
    if count == 0:
        return RADIUS
    fitting = math.sqrt(width * height / 4 / (math.pi * count))
    return round(max(4.0, min(RADIUS, fitting)), 1)


def spread(anchors: Sequence[Point], width: float, height: float, radius: float = RADIUS,
           gap: float = GAP, rounds: int | None = None) -> list[Point]:
    """Marker centres near their anchors without overlapping, inside the view. Deterministic.

    Overlapping pairs are pushed apart, round after round, until none overlap. Neighbours are found
    through a grid of cells one marker wide, so a round costs O(n); the number of rounds shrinks as
    markers grow many, so a map with a thousand cases (make bench) stays around a second.
    """
    low_x, high_x = radius + 2, width - radius - 2
    low_y, high_y = radius + 2, height - radius - 2
    pos = [[min(max(x, low_x), high_x), min(max(y, low_y), high_y)] for x, y in anchors]
    need = 2 * radius + gap
    # A fixed budget of pair checks: plenty for tens of markers, bounded for thousands (then a few may touch).
    rounds = rounds if rounds is not None else max(20, min(300, 40_000 // max(1, len(pos))))
    for _ in range(rounds):
        cells: dict[tuple[int, int], list[int]] = {}
        for index, (x, y) in enumerate(pos):
            cells.setdefault((int(x // need), int(y // need)), []).append(index)
        moved = False
        for (cx, cy), members in cells.items():
            for i in members:
                for ox in (-1, 0, 1):
                    for oy in (-1, 0, 1):
                        for j in cells.get((cx + ox, cy + oy), ()):
                            if j <= i:
                                continue
                            dx, dy = pos[j][0] - pos[i][0], pos[j][1] - pos[i][1]
                            distance = math.hypot(dx, dy)
                            if distance >= need - 1e-6:
                                continue
                            if distance < 1e-6:  # same spot: fan out by a fixed angle per pair
                                angle = 2.399963 * (i + 1) + 0.7 * j
                                ux, uy = math.cos(angle), math.sin(angle)
                            else:
                                ux, uy = dx / distance, dy / distance
                            push = (need - distance) / 2 + 0.05
                            pos[i][0] -= ux * push
                            pos[i][1] -= uy * push
                            pos[j][0] += ux * push
                            pos[j][1] += uy * push
                            moved = True
        for p in pos:
            p[0] = min(max(p[0], low_x), high_x)
            p[1] = min(max(p[1], low_y), high_y)
        if not moved:
            break
    return [(round(x, 1), round(y, 1)) for x, y in pos]


@dataclass
class Marker:
    number: int
    case: Mapping[str, Any]
    name: str           # accessible name of the link, also its tooltip
    x: float            # marker centre (moved if it would overlap another)
    y: float
    spot_x: float       # the true place
    spot_y: float
    radius: float = RADIUS

    @property
    def moved(self) -> bool:
        return math.hypot(self.x - self.spot_x, self.y - self.spot_y) > self.radius * 0.9

    @property
    def font_size(self) -> float:
        """The number fits inside the circle: smaller for two or three digits."""
        digits = len(str(self.number))
        return round(min(self.radius * 1.07, self.radius * 2.2 / (digits * 0.62 + 0.4)), 1)


@dataclass
class Shape:
    code: str
    name: str
    d: str
    home: bool


@dataclass
class Label:
    text: str
    x: float
    y: float
    kind: str           # "land" or "zee"
    size: float


@dataclass
class CaseMap:
    id: str             # "nl" or "buitenland": ids in the page and CSS hooks
    title: str
    description: str
    width: float
    height: float
    shapes: list[Shape]
    labels: list[Label]
    markers: list[Marker]
    radius: float = RADIUS


@dataclass
class MapPage:
    maps: list[CaseMap]
    entries: list[Marker] = field(default_factory=list)  # every case on a map, in number order
    unmapped: list[tuple[Mapping[str, Any], str]] = field(default_factory=list)  # (case, why not)


UNKNOWN = "onbekend"  # period.start when the sources do not give it


def period_text(period: Mapping[str, Any] | None, latest: int | None = None, *, short: bool = False) -> str:
    """When a case ran, saying no more than the data and its sources do. The one place that words a period:
    the case page shows the full text, the case table, the map list and the map's markers ``short``.

    ``latest`` is the year of the case's newest dated source. A case still running ('lopend') is only known
    to run up to that year, so the text names it instead of claiming the case runs today: '2014 tot nu'
    would still say so years after the last source. Without a dated source the end is unknown.

    ====================  =================================  ===================================================
    period                short                              full
    ====================  =================================  ===================================================
    2007, 2015            2007–2015                          2007–2015
    2014, lopend (2023)   sinds 2014, liep nog in 2023       sinds 2014; in 2023 liep het nog, volgens de nieuwste bron
    2014, lopend          sinds 2014, einde onbekend         sinds 2014; of het nog loopt, staat niet in de bronnen
    1997                  begonnen in 1997                   begonnen in 1997; het einde staat niet in de bronnen
    onbekend, 2012        tot 2012, begin onbekend           tot 2012; het beginjaar staat niet in de bronnen
    onbekend, lopend      liep nog in 2023, begin onbekend   in 2023 liep het nog, volgens de nieuwste bron; het …
    onbekend              geen jaartallen bekend             de bronnen noemen geen jaartallen
    ====================  =================================  ===================================================
    """
    if not period:
        return ""
    start, end = period.get("start"), period.get("end")
    start = None if start == UNKNOWN else start
    running = end == "lopend"
    until = None if running else end
    if start is not None:
        if until:
            return f"{start}–{until}"
        if running and latest:
            return f"sinds {start}, liep nog in {latest}" if short else f"sinds {start}; in {latest} liep het nog, volgens de nieuwste bron"
        if running:
            return f"sinds {start}, einde onbekend" if short else f"sinds {start}; of het nog loopt, staat niet in de bronnen"
        return f"begonnen in {start}" if short else f"begonnen in {start}; het einde staat niet in de bronnen"
    no_start = "begin onbekend" if short else "het beginjaar staat niet in de bronnen"
    if until:
        return f"tot {until}, {no_start}" if short else f"tot {until}; {no_start}"
    if running and latest:
        return f"liep nog in {latest}, {no_start}" if short else f"in {latest} liep het nog, volgens de nieuwste bron; {no_start}"
    return "geen jaartallen bekend" if short else "de bronnen noemen geen jaartallen"


def place_text(case: Mapping[str, Any], geo: Mapping[str, Any] | None = None) -> str:
    """'Selwerd, gemeente Groningen'; abroad 'Thornton Estate, Hull (Verenigd Koninkrijk)': the word
    'gemeente' only for a Dutch municipality, and no municipality at all for a case that spans several."""
    place, municipality, country = case.get("place") or "", case.get("municipality"), case.get("country")
    home = not country or country == HOME
    if not municipality or municipality == place:
        text = place
    else:
        text = f"{place}, gemeente {municipality}" if home else f"{place}, {municipality}"
    if not home:
        text += f" ({country_name(str(country), geo)})"
    return text


def _labels(map_id: str, projection: Projection, shapes: dict[str, list[list[list[Point]]]],
            markers: Sequence[Marker], size: float, label_home: bool, geo: Mapping[str, Any]) -> list[Label]:
    """Country names where they fit inside the country, sea names where they fit over sea; none on a marker."""
    labels: list[Label] = []
    width, height = projection.width, projection.height
    land_rings = [poly[0] for polys in shapes.values() for poly in polys]

    def box_points(x: float, y: float, text: str) -> list[Point]:
        half_w, half_h = len(text) * size * GLYPH_EM / 2, size * 0.6
        return [(x + dx * half_w, y + dy * half_h) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]

    def free(x: float, y: float, text: str) -> bool:
        points = box_points(x, y, text)
        if not all(2 <= px <= width - 2 and 2 <= py <= height - 2 for px, py in points):
            return False
        if any(abs(m.x - x) < len(text) * size * GLYPH_EM / 2 + m.radius + 2 and abs(m.y - y) < size * 0.6 + m.radius + 2
               for m in markers):
            return False
        return not any(abs(lbl.x - x) < (len(lbl.text) + len(text)) * size * GLYPH_EM / 2 and abs(lbl.y - y) < size * 1.4
                       for lbl in labels)

    for code in sorted(shapes):
        if code == HOME and not label_home:
            continue
        polygons = shapes[code]
        if not polygons:
            continue
        ring = max((p[0] for p in polygons), key=lambda r: abs(ring_area(r)))
        name = country_name(code, geo)
        # The centroid first, then a grid over the country, nearest to the centroid first.
        cx, cy = centroid(ring)
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        step = size
        grid = [(min(xs) + i * step, min(ys) + j * step) for i in range(int((max(xs) - min(xs)) / step) + 1)
                for j in range(int((max(ys) - min(ys)) / step) + 1)]
        grid.sort(key=lambda p: (math.hypot(p[0] - cx, (p[1] - cy) * 2), p))
        for x, y in [(cx, cy), *grid]:
            if free(x, y, name) and all(point_in_ring(p, ring) for p in box_points(x, y, name)):
                labels.append(Label(name, round(x, 1), round(y, 1), "land", size))
                break
        else:
            if code == HOME:  # too small to hold its name: write it over the sea just north of it
                x, y = cx, min(ys) - size
                if free(x, y, name) and not any(point_in_ring(p, r) for p in box_points(x, y, name) for r in land_rings):
                    labels.append(Label(name, round(x, 1), round(y, 1), "land", size))
    for text, lon, lat in SEA_LABELS.get(map_id, []):
        x, y = projection(lon, lat)
        if free(x, y, text) and not any(point_in_ring(p, r) for p in box_points(x, y, text) for r in land_rings):
            labels.append(Label(text, round(x, 1), round(y, 1), "zee", size))
            break
    return labels


def _map(map_id: str, title: str, description: str, extent: Extent, cases: Sequence[tuple[int, Mapping[str, Any]]],
         geo: Mapping[str, Any], label_home: bool, latest: Mapping[str, int | None]) -> CaseMap:
    projection = Projection(extent)
    shapes: dict[str, list[list[list[Point]]]] = {}
    for code, feature in sorted(countries(geo).items(), key=lambda item: (item[0] == HOME, item[0])):
        polygons = project_polygons(feature, projection)
        if polygons:
            shapes[code] = polygons
    spots = [projection(*coordinates(case)) for _, case in cases]  # type: ignore[misc]
    radius = marker_radius(len(spots), projection.width, projection.height)
    centres = spread(spots, projection.width, projection.height, radius)
    markers = [
        Marker(number, case, f"{number}: {case.get('name')}, {place_text(case, geo)} "
                             f"({period_text(case.get('period'), latest.get(str(case.get('id'))), short=True)})",
               x, y, round(sx, 1), round(sy, 1), radius)
        for (number, case), (x, y), (sx, sy) in zip(cases, centres, spots)
    ]
    size = 14 if map_id == "nl" else 12
    return CaseMap(
        id=map_id, title=title, description=description, width=projection.width, height=projection.height,
        shapes=[Shape(code, country_name(code, geo), path_data(polys), code == HOME) for code, polys in shapes.items()],
        labels=_labels(map_id, projection, shapes, markers, size, label_home, geo),
        markers=markers,
        radius=radius,
    )


def main_land_box(code: str | None, geo: Mapping[str, Any]) -> Extent | None:
    """Bounding box of a country's largest polygon (Great Britain without Northern Ireland and Shetland)."""
    feature = countries(geo).get(code or "")
    if not feature:
        return None
    ring = max((p[0] for p in feature["geometry"]["coordinates"]), key=lambda r: abs(ring_area(r)))
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    return min(lons), min(lats), max(lons), max(lats)


def abroad_extent(cases: Sequence[Mapping[str, Any]], geo: Mapping[str, Any]) -> Extent:
    """A frame around the Netherlands, each case abroad and the main land of its country (so a reader
    sees where Hull lies in Great Britain), inside the coverage."""
    boxes = [home_box(geo)]
    for case in cases:
        point = coordinates(case)
        if point:
            boxes.append((point[0], point[1], point[0], point[1]))
        box = main_land_box(case.get("country"), geo)
        if box:
            boxes.append(box)
    lons = [b[0] for b in boxes] + [b[2] for b in boxes]
    lats = [b[1] for b in boxes] + [b[3] for b in boxes]
    lat_min, lat_max = min(lats) - ABROAD_PAD, max(lats) + ABROAD_PAD
    k = math.cos(math.radians((lat_min + lat_max) / 2))
    lon_min, lon_max = min(lons) - ABROAD_PAD / k, max(lons) + ABROAD_PAD / k
    # Not narrower than 4:5 nor wider than 3:2 (width:height in projected units).
    w, h = (lon_max - lon_min) * k, lat_max - lat_min
    if w < h * 0.8:
        grow = (h * 0.8 - w) / k / 2
        lon_min, lon_max = lon_min - grow, lon_max + grow
    elif w > h * 1.5:
        grow = (w / 1.5 - h) / 2
        lat_min, lat_max = lat_min - grow, lat_max + grow
    cover = coverage(geo)
    return (max(lon_min, cover[0]), max(lat_min, cover[1]), min(lon_max, cover[2]), min(lat_max, cover[3]))


def build_maps(cases: Iterable[Mapping[str, Any]], geo: Mapping[str, Any] | None = None,
               latest: Mapping[str, int | None] | None = None) -> MapPage:
    """Which case goes on which map, numbered in list order (the Netherlands first, then by name).
    ``latest``: case id -> year of its newest dated source, for the period in a marker's name (period_text)."""
    geo = geo or load_geodata()
    latest = latest or {}
    hb = home_box(geo)
    home_extent = (hb[0] - HOME_PAD[0], hb[1] - HOME_PAD[1], hb[2] + HOME_PAD[0], hb[3] + HOME_PAD[1])
    cover = coverage(geo)
    at_home, abroad, unmapped = [], [], []
    for case in sorted(cases, key=lambda c: (str(c.get("name")).casefold(), str(c.get("id")))):
        point = coordinates(case)
        if point is None:
            unmapped.append((case, "de ligging is (nog) niet bekend"))
        elif inside(*point, home_extent):
            at_home.append(case)
        elif inside(*point, cover):
            abroad.append(case)
        else:
            unmapped.append((case, "ligt buiten het gebied van de kaart"))
    numbered_home = list(enumerate(at_home, start=1))
    numbered_abroad = list(enumerate(abroad, start=len(at_home) + 1))

    n = len(at_home)
    maps = [_map(
        "nl", "Kaart van Nederland met de praktijkvoorbeelden",
        f"Kaart van Nederland, met een stukje van België en Duitsland ernaast. {n} genummerde "
        f"{'stip staat' if n == 1 else 'stippen staan'} voor praktijkvoorbeelden; elke stip is een link naar het "
        "voorbeeld. De lijst bij de kaart noemt dezelfde voorbeelden met hun nummer.",
        home_extent, numbered_home, geo, label_home=False, latest=latest)]
    if abroad:
        m = len(abroad)
        maps.append(_map(
            "buitenland", "Kaart van de praktijkvoorbeelden buiten Nederland",
            f"Kaart van Noordwest-Europa met Nederland ter oriëntatie. {m} genummerde "
            f"{'stip staat' if m == 1 else 'stippen staan'} voor praktijkvoorbeelden buiten Nederland; elke stip is een "
            "link naar het voorbeeld.",
            abroad_extent(abroad, geo), numbered_abroad, geo, label_home=True, latest=latest))
    entries = [marker for page_map in maps for marker in page_map.markers]
    return MapPage(maps=maps, entries=entries, unmapped=unmapped)
