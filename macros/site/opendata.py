"""Open data: the validated records as JSON and CSV, the JSON Schemas they follow, and a page
that explains the fields (from the schema descriptions), the licence and how to cite.

The files are exactly what ``python -m scripts.wijkengids exporteer`` writes (both use
macros/data/export.py), published under ``open-data/``; the sections follow the record kinds. Beside them
stands ``catalogus.jsonld``, the description of every file for data portals (catalogue.py).
"""
from __future__ import annotations

from ..data import export
from ..data.kinds import PAGE_FOLDERS
from . import catalogue
from .context import PageContext

FOLDER = PAGE_FOLDERS.opendata


def contribute(ctx: PageContext) -> None:
    files = export.export_files(ctx.data)
    for rel, text in files.items():
        ctx.add(f"{FOLDER}/{rel}", text)
    counts = dict(export.counts(files, ctx.data))
    sections = []
    for kind in ctx.data.kinds:
        docs = export.field_docs(ctx.data.schemas.raw, kind.id)
        rows = []
        for doc in docs:
            rows.append((doc.name, doc))
            rows += [(f"{doc.name}.{child.name}", child) for child in doc.children]
        sections.append({
            "kind": kind.id, "plural": kind.folder, "title": kind.title, "count": counts[kind.folder],
            "csv": kind.csv, "rows": rows,
        })
    ctx.add(f"{FOLDER}/{catalogue.FILE}", catalogue.catalogue(ctx, files, FOLDER))
    ctx.render("opendata.md.j2", f"{FOLDER}/index.md", sections=sections,
               schema_files=export.schema_files(ctx.data),
               list_separator=export.LIST_SEPARATOR.strip(), catalogue_file=catalogue.FILE,
               catalogue_missing=catalogue.missing_settings(ctx.site.publication))
