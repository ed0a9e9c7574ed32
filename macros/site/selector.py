"""Participatiewijzer: the ladder selector page and the one JSON file its script reads.

The page (``participatiewijzer/index.md``) carries the whole form, generated from the ladder and
the vocabularies, plus the ladder figure; without JavaScript it offers the rungs as links to the
rung pages. ``participatiewijzer/data.json`` holds only what the selector needs, taken from the
same validated records as every other page (no second source of truth).

Advice: every answered question is a reason a method fits ("past bij"), does not fit, or is unknown
(the method has no data for it: "onbekend", never a reason to leave it out). Methods that fit every
answer they have data for are the advice, ranked by how many answers fit. Questions whose field no
method fills yet (scale, duration) are not asked. Methods of kind ``idee``, background records and methods without steps
(no description of how they work) are never advice: the page lists them apart.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import bibliography
from ..bibliography.text import fold_accents
from ..data.dataset import Dataset, reference_keys
from ..data.kinds import PAGE_FOLDERS
from ..figures.ladder_svg import ladder_svg
from .context import PageContext

#: The value of ``domain`` that means "all of the others" (schema label: "Fysiek en sociaal").
DOMAIN_BOTH = "beide"


@dataclass(frozen=True)
class Filter:
    param: str        # name in the URL and of the checkboxes: ?rol=faciliteren,loslaten
    field: str        # key in a method of data.json
    legend: str       # fieldset legend
    why: str          # how the "Waarom dit past" line names it
    options: tuple[tuple[str, str], ...]  # (value, Dutch label), in vocabulary order


def filters(data: Dataset) -> list[Filter]:
    labels = data.schemas.labels

    def vocab(name: str, skip: str = "") -> tuple[tuple[str, str], ...]:
        return tuple((value, label) for value, label in labels[name].items() if value != skip)

    def answered(field: str) -> bool:
        """Ask a question only when the data can answer it: some method fills the field."""
        return any(m.get(field) for m in data.methods.values())

    # In the order a professional asks them: say and role first (the rungs come before these), what kind
    # of decision, at what scale, how much time, in which phase, and who must be reached.
    return [f for f in (
        Filter("rol", "roles", "Rol van de overheid", "rol van de overheid",
               tuple((r.id, r["label"]) for r in data.roles)),
        Filter("aard", "kinds", "Wat voor ding is het?", "aard", vocab("methodKind")),
        Filter("soort", "types", "Soort participatie", "soort", vocab("participationType")),
        Filter("domein", "domain", "Domein", "domein", vocab("domain", skip=DOMAIN_BOTH)),
        Filter("niveau", "levels", "Niveau", "niveau", vocab("level")),
        Filter("schaal", "scale", "Schaal", "schaal", vocab("scale")) if answered("scale") else None,
        Filter("duur", "duration", "Hoe lang het loopt", "duur", vocab("durationBand")) if answered("duration") else None,
        Filter("fase", "phases", "Fase", "fase", vocab("phase")),
        Filter("doelgroep", "groups", "Voor wie", "voor", vocab("targetGroup")),
    ) if f is not None]


def advisable(method: dict[str, Any]) -> bool:
    """Can the method be advised? Not when it is only an idea or history (background), nor when nothing says
    how it works (no steps)."""
    return method.get("kind") != "idee" and method.get("section") != "achtergrond" and bool(method.get("steps"))


def _sort_name(text: str) -> str:
    """Alphabetical order as a Dutch reader expects: accents and case do not count."""
    return fold_accents(text).casefold()


def _domains(method: dict[str, Any], data: Dataset) -> list[str]:
    if method["domain"] == DOMAIN_BOTH:
        return [value for value in data.schemas.labels["domain"] if value != DOMAIN_BOTH]
    return [method["domain"]]


def _source_keys(record: dict[str, Any]) -> list[str]:
    return reference_keys(record.get("sources"))


def selector_data(data: Dataset) -> dict[str, Any]:
    """Everything the selector script needs, and nothing more. Order is deterministic."""
    methods = sorted(data.methods.values(), key=lambda m: (_sort_name(m["name"]), m.id))
    cases = sorted(data.cases.values(), key=lambda c: (_sort_name(c["name"]), c.id))
    checklists = sorted(data.checklists.values(), key=lambda c: (_sort_name(c["title"]), c.id))
    used_keys = {key for m in methods for key in _source_keys(m)}
    entries = [e for e in data.bibliography if e.key in used_keys]  # reading-list order
    return {
        # Where a record's page lives (the record-kind registry): the script links to '<url><id>/'.
        "urls": {kind.id: f"{kind.url}/" for kind in data.kinds},
        "rungs": [{"id": r.id, "label": r["label"]} for r in data.rungs],
        "kinds": dict(data.schemas.labels.get("methodKind", {})),
        "filters": [{"param": f.param, "field": f.field, "legend": f.legend, "why": f.why, "labels": dict(f.options)}
                    for f in filters(data)],
        "methods": [{
            "id": m.id, "name": m["name"], "summary": m["summary"], "rungs": list(m["rungs"]),
            "roles": list(m["roles"]), "kinds": [m["kind"]], "domain": _domains(m, data), "types": list(m["types"]),
            "levels": list(m["levels"]), "phases": list(m["phases"]), "groups": list(m["target_groups"]),
            "scale": list(m.get("scale") or []),
            "duration": [m["duration"]["band"]] if (m.get("duration") or {}).get("band") else [],
            "ready": advisable(m),
            "sources": _source_keys(m),
        } for m in methods],
        "cases": [{
            "id": c.id, "name": c["name"], "summary": c["summary"], "rungs": list(c["rungs"]),
            "methods": list(c["methods"]),
        } for c in cases],
        # A checklist belongs to a method when either names the other (as on the method pages).
        "checklists": [{
            "id": c.id, "title": c["title"], "rungs": list(c["rungs"]),
            "methods": [m.id for m in methods if m.id in members],
        } for c in checklists for members in [{m.id for m in data.methods_for_checklist(c.id)}]],
        "sources": [{"key": e.key, "cite": bibliography.cite_text([e], narrative=True), "title": e.title,
                     "lang": e.lang} for e in entries],
    }


def selector_json(data: Dataset) -> str:
    return json.dumps(selector_data(data), ensure_ascii=False, separators=(",", ":")) + "\n"


def contribute(ctx: PageContext) -> None:
    data = ctx.data
    ctx.render("selector.md.j2", f"{PAGE_FOLDERS.selector}/index.md", filters=filters(data),
               ladder_figure=lambda base: Markup(ladder_svg(data.rungs, data.roles, base, id_prefix="wg-pw-ladder")))
    ctx.add(f"{PAGE_FOLDERS.selector}/data.json", selector_json(data))
