"""'Beoordeling en onderbouwing': how review works, the kinds of records, the evidence scale and what
'beoordeeld' requires per kind. Everything on it comes from the schema (labels, descriptions, the
x-review-requires table) and the data (counts), so the page cannot drift from the rules the check applies."""
from __future__ import annotations

from ..data import review_state
from ..data.kinds import PAGE_FOLDERS
from .context import PageContext

PAGE = f"{PAGE_FOLDERS.onderbouwing}/index.md"


def contribute(ctx: PageContext) -> None:
    data = ctx.data
    defs = data.schemas.raw["common.schema.json"]["$defs"]
    table = review_state.review_table(data.schemas.raw, "method")
    methods = list(data.methods.values())
    done, total = review_state.counts(data)
    ctx.render("onderbouwing.md.j2", PAGE,
               reviewed_count=done, total_count=total,
               per_type=[(label, sum(1 for r in records if r.get("status") == review_state.REVIEWED), len(records))
                         for label, records in ((kind.plural, list(data.records_of(kind.id).values()))
                                                for kind in data.kinds)],
               statuses=[(v, defs["status"]["x-labels"][v], defs["status"]["x-descriptions"][v])
                         for v in defs["status"]["enum"]],
               kinds=[(v, defs["methodKind"]["x-labels"][v], defs["methodKind"]["x-descriptions"][v],
                       sum(1 for m in methods if m["kind"] == v)) for v in defs["methodKind"]["enum"]],
               levels=[(v, defs["evidenceLevel"]["x-labels"][v], defs["evidenceLevel"]["x-descriptions"][v],
                        sum(1 for m in methods if (m.get("evidence") or {}).get("level") == v))
                       for v in defs["evidenceLevel"]["enum"]],
               no_level=sum(1 for m in methods if not (m.get("evidence") or {}).get("level")),
               table=[(v, defs["methodKind"]["x-labels"][v], [review_state.field_label(f) for f in table.get(v, [])])
                      for v in defs["methodKind"]["enum"]])
