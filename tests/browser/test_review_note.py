"""The review note in the reader's browser.

The build decides whether a record page says "Dit record is langer dan 24 maanden niet gecontroleerd"
(tests/build/test_opendata.py). A site can stay online long after its last build, so the small script in
docs/assets/js/wijkengids.js repeats the check with the reader's date: that is what it adds.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from macros import review
from macros.dataset import load_valid_dataset
from tests.conftest import SITE_DATA, build_epoch

DATA_DIR = SITE_DATA
NOTE = f"Dit record is langer dan {review.REVIEW_MONTHS} maanden niet gecontroleerd."


@pytest.fixture(scope="module")
def method():
    data = load_valid_dataset(DATA_DIR, DATA_DIR.parent)
    assert data.methods, "no methods"
    return sorted(data.methods.values(), key=lambda m: m.id)[0]


def test_the_script_adds_the_note_when_the_period_ran_out_after_the_build(page, base_url: str, method) -> None:
    due = review.review_due(method["reviewed"])
    built_on = review.build_date({"SOURCE_DATE_EPOCH": build_epoch()})
    assert not review.is_overdue(method["reviewed"], built_on), "pick a record that was fresh at build time"

    # The day the period ends: still no note.
    page.clock.set_fixed_time(datetime(due.year, due.month, due.day, 12, tzinfo=timezone.utc))
    page.goto(f"{base_url}/methoden/{method.id}/")
    box = page.locator(".wg-review")
    assert NOTE not in box.inner_text()

    # One day later, in the reader's browser: the same visible note as a build would write.
    later = date.fromordinal(due.toordinal() + 1)
    page.clock.set_fixed_time(datetime(later.year, later.month, later.day, 12, tzinfo=timezone.utc))
    page.reload()
    assert NOTE in box.inner_text()
    assert page.locator(".wg-review__note strong").inner_text() == NOTE
    assert "wg-review--old" in box.get_attribute("class")


def test_without_javascript_the_page_shows_the_review_state_of_the_build(browser, base_url: str, method) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/methoden/{method.id}/")
    text = page.locator(".wg-review").inner_text()
    assert "Laatst inhoudelijk gecontroleerd op" in text and method["reviewer"] in text
    built_on = review.build_date({"SOURCE_DATE_EPOCH": build_epoch()})
    assert (NOTE in text) == review.is_overdue(method["reviewed"], built_on)
    context.close()
