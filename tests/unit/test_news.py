"""'Wat is er nieuw' (macros/site/news.py, macros/data/history.py): dates from the data and from git history,
newest first, the same for every build of one commit; unknown (never a crash) without full history."""
from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from macros.data import history
from macros.data.dataset import load_valid_dataset
from macros.site.build import Publication, build_pages
from tests.support import FIXTURE_DATA

A = "{http://www.w3.org/2005/Atom}"
SITE = Publication(site_url="https://wijkengids.example.nl/")
# Commit days, made up for the test repository (UTC noon, so no time zone moves them to another day).
ADDED, CHANGED = "2026-03-02T12:00:00+00:00", "2026-09-15T12:00:00+00:00"


def git(repo: Path, *args: str, when: str = ADDED) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=Voorbeeld, A.", "-c", "user.email=a@example.invalid",
                    "-c", "commit.gpgsign=false", *args], check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project with the fixture data in git: everything added on ADDED, one method changed on CHANGED."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE_DATA, root / "data")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "data")
    git(root, "commit", "-q", "-m", "Gegevens")
    method = root / "data" / "methods" / "wijkgesprek.yaml"
    method.write_text(method.read_text(encoding="utf-8") + "# Gewijzigd.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "Wijziging", when=CHANGED)
    return root


def pages_of(root: Path) -> dict[str, str]:
    data_dir = root / "data"
    return build_pages(load_valid_dataset(data_dir, root), today=date(2026, 12, 1), publication=SITE)


def entries(feed: str) -> list[tuple[str, str, str]]:
    root = ET.fromstring(feed)
    return [(e.findtext(f"{A}updated"), e.findtext(f"{A}title"), e.find(f"{A}link").get("href"))
            for e in root.findall(f"{A}entry")]


def test_git_dates_per_file(repo: Path) -> None:
    dates = history.file_dates(repo / "data")
    assert dates["methods/wijkgesprek.yaml"] == history.FileDates(date(2026, 3, 2), date(2026, 9, 15))
    assert dates["methods/burgerpanel.yaml"] == history.FileDates(date(2026, 3, 2), date(2026, 3, 2))


def test_feed_lists_added_changed_and_reviewed_newest_first(repo: Path) -> None:
    data = load_valid_dataset(repo / "data", repo)
    found = entries(pages_of(repo)["nieuw.xml"])
    titles = [title for _, title, _ in found]
    assert found[0] == ("2026-11-01T00:00:00Z", "Methode beoordeeld: Burgerpanel",
                        "https://wijkengids.example.nl/methoden/burgerpanel/")
    assert ("2026-09-15T00:00:00Z", f"Methode gewijzigd: {data.methods['wijkgesprek'].heading}",
            "https://wijkengids.example.nl/methoden/wijkgesprek/") in found
    assert "Checklist toegevoegd: " + data.checklists["eerste-stappen"].heading in titles
    assert [updated for updated, _, _ in found] == sorted((u for u, _, _ in found), reverse=True)
    # every record is there once as added; reviews only for records the data says were reviewed
    records = [*data.methods.values(), *data.cases.values(), *data.checklists.values()]
    assert sum(" toegevoegd: " in t for t in titles) == len(records)
    assert sum(" beoordeeld: " in t for t in titles) == sum(r.get("status") == "beoordeeld" for r in records)


def test_page_shows_the_same_events_and_is_the_same_every_build(repo: Path) -> None:
    first, second = pages_of(repo), pages_of(repo)
    assert first["nieuw/index.md"] == second["nieuw/index.md"] and first["nieuw.xml"] == second["nieuw.xml"]
    page = first["nieuw/index.md"]
    assert '<time datetime="2026-11-01">1 november 2026</time>: Methode <a href="../methoden/burgerpanel/">' \
           'Burgerpanel</a> beoordeeld door A. Voorbeeld' in page
    assert page.index('datetime="2026-11-01"') < page.index('datetime="2026-09-15"') < page.index('datetime="2026-03-02"')
    assert "niet beschikbaar" not in page


def test_uncommitted_work_does_not_change_the_dates(repo: Path) -> None:
    before = pages_of(repo)["nieuw.xml"]
    method = repo / "data" / "methods" / "burgerpanel.yaml"
    method.write_text(method.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert pages_of(repo)["nieuw.xml"] == before


@pytest.mark.parametrize("how", ["copy", "shallow"])
def test_without_full_history_dates_are_unknown_not_wrong(repo: Path, tmp_path: Path, how: str) -> None:
    if how == "copy":  # a project copy (as the test builds use): no .git at all
        other = tmp_path / "copy"
        shutil.copytree(repo / "data", other / "data")
    else:  # CI's default checkout: one commit, which would look as if it added every file
        other = tmp_path / "shallow"
        subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(other)], check=True,
                       capture_output=True)
    assert history.file_dates(other / "data") == {}
    pages = pages_of(other)
    found = entries(pages["nieuw.xml"])
    assert found and all(" beoordeeld: " in title for _, title, _ in found), "only dates the data itself has"
    assert "Bij deze versie van de site is die geschiedenis niet beschikbaar" in pages["nieuw/index.md"]
    assert "2026-03-02" not in pages["nieuw/index.md"] and "2026-09-15" not in pages["nieuw.xml"]
