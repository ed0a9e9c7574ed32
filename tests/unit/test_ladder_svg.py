"""The ladder figure: well-formed, accessible, faithful to the ladder data, safe with odd labels."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from macros.data.dataset import load_valid_dataset
from macros.figures.ladder_svg import describe, ladder_svg
from tests.support import FIXTURE_DATA

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


@pytest.fixture(scope="module")
def ladder():
    data = load_valid_dataset(FIXTURE_DATA, FIXTURE_DATA.parent)
    return data.rungs, data.roles


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def links(root: ET.Element, kind: str) -> list[ET.Element]:
    return [a for a in root.iter(f"{SVG}a") if a.get(f"data-{kind}")]


def visible_label(link: ET.Element) -> str:
    """The label as drawn (one line, or two joined by a space)."""
    return " ".join(part for part in link.findall(f"{SVG}text")[-1].itertext() if part)


def rect_centre(link: ET.Element) -> tuple[float, float, float, float]:
    rect = link.find(f"{SVG}rect")
    x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
    return x, x + w, y + h / 2, h


def test_every_rung_and_role_is_a_named_link_to_its_page(ladder) -> None:
    rungs, roles = ladder
    root = parse(ladder_svg(rungs, roles, base="../"))
    for kind, items in (("rung", rungs), ("role", roles)):
        found = links(root, kind)
        assert [a.get(f"data-{kind}") for a in found] == [r.id for r in items]
        for a, item in zip(found, items):
            assert a.get(XLINK_HREF) == f"../ladder/{item.id}/"
            assert a.get("role") == "link"
            assert a.get("aria-label").startswith(f"{item['label']}: ")
            assert visible_label(a) == item["label"]
    # No plain href on SVG links: Material's instant navigation throws on them.
    assert not [a for a in root.iter(f"{SVG}a") if a.get("href") is not None]


def test_the_figure_has_a_name_and_a_description_in_words(ladder) -> None:
    rungs, roles = ladder
    root = parse(ladder_svg(rungs, roles, id_prefix="fig"))
    assert root.get("role") == "group"
    title = root.find(f"{SVG}title")
    desc = root.find(f"{SVG}desc")
    assert root.get("aria-labelledby") == title.get("id") == "fig-titel"
    assert root.get("aria-describedby") == desc.get("id") == "fig-uitleg"
    for rung in rungs:
        if rung["corresponds"]:
            assert f"{rung['label']} past bij" in desc.text
    for role in roles:
        assert role["label"] in desc.text
    # Decoration stays out of the accessibility tree.
    for group in root.iter(f"{SVG}g"):
        if "wg-lf__side" not in group.get("class", ""):
            assert group.get("aria-hidden") == "true"


def test_lowest_rung_at_the_bottom_and_residents_left_of_roles(ladder) -> None:
    rungs, roles = ladder
    root = parse(ladder_svg(rungs, roles))
    for kind in ("rung", "role"):
        ys = [rect_centre(a)[2] for a in links(root, kind)]
        assert ys == sorted(ys, reverse=True), f"{kind}s must climb upwards"
    assert max(rect_centre(a)[1] for a in links(root, "rung")) < min(rect_centre(a)[0] for a in links(root, "role"))


def test_a_line_joins_each_rung_to_exactly_the_roles_it_corresponds_to(ladder) -> None:
    rungs, roles = ladder
    root = parse(ladder_svg(rungs, roles))
    lines = [line for line in root.iter(f"{SVG}line") if line.get("data-rung")]
    pairs = [(line.get("data-rung"), line.get("data-role")) for line in lines]
    assert pairs == [(r.id, c) for r in rungs for c in r["corresponds"]]
    rung_at = {a.get("data-rung"): rect_centre(a) for a in links(root, "rung")}
    role_at = {a.get("data-role"): rect_centre(a) for a in links(root, "role")}
    for line in lines:
        left, right = rung_at[line.get("data-rung")], role_at[line.get("data-role")]
        assert (float(line.get("x1")), float(line.get("y1"))) == (left[1], left[2])
        assert (float(line.get("x2")), float(line.get("y2"))) == (right[0], right[2])


def test_colours_follow_the_theme_and_the_size_follows_the_screen(ladder) -> None:
    svg = ladder_svg(*ladder)
    root = parse(svg)
    assert root.get("viewBox") and root.get("width") is None and root.get("height") is None
    assert not re.search(r'(fill|stroke)="#', svg), "colours come from CSS / currentColor"
    assert "currentColor" in svg


def test_labels_are_escaped_and_long_labels_get_smaller_type() -> None:
    rungs = [{"id": "a", "label": '<b>"Wij"</b> & zij', "corresponds": ["x"]},
             {"id": "b", "label": "Een heel erg lange naam voor een trede", "corresponds": []}]
    roles = [{"id": "x", "label": "Rol & co"}]
    svg = ladder_svg(rungs, roles)
    root = parse(svg)  # well-formed despite <, >, & and quotes
    assert "<b>" not in svg
    assert visible_label(links(root, "rung")[0]) == '<b>"Wij"</b> & zij'
    assert links(root, "rung")[0].get("aria-label").startswith('<b>"Wij"</b> & zij: ')
    sizes = {a.get("data-rung"): float(a.findall(f"{SVG}text")[-1].get("font-size")) for a in links(root, "rung")}
    assert sizes["b"] < sizes["a"] <= 13
    assert "Rol & co" in root.find(f"{SVG}desc").text


def test_a_long_label_wraps_onto_two_lines_and_reads_as_one() -> None:
    label = "Zelf organiseren (zelfbeheer)"
    root = parse(ladder_svg([{"id": "z", "label": label, "corresponds": []}], []))
    link = links(root, "rung")[0]
    spans = list(link.iter(f"{SVG}tspan"))
    assert [s.text for s in spans] == ["Zelf organiseren", "(zelfbeheer)"]
    assert float(spans[0].get("y")) < float(spans[1].get("y"))
    assert " ".join(s.text for s in spans) == label
    assert link.get("aria-label").startswith(label)
    assert float(link.findall(f"{SVG}text")[-1].get("font-size")) >= 11


def test_unknown_correspondence_is_skipped_and_output_is_deterministic(ladder) -> None:
    rungs, roles = ladder
    assert ladder_svg(rungs, roles, "../") == ladder_svg(rungs, roles, "../")
    odd = [{"id": "a", "label": "A", "corresponds": ["bestaat-niet"]}]
    root = parse(ladder_svg(odd, roles))
    assert not [line for line in root.iter(f"{SVG}line") if line.get("data-rung")]
    assert "Lijnen" not in describe(odd, roles)


def test_empty_ladder_still_draws() -> None:
    root = parse(ladder_svg([], []))
    assert root.find(f"{SVG}title") is not None
