"""The review note in the reader's browser.

The build decides whether a *beoordeeld* record page says "Dit record is langer dan 24 maanden niet
gecontroleerd" (tests/build/test_opendata.py). A site can stay online long after its last build, so the
build writes the last day the review counts on the page, and the small script in docs/assets/js/wijkengids.js
compares the reader's date with it: that is what it adds.
The real records are all concepts (nobody has reviewed them yet), so this runs on a site built from the
fixture data, whose records are 'beoordeeld' by a fictional expert. A concept never gets the note.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest

from macros.data import review
from macros.data.dataset import load_valid_dataset
from scripts.host import static_server
from tests.browser.conftest import _Handler
from tests.support import FIXTURE_DATA, SITE_DATA, build_epoch, build_site, fixture_project

NOTE = f"Dit record is langer dan {review.REVIEW_MONTHS} maanden niet gecontroleerd."


@pytest.fixture(scope="module")
def method():
    data = load_valid_dataset(FIXTURE_DATA, FIXTURE_DATA.parent)
    built_on = review.build_date({"SOURCE_DATE_EPOCH": build_epoch()})
    fresh = [m for m in sorted(data.methods.values(), key=lambda m: m.id)
             if m["status"] == "beoordeeld" and not review.is_overdue(m["reviewed"], built_on)]
    assert fresh, "the fixture needs a method that was reviewed recently at build time"
    return fresh[0]


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("review-site")
    # A copy with the schema link resolved: the build refuses a link that leaves the project it runs from.
    data = shutil.copytree(FIXTURE_DATA, root / "data", symlinks=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WIJKENGIDS_DATA", str(data))
        result = build_site(root / "site", project=fixture_project(root / "project"))
    assert result.returncode == 0, result.stdout + result.stderr
    with static_server(root / "site", _Handler) as url:
        yield url


def test_the_script_adds_the_note_when_the_period_ran_out_after_the_build(page, fixture_url: str, method) -> None:
    due = review.review_due(method["reviewed"])

    # The day the period ends: still no note.
    page.clock.set_fixed_time(datetime(due.year, due.month, due.day, 12, tzinfo=UTC))
    page.goto(f"{fixture_url}/methoden/{method.id}/")
    box = page.locator(".wg-review")
    assert NOTE not in box.inner_text()

    # One day later, in the reader's browser: the same visible note as a build would write.
    later = date.fromordinal(due.toordinal() + 1)
    page.clock.set_fixed_time(datetime(later.year, later.month, later.day, 12, tzinfo=UTC))
    page.reload()
    assert NOTE in box.inner_text()
    assert page.locator(".wg-review__note strong").inner_text() == NOTE
    assert "wg-review--old" in box.get_attribute("class")


def test_without_javascript_the_page_shows_the_review_state_of_the_build(browser, fixture_url: str, method) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{fixture_url}/methoden/{method.id}/")
    text = page.locator(".wg-review").inner_text()
    assert "Beoordeeld op" in text and method["reviewer"] in text
    built_on = review.build_date({"SOURCE_DATE_EPOCH": build_epoch()})
    assert (NOTE in text) == review.is_overdue(method["reviewed"], built_on)
    context.close()


def test_a_concept_never_gets_the_note_however_late(page, base_url: str) -> None:
    """On the real site every record is a concept: even years later the script adds no review note."""
    data = load_valid_dataset(SITE_DATA, SITE_DATA.parent)
    concept = next(m for m in sorted(data.methods.values(), key=lambda m: m.id) if m["status"] == "concept")
    page.clock.set_fixed_time(datetime(2040, 1, 1, 12, tzinfo=UTC))
    page.goto(f"{base_url}/methoden/{concept.id}/")
    box = page.locator(".wg-review")
    assert "Concept:" in box.inner_text() and "nog niet gecontroleerd door een deskundige" in box.inner_text()
    assert NOTE not in page.locator("article").inner_text()
