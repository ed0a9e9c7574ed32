"""End to end: what `make build` does with a FAIL, a WARN and a RENDER case of tests/fixtures/badinput/
(moved from tests/unit/test_badinput.py, which checks the same cases without MkDocs)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import build_site, fixture_project
from tests.unit.test_badinput import BIB, M, prepare

# --- end to end: what `make build` does with a FAIL, a WARN and a RENDER case ----------------------

@pytest.mark.parametrize("case,page,expected", [
    ("yaml-bool-norway", None, f"{M}/burgerpanel.yaml:4: rungs: onbekende trede 'on'"),
    ("bib-xss-in-title", None, f"{BIB}:3: author: bron 'xss2024' bevat HTML-opmaak"),
    # issue 26: each was published (or ended in a traceback) before
    ("yaml-review-in-future", None, f"{M}/burgerpanel.yaml:20: reviewed: 2099-01-01 ligt in de toekomst"),
    ("yaml-timeline-impossible-date", None, "data/timeline.yaml:8: [2].date: '2025-02-30' is geen bestaande datum"),
    ("yaml-reserved-id", None, f"{M}/index.yaml:2: id: 'index' is gereserveerd"),
    ("yaml-utf8-bom", "burgerpanel", f"{M}/burgerpanel.yaml:1: waarschuwing: bestand begint met een BOM-teken"),
    ("yaml-jinja-in-text", "jinja", f"{M}/jinja.yaml:3: waarschuwing: summary: bevat {{{{"),
])
def test_the_build_stops_on_errors_and_passes_with_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             case: str, page: str | None, expected: str) -> None:
    """FAIL: `mkdocs build --strict` exits non-zero, names file:line: field, leaves no site.
    WARN: the build passes (also with --strict), prints the warning, and the page holds no problem text."""
    exit_ok = page is not None
    data_dir = prepare(case, tmp_path)
    monkeypatch.setenv("WIJKENGIDS_DATA", str(data_dir))
    site = tmp_path / "site"
    result = build_site(site, project=fixture_project(tmp_path / "project"))
    output = result.stdout + result.stderr
    assert (result.returncode == 0) is exit_ok, output[-3000:]
    assert expected in output, "the curator sees file:line: field"
    pages = [p for p in site.rglob("*.html")] if site.exists() else []
    if not exit_ok:
        assert pages == [], "a failed build leaves no site behind"
        assert "Traceback" not in output and "File \"" not in output, "a data error is no crash: no traceback"
        assert re.search(r"^\d+ fout(en)? in \d+ bestand(en)?; de site is niet gebouwd\.$", output, re.M), output
        return
    html = (site / "methoden" / page / "index.html").read_text(encoding="utf-8")
    assert "waarschuwing" not in html and "tip:" not in html
    if case == "yaml-jinja-in-text":
        assert "{% include &#39;/etc/passwd&#39; %} en {{ &#39;&#39;.__class__.__mro__[1].__subclasses__() }}" in html
        assert "root:" not in html and "Wijkengids }}" not in html


def test_a_mistake_in_a_page_is_reported_without_traceback(tmp_path: Path) -> None:
    """{{ cite("…") }} of an unknown key in a hand-written page: file:line and a summary, no traceback."""
    project = fixture_project(tmp_path / "project")
    (project / "docs" / "over.md").write_text("---\nrender_macros: true\n---\n# Over deze gids\n\n"
                                              "Zoals eerder gezegd {{ cite(\"onbekend2020\") }}.\n\n"
                                              "De wet geldt sinds [[feit:wet-participatie-in-werkin]].\n", encoding="utf-8")
    result = build_site(tmp_path / "site", project=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/over.md:6: cite: bron 'onbekend2020' staat niet in de leeslijst" in output, output[-3000:]
    # A fact from the register, written in a hand-written page, is checked the same way.
    assert "docs/over.md:8: onbekend feit 'wet-participatie-in-werkin' (tip: bedoel je 'wet-participatie-in-werking'?)" in output, \
        output[-3000:]
    assert "2 fouten in 1 pagina; de site is niet gebouwd." in output
    assert "Traceback" not in output and "Macro Rendering Error" not in output


def test_a_bug_in_the_code_still_shows_its_traceback(tmp_path: Path) -> None:
    """Only curator mistakes are shortened: a programming error keeps the traceback a developer needs."""
    project = fixture_project(tmp_path / "project")
    pages = project / "macros" / "site" / "build.py"
    pages.write_text(pages.read_text(encoding="utf-8").replace(
        "def build_pages(", "def build_pages(*args, **kwargs):\n    raise RuntimeError('kapot')\n\n\ndef _old(", 1),
        encoding="utf-8")
    result = build_site(tmp_path / "site", project=project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback (most recent call last)" in output and "RuntimeError: kapot" in output, output[-3000:]


def test_a_linked_record_stops_the_build_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 26: a file in data/methods/ that linked to a file outside the repository was published."""
    data_dir = prepare("valid-baseline", tmp_path)
    outside = tmp_path / "buiten" / "geheim.yaml"
    outside.parent.mkdir()
    outside.write_text((data_dir / "methods" / "burgerpanel.yaml").read_text(encoding="utf-8")
                       .replace("id: burgerpanel", "id: geheim"), encoding="utf-8")
    (data_dir / "methods" / "geheim.yaml").symlink_to(outside)
    monkeypatch.setenv("WIJKENGIDS_DATA", str(data_dir))
    site = tmp_path / "site"
    result = build_site(site, project=fixture_project(tmp_path / "project"))
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{M}/geheim.yaml:1: is een symbolische koppeling (symlink)" in output, output[-2000:]
    assert str(outside) not in output and "Traceback" not in output
    assert not site.exists() or not list(site.rglob("*.html"))
