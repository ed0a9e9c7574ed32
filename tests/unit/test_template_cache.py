"""Compiled page templates are kept in the build's cache folder, so the next build process does not
compile them again; what it builds is the same."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from jinja2 import Environment

from macros.data.dataset import load_valid_dataset
from macros.site.build import build_pages
from macros.site.render import make_environment
from tests.support import FIXTURE_DATA

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def data():  # noqa: ANN201 - a Dataset
    """The small fixture data: whether templates are kept does not depend on how many records use them
    (the real data made these four builds of every page take seconds)."""
    return load_valid_dataset(FIXTURE_DATA, FIXTURE_DATA.parent)


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the templates Jinja compiles from source, in a fresh environment (a new process)."""
    make_environment.cache_clear()
    names: list[str] = []
    original = Environment.compile

    def compile(self: Environment, source, name=None, filename=None, raw=False, defer_init=False):  # noqa: ANN001
        names.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", compile)
    yield names
    make_environment.cache_clear()


def test_a_second_build_process_uses_the_kept_templates(data, compiled: list[str], tmp_path: Path) -> None:
    first = build_pages(data, today=TODAY, cache_dir=tmp_path)
    assert "method.md.j2" in compiled and list((tmp_path / "jinja").iterdir())
    compiled.clear()
    make_environment.cache_clear()  # as a new `mkdocs build` process starts without them
    second = build_pages(data, today=TODAY, cache_dir=tmp_path)
    assert compiled == []
    assert second == first


def test_without_a_folder_nothing_is_kept(data, compiled: list[str], tmp_path: Path) -> None:
    build_pages(data, today=TODAY)
    make_environment.cache_clear()
    compiled.clear()
    build_pages(data, today=TODAY)
    assert "method.md.j2" in compiled
