"""Both ladders as one accessible SVG, drawn at build time from the ladder data.

Left the residents' ladder (lowest rung at the bottom), right the government roles of the Rob
*overheidsparticipatietrap*; a line joins each rung to the roles it ``corresponds`` to. Every rung
and role is a link to its own page, named for screen readers; the lines are decoration and the
``<desc>`` says the same in words. Colours come from CSS classes (``currentColor`` as fallback), so
the figure follows light and dark mode; ``viewBox`` plus ``width: 100%`` sizes it for phones.

Links use ``xlink:href``, not ``href``: Material's instant navigation rewrites every ``[href]`` in
the page by assigning ``el.href = el.href``, which throws on an SVG link (its ``href`` is a read-only
SVGAnimatedString) and stops instant navigation. Browsers follow and focus ``xlink:href`` links alike,
but Chromium does not expose them as links to assistive technology, hence the explicit ``role="link"``.

Pure Python (no MkDocs, no Jinja): ``ladder_svg(rungs, roles, base)`` returns a string.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

WIDTH = 360
COLUMN = 140          # width of a rung
MARGIN = 4
TOP = 30              # room for the column headings
PITCH = 44            # vertical distance between residents' rungs
RUNG_HEIGHT = 34
FONT = 13
GLYPH_EM = 0.56       # generous average glyph width (in em) of a sans-serif label
MARK_ROOM = 18        # left part of a rung that holds the check mark of a chosen rung


def _attr(value: Any) -> str:
    return escape(str(value), quote=True)


def _join_labels(labels: Sequence[str]) -> str:
    labels = list(labels)
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " en " + labels[-1]


def describe(rungs: Sequence[Mapping[str, Any]], roles: Sequence[Mapping[str, Any]]) -> str:
    """The figure in words: what is where, and which rung fits which role."""
    role_label = {r["id"]: r["label"] for r in roles}
    parts = []
    if rungs:
        parts.append(f"Links de {len(rungs)} treden voor bewoners, van {rungs[0]['label']} (onder, "
                     f"weinig zeggenschap) tot {rungs[-1]['label']} (boven, veel zeggenschap).")
    if roles:
        parts.append(f"Rechts de {len(roles)} rollen van de overheid, van {roles[0]['label']} (onder) "
                     f"tot {roles[-1]['label']} (boven).")
    pairs = [f"{r['label']} past bij {_join_labels([role_label[c] for c in r.get('corresponds') or [] if c in role_label])}"
             for r in rungs if any(c in role_label for c in r.get("corresponds") or [])]
    if pairs:
        parts.append("Lijnen verbinden wat bij elkaar past: " + "; ".join(pairs) + ".")
    return " ".join(parts)


def _centres(count: int, height: float) -> list[float]:
    """Vertical centres of `count` rungs spread over `height`, index 0 at the bottom."""
    if count == 0:
        return []
    pitch = height / count
    return [TOP + height - pitch * (i + 0.5) for i in range(count)]


def _lines(label: str, room: float) -> tuple[list[str], float]:
    """The label on one line, or on two (split at the most even word break) when it would get too
    small; returns the lines and the font size that makes the longest fit."""
    def size(lines: list[str]) -> float:
        return min(FONT, room / (max(len(line) for line in lines) * GLYPH_EM))

    one = [label]
    words = label.split()
    if size(one) >= FONT or len(words) < 2:
        return one, round(size(one), 1)
    two = min(([" ".join(words[:i]), " ".join(words[i:])] for i in range(1, len(words))),
              key=lambda lines: max(map(len, lines)))
    return two, round(min(size(two), FONT - 1), 1)


def _rung(item: Mapping[str, Any], x: float, cy: float, href: str, kind: str, name: str) -> str:
    label = str(item["label"])
    y = cy - RUNG_HEIGHT / 2
    # The label sits right of the selection mark; a long label wraps or gets a smaller font.
    room = COLUMN - MARK_ROOM - 4
    lines, size = _lines(label, room) if label else ([""], FONT)
    text_x = x + MARK_ROOM + room / 2
    if len(lines) == 1:
        text = escape(lines[0])
    else:
        half = size * 0.6
        text = (f'<tspan x="{text_x:g}" y="{cy - half:g}">{escape(lines[0])}</tspan>'
                f'<tspan x="{text_x:g}" y="{cy + half:g}">{escape(lines[1])}</tspan>')
    return (
        f'<a xlink:href="{_attr(href)}" role="link" class="wg-lf__item wg-lf__{kind}" '
        f'data-{kind}="{_attr(item["id"])}" aria-label="{_attr(name)}">'
        f'<rect x="{x:g}" y="{y:g}" width="{COLUMN}" height="{RUNG_HEIGHT}" rx="6" fill="none" stroke="currentColor"/>'
        f'<text class="wg-lf__mark" x="{x + 7:g}" y="{cy:g}" dominant-baseline="central" visibility="hidden" '
        f'fill="currentColor" aria-hidden="true">✓</text>'
        f'<text x="{text_x:g}" y="{cy:g}" text-anchor="middle" dominant-baseline="central" '
        f'fill="currentColor" font-size="{size:g}">{text}</text>'
        f'</a>'
    )


def ladder_svg(rungs: Sequence[Mapping[str, Any]], roles: Sequence[Mapping[str, Any]], base: str = "",
               id_prefix: str = "wg-ladder") -> str:
    """The figure as an SVG string. ``base`` leads from the page to the site root (``../``)."""
    height = PITCH * max(len(rungs), len(roles), 1)
    total = TOP + height + 6
    left_x, right_x = MARGIN, WIDTH - MARGIN - COLUMN
    rung_y = _centres(len(rungs), height)
    role_y = _centres(len(roles), height)
    role_index = {r["id"]: i for i, r in enumerate(roles)}
    title_id, desc_id = f"{id_prefix}-titel", f"{id_prefix}-uitleg"

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="wg-lf" viewBox="0 0 {WIDTH} {total:g}" '
        f'role="group" aria-labelledby="{_attr(title_id)}" aria-describedby="{_attr(desc_id)}" '
        f'font-family="inherit" font-size="{FONT}">',
        f'<title id="{_attr(title_id)}">De participatieladder voor bewoners naast de overheidsparticipatietrap</title>',
        f'<desc id="{_attr(desc_id)}">{escape(describe(rungs, roles))}</desc>',
        '<g class="wg-lf__heads" aria-hidden="true" fill="currentColor" font-weight="700" text-anchor="middle">',
        f'<text x="{left_x + COLUMN / 2:g}" y="14">Bewoners</text>',
        f'<text x="{right_x + COLUMN / 2:g}" y="14">Overheid</text>',
        '</g>',
        # Rails: two uprights per ladder, behind the rungs.
        '<g class="wg-lf__rails" aria-hidden="true" stroke="currentColor" stroke-width="3">',
    ]
    for x in (left_x, right_x):
        for rail in (x + 12, x + COLUMN - 12):
            out.append(f'<line x1="{rail:g}" y1="{TOP - 4}" x2="{rail:g}" y2="{TOP + height + 4:g}"/>')
    out.append('</g>')

    out.append('<g class="wg-lf__lines" aria-hidden="true" stroke="currentColor" stroke-width="2">')
    for i, rung in enumerate(rungs):
        for role_id in rung.get("corresponds") or []:
            if role_id in role_index:
                out.append(
                    f'<line class="wg-lf__line" data-rung="{_attr(rung["id"])}" data-role="{_attr(role_id)}" '
                    f'x1="{left_x + COLUMN:g}" y1="{rung_y[i]:g}" x2="{right_x:g}" y2="{role_y[role_index[role_id]]:g}"/>')
    out.append('</g>')

    out.append('<g class="wg-lf__side wg-lf__side--bewoners">')
    for i, rung in enumerate(rungs):
        name = f"{rung['label']}: trede {i + 1} van {len(rungs)} voor bewoners"
        out.append(_rung(rung, left_x, rung_y[i], f"{base}ladder/{rung['id']}/", "rung", name))
    out.append('</g>')
    out.append('<g class="wg-lf__side wg-lf__side--overheid">')
    for i, role in enumerate(roles):
        name = f"{role['label']}: rol {i + 1} van {len(roles)} van de overheid"
        out.append(_rung(role, right_x, role_y[i], f"{base}ladder/{role['id']}/", "role", name))
    out.append('</g>')
    out.append('</svg>')
    return "\n".join(out)
