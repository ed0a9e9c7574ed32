"""Open data: the validated records as JSON and CSV, the JSON Schemas they follow, and a page
that explains the fields (from the schema descriptions), the licence and how to cite.

The files are exactly what ``python -m scripts.wijkengids exporteer`` writes (both use
macros/export.py), published under ``open-data/``.
"""
from __future__ import annotations

from ..data import export
from .context import PageContext

FOLDER = "open-data"
TITLES = {"method": "Methoden", "case": "Praktijkvoorbeelden", "checklist": "Checklists"}


def contribute(ctx: PageContext) -> None:
    files = export.export_files(ctx.data)
    for rel, text in files.items():
        ctx.add(f"{FOLDER}/{rel}", text)
    counts = dict(export.counts(files))
    sections = []
    for kind, plural in export.KINDS:
        docs = export.field_docs(ctx.data.schemas.raw, kind)
        rows = []
        for doc in docs:
            rows.append((doc.name, doc))
            rows += [(f"{doc.name}.{child.name}", child) for child in doc.children]
        sections.append({
            "kind": kind, "plural": plural, "title": TITLES[kind], "count": counts[plural],
            "csv": kind in export.CSV_KINDS, "rows": rows,
        })
    ctx.render("opendata.md.j2", f"{FOLDER}/index.md", sections=sections,
               schema_files=[name for name in export.SCHEMA_FILES],
               list_separator=export.LIST_SEPARATOR.strip())
