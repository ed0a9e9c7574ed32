"""Open data in the built site, and the review state on record pages.

The export must equal the validated data (same records, same values), validate against the schema it
publishes, and be explained on a Dutch page generated from the schema descriptions.
"""
from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import referencing

from macros.data import export, review
from macros.data.dataset import load_valid_dataset
from macros.site.build import build_pages
from tests.support import FIXTURE_DATA, SITE_DATA, build_epoch

DATA_DIR = SITE_DATA
NOTE = f"Dit record is langer dan {review.REVIEW_MONTHS} maanden niet gecontroleerd"


def drop_empty(value):
    if isinstance(value, dict):
        kept = {k: drop_empty(v) for k, v in value.items() if v is not None and v != []}
        return {k: v for k, v in kept.items() if v != {}}
    if isinstance(value, list):
        return [drop_empty(v) for v in value]
    return value


@pytest.fixture(scope="module")
def open_data(built_site: Path) -> Path:
    folder = built_site / "open-data"
    assert folder.is_dir(), "the site has no open-data/ folder"
    return folder


def without_private(value):
    """The record without the editors' notes (export.PRIVATE_FIELDS), which the open data leaves out."""
    if isinstance(value, dict):
        return {k: without_private(v) for k, v in value.items() if k not in export.PRIVATE_FIELDS}
    if isinstance(value, list):
        return [without_private(v) for v in value]
    return value


def test_the_site_publishes_every_open_data_file(open_data: Path) -> None:
    for name in ("methods.json", "cases.json", "checklists.json", "methods.csv", "cases.csv"):
        assert (open_data / name).is_file(), name
    for name in export.schema_files():
        published = (open_data / "schema" / name).read_text(encoding="utf-8")
        assert published == export.public_schema((DATA_DIR / "schema" / name).read_text(encoding="utf-8"))
        # Notes for the editors (costs.redactienotitie) are never published, not even as a field name.
        assert "redactienotitie" not in published


def test_the_export_equals_the_validated_data(open_data: Path, data) -> None:
    for kind, plural in export.kinds():
        published = json.loads((open_data / f"{plural}.json").read_text(encoding="utf-8"))
        records = getattr(data, plural)
        assert [r["id"] for r in published] == sorted(records), f"{plural}: not the same records"
        for item in published:
            # Same values; only the empty defaults the loader adds for absent optional fields are left out.
            assert item == drop_empty(without_private(dict(records[item["id"]]))), \
                f"{plural}/{item['id']} differs from the data"
        assert (open_data / f"{plural}.json").read_text(encoding="utf-8") == export.to_json(
            export.export_records(data, kind)), "the site and the curator command must write the same file"


