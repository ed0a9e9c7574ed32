"""The Wijkengids's own settings in mkdocs.yml (``extra``): a wrong one stops the build at once, with every
wrong setting named in Dutch, what it may be, and no traceback; a setting left empty takes its default."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from macros.main import read_settings
from tests.support import build_site, fixture_project


def test_every_wrong_setting_is_named_before_the_build_does_any_work(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    project = fixture_project(tmp_path / "project")
    shutil.rmtree(project / "docs" / "methoden", ignore_errors=True)  # generated pages of an earlier build
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    wrong = re.sub(r"(?m)^  publisher_name: .*$", "  publisher_name: 2024", text)
    wrong = re.sub(r"(?m)^  editor_oauth_url: .*$", "  editor_oauth_url: [https://a.example, https://b.example]", wrong)
    assert wrong.count("\n") == text.count("\n") and wrong != text
    config.write_text(wrong, encoding="utf-8")
    monkeypatch.setenv("WIJKENGIDS_SEARCH", "elastic")  # a wrong value from the environment (mkdocs.yml: !ENV)
    result = build_site(tmp_path / "site", project=project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert "mkdocs.yml: extra.publisher_name: moet tekst zijn, maar YAML leest hier een getal (2024) " \
           "(tip: zet de waarde tussen aanhalingstekens)" in output, output[-3000:]
    assert "mkdocs.yml: extra.editor_oauth_url: moet tekst zijn, maar YAML leest hier een lijst" in output
    assert "mkdocs.yml: extra.search: onbekende waarde 'elastic' (tip: kies uit: pagefind, lunr;" in output
    assert "3 fouten in 1 bestand; de site is niet gebouwd." in output
    assert "Traceback" not in output and "SystemExit" not in output
    # Stopped before the data was loaded: no generated page was written, nothing was built.
    assert not (project / "docs" / "methoden" / "index.md").exists()
    assert not (tmp_path / "site").exists()


def test_settings_left_empty_take_their_defaults() -> None:
    """`correction_email:` with nothing after it, or a setting left out, is not a mistake: the build warns
    about what a published site needs (tests/build/test_findable_site.py), it does not stop."""
    settings, problems = read_settings({"correction_email": None, "search": "lunr", "generator": False})
    assert problems.items == []
    assert settings["correction_email"] == "" and settings["search"] == "lunr" and settings["data_dir"] == "data"
    settings, _ = read_settings({})
    assert settings["search"] == "pagefind" and settings["edit_base"] == ""
