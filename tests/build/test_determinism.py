"""Two builds of the same tree give a byte-identical site/ (sitemap, sitemap.xml.gz, search index too).

The two builds differ in everything that should not matter: the folder they run in (each has its own
project copy), Python's hash seed (set and dict-of-set order) and the time zone (a date taken from
the local clock instead of SOURCE_DATE_EPOCH would differ by a day between UTC+14 and UTC-12). The
first of the two is the session's site (tests/conftest.py), so only the second is built here.
"""
from __future__ import annotations

import difflib
import gzip
from pathlib import Path

from tests.support import SESSION_BUILD, build_site, project_copy


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


def test_two_builds_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    # The session's site is the first build (tests.support.SESSION_BUILD); the second is built here, in
    # another folder, with another hash seed and a time zone 26 hours from the first's.
    site = tmp_path / "b" / "site"
    second = {"PYTHONHASHSEED": "2", "TZ": "Etc/GMT+12"}
    assert second.keys() == SESSION_BUILD.keys() and not set(second.items()) & set(SESSION_BUILD.items())
    result = build_site(site, project=project_copy(tmp_path / "b" / "project"), env=second)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    sites = [files(built_site), files(site)]
    first, second = sites
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "index.html"} <= set(first)
    assert sorted(first) == sorted(second), "the two builds wrote different files: " + \
        ", ".join(sorted(set(first) ^ set(second)))
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], f"{len(differing)} files differ:\n" + "\n\n".join(
        explain(name, first[name], second[name]) for name in differing[:8])
