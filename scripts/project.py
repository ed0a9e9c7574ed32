"""A private copy of what a build reads. The generator writes pages into docs/, so builds for tests,
benchmarks and audits run in a copy: the working tree stays untouched and builds may run side by side."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from macros.data.cited_by import page_title
from macros.data.kinds import generated_dirs

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("mkdocs.yml", "docs", "overrides", "macros", "data")


def copy_project(target: Path, *, plain_pages: bool = False) -> Path:
    """Copy the project into target. With plain_pages, hand-written pages keep their title and get one
    line of plain text: they link to real records and cite the real reading list and glossary, which
    fixture or synthetic data lack (the navigation stays as it is)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, symlinks=False, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    if plain_pages:
        docs = target / "docs"
        for page in docs.rglob("*.md"):
            rel = page.relative_to(docs).as_posix()
            if rel.split("/", 1)[0] not in generated_dirs():
                title = page_title(page.read_text(encoding="utf-8"), rel)
                page.write_text(f"# {title}\n\nTestpagina.\n", encoding="utf-8")
    return target


def mkdocs_build(project: Path, site: Path, *, config: str | None = None, env: dict[str, str] | None = None,
                 timeout: int | None = 900, capture: bool = True) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict --clean`` in project into site (config: another mkdocs file), output
    captured (capture=False: shown as it runs); env adds to (and overrides) the environment. The one place a
    build is started from Python (scripts/bench.py starts its own to measure memory)."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
    if config:
        command += ["-f", config]
    return subprocess.run([*command, "-d", str(site)], cwd=project, env=environment, capture_output=capture,
                          text=True, timeout=timeout)


def build_real_site(work: Path, site: Path, **env: str) -> None:
    """``mkdocs build --strict`` of the real project (real data, even when WIJKENGIDS_DATA is set) from a
    private copy in work/project into site; extra environment variables (SITE_URL, …) go along."""
    project = copy_project(work / "project")
    result = mkdocs_build(project, site, env={**env, "WIJKENGIDS_DATA": "data"})
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit("mkdocs build --strict is mislukt")
