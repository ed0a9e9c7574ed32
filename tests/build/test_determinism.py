"""Two builds of the same tree give a byte-identical site/ (sitemap, sitemap.xml.gz, search index too).

The two builds differ in everything that should not matter: the folder they run in (each has its own
project copy), Python's hash seed (set and dict-of-set order) and the time zone (a date taken from
the local clock instead of SOURCE_DATE_EPOCH would differ by a day between these two zones).
"""
from __future__ import annotations

import difflib
import gzip
import shutil
from pathlib import Path

import pytest

from tests.support import build_site, project_copy


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def explain(name: str, a: bytes, b: bytes) -> str:
    if name.endswith(".gz"):
        a, b = gzip.decompress(a), gzip.decompress(b)
        if a == b:
            return f"{name}: same content, different gzip header (mtime or name)"
    try:
        lines = difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(), lineterm="", n=0)
        return f"{name}:\n" + "\n".join(line[:200] for line in list(lines)[2:12])
    except UnicodeDecodeError:
        return f"{name}: binary, {len(a)} vs {len(b)} bytes"


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = project_copy(tmp_path / "snapshot")  # one tree, copied twice: the same commit
    sites = []
    for name, seed, zone in (("a", "1", "Pacific/Kiritimati"), ("b", "2", "Etc/GMT+12")):
        monkeypatch.setenv("PYTHONHASHSEED", seed)
        monkeypatch.setenv("TZ", zone)
        project = shutil.copytree(snapshot, tmp_path / name / "project", symlinks=False)
        site = tmp_path / name / "site"
        result = build_site(site, project=project)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        sites.append(files(site))
    first, second = sites
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "index.html"} <= set(first)
    assert sorted(first) == sorted(second), "the two builds wrote different files: " + \
        ", ".join(sorted(set(first) ^ set(second)))
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], f"{len(differing)} files differ:\n" + "\n\n".join(
        explain(name, first[name], second[name]) for name in differing[:8])
