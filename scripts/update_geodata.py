"""Bundle the country outlines of the case map: python -m scripts.update_geodata [countries-10m.json].

Reads ``countries-10m.json`` of the npm package world-atlas 2.0.2 (Natural Earth 4.1.0 admin-0
countries as TopoJSON; Natural Earth is public domain, world-atlas is ISC) and writes
``macros/geodata/europe-nw.json``: a small GeoJSON FeatureCollection of the countries inside
``EXTENT``. Get the input with::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m scripts.update_geodata package/countries-10m.json

Steps, all in the standard library (no topojson or shapely needed):

1. decode the TopoJSON arcs (delta-encoded integers -> degrees via the ``transform``);
2. simplify each *arc* once with Douglas-Peucker. A border between two countries is one arc in
   TopoJSON, so both neighbours get the same simplified line: no gaps or overlaps along borders.
   The tolerance depends on the map the arc is drawn on: fine for the Netherlands (the main map),
   medium for its neighbours (the edges of the main map), coarse for the rest (the small map abroad);
3. assemble rings from arcs, clip them to ``EXTENT`` (Sutherland-Hodgman), drop rings too small to
   see, and round to 3 decimals (about 100 m, well below a pixel on either map).

The output is deterministic: the same input gives the same bytes.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

from macros.figures.case_map import clip  # the same clipping the map uses at build time

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "macros" / "geodata" / "europe-nw.json"
DEFAULT_INPUT = Path("/tmp/wa/package/countries-10m.json")

#: lon_min, lat_min, lon_max, lat_max of the bundled area: Ireland to Poland, Brittany to southern Norway.
EXTENT = (-11.0, 48.0, 15.0, 60.0)

#: ISO 3166-1 numeric (world-atlas ids) -> (alpha-2, Dutch name). Every country that touches EXTENT
#: must be listed; the script stops when one is missing, so the map never has an unnamed hole.
COUNTRIES = {
    "528": ("NL", "Nederland"),
    "056": ("BE", "België"),
    "276": ("DE", "Duitsland"),
    "442": ("LU", "Luxemburg"),
    "250": ("FR", "Frankrijk"),
    "826": ("GB", "Verenigd Koninkrijk"),
    "372": ("IE", "Ierland"),
    "833": ("IM", "Man"),
    "831": ("GG", "Guernsey"),
    "832": ("JE", "Jersey"),
    "208": ("DK", "Denemarken"),
    "578": ("NO", "Noorwegen"),
    "752": ("SE", "Zweden"),
    "616": ("PL", "Polen"),
    "203": ("CZ", "Tsjechië"),
    "040": ("AT", "Oostenrijk"),
    "756": ("CH", "Zwitserland"),
}

#: Douglas-Peucker tolerance (degrees of latitude) and the smallest ring kept (square degrees) per detail level.
FINE, MEDIUM, COARSE = "fine", "medium", "coarse"
DETAIL = {"NL": FINE, "BE": MEDIUM, "DE": MEDIUM, "LU": MEDIUM}
TOLERANCE = {FINE: 0.0025, MEDIUM: 0.006, COARSE: 0.03}
MIN_AREA = {FINE: 0.0004, MEDIUM: 0.001, COARSE: 0.01}
KX = math.cos(math.radians(52.0))  # longitude scale for distances and areas (the map's latitude)
DECIMALS = 3

SOURCE = {
    "package": "world-atlas@2.0.2 (npm, ISC licence, https://github.com/topojson/world-atlas)",
    "data": "Natural Earth 4.1.0, Admin 0 - Countries, 1:10m (public domain, https://www.naturalearthdata.com)",
    "file": "countries-10m.json",
}

Point = tuple[float, float]


# --- TopoJSON -> coordinates ---------------------------------------------------------------------

def decode_arcs(topology: dict) -> list[list[Point]]:
    """Arcs in degrees. Quantised topologies store each arc as deltas from the previous position."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        arcs.append(points)
    return arcs


def ring_from_arcs(indexes: list[int], arcs: list[list[Point]]) -> list[Point]:
    """One closed ring; a negative index ``~i`` means arc i reversed. Consecutive arcs share an end point."""
    ring: list[Point] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points if not ring else points[1:])
    return ring


