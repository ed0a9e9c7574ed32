"""`nieuw` on a copy of the real project, then a real build (moved from tests/unit/test_cli.py)."""
from __future__ import annotations

import re
from pathlib import Path

from macros.data import review
from tests.support import build_epoch, build_site, project_copy
from tests.unit.test_cli import REVIEWER, run


def test_nieuw_record_builds_into_a_page_and_an_old_record_shows_its_review_note(tmp_path: Path) -> None:
    """On a copy of the real project: `nieuw` gives a page at once; a record reviewed long before the build
    date (SOURCE_DATE_EPOCH) gets the Dutch note, a fresh one does not."""
    project = project_copy(tmp_path / "project")
    data_dir = project / "data"
    code, out, _ = run("nieuw", "methode", "Buurtkoffie op zaterdag", "--data", str(data_dir))
    assert code == 0, out
    built_on = review.build_date({"SOURCE_DATE_EPOCH": build_epoch()})  # what build_site passes

    def mark_reviewed(path: Path, day: str) -> None:  # cases need no extra fields to be 'beoordeeld'
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^status: concept$", f"status: beoordeeld\nreviewed: {day}\n"
                               f"reviewer: {REVIEWER}", text, count=1), encoding="utf-8")

    aged = sorted(data_dir.glob("cases/*.yaml"))[0]
    mark_reviewed(aged, review.add_months(built_on, -(review.REVIEW_MONTHS + 1)).isoformat())
    fresh = sorted(data_dir.glob("cases/*.yaml"))[-1]
    mark_reviewed(fresh, review.add_months(built_on, -1).isoformat())

    result = build_site(tmp_path / "site", project=project)
    assert result.returncode == 0, result.stdout + result.stderr
    page = tmp_path / "site" / "methoden" / "buurtkoffie-op-zaterdag" / "index.html"
    assert page.exists()
    html = page.read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Buurtkoffie op zaterdag</h1>", html)
    assert "Concept:" in html and "nog niet gecontroleerd door een deskundige" in html
    note = f"Dit record is langer dan {review.REVIEW_MONTHS} maanden niet gecontroleerd"
    aged_html = (tmp_path / "site" / "praktijk" / aged.stem / "index.html").read_text(encoding="utf-8")
    assert note in aged_html and "wg-review--old" in aged_html
    fresh_html = (tmp_path / "site" / "praktijk" / fresh.stem / "index.html").read_text(encoding="utf-8")
    assert note not in fresh_html and "Beoordeeld</strong> op" in fresh_html and REVIEWER in fresh_html
