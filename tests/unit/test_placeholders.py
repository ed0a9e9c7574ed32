"""No link to a placeholder: an empty address or an example one (JOUW-…, ….invalid) counts as not set, and a
record page then sends the reader to "Een fout melden" instead of a mailto: that reaches nobody."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from macros.data.dataset import load_valid_dataset
from macros.site.build import Publication, build_pages
from macros.site.context import configured


@pytest.mark.parametrize("value,expected", [
    ("", ""), (None, ""), ("  ", ""), ("redactie@JOUW-DOMEIN.invalid", ""), ("https://github.com/JOUW-ORGANISATIE/x", ""),
    ("iemand@voorbeeld.invalid", ""), ("https://github.com/jouw-buurt/wijkengids", "https://github.com/jouw-buurt/wijkengids"),
    ("redactie@wijkengids.nl", "redactie@wijkengids.nl"), ("https://github.com/org/wijkengids", "https://github.com/org/wijkengids"),
])
def test_an_example_address_counts_as_not_set(value: str | None, expected: str) -> None:
    assert configured(value) == expected


def _page(data_dir: Path, email: str, edit_base: str) -> str:
    data = load_valid_dataset(data_dir, data_dir.parent)
    pages = build_pages(data, edit_base=edit_base, publication=Publication(correction_email=email))
    return pages["methoden/burgerpanel.md"]


def test_without_addresses_a_record_page_links_to_the_report_section_only(data_dir: Path) -> None:
    page = _page(data_dir, "redactie@JOUW-DOMEIN.invalid", "")
    assert '<a href="../../over/#fout-melden">Zo meld je een fout</a>' in page
    assert "mailto:" not in page and "JOUW" not in page
    assert '<p class="wg-edit">Voor de redactie: de gegevens staan in data/methods/burgerpanel.yaml</p>' in page


def test_with_addresses_a_record_page_offers_a_filled_in_mail_and_the_data_file(data_dir: Path) -> None:
    page = _page(data_dir, "redactie@wijkengids.nl", "https://github.com/org/wijkengids/edit/main/")
    href = page.split('<a href="mailto:', 1)[1].split('"', 1)[0]
    target = urlsplit("mailto:" + href.replace("&amp;", "&"))
    assert target.path == "redactie@wijkengids.nl"
    assert parse_qs(target.query)["subject"] == ["Correctie voor de Wijkengids: Burgerpanel"]
    assert 'href="https://github.com/org/wijkengids/edit/main/data/methods/burgerpanel.yaml"' in page
    assert "fout-melden" not in page