def geometry_polygons(geometry: dict, arcs: list[list[Point]]) -> list[list[list[Point]]]:
    """A TopoJSON Polygon or MultiPolygon as a list of polygons (each: outer ring, then holes)."""
    if geometry["type"] == "Polygon":
        return [[ring_from_arcs(r, arcs) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring_from_arcs(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
    return []


def arc_indexes(geometry: dict) -> set[int]:
    rings = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry.get("arcs", [])
    return {i if i >= 0 else ~i for polygon in rings for ring in polygon for i in ring}


# --- geometry helpers ----------------------------------------------------------------------------

def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance from p to segment ab, with longitude scaled to the map's latitude."""
    px, py, ax, ay, bx, by = p[0] * KX, p[1], a[0] * KX, a[1], b[0] * KX, b[1]
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative; both end points stay (they are shared with the next arc)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_at = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > worst:
                worst, worst_at = d, i
        if worst > tolerance and worst_at > 0:
            keep[worst_at] = True
            stack.extend([(first, worst_at), (worst_at, last)])
    return [p for p, k in zip(points, keep) if k]


def area(ring: list[Point] | list[list[float]]) -> float:
    """Absolute area (shoelace) in square degrees, longitude scaled like the map."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        total += x1 * KX * y2 - x2 * KX * y1
    return abs(total) / 2


def bbox(rings: Sequence[Sequence[Sequence[float]]]) -> tuple[float, float, float, float]:
    xs = [p[0] for ring in rings for p in ring]
    ys = [p[1] for ring in rings for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _overlaps(box: tuple[float, float, float, float], extent: tuple[float, float, float, float]) -> bool:
    return box[0] <= extent[2] and box[2] >= extent[0] and box[1] <= extent[3] and box[3] >= extent[1]


def _rounded(ring: list[Point]) -> list[list[float]]:
    out: list[list[float]] = []
    for lon, lat in ring:
        point = [round(lon, DECIMALS), round(lat, DECIMALS)]
        if not out or out[-1] != point:
            out.append(point)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


# --- the bundle ----------------------------------------------------------------------------------

def build(topology: dict, extent: tuple[float, float, float, float] = EXTENT) -> dict:
    """The GeoJSON FeatureCollection of every country touching ``extent``, clipped and simplified."""
    arcs = decode_arcs(topology)
    geometries = topology["objects"]["countries"]["geometries"]
    chosen = []
    for geometry in geometries:
        polygons = geometry_polygons(geometry, arcs)
        if not polygons or not any(_overlaps(bbox(p[:1]), extent) for p in polygons):
            continue
        if not any(clip(p[0], extent) for p in polygons):
            continue
        country_id = str(geometry.get("id"))
        if country_id not in COUNTRIES:
            name = geometry.get("properties", {}).get("name", "?")
            raise SystemExit(f"{name} (id {country_id}) lies in the map area but is not in COUNTRIES; add it")
        chosen.append((COUNTRIES[country_id], geometry))

    # Each arc gets the finest tolerance of the countries that use it, so a shared border stays shared.
    order = [FINE, MEDIUM, COARSE]
    arc_detail: dict[int, str] = {}
    for (code, _name), geometry in chosen:
        level = DETAIL.get(code, COARSE)
        for index in arc_indexes(geometry):
            if index not in arc_detail or order.index(level) < order.index(arc_detail[index]):
                arc_detail[index] = level
    simple = [simplify(arc, TOLERANCE[arc_detail[i]]) if i in arc_detail else arc for i, arc in enumerate(arcs)]

    features = []
    for (code, name), geometry in sorted(chosen, key=lambda item: item[0][0]):
        level = DETAIL.get(code, COARSE)
        kept: list[list[list[list[float]]]] = []
        for polygon in geometry_polygons(geometry, simple):
            rings = []
            for index, ring in enumerate(polygon):
                clipped = _rounded(clip(ring, extent))
                if len(clipped) < 4 or area(clipped) < MIN_AREA[level]:
                    if index == 0:
                        break  # the outer ring is gone: so are its holes
                    continue
                rings.append(clipped)
            if rings:
                kept.append(rings)
        if not kept:
            continue
        kept.sort(key=lambda p: (-area(p[0]), p[0][0]))
        features.append({
            "type": "Feature",
            "id": code,
            "properties": {"name": name, "detail": level},
            "bbox": [round(v, DECIMALS) for v in bbox([p[0] for p in kept])],
            "geometry": {"type": "MultiPolygon", "coordinates": kept},
        })
    return {"type": "FeatureCollection", "bbox": list(extent), "features": features}


def dumps(collection: dict, source: dict) -> str:
    """Compact JSON, one feature per line (readable diffs, small file)."""
    head = {k: v for k, v in collection.items() if k != "features"}
    head["source"] = source
    lines = ["{" + json.dumps(head, ensure_ascii=False, separators=(",", ":"), sort_keys=True)[1:-1] + ',"features":[']
    features = [json.dumps(f, ensure_ascii=False, separators=(",", ":"), sort_keys=True) for f in collection["features"]]
    lines.append(",\n".join(features))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.update_geodata", description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, nargs="?", default=DEFAULT_INPUT,
                        help="countries-10m.json from world-atlas 2.0.2 (default: %(default)s)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    if not args.topojson.exists():
        print(f"Not found: {args.topojson}. Run `npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz` "
              f"and pass package/countries-10m.json.", file=sys.stderr)
        return 2
    raw = args.topojson.read_bytes()
    collection = build(json.loads(raw))
    source = dict(SOURCE, sha256=hashlib.sha256(raw).hexdigest())
    text = dumps(collection, source)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}: "
          f"{len(collection['features'])} countries, {len(text.encode()) / 1024:.1f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
