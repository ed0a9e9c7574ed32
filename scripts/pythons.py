"""Build the site strictly under every Python 3.11+ this machine has (``make pythons``).

The project pins packages, not Python: ``make serve`` and ``make test`` use the machine's ``python3``.
This shows that the pinned requirements install and the real site builds with ``--strict`` under each
version found: python3.X on PATH, and pyenv's versions when PYENV_ROOT (or ~/.pyenv) has them. Each
version gets its own venv in tmp/pythons/<version>/ (kept, so a second run only builds), and the build
runs in a private project copy (scripts/project.py), so the working tree is never touched.

Usage: python3 -m scripts.pythons [3.12 3.13 …]   (default: every version found)
Exit code 0 when every version found built the site; 1 otherwise; 2 when none was found.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "tmp" / "pythons"
OLDEST = (3, 11)


def _version(python: str) -> tuple[int, int] | None:
    """(major, minor) of an interpreter that really runs (a pyenv shim without that version does not)."""
    try:
        out = subprocess.run([python, "-c", "import sys; print(*sys.version_info[:2])"], capture_output=True,
                             text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    parts = out.stdout.split()
    return (int(parts[0]), int(parts[1])) if out.returncode == 0 and len(parts) == 2 else None


def interpreters() -> dict[str, str]:
    """'3.13' -> path of an interpreter, for every runnable Python >= 3.11 found (first found wins)."""
    candidates = [shutil.which("python3") or ""]
    candidates += [shutil.which(f"python3.{minor}") or "" for minor in range(OLDEST[1], 20)]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    if pyenv.is_dir():
        candidates += sorted(str(p) for p in pyenv.glob("3.*/bin/python3"))
    found: dict[str, str] = {}
    for python in filter(None, candidates):
        version = _version(python)
        if version and version >= OLDEST:
            found.setdefault(f"{version[0]}.{version[1]}", python)
    return dict(sorted(found.items(), key=lambda item: tuple(map(int, item[0].split(".")))))


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def build_with(version: str, python: str) -> tuple[bool, str]:
    """Install requirements.lock into tmp/pythons/<version>/venv, then a strict build of the real site."""
    venv = WORK / version / "venv"
    stamp = venv / ".installed"
    lock = ROOT / "requirements.lock"
    if not stamp.exists() or stamp.read_text() != lock.read_text():
        shutil.rmtree(venv, ignore_errors=True)
        made = _run([python, "-m", "venv", str(venv)])
        if made.returncode != 0:
            return False, "venv: " + made.stderr.strip()[-500:]
        installed = _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                          "--disable-pip-version-check", "-r", str(lock)], timeout=1800)
        if installed.returncode != 0:
            return False, "pip install -r requirements.lock: " + (installed.stdout + installed.stderr).strip()[-1500:]
        stamp.write_text(lock.read_text())
    site = WORK / version / "site"
    project = WORK / version / "project"
    shutil.rmtree(project, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("WIJKENGIDS_DATA", None)
    copy = _run([str(venv / "bin" / "python"), "-c", "import sys; from pathlib import Path; "
                 "from scripts.project import copy_project; copy_project(Path(sys.argv[1]))", str(project)],
                cwd=ROOT, env=env)
    if copy.returncode != 0:
        return False, copy.stderr.strip()[-1000:]
    built = _run([str(venv / "bin" / "python"), "-m", "mkdocs", "build", "--strict", "--clean", "-d", str(site)],
                 cwd=project, env=env, timeout=1800)
    output = built.stdout + built.stderr
    if built.returncode != 0:
        return False, output.strip()[-1500:]
    pages = sum(1 for _ in site.rglob("index.html"))
    seconds = re.search(r"Documentation built in ([\d.]+) seconds", output)
    return True, f"{pages} pagina's" + (f" in {seconds.group(1)} s" if seconds else "")


def main(argv: list[str] | None = None) -> int:
    wanted = argv if argv is not None else sys.argv[1:]
    found = interpreters()
    if wanted:
        found = {version: path for version, path in found.items() if version in wanted}
    if not found:
        print("Geen Python 3.11 of nieuwer gevonden" + (f" voor {', '.join(wanted)}" if wanted else "") + ".")
        return 2
    failed = 0
    for version, python in found.items():
        print(f"Python {version} ({python}): installeren en bouwen …", flush=True)
        ok, detail = build_with(version, python)
        failed += not ok
        print(f"  {'gelukt' if ok else 'MISLUKT'}: mkdocs build --strict, {detail}", flush=True)
    print(f"{len(found) - failed} van {len(found)} Python-versies bouwen de site: {', '.join(found)}.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