def test_the_export_validates_against_the_published_schema(open_data: Path) -> None:
    registry = referencing.Registry().with_resources(
        (p.name, referencing.Resource.from_contents(json.loads(p.read_text(encoding="utf-8"))))
        for p in sorted((open_data / "schema").glob("*.json")))
    for kind, plural in export.kinds():
        schema = json.loads((open_data / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(schema, registry=registry,
                                                    format_checker=jsonschema.FormatChecker())
        records = json.loads((open_data / f"{plural}.json").read_text(encoding="utf-8"))
        assert records, f"no {plural} to check"
        for record in records:
            errors = [e.message for e in validator.iter_errors(record)]
            assert errors == [], f"{plural}/{record['id']}: {errors}"


def test_csv_has_a_row_per_record_and_a_column_per_field(open_data: Path, data) -> None:
    for kind in export.csv_kinds():
        plural = dict(export.kinds())[kind]
        rows = list(csv.DictReader(io.StringIO((open_data / f"{plural}.csv").read_text(encoding="utf-8"))))
        assert [r["id"] for r in rows] == sorted(getattr(data, plural))
        assert list(rows[0]) == export.csv_columns(export.field_docs(data.schemas.raw, kind))
        for row in rows:
            record = getattr(data, plural)[row["id"]]
            assert row["summary"] == record["summary"]
            assert row["rungs"].split(export.LIST_SEPARATOR) == record["rungs"]
            assert row["status"] == record["status"] and row["reviewed"] == (record["reviewed"] or "")


def test_the_open_data_page_explains_fields_licence_and_citation(built_site: Path, data) -> None:
    page = (built_site / "open-data" / "index.html").read_text(encoding="utf-8")
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    text = " ".join(text.split())
    assert "CC BY 4.0" in text and "EUPL 1.2" in text
    assert "Zo verwijs je naar de gegevens" in text and "[Dataset]" in text
    for name in ("methods.json", "cases.json", "checklists.json", "methods.csv", "cases.csv",
                 *(f"schema/{s}" for s in export.schema_files())):
        assert re.search(rf'href="(\.\./open-data/|\./)?{re.escape(name)}"', page) or \
            f'href="../open-data/{name}"' in page, f"no link to {name}"
    for kind, _ in export.kinds():
        for doc in export.field_docs(data.schemas.raw, kind):
            assert f"<code>{doc.name}</code>" in page, f"field {doc.name} ({kind}) is not explained"
            if doc.description:
                assert " ".join(doc.description.split()) in text, f"description of {kind}.{doc.name} missing"
            for value, _label in doc.choices:
                assert f"<code>{value}</code>" in page
    for counted in (len(data.methods), len(data.cases), len(data.checklists)):
        assert f'<td data-label="Aantal records">{counted}</td>' in page


def test_over_deze_gids_holds_the_curator_guide_and_open_data(built_site: Path) -> None:
    page = (built_site / "over" / "index.html").read_text(encoding="utf-8")
    nav = page[page.index('class="md-nav md-nav--primary"'):]
    # With navigation.indexes the section's label is the link to its own page, just before the label text.
    section = nav[nav.rindex('href="./"', 0, nav.index("Over deze gids")):]
    for href in ('href="../redactie/"', 'href="../open-data/"', 'href="./"'):
        assert href in section, f"{href} not in the section 'Over deze gids'"
    guide = (built_site / "redactie" / "index.html").read_text(encoding="utf-8")
    for heading in ("Een methode toevoegen in vijf stappen", "Een bron toevoegen", "Een foutmelding lezen",
                    "Controle en onderhoud"):
        assert heading in guide


def test_record_pages_show_the_review_note_exactly_when_overdue(built_site: Path, data) -> None:
    """The session site was built with SOURCE_DATE_EPOCH (tests/conftest.py): the note follows that date."""
    built_on = review.build_date({"SOURCE_DATE_EPOCH": build_epoch()})
    folders = {"method": "methoden", "case": "praktijk", "checklist": "checklists"}
    for record in data.all_records():
        page = (built_site / folders[record.kind] / record.id / "index.html").read_text(encoding="utf-8")
        if record["status"] != "beoordeeld":  # a concept names no review, so nothing can be overdue
            assert "data-review-due=" not in page and NOTE not in page, record.path
            continue
        assert f'data-review-due="{review.review_due(record["reviewed"]).isoformat()}"' in page
        assert f'data-review-months="{review.REVIEW_MONTHS}"' in page
        assert (NOTE in page) == review.is_overdue(record["reviewed"], built_on), record.path


def test_the_generator_marks_old_records_relative_to_the_build_date() -> None:
    data = load_valid_dataset(FIXTURE_DATA, FIXTURE_DATA.parent)
    old = [r for r in data.all_records() if review.is_overdue(r["reviewed"], date(2026, 11, 23))]
    assert [r.id for r in old] == ["wijkgesprek"], "fixture: wijkgesprek was reviewed in 2020"
    pages = build_pages(data, today=date(2026, 11, 23))
    assert NOTE in pages["methoden/wijkgesprek.md"]
    assert NOTE not in pages["methoden/burgerpanel.md"] and NOTE not in pages["praktijk/voorbeeldwijk.md"]
    assert NOTE not in build_pages(data, today=date(2021, 1, 1))["methoden/wijkgesprek.md"]
    # The same data and date give the same open data, whatever the clock says.
    assert build_pages(data, today=date(2026, 11, 23))["open-data/methods.json"] == pages["open-data/methods.json"]
